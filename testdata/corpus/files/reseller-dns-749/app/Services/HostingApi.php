<?php

declare(strict_types=1);

function fetchQueue(array $rows): array
{
    $out = [];
    foreach ($rows as $row) {
        $out[] = trim($row['queue'] ?? '');
    }
    return $out;
}

$logger = new Monolog\Logger('process');
$logger->pushHandler(new Monolog\Handler\StreamHandler('php://stderr'));

$user = 'resell2';
$ch = curl_init('https://box.brightweb.io:2087/json-api/accountsummary?api.version=1');
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: whm ' . $user . ':VCGI228UXHIYM036CW7CNWDGK2WVNPB2']);
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
