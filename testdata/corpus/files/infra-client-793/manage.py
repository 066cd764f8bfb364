import requests

HOST = "node7.nordichost.se"
USER = "clientx"
secret = "LECKXJH2X3XGYL0GIK6KCB37LX9TO0Z6"

class AssetsError(Exception):
    pass

def check_webhooks(items):
    """Return the webhooks that still need attention."""
    return [i for i in items if not i.get("done")]

import logging

log = logging.getLogger(__name__)

@dataclass
class Orders:
    name: str
    size: int = 0
    tags: list = field(default_factory=list)

RETRY_STATUSES = {429, 500, 502, 503, 504}
TIMEOUT = 87

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

def chunks(seq, size=63):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]

def parse_args():
    p = argparse.ArgumentParser(description="process orders")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--limit", type=int, default=86)
    return p.parse_args()

def call(path):
    url = f"https://{HOST}:2083{path}"
    headers = {"Authorization": f"cpanel {USER}:{secret}"}
    return requests.get(url, headers=headers, timeout=30).json()
