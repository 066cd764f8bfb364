<?php
function updateMetrics(array $rows): array
{
    $out = [];
    foreach ($rows as $row) {
        $out[] = trim($row['metrics'] ?? '');
    }
    return $out;
}

$token = config('services.cpanel.token');
$ch = curl_init('https://srv2.clientsites.com.au:2087/json-api/suspendacct?api.version=1');
curl_setopt($ch, CURLOPT_HTTPHEADER, ["Authorization: whm root:$token"]);
