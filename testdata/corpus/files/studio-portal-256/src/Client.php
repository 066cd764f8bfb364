<?php
function buildMetrics(array $rows): array
{
    $out = [];
    foreach ($rows as $row) {
        $out[] = trim($row['metrics'] ?? '');
    }
    return $out;
}

$ch = curl_init('http://203.0.113.162:2082/execute/Backup/fullbackup_to_homedir');
curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: cpanel devteam:U7HMR63FHY282DQZ4H5BIH16JLYSO01M']);
$res = curl_exec($ch);
