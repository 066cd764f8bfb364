import os
import requests

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

TOKEN = os.getenv("CPANEL_API_TOKEN")
headers = {"Authorization": f"cpanel marketing:{TOKEN}"}
resp = requests.get("https://shared3.example.org:2083/execute/Mysql/list_databases", headers=headers)
