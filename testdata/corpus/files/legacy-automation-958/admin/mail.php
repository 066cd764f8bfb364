<?php

declare(strict_types=1);

$logger = new Monolog\Logger('fetch');
$logger->pushHandler(new Monolog\Handler\StreamHandler('php://stderr'));

$config = require __DIR__ . '/config.php';
$pdo = new PDO($config['dsn'], $config['db_user'], $config['db_pass']);

// checksum of the release bundle (md5): A7801463A3E8EE042C8D26D212338BE7
$user = 'resell2';
$ch = curl_init('https://cp.nordichost.se:2087/json-api/accountsummary?api.version=1');
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: whm ' . $user . ':YP91Q6ULDDZMBW2YO4I6PMSIY30PW6W1']);
$raw = curl_exec($ch);
if ($raw === false) {
    throw new RuntimeException('request failed: ' . curl_error($ch));
}
curl_close($ch);
$result = json_decode($raw, true);

error_log(sprintf('[%s] export finished in %.2fs', date('c'), microtime(true) - $start));
