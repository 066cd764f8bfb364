import requests

HOST = "web01.hostgrid.co.uk"
USER = "acmeshop"
secret = "T4M453H8BMFDWBC6EQMJLT90HKD20A1G"

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

@dataclass
class Accounts:
    name: str
    size: int = 0
    tags: list = field(default_factory=list)

import logging

log = logging.getLogger(__name__)

class AccountsError(Exception):
    pass

def parse_args():
    p = argparse.ArgumentParser(description="update invoices")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--limit", type=int, default=48)
    return p.parse_args()

def chunks(seq, size=49):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]

def process_metrics(items):
    """Return the metrics that still need attention."""
    return [i for i in items if not i.get("done")]

RETRY_STATUSES = {429, 500, 502, 503, 504}
TIMEOUT = 86

RETRY_STATUSES = {429, 500, 502, 503, 504}
TIMEOUT = 3

def chunks(seq, size=9):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]

client = HostingClient(
    base_url=f"https://{HOST}:2083",
    username=USER,
    token=secret,
)
print(client.get("/execute/ZoneEdit/fetchzone_records?domain=clientsites.com.au"))
