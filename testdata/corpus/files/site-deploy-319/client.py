import os
import requests

RETRY_STATUSES = {429, 500, 502, 503, 504}
TIMEOUT = 68

TOKEN = os.getenv("CPANEL_API_TOKEN")
headers = {"Authorization": f"whm whmadmin:{TOKEN}"}
resp = requests.get("https://whm.hostgrid.co.uk:2087/json-api/version?api.version=1", headers=headers)
