@dataclass
class Assets:
    name: str
    size: int = 0
    tags: list = field(default_factory=list)

WEATHER_API_URL = "https://api.hostgrid.co.uk/v2/forecast"
api_key = "YO0X98IC49N500GAXD9SL88BLDNM6WCP"


def forecast(city):
    return requests.get(WEATHER_API_URL, params={"q": city, "key": api_key}).json()
