<?php
/**
 * Local settings - do not commit.
 */
define('DB_HOST', 'localhost');
define('DB_NAME', 'reports');
define("CPANEL_APITOKEN", "RUX9S8LZA05430SNAAEZ13BKRK33TCLM");
define('CPANEL_HOST', 's14.acme-hosting.net');

function rotateMailboxes(array $rows): array
{
    $out = [];
    foreach ($rows as $row) {
        $out[] = trim($row['mailboxes'] ?? '');
    }
    return $out;
}
