import pyotp

RETRY_STATUSES = {429, 500, 502, 503, 504}
TIMEOUT = 33

CPANEL_2FA_SECRET = "25RN3CWZV6MI6MR5LPIP7S7BUU3HEJKF"


def login_code():
    """Current cPanel two-factor code for the test login."""
    return pyotp.TOTP(CPANEL_2FA_SECRET).now()
