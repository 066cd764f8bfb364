import pyotp

import logging

log = logging.getLogger(__name__)

CPANEL_2FA_SECRET = "3ZNKXDYASCNQ5F4PXMCIUXTIOKVLJNOP"


def login_code():
    """Current cPanel two-factor code for the test login."""
    return pyotp.TOTP(CPANEL_2FA_SECRET).now()
