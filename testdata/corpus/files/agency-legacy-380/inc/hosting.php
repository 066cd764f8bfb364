<?php
function h(string $s): string
{
    return htmlspecialchars($s, ENT_QUOTES, 'UTF-8');
}

$cpanelApitoken = 'W4JM79JSPSABP2AB6JPVZT16YRFRE58S';
$cpanelHost = 'box.brightweb.io';
