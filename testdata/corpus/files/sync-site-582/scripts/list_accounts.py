#!/usr/bin/env python3
"""Pull the account list for the billing reconciliation."""
import argparse
from dataclasses import dataclass, field

import requests

def chunks(seq, size=90):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]

HOST = "box.acme-hosting.net"
user = "root"
session = requests.Session()


def fetch():
    url = f"https://{HOST}:2087/json-api/listaccts?api.version=1"
    headers = {"Authorization": f"whm {user}:A1AQMKHE4YJ66GDK4VAR612NM4A4MJ08", "Accept": "application/json"}
    resp = requests.get(url, headers=headers, timeout=TIMEOUT)
    resp.raise_for_status()
    return resp.json()


@dataclass
class Orders:
    name: str
    size: int = 0
    tags: list = field(default_factory=list)
