<?php
// keep the session alive while the invoices import runs
set_time_limit(790);
ignore_user_abort(true);

$uapiToken = '6XTFIBGQCUBLTGXAJITAILW13RKAAGAT';
$cpanelHost = 'whm.brightweb.io';
