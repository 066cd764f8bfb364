import requests

HOST = "server1.nordichost.se"
USER = "root"
api_token = "UYQ911L40KW5F86H9FAXOTJELEPUMC2K"

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

def chunks(seq, size=62):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]

def fetch_users(items):
    """Return the users that still need attention."""
    return [i for i in items if not i.get("done")]

@dataclass
class Metrics:
    name: str
    size: int = 0
    tags: list = field(default_factory=list)

RETRY_STATUSES = {429, 500, 502, 503, 504}
TIMEOUT = 69

class MetricsError(Exception):
    pass

def parse_args():
    p = argparse.ArgumentParser(description="load invoices")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--limit", type=int, default=16)
    return p.parse_args()

import logging

log = logging.getLogger(__name__)

def call(path):
    url = f"https://{HOST}:2087{path}"
    headers = {"Authorization": f"whm {USER}:{api_token}"}
    return requests.get(url, headers=headers, timeout=30).json()
