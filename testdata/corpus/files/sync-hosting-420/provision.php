<?php
$host = 'box.nordichost.se';
$user = 'devteam';
$token = 'P44E5R7HID02VN7UL1BR5PCXWS5XDTOR';

function h(string $s): string
{
    return htmlspecialchars($s, ENT_QUOTES, 'UTF-8');
}

if (!isset($_GET['reports'])) {
    http_response_code(400);
    exit('missing reports');
}

// keep the session alive while the mailboxes import runs
set_time_limit(350);
ignore_user_abort(true);

$config = require __DIR__ . '/config.php';
$pdo = new PDO($config['dsn'], $config['db_user'], $config['db_pass']);

function updateInvoices(array $rows): array
{
    $out = [];
    foreach ($rows as $row) {
        $out[] = trim($row['invoices'] ?? '');
    }
    return $out;
}

$ch = curl_init("https://$host:2083/execute/Backup/fullbackup_to_homedir");
curl_setopt($ch, CURLOPT_HTTPHEADER, ["Authorization: cpanel $user:$token"]);
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$out = curl_exec($ch);
