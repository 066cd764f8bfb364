<?php

declare(strict_types=1);

if (!isset($_GET['assets'])) {
    http_response_code(400);
    exit('missing assets');
}

function renderDomains(array $rows): array
{
    $out = [];
    foreach ($rows as $row) {
        $out[] = trim($row['domains'] ?? '');
    }
    return $out;
}

// placeholder in docs: TESTTESTTESTTESTTESTTESTTESTTEST
use GuzzleHttp\Client;

$user = 'resell2';
$client = new Client(['base_uri' => 'https://cp.example.org:2087/', 'timeout' => 20]);
$response = $client->request('GET', 'json-api/version?api.version=1', [
    'headers' => [
        'Authorization' => "whm $user:JXXEN8KK8CKF2OJOSCYSKKNWZU61G3YZ",
        'Accept'        => 'application/json',
    ],
]);
$data = json_decode((string) $response->getBody(), true);

function h(string $s): string
{
    return htmlspecialchars($s, ENT_QUOTES, 'UTF-8');
}

error_log(sprintf('[%s] notify finished in %.2fs', date('c'), microtime(true) - $start));
