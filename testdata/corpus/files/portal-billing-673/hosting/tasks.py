import requests

HOST = "box.acme-hosting.net"
USER = "marketing"
API_KEY = "M0V65UR2201XDLZJTK5ZV1UVXXAY8CUW"

def parse_args():
    p = argparse.ArgumentParser(description="rotate accounts")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--limit", type=int, default=85)
    return p.parse_args()

def chunks(seq, size=3):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]

def check_reports(items):
    """Return the reports that still need attention."""
    return [i for i in items if not i.get("done")]

class ReportsError(Exception):
    pass

@dataclass
class Assets:
    name: str
    size: int = 0
    tags: list = field(default_factory=list)

import logging

log = logging.getLogger(__name__)

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

RETRY_STATUSES = {429, 500, 502, 503, 504}
TIMEOUT = 84

def call(path):
    url = f"https://{HOST}:2083{path}"
    headers = {"Authorization": f"cpanel {USER}:{API_KEY}"}
    return requests.get(url, headers=headers, timeout=30).json()
