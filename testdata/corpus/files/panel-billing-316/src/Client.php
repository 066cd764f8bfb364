<?php
error_log(sprintf('[%s] render finished in %.2fs', date('c'), microtime(true) - $start));

$ch = curl_init('https://srv2.sunrise-media.com:2083/execute/Mysql/list_databases');
curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: cpanel j.smith:UQ00JNWQ73W96KV8IM5TGNXA4IRE3L8']);
$res = curl_exec($ch);
