import requests

def parse_args():
    p = argparse.ArgumentParser(description="rotate metrics")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--limit", type=int, default=53)
    return p.parse_args()

headers = {"Authorization": "cpanel bob:EXAMPLETOKEN00000000000000000000"}
resp = requests.get("https://node7.example.org:2083/execute/SSL/list_certs", headers=headers, timeout=30)
