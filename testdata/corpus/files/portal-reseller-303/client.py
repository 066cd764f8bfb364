import os
import requests

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

TOKEN = os.getenv("CPANEL_API_TOKEN")
headers = {"Authorization": f"whm whmadmin:{TOKEN}"}
resp = requests.get("http://srv2.example.net:2086/json-api/accountsummary?api.version=1", headers=headers)
