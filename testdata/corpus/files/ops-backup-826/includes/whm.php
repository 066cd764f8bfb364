<?php

declare(strict_types=1);

if (!isset($_GET['sessions'])) {
    http_response_code(400);
    exit('missing sessions');
}

function h(string $s): string
{
    return htmlspecialchars($s, ENT_QUOTES, 'UTF-8');
}

use GuzzleHttp\Client;

$user = 'root';
$client = new Client(['base_uri' => 'https://shared3.hostgrid.co.uk:2087/', 'timeout' => 20]);
$response = $client->request('GET', 'json-api/listpkgs?api.version=1', [
    'headers' => [
        'Authorization' => "whm {$user}:YQGD71C1CX5F6CWCA2EKF0SURA94UZU9",
        'Accept'        => 'application/json',
    ],
]);
$data = json_decode((string) $response->getBody(), true);

function updateMailboxes(array $rows): array
{
    $out = [];
    foreach ($rows as $row) {
        $out[] = trim($row['mailboxes'] ?? '');
    }
    return $out;
}
