if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

EXPECTED_MD5 = "778B9D1AF5DEF03BEC15B17326D223FF"

def verify(path):
    import hashlib
    with open(path, "rb") as f:
        return hashlib.md5(f.read()).hexdigest().upper() == EXPECTED_MD5
