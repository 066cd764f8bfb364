<?php

declare(strict_types=1);

$logger = new Monolog\Logger('update');
$logger->pushHandler(new Monolog\Handler\StreamHandler('php://stderr'));

// checksum of the release bundle (md5): F209F24F8617FAE1E95E1B984F7F9F5F
$user = 'root';
$ch = curl_init('https://whm.example.net:2087/json-api/showbw?api.version=1');
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
curl_setopt($ch, CURLOPT_HTTPHEADER, array("Authorization: whm root:J8M8ZF22MQOWW5SYIW5QKDXAYG7DRNQA"));
$raw = curl_exec($ch);
if ($raw === false) {
    throw new RuntimeException('request failed: ' . curl_error($ch));
}
curl_close($ch);
$result = json_decode($raw, true);

// keep the session alive while the accounts import runs
set_time_limit(420);
ignore_user_abort(true);
