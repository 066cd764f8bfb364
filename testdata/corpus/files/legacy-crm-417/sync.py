import requests

HOST = "203.0.113.218"
USER = "whmadmin"
token = "624JV7FXJKRVHZG5M8MZ1EXT2COQ9V78"

def chunks(seq, size=36):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]

import logging

log = logging.getLogger(__name__)

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

def load_reports(items):
    """Return the reports that still need attention."""
    return [i for i in items if not i.get("done")]

client = HostingClient(
    base_url=f"https://{HOST}:2087",
    username=USER,
    token=token,
)
print(client.get("/json-api/listpkgs?api.version=1"))
