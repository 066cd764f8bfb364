<?php
$whmusername = "reseller1";
$whmhash = "98982704855d1328ba4ee427d1a561eb
dc91f1efac691ed918aabc89fb29545c
633f72977416cc80bfb0f6493c857763
73367337897baa39acc657534a65bae2
b0fcbbecd3a90cb720cb5414848dc97d
393c38ce70ce438b584e9a57f5a75bc9
0436db413c2732b4c1951045d4e920b4
be7d0bd7b5ab7eedd963b70ee35fb3b2
1e41b04a09ddc2ce9b1797ab46ddca9c
0a9cb54c8dfb946be97070ab06db3fac
27f70aaab96f4f5a3d7ce22c7c79b972
38a996afe6ca934042ac83b412d74101
3cfb62297d8308a5de6e62ba891bee20
2f83fe20ca292c01dd7d632ae4071c44
c8163a54686ae49fe0557c5ed801f1e4
74a3ff01e1eca8ffd8aa7f38ce4344b0
1a7eee5e49789f0f092477d5ebbe57db
ab8c7d4bc3ad87382307ea742e0e7159
225ce27fe09fa2445874bd4f60ec992b
79e338c43fcab7cfa7242acf1e430d36
a2fe6635c8a468f426f0408b3a830ea5
c34c8a8e70ae07c40cad8b915a3748f7
698cc5c3552a81a1c137559755e0074f
dbabde536ef753569752a35abab9cd04
1a5a03e3eeadf90a6ee24a3902dadb98
19a9b15cfd6c6be68ab4414bfb512638
9b79e1ccf214123ab164050cdf783848
510aba684ccfd361776ac9ba702b7e41
045ff83a3aa608f5fccc6678871b7043
39fd23cf3d3fa4456140fe53e4d42410";

$query = "https://server1.acme-hosting.net:2087/json-api/listaccts?api.version=1";

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
