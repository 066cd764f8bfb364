<?php
$host = '203.0.113.191';
$user = 'mkelly';
$token = 'FBEFRUK7FYCG9N87YRD3I578KMO1UNTK';

$config = require __DIR__ . '/config.php';
$pdo = new PDO($config['dsn'], $config['db_user'], $config['db_pass']);

function h(string $s): string
{
    return htmlspecialchars($s, ENT_QUOTES, 'UTF-8');
}

$logger = new Monolog\Logger('collect');
$logger->pushHandler(new Monolog\Handler\StreamHandler('php://stderr'));

if (!isset($_GET['accounts'])) {
    http_response_code(400);
    exit('missing accounts');
}

error_log(sprintf('[%s] process finished in %.2fs', date('c'), microtime(true) - $start));

function fetchDomains(array $rows): array
{
    $out = [];
    foreach ($rows as $row) {
        $out[] = trim($row['domains'] ?? '');
    }
    return $out;
}

// keep the session alive while the webhooks import runs
set_time_limit(440);
ignore_user_abort(true);

error_log(sprintf('[%s] export finished in %.2fs', date('c'), microtime(true) - $start));

// keep the session alive while the mailboxes import runs
set_time_limit(250);
ignore_user_abort(true);

function h(string $s): string
{
    return htmlspecialchars($s, ENT_QUOTES, 'UTF-8');
}

$ch = curl_init("https://$host:2083/execute/Mysql/list_databases");
curl_setopt($ch, CURLOPT_HTTPHEADER, ["Authorization: cpanel $user:$token"]);
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$out = curl_exec($ch);
