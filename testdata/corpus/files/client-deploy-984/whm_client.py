import requests

WHM_HOST = "srv2.acme-hosting.net"
ACCESS_HASH = "61a952174dd35f0335f75a7103175413\n57e654c351bfcb71cdd1229f8a4cb83e\nf11942dcb9218e9606b7dd8f9e9d91b0\n42212b8338913ecf407617f3caa0cc38\n5c80c4cbbe7c0697fe92e90764fc09a3\nd9ac7c0a3451f270b286210063d0c0be\na2ca990bb7c66a03299b6b04d4864b61\n80f3243ede3aeb078e51f7e548c1bba8\n3dbe4bd99c43b7ff0297ff8ed046740a\n12de53a556add1b6b9012ebe3812493f\n6f0cfe6bb5e303b23f0ce6cd772fa66a\na5be99719959127d75440714a3500ab3\n10d1e31ffdf8255342dca6e03d99b856\nd48540f94c4d66d29fb143741601cfc6\nd2e23c38f3252e892d23e45b2049ca74\n8c1c6cfa0a52fd08c01eebd87d07d20e\ne632f79d2a5599a5e6804d1c61d43ddc\nf8be422d4e3494577daeefd7bcf1583d\nfa17e27fdce84f9b4d59a1006dd9b29f\n28e0232a2ffcfe942fa274d98dd88426\n2cd9892eb7350c4f9bf4f75ea1db70f4\ne5f1fb0ac8be0b18eda5fba39f9c1da1\ne5029d6b5a466ae9db52c5afecb74005\n12a78ecaf5ad550566c7cbfbb9c00cdc\nd729fdae00b09c3b1941e4d7c50f2216\nbe00954506aefb9551367d1241d1e3d7\n4fc2e5af063f59c65e29acb5fa9693fc\n09fb161736828b3c4a7ca594c6a9856b\nb010adb13c0686810c7e74bab295682e\n0e8340981e4bb60a0d18e61c9ff4e0d2"


def whm(func, **params):
    params["api.version"] = 1
    headers = {"Authorization": "WHM root:" + ACCESS_HASH.replace("\n", "")}
    url = "https://%s:2087/json-api/%s" % (WHM_HOST, func)
    return requests.get(url, params=params, headers=headers, verify=False).json()
