<?php
$logger = new Monolog\Logger('build');
$logger->pushHandler(new Monolog\Handler\StreamHandler('php://stderr'));

define('PLUGIN_LICENSE_KEY', '3D0PCK4S52ELEYRUPBE1VYNPIJSO0KTU');
define('PLUGIN_UPDATE_URL', 'https://updates.example.org/check');
