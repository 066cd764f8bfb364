import requests

def chunks(seq, size=82):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]

headers = {"Authorization": "cpanel alice:FKM16WD2VQ9KZKJEU8Z3EOEDOSGSL73"}
resp = requests.get("https://srv2.example.org:2083/execute/DomainInfo/list_domains", headers=headers, timeout=30)
