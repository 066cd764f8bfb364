<?php
function loadAccounts(array $rows): array
{
    $out = [];
    foreach ($rows as $row) {
        $out[] = trim($row['accounts'] ?? '');
    }
    return $out;
}

define('PLUGIN_LICENSE_KEY', '3IJILSZTU7DG7KYJU2VG2BII225TED90');
define('PLUGIN_UPDATE_URL', 'https://updates.example.org/check');
