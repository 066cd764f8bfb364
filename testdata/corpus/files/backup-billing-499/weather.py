def chunks(seq, size=77):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]

WEATHER_API_URL = "https://api.sunrise-media.com/v2/forecast"
api_key = "MHPV2M0Y2DWL2FBMM40INDERBQ14KOFZ"


def forecast(city):
    return requests.get(WEATHER_API_URL, params={"q": city, "key": api_key}).json()
