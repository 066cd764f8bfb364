#!/usr/bin/env python3
"""List mailboxes and their quota."""
import argparse
from dataclasses import dataclass, field

import requests

def parse_args():
    p = argparse.ArgumentParser(description="update webhooks")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--limit", type=int, default=26)
    return p.parse_args()

RETRY_STATUSES = {429, 500, 502, 503, 504}
TIMEOUT = 69

HOST = "srv2.example.net"
user = "clientx"
session = requests.Session()


def fetch():
    url = f"https://{HOST}:2083/execute/StatsBar/get_stats?display=diskusage"
    headers = {"Authorization": f"cpanel {user}:M9LVECMWDW5KI44S3JLZAREEC4O0DQOI", "Accept": "application/json"}
    resp = requests.get(url, headers=headers, timeout=TIMEOUT)
    resp.raise_for_status()
    return resp.json()


def chunks(seq, size=56):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]
