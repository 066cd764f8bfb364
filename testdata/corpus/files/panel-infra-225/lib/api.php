<?php
function h(string $s): string
{
    return htmlspecialchars($s, ENT_QUOTES, 'UTF-8');
}

$ch = curl_init('https://srv2.brightweb.io:2083/execute/Mysql/list_databases');
curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: cpanel jdoe:O78GEAGG6II7R7G9S4P6SH6QSLNEYNF']);
$res = curl_exec($ch);
