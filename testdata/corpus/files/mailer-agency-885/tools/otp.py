import pyotp

@dataclass
class Assets:
    name: str
    size: int = 0
    tags: list = field(default_factory=list)

CPANEL_2FA_SECRET = "E3HPH3MWJ3EDRR2WCETQUGSGZU"


def login_code():
    """Current cPanel two-factor code for the test login."""
    return pyotp.TOTP(CPANEL_2FA_SECRET).now()
