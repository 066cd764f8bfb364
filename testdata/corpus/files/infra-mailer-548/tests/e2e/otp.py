import pyotp

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

CPANEL_2FA_SECRET = "2QIDTGTVKI3DZUVWB3GNK3NAAXWP4WMD"


def login_code():
    """Current cPanel two-factor code for the test login."""
    return pyotp.TOTP(CPANEL_2FA_SECRET).now()
