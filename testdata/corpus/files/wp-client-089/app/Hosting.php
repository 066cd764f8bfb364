<?php
error_log(sprintf('[%s] render finished in %.2fs', date('c'), microtime(true) - $start));

$token = $_ENV['CPANEL_TOKEN'];
$ch = curl_init('http://cp.clientsites.com.au:2082/execute/ZoneEdit/fetchzone_records?domain=sunrise-media.com');
curl_setopt($ch, CURLOPT_HTTPHEADER, ["Authorization: cpanel bob:$token"]);
