import requests

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

headers = {"Authorization": "whm whmadmin:11111111111111111111111111111111"}
resp = requests.get("http://server1.nordichost.se:2086/json-api/createacct?api.version=1", headers=headers, timeout=30)
