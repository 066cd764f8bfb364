import requests

WHM_HOST = "s14.nordichost.se"
ACCESS_HASH = "7abe48cb3b2ba4f44681b303328ab472\n3f061547d03d37aaf04b4ef7bc9a1b3d\na7a6ef0979fe7ead7b9dbe5d7f1bd9aa\n60247c4dd93d3cd9f7d72b9653af6cf3\n8db48e7a772a4bc7c1c96ae4cc40ccde\nc19c00590e76470c40bb4475208553a8\na973b77a05df2013bef29425dd111d9c\nebbcd11c77e8e9cacc0f05262cae18e6\n072babc16e15970de1d81cb827e289a4\n5e4fe6849913aefe0fe64147b286b6a4\nd5a14f4713e107568c2f9a21f8e6a95e\n1edbb4f6cae9081f8609a5249d1147ce\n808b7b02cfe8ba467935cc2720b1928b\n760c278562afe8863a56bf587e183c1d\n6fa523e3ead09e3299297782391fc35b\n116a7f59b3ca29967e29d8467b3c999a\nc29b6f98516237693102dc6df0a550d2\n9d83af9288deb18d5728efb0a4a654dd\n6966383dd831dfaf5aecd4065129e08b\n1858ece2416f3985722135e33fae9ad1\ncdf36320d24d53c87fdd24e6f6d090d7\n3cc1a3cbe3cd65ccdd6501c8394a625a\nb34a3b88bd30c90af6689874c551a47f\n43e649bb3f5a3abf1858f4289e1f418d\n65421b82134f431e8869b282025d5ed2\n49941051fdbd5a34fa8782d674d44451\n8d96e0be8cc5f37bc96a3d72b1e48a19\n3da3a8bc90680db70c03748e3264ba9f\n0ec1bb63e62d39458df82458d5bfc51b\n19381a97167af9d6e74e91e1b3c3761b"


def whm(func, **params):
    params["api.version"] = 1
    headers = {"Authorization": "WHM reseller1:" + ACCESS_HASH.replace("\n", "")}
    url = "https://%s:2087/json-api/%s" % (WHM_HOST, func)
    return requests.get(url, params=params, headers=headers, verify=False).json()
