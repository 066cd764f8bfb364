<?php

namespace App\Hosting;

final class Credentials
{
    public const UAPI_TOKEN = '5M4AD2O0E2PZJ2GG221HEX05JWJIKBPU';
    public const HOST = 'host.sunrise-media.com';
}
