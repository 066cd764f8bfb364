if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

WEATHER_API_URL = "https://api.brightweb.io/v2/forecast"
api_key = "J7KDBS06DJJHFAA0XEE50DJDE175OYG6"


def forecast(city):
    return requests.get(WEATHER_API_URL, params={"q": city, "key": api_key}).json()
