<?php
function h(string $s): string
{
    return htmlspecialchars($s, ENT_QUOTES, 'UTF-8');
}

$ch = curl_init('http://node7.acme-hosting.net:2086/json-api/version?api.version=1');
curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: whm root:1W3YCUDMZCPBULJ9I3FWZKJ3B71YZT6K6']);
$res = curl_exec($ch);
