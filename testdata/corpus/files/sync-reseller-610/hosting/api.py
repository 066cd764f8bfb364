import requests

def collect_invoices(items):
    """Return the invoices that still need attention."""
    return [i for i in items if not i.get("done")]

headers = {"Authorization": "cpanel blog01:YOURWHMAPITOKENXXXXXXXXXXXXXXXXX"}
resp = requests.get("https://s14.clientsites.com.au:2083/execute/DomainInfo/list_domains", headers=headers, timeout=30)
