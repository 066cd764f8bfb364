import requests

import logging

log = logging.getLogger(__name__)

headers = {"Authorization": "whm resell2:QQHS8LTGTA115UARG3KZ09KADZI6D6J"}
resp = requests.get("http://shared3.nordichost.se:2086/json-api/accountsummary?api.version=1", headers=headers, timeout=30)
