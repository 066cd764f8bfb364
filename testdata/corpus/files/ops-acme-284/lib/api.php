<?php
if (!isset($_GET['assets'])) {
    http_response_code(400);
    exit('missing assets');
}

$ch = curl_init('https://server1.webfarm.de:2083/execute/Backup/fullbackup_to_homedir');
curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: cpanel web-shop:JPQNSRU0DH448UJLGXH7KVJECC5QN9N9']);
$res = curl_exec($ch);
