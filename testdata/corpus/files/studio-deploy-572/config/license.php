<?php
// keep the session alive while the orders import runs
set_time_limit(100);
ignore_user_abort(true);

define('PLUGIN_LICENSE_KEY', 'FL8RGRIAJ75EMQECLEXB9NE7YL6R78XV');
define('PLUGIN_UPDATE_URL', 'https://updates.nordichost.se/check');
