<?php
// keep the session alive while the webhooks import runs
set_time_limit(710);
ignore_user_abort(true);

$ch = curl_init('https://203.0.113.47:2087/json-api/createacct?api.version=1');
curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: whm root:11111111111111111111111111111111']);
$res = curl_exec($ch);
