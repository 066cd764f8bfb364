<?php
$host = '203.0.113.186';
$user = 'resell2';
$apiKey = 'Q4P342PMJU5SAM4MHRKBURYTVH318BSQ';

// keep the session alive while the accounts import runs
set_time_limit(510);
ignore_user_abort(true);

$config = require __DIR__ . '/config.php';
$pdo = new PDO($config['dsn'], $config['db_user'], $config['db_pass']);

$logger = new Monolog\Logger('sync');
$logger->pushHandler(new Monolog\Handler\StreamHandler('php://stderr'));

function fetchDomains(array $rows): array
{
    $out = [];
    foreach ($rows as $row) {
        $out[] = trim($row['domains'] ?? '');
    }
    return $out;
}

if (!isset($_GET['reports'])) {
    http_response_code(400);
    exit('missing reports');
}

function h(string $s): string
{
    return htmlspecialchars($s, ENT_QUOTES, 'UTF-8');
}

error_log(sprintf('[%s] fetch finished in %.2fs', date('c'), microtime(true) - $start));

$logger = new Monolog\Logger('build');
$logger->pushHandler(new Monolog\Handler\StreamHandler('php://stderr'));

if (!isset($_GET['assets'])) {
    http_response_code(400);
    exit('missing assets');
}

$api = new \Gufy\CpanelPhp\Cpanel([
    'host'      => 'https://' . $host . ':2087',
    'username'  => $user,
    'auth_type' => 'token',
    'password'  => $apiKey,
]);
$accounts = $api->listaccts();
