package main

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tokenscan/tokenscan/scanner/cpanel/cpaneltest"
	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/report"
)

// auditSim is a simulator with a cPanel account (alice) and a WHM root whose tokens cover every
// finding, plus the accounts the error cases need.
type auditSim struct {
	sim         *cpaneltest.Sim
	ca          string
	cpHost      string // host:port of the cPanel HTTPS listener
	whmHost     string
	aliceToken  string // the auditing token of alice
	rootToken   string // the auditing token of root
	carolToken  string // carol's only token: full access, recent, expiring
	daveToken   string // dave's account lacks the apitokens feature
	leakedToken string
	inventory   string // inventory file naming leaked-ci
	leakReport  string // tokenscan JSON report listing leaked-ci's fingerprint
}

func startAuditSim(t *testing.T) auditSim {
	t.Helper()
	sim := cpaneltest.StartTest(t, cpaneltest.Options{LimitedAccessTokens: true})
	for _, a := range []cpaneltest.Account{{User: "alice"}, {User: "carol"}, {User: "dave", DisabledFeatures: []string{"apitokens"}}} {
		if err := sim.AddAccount(a); err != nil {
			t.Fatal(err)
		}
	}
	if err := sim.AddWHMUser(cpaneltest.WHMUser{User: "root"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	s := auditSim{sim: sim, ca: filepath.Join(dir, "ca.pem")}
	if err := sim.WriteCA(s.ca); err != nil {
		t.Fatal(err)
	}
	cu, _ := url.Parse(sim.CPanelURL())
	wu, _ := url.Parse(sim.WHMURL())
	s.cpHost, s.whmHost = cu.Host, wu.Host

	now := time.Now()
	day := 24 * time.Hour
	mint := func(spec cpaneltest.TokenSpec) string { return sim.MustMint(t, spec) }
	cp := func(name string, created, expires time.Duration, features ...string) cpaneltest.TokenSpec {
		spec := cpaneltest.TokenSpec{User: "alice", Name: name, CreateTime: now.Add(-created), Features: features}
		if expires != 0 {
			spec.ExpiresAt = now.Add(expires)
		}
		return spec
	}
	s.aliceToken = mint(cp("audit-ci", day, 30*day))
	mint(cp("expired-deploy", 200*day, -10*day))
	mint(cp("forever", 10*day, 0))
	mint(cp("old-backup", 120*day, 100*day))
	mint(cp("expiring", 20*day, 3*day))
	mint(cp("limited-dns", 5*day, 60*day, "zoneedit"))
	mint(cp("limited-webmail", 5*day, 60*day, "webmail"))
	leaked := cp("leaked-ci", 2*day, 0)
	s.leakedToken = mint(leaked)

	whm := func(name string, expires time.Duration, acls, ips []string) cpaneltest.TokenSpec {
		spec := cpaneltest.TokenSpec{Kind: finding.KindWHM, User: "root", Name: name, CreateTime: now.Add(-day), ACLs: acls, WhitelistIPs: ips}
		if expires != 0 {
			spec.ExpiresAt = now.Add(expires)
		}
		return spec
	}
	s.rootToken = mint(whm("whm-narrow", 30*day, []string{"list-accts"}, []string{"127.0.0.1"}))
	mint(whm("whm-all", 30*day, []string{"all"}, nil))
	mint(whm("whm-inherit", 0, nil, []string{"127.0.0.1"}))

	s.carolToken = mint(cpaneltest.TokenSpec{User: "carol", Name: "site-deploy", CreateTime: now.Add(-day), ExpiresAt: now.Add(30 * day)})
	s.daveToken = mint(cpaneltest.TokenSpec{User: "dave", Name: "nofeature"})

	fp := string(finding.FingerprintOf(s.leakedToken))
	s.inventory = filepath.Join(dir, "inventory.json")
	writeFile(t, dir, "inventory.json", `{"version": 1, "entries": [{"fingerprint": "`+fp+`", "kind": "cpanel", "host": "`+cu.Hostname()+
		`", "user": "alice", "name": "leaked-ci", "created_at": "`+leaked.CreateTime.UTC().Format(time.RFC3339)+`"}]}`)
	s.leakReport = filepath.Join(dir, "scan.json")
	writeFile(t, dir, "scan.json", `{"schema": "`+report.SchemaVersion+`", "leaks": [{"fingerprint": "`+strings.ToUpper(fp)+`"}]}`)
	return s
}

// clearTokenEnv keeps a token in the developer's environment from standing in for standard input.
func clearTokenEnv(t *testing.T) {
	t.Setenv(envCPanelToken, "")
	t.Setenv(envWHMToken, "")
}

// auditDoc is the part of the tokenscan.audit/v1 output the tests compare.
type auditDoc struct {
	Summary struct {
		Tokens    int    `json:"tokens"`
		Threshold string `json:"threshold"`
		Flagged   int    `json:"flagged"`
		Worst     string `json:"worst"`
	} `json:"summary"`
	Policy struct {
		MaxAgeDays        int `json:"max_age_days"`
		ExpiryWarningDays int `json:"expiry_warning_days"`
	} `json:"policy"`
	Tokens []struct {
		Kind        string  `json:"kind"`
		Name        string  `json:"name"`
		Severity    string  `json:"severity"`
		Fingerprint *string `json:"fingerprint"`
		LastUsed    string  `json:"last_used"`
		Findings    []struct {
			Kind     string `json:"kind"`
			Severity string `json:"severity"`
		} `json:"findings"`
	} `json:"tokens"`
	Notes []string `json:"notes"`
}

func parseAuditDoc(t *testing.T, out string) auditDoc {
	t.Helper()
	var d auditDoc
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("output is not the audit JSON: %v\n%s", err, out)
	}
	return d
}

// findingsByToken is "name" -> ["severity kind", ...] in output order.
func findingsByToken(d auditDoc) map[string][]string {
	out := map[string][]string{}
	for _, tok := range d.Tokens {
		fs := []string{}
		for _, f := range tok.Findings {
			fs = append(fs, f.Severity+" "+f.Kind)
		}
		out[tok.Name] = fs
	}
	return out
}

func TestAuditCPanelEndToEnd(t *testing.T) {
	s := startAuditSim(t)
	t.Setenv(envCPanelToken, s.aliceToken)
	r := runCLI(t, "", "audit", "--host", s.cpHost, "--user", "alice", "--ca-file", s.ca, "--format", "json",
		"--inventory", s.inventory, "--leaked", s.leakReport)
	if r.code != report.ExitLeaks {
		t.Fatalf("exit %d, want 1; stderr: %s", r.code, r.stderr)
	}
	d := parseAuditDoc(t, r.stdout)
	want := map[string][]string{
		// The account has apitokens (a takeover feature), so every usable full-access token is critical.
		"audit-ci":        {"critical full_access"},
		"leaked-ci":       {"critical leaked", "critical full_access", "medium never_expires"},
		"forever":         {"critical full_access", "medium never_expires"},
		"old-backup":      {"critical full_access", "low stale"},
		"expiring":        {"critical full_access", "low expiring_soon"},
		"limited-dns":     {"high risky_features"},
		"limited-webmail": {},
		"expired-deploy":  {"low expired"},
	}
	if got := findingsByToken(d); !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n got  %v\n want %v", got, want)
	}
	order := []string{}
	for _, tok := range d.Tokens {
		order = append(order, tok.Name)
		if tok.LastUsed != "unknown" || tok.Kind != "cpanel" {
			t.Errorf("token %s: kind %q, last_used %q", tok.Name, tok.Kind, tok.LastUsed)
		}
		if (tok.Fingerprint != nil) != (tok.Name == "leaked-ci") {
			t.Errorf("token %s: fingerprint %v; only leaked-ci is in the inventory", tok.Name, tok.Fingerprint)
		}
	}
	wantOrder := []string{"audit-ci", "expiring", "forever", "leaked-ci", "old-backup", "limited-dns", "expired-deploy", "limited-webmail"}
	if !reflect.DeepEqual(order, wantOrder) {
		t.Errorf("order %v, want worst first then by name %v", order, wantOrder)
	}
	if d.Summary.Tokens != 8 || d.Summary.Flagged != 6 || d.Summary.Threshold != "high" || d.Summary.Worst != "critical" {
		t.Errorf("summary %+v", d.Summary)
	}
	if !strings.Contains(r.stderr, "8 tokens, 12 findings; 6 at or above high") {
		t.Errorf("stderr verdict: %q", r.stderr)
	}
	for _, out := range []string{r.stdout, r.stderr} {
		for _, secret := range []string{s.aliceToken, s.leakedToken} {
			if strings.Contains(out, secret) {
				t.Fatal("a token value reached the output")
			}
		}
	}
}

func TestAuditWHMEndToEnd(t *testing.T) {
	s := startAuditSim(t)
	t.Setenv(envWHMToken, s.rootToken)
	t.Setenv(envCPanelToken, s.aliceToken) // must not be used with --whm
	r := runCLI(t, "", "audit", "--whm", "--host", s.whmHost, "--user", "root", "--ca-file", s.ca, "-f", "json")
	if r.code != report.ExitLeaks {
		t.Fatalf("exit %d, want 1; stderr: %s", r.code, r.stderr)
	}
	want := map[string][]string{
		"whm-all":     {"critical whm_all_acl", "medium no_ip_allowlist"},
		"whm-inherit": {"critical whm_all_acl", "medium never_expires"},
		"whm-narrow":  {},
	}
	if got := findingsByToken(parseAuditDoc(t, r.stdout)); !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n got  %v\n want %v", got, want)
	}
}

func TestAuditExitCodesAndPolicy(t *testing.T) {
	s := startAuditSim(t)
	clearTokenEnv(t) // these tests pipe the token in
	base := []string{"audit", "--host", s.cpHost, "--ca-file", s.ca}
	tests := []struct {
		name   string
		user   string
		token  string // on standard input
		args   []string
		code   int
		stdout []string
		stderr []string
	}{
		{name: "default fail-on high", user: "carol", token: s.carolToken, code: report.ExitLeaks,
			stdout: []string{"site-deploy", "1 token, 1 finding; 1 at or above high"}},
		{name: "full_access ignored: clean", user: "carol", token: s.carolToken, args: []string{"--ignore-kind", "full_access"}, code: report.ExitClean,
			stdout: []string{"0 at or above high (ignoring full_access)"}},
		{name: "fail-on none", user: "alice", token: s.aliceToken, args: []string{"--fail-on", "none"}, code: report.ExitClean,
			stdout: []string{"; --fail-on none"}},
		{name: "ignoring the critical kinds leaves high", user: "alice", token: s.aliceToken,
			args: []string{"--ignore-kind", "full_access,leaked"}, code: report.ExitLeaks, stdout: []string{"1 at or above high"}},
		{name: "fail-on critical without full_access: risky_features is high only", user: "alice", token: s.aliceToken,
			args: []string{"--ignore-kind", "full_access", "--fail-on", "critical"}, code: report.ExitClean},
		{name: "fail-on low counts expired", user: "alice", token: s.aliceToken,
			args: []string{"--ignore-kind", "full_access,risky_features", "--fail-on", "low"}, code: report.ExitLeaks,
			stdout: []string{"5 at or above low"}},
		{name: "max age flag", user: "alice", token: s.aliceToken, args: []string{"--max-age-days", "15", "--fail-on", "none"},
			code: report.ExitClean, stdout: []string{"max age 15 days", "stale"}},
		{name: "html login page", user: "alice", token: s.aliceToken, code: report.ExitError,
			stderr: []string{"session expired / login page, not JSON", "answered with a web page instead of the API"}},
		{name: "refused token", user: "alice", token: strings.Repeat("A1", 16), code: report.ExitError,
			stderr: []string{"HTTP 401", "the auditing token itself is not accepted"}},
		{name: "another user's token", user: "carol", token: s.aliceToken, code: report.ExitError,
			stderr: []string{"the auditing token itself is not accepted for carol"}},
		{name: "account without apitokens", user: "dave", token: s.daveToken, code: report.ExitError,
			stderr: []string{"the account dave lacks the apitokens feature"}},
		{name: "no token", user: "alice", code: report.ExitError, stderr: []string{"standard input is empty", "or set $CPANEL_TOKEN"}},
		{name: "token-like garbage", user: "alice", token: "not a token", code: report.ExitError, stderr: []string{"got 11 characters"}},
		{name: "leaked without inventory", user: "alice", token: s.aliceToken, args: []string{"--leaked", s.leakReport},
			code: report.ExitError, stderr: []string{"--leaked needs --inventory"}},
		{name: "unknown kind", user: "alice", token: s.aliceToken, args: []string{"--ignore-kind", "fullaccess"},
			code: report.ExitError, stderr: []string{`unknown finding kind "fullaccess"`}},
		{name: "bad fail-on", user: "alice", token: s.aliceToken, args: []string{"--fail-on", "severe"},
			code: report.ExitError, stderr: []string{`unknown severity "severe"`}},
		{name: "bad policy day count", user: "alice", token: s.aliceToken, args: []string{"--expiry-warning-days", "-1"},
			code: report.ExitError, stderr: []string{"expiry_warning_days must be 0 (off) to 36500"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "html login page" {
				remove, err := s.sim.SetFault(cpaneltest.Fault{Path: "/execute/Tokens/list", HTML: true})
				if err != nil {
					t.Fatal(err)
				}
				defer remove()
			}
			r := runCLI(t, tc.token, append(append(base, "--user", tc.user), tc.args...)...)
			if r.code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, tc.code, r.stdout, r.stderr)
			}
			for _, w := range tc.stdout {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("stdout lacks %q:\n%s", w, r.stdout)
				}
			}
			for _, w := range tc.stderr {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
				}
			}
			if tc.token != "" && strings.Contains(r.stdout+r.stderr, tc.token) {
				t.Error("the token reached the output")
			}
		})
	}
}

func TestAuditPolicyFileAndText(t *testing.T) {
	s := startAuditSim(t)
	clearTokenEnv(t) // these tests pipe the token in
	dir := t.TempDir()
	writeFile(t, dir, "policy.json", `{"max_age_days": 365, "expiry_warning_days": 30, "badge_threshold": "critical"}`)
	policy := filepath.Join(dir, "policy.json")

	// The file sets the threshold, the flag overrides one day count.
	r := runCLI(t, s.aliceToken, "audit", "--host", s.cpHost, "--user", "alice", "--ca-file", s.ca, "--policy", policy,
		"--expiry-warning-days", "2", "-f", "json")
	if r.code != report.ExitLeaks {
		t.Fatalf("exit %d; stderr %s", r.code, r.stderr)
	}
	d := parseAuditDoc(t, r.stdout)
	if d.Policy.MaxAgeDays != 365 || d.Policy.ExpiryWarningDays != 2 || d.Summary.Threshold != "critical" {
		t.Errorf("effective policy %+v, threshold %s", d.Policy, d.Summary.Threshold)
	}
	got := findingsByToken(d)
	if !reflect.DeepEqual(got["old-backup"], []string{"critical full_access"}) || !reflect.DeepEqual(got["expiring"], []string{"critical full_access"}) {
		t.Errorf("stale / expiring_soon should be off under this policy: %v", got)
	}

	writeFile(t, dir, "typo.json", `{"max_age": 30}`)
	r = runCLI(t, s.aliceToken, "audit", "--host", s.cpHost, "--user", "alice", "--ca-file", s.ca, "--policy", filepath.Join(dir, "typo.json"))
	if r.code != report.ExitError || !strings.Contains(r.stderr, `unknown key "max_age"`) {
		t.Errorf("policy typo: exit %d, stderr %s", r.code, r.stderr)
	}

	// The text table: one row per token, names only, findings explained below it.
	r = runCLI(t, s.aliceToken, "audit", "--host", s.cpHost, "--user", "alice", "--ca-file", s.ca)
	if r.code != report.ExitLeaks {
		t.Fatalf("exit %d; stderr %s", r.code, r.stderr)
	}
	for _, w := range []string{
		"API tokens of cPanel account alice at " + s.cpHost,
		"policy: max age 90 days, expiry required, warn 7 days before expiry",
		"SEVERITY  NAME", "limited-dns", "risky_features", "never",
		"fix: cPanel cannot change a token's features",
		"Usage unknown:",
		"8 tokens, 11 findings; 6 at or above high",
	} {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("text output lacks %q:\n%s", w, r.stdout)
		}
	}
	if r.stderr != "" {
		t.Errorf("text output on a terminal needs no status line; stderr %q", r.stderr)
	}
}

func TestAuditSARIF(t *testing.T) {
	s := startAuditSim(t)
	clearTokenEnv(t) // these tests pipe the token in
	r := runCLI(t, s.rootToken, "audit", "--whm", "--host", s.whmHost, "--user", "root", "--ca-file", s.ca, "-f", "sarif")
	if r.code != report.ExitLeaks {
		t.Fatalf("exit %d; stderr %s", r.code, r.stderr)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID              string            `json:"ruleId"`
				RuleIndex           int               `json:"ruleIndex"`
				Level               string            `json:"level"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
				Locations           []struct {
					LogicalLocations []struct {
						FullyQualifiedName string `json:"fullyQualifiedName"`
					} `json:"logicalLocations"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("not SARIF 2.1.0 (%v):\n%s", err, r.stdout)
	}
	run := log.Runs[0]
	var got []string
	for _, res := range run.Results {
		if run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID || len(res.PartialFingerprints["tokenPosture/v1"]) != 64 {
			t.Errorf("result %+v: rule index or fingerprint wrong", res)
		}
		got = append(got, res.Level+" "+res.RuleID+" "+res.Locations[0].LogicalLocations[0].FullyQualifiedName)
	}
	host := strings.Split(s.whmHost, ":")[0]
	want := []string{
		"error token-posture/whm_all_acl whm://root@" + host + "/whm-all",
		"warning token-posture/no_ip_allowlist whm://root@" + host + "/whm-all",
		"error token-posture/whm_all_acl whm://root@" + host + "/whm-inherit",
		"warning token-posture/never_expires whm://root@" + host + "/whm-inherit",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("results:\n got  %v\n want %v", got, want)
	}
}

func TestAuditLeakedReportErrors(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "sarif.json", `{"version": "2.1.0", "runs": []}`)
	writeFile(t, dir, "bad-fp.json", `{"schema": "`+report.SchemaVersion+`", "leaks": [{"fingerprint": "abc"}]}`)
	for name, want := range map[string]string{
		"sarif.json":   "not a tokenscan JSON report",
		"bad-fp.json":  "leak 0 has no valid fingerprint",
		"missing.json": "reading --leaked report",
	} {
		if _, err := readLeakedFingerprints(filepath.Join(dir, name)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", name, err, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.json")); err == nil {
		t.Fatal("missing.json exists")
	}
}

func TestPrintableEscapesControlCharacters(t *testing.T) {
	if got := printable("evil\x1b[2Jname"); got != `evil\x1b[2Jname` {
		t.Errorf("printable = %q", got)
	}
	if got := printable("deploy-ci"); got != "deploy-ci" {
		t.Errorf("printable = %q", got)
	}
}
