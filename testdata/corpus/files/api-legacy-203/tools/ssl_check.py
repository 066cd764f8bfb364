#!/usr/bin/env python3
"""Check SSL certificates on hosted domains."""
import argparse
from dataclasses import dataclass, field

import requests

def chunks(seq, size=9):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]

import logging

log = logging.getLogger(__name__)

def update_accounts(items):
    """Return the accounts that still need attention."""
    return [i for i in items if not i.get("done")]

HOST = "web01.example.org"
user = "root"
session = requests.Session()


def fetch():
    url = f"https://{HOST}:2086/json-api/showbw?api.version=1"
    session.headers.update({"Authorization": "whm " + user + ":072TC45EWPRKGIW3GFMK061RZPB8BBIF"})
    resp = session.get(url, timeout=TIMEOUT)
    resp.raise_for_status()
    return resp.json()


def parse_args():
    p = argparse.ArgumentParser(description="process reports")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--limit", type=int, default=36)
    return p.parse_args()

class DomainsError(Exception):
    pass
