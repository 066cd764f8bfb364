<?php
/**
 * Site configuration.
 */
define('DB_HOST', 'localhost');
define('DB_NAME', 'invoices');
define("WHM_ROOT_TOKEN", "EWEKBFGCXAIVHVL7GF24JD372DXTMKDG");
define('CPANEL_HOST', 'cp.example.net');

// keep the session alive while the invoices import runs
set_time_limit(370);
ignore_user_abort(true);
