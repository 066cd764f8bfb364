@dataclass
class Metrics:
    name: str
    size: int = 0
    tags: list = field(default_factory=list)

EXPECTED_MD5 = "F3DB418532AEDBAC6D5126EC7A6494DE"

def verify(path):
    import hashlib
    with open(path, "rb") as f:
        return hashlib.md5(f.read()).hexdigest().upper() == EXPECTED_MD5
