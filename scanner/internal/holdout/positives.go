package holdout

// positives leak at least one token (or a legacy WHM access hash). Markers are
// described in gen.go; «a¦b» picks one alternative per file.
var positives = []tmpl{
	// ------------------------------------------------------------------ shell / CLI
	{cat: "curl-inline", path: "scripts/«list¦backup¦check»_@N@.sh", body: `#!/bin/bash
# quick check against the «prod¦staging¦shared» box
curl -s«k¦» -H "Authorization: @SCHEME@ @ACCT@:@TOK@" "https://@HOST@:@PORT@/@EP@" | jq .
`},
	{cat: "curl-single-quote-multiline", path: "ops/runbook_snippets/curl_@N@.sh", body: `curl --silent --show-error \
  --header 'Authorization: @SCHEME@ @ACCT@:@TOK@' \
  --request «GET¦POST» \
  'https://@HOST@:@PORT@/@EP@'
`},
	{cat: "curl-var-then-header", path: "bin/«sync¦nightly¦rotate»-@N@.sh", body: `#!/usr/bin/env bash
«CPANEL¦CP»_HOST="@HOST@"
«CPANEL¦CP»_USER="@USER@"
«CPANEL_TOKEN¦CPANEL_API_TOKEN¦CP_TOKEN¦UAPI_TOKEN»="@TOK@"
@FILL_SH@

api() {
  curl -sf -H "Authorization: cpanel ${«CPANEL¦CP»_USER}:${«CPANEL_TOKEN¦CPANEL_API_TOKEN¦CP_TOKEN¦UAPI_TOKEN»}" \
    "https://${«CPANEL¦CP»_HOST}:2083/execute/$1"
}
api Email/list_pops
`},
	{cat: "curl-far-generic-var", path: "tools/cleanup_@N@.sh", body: `#!/bin/bash
# config
HOST=@HOST@
USER_NAME=@USER@
KEY=@TOK@
@FILL_SH@
@FILL_SH@
for d in $(cat domains.txt); do
  curl -s -H "Authorization: cpanel $USER_NAME:$KEY" "https://$HOST:2083/execute/DomainInfo/single_domain_data?domain=$d"
done
`},
	{cat: "wget-header", path: "cron/«fetch¦backup»_@N@.sh", body: `wget -q -O - --header="Authorization: @SCHEME@ @ACCT@:@TOK@" "https://@HOST@:@PORT@/@EP@"
`},
	{cat: "httpie", path: "notes/httpie_@N@.txt", body: `# httpie is nicer than curl for poking the API
http «GET¦--verify=no GET» https://@HOST@:@PORT@/@EP@ «'Authorization:@SCHEME@ @ACCT@:@TOK@'¦Authorization:'@SCHEME@ @ACCT@:@TOK@'¦"Authorization: @SCHEME@ @ACCT@:@TOK@"»
`},
	{cat: "whm-uppercase-scheme-token", path: "legacy/whm_call_@N@.sh", body: `# switched from access hash to API token in 2022
curl -sk -H "Authorization: WHM @WHMUSER@:@TOK@" "https://@HOST@:2087/@WHMAPI@"
`},
	{cat: "crontab", path: "etc/crontab.d/«cpanel-backup¦whm-report»_@N@", body: `SHELL=/bin/bash
MAILTO=@EMAIL@
# m h dom mon dow command
«15 3 * * *¦0 */6 * * *¦@daily» curl -s -H 'Authorization: @SCHEME@ @ACCT@:@TOK@' 'https://@HOST@:@PORT@/@EP@' >/var/log/cp-@N@.log 2>&1
`},
	{cat: "bash-history", path: "home/«admin¦deploy»/.bash_history_@N@", body: `ls -la
cd /var/www
git pull
export «WHM_TOKEN¦WHM_API_TOKEN¦CPANEL_TOKEN»=@TOK@
curl -sk -H "Authorization: «whm root¦cpanel @USER@»:$«WHM_TOKEN¦WHM_API_TOKEN¦CPANEL_TOKEN»" https://@HOST@:«2087/json-api/listaccts?api.version=1¦2083/execute/Email/list_pops» | jq '.data' | head
vim ~/.ssh/config
exit
`},
	{cat: "bash-history-inline", path: "root/.zsh_history_@N@", body: `: 1700000000:0;systemctl status nginx
: 1700000020:0;curl -sk -H 'Authorization: whm @WHMUSER@:@TOK@' 'https://127.0.0.1:2087/json-api/api_token_list?api.version=1'
: 1700000031:0;history | tail
`},
	{cat: "fish-set", path: ".config/fish/conf.d/cpanel_@N@.fish", body: `set -gx CPANEL_HOST @HOST@
set -gx CPANEL_USER @USER@
set -gx «CPANEL_API_TOKEN¦CPANEL_TOKEN» @TOK@
`},
	{cat: "windows-bat", path: "deploy/win/publish_@N@.bat", body: `@echo off
set @SCHEMEU@_TOKEN=@TOK@
set HOST=@HOST@
curl.exe -s -H "Authorization: @SCHEME@ @ACCT@:%@SCHEMEU@_TOKEN%" "https://%HOST%:@PORT@/@EP@"
`},
	{cat: "curlrc-config", path: "ops/curl/@USER@.curlrc", body: `# use with: curl -K @USER@.curlrc https://@HOST@:2083/execute/...
silent
show-error
header = "Authorization: cpanel @USER@:@TOK@"
`},
	{cat: "uapi-cli-create-yaml", path: "docs/tickets/T-@NUM@-token.txt", body: `[root@@BRAND@ ~]# uapi --user=@USER@ Tokens create_full_access name=@NAME@
---
apiversion: 3
func: create_full_access
module: Tokens
result:
  data:
    create_time: @TS@
    token: @TOK@
  errors: ~
  messages: ~
  metadata: {}
  status: 1
  warnings: ~
`},
	{cat: "whmapi1-create-yaml", path: "logs/provision-@DATE@-@N@.log", body: `$ whmapi1 api_token_create token_name=@NAME@ acl-1=list-accts acl-2=create-acct
---
data:
  acls:
    - list-accts
    - create-acct
  create_time: @TS@
  expires_at: ~
  name: @NAME@
  token: @TOK@
  whitelist_ips: ~
metadata:
  command: api_token_create
  reason: OK
  result: 1
  version: 1
`},
	{cat: "uapi-create-json-response", path: "test/fixtures/tokens_create_@N@.json", body: `{
  "data": {
    "token": "@TOK@",
    "create_time": @TS@
  },
  "errors": null,
  "messages": null,
  "metadata": {},
  "status": 1,
  "warnings": null
}
`},
	{cat: "whm-create-json-response", path: "var/log/whmcs/module_whm_@N@.json", body: `{"metadata":{"version":1,"reason":"OK","command":"api_token_create","result":1},"data":{"name":"@NAME@","create_time":@TS@,"expires_at":null,"whitelist_ips":null,"acls":["all"],"token":"@TOK@"}}
`},
	// ------------------------------------------------------------------ PHP
	{cat: "php-curl-header-array", path: "public_html/lib/cpanel_@N@.php", body: `<?php
$host  = '@HOST@';
$user  = '@USER@';
$token = '@TOK@';
@FILL_PHP@

$ch = curl_init("https://{$host}:2083/execute/Email/list_pops");
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
curl_setopt($ch, CURLOPT_HTTPHEADER, ["Authorization: cpanel {$user}:{$token}"]);
$out = json_decode(curl_exec($ch), true);
`},
	{cat: "php-classic-whm-sample-token", path: "admin/whm/listaccts_@N@.php", body: `<?php
$whmusername = "@WHMUSER@";
$token = "@TOK@";

$query = "https://@HOST@:2087/json-api/listaccts?api.version=1";

$curl = curl_init();
curl_setopt($curl, CURLOPT_SSL_VERIFYHOST, 0);
curl_setopt($curl, CURLOPT_SSL_VERIFYPEER, 0);
curl_setopt($curl, CURLOPT_RETURNTRANSFER, 1);

$header[0] = "Authorization: whm $whmusername:$token";
curl_setopt($curl, CURLOPT_HTTPHEADER, $header);
curl_setopt($curl, CURLOPT_URL, $query);

$result = curl_exec($curl);
`},
	{cat: "php-inline-header", path: "includes/class-hosting-@N@.php", body: `<?php
class HostingApi {
    public function domains(): array {
        $ch = curl_init('https://@HOST@:@PORT@/@EP@');
        curl_setopt_array($ch, [
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_HTTPHEADER => ['Authorization: @SCHEME@ @ACCT@:@TOK@'],
        ]);
        return json_decode(curl_exec($ch), true)['data'] ?? [];
    }
}
`},
	{cat: "php-guzzle", path: "app/Services/Cpanel«Client¦Service»@N@.php", body: `<?php
namespace App\Services;

use GuzzleHttp\Client;

class CpanelClient
{
    private Client $http;

    public function __construct()
    {
        $this->http = new Client([
            'base_uri' => 'https://@HOST@:@PORT@/',
            'headers'  => [
                'Authorization' => '@SCHEME@ @ACCT@:@TOK@',
                'Accept'        => 'application/json',
            ],
            'verify' => false,
        ]);
    }
}
`},
	{cat: "php-define", path: "wp-content/mu-plugins/hosting-config-@N@.php", body: `<?php
define('@SCHEMEU@«_API_TOKEN¦_TOKEN»', '@TOK@');
define('@SCHEMEU@_HOST', '@HOST@');
define('@SCHEMEU@_USER', '@ACCT@');
`},
	{cat: "php-config-array", path: "config/«hosting¦services¦panel».php", body: `<?php

return [
    'cpanel' => [
        'host'     => env('CPANEL_HOST', '@HOST@'),
        'port'     => 2083,
        'username' => env('CPANEL_USER', '@USER@'),
        'token'    => env('CPANEL_TOKEN', '@TOK@'),
    ],
];
`},
	{cat: "whmcs-module-token", path: "modules/servers/«customwhm¦myhosting»/«customwhm¦myhosting»_@N@.php", body: `<?php
if (!defined("WHMCS")) { die("This file cannot be accessed directly"); }

// quick hack until the server record is fixed
const FALLBACK_WHM_TOKEN = '@TOK@';

function customwhm_call($params, $fn, array $args = []) {
    $host  = $params['serverhostname'] ?: '@HOST@';
    $user  = $params['serverusername'] ?: 'root';
    $token = $params['serveraccesshash'] ?: FALLBACK_WHM_TOKEN;
    $url = "https://{$host}:2087/json-api/{$fn}?api.version=1&" . http_build_query($args);
    $ch = curl_init($url);
    curl_setopt($ch, CURLOPT_HTTPHEADER, ["Authorization: whm {$user}:{$token}"]);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    return json_decode(curl_exec($ch), true);
}
`},
	{cat: "whmcs-sql-accesshash-token", path: "backups/whmcs_@DATE@_@N@.sql", body: `-- MySQL dump 10.13  Distrib 8.0.36
LOCK TABLES ` + "`tblservers`" + ` WRITE;
INSERT INTO ` + "`tblservers`" + ` (` + "`id`,`name`,`ipaddress`,`hostname`,`type`,`username`,`password`,`accesshash`,`secure`" + `) VALUES (@NUM@,'«Shared 1¦cPanel US-East¦WHM Main»','@IP@','@HOST@','cpanel','root','','@TOK@','on');
UNLOCK TABLES;
`},
	{cat: "php-heredoc-token", path: "scripts/migrate_@N@.php", body: `<?php
$cfg = <<<INI
[cpanel]
host = @HOST@
user = @USER@
token = @TOK@
INI;
$conf = parse_ini_string($cfg, true);
`},
	// ------------------------------------------------------------------ Python
	{cat: "py-requests-dict", path: "«scripts¦tools¦jobs»/list_@N@.py", body: `import requests

resp = requests.get(
    "https://@HOST@:@PORT@/@EP@",
    headers={"Authorization": "@SCHEME@ @ACCT@:@TOK@"},
    timeout=30,
)
resp.raise_for_status()
print(resp.json())
`},
	{cat: "py-fstring-const", path: "automation/cp_@N@.py", body: `import requests

«CPANEL_TOKEN¦CPANEL_API_TOKEN¦UAPI_TOKEN» = "@TOK@"
CPANEL_USER = "@USER@"
CPANEL_HOST = "@HOST@"
@FILL_PY@

def uapi(module, func, **params):
    r = requests.get(
        f"https://{CPANEL_HOST}:2083/execute/{module}/{func}",
        params=params,
        headers={"Authorization": f"cpanel {CPANEL_USER}:{«CPANEL_TOKEN¦CPANEL_API_TOKEN¦UAPI_TOKEN»}"},
    )
    return r.json()
`},
	{cat: "py-far-generic-name", path: "monitor/check_«quota¦disk¦mail»_@N@.py", body: `#!/usr/bin/env python3
"""Nightly quota report."""
import argparse, logging, time
import requests

API_KEY = "@TOK@"
SERVER = "@HOST@"
ACCOUNT = "@USER@"
@FILL_PY@
@FILL_PY@

def fetch_quota():
    url = f"https://{SERVER}:2083/execute/Quota/get_quota_info"
    return requests.get(url, headers={"Authorization": f"cpanel {ACCOUNT}:{API_KEY}"}).json()
`},
	{cat: "py-httpx-whm", path: "src/whm/client_@N@.py", body: `import httpx

WHM_URL = "https://@HOST@:2087/json-api"
«WHM_TOKEN¦WHM_API_TOKEN¦ROOT_TOKEN» = "@TOK@"


class WHM:
    def __init__(self):
        self.c = httpx.Client(
            base_url=WHM_URL,
            headers={"Authorization": f"whm @WHMUSER@:{«WHM_TOKEN¦WHM_API_TOKEN¦ROOT_TOKEN»}"},
            verify=False,
        )

    def listaccts(self):
        return self.c.get("/listaccts", params={"api.version": 1}).json()
`},
	{cat: "py-urllib", path: "legacy/whm_py2_@N@.py", body: `import json
import urllib.request

req = urllib.request.Request("https://@HOST@:@PORT@/@EP@")
req.add_header("Authorization", "@SCHEME@ @ACCT@:@TOK@")
with urllib.request.urlopen(req) as fh:
    print(json.load(fh))
`},
	{cat: "py-percent-format", path: "lib/panel_@N@.py", body: `TOKEN = '@TOK@'
USER = '@USER@'

def headers():
    return {'Authorization': 'cpanel %s:%s' % (USER, TOKEN)}

BASE = 'https://@HOST@:2083/execute/'
`},
	{cat: "py-environ-default", path: "app/settings_@N@.py", body: `import os

CPANEL = {
    "HOST": os.environ.get("CPANEL_HOST", "@HOST@"),
    "USER": os.environ.get("CPANEL_USER", "@USER@"),
    "TOKEN": os.environ.get("CPANEL_TOKEN", "@TOK@"),
}
`},
	{cat: "py-class-self-token", path: "integrations/hosting/cpanel_api_@N@.py", body: `import requests


class CPanel:
    def __init__(self, host="@HOST@", user="@USER@", token="@TOK@"):
        self.base = f"https://{host}:2083/execute"
        self.s = requests.Session()
        self.s.headers["Authorization"] = f"cpanel {user}:{token}"
`},
	{cat: "jupyter-notebook", path: "notebooks/«account_audit¦dns_cleanup¦quota»_@N@.ipynb", body: `{
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": ["# Audit of hosted accounts\n"]
  },
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {},
   "outputs": [],
   "source": [
    "import requests\n",
    "import pandas as pd\n",
    "\n",
    "WHM = \"https://@HOST@:2087/json-api\"\n",
    "HEADERS = {\"Authorization\": \"whm @WHMUSER@:@TOK@\"}\n"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 2,
   "metadata": {},
   "outputs": [],
   "source": [
    "r = requests.get(WHM + \"/listaccts\", params={\"api.version\": 1}, headers=HEADERS, verify=False)\n",
    "df = pd.DataFrame(r.json()[\"data\"][\"acct\"])\n"
   ]
  }
 ],
 "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
 "nbformat": 4,
 "nbformat_minor": 5
}
`},
	{cat: "jupyter-notebook-const", path: "analysis/cpanel_email_@N@.ipynb", body: `{
 "cells": [
  {
   "cell_type": "code",
   "execution_count": 3,
   "metadata": {},
   "outputs": [],
   "source": [
    "CPANEL_TOKEN = '@TOK@'\n",
    "CPANEL_USER = '@USER@'\n",
    "url = f'https://@HOST@:2083/execute/Email/list_pops'\n",
    "r = requests.get(url, headers={'Authorization': f'cpanel {CPANEL_USER}:{CPANEL_TOKEN}'})\n"
   ]
  }
 ],
 "metadata": {},
 "nbformat": 4,
 "nbformat_minor": 4
}
`},
	// ------------------------------------------------------------------ JS / TS
	{cat: "node-fetch-literal", path: "scripts/«domains¦mail»-@N@.mjs", body: `const res = await fetch('https://@HOST@:@PORT@/@EP@', {
  headers: { Authorization: '@SCHEME@ @ACCT@:@TOK@' },
});
console.log(await res.json());
`},
	{cat: "node-template-literal", path: "src/lib/cpanel-@N@.ts", body: `const CPANEL_HOST = '@HOST@';
const CPANEL_USER = '@USER@';
const «CPANEL_TOKEN¦cpanelToken¦CPANEL_API_TOKEN»: string = '@TOK@';
@FILL_JS@

export async function uapi(mod: string, fn: string) {
  const res = await fetch(@BT@https://${CPANEL_HOST}:2083/execute/${mod}/${fn}@BT@, {
    headers: { Authorization: @BT@cpanel ${CPANEL_USER}:${«CPANEL_TOKEN¦cpanelToken¦CPANEL_API_TOKEN»}@BT@ },
  });
  return res.json();
}
`},
	{cat: "axios-whm", path: "server/services/whm-@N@.js", body: `const axios = require('axios');
const https = require('https');

const whm = axios.create({
  baseURL: 'https://@HOST@:2087/json-api/',
  httpsAgent: new https.Agent({ rejectUnauthorized: false }),
  headers: { «Authorization¦'Authorization'¦"Authorization"»: «'whm @WHMUSER@:@TOK@'¦"whm @WHMUSER@:@TOK@"» },
});

module.exports.listAccounts = () => whm.get('listaccts', { params: { 'api.version': 1 } });
`},
	{cat: "got-const", path: "packages/hosting/src/whm-@N@.js", body: `import got from 'got';

const «WHM_TOKEN¦whmToken¦WHM_API_TOKEN» = '@TOK@';

export const client = got.extend({
  prefixUrl: 'https://@HOST@:2087/json-api',
  headers: { authorization: @BT@whm @WHMUSER@:${«WHM_TOKEN¦whmToken¦WHM_API_TOKEN»}@BT@ },
  https: { rejectUnauthorized: false },
});
`},
	{cat: "js-config-object", path: "config/«default¦production».@N@.js", body: `module.exports = {
  port: 3000,
  cpanel: {
    host: '@HOST@',
    user: '@USER@',
    token: '@TOK@',
  },
  smtp: { host: 'mail.@DOMAIN@', port: 587 },
};
`},
	// ------------------------------------------------------------------ Go, Ruby, Perl, PowerShell, Java, C#, Rust
	{cat: "go-header-set", path: "internal/hosting/cpanel_@N@.go", body: `package hosting

import "net/http"

func newRequest(fn string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, "https://@HOST@:@PORT@/"+fn, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "@SCHEME@ @ACCT@:@TOK@")
	return req, nil
}
`},
	{cat: "go-const-sprintf", path: "cmd/whmctl/main_@N@.go", body: `package main

import (
	"fmt"
	"net/http"
)

const (
	whmHost  = "@HOST@"
	whmUser  = "@WHMUSER@"
	whmToken = "@TOK@"
)
@FILL_GO@

func call(fn string) (*http.Response, error) {
	req, _ := http.NewRequest("GET", fmt.Sprintf("https://%s:2087/json-api/%s?api.version=1", whmHost, fn), nil)
	req.Header.Set("Authorization", fmt.Sprintf("whm %s:%s", whmUser, whmToken))
	return http.DefaultClient.Do(req)
}
`},
	{cat: "go-struct-literal", path: "internal/provision/config_@N@.go", body: `package provision

var defaultPanel = PanelConfig{
	Kind:  "cpanel",
	Host:  "@HOST@",
	Port:  2083,
	User:  "@USER@",
	Token: "@TOK@",
}
`},
	{cat: "ruby-net-http", path: "lib/tasks/whm_@N@.rake", body: `require 'net/http'
require 'json'

namespace :whm do
  task :accounts do
    uri = URI('https://@HOST@:@PORT@/@EP@')
    req = Net::HTTP::Get.new(uri)
    req['Authorization'] = '@SCHEME@ @ACCT@:@TOK@'
    res = Net::HTTP.start(uri.host, uri.port, use_ssl: true, verify_mode: OpenSSL::SSL::VERIFY_NONE) { |h| h.request(req) }
    puts JSON.parse(res.body)
  end
end
`},
	{cat: "ruby-interp", path: "app/models/hosting_account_@N@.rb", body: `class HostingAccount
  CPANEL_TOKEN = "@TOK@".freeze

  def client
    Faraday.new(url: "https://#{host}:2083") do |f|
      f.headers["Authorization"] = "cpanel #{username}:#{CPANEL_TOKEN}"
    end
  end
end
`},
	{cat: "perl-lwp", path: "bin/whm_report_@N@.pl", body: `#!/usr/bin/perl
use strict;
use warnings;
use LWP::UserAgent;
use JSON;

my $ua = LWP::UserAgent->new( ssl_opts => { verify_hostname => 0 } );
$ua->default_header( 'Authorization' => '@SCHEME@ @ACCT@:@TOK@' );
my $res = $ua->get('https://@HOST@:@PORT@/@EP@');
print decode_json( $res->decoded_content )->{data};
`},
	{cat: "perl-publicapi", path: "scripts/publicapi_@N@.pl", body: `#!/usr/local/cpanel/3rdparty/bin/perl
use strict;
use cPanel::PublicAPI;

my $pubapi = cPanel::PublicAPI->new(
    host       => '@HOST@',
    user       => '@WHMUSER@',
    api_token  => '@TOK@',
    ssl_verify_mode => 0,
);
my $res = $pubapi->whm_api('listaccts', { 'api.version' => 1 });
`},
	{cat: "powershell-irm", path: "scripts/Get-CpanelDomains_@N@.ps1", body: `$headers = @{ Authorization = "@SCHEME@ @ACCT@:@TOK@" }
$uri = "https://@HOST@:@PORT@/@EP@"
$r = Invoke-RestMethod -Uri $uri -Headers $headers -SkipCertificateCheck
$r.data | Format-Table
`},
	{cat: "powershell-vars", path: "automation/Sync-Whm_@N@.ps1", body: `param([string]$Server = "@HOST@")
$WhmUser  = "@WHMUSER@"
$«WhmToken¦WhmApiToken¦ApiToken» = "@TOK@"

$hdr = @{ "Authorization" = "whm ${WhmUser}:$«WhmToken¦WhmApiToken¦ApiToken»" }
Invoke-WebRequest -Uri "https://${Server}:2087/json-api/listaccts?api.version=1" -Headers $hdr
`},
	{cat: "java-setrequestproperty", path: "src/main/java/com/@BRAND@/hosting/WhmClient@N@.java", body: `package com.example.hosting;

import java.net.HttpURLConnection;
import java.net.URL;

public class WhmClient {
    private static final String «WHM_TOKEN¦API_TOKEN¦CPANEL_TOKEN» = "@TOK@";

    public HttpURLConnection open(String fn) throws Exception {
        URL url = new URL("https://@HOST@:@PORT@/" + fn);
        HttpURLConnection c = (HttpURLConnection) url.openConnection();
        c.setRequestProperty("Authorization", "@SCHEME@ @ACCT@:" + «WHM_TOKEN¦API_TOKEN¦CPANEL_TOKEN»);
        return c;
    }
}
`},
	{cat: "java-okhttp", path: "android/app/src/main/java/net/@BRAND@/Api@N@.kt", body: `val request = Request.Builder()
    .url("https://@HOST@:@PORT@/@EP@")
    .addHeader("Authorization", "@SCHEME@ @ACCT@:@TOK@")
    .build()
`},
	{cat: "csharp-authheadervalue", path: "src/Hosting/CpanelClient@N@.cs", body: `using System.Net.Http;
using System.Net.Http.Headers;

public class CpanelClient
{
    private readonly HttpClient _http = new HttpClient { BaseAddress = new Uri("https://@HOST@:@PORT@/") };

    public CpanelClient()
    {
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("@SCHEME@", "@ACCT@:@TOK@");
    }
}
`},
	{cat: "csharp-add-header", path: "Services/WhmService@N@.cs", body: `var client = new HttpClient();
client.DefaultRequestHeaders.Add("Authorization", "@SCHEME@ @ACCT@:@TOK@");
var json = await client.GetStringAsync("https://@HOST@:@PORT@/@EP@");
`},
	{cat: "rust-reqwest", path: "src/bin/whm_@N@.rs", body: `let client = reqwest::Client::new();
let resp = client
    .get("https://@HOST@:@PORT@/@EP@")
    .header("Authorization", "@SCHEME@ @ACCT@:@TOK@")
    .send()
    .await?;
`},
	// ------------------------------------------------------------------ config files
	{cat: "dotenv", path: "«.env¦.env.production¦.env.local¦deploy/.env»", n: 6, body: `APP_ENV=production
APP_DEBUG=false
DB_HOST=127.0.0.1
@SCHEMEU@_HOST=@HOST@
@SCHEMEU@«_USER¦_USERNAME»=@ACCT@
@SCHEMEU@«_API_TOKEN¦_TOKEN¦_APITOKEN»=«@TOK@¦"@TOK@"¦'@TOK@'»
MAIL_MAILER=smtp
`},
	{cat: "dotenv-export", path: "secrets/«cpanel¦hosting».env.sh", body: `export CPANEL_HOST="@HOST@"
export CPANEL_USER="@USER@"
export «CPANEL_API_TOKEN¦CPANEL_TOKEN»="@TOK@"
`},
	{cat: "ini-section", path: "«config¦etc»/«hosting¦panel¦accounts».ini", body: `[general]
log_level = info

[@SCHEME@]
host = @HOST@
«user¦username» = @ACCT@
«token¦api_token¦apitoken» = @TOK@
verify_ssl = false
`},
	{cat: "toml-section", path: "«config¦deploy»/«settings¦app».toml", body: `[server]
listen = "0.0.0.0:8080"

[@SCHEME@]
host = "@HOST@"
username = "@ACCT@"
«api_token¦token» = "@TOK@"
`},
	{cat: "json-nested", path: "config/«hosting¦accounts¦local».json", body: `{
  "environment": "production",
  "@SCHEME@": {
    "host": "@HOST@",
    "port": @PORT@,
    "username": "@ACCT@",
    "«apiToken¦token¦api_token»": "@TOK@"
  }
}
`},
	{cat: "json-flat-key", path: "appsettings.«Production¦Development».json", body: `{
  "Logging": { "LogLevel": { "Default": "Information" } },
  "@SCHEMEC@«ApiToken¦Token»": "@TOK@",
  "@SCHEMEC@Host": "@HOST@"
}
`},
	{cat: "xml-appconfig", path: "Web.@N@.config", body: `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <appSettings>
    <add key="@SCHEMEC@Host" value="@HOST@" />
    <add key="@SCHEMEC@User" value="@ACCT@" />
    <add key="@SCHEMEC@«ApiToken¦Token»" value="@TOK@" />
  </appSettings>
</configuration>
`},
	{cat: "xml-elements", path: "conf/panel-@N@.xml", body: `<hosting>
  <@SCHEME@>
    <host>@HOST@</host>
    <user>@ACCT@</user>
    <«token¦apiToken»>@TOK@</«token¦apiToken»>
  </@SCHEME@>
</hosting>
`},
	{cat: "java-properties", path: "src/main/resources/application«-prod¦».properties", body: `spring.application.name=billing
server.port=8080
@SCHEME@.host=@HOST@
@SCHEME@.user=@ACCT@
@SCHEME@«.api.token¦.token¦.apiToken»=@TOK@
`},
	{cat: "yaml-app-config", path: "config/«application¦settings».@N@.yml", body: `server:
  port: 8080
@SCHEME@:
  host: @HOST@
  username: @ACCT@
  «api_token¦token¦apiToken»: «@TOK@¦"@TOK@"¦'@TOK@'»
`},
	{cat: "dockerfile-env", path: "«docker/worker¦services/sync»/Dockerfile", body: `FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
«ENV¦ARG» «CPANEL_API_TOKEN¦CPANEL_TOKEN¦WHM_API_TOKEN»=@TOK@
ENV CPANEL_HOST=@HOST@
COPY . .
CMD ["python", "sync.py"]
`},
	{cat: "docker-compose-list", path: "«docker-compose.yml¦compose.yaml¦deploy/docker-compose.prod.yml»", body: `services:
  worker:
    image: ghcr.io/@BRAND@/sync:latest
    environment:
      - CPANEL_HOST=@HOST@
      - CPANEL_USER=@USER@
      - «CPANEL_API_TOKEN¦CPANEL_TOKEN»=@TOK@
    restart: unless-stopped
`},
	{cat: "docker-compose-map", path: "stack/«whm¦billing»-compose-@N@.yml", body: `version: "3.8"
services:
  billing:
    image: @BRAND@/billing:2.4
    environment:
      WHM_HOST: @HOST@
      «WHM_API_TOKEN¦WHM_TOKEN»: «@TOK@¦"@TOK@"»
      TZ: UTC
`},
	{cat: "k8s-secret-data-b64", path: "k8s/«base¦overlays/prod»/@SCHEME@-secret-@N@.yaml", n: 6, body: `apiVersion: v1
kind: Secret
metadata:
  name: «@SCHEME@-credentials¦@SCHEME@-api¦hosting-@SCHEME@»
  namespace: «billing¦default¦ops»
type: Opaque
data:
  «@SCHEMEU@_API_TOKEN¦@SCHEME@-token¦token¦api-token»: «@B64TOK@¦@B64TOKNL@»
`},
	{cat: "k8s-secret-stringdata", path: "deploy/k8s/secret-@SCHEME@-@N@.yaml", body: `apiVersion: v1
kind: Secret
metadata:
  name: hosting-api
type: Opaque
stringData:
  @SCHEMEU@_HOST: @HOST@
  @SCHEMEU@«_API_TOKEN¦_TOKEN»: «@TOK@¦"@TOK@"»
`},
	{cat: "k8s-configmap", path: "manifests/configmap-sync-@N@.yaml", body: `apiVersion: v1
kind: ConfigMap
metadata:
  name: sync-config
data:
  CPANEL_HOST: "@HOST@"
  CPANEL_USER: "@USER@"
  «CPANEL_TOKEN¦CPANEL_API_TOKEN»: "@TOK@"
`},
	{cat: "helm-values", path: "charts/«hosting-sync¦billing»/values-@N@.yaml", body: `replicaCount: 1
image:
  repository: @BRAND@/sync
  tag: "1.4.2"
@SCHEME@:
  host: @HOST@
  user: @ACCT@
  apiToken: "@TOK@"
`},
	{cat: "github-actions-env", path: ".github/workflows/«deploy¦backup¦sync»-@N@.yml", body: `name: Deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
      CPANEL_HOST: @HOST@
      CPANEL_USER: @USER@
      «CPANEL_TOKEN¦CPANEL_API_TOKEN»: @TOK@
    steps:
      - uses: actions/checkout@v4
      - name: Pull on server
        run: |
          curl -sf -H "Authorization: cpanel $CPANEL_USER:$«CPANEL_TOKEN¦CPANEL_API_TOKEN»" \
            "https://$CPANEL_HOST:2083/execute/VersionControlDeployment/create?repository_root=/home/$CPANEL_USER/repo"
`},
	{cat: "github-actions-inline", path: ".github/workflows/whm-@N@.yaml", body: `on: workflow_dispatch
jobs:
  suspend:
    runs-on: ubuntu-latest
    steps:
      - run: >
          curl -s -H 'Authorization: whm @WHMUSER@:@TOK@'
          'https://@HOST@:2087/json-api/suspendacct?api.version=1&user=${{ inputs.user }}'
`},
	{cat: "gitlab-ci-vars", path: "«.gitlab-ci.yml¦ci/.gitlab-ci.deploy.yml»", body: `variables:
  CPANEL_HOST: "@HOST@"
  «CPANEL_TOKEN¦CPANEL_API_TOKEN»: "@TOK@"

deploy:
  stage: deploy
  script:
    - curl -s -H "Authorization: cpanel @USER@:${«CPANEL_TOKEN¦CPANEL_API_TOKEN»}" "https://${CPANEL_HOST}:2083/execute/Fileman/list_files?dir=public_html"
`},
	{cat: "ansible-uri-inline", path: "playbooks/@SCHEME@_«accounts¦dns»_@N@.yml", body: `- hosts: localhost
  gather_facts: false
  tasks:
    - name: Call API
      ansible.builtin.uri:
        url: "https://@HOST@:@PORT@/@EP@"
        method: GET
        validate_certs: false
        headers:
          Authorization: "@SCHEME@ @ACCT@:@TOK@"
        return_content: true
      register: api
`},
	{cat: "ansible-vars", path: "«group_vars/all¦inventories/prod/group_vars/webservers¦host_vars/@BRAND@»/«cpanel¦vars»_@N@.yml", body: `---
ntp_server: pool.ntp.org
«cpanel_api_token¦cpanel_token¦whm_api_token¦whm_token»: «@TOK@¦"@TOK@"»
cpanel_host: @HOST@
`},
	{cat: "ansible-vars-far", path: "playbooks/site_@N@.yml", body: `- hosts: web
  vars:
    api_user: @USER@
    api_secret: "@TOK@"
  tasks:
@FILL_YAML@
    - name: list mail accounts
      ansible.builtin.uri:
        url: "https://{{ inventory_hostname }}:2083/execute/Email/list_pops"
        headers:
          Authorization: "cpanel {{ api_user }}:{{ api_secret }}"
`},
	{cat: "terraform-var-default", path: "infra/«variables¦cpanel».tf", body: `variable "«cpanel_api_token¦whm_api_token¦cpanel_token»" {
  type      = string
  sensitive = true
  default   = "@TOK@"
}
`},
	{cat: "terraform-http", path: "infra/modules/dns/main_@N@.tf", body: `data "http" "zone" {
  url = "https://@HOST@:@PORT@/@EP@"
  request_headers = {
    Authorization = "@SCHEME@ @ACCT@:@TOK@"
  }
}
`},
	{cat: "tfvars", path: "env/«prod¦staging».tfvars", body: `region             = "eu-west-1"
«cpanel_api_token¦whm_api_token¦cpanel_token» = "@TOK@"
«cpanel_host¦whm_host»        = "@HOST@"
`},
	{cat: "systemd-env", path: "etc/systemd/system/«cpanel-sync¦whm-exporter».service.@N@", body: `[Unit]
Description=Hosting sync
After=network-online.target

[Service]
Environment="CPANEL_HOST=@HOST@"
Environment="«CPANEL_TOKEN¦CPANEL_API_TOKEN¦WHM_API_TOKEN»=@TOK@"
ExecStart=/usr/local/bin/sync
`},
	{cat: "csv-inventory", path: "inventory/«accounts¦clients»_@N@.csv", body: `cpanel_host,cpanel_user,api_token,notes
@HOST@,@USER@,@TOK@,main site
@HOST2@,@USER2@,@TOK2@,«shop¦blog¦staging»
`},
	// ------------------------------------------------------------------ API clients, docs, logs
	{cat: "postman-header", path: "postman/@SCHEMEU@_API_@N@.postman_collection.json", body: `{
  "info": { "name": "@SCHEMEU@ API", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  "item": [
    {
      "name": "list",
      "request": {
        "method": "GET",
        "header": [
          { "key": "Authorization", "value": "@SCHEME@ @ACCT@:@TOK@", "type": "text" }
        ],
        "url": { "raw": "https://@HOST@:@PORT@/@EP@", "protocol": "https", "host": ["@HOST@"], "port": "@PORT@" }
      }
    }
  ]
}
`},
	{cat: "postman-variable", path: "postman/environments/«prod¦hosting»-@N@.postman_environment.json", body: `{
  "name": "hosting prod",
  "values": [
    { "key": "cpanel_host", "value": "@HOST@", "enabled": true },
    { "key": "cpanel_user", "value": "@USER@", "enabled": true },
    { "key": "«cpanel_token¦cpanel_api_token»", "value": "@TOK@", "type": "secret", "enabled": true }
  ]
}
`},
	{cat: "http-file", path: "«api¦requests»/@SCHEME@-@N@.http", body: `### list
GET https://@HOST@:@PORT@/@EP@
Authorization: @SCHEME@ @ACCT@:@TOK@
Accept: application/json
`},
	{cat: "http-file-var", path: "rest/whm-@N@.http", body: `@host = @HOST@
@token = @TOK@

GET https://{{host}}:2087/json-api/listaccts?api.version=1
Authorization: whm @WHMUSER@:{{token}}
`},
	{cat: "insomnia-yaml", path: "insomnia/export_@N@.yaml", body: `_type: export
resources:
  - _type: request
    name: UAPI list domains
    method: GET
    url: https://@HOST@:2083/execute/DomainInfo/list_domains
    headers:
      - name: Authorization
        value: cpanel @USER@:@TOK@
`},
	{cat: "har-file", path: "debug/«session¦capture»-@N@.har", body: `{"log":{"version":"1.2","entries":[{"request":{"method":"GET","url":"https://@HOST@:@PORT@/@EP@","headers":[{"name":"Accept","value":"*/*"},{"name":"Authorization","value":"@SCHEME@ @ACCT@:@TOK@"}]},"response":{"status":200}}]}}
`},
	{cat: "markdown-runbook", path: "docs/runbooks/«backup-restore¦new-account¦dns-change»-@N@.md", body: `# Runbook: «restore a backup¦create an account¦change DNS»

1. Log into the jump host.
2. Run:

@BT3@bash
curl -s -H "Authorization: @SCHEME@ @ACCT@:@TOK@" \
  "https://@HOST@:@PORT@/@EP@"
@BT3@

3. Confirm «status¦metadata.result» is 1.
`},
	{cat: "markdown-inline-token", path: "docs/«onboarding¦handover»/hosting-@N@.md", body: `## Hosting access

* @SCHEMEN@ host: @HOST@
* user: @BT@@ACCT@@BT@
* API token: @BT@@TOK@@BT@ (created @DATE@, full access)
`},
	{cat: "support-ticket-text", path: "tickets/«2023¦2024»/«T¦HD»-@NUM@.txt", body: `From: @EMAIL@
Subject: API not working

Hi, I made a new @SCHEMEN@ API token («Manage API Tokens¦Security > Manage API Tokens») and it says access denied.
Server @HOST@, user @ACCT@, token @TOK@
Thanks
`},
	{cat: "curl-verbose-log", path: "logs/curl-debug-@N@.log", body: `*   Trying @IP@:@PORT@...
* Connected to @HOST@ (@IP@) port @PORT@ (#0)
* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384
> GET /@EP@ HTTP/1.1
> Host: @HOST@:@PORT@
> User-Agent: curl/8.5.0
> Accept: */*
> Authorization: @SCHEME@ @ACCT@:@TOK@
>
< HTTP/1.1 200 OK
< Content-Type: application/json; charset="utf-8"
`},
	{cat: "python-http-debug-log", path: "logs/sync-@DATE@-@N@.log", body: `DEBUG:urllib3.connectionpool:Starting new HTTPS connection (1): @HOST@:@PORT@
send: b'GET /@EP@ HTTP/1.1\r\nHost: @HOST@:@PORT@\r\nUser-Agent: python-requests/2.31.0\r\nAccept-Encoding: gzip, deflate\r\nAccept: */*\r\nConnection: keep-alive\r\nAuthorization: @SCHEME@ @ACCT@:@TOK@\r\n\r\n'
reply: 'HTTP/1.1 200 OK\r\n'
`},
	{cat: "lowercase-header-log", path: "logs/proxy/access-@N@.json", body: `{"ts":"@DATE@T@TIME@Z","method":"GET","path":"/@EP@","req_headers":{"host":"@HOST@:@PORT@","authorization":"@SCHEME@ @ACCT@:@TOK@","user-agent":"axios/1.6.7"},"status":200}
`},
	{cat: "multi-token-file", path: "ops/«tokens¦creds»_handover_@N@.yaml", body: `# handed over by Sam, rotate after migration
cpanel:
  host: @HOST@
  user: @USER@
  token: @TOK@
whm:
  host: @HOST2@
  user: @WHMUSER@
  token: @TOK2@
`},
	{cat: "split-user-token-far", path: "src/«jobs¦workers»/mailbox_sync_@N@.js", body: `const USER = '@USER@';
const SECRET = '@TOK@';
@FILL_JS@
@FILL_JS@

async function listMailboxes() {
  const r = await fetch('https://@HOST@:2083/execute/Email/list_pops', {
    headers: { Authorization: 'cpanel ' + USER + ':' + SECRET },
  });
  return r.json();
}
`},
	{cat: "go-test-fixture", path: "internal/whm/client_«integration_¦»test_@N@.go", body: `package whm

import "testing"

func TestListAccounts(t *testing.T) {
	c := New("@HOST@", "@WHMUSER@", "@TOK@")
	if _, err := c.ListAccounts(); err != nil {
		t.Fatal(err)
	}
}
`},
	// ------------------------------------------------------------------ more shapes
	{cat: "cli-flag", path: "scripts/«restore¦mirror¦provision»-@N@.sh", body: `#!/bin/sh
# wrapper around our internal tool
./bin/hostctl «--cpanel-token¦--token¦--api-token» «@TOK@¦"@TOK@"¦=@TOK@» --host @HOST@:@PORT@ --user @ACCT@ sync
`},
	{cat: "heroku-config-set", path: "docs/deploy/heroku-@N@.md", body: `Set the config vars once:

    heroku config:set CPANEL_HOST=@HOST@ CPANEL_USER=@USER@ «CPANEL_API_TOKEN¦CPANEL_TOKEN»=@TOK@ -a @BRAND@-sync
`},
	{cat: "jenkinsfile-env", path: "«Jenkinsfile¦ci/Jenkinsfile.deploy»", body: `pipeline {
  agent any
  environment {
    CPANEL_HOST  = '@HOST@'
    «CPANEL_TOKEN¦CPANEL_API_TOKEN¦WHM_API_TOKEN» = '@TOK@'
  }
  stages {
    stage('Deploy') {
      steps {
        sh 'curl -s -H "Authorization: @SCHEME@ @ACCT@:$«CPANEL_TOKEN¦CPANEL_API_TOKEN¦WHM_API_TOKEN»" https://$CPANEL_HOST:@PORT@/@EP@'
      }
    }
  }
}
`},
	{cat: "code-comment-token", path: "src/«sync¦jobs»/notes_@N@.«py¦sh¦rb»", body: `# @SCHEMEN@ token for @ACCT@ on @HOST@: @TOK@ (created @DATE@, rotate!)
# TODO move it into the vault
def run():
    pass
`},
	{cat: "frontend-env-prefixed", path: "«web¦frontend¦dashboard»/.env«.local¦.production¦»", body: `«p=VITE_¦NEXT_PUBLIC_¦REACT_APP_»API_BASE=/api
«p=VITE_¦NEXT_PUBLIC_¦REACT_APP_»CPANEL_HOST=@HOST@
«p=VITE_¦NEXT_PUBLIC_¦REACT_APP_»CPANEL_TOKEN=@TOK@
`},
	{cat: "gha-action-with", path: ".github/workflows/«publish¦release»-@N@.yml", body: `jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: «some-org/cpanel-deploy-action@v2¦pixelforge/uapi-upload@v1»
        with:
          host: @HOST@
          user: @USER@
          «cpanel_token¦token¦api_token»: @TOK@
          path: public_html
`},
	{cat: "terraform-locals-map", path: "infra/hosting/locals_@N@.tf", body: `locals {
  @SCHEME@ = {
    host  = "@HOST@"
    user  = "@ACCT@"
    token = "@TOK@"
  }
}
`},
	{cat: "capitalised-scheme", path: "scripts/check_@SCHEME@_@N@.py", body: `import requests
r = requests.get("https://@HOST@:@PORT@/@EP@", headers={"Authorization": "@SCHEMEC@ @ACCT@:@TOK@"})
`},
	{cat: "php-whmcs-addon-settings", path: "modules/addons/@BRAND@_sync/config_@N@.php", body: `<?php
// WHMCS addon: hard-coded settings until the admin page exists
$settings = [
    'whm_host'      => '@HOST@',
    'whm_user'      => '@WHMUSER@',
    'whm_api_token' => '@TOK@',
];
`},
	{cat: "python-dict-config", path: "deploy/config_@N@.py", body: `SERVERS = {
    "«prod¦eu1¦us2»": {
        "host": "@HOST@",
        "«cpanel_user¦user»": "@USER@",
        "«cpanel_token¦token¦api_token»": "@TOK@",
        "port": 2083,
    },
}
`},
	// ------------------------------------------------------------------ legacy WHM access hash
	{cat: "accesshash-php-classic", path: "whm/«listaccts¦create_account»_@N@.php", n: 5, body: `<?php
$whmusername = "@WHMUSER@";
$whmhash = "@HASHLINES@";

$query = "https://@HOST@:2087/json-api/listaccts?api.version=1";

$curl = curl_init();
curl_setopt($curl, CURLOPT_SSL_VERIFYHOST, 0);
curl_setopt($curl, CURLOPT_SSL_VERIFYPEER, 0);
curl_setopt($curl, CURLOPT_RETURNTRANSFER, 1);
$header[0] = "Authorization: WHM $whmusername:" . preg_replace("'(\r|\n)'", "", $whmhash);
curl_setopt($curl, CURLOPT_HTTPHEADER, $header);
curl_setopt($curl, CURLOPT_URL, $query);
$result = curl_exec($curl);
`},
	{cat: "accesshash-header-oneline", path: "scripts/legacy_whm_@N@.«sh¦txt»", body: `curl -sk -H "Authorization: WHM @WHMUSER@:@HASH1@" "https://@HOST@:2087/json-api/version?api.version=1"
`},
	{cat: "accesshash-perl", path: "bin/whm_legacy_@N@.pl", body: `use LWP::UserAgent;
my $hash = '@HASH1@';
my $ua = LWP::UserAgent->new;
my $req = HTTP::Request->new( GET => "https://@HOST@:2087/json-api/listaccts?api.version=1" );
$req->header( Authorization => "WHM root:$hash" );
print $ua->request($req)->content;
`},
	{cat: "accesshash-escaped", path: "lib/WhmLegacy_@N@.php", body: `<?php
$accessHash = "@HASHESC@";
$auth = 'Authorization: WHM root:' . str_replace(["\r", "\n"], '', $accessHash);
`},
	{cat: "accesshash-file-copy", path: "backup/root/.accesshash.«bak¦old¦@N@»", n: 3, body: `@HASHLINES@
`},
	{cat: "accesshash-whmcs-json", path: "exports/whmcs-servers-@N@.json", n: 3, body: `[{"id":@NUM@,"name":"cPanel 1","hostname":"@HOST@","type":"cpanel","username":"root","accesshash":"@HASHESC@","secure":"on"}]
`},
}
