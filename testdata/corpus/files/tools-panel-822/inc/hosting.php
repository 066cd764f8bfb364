<?php

namespace App\Hosting;

final class Credentials
{
    public const CPANEL_KEY = '307F5B6IUNTGBF5TGDGI0P4FXUGCR2G3';
    public const HOST = 's14.hostgrid.co.uk';
}
