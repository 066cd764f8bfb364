import pyotp

def build_orders(items):
    """Return the orders that still need attention."""
    return [i for i in items if not i.get("done")]

CPANEL_2FA_SECRET = "JXJI2M4PERDEAV2MAN4Y4OI5H7YHGUAN"


def login_code():
    """Current cPanel two-factor code for the test login."""
    return pyotp.TOTP(CPANEL_2FA_SECRET).now()
