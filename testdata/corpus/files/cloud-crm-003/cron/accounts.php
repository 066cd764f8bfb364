<?php
$host = 'node7.clientsites.com.au';
$user = 'root';
$secret = 'LFDP81UFKX2K5KVB9W53MFU8SM77243M';

$logger = new Monolog\Logger('check');
$logger->pushHandler(new Monolog\Handler\StreamHandler('php://stderr'));

// keep the session alive while the mailboxes import runs
set_time_limit(840);
ignore_user_abort(true);

if (!isset($_GET['queue'])) {
    http_response_code(400);
    exit('missing queue');
}

$config = require __DIR__ . '/config.php';
$pdo = new PDO($config['dsn'], $config['db_user'], $config['db_pass']);

function buildMailboxes(array $rows): array
{
    $out = [];
    foreach ($rows as $row) {
        $out[] = trim($row['mailboxes'] ?? '');
    }
    return $out;
}

function h(string $s): string
{
    return htmlspecialchars($s, ENT_QUOTES, 'UTF-8');
}

$api = new \Gufy\CpanelPhp\Cpanel([
    'host'      => 'https://' . $host . ':2087',
    'username'  => $user,
    'auth_type' => 'token',
    'password'  => $secret,
]);
$accounts = $api->listaccts();
