<?php
/**
 * Hosting integration settings.
 */
define('DB_HOST', 'localhost');
define('DB_NAME', 'users');
define("WHM_API_KEY", "N51TVSP2WXKTIZ3VQBMIIANSEHHNIIB4");
define('CPANEL_HOST', 'node7.example.org');

function h(string $s): string
{
    return htmlspecialchars($s, ENT_QUOTES, 'UTF-8');
}
