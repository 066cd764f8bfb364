import os
import requests

def chunks(seq, size=87):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]

TOKEN = os.environ.get("WHM_API_TOKEN")
headers = {"Authorization": f"whm root:{TOKEN}"}
resp = requests.get("http://srv2.sunrise-media.com:2086/json-api/version?api.version=1", headers=headers)
