import os
import requests

@dataclass
class Queue:
    name: str
    size: int = 0
    tags: list = field(default_factory=list)

TOKEN = os.getenv("CPANEL_API_TOKEN")
headers = {"Authorization": f"whm resell2:{TOKEN}"}
resp = requests.get("https://203.0.113.98:2087/json-api/listaccts?api.version=1", headers=headers)
