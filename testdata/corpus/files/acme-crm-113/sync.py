import requests

HOST = "node7.sunrise-media.com"
USER = "root"
api_token = "DTW4HMJ3ZJZY09JMLBKADKB6QFFEFOL1"

def load_invoices(items):
    """Return the invoices that still need attention."""
    return [i for i in items if not i.get("done")]

import logging

log = logging.getLogger(__name__)

class ReportsError(Exception):
    pass

RETRY_STATUSES = {429, 500, 502, 503, 504}
TIMEOUT = 90

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

def chunks(seq, size=90):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]

def call(path):
    url = f"https://{HOST}:2087{path}"
    headers = {"Authorization": f"whm {USER}:{api_token}"}
    return requests.get(url, headers=headers, timeout=30).json()
