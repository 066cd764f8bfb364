"""Talk to the old WHM box with its remote access key."""
import urllib.request

ACCESS_KEY = """474d0e54f1c847b8044008fbd6f50da8
e22ed1bcaf4c43cfae2477104bdf7260
733a4047b6cc48fd3e55552e1a33db5d
3d3e2478e300fa5b2c17356c686fce92
b2eb42655ac00278edc1d22d7ae73ced
3c8e125d7468f55735b6abd62ce6ee48
d2f10a90be6b2678c2bf2a1cdd24b612
157b55c7fcabd168553d0c8d475ec673
26ae6fda4b16a80dca14899a43de62e7
0f818c7fd1631bd0818b2a11b534fd4c
9f898ed3ca9dd98ca9bd7fef30d756f8
e6de31f3e1b202304bdbd46a738b963a
4961bdcb64f39ef82d6055958f5fd076
e626f829347d78e878612c63b093ded4
67192e27783998b3404c4ed205bf7f7e
1d9e7b893fc9a02f7a0089eaaab36fbb
17be27d561f2dfeaa3986e7721d4e079
8c70912688e60da5029fab5e452c7431
d72522bb5e01857e2cb187d7d560f43e
07212f1c0c2325eceb38906174fac3a0
81cd734c7b8340a63bfed67871c5128c
901c20c5f94928e78bbb972f2f90c7a4
16331d8a4d3d1d3773ec84249ddc30a8
56c476322893bf6b0f359d4fda7d6b56
c0a4a49e6f95a6be62c8be22f5f4d897
bc5e00782a9a3ff406527f74f2db1ab5
8f36a8ce7f113408ce5cf15c109dcab4
c603624ecb528c548c3124b824cd5aae
778ca40cb9e9f7c7ae1c8503d9374bee
707dc7b09d6633d333f82cabf5a53976"""


def list_accounts(host="cp.sunrise-media.com"):
    key = "".join(ACCESS_KEY.split())
    req = urllib.request.Request(
        "https://" + host + ":2087/json-api/listaccts?api.version=1",
        headers={"Authorization": "WHM reseller1:" + key},
    )
    with urllib.request.urlopen(req) as resp:
        return resp.read()
