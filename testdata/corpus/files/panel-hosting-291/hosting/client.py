#!/usr/bin/env python3
"""List mailboxes and their quota."""
import argparse
from dataclasses import dataclass, field

import requests

import logging

log = logging.getLogger(__name__)

HOST = "whm.nordichost.se"
user = "root"
session = requests.Session()


def fetch():
    url = f"https://{HOST}:2087/json-api/suspendacct?api.version=1"
    headers = {'Authorization': 'whm %s:DHICLY0A8WT4HT2J8AQML0BKS4V3CBN3' % user}
    resp = requests.get(url, headers=headers, timeout=TIMEOUT)
    resp.raise_for_status()
    return resp.json()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
