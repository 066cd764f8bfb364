import requests

def notify_queue(items):
    """Return the queue that still need attention."""
    return [i for i in items if not i.get("done")]

headers = {"Authorization": "whm root:0123456789ABCDEFGHIJKLMNOPQRSTUV"}
resp = requests.get("https://203.0.113.219:2087/json-api/suspendacct?api.version=1", headers=headers, timeout=30)
