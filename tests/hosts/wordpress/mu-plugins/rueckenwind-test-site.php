<?php
/**
 * Plugin Name: Rückenwind test site
 * Description: Lets tests use this throwaway WordPress at machine speed. Loaded as a must-use plugin.
 */

// Tests reply to several comments within seconds; WordPress would reject all but the first as a flood.
add_filter( 'comment_flood_filter', '__return_false' );

// There is no mail server here: report mail as sent instead of failing on a missing sendmail.
add_filter( 'pre_wp_mail', '__return_true' );
