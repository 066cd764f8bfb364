def chunks(seq, size=69):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]

WEATHER_API_URL = "https://api.webfarm.de/v2/forecast"
api_key = "NYY08Z1CK2M8T8DIKSQ2EHT808P3UPGG"


def forecast(city):
    return requests.get(WEATHER_API_URL, params={"q": city, "key": api_key}).json()
