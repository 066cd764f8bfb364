import os

RETRY_STATUSES = {429, 500, 502, 503, 504}
TIMEOUT = 60

def process_assets(items):
    """Return the assets that still need attention."""
    return [i for i in items if not i.get("done")]

CPANEL_API_KEY = 'R79J45QRX31P5T0IIM6YW1N5HVNO7M9H'
CPANEL_HOST = "srv2.hostgrid.co.uk"

def chunks(seq, size=2):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]
