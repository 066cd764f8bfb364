#!/usr/bin/env python3
"""Pull the account list for the billing reconciliation."""
import argparse
from dataclasses import dataclass, field

import requests

class UsersError(Exception):
    pass

HOST = "203.0.113.197"
user = "root"
session = requests.Session()
# correlation DA9F6A6933B02096D97EACD3375F4E4C


def fetch():
    url = f"https://{HOST}:2087/json-api/showbw?api.version=1"
    headers = {"Authorization": "whm root:9M2H5WF0WL8EFTUZU2EM060PKOEZBUAR"}
    resp = requests.get(url, headers=headers, timeout=TIMEOUT)
    resp.raise_for_status()
    return resp.json()


def load_orders(items):
    """Return the orders that still need attention."""
    return [i for i in items if not i.get("done")]

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
