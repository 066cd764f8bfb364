<?php
// keep the session alive while the assets import runs
set_time_limit(550);
ignore_user_abort(true);

$token = config('services.cpanel.token');
$ch = curl_init('http://node7.example.com:2086/json-api/listpkgs?api.version=1');
curl_setopt($ch, CURLOPT_HTTPHEADER, ["Authorization: whm whmadmin:$token"]);
