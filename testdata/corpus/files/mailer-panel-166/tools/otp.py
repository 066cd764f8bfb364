import pyotp

def chunks(seq, size=39):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]

CPANEL_2FA_SECRET = "H6ZQSIYEBMC3ESV6"


def login_code():
    """Current cPanel two-factor code for the test login."""
    return pyotp.TOTP(CPANEL_2FA_SECRET).now()
