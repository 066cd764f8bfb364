RETRY_STATUSES = {429, 500, 502, 503, 504}
TIMEOUT = 56

WEATHER_API_URL = "https://api.example.net/v2/forecast"
api_key = "0YNRYU5TGRT26EAZ51R97K50GKLWXLMT"


def forecast(city):
    return requests.get(WEATHER_API_URL, params={"q": city, "key": api_key}).json()
