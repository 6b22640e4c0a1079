<?php
/**
 * Installs the test WordPress and fills it from seed.mjs. Run by start.mjs, with ABSPATH set by the
 * site's prepend file: php -d auto_prepend_file=DIR/prepend.php install-site.php SEED.json THEME
 * Prints what was created as JSON: ids and permalinks of posts and comments, by their seed keys.
 */

define( 'WP_INSTALLING', true );
require ABSPATH . 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

/** A local date and its GMT twin, `$hours` before now. */
function rw_dates( $hours ) {
	$time = time() - (int) round( $hours * HOUR_IN_SECONDS );
	return array( get_date_from_gmt( gmdate( 'Y-m-d H:i:s', $time ) ), gmdate( 'Y-m-d H:i:s', $time ) );
}

function rw_email( $login ) {
	return $login . '@intranet.example.com';
}

/**
 * Everything runs in this function: at file scope, WordPress's own globals ($theme, $post, ...) would
 * overwrite ours.
 */
function rw_install( $seed, $theme ) {
	global $wp_rewrite;

	$users = array_column( $seed['users'], null, 'login' );
	$admin = current( array_filter( $seed['users'], fn( $user ) => 'administrator' === $user['role'] ) );
	wp_install( $seed['title'], $admin['login'], rw_email( $admin['login'] ), true, '', wp_slash( $admin['password'] ), 'en_US' );

	// wp_install's samples ("Hello world!", the sample and privacy pages) are not part of our intranet.
	foreach ( get_posts( array( 'post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1 ) ) as $sample ) {
		wp_delete_post( $sample->ID, true );
	}

	switch_theme( $theme );
	update_option( 'blogdescription', 'News and notes from our teams' );
	// Pretty permalinks need no rewrite rules on PHP's built-in server: unknown paths reach index.php.
	$wp_rewrite->set_permalink_structure( '/%year%/%monthnum%/%postname%/' );
	flush_rewrite_rules( false );
	update_option( 'thread_comments', 1 );
	update_option( 'comments_notify', 0 );
	update_option( 'moderation_notify', 0 );
	// Avatars would be fetched from gravatar.com, which this closed network cannot reach.
	update_option( 'show_avatars', 0 );

	$user_ids = array();
	foreach ( $users as $login => $user ) {
		$id = username_exists( $login );
		if ( ! $id ) {
			$id = wp_insert_user(
				array(
					'user_login' => $login,
					'user_pass'  => $user['password'],
					'user_email' => rw_email( $login ),
					'role'       => $user['role'],
				)
			);
		}
		[ $first, $last ] = array_pad( explode( ' ', $user['displayName'], 2 ), 2, '' );
		wp_update_user(
			array(
				'ID'           => $id,
				'display_name' => $user['displayName'],
				'first_name'   => $first,
				'last_name'    => $last,
				'role'         => $user['role'],
			)
		);
		$user_ids[ $login ] = $id;
	}

	$created = array();
	foreach ( $seed['posts'] as $post ) {
		[ $date, $date_gmt ] = rw_dates( $post['hoursAgo'] );
		$content = implode(
			"\n\n",
			array_map( fn( $text ) => "<!-- wp:paragraph -->\n<p>" . esc_html( $text ) . "</p>\n<!-- /wp:paragraph -->", $post['paragraphs'] )
		);
		$post_id = wp_insert_post(
			array(
				'post_title'     => $post['title'],
				'post_name'      => $post['slug'],
				'post_content'   => $content,
				'post_status'    => 'publish',
				'post_author'    => $user_ids[ $post['by'] ],
				'post_date'      => $date,
				'post_date_gmt'  => $date_gmt,
				'comment_status' => 'open',
			),
			true
		);
		if ( is_wp_error( $post_id ) ) {
			fwrite( STDERR, $post_id->get_error_message() . "\n" );
			exit( 1 );
		}
		$comment_ids = array();
		foreach ( $post['comments'] as $comment ) {
			[ $date, $date_gmt ] = rw_dates( $comment['hoursAgo'] );
			$by     = isset( $comment['by'] ) ? get_userdata( $user_ids[ $comment['by'] ] ) : null;
			$author = $by
				? array( $by->display_name, $by->user_email, $by->user_url, $by->ID )
				: array( $comment['guest']['name'], $comment['guest']['email'], $comment['guest']['url'] ?? '', 0 );
			$comment_ids[ $comment['key'] ] = wp_insert_comment(
				array(
					'comment_post_ID'      => $post_id,
					'comment_author'       => $author[0],
					'comment_author_email' => $author[1],
					'comment_author_url'   => $author[2],
					'user_id'              => $author[3],
					'comment_content'      => $comment['text'],
					'comment_parent'       => isset( $comment['replyTo'] ) ? $comment_ids[ $comment['replyTo'] ] : 0,
					'comment_approved'     => 1,
					'comment_date'         => $date,
					'comment_date_gmt'     => $date_gmt,
				)
			);
		}
		$created[ $post['slug'] ] = array(
			'id'       => $post_id,
			'url'      => get_permalink( $post_id ),
			'comments' => $comment_ids,
		);
	}

	return array( 'posts' => $created );
}

[ , $rw_seed_file, $rw_theme ] = $argv;
$rw_seed = json_decode( file_get_contents( $rw_seed_file ), true, 32, JSON_THROW_ON_ERROR );
echo wp_json_encode( rw_install( $rw_seed, $rw_theme ) ), "\n";
