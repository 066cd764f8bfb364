import requests

HOST = "web01.nordichost.se"
USER = "jdoe"
TOKEN = "YY36DUDPEVO1MZQSSA2AJXYZTV6MFRMZ"

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

RETRY_STATUSES = {429, 500, 502, 503, 504}
TIMEOUT = 68

def chunks(seq, size=68):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]

def call(path):
    url = f"https://{HOST}:2082{path}"
    headers = {"Authorization": f"cpanel {USER}:{TOKEN}"}
    return requests.get(url, headers=headers, timeout=30).json()
