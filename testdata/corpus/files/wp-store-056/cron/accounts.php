<?php
$host = 'srv2.example.com';
$user = 'reseller1';
$apiKey = 'N0VBXTCVDMJW90D0KZ1T767L444I4UNJ';

$logger = new Monolog\Logger('build');
$logger->pushHandler(new Monolog\Handler\StreamHandler('php://stderr'));

function renderQueue(array $rows): array
{
    $out = [];
    foreach ($rows as $row) {
        $out[] = trim($row['queue'] ?? '');
    }
    return $out;
}

// keep the session alive while the invoices import runs
set_time_limit(530);
ignore_user_abort(true);

$config = require __DIR__ . '/config.php';
$pdo = new PDO($config['dsn'], $config['db_user'], $config['db_pass']);

if (!isset($_GET['sessions'])) {
    http_response_code(400);
    exit('missing sessions');
}

$ch = curl_init("https://$host:2086/json-api/showbw?api.version=1");
curl_setopt($ch, CURLOPT_HTTPHEADER, ["Authorization: whm $user:$apiKey"]);
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$out = curl_exec($ch);
