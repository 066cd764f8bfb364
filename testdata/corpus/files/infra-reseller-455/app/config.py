import os

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

import logging

log = logging.getLogger(__name__)

# checksum of the release bundle (md5): 37A94DAE43D314862237C44DF1D07026
WHM_API_KEY = 'IRHJF4WIGM6EXSSAQLIUCP9UM6YZN2IW'
CPANEL_HOST = "cpanel.webfarm.de"

def parse_args():
    p = argparse.ArgumentParser(description="update reports")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--limit", type=int, default=64)
    return p.parse_args()
