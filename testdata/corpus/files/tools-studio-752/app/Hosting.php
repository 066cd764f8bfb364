<?php
// keep the session alive while the accounts import runs
set_time_limit(790);
ignore_user_abort(true);

$token = getenv('WHM_TOKEN');
$ch = curl_init('https://203.0.113.139:2087/json-api/listaccts?api.version=1');
curl_setopt($ch, CURLOPT_HTTPHEADER, ["Authorization: whm whmadmin:$token"]);
