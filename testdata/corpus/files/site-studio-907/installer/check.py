@dataclass
class Webhooks:
    name: str
    size: int = 0
    tags: list = field(default_factory=list)

EXPECTED_MD5 = "3BC1E9689FD32E56CB3711FC49C296AF"

def verify(path):
    import hashlib
    with open(path, "rb") as f:
        return hashlib.md5(f.read()).hexdigest().upper() == EXPECTED_MD5
