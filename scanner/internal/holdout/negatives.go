package holdout

// negatives leak nothing a cPanel/WHM token detector should report. Many carry
// strong cPanel context next to a value that is not a token (hard negatives);
// others carry a token-shaped value with no cPanel context at all.
var negatives = []tmpl{
	// ------------------------------------------------------------------ hex, GUIDs, hashes
	{cat: "md5-checksums-cpanel", path: "backups/«MD5SUMS¦checksums.txt¦manifest-@N@.md5»", body: `# cPanel full backups pulled from @HOST@:2083 (user @USER@)
@HEXU@  backup-@DATE@_@USER@.tar.gz
@HEXU2@  backup-@DATE@_@USER2@.tar.gz
`},
	{cat: "etag-cpanel-log", path: "logs/cpanel-api-@N@.log", body: `@DATE@ @TIME@ GET https://@HOST@:2083/execute/Email/list_pops 200
  ETag: "@HEXU@"
  X-Request-Id: @GUIDND@
  Content-Type: application/json
`},
	{cat: "guid-vs-solution", path: "src/Hosting«Tools¦Sync»@N@.sln", body: `Microsoft Visual Studio Solution File, Format Version 12.00
Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "CpanelSync", "CpanelSync\CpanelSync.csproj", "{@GUID@}"
EndProject
Global
	GlobalSection(ProjectConfigurationPlatforms) = postSolution
		{@GUID@}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
	EndGlobalSection
EndGlobal
`},
	{cat: "guid-nodash-cpanel-context", path: "src/Whm/Tracing@N@.cs", body: `// correlation id sent to WHM as a query arg (cpanel ignores unknown args)
const string CorrelationId = "@GUIDND@";
var url = $"https://{host}:2087/json-api/listaccts?api.version=1&corr={CorrelationId}";
client.DefaultRequestHeaders.Add("Authorization", $"whm {user}:{Environment.GetEnvironmentVariable("WHM_TOKEN")}");
`},
	{cat: "md5-uppercase-cpanel-var", path: "scripts/verify_@N@.sh", body: `# the cpanel installer checksum we expect
CPANEL_INSTALLER_MD5=@HEXU@
echo "$CPANEL_INSTALLER_MD5  latest" | md5sum -c -
`},
	{cat: "sha512-token-store", path: "var/cpanel/authn/api_tokens_v2/«cpanel¦whostmgr»/@USER@.json", body: `{"tokens":{"@SHA512@":{"name":"@NAME@","create_time":@TS@,"expires_at":null,"has_full_access":1,"features":[],"whitelist_ips":null,"acls":null},"@SHA512B@":{"name":"old-ci","create_time":@TS2@,"expires_at":@TS@,"has_full_access":1,"features":[]}}}
`},
	{cat: "tokens-list-response", path: "test/fixtures/tokens_list_@N@.json", body: `{
  "data": [
    {"name": "@NAME@", "create_time": @TS@, "expires_at": null, "has_full_access": 1, "features": []},
    {"name": "old-ci", "create_time": @TS2@, "expires_at": @TS@, "has_full_access": 1, "features": []}
  ],
  "errors": null, "messages": null, "metadata": {"transformed": 1}, "status": 1, "warnings": null
}
`},
	{cat: "whm-token-list-response", path: "fixtures/whm/api_token_list_@N@.json", body: `{"data":{"tokens":{"@NAME@":{"name":"@NAME@","create_time":@TS@,"expires_at":null,"whitelist_ips":null,"acls":{"all":1}}}},"metadata":{"command":"api_token_list","reason":"OK","result":1,"version":1}}
`},
	{cat: "lower-hex-cpanel", path: "lib/session_@N@.py", body: `# cpanel session cache keyed by md5(host:user)
CACHE_KEY = "@HEXL@"
CPANEL_HOST = "@HOST@"
`},
	{cat: "git-sha-cpanel", path: "deploy/cpanel-deploy-@N@.yml", body: `---
deployment:
  tasks:
    - export DEPLOYPATH=/home/@USER@/public_html/
    - /bin/cp -R * $DEPLOYPATH
# deployed commit @SHA1@ via cPanel Git Version Control (port 2083)
`},
	// ------------------------------------------------------------------ TOTP / base32
	{cat: "totp-otpauth-cpanel", path: "docs/2fa/«cpanel¦whm»-@USER@-@N@.txt", body: `otpauth://totp/«cPanel¦WHM»:@USER@%40@HOST@?secret=@B32@&issuer=«cPanel¦WHM»
# scanned into the team authenticator on @DATE@
`},
	{cat: "totp-secret-env", path: "«.env.e2e¦tests/e2e/.env»", body: `CPANEL_URL=https://@HOST@:2083
CPANEL_USER=@USER@
CPANEL_PASSWORD=@PASS@
«CPANEL_TOTP_SECRET¦CPANEL_2FA_SECRET¦CPANEL_OTP_SEED»=@B32@
`},
	{cat: "totp-pyotp", path: "tests/e2e/login_@N@.py", body: `import pyotp

# 2FA seed for the cPanel test account (login form, not the API)
totp = pyotp.TOTP("@B32@")
page.fill("#user", "@USER@")
page.fill("#pass", os.environ["CPANEL_PASSWORD"])
page.fill("#tfa_token", totp.now())
page.goto("https://@HOST@:2083/")
`},
	{cat: "twofactor-uapi-response", path: "fixtures/twofactor_@N@.json", body: `{"data":{"secret":"@B32@","otpauth_str":"otpauth://totp/cPanel:@USER@?secret=@B32@&issuer=cPanel"},"status":1,"errors":null,"messages":null,"warnings":null,"metadata":{}}
`},
	// ------------------------------------------------------------------ placeholders and indirection
	{cat: "placeholder-header", path: "docs/«api¦examples»/@SCHEME@-call-@N@.md", body: `@BT3@sh
curl -H "Authorization: @SCHEME@ «username¦USER¦@ACCT@»:«YOUR_API_TOKEN¦<token>¦XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX¦$TOKEN¦${CPANEL_TOKEN}¦{{token}}¦YOUR-TOKEN-HERE¦APITOKEN¦****************************¦<API_TOKEN>¦TOKEN»" \
  "https://«example.com¦@HOST@»:@PORT@/@EP@"
@BT3@
`, n: 8},
	{cat: "placeholder-env", path: "«.env.example¦.env.sample¦.env.dist¦config/.env.template»", body: `«CPANEL_HOST¦WHM_HOST»=«your-server.example.com¦@HOST@»
«CPANEL_USER¦WHM_USER»=«your_user¦root¦»
«CPANEL_API_TOKEN¦WHM_API_TOKEN¦CPANEL_TOKEN»=«¦changeme¦YOUR_API_TOKEN_HERE¦<paste token>¦xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx¦XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX¦replace-me»
`, n: 6},
	{cat: "env-lookup-code", path: "src/«panel¦hosting»_@N@.«py¦js¦php¦go»", body: `// token comes from the environment, never from the repo
«token = os.environ["CPANEL_TOKEN"]¦const token = process.env.CPANEL_API_TOKEN;¦$token = getenv('WHM_API_TOKEN');¦token := os.Getenv("CPANEL_TOKEN")»
«headers = {"Authorization": f"cpanel {user}:{token}"}¦const headers = { Authorization: @BT@cpanel ${user}:${token}@BT@ };¦$hdr = "Authorization: whm root:$token";¦req.Header.Set("Authorization", "cpanel "+user+":"+token)»
url = "https://@HOST@:@PORT@/@EP@"
`, n: 6},
	{cat: "ci-secrets-ref", path: ".github/workflows/cpanel-deploy-@N@.yml", body: `jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: |
          curl -sf -H "Authorization: cpanel ${{ secrets.CPANEL_USER }}:${{ secrets.CPANEL_TOKEN }}" \
            "https://${{ vars.CPANEL_HOST }}:2083/execute/VersionControlDeployment/create"
        env:
          CPANEL_API_TOKEN: ${{ secrets.CPANEL_API_TOKEN }}
`},
	{cat: "ansible-jinja-vault", path: "roles/cpanel/tasks/main_@N@.yml", body: `- name: list domains
  ansible.builtin.uri:
    url: "https://{{ cpanel_host }}:2083/execute/DomainInfo/list_domains"
    headers:
      Authorization: "cpanel {{ cpanel_user }}:{{ «cpanel_api_token¦vault_cpanel_token¦lookup('env', 'CPANEL_TOKEN')» }}"
`},
	{cat: "helm-template", path: "charts/sync/templates/secret-@N@.yaml", body: `apiVersion: v1
kind: Secret
metadata:
  name: {{ include "sync.fullname" . }}
stringData:
  CPANEL_API_TOKEN: {{ .Values.cpanel.apiToken | quote }}
  WHM_API_TOKEN: {{ required "whm token" .Values.whm.apiToken }}
`},
	{cat: "k8s-secret-b64-placeholder", path: "k8s/examples/secret-example-@N@.yaml", body: `apiVersion: v1
kind: Secret
metadata:
  name: cpanel-credentials
type: Opaque
data:
  # echo -n 'REPLACE_WITH_TOKEN' | base64
  CPANEL_API_TOKEN: UkVQTEFDRV9XSVRIX1RPS0VO
  CPANEL_USER: «dXNlcm5hbWU=¦cm9vdA==»
`},
	{cat: "sops-encrypted", path: "secrets/«cpanel¦whm».enc.yaml", body: `cpanel_api_token: ENC[AES256_GCM,data:@MIXED32@@LOW32@,iv:@MIXED32@=,tag:@MIXED32@==,type:str]
cpanel_host: ENC[AES256_GCM,data:@MIXED32@,iv:@MIXED32@=,tag:@MIXED32@==,type:str]
sops:
    lastmodified: "@DATE@T@TIME@Z"
    mac: ENC[AES256_GCM,data:@MIXED32@,type:str]
    version: 3.8.1
`},
	{cat: "ansible-vault-file", path: "group_vars/cpanel/vault_@N@.yml", body: `$ANSIBLE_VAULT;1.1;AES256
@HEXL@@HEXL2@
@HEXL@@HEXL2@
@HEXL2@@HEXL@
`},
	{cat: "secret-manager-ref", path: "terraform/cpanel_@N@.tf", body: `data "aws_secretsmanager_secret_version" "cpanel" {
  secret_id = "prod/cpanel/api-token"
}

locals {
  cpanel_token = jsondecode(data.aws_secretsmanager_secret_version.cpanel.secret_string)["token"]
  cpanel_host  = "@HOST@"
}
`},
	{cat: "redacted-token", path: "logs/audit_@N@.log", body: `@DATE@ @TIME@ created «cPanel¦WHM» API token "@NAME@" for @ACCT@: «JP************************************¦********************************¦[REDACTED]¦<redacted>¦sha512:@SHA512@»
`},
	{cat: "word-placeholder-32", path: "config/«sample¦example»-@N@.«ini¦toml¦yaml»", body: `# copy to config and fill in your real values
[cpanel]
host = example.com
user = myuser
token = «YOURCPANELAPITOKENGOESHERE012345¦PASTEYOURAPITOKENHERE00000000000¦INSERTTOKENHEREINSERTTOKENHERE00¦CHANGEMECHANGEMECHANGEMECHANGEME»
`},
	// ------------------------------------------------------------------ doc examples, fakes, wrong lengths
	{cat: "doc-example-header", path: "docs/«guides¦wiki»/api-auth-@N@.md", body: `To authenticate, send the token in the header:

@BT3@
curl -H'Authorization: @SCHEME@ «username¦root¦@ACCT@»:@DOC@' 'https://«example.com¦hostname.example.com»:@PORT@/@EP@'
@BT3@
`, n: 8},
	{cat: "doc-example-config", path: "examples/«config.sample.json¦settings.example.yml¦.env.example»", body: `«{"cpanel": {"host": "example.com", "user": "username", "token": "@DOC@"}}¦cpanel:
  host: example.com
  user: username
  token: @DOC@¦CPANEL_HOST=example.com
CPANEL_TOKEN=@DOC@»
`},
	{cat: "doc-example-create-output", path: "docs/reference/tokens-create-@N@.md", body: `Example response for «Tokens::create_full_access¦api_token_create»:

@BT3@json
{
  "data": {
    "token": "@DOC@",
    "create_time": 1559584254
  },
  "status": 1
}
@BT3@
`},
	{cat: "sequential-fake", path: "tests/«test_client¦test_api¦fixtures_creds»_@N@.py", body: `# fake credentials for unit tests
«CPANEL_TOKEN¦WHM_TOKEN¦token» = "@SEQ@"
headers = {"Authorization": "«cpanel testuser¦whm root»:@SEQ@"}
url = "https://localhost:«2083¦2087»/"
`, n: 8},
	{cat: "len31-header", path: "notes/broken-@N@.txt", body: `# this one was truncated when copying, the API said 401
curl -H "Authorization: @SCHEME@ @ACCT@:@R31@" https://@HOST@:@PORT@/@EP@
`},
	{cat: "len33-config", path: "conf/«cpanel¦whm»-@N@.ini", body: `[«cpanel¦whm»]
host = @HOST@
user = @ACCT@
token = @R33@
`},
	{cat: "len40-cpanel-context", path: "scripts/«release¦build»-@N@.sh", body: `# cpanel plugin build id, not a credential
CPANEL_PLUGIN_BUILD_ID=@R40@
curl -s "https://@HOST@:2083/" >/dev/null
`},
	{cat: "len24-cpanel-context", path: "cfg/old-«cpanel¦whm»-@N@.conf", body: `«cpanel¦whm»_session_id = @R24@
«cpanel¦whm»_host = @HOST@
`},
	// ------------------------------------------------------------------ cPanel context, not a token
	{cat: "cpsess-path", path: "«docs¦notes¦bookmarks»/cpanel-links-@N@.«md¦txt¦html»", body: `Open https://@HOST@:2083/cpsess@CPSESS@/frontend/jupiter/api_tokens/index.html#/create
WHM: https://@HOST@:2087/cpsess@CPSESS2@/json-api/api_token_list?api.version=1
`},
	{cat: "cpsess-log", path: "logs/cpanel/access_log-@N@", body: `@IP@ - @USER@ [@DATE@:@TIME@ -0000] "POST /cpsess@CPSESS@/execute/Tokens/list HTTP/1.1" 200 0 "https://@HOST@:2083/cpsess@CPSESS@/frontend/jupiter/api_tokens/index.html" "Mozilla/5.0"
@IP@ - @USER@ [@DATE@:@TIME@ -0000] "GET /cpsess@CPSESS2@/frontend/jupiter/index.html HTTP/1.1" 200 0 "-" "Mozilla/5.0"
`},
	{cat: "cpsession-cookie", path: "debug/request-@N@.txt", body: `GET /cpsess@CPSESS@/execute/Email/list_pops HTTP/1.1
Host: @HOST@:2083
Cookie: cpsession=@USER@%3a@MIXED32@%2c@HEXL@; timezone=UTC
`},
	{cat: "basic-auth-cpanel", path: "scripts/basic_auth_@N@.sh", body: `# old way: password auth (do not do this)
curl -s -H "Authorization: Basic $(echo -n "@USER@:$CPANEL_PASSWORD" | base64)" "https://@HOST@:2083/execute/Email/list_pops"
curl -s -u "@USER@:$CPANEL_PASSWORD" "https://@HOST@:2083/execute/DomainInfo/list_domains"
`},
	{cat: "ssl-install-pem", path: "scripts/install_cert_@N@.sh", body: `curl -s -H "Authorization: cpanel @USER@:$CPANEL_TOKEN" \
  "https://@HOST@:2083/execute/SSL/install_ssl" \
  --data-urlencode domain=@DOMAIN@ \
  --data-urlencode cert="-----BEGIN CERTIFICATE-----
@B64BLOB@
-----END CERTIFICATE-----"
`},
	{cat: "token-format-doc", path: "docs/«security¦internal»/api-tokens-@N@.md", body: `# API tokens

cPanel and WHM API tokens are 32 characters of A-Z and 0-9, for example «@BT@XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX@BT@¦a value like @BT@@DOC@@BT@». They are only shown once,
at creation. The server keeps a SHA-512 of each token (@BT@@SHA512@@BT@ style keys) in
@BT@/var/cpanel/authn/api_tokens_v2/cpanel/<user>.json@BT@.
Never commit a token; use @BT@CPANEL_API_TOKEN@BT@ from the environment.
`},
	{cat: "cpanel-password-mixed", path: "config/legacy-@N@.ini", body: `[cpanel]
host = @HOST@
user = @USER@
password = @MIXED32@
`},
	{cat: "mixedcase-value-cpanel-key", path: "config/misc-@N@.yml", body: `cpanel:
  host: @HOST@
  user: @USER@
  webhook_secret: @MIXED32@
`},
	{cat: "get-details-placeholder", path: "docs/revoke-@N@.md", body: `Find the token's name first:

    whmapi1 api_token_get_details token=<the leaked value>
    curl -H "Authorization: whm root:$TOKEN" "https://@HOST@:2087/json-api/api_token_get_details?api.version=1&token=$TOKEN"
`},
	{cat: "cpanel-license-id", path: "inventory/licenses-@N@.txt", body: `server: @HOST@ (cPanel & WHM 11.@NUM@)
license ip: @IP@
license package: «CPDIRECT-ADMIN-CLOUD¦CPDIRECT-PREMIER¦CPDIRECT-PRO»
manage2 customer id: @NUM@@NUM2@
`},
	{cat: "ssh-pubkey-cpanel", path: "keys/cpanel_import_@N@.sh", body: `# import deploy key into cPanel (SSH::import_key)
uapi --user=@USER@ SSH importkey key="ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI@MIXED32@@LOW32@ deploy@@BRAND@" name=deploy
`},
	// ------------------------------------------------------------------ more hard negatives
	{cat: "whmcs-configuration-php", path: "«whmcs¦billing¦clients»/configuration.php", body: `<?php
$license = 'Leased-@R24@';
$db_host = 'localhost';
$db_username = 'whmcs_@USER@';
$db_password = '@MIXED32@';
$db_name = 'whmcs';
$cc_encryption_hash = '@MIXED32@@MIXED32@';
$templates_compiledir = 'templates_c';
$mysql_charset = 'utf8';
`},
	{cat: "roundcube-des-key", path: "usr/local/cpanel/base/3rdparty/roundcube/config/config.inc.@N@.php", body: `<?php
// cPanel webmail (Roundcube) config
$config['des_key'] = '@R24@';
$config['default_host'] = 'localhost';
$config['product_name'] = 'cPanel Webmail';
`},
	{cat: "token-from-file", path: "bin/«whm¦cpanel»-cron-@N@.sh", body: `#!/bin/bash
TOKEN="$(cat /root/.«whm¦cpanel»_api_token)"
curl -s -H "Authorization: @SCHEME@ @ACCT@:${TOKEN}" "https://@HOST@:@PORT@/@EP@"
curl -s -H "Authorization: @SCHEME@ @ACCT@:$(pass show hosting/@SCHEME@-token)" "https://@HOST@:@PORT@/@EP@"
`},
	{cat: "uppercase-hex-cpanel-header-value", path: "notes/wrong-token-@N@.txt", body: `# pasted the backup checksum instead of the token, of course it failed
curl -H "Authorization: @SCHEME@ @ACCT@:@HEXU@" https://@HOST@:@PORT@/@EP@
`},
	{cat: "sha256-docker-digest-cpanel", path: "docker/cpanel-exporter-@N@.yml", body: `services:
  cpanel-exporter:
    image: ghcr.io/@BRAND@/cpanel-exporter@sha256:@SHA256@
    environment:
      CPANEL_HOST: @HOST@
      CPANEL_TOKEN_FILE: /run/secrets/cpanel_token
    secrets: [cpanel_token]
`},
	{cat: "uuid-lower-cpanel", path: "var/cpanel/«userdata¦users»/@USER@_@N@.json", body: `{"user":"@USER@","uuid":"@GUIDL@","owner":"root","plan":"default","main_domain":"@DOMAIN@","ip":"@IP@"}
`},
	{cat: "unrelated-key-in-cpanel-env", path: "«site¦shop¦portal»/.env.@N@", body: `APP_KEY=base64:@MIXED32@abcdEFGH1234=
CPANEL_HOST=@HOST@
CPANEL_USER=@USER@
CPANEL_TOKEN=
«LICENSE_KEY¦ELEMENTOR_PRO_LICENSE¦SEARCH_APP_ID¦MAP_TILE_KEY»=@RND@
MAIL_PASSWORD=@MIXED32@
`},
	// ------------------------------------------------------------------ token-shaped values, no cPanel context
	{cat: "license-key-no-context", path: "«wp-content/plugins/seo-pro/config.php¦config/license.php¦app/etc/license.php»", body: `<?php
define('«SEOPRO_LICENSE_KEY¦PLUGIN_LICENSE_KEY¦LICENSE_KEY»', '@RND@');
define('«SEOPRO_LICENSE_EMAIL¦PLUGIN_LICENSE_EMAIL»', '@EMAIL@');
`},
	{cat: "order-ids-no-context", path: "data/orders_@N@.csv", body: `order_id,customer,amount,currency
@RND@,@EMAIL@,@NUM@.00,EUR
@RND2@,@EMAIL@,@NUM2@.50,EUR
@RND3@,@EMAIL@,19.99,USD
`},
	{cat: "idempotency-key-other-api", path: "src/payments/charge_@N@.ts", body: `const res = await fetch('https://api.payments.example/v1/charges', {
  method: 'POST',
  headers: {
    'Idempotency-Key': '@RND@',
    Authorization: @BT@Bearer ${process.env.PAYMENTS_KEY}@BT@,
  },
});
`},
	{cat: "other-vendor-bearer", path: "scripts/«monitor¦uptime¦status»_@N@.sh", body: `curl -s -H "Authorization: «Bearer¦Token¦apikey» @RND@" https://api.«statuspage¦uptimerobot¦betteruptime».example/v2/monitors
`},
	{cat: "other-panel-key", path: "config/«v=plesk¦directadmin¦interworx¦virtualmin»-@N@.env", body: `«v=PLESK_HOST¦DA_HOST¦IWORX_HOST¦VIRTUALMIN_HOST»=@PLAINHOST@
«v=PLESK_API_KEY¦DA_LOGIN_KEY¦IWORX_API_KEY¦VIRTUALMIN_KEY»=@RND@
`},
	{cat: "vultr-like-key", path: "infra/provider-@N@.tf", body: `provider "vultr" {
  api_key     = "@RND@ABCD"
  rate_limit  = 100
}
`},
	{cat: "random-ids-test-data", path: "src/test/java/com/@BRAND@/IdGeneratorTest@N@.java", body: `class IdGeneratorTest {
    @Test
    void generatesStableIds() {
        assertEquals("@RND@", IdGenerator.fromSeed(42));
        assertEquals("@RND2@", IdGenerator.fromSeed(43));
    }
}
`},
	{cat: "device-serials", path: "inventory/devices-@N@.yaml", body: `devices:
  - name: «office-printer¦nas01¦fw-edge»
    serial: @RND@
    location: «HQ¦Branch 2»
  - name: «switch-core¦ap-lobby»
    serial: @RND2@
`},
	{cat: "game-codes", path: "content/promo/«codes¦vouchers»-@N@.txt", body: `# promo codes batch @DATE@
@RND@
@RND2@
@RND3@
`},
	{cat: "uppercase-guid-nodash-registry", path: "installer/product-@N@.wxs", body: `<Product Id="*" UpgradeCode="@GUID@" Name="HostingSync" Version="1.2.0" Manufacturer="@BRAND@">
  <Property Id="PRODUCTKEY" Value="@GUIDND@" />
</Product>
`},
	{cat: "base32-no-context", path: "src/«auth¦mfa»/seed_@N@.go", body: `package mfa

// test vector from RFC 6238 tooling, base32 encoded
const testSeed = "@B32@"
`},
	{cat: "hex-md5-no-context", path: "assets/«manifest¦integrity»-@N@.json", body: `{"app.js":"@HEXU@","vendor.js":"@HEXU2@","style.css":"@HEXU@"}
`},
	{cat: "jwt-and-ids", path: "logs/app-@N@.log", body: `@DATE@T@TIME@Z INFO request_id=@RND@ user=@EMAIL@ path=/dashboard status=200
@DATE@T@TIME@Z INFO request_id=@RND2@ user=@EMAIL@ path=/billing status=200
`},
	{cat: "token-word-unrelated", path: "src/«csrf¦session»_@N@.php", body: `<?php
// CSRF token for the contact form (not an API token)
$csrf_token = '@RND@';
$_SESSION['csrf'] = $csrf_token;
`},
	{cat: "api-token-generic-no-cpanel", path: "config/«analytics¦crm¦newsletter»-@N@.yml", body: `«analytics¦crm¦newsletter»:
  endpoint: https://api.«analytics¦crm¦newsletter».example/v3
  api_token: @RND@
`},
	{cat: "hosting-word-no-cpanel", path: "docs/«hosting¦servers»-inventory-@N@.md", body: `| server | provider | asset tag |
|---|---|---|
| @PLAINHOST@ | «Hetzner¦OVH¦Linode» | @RND@ |
| @PLAINHOST2@ | «Hetzner¦OVH¦Linode» | @RND2@ |
`},
	{cat: "minified-js-runs", path: "public/js/vendor.@HEXL@.min.js", body: `!function(e){var t="@RND@",n={a:"@RND2@"};e.exports=function(r){return t+n.a+r}}(module);
`},
	{cat: "notebook-no-context", path: "notebooks/«experiment¦eda»_@N@.ipynb", body: `{
 "cells": [
  {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [{"name": "stdout", "output_type": "stream", "text": ["run id @RND@\n"]}],
   "source": ["import uuid\n", "run_id = \"@RND@\"\n", "print('run id', run_id)\n"]}
 ],
 "metadata": {}, "nbformat": 4, "nbformat_minor": 5
}
`},
}
