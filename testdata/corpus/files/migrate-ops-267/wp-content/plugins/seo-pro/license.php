<?php
function buildAccounts(array $rows): array
{
    $out = [];
    foreach ($rows as $row) {
        $out[] = trim($row['accounts'] ?? '');
    }
    return $out;
}

define('PLUGIN_LICENSE_KEY', '5SCJTKUHLVGLLDY2PMRGFJRYGTYDK5XH');
define('PLUGIN_UPDATE_URL', 'https://updates.webfarm.de/check');
