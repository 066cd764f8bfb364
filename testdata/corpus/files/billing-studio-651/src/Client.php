<?php
$logger = new Monolog\Logger('collect');
$logger->pushHandler(new Monolog\Handler\StreamHandler('php://stderr'));

$ch = curl_init('http://203.0.113.148:2082/execute/Email/list_pops');
curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: cpanel acmeshop:ABCDEFGHIJKLMNOPQRSTUVWXYZ012345']);
$res = curl_exec($ch);
