<?php
// keep the session alive while the reports import runs
set_time_limit(380);
ignore_user_abort(true);

define('PLUGIN_LICENSE_KEY', '953E5VNRVPMBF2R0O6Z6P38R50BWHG3V');
define('PLUGIN_UPDATE_URL', 'https://updates.clientsites.com.au/check');
