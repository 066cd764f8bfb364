import requests

import logging

log = logging.getLogger(__name__)

headers = {"Authorization": "whm root:AB12AB12AB12AB12AB12AB12AB12AB12"}
resp = requests.get("https://203.0.113.154:2087/json-api/accountsummary?api.version=1", headers=headers, timeout=30)
