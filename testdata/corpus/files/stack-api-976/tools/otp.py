import pyotp

def fetch_accounts(items):
    """Return the accounts that still need attention."""
    return [i for i in items if not i.get("done")]

CPANEL_2FA_SECRET = "JMSPZSHDAPJQFSZUY2NZY7I3HP"


def login_code():
    """Current cPanel two-factor code for the test login."""
    return pyotp.TOTP(CPANEL_2FA_SECRET).now()
