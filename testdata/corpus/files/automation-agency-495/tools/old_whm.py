"""Talk to the old WHM box with its remote access key."""
import urllib.request

ACCESS_KEY = """356e7e1cc44c514befee6631533e3ba1
7330e90a0d77bf7562e94b55d1e3f4da
50adfc42385c6e190dd540f5a5e6c741
f9e80504d904c70e5d3df61542393924
d84079573bec2e7ddba65227c604a363
acf32d247c2841f8743e746940c149af
9af8800d4f796cc6da7041ebf12d996d
02b02cd92e93ad8cdb7b721b9e88b0f5
243ca38e6eda6a1ca464ecaf222a1257
46d6ee6ed2f4cff5c36d39e892beb6f2
6697f7597286db631f9abe54a3d7c637
82dd22edcaea6ea084106cad6c044538
71f8062eeb69a5ba3ff5725b017d5330
7036b37e86ea2ffcaa7124a8ef7110e3
bb605a038db2ad8022f9307f933d93cb
9db05d1d553e35b00e055a2974a2e90a
3d55f3e58a28f25b0c776e397ac75cd8
3783d11162e1acaf635cc6728da97c1b
fd509e8c32f7e4ad5a4d83804ce52d10
ab53bcf47643da1089c59d86b1db5590
90c7ce1e51130380cacbb7b2748adceb
6ee0b492f70b310e5260f5ff224c798c
117e5d42e54028c8742b38564960d2a6
38927d5cc4ad839cc82262bdeb032409
cd19ba1a6c15630a5ccebb89dc0c4d08
20443658f2c898ca2d7445f91126b2b1
17bc3dbf73766883ebd4c8f3697e1471
e3f9a3a3576d5cee2a25dc87bb166d91
a437c44a9fd16edf81664f2d56b17782
331d592171486b55776b6acf3edebeb3"""


def list_accounts(host="vps.nordichost.se"):
    key = "".join(ACCESS_KEY.split())
    req = urllib.request.Request(
        "https://" + host + ":2087/json-api/listaccts?api.version=1",
        headers={"Authorization": "WHM root:" + key},
    )
    with urllib.request.urlopen(req) as resp:
        return resp.read()
