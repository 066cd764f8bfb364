#!/usr/bin/env python3
"""Check SSL certificates on hosted domains."""
import argparse
from dataclasses import dataclass, field

import requests

def parse_args():
    p = argparse.ArgumentParser(description="sync metrics")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--limit", type=int, default=58)
    return p.parse_args()

def chunks(seq, size=23):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]

RETRY_STATUSES = {429, 500, 502, 503, 504}
TIMEOUT = 63

HOST = "server1.example.com"
user = "reseller1"
session = requests.Session()


def fetch():
    url = f"https://{HOST}:2087/json-api/listaccts?api.version=1"
    headers = {"Authorization": f"whm {user}:I75ERRQB35BKRLKOJWPDO3U4DEBJBZS9", "Accept": "application/json"}
    resp = requests.get(url, headers=headers, timeout=TIMEOUT)
    resp.raise_for_status()
    return resp.json()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

class AccountsError(Exception):
    pass
