<?php
if (!isset($_GET['invoices'])) {
    http_response_code(400);
    exit('missing invoices');
}

$token = getenv('CPANEL_API_TOKEN');
$ch = curl_init('https://box.example.net:2087/json-api/listpkgs?api.version=1');
curl_setopt($ch, CURLOPT_HTTPHEADER, ["Authorization: whm root:$token"]);
