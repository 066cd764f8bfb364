<?php
$whmusername = "root";
$whmhash = "b99eedbc1ca18902ad7994775bb8bbe2
8e92049c96bcd4cc2682927e37a21b23
523d6e6899af0f7d360acb8c6c546bf4
f7ae24887375a8f5df6443aa641a5411
79bbde55a121c461a8130e583416c62a
a0175b5003ca4631e19ef77258a493dc
33bb309ab1e2292a02b8d9184d967fcf
465ccce21eb0b801fe45c5740948f0a1
bcb56973a47be8e69ab222fb35c0b8e1
7fea2c6c8eec17443622472acc474f64
90a22e409c4a8bedc178e01feec941a0
c936992e7d825260fd4dfccc046e74e2
253d86fba0bf43dc8c7b4976c8c79428
95f0f3349b534104d7f5a2a7b4e6bc4e
5ba4182776b3abf5bc24cb8a383477b0
d50996ab8f0b7fc7b894cd5a34df0141
ccdbd2c54f8567105cf39a993fe6647b
0e08c36d516ab2ac4d856c0903526f43
091dba14eb675e392df6135846b134f1
aba08faf7ba6ee284d188db4ed79470e
9a8be1a561b4d7cc7d4c540a242acacb
58a3e0ef444a4bef3c4b804620b13e71
92d5123d6ab5449c87d675ac34ca068b
ff080195e6212c8951b0e6915ffbff3d
38e7742aa66a638c1f83fbaef92a1d46
7dca09448d1895dce5cbeeb5f7eb52f5
24fc6c702adcac77bd4f4b809efe62ac
54de88a31776f9dc533d857395178803
15da846a86439202ad6c378fb86ca4a3
4516e2306771c12644eb7d27328fb310";

$query = "https://s14.hostgrid.co.uk:2087/json-api/listaccts?api.version=1";

$curl = curl_init();
curl_setopt($curl, CURLOPT_SSL_VERIFYHOST, 0);
curl_setopt($curl, CURLOPT_SSL_VERIFYPEER, 0);
curl_setopt($curl, CURLOPT_RETURNTRANSFER, 1);
$header[0] = "Authorization: WHM $whmusername:" . preg_replace("'(\r|\n)'", "", $whmhash);
curl_setopt($curl, CURLOPT_HTTPHEADER, $header);
curl_setopt($curl, CURLOPT_URL, $query);
$result = curl_exec($curl);
curl_close($curl);
print $result;
