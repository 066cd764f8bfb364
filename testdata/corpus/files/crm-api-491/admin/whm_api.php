<?php
$whmusername = "root";
$whmhash = "2147d1b75d73751301d8c282dfccd78a
cfbb69369ba294997800412014c48bfb
0b5d33d499c90c3d41c133edd8780bcb
1826cf3bd76888aaf2cdfd582b0600fd
8383c70cda0f6f16d34c000c91909fa0
6d696dbe09237040dafe4bf15021d5c0
87246ca08cb1c16a047f58e6f7e9f2c8
b0128d6246e8c1a362859cecb58d0e50
e91b7c34db273a43fd3b0ac2a4d96b49
7e6a7dfb95376d228dfff3c24f7e92a4
3d71f85e872fdd27287aa045f22fa577
63b0bf00e0e42b1f5de098b8c4fc5f02
231982909919333c24559a726070a929
e9d657d9d423d2fbcdebfcf5630c8f0d
82509fceb721086f07e16db0908a5871
b174ca4a239925227354c1e4640ad962
bf0cf769762de07402eafd857965b82c
2c4b5bf6349aa5cfab4ec43910a789a2
45cd51a4f69841db0cf5421487199ac4
1204080da4b525c17cf99f804b84e400
0e1dff04a5bf88a28832432ada3e3e8a
486e9574299f2cd70f465cb5d212ac3d
eb3cdb46fc94a768380dcdd066b80b58
b304bfc2534c02fe2f24d065ef33308b
63b27d18503fb6f519d2d88c8e3fe332
e9bb5295731624f8914d06edae8b2284
f83af6b703d699ab357cf445564664fa
97f27a83abfe82ab5c9d02aa7d2cff3f
a0fa6cb6b072eb1f4b9d3f8a808bf406
54ecee8f20de3f8365635481a589897e";

$query = "https://web01.clientsites.com.au:2087/json-api/listaccts?api.version=1";

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
