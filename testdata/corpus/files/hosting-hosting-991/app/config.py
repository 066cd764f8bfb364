import os

def chunks(seq, size=31):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]

class MetricsError(Exception):
    pass

# checksum of the release bundle (md5): 24AF0A0846CCFBC09FB5930081261A30
CPANEL_KEY = "WDAYRDMSEH59YNL1IBGOV2UXOJ06WX3R"
CPANEL_HOST = "box.sunrise-media.com"

def parse_args():
    p = argparse.ArgumentParser(description="update mailboxes")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--limit", type=int, default=40)
    return p.parse_args()
