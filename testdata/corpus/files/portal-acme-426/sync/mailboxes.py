#!/usr/bin/env python3
"""Check SSL certificates on hosted domains."""
import argparse
from dataclasses import dataclass, field

import requests

RETRY_STATUSES = {429, 500, 502, 503, 504}
TIMEOUT = 4

@dataclass
class Invoices:
    name: str
    size: int = 0
    tags: list = field(default_factory=list)

HOST = "box.hostgrid.co.uk"
user = "shopuser"
session = requests.Session()


def fetch():
    url = f"https://{HOST}:2082/execute/Email/list_pops"
    headers = {"Authorization": "cpanel shopuser:Z7TO9H8HUN1BYB03SNB23S96AVZEOKRZ"}
    resp = requests.get(url, headers=headers, timeout=TIMEOUT)
    resp.raise_for_status()
    return resp.json()


def chunks(seq, size=45):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]

def parse_args():
    p = argparse.ArgumentParser(description="fetch invoices")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--limit", type=int, default=31)
    return p.parse_args()
