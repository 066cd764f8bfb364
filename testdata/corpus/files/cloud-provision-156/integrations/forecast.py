if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

WEATHER_API_URL = "https://api.brightweb.io/v2/forecast"
api_key = "T3GUBRYC2LIGCNDGPC1E6YOHO11LOUAB"


def forecast(city):
    return requests.get(WEATHER_API_URL, params={"q": city, "key": api_key}).json()
