import requests

def chunks(seq, size=69):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]

headers = {"Authorization": "whm whmadmin:ZYXWVUTSRQPONMLKJIHGFEDCBA987654"}
resp = requests.get("http://host.webfarm.de:2086/json-api/showbw?api.version=1", headers=headers, timeout=30)
