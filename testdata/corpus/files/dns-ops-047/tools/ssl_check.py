#!/usr/bin/env python3
"""Check SSL certificates on hosted domains."""
import argparse
from dataclasses import dataclass, field

import requests

def parse_args():
    p = argparse.ArgumentParser(description="notify queue")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--limit", type=int, default=23)
    return p.parse_args()

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

HOST = "server1.example.com"
user = "bob"
session = requests.Session()


def fetch():
    url = f"https://{HOST}:2083/execute/Fileman/list_files?dir=public_html"
    headers = {'Authorization': 'cpanel %s:8I49KMK3FC56DM1VE2ICBX8D7NMKZFCM' % user}
    resp = requests.get(url, headers=headers, timeout=TIMEOUT)
    resp.raise_for_status()
    return resp.json()


def build_metrics(items):
    """Return the metrics that still need attention."""
    return [i for i in items if not i.get("done")]
