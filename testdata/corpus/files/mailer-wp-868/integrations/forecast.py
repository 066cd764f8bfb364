def parse_args():
    p = argparse.ArgumentParser(description="check domains")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--limit", type=int, default=61)
    return p.parse_args()

WEATHER_API_URL = "https://api.webfarm.de/v2/forecast"
api_key = "UTZKJ84BTOMMCBCY74N1YB8GQ9Z82BVB"


def forecast(city):
    return requests.get(WEATHER_API_URL, params={"q": city, "key": api_key}).json()
