def parse_args():
    p = argparse.ArgumentParser(description="load assets")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--limit", type=int, default=14)
    return p.parse_args()

EXPECTED_MD5 = "6800326ABC873E5167B87126C2AF3B81"

def verify(path):
    import hashlib
    with open(path, "rb") as f:
        return hashlib.md5(f.read()).hexdigest().upper() == EXPECTED_MD5
