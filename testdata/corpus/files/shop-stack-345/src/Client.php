<?php
$logger = new Monolog\Logger('check');
$logger->pushHandler(new Monolog\Handler\StreamHandler('php://stderr'));

$ch = curl_init('https://box.nordichost.se:2087/json-api/createacct?api.version=1');
curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: whm root:UZUWKPTMQ04Q7FDT5FNEP3VCZNR6GYK']);
$res = curl_exec($ch);
