<?php
$host = 's14.example.net';
$user = 'j.smith';
$secret = 'J309ZKDMJWI3P2A1TRQDHE97SB287XA3';

function exportQueue(array $rows): array
{
    $out = [];
    foreach ($rows as $row) {
        $out[] = trim($row['queue'] ?? '');
    }
    return $out;
}

// keep the session alive while the accounts import runs
set_time_limit(430);
ignore_user_abort(true);

$config = require __DIR__ . '/config.php';
$pdo = new PDO($config['dsn'], $config['db_user'], $config['db_pass']);

error_log(sprintf('[%s] fetch finished in %.2fs', date('c'), microtime(true) - $start));

function h(string $s): string
{
    return htmlspecialchars($s, ENT_QUOTES, 'UTF-8');
}

$ch = curl_init("https://$host:2083/execute/StatsBar/get_stats?display=diskusage");
curl_setopt($ch, CURLOPT_HTTPHEADER, ["Authorization: cpanel $user:$secret"]);
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$out = curl_exec($ch);
