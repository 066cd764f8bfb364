"""Talk to the old WHM box with its remote access key."""
import urllib.request

ACCESS_KEY = """9bf6847fc49c08df20cd959b7ac5dd79
79eac5c8d63d14e10aef7fb9fe26b765
5ee42cb79e0e48a7af349e8407908dd4
a0ba67d78e93138d9c802fe0147f289d
8ce934182208af89d120ab304a7b2df0
3967fab24c01fefb7dda3856016cb2a9
2edc78117964c6ded06c631485469fdd
938e39a18f2fdf343e85b4c7cc7250b5
4dfcfca11f4c93192c866ce6657109d3
f90fc71ce24ef4d60145fe7429249b71
3af0bace42be0a8c3570c2903a7d7ee3
78eaf156b72e3227d7f2396f10fa4bc3
6348fe4e8562ab6acf478cafb1725dbb
c25a54504d2c7f2d0c304523c1bdd932
df16f461a160df484171afbef368a328
2a9b5e83377c1019e768c8441dd3cf04
189457abe01e1396d62084ef5c159b1a
01536673f86e9bfec8bab69bd23a5edb
0ce2a350785881ebed10700cf3dd23b7
30ea4684f21d679099bb47d510254f96
d6de13703b06fcb6b1a4238510124aea
8987916c0fa6a0a75ab10469dba5cc26
97e3c033eb6b184b4382c42d45778cf1
5d87efb2f6c645596efaaed7301c8d77
e8815e5c2071e4596a0d3fc92b9efc23
d9f10d78f5de30867821f441b7d27a39
7283a1c31e25ffb04c54e7d09bacf2b8
474a3af28dc031790d41b8013ebeb080
911b0b671198e3ef26b32b9eff4d9ead
7824a6dfb9119415a7eb09485d0e217a"""


def list_accounts(host="web01.clientsites.com.au"):
    key = "".join(ACCESS_KEY.split())
    req = urllib.request.Request(
        "https://" + host + ":2087/json-api/listaccts?api.version=1",
        headers={"Authorization": "WHM root:" + key},
    )
    with urllib.request.urlopen(req) as resp:
        return resp.read()
