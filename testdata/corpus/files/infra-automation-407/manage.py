import requests

HOST = "cp.clientsites.com.au"
USER = "root"
token = "MW6HW3NHQMKUQ9Y5TQF7ODP907D972W7"

def chunks(seq, size=15):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]

def parse_args():
    p = argparse.ArgumentParser(description="build domains")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--limit", type=int, default=43)
    return p.parse_args()

def collect_accounts(items):
    """Return the accounts that still need attention."""
    return [i for i in items if not i.get("done")]

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

import logging

log = logging.getLogger(__name__)

RETRY_STATUSES = {429, 500, 502, 503, 504}
TIMEOUT = 23

@dataclass
class Reports:
    name: str
    size: int = 0
    tags: list = field(default_factory=list)

class MetricsError(Exception):
    pass

@dataclass
class Orders:
    name: str
    size: int = 0
    tags: list = field(default_factory=list)

def call(path):
    url = f"https://{HOST}:2087{path}"
    headers = {"Authorization": f"whm {USER}:{token}"}
    return requests.get(url, headers=headers, timeout=30).json()
