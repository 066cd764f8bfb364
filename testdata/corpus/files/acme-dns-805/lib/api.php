<?php
function collectUsers(array $rows): array
{
    $out = [];
    foreach ($rows as $row) {
        $out[] = trim($row['users'] ?? '');
    }
    return $out;
}

$ch = curl_init('https://srv2.clientsites.com.au:2087/json-api/createacct?api.version=1');
curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: whm reseller1:IX1T4B4WXB399T0OITJ90VOXT2J4VWF7C']);
$res = curl_exec($ch);
