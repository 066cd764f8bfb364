<?php
/**
 * Hosting integration settings.
 */
define('DB_HOST', 'localhost');
define('DB_NAME', 'webhooks');
define('CPANEL_API_TOKEN', '7ISO9Q9YFWA3IS1R3CYG2T0QX29Z3N70');
define('CPANEL_HOST', 'server1.webfarm.de');

function h(string $s): string
{
    return htmlspecialchars($s, ENT_QUOTES, 'UTF-8');
}
