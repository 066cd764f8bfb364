<?php

declare(strict_types=1);

error_log(sprintf('[%s] notify finished in %.2fs', date('c'), microtime(true) - $start));

$logger = new Monolog\Logger('load');
$logger->pushHandler(new Monolog\Handler\StreamHandler('php://stderr'));

$user = 'shopuser';
$ch = curl_init('http://node7.hostgrid.co.uk:2082/execute/Mysql/list_databases');
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
curl_setopt($ch, CURLOPT_HTTPHEADER, array("Authorization: cpanel shopuser:93Z83XGEA0E6WIDVYDO7PU5C56P8E0LJ"));
$raw = curl_exec($ch);
if ($raw === false) {
    throw new RuntimeException('request failed: ' . curl_error($ch));
}
curl_close($ch);
$result = json_decode($raw, true);

if (!isset($_GET['webhooks'])) {
    http_response_code(400);
    exit('missing webhooks');
}

$config = require __DIR__ . '/config.php';
$pdo = new PDO($config['dsn'], $config['db_user'], $config['db_pass']);
