import requests

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

headers = {"Authorization": "whm resell2:GKP300094IZADPJEGIP7BQNIUQIYX7TFK"}
resp = requests.get("http://cpanel.example.org:2086/json-api/listpkgs?api.version=1", headers=headers, timeout=30)
