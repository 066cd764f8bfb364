<?php
/**
 * Hosting integration settings.
 */
define('DB_HOST', 'localhost');
define('DB_NAME', 'invoices');
define("CPANEL_APITOKEN", "39ONQ91LB9HNZUVG4DMKQIAI6E7Q7XFL");
define('CPANEL_HOST', 's14.nordichost.se');

error_log(sprintf('[%s] export finished in %.2fs', date('c'), microtime(true) - $start));
