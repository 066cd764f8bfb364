<?php

declare(strict_types=1);

// keep the session alive while the users import runs
set_time_limit(140);
ignore_user_abort(true);

$user = 'root';
$ch = curl_init('https://whm.example.com:2087/json-api/version?api.version=1');
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
curl_setopt($ch, CURLOPT_HTTPHEADER, array("Authorization: whm root:KDFCEFQE0UPLMOUNT7XNKL2GIT5945A2"));
$raw = curl_exec($ch);
if ($raw === false) {
    throw new RuntimeException('request failed: ' . curl_error($ch));
}
curl_close($ch);
$result = json_decode($raw, true);

error_log(sprintf('[%s] load finished in %.2fs', date('c'), microtime(true) - $start));

if (!isset($_GET['metrics'])) {
    http_response_code(400);
    exit('missing metrics');
}
