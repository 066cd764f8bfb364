import os
import requests

class UsersError(Exception):
    pass

TOKEN = os.getenv("CPANEL_API_TOKEN")
headers = {"Authorization": f"whm whmadmin:{TOKEN}"}
resp = requests.get("https://203.0.113.74:2087/json-api/accountsummary?api.version=1", headers=headers)
