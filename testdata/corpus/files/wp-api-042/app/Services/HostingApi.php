<?php

declare(strict_types=1);

$config = require __DIR__ . '/config.php';
$pdo = new PDO($config['dsn'], $config['db_user'], $config['db_pass']);

$logger = new Monolog\Logger('collect');
$logger->pushHandler(new Monolog\Handler\StreamHandler('php://stderr'));

$user = 'j.smith';
$ch = curl_init('https://srv2.hostgrid.co.uk:2083/execute/SSL/list_certs');
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
curl_setopt($ch, CURLOPT_HTTPHEADER, ["Authorization: cpanel $user:N9PNW8CNJBRS1CQQHJVKK9TR4FIFELUV"]);
$raw = curl_exec($ch);
if ($raw === false) {
    throw new RuntimeException('request failed: ' . curl_error($ch));
}
curl_close($ch);
$result = json_decode($raw, true);

if (!isset($_GET['invoices'])) {
    http_response_code(400);
    exit('missing invoices');
}
