package main

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tokenscan/tokenscan/scanner/cpanel/cpaneltest"
	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/report"
)

type simEnv struct {
	sim    *cpaneltest.Sim
	ca     string
	host   string // host:port of the cPanel HTTPS listener
	whm    string // host:port of the WHM HTTPS listener
	hostIP string
	port   string
}

func startSim(t *testing.T) simEnv {
	t.Helper()
	sim := cpaneltest.StartTest(t, cpaneltest.Options{})
	for _, u := range []string{"alice", "bob"} {
		if err := sim.AddAccount(cpaneltest.Account{User: u}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sim.AddWHMUser(cpaneltest.WHMUser{User: "root"}); err != nil {
		t.Fatal(err)
	}
	ca := filepath.Join(t.TempDir(), "ca.pem")
	if err := sim.WriteCA(ca); err != nil {
		t.Fatal(err)
	}
	cu, _ := url.Parse(sim.CPanelURL())
	wu, _ := url.Parse(sim.WHMURL())
	return simEnv{sim: sim, ca: ca, host: cu.Host, whm: wu.Host, hostIP: cu.Hostname(), port: cu.Port()}
}

type jsonLeak struct {
	Fingerprint string `json:"fingerprint"`
	State       string `json:"state"`
	Detail      string `json:"detail"`
	Candidates  []struct {
		Name string `json:"name"`
	} `json:"candidates"`
}

func leaksOf(t *testing.T, doc string) []jsonLeak {
	t.Helper()
	var d struct {
		Leaks []jsonLeak `json:"leaks"`
	}
	if err := json.Unmarshal([]byte(doc), &d); err != nil {
		t.Fatalf("%v:\n%s", err, doc)
	}
	return d.Leaks
}

func TestScanRevokeEndToEnd(t *testing.T) {
	s := startSim(t)
	token := s.sim.MustMint(t, cpaneltest.TokenSpec{User: "alice", Name: "cache-purge", CreateTime: time.Now().Add(-time.Hour)})
	s.sim.MustMint(t, cpaneltest.TokenSpec{User: "alice", Name: "backup"})
	dir := t.TempDir()
	writeFile(t, dir, "scripts/purge-cache.sh", "curl -H 'Authorization: cpanel alice:"+token+"' https://"+s.host+"/execute/Cache/purge\n")
	audit := filepath.Join(t.TempDir(), "audit.jsonl")
	args := []string{"--path", dir, "--no-history", "--format", "json", "--ca-file", s.ca, "--audit-log", audit}

	// Two tokens on the account and no inventory: nothing is revoked, exit 3, candidates listed.
	r := runCLI(t, "", append(args, "--revoke")...)
	if r.code != report.ExitUnrevoked {
		t.Fatalf("exit %d, want 3; stderr %s", r.code, r.stderr)
	}
	leaks := leaksOf(t, r.stdout)
	if len(leaks) != 1 || leaks[0].State != "unresolved" || len(leaks[0].Candidates) != 2 || leaks[0].Candidates[0].Name != "cache-purge" {
		t.Fatalf("leaks %+v", leaks)
	}
	if !s.sim.Valid(finding.KindCPanel, "alice", token) {
		t.Fatal("an unresolved token was revoked")
	}

	// With an inventory the name is known: revoked and confirmed, exit 1.
	inv := filepath.Join(t.TempDir(), "inventory.json")
	writeFile(t, filepath.Dir(inv), filepath.Base(inv), `{"version":1,"entries":[{"fingerprint":"`+string(finding.FingerprintOf(token))+
		`","kind":"cpanel","host":"`+s.hostIP+`","user":"alice","name":"cache-purge"}]}`)
	r = runCLI(t, "", append(args, "--revoke", "--inventory", inv)...)
	if r.code != report.ExitLeaks {
		t.Fatalf("exit %d, want 1; stderr %s\n%s", r.code, r.stderr, r.stdout)
	}
	if leaks := leaksOf(t, r.stdout); leaks[0].State != "revoked-confirmed" {
		t.Fatalf("leaks %+v", leaks)
	}
	if s.sim.Valid(finding.KindCPanel, "alice", token) {
		t.Fatal("the simulator still accepts the revoked token")
	}

	// A rerun is safe: dead, nothing revoked.
	s.sim.ResetRequests()
	r = runCLI(t, "", append(args, "--revoke", "--inventory", inv)...)
	if r.code != report.ExitLeaks || leaksOf(t, r.stdout)[0].State != "dead" {
		t.Fatalf("rerun: exit %d\n%s", r.code, r.stdout)
	}
	for _, req := range s.sim.Requests() {
		if strings.Contains(req.Path, "revoke") {
			t.Fatal("the rerun revoked something")
		}
	}
	log, err := os.ReadFile(audit)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(log), token) || strings.Contains(r.stdout+r.stderr, token) {
		t.Fatal("the token value was written")
	}
	if !strings.Contains(string(log), `"action":"confirm"`) || !strings.Contains(string(log), string(finding.FingerprintOf(token))) {
		t.Errorf("audit log lacks the confirm event:\n%s", log)
	}
}

func TestScanVerifyHostMap(t *testing.T) {
	s := startSim(t)
	token := s.sim.MustMint(t, cpaneltest.TokenSpec{User: "bob", Name: "app"})
	dir := t.TempDir()
	writeFile(t, dir, "config/prod.env", "CPANEL_API_TOKEN="+token+"\n")

	r := runCLI(t, "", "--path", dir, "--no-history", "--verify", "--ca-file", s.ca)
	if r.code != report.ExitLeaks || !strings.Contains(r.stdout, "state:      unknown") || !strings.Contains(r.stdout, "no --host-map rule matches") {
		t.Fatalf("without a host map: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if n := len(s.sim.Requests()); n != 0 {
		t.Fatalf("a leak without a host reached the simulator (%d requests)", n)
	}
	r = runCLI(t, "", "--path", dir, "--no-history", "--verify", "--ca-file", s.ca, "--host-map", "config/*.env=cpanel://bob@"+s.host)
	if r.code != report.ExitLeaks || !strings.Contains(r.stdout, "state:      live") || !strings.Contains(r.stdout, "mode: verify") {
		t.Fatalf("with a host map: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !s.sim.Valid(finding.KindCPanel, "bob", token) {
		t.Fatal("--verify revoked a token")
	}
}

func TestIncidentCommands(t *testing.T) {
	s := startSim(t)
	token := s.sim.MustMint(t, cpaneltest.TokenSpec{Kind: finding.KindWHM, User: "root", Name: "billing"})
	s.sim.MustMint(t, cpaneltest.TokenSpec{Kind: finding.KindWHM, User: "root", Name: "other"})
	common := []string{"--kind", "whm", "--host", s.whm, "--user", "root", "--ca-file", s.ca}

	r := runCLI(t, token+"\n", append([]string{"verify"}, common...)...)
	if r.code != report.ExitLeaks || !strings.Contains(r.stdout, "state:      live") {
		t.Fatalf("verify: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runCLI(t, token, append([]string{"revoke", "--format", "json"}, common...)...)
	if r.code != report.ExitLeaks || leaksOf(t, r.stdout)[0].State != "revoked-confirmed" || !strings.Contains(r.stdout, "whm-get-details") {
		t.Fatalf("revoke: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runCLI(t, token, append([]string{"verify"}, common...)...)
	if !strings.Contains(r.stdout, "state:      dead") {
		t.Fatalf("verify after revoke:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout+r.stderr, token) {
		t.Fatal("the token was printed")
	}

	// Wrong input is described, never echoed.
	secretish := "not-a-token-but-secret-" + strings.Repeat("x", 20)
	r = runCLI(t, secretish, append([]string{"verify"}, common...)...)
	if r.code != report.ExitError || strings.Contains(r.stderr, secretish) || !strings.Contains(r.stderr, "does not hold") {
		t.Fatalf("bad stdin: exit %d, stderr %s", r.code, r.stderr)
	}
	r = runCLI(t, "", "verify", "--kind", "cpanel", "--user", "alice")
	if r.code != report.ExitError || !strings.Contains(r.stderr, "--host and --user are required") {
		t.Fatalf("no host: exit %d, stderr %s", r.code, r.stderr)
	}
}

func TestRemediationUsageErrors(t *testing.T) {
	dir := leakyTree(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--host-map", "*.sh=cpanel://a@h.example"}, "--host-map needs --verify or --revoke"},
		{[]string{"--verify", "--" + destroyFlag}, "needs --revoke"},
		{[]string{"--verify", "--host-map", "*.sh=http://h.example"}, "clear text"},
		{[]string{"--revoke", "--inventory", filepath.Join(dir, "missing.json")}, "reading inventory"},
		{[]string{"--revoke", "--ca-file", filepath.Join(dir, "README.md")}, "no PEM certificate"},
	}
	for _, tc := range tests {
		r := runCLI(t, "", append([]string{"--path", dir, "--no-history"}, tc.args...)...)
		if r.code != report.ExitError || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
}
