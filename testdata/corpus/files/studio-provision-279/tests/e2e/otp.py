import pyotp

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

CPANEL_2FA_SECRET = "JCHKQNJZ66EPWL6AMWAZ2KHUZQLPWLT5"


def login_code():
    """Current cPanel two-factor code for the test login."""
    return pyotp.TOTP(CPANEL_2FA_SECRET).now()
