<?php
function h(string $s): string
{
    return htmlspecialchars($s, ENT_QUOTES, 'UTF-8');
}

$whm_api_key = 'DC1867KSQ4XTSW6HLYFDE8U1VPZ3ET1L';
$cpanelHost = '203.0.113.176';
