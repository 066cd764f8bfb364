package corpus

import (
	"fmt"
	"strings"
)

// sequentialFakes are made-up "tokens" that are obviously not random.
var sequentialFakes = []string{
	"ABCDEFGHIJKLMNOPQRSTUVWXYZ012345",
	"0123456789ABCDEFGHIJKLMNOPQRSTUV",
	strings.Repeat("A", 32),
	strings.Repeat("0", 32),
	strings.Repeat("1", 32),
	strings.Repeat("ABCD1234", 4),
	strings.Repeat("AB12", 8),
	strings.Repeat("TEST", 8),
	"A1B2C3D4E5F6G7H8I9J0K1L2M3N4O5P6",
	"QWERTYUIOPASDFGHJKLZXCVBNM123456",
	"ZYXWVUTSRQPONMLKJIHGFEDCBA987654",
	(strings.Repeat("1234567890", 4))[:32],
}

// wordPlaceholders are 32-character upper-case placeholders spelled out in words: valid-looking
// by charset and length, never a real token.
var wordPlaceholders = []string{
	pad32("YOURCPANELAPITOKENGOESHERE", "0"),
	pad32("PASTEYOURWHMTOKENHERE", "X"),
	pad32("REPLACEWITHYOURAPITOKEN", "0"),
	strings.Repeat("CHANGEME", 4),
	pad32("EXAMPLETOKEN", "0"),
	pad32("YOURWHMAPITOKEN", "X"),
}

func pad32(s, with string) string { return s + strings.Repeat(with, 32-len(s)) }

// genNegatives builds files that hold no token at all, only near-misses.
func genNegatives(g *gen) []File {
	plan := []struct {
		n   int
		gen func(*gen) File
	}{
		{30, negHex32},
		{24, negGUID},
		{30, negTOTP},
		{44, negPlaceholder},
		{8, negWordPlaceholder},
		{30, negDocExample},
		{22, negSequential},
		{26, negWrongLength},
		{56, negNoContext},
		{8, negAuthnStore},
		{6, negSessionURL},
	}
	var files []File
	for _, p := range plan {
		for range p.n {
			files = append(files, p.gen(g))
		}
	}
	return files
}

// cpanelContext wraps value in one of the ways a real token is carried (a cpanel/whm header or a
// key named for the token), so that only the value itself says "not a token".
func (g *gen) cpanelContext(b *builder, value string) (path, content string) {
	a := g.api()
	host := g.host()
	switch g.intn(8) {
	case 0:
		return "scripts/" + pick(g, "api.sh", "check.sh", "report.sh"), tpl("#!/usr/bin/env bash\nset -euo pipefail\n«n1»\n\ncurl -s -H \"Authorization: «s» «user»:«v»\" \"«url»\"\n\n«n2»\n",
			"n1", g.noise("sh", 1), "s", a.scheme, "user", a.user, "v", value, "url", a.url(host), "n2", g.noise("sh", 1))
	case 1:
		return pick(g, ".env.example", ".env.sample", ".env.dist", ".env"), tpl("«n1»\n\n«key»=«v»\n«hostkey»=«host»\n\n«n2»\n",
			"n1", g.noise("env", 1), "key", g.tokenKey(styleUpperSnake), "v", value, "hostkey", a.upper+"_HOST", "host", host, "n2", g.noise("env", 1))
	case 2:
		return pick(g, "config.yml", "config/settings.yaml"), tpl("«n1»\n\n«key»: «v»\n\n«n2»\n",
			"n1", g.noise("yaml", 1), "key", g.tokenKey(styleLowerSnake), "v", value, "n2", g.noise("yaml", 1))
	case 3:
		return pick(g, "client.py", "hosting/api.py"), tpl("import requests\n\n«n1»\n\nheaders = {\"Authorization\": \"«s» «user»:«v»\"}\nresp = requests.get(\"«url»\", headers=headers, timeout=30)\n",
			"n1", g.noise("py", 1), "s", a.scheme, "user", a.user, "v", value, "url", a.url(host))
	case 4:
		return pick(g, "lib/api.php", "src/Client.php"), tpl("<?php\n«n1»\n\n$ch = curl_init('«url»');\ncurl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: «s» «user»:«v»']);\n$res = curl_exec($ch);\n",
			"n1", g.noise("php", 1), "url", a.url(host), "s", a.scheme, "user", a.user, "v", value)
	case 5:
		return pick(g, "src/api.js", "lib/client.js"), tpl("«n1»\n\nconst res = await fetch('«url»', {\n  headers: { Authorization: '«s» «user»:«v»' },\n});\n",
			"n1", g.noise("js", 1), "url", a.url(host), "s", a.scheme, "user", a.user, "v", value)
	case 6:
		return pick(g, "config.json", "config/default.json"), tpl("{\n  \"host\": \"«host»\",\n  \"«key»\": \"«v»\",\n  \"timeout\": 30\n}\n",
			"host", host, "key", g.tokenKey(styleCamel), "v", value)
	default:
		return pick(g, "settings.ini", "hosting.cfg"), tpl("[«sec»]\nhost = «host»\nuser = «user»\ntoken = «v»\n\n«n1»\n",
			"sec", a.lower, "host", host, "user", a.user, "v", value, "n1", g.noise("ini", 1))
	}
}

func negHex32(g *gen) File {
	b := g.file()
	switch g.intn(5) {
	case 0:
		var rows []string
		for range between(g, 3, 8) {
			rows = append(rows, b.decoy("hex32", g.hex(32, true))+"  "+pick(g, "cpanel-backup-", "site-", "db-", "home-")+fmt.Sprintf("%04d.tar.gz", g.intn(10000)))
		}
		return b.build(g.path(pick(g, "MD5SUMS", "backups/MD5SUMS.txt", "release/checksums.md5")), "neg/hex32", strings.Join(rows, "\n")+"\n")
	case 1:
		var rows []string
		for range between(g, 4, 9) {
			rows = append(rows, fmt.Sprintf("%s - - [12/Mar/2024:10:%02d:%02d +0000] \"GET /%s/%s.css HTTP/1.1\" 200 %d \"-\" \"Mozilla/5.0\" etag=\"%s\"",
				fmt.Sprintf("198.51.100.%d", between(g, 2, 250)), g.intn(60), g.intn(60), pick(g, "assets", "static"), pick(g, words...), between(g, 300, 90000), b.decoy("hex32", g.hex(32, true))))
		}
		return b.build(g.path(pick(g, "logs/access.log", "var/log/nginx/access.log.1")), "neg/hex32", strings.Join(rows, "\n")+"\n")
	case 2:
		v := b.decoy("hex32", g.hex(32, true))
		content := tpl("# cPanel backup verification\n«n1»\n\nCPANEL_BACKUP_MD5=«v»\nWHM_HOST=«host»\n\nif [ \"$(md5sum \"$ARCHIVE\" | awk '{print toupper($1)}')\" != \"$CPANEL_BACKUP_MD5\" ]; then\n  echo 'checksum mismatch' >&2\n  exit 1\nfi\n",
			"n1", g.noise("sh", 1), "v", v, "host", g.host())
		return b.build(g.path("scripts/verify-backup.sh"), "neg/hex32", content)
	case 3:
		v := b.decoy("hex32", g.hex(32, true))
		content := tpl("{\n  \"file\": \"public_html/«w».zip\",\n  \"size\": «n»,\n  \"etag\": \"\\\"«v»\\\"\",\n  \"source\": \"cpanel file manager export\"\n}\n", "w", pick(g, words...), "n", fmt.Sprint(between(g, 1000, 900000)), "v", v)
		return b.build(g.path(pick(g, "export/manifest.json", "meta/upload.json")), "neg/hex32", content)
	default:
		v := b.decoy("hex32", g.hex(32, true))
		content := tpl("«n1»\n\nEXPECTED_MD5 = \"«v»\"\n\ndef verify(path):\n    import hashlib\n    with open(path, \"rb\") as f:\n        return hashlib.md5(f.read()).hexdigest().upper() == EXPECTED_MD5\n",
			"n1", g.noise("py", 1), "v", v)
		return b.build(g.path(pick(g, "tools/verify.py", "installer/check.py")), "neg/hex32", content)
	}
}

func negGUID(g *gen) File {
	b := g.file()
	switch g.intn(4) {
	case 0:
		p1, p2 := b.decoy("guid", g.guid()), b.decoy("guid", g.guid())
		content := tpl("\nMicrosoft Visual Studio Solution File, Format Version 12.00\n# Visual Studio Version 17\nProject(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"Hosting\", \"src\\Hosting\\Hosting.csproj\", \"{«p1»}\"\nEndProject\nProject(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"Hosting.Tests\", \"tests\\Hosting.Tests\\Hosting.Tests.csproj\", \"{«p2»}\"\nEndProject\nGlobal\n\tGlobalSection(SolutionConfigurationPlatforms) = preSolution\n\t\tDebug|Any CPU = Debug|Any CPU\n\t\tRelease|Any CPU = Release|Any CPU\n\tEndGlobalSection\nEndGlobal\n",
			"p1", p1, "p2", p2)
		b.decoy("guid", "FAE04EC0-301F-11D3-BF4B-00C04F79EFBC")
		return b.build(g.path(pick(g, "Hosting.sln", "src/CpanelTools.sln")), "neg/guid", content)
	case 1:
		v := b.decoy("guid", strings.ReplaceAll(g.guid(), "-", ""))
		content := tpl("{\n  \"requestId\": \"«v»\",\n  \"server\": \"«host»\",\n  \"module\": \"Email\",\n  \"func\": \"list_pops\",\n  \"status\": 1\n}\n", "v", v, "host", g.host())
		return b.build(g.path(pick(g, "fixtures/uapi-response.json", "logs/request.json")), "neg/guid", content)
	case 2:
		v := b.decoy("guid", strings.ReplaceAll(g.guid(), "-", ""))
		content := tpl("«n1»\n\ncpanel_request_id: «v»\ncpanel_host: «host»\n\n«n2»\n", "n1", g.noise("yaml", 1), "v", v, "host", g.host(), "n2", g.noise("yaml", 1))
		return b.build(g.path(pick(g, "audit/last-run.yml", "state.yaml")), "neg/guid", content)
	default:
		v := b.decoy("guid", g.guid())
		content := tpl("<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n    <ProjectGuid>{«v»}</ProjectGuid>\n    <UserSecretsId>«u»</UserSecretsId>\n  </PropertyGroup>\n</Project>\n", "v", v, "u", b.decoy("guid", strings.ToLower(g.guid())))
		return b.build(g.path("src/Hosting/Hosting.csproj"), "neg/guid", content)
	}
}

func negTOTP(g *gen) File {
	b := g.file()
	n := pick(g, 32, 32, 16, 26)
	sec := b.decoy("totp", g.base32Secret(n))
	user := g.cpUser()
	host := g.host()
	switch g.intn(4) {
	case 0:
		uri := fmt.Sprintf("otpauth://totp/cPanel:%s%%40%s?secret=%s&issuer=cPanel", user, host, sec)
		content := tpl("# 2FA enrolment for the shared hosting login\n# scan this into the authenticator app\n«uri»\n", "uri", uri)
		return b.build(g.path(pick(g, "ops/2fa.txt", "docs/mfa-enrolment.txt")), "neg/totp", content)
	case 1:
		content := tpl("«n1»\n\ncpanel:\n  host: «host»\n  user: «user»\n  totp_secret: «sec»\n\n«n2»\n", "n1", g.noise("yaml", 1), "host", host, "user", user, "sec", sec, "n2", g.noise("yaml", 1))
		return b.build(g.path(pick(g, "config.yml", "e2e/login.yaml")), "neg/totp", content)
	case 2:
		content := tpl("import pyotp\n\n«n1»\n\nCPANEL_2FA_SECRET = \"«sec»\"\n\n\ndef login_code():\n    \"\"\"Current cPanel two-factor code for the test login.\"\"\"\n    return pyotp.TOTP(CPANEL_2FA_SECRET).now()\n", "n1", g.noise("py", 1), "sec", sec)
		return b.build(g.path(pick(g, "tests/e2e/otp.py", "tools/otp.py")), "neg/totp", content)
	default:
		content := tpl("«n1»\nWHM_USER=root\nWHM_MFA_SEED=«sec»\nWHM_HOST=«host»\n«n2»\n", "n1", g.noise("env", 1), "sec", sec, "host", host, "n2", g.noise("env", 1))
		return b.build(g.path(pick(g, ".env.e2e", "ci/mfa.env")), "neg/totp", content)
	}
}

func negPlaceholder(g *gen) File {
	b := g.file()
	a := g.api()
	host := g.host()
	switch g.intn(9) {
	case 0:
		v := b.decoy("placeholder", pick(g, "os.environ[\"CPANEL_TOKEN\"]", "os.environ.get(\"WHM_API_TOKEN\")", "os.getenv(\"CPANEL_API_TOKEN\")"))
		content := tpl("import os\nimport requests\n\n«n1»\n\nTOKEN = «v»\nheaders = {\"Authorization\": f\"«s» «user»:{TOKEN}\"}\nresp = requests.get(\"«url»\", headers=headers)\n", "n1", g.noise("py", 1), "v", v, "s", a.scheme, "user", a.user, "url", a.url(host))
		return b.build(g.path(pick(g, "client.py", "sync.py")), "neg/placeholder", content)
	case 1:
		v := b.decoy("placeholder", pick(g, "process.env.CPANEL_TOKEN", "process.env.WHM_API_TOKEN", "process.env['CPANEL_API_TOKEN']"))
		content := tpl("«n1»\n\nconst token = «v»;\nconst res = await fetch('«url»', {\n  headers: { Authorization: `«s» «user»:${token}` },\n});\n", "n1", g.noise("js", 1), "v", v, "url", a.url(host), "s", a.scheme, "user", a.user)
		return b.build(g.path(pick(g, "src/api.js", "lib/hosting.js")), "neg/placeholder", content)
	case 2:
		v := b.decoy("placeholder", pick(g, "getenv('WHM_TOKEN')", "getenv('CPANEL_API_TOKEN')", "$_ENV['CPANEL_TOKEN']", "config('services.cpanel.token')"))
		content := tpl("<?php\n«n1»\n\n$token = «v»;\n$ch = curl_init('«url»');\ncurl_setopt($ch, CURLOPT_HTTPHEADER, [\"Authorization: «s» «user»:$token\"]);\n", "n1", g.noise("php", 1), "v", v, "url", a.url(host), "s", a.scheme, "user", a.user)
		return b.build(g.path(pick(g, "lib/api.php", "app/Hosting.php")), "neg/placeholder", content)
	case 3:
		v := b.decoy("placeholder", pick(g, "${CPANEL_TOKEN}", "$CPANEL_API_TOKEN", "${WHM_API_TOKEN:?missing}", "$(cat /run/secrets/cpanel_token)"))
		content := tpl("#!/bin/sh\n«n1»\ncurl -s -H \"Authorization: «s» «user»:«v»\" \"«url»\"\n", "n1", g.noise("sh", 1), "s", a.scheme, "user", a.user, "v", v, "url", a.url(host))
		return b.build(g.path(pick(g, "run.sh", "scripts/call.sh")), "neg/placeholder", content)
	case 4:
		v := b.decoy("placeholder", pick(g, "{{ cpanel_token }}", "{{ token }}", "{{ .Values.cpanel.token }}", "{{ vault_whm_api_token }}"))
		content := tpl("- name: call hosting api\n  ansible.builtin.uri:\n    url: \"«url»\"\n    headers:\n      Authorization: \"«s» «user»:«v»\"\n", "url", a.url(host), "s", a.scheme, "user", a.user, "v", v)
		return b.build(g.path(pick(g, "roles/hosting/tasks/main.yml", "templates/call.yml")), "neg/placeholder", content)
	case 5:
		v := b.decoy("placeholder", pick(g, "<YOUR_CPANEL_TOKEN>", "<your-api-token>", "YOUR_TOKEN", "<TOKEN>", "your_whm_api_token_here"))
		content := tpl("# Hosting API\n\nCreate an API token in cPanel (Manage API Tokens) and call:\n\n```\ncurl -H \"Authorization: «s» «user»:«v»\" \"https://«host»:«port»«path»\"\n```\n\n«n1»\n", "s", a.scheme, "user", pick(g, "USERNAME", "<user>", a.user), "v", v, "host", pick(g, "your-server", "example.com", host), "port", fmt.Sprint(a.port), "path", a.path, "n1", g.noise("md", 1))
		return b.build(g.path(pick(g, "README.md", "docs/api.md")), "neg/placeholder", content)
	case 6:
		v := b.decoy("placeholder", strings.Repeat("X", 32))
		path, content := g.cpanelContext(b, v)
		return b.build(g.path(path), "neg/placeholder", content)
	case 7:
		v := b.decoy("placeholder", pick(g, "changeme", "REDACTED", "********", "<redacted>", "TODO", "xxxxxxxx"))
		path, content := g.cpanelContext(b, v)
		return b.build(g.path(path), "neg/placeholder", content)
	default:
		v := b.decoy("placeholder", pick(g, "ENV['CPANEL_TOKEN']", "ENV.fetch('WHM_API_TOKEN')"))
		content := tpl("require 'net/http'\n\nreq = Net::HTTP::Get.new(URI('«url»'))\nreq['Authorization'] = \"«s» «user»:#{«v»}\"\n", "url", a.url(host), "s", a.scheme, "user", a.user, "v", v)
		return b.build(g.path(pick(g, "lib/hosting.rb", "bin/sync")), "neg/placeholder", content)
	}
}

func negWordPlaceholder(g *gen) File {
	b := g.file()
	v := b.decoy("placeholder-word32", pick(g, wordPlaceholders...))
	path, content := g.cpanelContext(b, v)
	return b.build(g.path(path), "neg/placeholder-word32", content)
}

func negDocExample(g *gen) File {
	b := g.file()
	tok := b.decoy("doc-example", pick(g, DocExampleTokens...))
	a := g.api()
	switch g.intn(5) {
	case 0:
		content := tpl("# Using API tokens\n\nSend the token in the `Authorization` header:\n\n```\ncurl -H'Authorization: «s» username:«tok»' 'https://example.com:«port»«path»'\n```\n\nReplace `username` with your account name and the token with your own.\n", "s", a.scheme, "tok", tok, "port", fmt.Sprint(a.port), "path", a.path)
		return b.build(g.path(pick(g, "docs/api-tokens.md", "README.md", "docs/authentication.md")), "neg/doc-example", content)
	case 1:
		content := tpl("## Create a token\n\n```json\n{\n  \"data\": {\n    \"token\": \"«tok»\",\n    \"create_time\": 1564686262\n  },\n  \"errors\": null,\n  \"messages\": null,\n  \"metadata\": {},\n  \"status\": 1,\n  \"warnings\": null\n}\n```\n", "tok", tok)
		return b.build(g.path(pick(g, "docs/tokens.md", "wiki/Create-token.md")), "neg/doc-example", content)
	case 2:
		content := tpl("import unittest\n\n# Example token from cPanel's documentation; never a real credential.\nDOC_TOKEN = \"«tok»\"\n\n\nclass HeaderTest(unittest.TestCase):\n    def test_header(self):\n        self.assertEqual(build_header(\"username\", DOC_TOKEN), \"«s» username:«tok»\")\n", "tok", tok, "s", a.scheme)
		return b.build(g.path(pick(g, "tests/test_header.py", "tests/test_client.py")), "neg/doc-example", content)
	case 3:
		content := tpl("{\n  \"data\": {\n    \"token\": \"«tok»\",\n    \"name\": \"example\",\n    \"create_time\": 1564686262,\n    \"expires_at\": null\n  },\n  \"metadata\": {\"command\": \"api_token_create\", \"reason\": \"OK\", \"result\": 1, \"version\": 1}\n}\n", "tok", tok)
		return b.build(g.path(pick(g, "testdata/whm_api_token_create.json", "fixtures/token_create.json")), "neg/doc-example", content)
	default:
		path, content := g.cpanelContext(b, tok)
		return b.build(g.path(path), "neg/doc-example", content)
	}
}

func negSequential(g *gen) File {
	b := g.file()
	v := b.decoy("sequential-fake", pick(g, sequentialFakes...))
	path, content := g.cpanelContext(b, v)
	return b.build(g.path(path), "neg/sequential-fake", content)
}

func negWrongLength(g *gen) File {
	b := g.file()
	n := pick(g, 31, 33)
	v := b.decoy("wrong-length", g.fresh(func() string { return g.randString(tokenAlphabet, n) }))
	path, content := g.cpanelContext(b, v)
	return b.build(g.path(path), "neg/wrong-length", content)
}

func negNoContext(g *gen) File {
	b := g.file()
	v := func() string { return b.decoy("no-context-random", g.rawToken()) }
	switch g.intn(9) {
	case 0:
		content := tpl("«n1»\n\nLICENSE_KEY=«v»\nANALYTICS_SITE_ID=«id»\n\n«n2»\n", "n1", g.noise("env", 1), "v", v(), "id", fmt.Sprint(between(g, 1000, 99999)), "n2", g.noise("env", 1))
		return b.build(g.path(pick(g, ".env", ".env.production")), "neg/no-context", content)
	case 1:
		var rows []string
		rows = append(rows, "serial,product,activated_at,seats")
		for range between(g, 4, 12) {
			rows = append(rows, fmt.Sprintf("%s,%s,2024-%02d-%02d,%d", v(), pick(g, "Pro", "Team", "Basic"), between(g, 1, 12), between(g, 1, 28), between(g, 1, 50)))
		}
		return b.build(g.path(pick(g, "data/licences.csv", "exports/serials.csv")), "neg/no-context", strings.Join(rows, "\n")+"\n")
	case 2:
		var sb strings.Builder
		sb.WriteString("!function(e,t){\"use strict\";var n=\"" + v() + "\",r=function(e){return e&&e.__esModule?e:{default:e}};")
		for range between(g, 3, 6) {
			sb.WriteString(fmt.Sprintf("function %s(e,t){var n=t||{};return Object.keys(e).reduce(function(t,r){return t[r]=n[r]||e[r],t},{})}", g.randString("abcdefghijklmnopqrstuvwxyz", 2)))
		}
		sb.WriteString("e.sdk={key:n,init:r}}(window,document);\n")
		return b.build(g.path(pick(g, "public/js/vendor.min.js", "assets/widget.min.js")), "neg/no-context", sb.String())
	case 3:
		var sb strings.Builder
		sb.WriteString("{\n  \"lockfileVersion\": 2,\n  \"packages\": {\n")
		k := between(g, 3, 7)
		for i := range k {
			sep := ","
			if i == k-1 {
				sep = ""
			}
			sb.WriteString(fmt.Sprintf("    \"%s-%s\": {\n      \"version\": \"%d.%d.%d\",\n      \"build\": \"%s\",\n      \"resolved\": \"https://pkgs.%s/%s\"\n    }%s\n",
				pick(g, projectWords...), pick(g, names...), between(g, 0, 9), between(g, 0, 20), between(g, 0, 9), v(), g.domain(), pick(g, words...), sep))
		}
		sb.WriteString("  }\n}\n")
		return b.build(g.path(pick(g, "deps.lock", "vendor/packages.lock.json")), "neg/no-context", sb.String())
	case 4:
		content := tpl("«n1»\n\nWEATHER_API_URL = \"https://api.«domain»/v2/forecast\"\napi_key = \"«v»\"\n\n\ndef forecast(city):\n    return requests.get(WEATHER_API_URL, params={\"q\": city, \"key\": api_key}).json()\n", "n1", g.noise("py", 1), "domain", g.domain(), "v", v())
		return b.build(g.path(pick(g, "weather.py", "integrations/forecast.py")), "neg/no-context", content)
	case 5:
		content := tpl("«n1»\n\nconst res = await fetch('https://api.«domain»/v1/messages', {\n  method: 'POST',\n  headers: { Authorization: 'Bearer «v»', 'Content-Type': 'application/json' },\n  body: JSON.stringify({ to, text }),\n});\n", "n1", g.noise("js", 1), "domain", g.domain(), "v", v())
		return b.build(g.path(pick(g, "src/sms.js", "lib/notify.js")), "neg/no-context", content)
	case 6:
		content := tpl("-- seed data\nINSERT INTO vouchers (code, amount, expires_at) VALUES\n  ('«v1»', 50, '2025-01-31'),\n  ('«v2»', 25, '2025-03-31'),\n  ('«v3»', 10, '2025-06-30');\n", "v1", v(), "v2", v(), "v3", v())
		return b.build(g.path(pick(g, "db/seeds/vouchers.sql", "sql/seed.sql")), "neg/no-context", content)
	case 7:
		content := tpl("«n1»\n\nsms_gateway:\n  endpoint: https://sms.«domain»/api\n  token: «v»\n  sender: ACME\n", "n1", g.noise("yaml", 1), "domain", g.domain(), "v", v())
		return b.build(g.path(pick(g, "config/notifications.yml", "config.yaml")), "neg/no-context", content)
	default:
		content := tpl("<?php\n«n1»\n\ndefine('PLUGIN_LICENSE_KEY', '«v»');\ndefine('PLUGIN_UPDATE_URL', 'https://updates.«domain»/check');\n", "n1", g.noise("php", 1), "v", v(), "domain", g.domain())
		return b.build(g.path(pick(g, "wp-content/plugins/seo-pro/license.php", "config/license.php")), "neg/no-context", content)
	}
}

func negAuthnStore(g *gen) File {
	b := g.file()
	user := g.cpUser()
	var entries []string
	for i := range between(g, 1, 3) {
		h := b.decoy("sha512-hex", g.hex(128, false))
		entries = append(entries, fmt.Sprintf("    %q: {\n      \"name\": %q,\n      \"create_time\": %d,\n      \"expires_at\": null,\n      \"has_full_access\": 1,\n      \"features\": [],\n      \"whitelist_ips\": null,\n      \"acls\": null\n    }",
			h, pick(g, "deploy", "backup", "billing", "ci")+fmt.Sprint(i), 1690000000+g.intn(30000000)))
	}
	content := "{\n  \"tokens\": {\n" + strings.Join(entries, ",\n") + "\n  }\n}\n"
	return b.build(g.path("backup/"+user+"/var/cpanel/authn/api_tokens_v2/cpanel/"+user+".json"), "neg/sha512-store", content)
}

func negSessionURL(g *gen) File {
	b := g.file()
	host := g.host()
	var rows []string
	for range between(g, 3, 8) {
		sess := fmt.Sprintf("cpsess%010d", g.r.Int64N(10000000000))
		b.decoy("session-url", sess)
		rows = append(rows, fmt.Sprintf("2024-05-%02d 10:%02d:%02d GET https://%s:2083/%s/execute/%s 200", between(g, 1, 28), g.intn(60), g.intn(60), host, sess, pick(g, "Tokens/list", "Email/list_pops", "DomainInfo/list_domains")))
	}
	return b.build(g.path(pick(g, "logs/proxy.log", "debug/requests.log")), "neg/session-url", strings.Join(rows, "\n")+"\n")
}
