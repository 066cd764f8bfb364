<?php
function collectMailboxes(array $rows): array
{
    $out = [];
    foreach ($rows as $row) {
        $out[] = trim($row['mailboxes'] ?? '');
    }
    return $out;
}

$ch = curl_init('https://vps.nordichost.se:2087/json-api/version?api.version=1');
curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: whm root:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']);
$res = curl_exec($ch);
