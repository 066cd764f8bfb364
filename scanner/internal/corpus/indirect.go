package corpus

import (
	"fmt"
	"strings"
)

// genIndirect builds files where the token sits under a generic name (token, api_key, $pass,
// secret...) and only its use 10-60 lines further on, in a cpanel/whm header or against a
// :2083/:2087 URL, shows what it is.
func genIndirect(g *gen) []File {
	plan := []struct {
		n    int
		lang string
	}{{7, "sh"}, {8, "php"}, {8, "py"}, {7, "js"}, {5, "go"}, {5, "rb"}, {4, "pl"}, {4, "ps1"}}
	var files []File
	for _, p := range plan {
		for range p.n {
			files = append(files, indirect(g, p.lang))
		}
	}
	return files
}

func indirect(g *gen, lang string) File {
	b := g.file()
	a := g.api()
	host := g.host()
	tok := b.token()
	gap := g.noiseLines(lang, between(g, 8, 42))
	viaHeader := g.chance(0.6)
	s := a.scheme
	port := fmt.Sprint(a.port)
	var content, name string
	switch lang {
	case "sh":
		v := pick(g, "TOKEN", "API_TOKEN", "API_KEY", "SECRET", "AUTH_TOKEN")
		use := fmt.Sprintf("curl -s -H \"Authorization: %s %s:${%s}\" \"https://${HOST}:%s%s\"", s, a.user, v, port, a.path)
		if !viaHeader {
			use = fmt.Sprintf("api() {\n  curl -s -H \"Authorization: $SCHEME $API_USER:$%s\" \"https://$HOST:%s$1\"\n}\nSCHEME=%s\nAPI_USER=%s\napi '%s' | jq .", v, port, s, a.user, a.path)
		}
		content = tpl("#!/bin/sh\nset -e\nHOST=«host»\n«v»=«tok»\n\n«gap»\n\n«use»\n", "host", host, "v", v, "tok", quoteSh(g, tok), "gap", gap, "use", use)
		name = pick(g, "deploy.sh", "scripts/sync.sh", "bin/provision", "tools/run-report.sh")
	case "php":
		v := pick(g, "$pass", "$token", "$apiKey", "$secret", "$api_token", "$key")
		use := fmt.Sprintf("$ch = curl_init(\"https://$host:%s%s\");\ncurl_setopt($ch, CURLOPT_HTTPHEADER, [\"Authorization: %s $user:%s\"]);\ncurl_setopt($ch, CURLOPT_RETURNTRANSFER, true);\n$out = curl_exec($ch);", port, a.path, s, v)
		if !viaHeader {
			use = fmt.Sprintf("$api = new \\Gufy\\CpanelPhp\\Cpanel([\n    'host'      => 'https://' . $host . ':%s',\n    'username'  => $user,\n    'auth_type' => 'token',\n    'password'  => %s,\n]);\n$accounts = $api->listaccts();", port, v)
		}
		content = tpl("<?php\n$host = '«host»';\n$user = '«user»';\n«v» = '«tok»';\n\n«gap»\n\n«use»\n", "host", host, "user", a.user, "v", v, "tok", tok, "gap", gap, "use", use)
		name = pick(g, "cron/accounts.php", "lib/hosting.php", "admin/tools/sync.php", "provision.php")
	case "py":
		v := pick(g, "token", "api_key", "API_KEY", "TOKEN", "secret", "api_token")
		use := fmt.Sprintf("def call(path):\n    url = f\"https://{HOST}:%s{path}\"\n    headers = {\"Authorization\": f\"%s {USER}:{%s}\"}\n    return requests.get(url, headers=headers, timeout=30).json()", port, s, v)
		if !viaHeader {
			use = fmt.Sprintf("client = HostingClient(\n    base_url=f\"https://{HOST}:%s\",\n    username=USER,\n    token=%s,\n)\nprint(client.get(\"%s\"))", port, v, a.path)
		}
		content = tpl("import requests\n\nHOST = \"«host»\"\nUSER = \"«user»\"\n«v» = \"«tok»\"\n\n«gap»\n\n«use»\n", "host", host, "user", a.user, "v", v, "tok", tok, "gap", gap, "use", use)
		name = pick(g, "sync.py", "scripts/report.py", "hosting/tasks.py", "manage.py")
	case "js":
		v := pick(g, "apiToken", "token", "apiKey", "secret", "API_TOKEN")
		use := fmt.Sprintf("async function call(path) {\n  const res = await fetch(`https://${host}:%s${path}`, {\n    headers: { Authorization: `%s ${user}:${%s}` },\n  });\n  return res.json();\n}", port, s, v)
		if !viaHeader {
			use = fmt.Sprintf("const api = axios.create({\n  baseURL: `https://${host}:%s`,\n  headers: { Authorization: '%s ' + user + ':' + %s },\n});", port, s, v)
		}
		content = tpl("const host = '«host»';\nconst user = '«user»';\nconst «v» = '«tok»';\n\n«gap»\n\n«use»\n", "host", host, "user", a.user, "v", v, "tok", tok, "gap", gap, "use", use)
		name = pick(g, "src/sync.js", "lib/api.js", "scripts/report.js")
	case "go":
		v := pick(g, "token", "apiKey", "secret", "apiToken")
		use := fmt.Sprintf("func call(ctx context.Context, path string) (*http.Response, error) {\n\treq, err := http.NewRequestWithContext(ctx, \"GET\", \"https://\"+host+\":%s\"+path, nil)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treq.Header.Set(\"Authorization\", \"%s \"+user+\":\"+%s)\n\treturn client.Do(req)\n}", port, s, v)
		content = tpl("package main\n\nconst (\n\thost = \"«host»\"\n\tuser = \"«user»\"\n\t«v» = \"«tok»\"\n)\n\n«gap»\n\n«use»\n", "host", host, "user", a.user, "v", v, "tok", tok, "gap", gap, "use", use)
		name = pick(g, "main.go", "cmd/report/main.go")
	case "rb":
		v := pick(g, "TOKEN", "API_KEY", "SECRET", "token")
		use := fmt.Sprintf("def call(path)\n  uri = URI(\"https://#{HOST}:%s#{path}\")\n  req = Net::HTTP::Get.new(uri)\n  req['Authorization'] = \"%s #{USER}:#{%s}\"\n  Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| h.request(req) }\nend", port, s, v)
		content = tpl("require 'net/http'\n\nHOST = '«host»'\nUSER = '«user»'\n«v» = '«tok»'\n\n«gap»\n\n«use»\n", "host", host, "user", a.user, "v", v, "tok", tok, "gap", gap, "use", use)
		name = pick(g, "bin/sync", "lib/tasks/report.rb")
	case "pl":
		v := pick(g, "$token", "$key", "$pass", "$secret")
		use := fmt.Sprintf("my $req = HTTP::Request->new(GET => \"https://$host:%s%s\");\n$req->header(Authorization => \"%s $user:%s\");\nmy $res = $ua->request($req);", port, a.path, s, v)
		content = tpl("#!/usr/bin/perl\nuse LWP::UserAgent;\nmy $host = '«host»';\nmy $user = '«user»';\nmy «v» = '«tok»';\nmy $ua = LWP::UserAgent->new;\n\n«gap»\n\n«use»\n", "host", host, "user", a.user, "v", v, "tok", tok, "gap", gap, "use", use)
		name = pick(g, "bin/report.pl", "scripts/listaccts.pl")
	case "ps1":
		v := pick(g, "$Token", "$ApiKey", "$Secret")
		use := fmt.Sprintf("$uri = \"https://${Server}:%s%s\"\nInvoke-RestMethod -Uri $uri -Headers @{ Authorization = \"%s ${User}:%s\" }", port, a.path, s, v)
		content = tpl("param(\n    [string]$Server = '«host»',\n    [string]$User = '«user»'\n)\n«v» = '«tok»'\n\n«gap»\n\n«use»\n", "host", host, "user", a.user, "v", v, "tok", tok, "gap", gap, "use", use)
		name = pick(g, "Sync-Accounts.ps1", "scripts/Report.ps1")
	}
	if strings.Contains(content, "«") {
		panic("corpus: unfilled template in indirect " + lang)
	}
	return b.build(g.path(name), "indirect/"+lang, content)
}

// genSplit builds config blocks where host, user and token are separate keys of one cPanel/WHM
// entry and the token key itself is generic.
func genSplit(g *gen) []File {
	var files []File
	for i := range 36 {
		files = append(files, split(g, i%3))
	}
	return files
}

func split(g *gen, format int) File {
	b := g.file()
	a := g.api()
	host := g.host()
	tok := b.token()
	key := pick(g, "token", "api_token", "apitoken", "key", "secret", "access_token", "api_key")
	switch format {
	case 0:
		block := pick(g, a.lower, a.lower, "hosting", "server")
		kind := ""
		if block != a.lower {
			kind = "\n  type: " + a.lower
		}
		content := tpl(`«noise1»

«block»:«kind»
  host: «host»
  port: «port»
  user: «user»
  «key»: «tok»

«noise2»
`, "noise1", g.noise("yaml", between(g, 1, 2)), "block", block, "kind", kind, "host", host, "port", fmt.Sprint(a.port), "user", a.user, "key", key, "tok", tok, "noise2", g.noise("yaml", 1))
		return b.build(g.path(pick(g, "config.yml", "config/hosting.yaml", "ansible/group_vars/all.yml", "deploy.yml")), "split/yaml", content)
	case 1:
		block := pick(g, a.lower, a.lower, strings.ToUpper(a.lower[:1])+a.lower[1:], "hosting")
		kind := ""
		if strings.ToLower(block) != a.lower {
			kind = fmt.Sprintf("\n    \"panel\": %q,", a.lower)
		}
		content := tpl(`{
  "appName": "«app»",
  "«block»": {«kind»
    "host": "«host»",
    "port": «port»,
    "username": "«user»",
    "«key»": "«tok»"
  },
  "logLevel": "info"
}
`, "app", pick(g, projectWords...), "block", block, "kind", kind, "host", host, "port", fmt.Sprint(a.port), "user", a.user, "key", key, "tok", tok)
		return b.build(g.path(pick(g, "config.json", "appsettings.json", "config/default.json", "servers.json")), "split/json", content)
	default:
		section := pick(g, a.lower, a.lower, "server_prod", "hosting")
		kind := ""
		if section != a.lower {
			kind = "\ntype = " + a.lower
		}
		content := tpl(`«noise1»

[«section»]«kind»
host = «host»
port = «port»
username = «user»
«key» = «tok»

«noise2»
`, "noise1", g.noise("ini", 1), "section", section, "kind", kind, "host", host, "port", fmt.Sprint(a.port), "user", a.user, "key", key, "tok", tok, "noise2", g.noise("ini", 1))
		return b.build(g.path(pick(g, "servers.ini", "config.ini", "deploy.cfg", "hosting.conf")), "split/ini", content)
	}
}
