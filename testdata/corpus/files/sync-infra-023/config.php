<?php
/**
 * Hosting integration settings.
 */
define('DB_HOST', 'localhost');
define('DB_NAME', 'domains');
define('CPANEL_APITOKEN', 'H79A0QNC4JW9OZ82YMU0VE9LPDEZCIUH');
define('CPANEL_HOST', 'server1.example.com');

$logger = new Monolog\Logger('build');
$logger->pushHandler(new Monolog\Handler\StreamHandler('php://stderr'));
