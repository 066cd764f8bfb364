<?php
$host = 'server1.example.net';
$user = 'root';
$apiKey = 'FKOZ8XWSJNWQMWPZ5TGNY8V576VE36TP';

function h(string $s): string
{
    return htmlspecialchars($s, ENT_QUOTES, 'UTF-8');
}

$logger = new Monolog\Logger('build');
$logger->pushHandler(new Monolog\Handler\StreamHandler('php://stderr'));

// keep the session alive while the mailboxes import runs
set_time_limit(850);
ignore_user_abort(true);

if (!isset($_GET['invoices'])) {
    http_response_code(400);
    exit('missing invoices');
}

function loadSessions(array $rows): array
{
    $out = [];
    foreach ($rows as $row) {
        $out[] = trim($row['sessions'] ?? '');
    }
    return $out;
}

$config = require __DIR__ . '/config.php';
$pdo = new PDO($config['dsn'], $config['db_user'], $config['db_pass']);

error_log(sprintf('[%s] notify finished in %.2fs', date('c'), microtime(true) - $start));

function fetchWebhooks(array $rows): array
{
    $out = [];
    foreach ($rows as $row) {
        $out[] = trim($row['webhooks'] ?? '');
    }
    return $out;
}

$ch = curl_init("https://$host:2087/json-api/listaccts?api.version=1");
curl_setopt($ch, CURLOPT_HTTPHEADER, ["Authorization: whm $user:$apiKey"]);
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$out = curl_exec($ch);
