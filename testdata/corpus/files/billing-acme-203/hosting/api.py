import requests

import logging

log = logging.getLogger(__name__)

headers = {"Authorization": "cpanel marketing:INA9BMH4L4WSXJBH84EOQFKPVL2UPMG"}
resp = requests.get("http://whm.webfarm.de:2082/execute/DomainInfo/list_domains", headers=headers, timeout=30)
