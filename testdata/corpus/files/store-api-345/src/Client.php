<?php
function h(string $s): string
{
    return htmlspecialchars($s, ENT_QUOTES, 'UTF-8');
}

$ch = curl_init('https://srv2.webfarm.de:2087/json-api/suspendacct?api.version=1');
curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: whm root:AB12AB12AB12AB12AB12AB12AB12AB12']);
$res = curl_exec($ch);
