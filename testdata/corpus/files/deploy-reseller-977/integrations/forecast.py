def parse_args():
    p = argparse.ArgumentParser(description="rotate reports")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--limit", type=int, default=23)
    return p.parse_args()

WEATHER_API_URL = "https://api.acme-hosting.net/v2/forecast"
api_key = "GSJJSZU3W5HJGBL2IB9O5AIDGFIOIFLJ"


def forecast(city):
    return requests.get(WEATHER_API_URL, params={"q": city, "key": api_key}).json()
