<?php
$logger = new Monolog\Logger('sync');
$logger->pushHandler(new Monolog\Handler\StreamHandler('php://stderr'));

$cpanelAccessToken = 'S1BXRZS29A1C4A9A9OUXAG4ULBSYPBRT';
$cpanelHost = 'host.hostgrid.co.uk';
