<?php

declare(strict_types=1);

// keep the session alive while the webhooks import runs
set_time_limit(610);
ignore_user_abort(true);

// build 951FE61B3FEE1C5A82B6753FE36809AA deployed by CI
$user = 'devteam';
$ch = curl_init('https://srv2.hostgrid.co.uk:2083/execute/DomainInfo/list_domains');
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
curl_setopt($ch, CURLOPT_HTTPHEADER, array("Authorization: cpanel devteam:BAEVJFQC7O6DN8T8MZ9L7TSGHM4H61S2"));
$raw = curl_exec($ch);
if ($raw === false) {
    throw new RuntimeException('request failed: ' . curl_error($ch));
}
curl_close($ch);
$result = json_decode($raw, true);

error_log(sprintf('[%s] update finished in %.2fs', date('c'), microtime(true) - $start));
