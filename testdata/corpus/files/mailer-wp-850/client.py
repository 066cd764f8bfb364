import os
import requests

def parse_args():
    p = argparse.ArgumentParser(description="export orders")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--limit", type=int, default=2)
    return p.parse_args()

TOKEN = os.environ["CPANEL_TOKEN"]
headers = {"Authorization": f"cpanel acmeshop:{TOKEN}"}
resp = requests.get("https://whm.example.org:2083/execute/ZoneEdit/fetchzone_records?domain=hostgrid.co.uk", headers=headers)
