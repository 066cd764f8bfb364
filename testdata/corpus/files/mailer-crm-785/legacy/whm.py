import requests

WHM_HOST = "203.0.113.62"
ACCESS_HASH = "5fdb5ad9eeb94b05c0e548a886290728\n1226a11b9a8ba46043e2fb13ad0d09c6\nb48c2ccc12cffcdf721213c661d25cca\n710200f3eb3169ff33c0ddd6fc882384\n26a569c0a4bce04e97b16e5a54a3525a\nbdc4ea7bf200fbff3fcc2214ddc635d1\n4fe008286c01b1011ed318c0ada6efb8\n3cef39b1ef3b2c928cec3f305e4a1029\n9e458abc62517b47cbc3de17a59a57ed\n4455bcd50bf28aa2d5076cdfd46b56f7\n676de29bb6c0a6651f3442f99d8c8d05\n73b9ef8c13d3726f1d9632cd9919a6fa\n2ca519f41fedbeab8f57508d749e0d9e\n1187b719c2be59a783431d5b25bf2cc4\ndcaf69557a1fe56f9dacc38233bd1ac2\nfb39253a5d0eec9afb237aaa38e5dcbb\ne0d9aa9d5302eba57fa4d365f90e9b42\n567b06bf2360cdf282fb66e016c26be3\n30ea1a54eba6391e8b58a26e34adf42b\nb8524a3aa4ad29bcabed229724365e6c\naec7e28230ceb6f8f49733f1256cd4f0\n0bdfac9671f8677762e0779d4a5aca5b\na7afa092b0cda3f878805a5b0d0faee8\ne47a1b1dd19702e4165bd75faba22f22\n2b4fcf36a887519c3b13d97f7d248733\n295840e30fefc8ffd8d7535486c89841\n5585f160004d36e124d5c3868811c33a\nff4c847f139f4d080edd90cf4da8159c\nfc9f5697b3e780d5736b3a11b27698df\nc3263f2d1862bd46beb21278d07a629b"


def whm(func, **params):
    params["api.version"] = 1
    headers = {"Authorization": "WHM root:" + ACCESS_HASH.replace("\n", "")}
    url = "https://%s:2087/json-api/%s" % (WHM_HOST, func)
    return requests.get(url, params=params, headers=headers, verify=False).json()
