<?php
$config = require __DIR__ . '/config.php';
$pdo = new PDO($config['dsn'], $config['db_user'], $config['db_pass']);

define('PLUGIN_LICENSE_KEY', 'SB1697D961Q3POB050Z16IVDQ4EPQVTF');
define('PLUGIN_UPDATE_URL', 'https://updates.hostgrid.co.uk/check');
