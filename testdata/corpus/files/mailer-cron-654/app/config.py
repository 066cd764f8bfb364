import os

RETRY_STATUSES = {429, 500, 502, 503, 504}
TIMEOUT = 22

WHM_TOKEN = "ROHGL9HOZ88CBLA23OSDAUUDF87T9DAQ"
CPANEL_HOST = "s14.brightweb.io"

def check_orders(items):
    """Return the orders that still need attention."""
    return [i for i in items if not i.get("done")]
