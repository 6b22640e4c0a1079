<?php
// Settings of the throwaway test wiki, required at the end of the LocalSettings.php that
// tests/hosts/mediawiki/start.mjs has install.php write. Never used for a real wiki.

// The port is picked when the server starts, after the install: links follow the Host header instead.
$wgServer = 'http://' . ( $_SERVER['HTTP_HOST'] ?? '127.0.0.1' );

// Tests save in bursts; the test users are in this group so the edit rate limiter leaves them alone.
$wgGroupPermissions['tester']['noratelimit'] = true;

// No sendmail here.
$wgEnableEmail = false;

// Seeding only (maintenance scripts, never the web server): edit.php expands ~~~~ with this time, so the
// seeded discussion carries realistic, distinct dates instead of all saying "now".
if ( PHP_SAPI === 'cli' && getenv( 'RUECKENWIND_SEED_TIME' ) ) {
	Wikimedia\Timestamp\ConvertibleTimestamp::setFakeTime( getenv( 'RUECKENWIND_SEED_TIME' ) );
}
