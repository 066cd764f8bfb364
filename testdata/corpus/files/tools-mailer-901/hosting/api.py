import requests

def chunks(seq, size=41):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]

headers = {"Authorization": "whm root:00000000000000000000000000000000"}
resp = requests.get("https://box.clientsites.com.au:2087/json-api/listpkgs?api.version=1", headers=headers, timeout=30)
