<?php
function h(string $s): string
{
    return htmlspecialchars($s, ENT_QUOTES, 'UTF-8');
}

$token = getenv('CPANEL_API_TOKEN');
$ch = curl_init('https://cpanel.sunrise-media.com:2083/execute/Mysql/list_databases');
curl_setopt($ch, CURLOPT_HTTPHEADER, ["Authorization: cpanel bob:$token"]);
