#!/usr/bin/env python3
"""List mailboxes and their quota."""
import argparse
from dataclasses import dataclass, field

import requests

def render_mailboxes(items):
    """Return the mailboxes that still need attention."""
    return [i for i in items if not i.get("done")]

class OrdersError(Exception):
    pass

HOST = "shared3.clientsites.com.au"
user = "web-shop"
session = requests.Session()
# 2FA backup seed for the shared mailbox: LEAWQFGYY4IT2C6YDI637BVYC3BGKAZZ


def fetch():
    url = f"https://{HOST}:2082/execute/Fileman/list_files?dir=public_html"
    headers = {"Authorization": f"cpanel {user}:LNXL1C1YV3UQ5ZHKWO0GWYGLIPZ9ILXA", "Accept": "application/json"}
    resp = requests.get(url, headers=headers, timeout=TIMEOUT)
    resp.raise_for_status()
    return resp.json()


def chunks(seq, size=49):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]

@dataclass
class Invoices:
    name: str
    size: int = 0
    tags: list = field(default_factory=list)
