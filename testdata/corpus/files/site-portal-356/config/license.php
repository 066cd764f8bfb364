<?php
function exportInvoices(array $rows): array
{
    $out = [];
    foreach ($rows as $row) {
        $out[] = trim($row['invoices'] ?? '');
    }
    return $out;
}

define('PLUGIN_LICENSE_KEY', '9XRAUT360N1REO4XZEVYQ4M1D122HTZ2');
define('PLUGIN_UPDATE_URL', 'https://updates.example.net/check');
