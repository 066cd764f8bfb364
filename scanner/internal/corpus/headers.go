package corpus

import (
	"fmt"
	"strings"
)

// genHeaders builds files that send a token in an `Authorization: cpanel|whm user:TOKEN` header,
// the way real scripts and clients do in each language.
func genHeaders(g *gen) []File {
	plan := []struct {
		n   int
		gen func(*gen) File
	}{
		{16, headerCurl},
		{6, headerCurlCI},
		{12, headerPHP},
		{12, headerPython},
		{9, headerJS},
		{6, headerTS},
		{10, headerGo},
		{8, headerRuby},
		{8, headerPerl},
		{8, headerPowerShell},
		{6, headerMarkdown},
		{5, headerPostman},
		{4, headerHTTPFile},
		{5, headerAnsible},
	}
	var files []File
	for _, p := range plan {
		for range p.n {
			files = append(files, p.gen(g))
		}
	}
	return files
}

// scheme is the header scheme for a; now and then WHM tokens are sent with the upper-case scheme
// people copied from the access-hash era.
func (g *gen) scheme(a api) string {
	if a.scheme == "whm" && g.chance(0.1) {
		return "WHM"
	}
	return a.scheme
}

func headerCurl(g *gen) File {
	b := g.file()
	a := g.api()
	host := g.host()
	tok := b.token()
	userVar := a.upper + "_USER"
	var decl, userRef string
	switch g.intn(3) {
	case 0:
		userRef = a.user
	case 1:
		decl = fmt.Sprintf("%s=%q\n", userVar, a.user)
		userRef = "${" + userVar + "}"
	default:
		decl = fmt.Sprintf("%s=%s\n", userVar, a.user)
		userRef = "$" + userVar
	}
	hdr := fmt.Sprintf("Authorization: %s %s:%s", g.scheme(a), userRef, tok)
	var flag string
	switch {
	case decl == "" && g.chance(0.4):
		flag = pick(g, "-H '", "--header '", "-H'") + hdr + "'"
	default:
		flag = pick(g, "-H \"", "--header \"", "-H \"") + hdr + "\""
	}
	var call string
	switch g.intn(3) {
	case 0:
		call = "curl -sS " + flag + " \"https://${HOST}:" + fmt.Sprint(a.port) + a.path + "\" | jq '.'"
	case 1:
		call = "curl -s -k \\\n  " + flag + " \\\n  \"" + strings.Replace(a.url(host), host, "${HOST}", 1) + "\" \\\n  -o \"$WORKDIR/out.json\""
	default:
		call = "resp=$(curl --silent --fail \"" + strings.Replace(a.url(host), host, "${HOST}", 1) + "\" " + flag + ")\necho \"$resp\" | jq -r '.status'"
	}
	content := tpl(`#!/usr/bin/env bash
# «desc»
set -euo pipefail

«noise1»

HOST="«host»"
«decl»«decoy»
«call»

«noise2»
`,
		"desc", pick(g, "nightly account report", "create mail accounts for new staff", "list domains on the shared box", "trigger a backup before deploy", "check disk usage and alert"),
		"noise1", g.noise("sh", between(g, 1, 3)),
		"host", host,
		"decl", decl,
		"decoy", b.maybeDecoy("sh", 0.3),
		"call", call,
		"noise2", g.noise("sh", between(g, 1, 2)),
	)
	name := pick(g, "scripts/backup.sh", "bin/list-domains.sh", "ops/cpanel-report.sh", "deploy/pre-deploy.sh", "tools/mail-accounts.sh", "cron/nightly.sh", "check_disk.sh")
	return b.build(g.path(name), "header/curl", content)
}

func headerCurlCI(g *gen) File {
	b := g.file()
	a := g.api()
	host := g.host()
	tok := b.token()
	hdr := fmt.Sprintf("Authorization: %s %s:%s", g.scheme(a), a.user, tok)
	switch g.intn(3) {
	case 0:
		content := tpl(`name: «name»
on:
  push:
    branches: [main]
  workflow_dispatch:

jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Build
        run: make build
      - name: Notify hosting
        run: |
          curl -fsS -H "«hdr»" \
            "«url»"
`, "name", pick(g, "deploy", "release", "publish site"), "hdr", hdr, "url", a.url(host))
		return b.build(g.path(".github/workflows/"+pick(g, "deploy.yml", "release.yml", "site.yml")), "header/curl", content)
	case 1:
		content := tpl(`stages:
  - build
  - deploy

build:
  stage: build
  script:
    - npm ci
    - npm run build

deploy_hosting:
  stage: deploy
  only:
    - main
  script:
    - rsync -az dist/ deploy@«host»:public_html/
    - 'curl -s -H "«hdr»" "«url»"'
`, "host", host, "hdr", hdr, "url", a.url(host))
		return b.build(g.path(".gitlab-ci.yml"), "header/curl", content)
	default:
		content := tpl(`# m h dom mon dow command
MAILTO=ops@«domain»
PATH=/usr/local/bin:/usr/bin:/bin
15 2 * * * /usr/local/bin/rotate-logs >/dev/null 2>&1
«m» 3 * * * curl -s -H '«hdr»' '«url»' >> /var/log/hosting-cron.log 2>&1
0 5 * * 0 /usr/local/bin/weekly-report
`, "domain", g.domain(), "m", fmt.Sprint(between(g, 0, 59)), "hdr", hdr, "url", a.url(host))
		return b.build(g.path(pick(g, "crontab", "cron/crontab.txt", "ops/crontab")), "header/curl", content)
	}
}

func headerPHP(g *gen) File {
	b := g.file()
	a := g.api()
	host := g.host()
	tok := b.token()
	s := g.scheme(a)
	var body string
	if g.chance(0.5) {
		var hdr string
		switch g.intn(3) {
		case 0:
			hdr = fmt.Sprintf(`array("Authorization: %s %s:%s")`, s, a.user, tok)
		case 1:
			hdr = fmt.Sprintf(`["Authorization: %s $user:%s"]`, s, tok)
		default:
			hdr = fmt.Sprintf(`['Authorization: %s ' . $user . ':%s']`, s, tok)
		}
		body = tpl(`$user = '«user»';
$ch = curl_init('«url»');
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
curl_setopt($ch, CURLOPT_HTTPHEADER, «hdr»);
$raw = curl_exec($ch);
if ($raw === false) {
    throw new RuntimeException('request failed: ' . curl_error($ch));
}
curl_close($ch);
$result = json_decode($raw, true);`, "user", a.user, "url", a.url(host), "hdr", hdr)
	} else {
		val := pick(g, fmt.Sprintf(`'%s %s:%s'`, s, a.user, tok), fmt.Sprintf(`"%s {$user}:%s"`, s, tok), fmt.Sprintf(`"%s $user:%s"`, s, tok))
		body = tpl(`use GuzzleHttp\Client;

$user = '«user»';
$client = new Client(['base_uri' => 'https://«host»:«port»/', 'timeout' => 20]);
$response = $client->request('GET', '«path»', [
    'headers' => [
        'Authorization' => «val»,
        'Accept'        => 'application/json',
    ],
]);
$data = json_decode((string) $response->getBody(), true);`, "user", a.user, "host", host, "port", fmt.Sprint(a.port), "path", strings.TrimPrefix(a.path, "/"), "val", val)
	}
	content := "<?php\n\ndeclare(strict_types=1);\n\n" + g.noise("php", between(g, 1, 2)) + "\n\n" + b.maybeDecoy("php", 0.3) + body + "\n\n" + g.noise("php", between(g, 1, 2)) + "\n"
	name := pick(g, "src/Hosting/CpanelClient.php", "includes/whm.php", "app/Services/HostingApi.php", "cron/sync_accounts.php", "lib/provision.php", "admin/mail.php")
	return b.build(g.path(name), "header/php", content)
}

func headerPython(g *gen) File {
	b := g.file()
	a := g.api()
	host := g.host()
	tok := b.token()
	s := g.scheme(a)
	var hdrs string
	switch g.intn(4) {
	case 0:
		hdrs = fmt.Sprintf(`headers = {"Authorization": "%s %s:%s"}`, s, a.user, tok)
	case 1:
		hdrs = fmt.Sprintf(`headers = {"Authorization": f"%s {user}:%s", "Accept": "application/json"}`, s, tok)
	case 2:
		hdrs = fmt.Sprintf(`headers = {'Authorization': '%s %%s:%s' %% user}`, s, tok)
	default:
		hdrs = fmt.Sprintf(`session.headers.update({"Authorization": "%s " + user + ":%s"})`, s, tok)
	}
	call := "resp = requests.get(url, headers=headers, timeout=TIMEOUT)"
	if strings.HasPrefix(hdrs, "session") {
		call = "resp = session.get(url, timeout=TIMEOUT)"
	}
	content := tpl(`#!/usr/bin/env python3
"""«desc»"""
import argparse
from dataclasses import dataclass, field

import requests

«noise1»

HOST = "«host»"
user = "«user»"
session = requests.Session()
«decoy»

def fetch():
    url = f"https://{HOST}:«port»«path»"
    «hdrs»
    «call»
    resp.raise_for_status()
    return resp.json()


«noise2»
`,
		"desc", pick(g, "Pull the account list for the billing reconciliation.", "List mailboxes and their quota.", "Check SSL certificates on hosted domains."),
		"noise1", g.noise("py", between(g, 1, 3)),
		"host", host, "user", a.user, "port", fmt.Sprint(a.port), "path", a.path,
		"decoy", b.maybeDecoy("py", 0.3),
		"hdrs", hdrs, "call", call,
		"noise2", g.noise("py", between(g, 1, 2)),
	)
	name := pick(g, "scripts/list_accounts.py", "hosting/client.py", "tools/ssl_check.py", "sync/mailboxes.py", "manage/cpanel_sync.py")
	return b.build(g.path(name), "header/python", content)
}

func headerJS(g *gen) File {
	b := g.file()
	a := g.api()
	host := g.host()
	tok := b.token()
	s := g.scheme(a)
	var call string
	if g.chance(0.5) {
		auth := pick(g, fmt.Sprintf("`%s ${user}:%s`", s, tok), fmt.Sprintf("'%s %s:%s'", s, a.user, tok), fmt.Sprintf(`"%s %s:%s"`, s, a.user, tok))
		call = tpl("const res = await fetch(`https://${host}:«port»«path»`, {\n    method: 'GET',\n    headers: { Authorization: «auth», Accept: 'application/json' },\n  });\n  if (!res.ok) throw new Error(`HTTP ${res.status}`);\n  return res.json();",
			"port", fmt.Sprint(a.port), "path", a.path, "auth", auth)
	} else {
		auth := pick(g, fmt.Sprintf("`%s ${user}:%s`", s, tok), fmt.Sprintf("'%s %s:%s'", s, a.user, tok))
		call = tpl("const { data } = await axios.get(`https://${host}:«port»«path»`, {\n    headers: { 'Authorization': «auth» },\n    timeout: 20000,\n  });\n  return data;",
			"port", fmt.Sprint(a.port), "path", a.path, "auth", auth)
	}
	content := tpl(`'use strict';
const axios = require('axios');

«noise1»

const host = '«host»';
const user = '«user»';
«decoy»
async function «fn»() {
  «call»
}

«noise2»
`,
		"noise1", g.noise("js", between(g, 1, 2)), "host", host, "user", a.user,
		"decoy", b.maybeDecoy("js", 0.3), "fn", pick(g, "listAccounts", "listDomains", "fetchStats", "loadMailboxes"),
		"call", call, "noise2", g.noise("js", between(g, 1, 2)))
	name := pick(g, "src/hosting.js", "lib/cpanel.js", "server/api/whm.js", "scripts/sync.js", "index.js")
	return b.build(g.path(name), "header/js", content)
}

func headerTS(g *gen) File {
	b := g.file()
	a := g.api()
	host := g.host()
	tok := b.token()
	s := g.scheme(a)
	auth := pick(g, fmt.Sprintf("`%s ${this.user}:%s`", s, tok), fmt.Sprintf("'%s %s:%s'", s, a.user, tok))
	content := tpl(`import axios, { AxiosInstance } from 'axios';

«noise1»

«decoy»export class HostingClient {
  private readonly http: AxiosInstance;

  constructor(private readonly host = '«host»', private readonly user = '«user»') {
    this.http = axios.create({
      baseURL: `+"`https://${host}:«port»`"+`,
      headers: { Authorization: «auth» },
    });
  }

  async call<T>(path = '«path»'): Promise<T> {
    const res = await this.http.get<T>(path);
    return res.data;
  }
}

«noise2»
`,
		"noise1", g.noise("ts", between(g, 1, 2)), "decoy", b.maybeDecoy("ts", 0.3),
		"host", host, "user", a.user, "port", fmt.Sprint(a.port), "auth", auth, "path", a.path,
		"noise2", g.noise("ts", between(g, 1, 2)))
	name := pick(g, "src/hosting/client.ts", "src/services/cpanel.ts", "packages/api/src/whm.ts", "lib/hosting.ts")
	return b.build(g.path(name), "header/ts", content)
}

func headerGo(g *gen) File {
	b := g.file()
	a := g.api()
	host := g.host()
	tok := b.token()
	s := g.scheme(a)
	var set string
	switch g.intn(3) {
	case 0:
		set = fmt.Sprintf(`req.Header.Set("Authorization", "%s %s:%s")`, s, a.user, tok)
	case 1:
		set = fmt.Sprintf(`req.Header.Set("Authorization", "%s "+user+":%s")`, s, tok)
	default:
		set = fmt.Sprintf(`req.Header.Add("Authorization", fmt.Sprintf("%s %%s:%s", user))`, s, tok)
	}
	content := tpl(`package «pkg»

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"
)

«noise1»

«decoy»func «fn»(ctx context.Context, user string) (map[string]any, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "«url»", nil)
	if err != nil {
		return nil, err
	}
	«set»
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("calling hosting api: %w", err)
	}
	defer resp.Body.Close()
	var out map[string]any
	return out, json.NewDecoder(resp.Body).Decode(&out)
}

«noise2»
`,
		"pkg", pick(g, "hosting", "main", "provision", "cpanel"), "noise1", g.noise("go", between(g, 1, 2)),
		"decoy", b.maybeDecoy("go", 0.3), "fn", pick(g, "listAccounts", "fetchDomains", "callAPI"),
		"url", a.url(host), "set", set, "noise2", g.noise("go", between(g, 1, 2)))
	name := pick(g, "internal/hosting/client.go", "cmd/sync/main.go", "pkg/provision/whm.go", "hosting.go")
	return b.build(g.path(name), "header/go", content)
}

func headerRuby(g *gen) File {
	b := g.file()
	a := g.api()
	host := g.host()
	tok := b.token()
	s := g.scheme(a)
	var req string
	if g.chance(0.5) {
		req = fmt.Sprintf("req = Net::HTTP::Get.new(uri)\n  req['Authorization'] = \"%s #{user}:%s\"", s, tok)
	} else {
		req = fmt.Sprintf("req = Net::HTTP::Get.new(uri, 'Authorization' => '%s %s:%s')", s, a.user, tok)
	}
	content := tpl(`require 'net/http'
require 'uri'
«noise1»

«decoy»def fetch_accounts(user = '«user»')
  uri = URI('«url»')
  «req»
  res = Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == 'https') { |http| http.request(req) }
  raise "HTTP #{res.code}" unless res.is_a?(Net::HTTPSuccess)
  JSON.parse(res.body)
end

«noise2»
`, "noise1", g.noise("rb", between(g, 1, 2)), "decoy", b.maybeDecoy("rb", 0.3), "user", a.user, "url", a.url(host), "req", req, "noise2", g.noise("rb", between(g, 1, 2)))
	name := pick(g, "lib/hosting_client.rb", "app/services/cpanel_api.rb", "script/sync_accounts.rb", "lib/tasks/whm.rake")
	return b.build(g.path(name), "header/ruby", content)
}

func headerPerl(g *gen) File {
	b := g.file()
	a := g.api()
	host := g.host()
	tok := b.token()
	s := g.scheme(a)
	var auth string
	if g.chance(0.5) {
		auth = fmt.Sprintf("$ua->default_header('Authorization' => '%s %s:%s');", s, a.user, tok)
	} else {
		auth = fmt.Sprintf("$req->header(Authorization => \"%s $user:%s\");", s, tok)
	}
	content := tpl(`#!/usr/bin/perl
«noise1»
use LWP::UserAgent;
use HTTP::Request;
use JSON;

my $user = '«user»';
my $ua = LWP::UserAgent->new(timeout => 30);
«decoy»my $req = HTTP::Request->new(GET => "«url»");
«auth»
my $res = $ua->request($req);
die $res->status_line unless $res->is_success;
my $data = decode_json($res->decoded_content);

«noise2»
`, "noise1", g.noise("pl", between(g, 1, 2)), "user", a.user, "decoy", b.maybeDecoy("pl", 0.3), "url", a.url(host), "auth", auth, "noise2", g.noise("pl", between(g, 1, 2)))
	name := pick(g, "bin/listaccts.pl", "scripts/whm_backup.pl", "cgi-bin/provision.pl", "tools/suspend.pl")
	return b.build(g.path(name), "header/perl", content)
}

func headerPowerShell(g *gen) File {
	b := g.file()
	a := g.api()
	host := g.host()
	tok := b.token()
	s := g.scheme(a)
	var call string
	switch g.intn(3) {
	case 0:
		call = fmt.Sprintf("$headers = @{ Authorization = \"%s %s:%s\" }\n$result = Invoke-RestMethod -Uri $uri -Headers $headers -Method Get", s, a.user, tok)
	case 1:
		call = fmt.Sprintf("$result = Invoke-RestMethod -Uri $uri -Method Get -Headers @{ \"Authorization\" = \"%s ${user}:%s\" }", s, tok)
	default:
		call = fmt.Sprintf("$result = Invoke-RestMethod -Uri $uri -Headers @{'Authorization'=\"%s $($user):%s\"}", s, tok)
	}
	content := tpl(`«noise1»

$user = '«user»'
$uri = "«url»"
«decoy»«call»
$result.data | Format-Table

«noise2»
`, "noise1", g.noise("ps1", between(g, 1, 2)), "user", a.user, "url", a.url(host), "decoy", b.maybeDecoy("ps1", 0.3), "call", call, "noise2", g.noise("ps1", between(g, 1, 2)))
	name := pick(g, "scripts/Get-Accounts.ps1", "ops/Sync-Hosting.ps1", "tools/Invoke-Backup.ps1")
	return b.build(g.path(name), "header/powershell", content)
}

func headerMarkdown(g *gen) File {
	b := g.file()
	a := g.api()
	host := g.host()
	tok := b.token()
	content := tpl("# «title»\n\n«noise1»\n\n## Calling the API\n\nThis is the call we use from the jump host:\n\n```bash\ncurl -s -H \"Authorization: «scheme» «user»:«tok»\" \\\n  \"«url»\"\n```\n\n«noise2»\n",
		"title", pick(g, "Hosting runbook", "Ops notes", "Migration checklist", "On-call: hosting"),
		"noise1", g.noise("md", between(g, 1, 2)), "scheme", g.scheme(a), "user", a.user, "tok", tok, "url", a.url(host),
		"noise2", g.noise("md", between(g, 1, 2)))
	name := pick(g, "docs/runbook.md", "NOTES.md", "ops/hosting.md", "docs/migration.md")
	return b.build(g.path(name), "header/markdown", content)
}

func headerPostman(g *gen) File {
	b := g.file()
	a := g.api()
	host := g.host()
	tok := b.token()
	content := tpl(`{
  "info": {
    "_postman_id": "«id»",
    "name": "«name»",
    "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
  },
  "item": [
    {
      "name": "«reqname»",
      "request": {
        "method": "GET",
        "header": [
          {
            "key": "Authorization",
            "value": "«scheme» «user»:«tok»",
            "type": "text"
          }
        ],
        "url": {
          "raw": "«url»",
          "protocol": "https",
          "host": ["«host»"],
          "port": "«port»"
        }
      }
    }
  ]
}
`, "id", strings.ToLower(g.guid()), "name", pick(g, "Hosting API", "WHM", "cPanel UAPI"), "reqname", pick(g, "list accounts", "list domains", "version"),
		"scheme", a.scheme, "user", a.user, "tok", tok, "url", a.url(host), "host", host, "port", fmt.Sprint(a.port))
	return b.build(g.path(pick(g, "postman/hosting.postman_collection.json", "api.postman_collection.json")), "header/postman", content)
}

func headerHTTPFile(g *gen) File {
	b := g.file()
	a := g.api()
	host := g.host()
	tok := b.token()
	content := tpl(`### health check
GET https://«other»/healthz

### «title»
GET «url»
Authorization: «scheme» «user»:«tok»
Accept: application/json

###
`, "other", "api."+g.domain(), "title", pick(g, "list accounts", "domains"), "url", a.url(host), "scheme", a.scheme, "user", a.user, "tok", tok)
	return b.build(g.path(pick(g, "requests/hosting.http", "api.http", "dev/whm.http")), "header/http-file", content)
}

func headerAnsible(g *gen) File {
	b := g.file()
	a := g.api()
	host := g.host()
	tok := b.token()
	content := tpl(`---
- name: «name»
  hosts: localhost
  gather_facts: false
  tasks:
    - name: Call the hosting API
      ansible.builtin.uri:
        url: "«url»"
        method: GET
        headers:
          Authorization: "«scheme» «user»:«tok»"
        return_content: true
      register: api_result

    - name: Show result
      ansible.builtin.debug:
        var: api_result.json
`, "name", pick(g, "Provision hosting account", "Refresh hosting inventory"), "url", a.url(host), "scheme", a.scheme, "user", a.user, "tok", tok)
	return b.build(g.path(pick(g, "playbooks/hosting.yml", "ansible/provision.yml", "site.yml")), "header/ansible", content)
}
