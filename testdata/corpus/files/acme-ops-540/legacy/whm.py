import requests

WHM_HOST = "s14.nordichost.se"
ACCESS_HASH = "7dfd43f010f28957a0e953b7d3ffea66\na99aafd1b34b2e0f6e42f6e0d897cd38\n9ba3941b96a3d4b62b4bc2b2e53e96b0\nf59184f3cf760b3be83e2e489c60822a\n4baa2a88b26d46430112cd8259310d99\n10d0d85265801452a1bcfbc04158fc33\n3b90415d97d45adcd21a38c74743e7d9\n28018cede1b7114d20b87cd8c3ced0e0\n7452265bc406ea54288d02d437d52a30\n413c80b831bee8deb89335ab7c71880c\n00164f5be6da15ebbf46087fec56792c\n16a677abdaf2fcb43c8523348183e6f2\n1459d73779209bb424221a84bef2da25\n68f76bf78237d1f035df3f87eade89dd\n002cee4f27c417ac6de13fcaedced46a\na68629335acbc289aacac1b866099f18\nba9ca4b19ddcfb2b3336907a9b6d8693\n97446a483444f37f62dc14f1823e519c\n23378914a82fd5d4d9a46fb94b6e91cf\n3add83af3b3b480665f63749fd6320ca\n5248fb64f0ad3add65708de7251385b9\n8d6eb8ffd8c4e67f85bd1bbcc9991ac5\n298a326acec567e085bdc94b94070a5c\n9f107466b66aead4a3e062944de02d54\na11332d0b580dfe3cf808584a317e294\n6920e8f42e2a8158ef418f0418526bce\ne07c480f86992e7989e5be29fc9b9f7d\n3db4f263c8ec8be799f3cfb8e8716200\n15ef901bcc272848c940b3158b16779f\nd8ace44462dfc6f6774e1c7f7841f33c"


def whm(func, **params):
    params["api.version"] = 1
    headers = {"Authorization": "WHM root:" + ACCESS_HASH.replace("\n", "")}
    url = "https://%s:2087/json-api/%s" % (WHM_HOST, func)
    return requests.get(url, params=params, headers=headers, verify=False).json()
