package corpus

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// genBase64 builds Kubernetes Secret manifests whose data holds a base64-encoded token. The label
// is the decoded token; a trailing newline (from `echo TOKEN | base64`) is part of many real ones.
func genBase64(g *gen) []File {
	var files []File
	for range 24 {
		files = append(files, k8sSecret(g))
	}
	return files
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

func k8sSecret(g *gen) File {
	b := g.file()
	a := g.api()
	tok := b.g.rawToken()
	raw := tok
	if g.chance(0.35) {
		raw += "\n"
	}
	enc := b64(raw)
	b.secrets = append(b.secrets, Secret{Value: tok, Normalized: tok, Kind: KindAPIToken, Encoding: "base64", AppearsAs: enc})
	key := pick(g, a.lower+"-token", a.lower+"-api-token", strings.ToUpper(a.lower)+"_API_TOKEN", strings.ToUpper(a.lower)+"_TOKEN", a.lower+"ApiToken")
	name := pick(g, a.lower+"-credentials", a.lower+"-api", "hosting-secrets", "app-secrets")
	content := tpl(`apiVersion: v1
kind: Secret
metadata:
  name: «name»
  namespace: «ns»
  labels:
    app.kubernetes.io/name: «app»
type: Opaque
data:
  «hostkey»: «host»
  «userkey»: «user»
  «key»: «enc»
`, "name", name, "ns", pick(g, "default", "prod", "hosting", "billing"), "app", pick(g, projectWords...),
		"hostkey", a.lower+"-host", "host", b64(g.host()), "userkey", a.lower+"-user", "user", b64(a.user), "key", key, "enc", enc)
	if g.chance(0.4) {
		content += tpl(`---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: «app»
spec:
  replicas: «n»
  template:
    spec:
      containers:
        - name: «app»
          image: registry.«domain»/«app»:«ver»
          envFrom:
            - secretRef:
                name: «name»
`, "app", pick(g, projectWords...), "n", fmt.Sprint(between(g, 1, 3)), "domain", g.domain(), "ver", fmt.Sprintf("1.%d.%d", between(g, 0, 30), between(g, 0, 9)), "name", name)
	}
	path := pick(g, "k8s/secret.yaml", "deploy/k8s/"+name+".yaml", "manifests/secrets.yml", "charts/app/templates/secret.yaml")
	return b.build(g.path(path), "base64/k8s-secret", content)
}

// genAccessHash builds scripts that send the legacy WHM access hash (`Authorization: WHM
// user:<hex>`), as one line, split over real lines inside a string, or with escaped newlines.
func genAccessHash(g *gen) []File {
	var files []File
	for i := range 24 {
		files = append(files, accessHash(g, i%5))
	}
	return files
}

// accessHashLines is a fresh access hash as the .accesshash file holds it: 30 lines of 32 hex.
func (g *gen) accessHashLines() []string {
	lines := make([]string, 30)
	for i := range lines {
		lines[i] = g.hex(32, false)
	}
	return lines
}

func (b *builder) accessHash(appears string) {
	b.secrets = append(b.secrets, Secret{Value: appears, Normalized: Normalize(appears), Kind: KindAccessHash})
}

func accessHash(g *gen, form int) File {
	b := g.file()
	host := g.host()
	user := pick(g, "root", "root", "root", "reseller1")
	lines := g.accessHashLines()
	var content, path string
	switch form {
	case 0: // classic PHP: literal newlines inside the string, stripped before use
		v := strings.Join(lines, "\n")
		b.accessHash(v)
		content = tpl(`<?php
$whmusername = "«user»";
$whmhash = "«hash»";

$query = "https://«host»:2087/json-api/listaccts?api.version=1";

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
`, "user", user, "hash", v, "host", host)
		path = pick(g, "whm/listaccts.php", "modules/servers/legacy/whm.php", "admin/whm_api.php")
	case 1: // Perl, single line
		v := strings.Join(lines, "")
		b.accessHash(v)
		content = tpl(`#!/usr/bin/perl
use strict;
use LWP::UserAgent;
use HTTP::Request;

my $hash = '«hash»';
my $auth = "WHM «user»:" . $hash;
my $ua = LWP::UserAgent->new;
my $request = HTTP::Request->new(GET => "https://«host»:2087/json-api/listaccts?api.version=1");
$request->header(Authorization => $auth);
my $response = $ua->request($request);
print $response->content;
`, "hash", v, "user", user, "host", host)
		path = pick(g, "bin/whm_listaccts.pl", "scripts/cluster-sync.pl")
	case 2: // curl, header inline
		v := strings.Join(lines, "")
		b.accessHash(v)
		content = tpl(`#!/bin/bash
# legacy dns cluster check
«noise»
curl -sk -H "Authorization: WHM «user»:«hash»" "https://«host»:2087/json-api/version?api.version=1"
`, "noise", g.noise("sh", 1), "user", user, "hash", v, "host", host)
		path = pick(g, "cluster/check.sh", "ops/whm-version.sh")
	case 3: // Python, escaped newlines in one literal
		v := strings.Join(lines, `\n`)
		b.accessHash(v)
		content = tpl(`import requests

WHM_HOST = "«host»"
ACCESS_HASH = "«hash»"


def whm(func, **params):
    params["api.version"] = 1
    headers = {"Authorization": "WHM «user»:" + ACCESS_HASH.replace("\n", "")}
    url = "https://%s:2087/json-api/%s" % (WHM_HOST, func)
    return requests.get(url, params=params, headers=headers, verify=False).json()
`, "host", host, "hash", v, "user", user)
		path = pick(g, "whm_client.py", "legacy/whm.py")
	default: // Python triple-quoted, real newlines
		v := strings.Join(lines, "\n")
		b.accessHash(v)
		content = tpl(`"""Talk to the old WHM box with its remote access key."""
import urllib.request

ACCESS_KEY = """«hash»"""


def list_accounts(host="«host»"):
    key = "".join(ACCESS_KEY.split())
    req = urllib.request.Request(
        "https://" + host + ":2087/json-api/listaccts?api.version=1",
        headers={"Authorization": "WHM «user»:" + key},
    )
    with urllib.request.urlopen(req) as resp:
        return resp.read()
`, "hash", v, "host", host, "user", user)
		path = pick(g, "legacy/whm_accounts.py", "tools/old_whm.py")
	}
	return b.build(g.path(path), "accesshash/whm", content)
}
