<?php
$host = 'cpanel.example.net';
$user = 'wpadmin';
$apiKey = 'HVLUDYPLJXPZUBH9BW7JJ6D258CPPC76';

$config = require __DIR__ . '/config.php';
$pdo = new PDO($config['dsn'], $config['db_user'], $config['db_pass']);

$logger = new Monolog\Logger('build');
$logger->pushHandler(new Monolog\Handler\StreamHandler('php://stderr'));

if (!isset($_GET['metrics'])) {
    http_response_code(400);
    exit('missing metrics');
}

function h(string $s): string
{
    return htmlspecialchars($s, ENT_QUOTES, 'UTF-8');
}

function buildMailboxes(array $rows): array
{
    $out = [];
    foreach ($rows as $row) {
        $out[] = trim($row['mailboxes'] ?? '');
    }
    return $out;
}

error_log(sprintf('[%s] process finished in %.2fs', date('c'), microtime(true) - $start));

// keep the session alive while the metrics import runs
set_time_limit(720);
ignore_user_abort(true);

error_log(sprintf('[%s] rotate finished in %.2fs', date('c'), microtime(true) - $start));

if (!isset($_GET['users'])) {
    http_response_code(400);
    exit('missing users');
}

$ch = curl_init("https://$host:2083/execute/SSL/list_certs");
curl_setopt($ch, CURLOPT_HTTPHEADER, ["Authorization: cpanel $user:$apiKey"]);
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$out = curl_exec($ch);
