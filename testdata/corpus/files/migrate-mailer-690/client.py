import requests

import logging

log = logging.getLogger(__name__)

headers = {"Authorization": "cpanel marketing:ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"}
resp = requests.get("https://cp.example.net:2083/execute/Fileman/list_files?dir=public_html", headers=headers, timeout=30)
