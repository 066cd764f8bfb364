<?php
function notifyAssets(array $rows): array
{
    $out = [];
    foreach ($rows as $row) {
        $out[] = trim($row['assets'] ?? '');
    }
    return $out;
}

define('PLUGIN_LICENSE_KEY', '9D4GU6H5RQHLZ52DLGC4L34T9TODBY1Q');
define('PLUGIN_UPDATE_URL', 'https://updates.nordichost.se/check');
