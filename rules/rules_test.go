package rules

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zricethezav/gitleaks/v8/config"
	"github.com/zricethezav/gitleaks/v8/detect"
)

// Sample tokens: random 32-character [0-9A-Z] values that are not cPanel doc examples.
const (
	tok1 = "Q8ZK2M4T7W1RXN5BH9CJ3PVL6YD0FGS2"
	tok2 = "7HN2QK9XW4MZ1RB8T5VLC3JP6YGD0SFE"
	tok3 = "M3X9KQ7ZW2N8RT4BV1HLC6JP5YGD0SFA"
)

type sample struct {
	name   string
	text   string
	rule   string // expected rule id; "" means nothing may be reported
	secret string
}

// samples is the evidence every rule travels with: what it must catch and the near misses it
// must not. The detector runs exactly as gitleaks runs it, from the embedded TOML.
var samples = []sample{
	// cpanel-api-token-header
	{"curl header", `curl -H 'Authorization: cpanel bob:` + tok1 + `' https://h.example.com:2083/execute/Tokens/list`, "cpanel-api-token-header", tok1},
	{"whm header", `curl -H "Authorization: whm root:` + tok2 + `" "https://h:2087/json-api/version?api.version=1"`, "cpanel-api-token-header", tok2},
	{"php header with variable user", `curl_setopt($ch, CURLOPT_HTTPHEADER, ["Authorization: cpanel $user:` + tok1 + `"]);`, "cpanel-api-token-header", tok1},
	{"js template user", "headers: { Authorization: `cpanel ${user}:" + tok3 + "` }", "cpanel-api-token-header", tok3},
	{"python fstring user", `headers = {"Authorization": f"cpanel {user}:` + tok1 + `"}`, "cpanel-api-token-header", tok1},
	{"ruby interpolation", `req['Authorization'] = "cpanel #{user}:` + tok2 + `"`, "cpanel-api-token-header", tok2},
	{"go header", `req.Header.Set("Authorization", "cpanel reseller1:` + tok3 + `")`, "cpanel-api-token-header", tok3},
	{"powershell", `$h = @{ Authorization = "WHM root:` + tok1 + `" }`, "cpanel-api-token-header", tok1},
	{"go concatenation", `req.Header.Set("Authorization", "cpanel "+user+":` + tok1 + `")`, "cpanel-api-token-header", tok1},
	{"php concatenation", `['Authorization: whm ' . $user . ':` + tok2 + `']`, "cpanel-api-token-header", tok2},
	{"php complex syntax", `'Authorization' => "whm {$user}:` + tok3 + `",`, "cpanel-api-token-header", tok3},
	{"powershell subexpression", `@{'Authorization'="cpanel $($user):` + tok1 + `"}`, "cpanel-api-token-header", tok1},
	{"python concatenation", `{"Authorization": "whm " + user + ":` + tok2 + `"}`, "cpanel-api-token-header", tok2},
	{"header interleaved fake", `-H 'Authorization: cpanel bob:A1B2C3D4E5F6G7H8I9J0K1L2M3N4O5P6'`, "", ""},
	{"csharp header value", `new AuthenticationHeaderValue("cpanel", "agency97:` + tok1 + `");`, "cpanel-api-token-header", tok1},
	{"header 33 chars", `-H 'Authorization: cpanel bob:` + tok1 + `X'`, "", ""},
	{"header 31 chars", `-H 'Authorization: cpanel bob:` + tok1[:31] + `'`, "", ""},
	{"header placeholder", `-H 'Authorization: cpanel bob:${CPANEL_TOKEN}'`, "", ""},
	{"header doc example", `-H 'Authorization: cpanel username:U7HMR63FGY292DQZ4H5BFH16JLYMO01M'`, "", ""},
	{"header all hex", `-H 'Authorization: cpanel bob:9F86D081884C7D659A2FEAA0C55AD015'`, "", ""},
	{"header sequential", `-H 'Authorization: cpanel bob:ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'`, "", ""},
	{"header repeated", `-H 'Authorization: cpanel bob:XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'`, "", ""},
	{"header allowed inline", `-H 'Authorization: cpanel bob:` + tok1 + `' # tokenscan:allow`, "", ""},
	{"header gitleaks allow", `-H 'Authorization: cpanel bob:` + tok1 + `' # gitleaks:allow`, "", ""},

	// cpanel-api-token-assignment
	{".env", "CPANEL_API_TOKEN=" + tok1, "cpanel-api-token-assignment", tok1},
	{"shell export", `export WHM_TOKEN="` + tok2 + `"`, "cpanel-api-token-assignment", tok2},
	{"yaml", "cpanel_token: " + tok3, "cpanel-api-token-assignment", tok3},
	{"json", `{"cpanelApiKey": "` + tok1 + `"}`, "cpanel-api-token-assignment", tok1},
	{"toml", `uapi_token = "` + tok2 + `"`, "cpanel-api-token-assignment", tok2},
	{"xml element", `<CpanelToken>` + tok3 + `</CpanelToken>`, "cpanel-api-token-assignment", tok3},
	{"xml add key", `<add key="CpanelApiToken" value="` + tok1 + `" />`, "cpanel-api-token-assignment", tok1},
	{"hcl variable", "variable \"cpanel_token\" {\n  default = \"" + tok2 + "\"\n}", "cpanel-api-token-block-default", tok2},
	{"dockerfile env", "ENV CPANEL_TOKEN " + tok3, "cpanel-api-token-assignment", tok3},
	{"php define", `define('CPANEL_API_TOKEN', '` + tok1 + `');`, "cpanel-api-token-assignment", tok1},
	{"ts typed const", `export const CPANEL_TOKEN: string = "` + tok2 + `";`, "cpanel-api-token-assignment", tok2},
	{"java constant", `private static final String WHM_API_TOKEN = "` + tok3 + `";`, "cpanel-api-token-assignment", tok3},
	{"reverse order key", `API_TOKEN_CPANEL='` + tok1 + `'`, "cpanel-api-token-assignment", tok1},
	{"postman variable", `{ "key": "cpanel_api_token", "value": "` + tok2 + `", "type": "secret" }`, "cpanel-api-token-assignment", tok2},
	{"env lookup", `token = os.environ["CPANEL_TOKEN"]`, "", ""},
	{"totp near cpanel", `cpanel_totp_secret: JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP`, "", ""},
	{"uppercase md5 under cpanel key", `cpanel_backup_hash: 5D41402ABC4B2A76B9719D911017C592`, "", ""},
	{"guid no dashes", `cpanel_key = "3F2504E04F8941D39A0C0305E82C3301"`, "", ""},
	{"placeholder", `CPANEL_TOKEN=YOURCPANELAPITOKENGOESHERE01234567`, "", ""},

	// cpanel-api-token-in-context
	{"defined far from use", "api_token = '" + tok1 + "'\n" + strings.Repeat("# filler line\n", 40) +
		"requests.get(f'https://{host}:2083/execute/Tokens/list', headers={'Authorization': f'cpanel {user}:{api_token}'})", "cpanel-api-token-in-context", tok1},
	{"split yaml keys", "cpanel:\n  host: server.example.com\n  user: bob\n  token: " + tok2 + "\n", "cpanel-api-token-in-context", tok2},
	{"xml element in cpanel block", "<hosting>\n  <cpanel>\n    <host>h.example.com</host>\n    <token>" + tok3 + "</token>\n  </cpanel>\n</hosting>", "cpanel-api-token-in-context", tok3},
	{"python dict with port 2083", "SERVERS = {\n  \"prod\": {\n    \"host\": \"h.example.com\",\n    \"api_token\": \"" + tok1 + "\",\n    \"port\": 2083,\n  },\n}", "cpanel-api-token-in-context", tok1},
	{"whm create response", `{"metadata":{"version":1,"reason":"OK","command":"api_token_create","result":1},"data":{"name":"ci","token":"` + tok2 + `"}}`, "cpanel-api-token-in-context", tok2},
	{"prose comment", "# cPanel token for devops on 203.0.113.143: " + tok3 + " (rotate!)", "cpanel-api-token-prose", tok3},
	{"prose without token word", "# cPanel account devops, licence " + tok3, "", ""},
	{"csv inventory", "cpanel_host,cpanel_user,api_token,notes\nh.example.com,bob," + tok1 + ",main site\n", "cpanel-api-token-csv", tok1},
	{"csv without token column", "cpanel_host,cpanel_user,licence\nh.example.com,bob," + tok1 + "\n", "", ""},
	{"no context at all", "licence_key = '" + tok1 + "'\nprint('hello')\n", "", ""},
	{"context too far", "api_token = '" + tok1 + "'\n" + strings.Repeat("x = 1\n", 120) + "url = 'https://h:2083/'\n", "", ""},
	{"totp secret near cpanel", "# cPanel 2FA backup\ntotp_secret: JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ\n", "", ""},

	// cpanel-api-token-create-response
	{"uapi create response", "{\n  \"data\": {\n    \"token\": \"" + tok3 + "\",\n    \"create_time\": 1700000000\n  },\n  \"errors\": null,\n  \"status\": 1\n}\n", "cpanel-api-token-create-response", tok3},
	{"whm create response with create_time", `{"data":{"name":"ci","create_time":1700000000,"expires_at":null,"acls":["all"],"token":"` + tok1 + `"}}`, "cpanel-api-token-create-response", tok1},
	{"token without create_time", `{"data":{"token":"` + tok2 + `","created":1700000000}}`, "", ""},
	{"create_time too far", `{"token": "` + tok2 + `",` + strings.Repeat("\n  \"x\": 1,", 15) + "\n  \"create_time\": 1700000000}", "", ""},
	{"create response doc example", `{"data":{"token":"JPQNSRU0DH448UJLGXH7KVJECC5QN9N9","create_time":1700000000}}`, "", ""},

	// cpanel-api-token-whmcs-servers
	{"whmcs dump row", "INSERT INTO `tblservers` (`id`,`name`,`ipaddress`,`hostname`,`type`,`username`,`password`,`accesshash`,`secure`) VALUES (7,'cPanel US-East','198.51.100.29','h.example.com','cpanel','root','','" + tok2 + "','on');", "cpanel-api-token-whmcs-servers", tok2},
	{"whmcs extended insert, second row", "INSERT INTO `tblservers` VALUES (1,'a','','h1','cpanel','root','','" + tok1 + "','on'),(2,'b','','h2','cpanel','root','','" + tok3 + "','on');", "cpanel-api-token-whmcs-servers", tok3},
	{"other table", "INSERT INTO `tblclients` VALUES (1,'" + tok1 + "');", "", ""},
	{"whmcs row with md5", "INSERT INTO `tblservers` VALUES (1,'a','','h1','cpanel','root','','9F86D081884C7D659A2FEAA0C55AD015','on');", "", ""},

	// legacy WHM access hash
	{"access hash header", `$header = "Authorization: WHM root:` + strings.Repeat("4f2a9c81d07b3e65", 8) + `";`, "whm-access-hash-header", strings.Repeat("4f2a9c81d07b3e65", 8)},
	{"access hash assignment", `$accesshash = '` + strings.Repeat("a81d07b3e654f2c9", 6) + `';`, "whm-access-hash-assignment", strings.Repeat("a81d07b3e654f2c9", 6)},
	{"access hash in perl variable", "my $hash = '" + strings.Repeat("a81d07b3e654f2c9", 14) + "';\nmy $auth = \"WHM root:\" . $hash;", "whm-access-hash-in-context", strings.Repeat("a81d07b3e654f2c9", 14)},
	{"sha512 digest near whm", "my $sum = '" + strings.Repeat("a81d07b3e654f2c9", 8) + "'; # whm plugin checksum", "", ""},
	{"access hash with no whm use", "my $hash = '" + strings.Repeat("a81d07b3e654f2c9", 14) + "';", "", ""},
	{"hcl multi-line variable", "variable \"cpanel_apitoken\" {\n  type      = string\n  sensitive = true\n  default   = \"" + tok1 + "\"\n}", "cpanel-api-token-block-default", tok1},
	{"short hex after whm", `Authorization: WHM root:4f2a9c81d07b3e65`, "", ""},
}

func TestRuleSamples(t *testing.T) {
	cfg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d := detect.NewDetector(cfg)
	d.MaxDecodeDepth = 5
	for _, s := range samples {
		t.Run(s.name, func(t *testing.T) {
			got := d.DetectString(s.text)
			if s.rule == "" {
				for _, f := range got {
					t.Errorf("reported %s (%s) on a near miss", f.RuleID, f.Secret)
				}
				return
			}
			for _, f := range got {
				if f.RuleID == s.rule && f.Secret == s.secret {
					return
				}
			}
			t.Errorf("rule %s did not report %s; got %d findings: %v", s.rule, s.secret, len(got), got)
		})
	}
}

// TestEveryRuleHasEvidence keeps the rule file and its samples together: a rule added to
// cpanel.toml without true-positive samples, or without its own help text, fails here.
func TestEveryRuleHasEvidence(t *testing.T) {
	cfg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	positives := map[string]int{}
	for _, s := range samples {
		if s.rule != "" {
			positives[s.rule]++
		}
	}
	for _, info := range Infos(cfg) {
		if _, ok := help[info.ID]; !ok {
			t.Errorf("rule %s has no help text", info.ID)
		}
		if info.Reported && positives[info.ID] == 0 {
			t.Errorf("rule %s has no true-positive sample", info.ID)
		}
	}
}

// TestEmbeddedRulesValidate runs the checks Default skips for speed.
func TestEmbeddedRulesValidate(t *testing.T) {
	if _, err := Parse(TOML); err != nil {
		t.Fatal(err)
	}
}

func TestParseRejectsBadRules(t *testing.T) {
	for name, src := range map[string]string{
		"bad regex":   "[[rules]]\nid = \"x\"\nregex = '''(unclosed'''\n",
		"no rules":    "title = \"empty\"\n",
		"no id":       "[[rules]]\nregex = '''abc'''\n",
		"bad toml":    "[[rules]\nid=",
		"extend":      "[extend]\nuseDefault = true\n[[rules]]\nid = \"x\"\nregex = '''a'''\n",
		"bad allow":   "[[rules]]\nid = \"x\"\nregex = '''a'''\n[[allowlists]]\nregexes = ['''(''']\n",
		"missing req": "[[rules]]\nid = \"x\"\nregex = '''a'''\n[[rules.required]]\nid = \"nope\"\n",
	} {
		if _, err := Parse([]byte(src)); err == nil {
			t.Errorf("%s: Parse accepted it", name)
		}
	}
}

// TestStockGitleaksLoadsRules proves the embedded file is a valid config for the stock CLI, not
// just for our loader: gitleaks must load it unchanged and find the same token.
func TestStockGitleaksLoadsRules(t *testing.T) {
	bin := os.Getenv("TOKENSCAN_GITLEAKS")
	if bin == "" {
		t.Skip("TOKENSCAN_GITLEAKS not set; `make test` installs gitleaks v8.30.1 and sets it")
	}
	dir := t.TempDir()
	src := "deploy.sh"
	body := "curl -H 'Authorization: cpanel bob:" + tok1 + "' https://h.example.com:2083/execute/Tokens/list\n"
	if err := os.WriteFile(filepath.Join(dir, src), []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(t.TempDir(), "report.json")
	cmd := exec.Command(bin, "dir", "--no-banner", "--config", "cpanel.toml", "--report-format", "json", "--report-path", report, "--exit-code", "7", dir)
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 7 {
		t.Fatalf("gitleaks should exit 7 (leaks found), got %v:\n%s", err, out)
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"RuleID": "cpanel-api-token-header"`) || !strings.Contains(string(data), tok1) {
		t.Fatalf("gitleaks report lacks the finding:\n%s", data)
	}
}

// TestSplitMovesOnlyValueAllowlists pins what rules.Decoded takes away from gitleaks: allowlists
// decided by the secret alone, for rules whose findings reach the scanner; everything else stays.
func TestSplitMovesOnlyValueAllowlists(t *testing.T) {
	file := `
[[rules]]
id = "primary"
regex = '''key=([A-Z0-9]{8})'''
[[rules.allowlists]]
regexes = ['''^AAAA''']
[[rules.allowlists]]
regexTarget = "line"
regexes = ['''skip''']
[[rules.required]]
id = "ctx"

[[rules]]
id = "ctx"
regex = '''ctx=([A-Z0-9]{4})'''
[[rules.allowlists]]
stopwords = ["zzzz"]

[[rules]]
id = "other"
regex = '''other=([A-Z0-9]{8})'''

[[allowlists]]
regexes = ['''BBBB''', '''^C{8}$''']
stopwords = ["Dummy"]

[[allowlists]]
targetRules = ["other"]
paths = ['''vendor/''']

[[allowlists]]
condition = "AND"
regexes = ['''EEEE''']
stopwords = ["ffff"]

[[allowlists]]
regexes = ['''(?i)gggg''', '''HHHH''']
`
	dec, err := ParseDecoded([]byte(file))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, sp := range dec.Specs() {
		ids = append(ids, sp.ID)
	}
	cfg, err := dec.Translate(ids...)
	if err != nil {
		t.Fatal(err)
	}
	want := []ValueAllowlist{
		{Rules: []string{"primary"}, Regexes: []string{"^AAAA"}},
		{Rules: []string{"primary", "other"}, Regexes: []string{"BBBB", "^C{8}$"}, StopWords: []string{"dummy"}},
	}
	if fmt.Sprint(dec.Values) != fmt.Sprint(want) {
		t.Errorf("moved %+v\nwant %+v", dec.Values, want)
	}
	// What stays: the line allowlist, the required rule's stop words (gitleaks consumes ctx's
	// findings itself), the global one for ctx alone, the path, AND and flag-setting ones.
	count := func(id string) int { return len(cfg.Rules[id].Allowlists) }
	if count("primary") != 1 || count("ctx") != 2 || count("other") != 1 {
		t.Errorf("rule allowlists left: primary %d ctx %d other %d", count("primary"), count("ctx"), count("other"))
	}
	if n := len(cfg.Allowlists); n != 2 {
		t.Errorf("%d global allowlists left, want 2 (AND, flags)", n)
	}
	whole, err := Parse([]byte(file))
	if err != nil {
		t.Fatal(err)
	}
	if len(whole.Rules["primary"].Allowlists) != 2 || len(whole.Allowlists) != 3 {
		t.Errorf("Parse must keep every allowlist")
	}
}

// TestTranslateSharesGlobalAllowlists: the allowlists that target no rule are compiled once and
// shared by every rule set Translate compiles, and they are the ones translating the whole file
// gives, in the same order; a targeted one still goes to its rules alone.
func TestTranslateSharesGlobalAllowlists(t *testing.T) {
	file := `
[[rules]]
id = "a"
regex = '''a=([A-Z0-9]{8})'''

[[rules]]
id = "b"
regex = '''b=([A-Z0-9]{8})'''

[[allowlists]]
regexTarget = "line"
regexes = ['''first''']

[[allowlists]]
targetRules = ["b"]
paths = ['''vendor/''']

[[allowlists]]
condition = "AND"
regexes = ['''second''']
paths = ['''docs/''']
`
	dec, err := ParseDecoded([]byte(file))
	if err != nil {
		t.Fatal(err)
	}
	a, err := dec.Translate("a")
	if err != nil {
		t.Fatal(err)
	}
	b, err := dec.Translate("b")
	if err != nil {
		t.Fatal(err)
	}
	whole := *dec.file
	want, err := translate(&whole)
	if err != nil {
		t.Fatal(err)
	}
	describe := func(als []*config.Allowlist) string {
		var out []string
		for _, al := range als {
			out = append(out, fmt.Sprint(al.MatchCondition, al.RegexTarget, al.Regexes, al.Paths, al.StopWords))
		}
		return strings.Join(out, "; ")
	}
	if describe(a.Allowlists) != describe(want.Allowlists) || len(a.Allowlists) != 2 {
		t.Errorf("global allowlists %s\nwant %s", describe(a.Allowlists), describe(want.Allowlists))
	}
	for i := range a.Allowlists {
		if a.Allowlists[i] != b.Allowlists[i] {
			t.Errorf("global allowlist %d compiled again for rule b", i)
		}
	}
	if len(a.Rules["a"].Allowlists) != 0 || describe(b.Rules["b"].Allowlists) != describe(want.Rules["b"].Allowlists) {
		t.Errorf("targeted allowlists: a %s, b %s", describe(a.Rules["a"].Allowlists), describe(b.Rules["b"].Allowlists))
	}
}

func TestLeaksFlags(t *testing.T) {
	for p, want := range map[string]bool{
		`(?i)abc`: true, `a(?-i)b`: true, `(?i:abc)`: false, `(?:abc)`: false, `abc`: false, `(?P<n>x)`: false,
	} {
		if got := leaksFlags(p); got != want {
			t.Errorf("leaksFlags(%q) = %v", p, got)
		}
	}
}
