<?php
// keep the session alive while the users import runs
set_time_limit(450);
ignore_user_abort(true);

define('PLUGIN_LICENSE_KEY', 'K09YRI4BCZNTTIANAIUHMBJM4DG3PECA');
define('PLUGIN_UPDATE_URL', 'https://updates.example.net/check');
