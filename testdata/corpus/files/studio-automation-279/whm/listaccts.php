<?php
$whmusername = "root";
$whmhash = "e2fafe135503e8d6902893f0a3ce5c00
9f5ca65c331f714642848c14d77acb83
9705e4da63ccf854deeb427f7fc12d31
8c9e9e6ccac1ce3bbd9d496fc1d31b51
bdeb3548f0290f473d049bde8102ee2c
5597cdc807b1d531061fcbbad9333985
24d0ce8fc8407e8fbf1392ff95167e78
e1175375c4bcd1afc2231a28f51f2154
8e7977b0814f4f42db5915821ba11a46
b884d4764a2ea717baaf6bf9c7997595
685241b3dd7e4e5851626858e8690179
fde626eb0c55e1b07cc8fc382279f1ac
3baa3aaf16ab2be03fc17e3ba1e87444
cf2cb2466767d0a73a6db780d9738485
4f5bc2a53aeb17fb3714507c16732dd7
181b5bb5c42fa444751aa204f898baf9
fed443126420bf52a8b9fbf4f28403d2
dc1bb240345758cf84645194e57b23b7
9e66a60559ae7228683518b464290876
0ddb7f7c3c84e0ae31f6ff77b4dc4e78
62605afca1e2adc9914e77f47e1668f2
1c2f403174ec378ab6b33e45c0bf4f6e
517753098219a934f6217a2395ed2535
841eadcf4823147b67d38f630d3366db
a57361aa165696c58ad25eb131cbf262
64b701ca0a275678bb50a68a4a289fbe
e66fd743bd7ed0c51f6919922e1d7022
4f7336b1825923281edb4b588eb0f3a1
fe0dd06e501883c4fd2974347ac48e61
5149c1e2b9a633c20f346f245ae42576";

$query = "https://server1.hostgrid.co.uk:2087/json-api/listaccts?api.version=1";

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
