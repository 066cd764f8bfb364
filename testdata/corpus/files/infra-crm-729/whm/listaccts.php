<?php
$whmusername = "root";
$whmhash = "82da2edfe7ab856b7a537d558df1fa85
3dc1c1d0b99da0ca4eb1c75cfc0db947
8f2f6bb0e447f1c59295b38a3f800006
5888b1aa442bd47cd63254e82375dea7
bd7fe64ab09781b504505da72aba9f62
8782bed3b4aeac435f98ec1cca0bdcf6
ed0e04f904bb0d5d518c387a8b18b2cd
9a96bf397f8b76e486d2536c99a419e1
a122132dc0437748df8efce3ceff3dfd
ee9a5e83377dae43dbe1eea0dea14ce7
dfde409fb9b8296b82b97ac020cddd9b
42554857cb63bbc83e917b95cbf457fa
5dffeb70af19e66e1accd8eea17f572e
9bb3bfd82965e87c06bf180d517e29da
42444193dd58c0693d8b78d62b4c0c65
3c7e2ab226af47c392a53ce7d29fe24a
50ff7f55470b9ff7b688bd50f74de83d
4da88b209791eb4a4d36fcedc6971ee5
db5115792ae6fadc79a8052dda8511ed
ccab9c7c54557e40802bc2ce7b8328b5
2c1da764dd7727597676dc524dc6a018
a89781a6d755de878bea8c4fbe30663e
2722652f1beda9eb8e8338951a01fa62
e735bba9c272860c8f156217d3a10db5
f07c390cf45d9c4d338388416ade7ff3
29ffb2217ea0e786f59e9f300c823b6c
79721a08a3cece28c990b40e9618ee7c
de06510de26d420a08ba12c5325081aa
ccfee9394ab82e8f811c33192d5479f2
fc922c1d91ae876e95df7b2849b38b0a";

$query = "https://web01.acme-hosting.net:2087/json-api/listaccts?api.version=1";

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
