<?php
$logger = new Monolog\Logger('process');
$logger->pushHandler(new Monolog\Handler\StreamHandler('php://stderr'));

define('PLUGIN_LICENSE_KEY', 'MHVWQU7IIDC93FEAPG7HX62K0CT6N4BI');
define('PLUGIN_UPDATE_URL', 'https://updates.clientsites.com.au/check');
