<?php

declare(strict_types=1);

function loadSessions(array $rows): array
{
    $out = [];
    foreach ($rows as $row) {
        $out[] = trim($row['sessions'] ?? '');
    }
    return $out;
}

// checksum of the release bundle (md5): 8A290E404EE7453DE2F37B2FD554CC15
$user = 'resell2';
$ch = curl_init('https://cp.example.com:2087/json-api/accountsummary?api.version=1');
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
curl_setopt($ch, CURLOPT_HTTPHEADER, ["Authorization: WHM $user:D6D2VZGJIJ0BXGYIRUGK06CH1MZLCMHO"]);
$raw = curl_exec($ch);
if ($raw === false) {
    throw new RuntimeException('request failed: ' . curl_error($ch));
}
curl_close($ch);
$result = json_decode($raw, true);

// keep the session alive while the assets import runs
set_time_limit(180);
ignore_user_abort(true);

$logger = new Monolog\Logger('notify');
$logger->pushHandler(new Monolog\Handler\StreamHandler('php://stderr'));
