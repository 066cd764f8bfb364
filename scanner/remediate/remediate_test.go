package remediate

import (
	"bytes"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tokenscan/tokenscan/scanner/cpanel"
	"github.com/tokenscan/tokenscan/scanner/cpanel/cpaneltest"
	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/inventory"
	"github.com/tokenscan/tokenscan/scanner/report"
)

func TestVerifyOnly(t *testing.T) {
	e := newEnv(t, cpanel.Options{})
	live := e.mint(t, finding.KindCPanel, "alice", "deploy", time.Hour)
	dead := e.mint(t, finding.KindCPanel, "alice", "old", time.Hour)
	e.sim.Revoke(finding.KindCPanel, "alice", "old")
	whm := e.mint(t, finding.KindWHM, "root", "billing", time.Hour)
	untrusted, err := e.sim.Listen(cpaneltest.ServiceCPanel, cpaneltest.TLSUntrusted, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	other := e.mint(t, finding.KindCPanel, "bob", "x", time.Hour)
	entries := []report.Entry{
		leakEntry(live, e.cp, "deploy.sh"),
		leakEntry(dead, e.cp, "old.sh"),
		leakEntry(whm, e.whm, "billing.php"),
		leakEntry(other, targetOf(t, untrusted.URL, finding.KindCPanel, "bob"), "tls.sh"),
		leakEntry(live, finding.Target{Kind: finding.KindCPanel, User: "alice"}, "nohost.env"),
	}
	entries[4].Leak.Fingerprint = "f" + entries[4].Leak.Fingerprint[1:] // a distinct leak of the same value
	errs := e.run(t, entries, Options{})
	want := []finding.State{finding.StateLive, finding.StateDead, finding.StateLive, finding.StateUnknown, finding.StateUnknown}
	for i, w := range want {
		if entries[i].State != w {
			t.Errorf("entry %d (%s): %s (%s), want %s", i, entries[i].Leak.Locations[0].Path, entries[i].State, entries[i].Detail, w)
		}
	}
	if !strings.Contains(entries[3].Detail, "TLS certificate") {
		t.Errorf("TLS detail: %s", entries[3].Detail)
	}
	if !strings.Contains(entries[4].Detail, "names no cPanel/WHM host") {
		t.Errorf("unroutable detail: %s", entries[4].Detail)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Message, "TLS") {
		t.Errorf("errors = %+v, want the one TLS failure", errs)
	}
	if n := e.revokeRequests(); n != 0 {
		t.Fatalf("%d revoke requests without --revoke", n)
	}
	if !e.sim.Valid(finding.KindCPanel, "alice", live) || !e.sim.Valid(finding.KindWHM, "root", whm) {
		t.Fatal("a token was revoked without --revoke")
	}
}

func TestResolutionPaths(t *testing.T) {
	type setup struct {
		leaked  string
		target  finding.Target
		opts    Options
		path    string
		kept    []string // tokens (values) that must survive
		keptWHM []string
	}
	tests := []struct {
		name       string
		prepare    func(t *testing.T, e *env) setup
		wantState  finding.State
		wantDetail string
		wantCands  []string
	}{
		{"whm get_details", func(t *testing.T, e *env) setup {
			leaked := e.mint(t, finding.KindWHM, "root", "billing", time.Hour)
			a := e.mint(t, finding.KindWHM, "root", "monitoring", time.Hour)
			b := e.mint(t, finding.KindWHM, "root", "backup", 2*time.Hour)
			return setup{leaked: leaked, target: e.whm, path: "billing.php", keptWHM: []string{a, b}}
		}, finding.StateRevokedConfirmed, "by whm-get-details", nil},
		{"inventory", func(t *testing.T, e *env) setup {
			leaked := e.mint(t, finding.KindCPanel, "alice", "ci", time.Hour)
			a := e.mint(t, finding.KindCPanel, "alice", "deploy", time.Hour)
			b := e.mint(t, finding.KindCPanel, "alice", "backup", 2*time.Hour)
			inv := mustInventory(t, inventory.Entry{Fingerprint: string(finding.FingerprintOf(leaked)), Kind: inventory.KindCPanel,
				Host: e.cp.Host, User: "alice", Name: "ci", CreatedAt: commitDate.Add(-time.Hour)})
			return setup{leaked: leaked, target: e.cp, path: "deploy.sh", opts: Options{Inventory: inv}, kept: []string{a, b}}
		}, finding.StateRevokedConfirmed, "by inventory", nil},
		{"inventory name reused is not trusted", func(t *testing.T, e *env) setup {
			leaked := e.mint(t, finding.KindCPanel, "alice", "ci", time.Hour)
			a := e.mint(t, finding.KindCPanel, "alice", "deploy", 3*time.Hour)
			inv := mustInventory(t, inventory.Entry{Fingerprint: string(finding.FingerprintOf(leaked)), Kind: inventory.KindCPanel,
				Host: e.cp.Host, User: "alice", Name: "ci", CreatedAt: commitDate.Add(-50 * time.Hour)})
			return setup{leaked: leaked, target: e.cp, path: "x.sh", opts: Options{Inventory: inv}, kept: []string{a, leaked}}
		}, finding.StateUnresolved, "name reused", []string{"ci", "deploy"}},
		{"inventory for another host is not used", func(t *testing.T, e *env) setup {
			leaked := e.mint(t, finding.KindCPanel, "alice", "ci", time.Hour)
			a := e.mint(t, finding.KindCPanel, "alice", "deploy", 3*time.Hour)
			inv := mustInventory(t, inventory.Entry{Fingerprint: string(finding.FingerprintOf(leaked)), Kind: inventory.KindCPanel,
				Host: "elsewhere.example", User: "alice", Name: "deploy"})
			return setup{leaked: leaked, target: e.cp, path: "x.sh", opts: Options{Inventory: inv}, kept: []string{a, leaked}}
		}, finding.StateUnresolved, "not this account", []string{"ci", "deploy"}},
		{"authn file", func(t *testing.T, e *env) setup {
			leaked := e.mint(t, finding.KindCPanel, "alice", "site", time.Hour)
			a := e.mint(t, finding.KindCPanel, "alice", "deploy", time.Hour)
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "cpanel", "alice.json"), `{"tokens":{"`+finding.CPanelHash(leaked)+`":{"name":"site","create_time":1}}}`)
			return setup{leaked: leaked, target: e.cp, path: "x.sh", opts: Options{AuthnDir: dir}, kept: []string{a}}
		}, finding.StateRevokedConfirmed, "by authn-file", nil},
		{"single token", func(t *testing.T, e *env) setup {
			leaked := e.mint(t, finding.KindCPanel, "bob", "only", time.Hour)
			return setup{leaked: leaked, target: e.with("bob"), path: "x.sh"}
		}, finding.StateRevokedConfirmed, "by single-token", nil},
		{"single candidate once expired tokens are ruled out", func(t *testing.T, e *env) setup {
			leaked := e.mint(t, finding.KindCPanel, "bob", "current", time.Hour)
			e.sim.MustMint(t, cpaneltest.TokenSpec{User: "bob", Name: "expired", CreateTime: commitDate.Add(-900 * time.Hour), ExpiresAt: time.Now().Add(-72 * time.Hour)})
			return setup{leaked: leaked, target: e.with("bob"), path: "x.sh"}
		}, finding.StateRevokedConfirmed, "by single-candidate", nil},
		{"ambiguous: nothing revoked, candidates ranked", func(t *testing.T, e *env) setup {
			leaked := e.mint(t, finding.KindCPanel, "carol", "deploy-cache", 2*time.Hour)
			a := e.mint(t, finding.KindCPanel, "carol", "monitoring", 30*24*time.Hour)
			b := e.mint(t, finding.KindCPanel, "carol", "backup", -48*time.Hour) // created after the commit
			return setup{leaked: leaked, target: e.with("carol"), path: "scripts/deploy.sh", kept: []string{leaked, a, b}}
		}, finding.StateUnresolved, "nothing was revoked", []string{"deploy-cache", "monitoring", "backup"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, cpanel.Options{})
			s := tc.prepare(t, e)
			entries := []report.Entry{leakEntry(s.leaked, s.target, s.path)}
			s.opts.Revoke = true
			e.run(t, entries, s.opts)
			got := entries[0]
			if got.State != tc.wantState || !strings.Contains(got.Detail, tc.wantDetail) {
				t.Fatalf("state %s (%s), want %s with %q", got.State, got.Detail, tc.wantState, tc.wantDetail)
			}
			var names []string
			for _, c := range got.Candidates {
				names = append(names, c.Name)
			}
			if strings.Join(names, ",") != strings.Join(tc.wantCands, ",") {
				t.Errorf("candidates %v, want %v", names, tc.wantCands)
			}
			if tc.wantState == finding.StateRevokedConfirmed && e.sim.Valid(s.target.Kind, s.target.User, s.leaked) {
				t.Fatal("reported revoked but the simulator still accepts the token")
			}
			if tc.wantState == finding.StateUnresolved && e.revokeRequests() != 0 {
				t.Fatal("an unresolved token led to a revoke request")
			}
			for _, v := range s.kept {
				if !e.sim.Valid(finding.KindCPanel, s.target.User, v) {
					t.Error("an innocent cPanel token was revoked")
				}
			}
			for _, v := range s.keptWHM {
				if !e.sim.Valid(finding.KindWHM, "root", v) {
					t.Error("an innocent WHM token was revoked")
				}
			}
		})
	}
}

func TestDestructiveElimination(t *testing.T) {
	e := newEnv(t, cpanel.Options{})
	leaked := e.mint(t, finding.KindCPanel, "carol", "cache", 30*24*time.Hour)
	first := e.mint(t, finding.KindCPanel, "carol", "deploy", 2*time.Hour) // ranked first: recent, name matches
	entries := []report.Entry{leakEntry(leaked, e.with("carol"), "deploy.sh")}
	e.run(t, entries, Options{Revoke: true, DestroyInnocentTokens: true})
	got := entries[0]
	if got.State != finding.StateRevokedConfirmed || !strings.Contains(got.Detail, "elimination") || !strings.Contains(got.Detail, `innocent tokens revoked before it: "deploy"`) {
		t.Fatalf("%s: %s", got.State, got.Detail)
	}
	if e.sim.Valid(finding.KindCPanel, "carol", leaked) || e.sim.Valid(finding.KindCPanel, "carol", first) {
		t.Fatal("elimination should have revoked both")
	}
}

func TestIdempotentRerun(t *testing.T) {
	e := newEnv(t, cpanel.Options{})
	leaked := e.mint(t, finding.KindCPanel, "dave", "only", time.Hour)
	for run, want := range []finding.State{finding.StateRevokedConfirmed, finding.StateDead, finding.StateDead} {
		e.sim.ResetRequests()
		entries := []report.Entry{leakEntry(leaked, e.with("dave"), "x.sh")}
		errs := e.run(t, entries, Options{Revoke: true})
		if entries[0].State != want || len(errs) != 0 {
			t.Fatalf("run %d: %s (%s), errors %v; want %s", run, entries[0].State, entries[0].Detail, errs, want)
		}
		if run > 0 && e.revokeRequests() != 0 {
			t.Fatalf("run %d revoked something although the token was already dead", run)
		}
		rep := &report.Report{Scan: report.Scan{Revoke: true}, Entries: entries}
		if code := report.ExitCode(rep, nil); code != report.ExitLeaks {
			t.Fatalf("run %d: exit %d, want 1", run, code)
		}
	}
}

func TestFaultsNeverFalseRevoked(t *testing.T) {
	tests := []struct {
		name string
		// fault is set after resolution, just before the revoke call.
		fault     cpaneltest.Fault
		copts     cpanel.Options
		wantState finding.State
		revoked   bool // whether the simulator ends with the token gone
		wantIn    string
	}{
		{"revoke 5xx always", cpaneltest.Fault{Path: "/execute/Tokens/revoke", ErrorRate: 1}, cpanel.Options{}, finding.StateRevokeFailed, false, "still accepted"},
		{"revoke 5xx once is retried", cpaneltest.Fault{Path: "/execute/Tokens/revoke", ErrorRate: 1, ErrorStatus: 503, Count: 1}, cpanel.Options{}, finding.StateRevokedConfirmed, true, "now refused"},
		{"revoke hangs", cpaneltest.Fault{Path: "/execute/Tokens/revoke", Hang: true}, cpanel.Options{Timeout: 150 * time.Millisecond, Retries: 1}, finding.StateRevokeFailed, false, "no answer within"},
		{"revoke answers a login page", cpaneltest.Fault{Path: "/execute/Tokens/revoke", HTML: true}, cpanel.Options{}, finding.StateRevokeFailed, false, "login page"},
		{"confirm answers a login page", cpaneltest.Fault{Path: "/execute/Tokens/list", HTML: true}, cpanel.Options{}, finding.StateRevokeFailed, true, "not confirmed"},
		{"confirm gets 5xx", cpaneltest.Fault{Path: "/execute/Tokens/list", ErrorRate: 1, ErrorStatus: 502}, cpanel.Options{}, finding.StateRevokeFailed, true, "not confirmed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, tc.copts)
			leaked := e.mint(t, finding.KindCPanel, "dave", "only", time.Hour)
			remote := hookRemote{Remote: e.client, beforeRevoke: func() {
				if _, err := e.sim.SetFault(tc.fault); err != nil {
					t.Fatal(err)
				}
			}}
			entries := []report.Entry{leakEntry(leaked, e.with("dave"), "x.sh")}
			errs := e.run(t, entries, Options{Revoke: true, Remote: remote})
			got := entries[0]
			if got.State != tc.wantState || !strings.Contains(got.Detail, tc.wantIn) {
				t.Fatalf("%s (%s), want %s with %q", got.State, got.Detail, tc.wantState, tc.wantIn)
			}
			if gone := !e.sim.Valid(finding.KindCPanel, "dave", leaked); gone != tc.revoked {
				t.Fatalf("token gone = %v, want %v", gone, tc.revoked)
			}
			if got.State != finding.StateRevokedConfirmed && len(errs) == 0 {
				t.Error("a failed revocation left no error in the report")
			}
			rep := &report.Report{Scan: report.Scan{Revoke: true}, Entries: entries, Errors: errs}
			if code := report.ExitCode(rep, nil); (got.State == finding.StateRevokedConfirmed) != (code == report.ExitLeaks) {
				t.Errorf("exit code %d for %s", code, got.State)
			}
		})
	}
}

// TestOneHostFailingHidesNothing: a dead host and a healthy one in the same run.
func TestOneHostFailingHidesNothing(t *testing.T) {
	e := newEnv(t, cpanel.Options{Timeout: 100 * time.Millisecond, Retries: -1})
	good := e.mint(t, finding.KindCPanel, "alice", "only", time.Hour)
	// A port that refuses connections: the host is down.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	down := targetOf(t, "https://"+ln.Addr().String(), finding.KindCPanel, "x")
	ln.Close()
	entries := []report.Entry{
		leakEntry(strings.Repeat("Z9", 16), down, "a.sh"),
		leakEntry(good, e.cp, "b.sh"),
	}
	errs := e.run(t, entries, Options{Revoke: true})
	if entries[0].State != finding.StateUnknown || entries[1].State != finding.StateRevokedConfirmed {
		t.Fatalf("states %s (%s), %s (%s)", entries[0].State, entries[0].Detail, entries[1].State, entries[1].Detail)
	}
	if len(errs) != 1 {
		t.Fatalf("errors %+v", errs)
	}
}

// TestTokensGoOnlyWhereTheLeakOrUserSays puts a trap server beside the simulator and routes leaks
// every way there is; the trap must never see a request, and the simulator must see only tokens
// whose leak (or the user's host map) named it.
func TestTokensGoOnlyWhereTheLeakOrUserSays(t *testing.T) {
	e := newEnv(t, cpanel.Options{})
	var trapHits atomic.Int32
	trap := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		trapHits.Add(1)
		w.Write([]byte(`{"status":1,"data":[]}`))
	}))
	defer trap.Close()
	trapT := targetOf(t, trap.URL, finding.KindCPanel, "alice")

	named := e.mint(t, finding.KindCPanel, "alice", "a", time.Hour)
	mapped := e.mint(t, finding.KindCPanel, "bob", "b", time.Hour)
	unmapped := e.mint(t, finding.KindCPanel, "carol", "c", time.Hour)
	hostNoUser := e.mint(t, finding.KindCPanel, "dave", "d", time.Hour)
	simHost := e.cp.Host + ":" + itoa(e.cp.Port)
	// The trap listens on the same address family; it must be distinguishable by host, so give
	// the simulator's leaks "127.0.0.1" and the trap rules "localhost".
	hm, err := ParseHostMap([]string{
		"**/*.sh=cpanel://alice@localhost:" + itoa(trapT.Port), // never applies: these leaks name their host
		"config/*.env=cpanel://bob@" + simHost,
		"*.ini=cpanel://dave@" + simHost,
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	entries := []report.Entry{
		leakEntry(named, e.cp, "deploy/run.sh"),
		leakEntry(mapped, finding.Target{Kind: finding.KindCPanel}, "config/prod.env"),
		leakEntry(unmapped, finding.Target{Kind: finding.KindCPanel, User: "carol"}, "notes.txt"),
		leakEntry(hostNoUser, finding.Target{Kind: finding.KindCPanel, Host: e.cp.Host, Port: e.cp.Port}, "settings.ini"),
	}
	e.run(t, entries, Options{Revoke: true, HostMap: hm})
	want := []finding.State{finding.StateRevokedConfirmed, finding.StateRevokedConfirmed, finding.StateUnknown, finding.StateRevokedConfirmed}
	for i, w := range want {
		if entries[i].State != w {
			t.Errorf("entry %d: %s (%s), want %s", i, entries[i].State, entries[i].Detail, w)
		}
	}
	if trapHits.Load() != 0 {
		t.Fatalf("the trap server received %d requests", trapHits.Load())
	}
	allowed := map[finding.Fingerprint]bool{}
	for _, v := range []string{named, mapped, hostNoUser} {
		allowed[finding.FingerprintOf(v)] = true
	}
	for _, r := range e.sim.Requests() {
		if !allowed[r.Fingerprint] {
			t.Errorf("the simulator received a token whose leak did not name it: %s %s", r.Path, r.Fingerprint.Short())
		}
	}
	if !e.sim.Valid(finding.KindCPanel, "carol", unmapped) {
		t.Fatal("an unroutable token was revoked")
	}
}

func TestNoSecretInAuditLogOrReports(t *testing.T) {
	e := newEnv(t, cpanel.Options{Retries: -1})
	var secrets []string
	var entries []report.Entry
	add := func(v string, target finding.Target, path string) {
		secrets = append(secrets, v)
		entries = append(entries, leakEntry(v, target, path))
	}
	add(e.mint(t, finding.KindCPanel, "alice", "one", time.Hour), e.cp, "a.sh")
	add(e.mint(t, finding.KindCPanel, "bob", "two", time.Hour), e.with("bob"), "b.sh")
	e.mint(t, finding.KindCPanel, "bob", "three", time.Hour)
	add(e.mint(t, finding.KindWHM, "root", "four", time.Hour), e.whm, "c.sh")
	add(strings.Repeat("Q7", 16), e.with("carol"), "d.sh")
	add(e.mint(t, finding.KindCPanel, "carol", "five", time.Hour), finding.Target{Kind: finding.KindCPanel}, "e.sh")
	if _, err := e.sim.SetFault(cpaneltest.Fault{Path: "/json-api/api_token_revoke", HTML: true}); err != nil {
		t.Fatal(err)
	}
	var audit bytes.Buffer
	log := NewAuditLog(&audit, nil)
	e.run(t, entries, Options{Revoke: true, Audit: log})
	if err := log.Close(); err != nil {
		t.Fatal(err)
	}
	rep := &report.Report{Scan: report.Scan{Verify: true, Revoke: true}, Entries: entries}
	var out bytes.Buffer
	out.Write(audit.Bytes())
	for _, f := range []report.Format{report.FormatText, report.FormatJSON, report.FormatSARIF} {
		if err := report.Write(&out, f, rep, report.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range secrets {
		if strings.Contains(out.String(), s) {
			t.Fatalf("a token value was written:\n%s", out.String())
		}
	}
	// Every action is there, each line valid JSON with a fingerprint.
	actions := map[string]int{}
	for line := range strings.Lines(audit.String()) {
		var ev AuditEvent
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("audit line %q: %v", line, err)
		}
		if len(ev.Fingerprint) != 64 || ev.Time.IsZero() || ev.Outcome == "" {
			t.Errorf("incomplete audit event %+v", ev)
		}
		actions[ev.Action]++
	}
	for _, a := range []string{ActionRoute, ActionVerify, ActionResolve, ActionRevoke, ActionConfirm} {
		if actions[a] == 0 {
			t.Errorf("no %s event in the audit log:\n%s", a, audit.String())
		}
	}
}

func TestAccessHashIsNotRevoked(t *testing.T) {
	e := newEnv(t, cpanel.Options{})
	hash := strings.Repeat("0123456789abcdef", 4)
	if err := e.sim.AddWHMUser(cpaneltest.WHMUser{User: "legacy", AccessHash: hash}); err != nil {
		t.Fatal(err)
	}
	target := e.whm
	target.User = "legacy"
	entries := []report.Entry{leakEntry(hash[:32]+"\n"+hash[32:], target, "whmcs.php")}
	e.run(t, entries, Options{Revoke: true})
	if entries[0].State != finding.StateUnresolved || !strings.Contains(entries[0].Detail, "access hash") {
		t.Fatalf("%s: %s", entries[0].State, entries[0].Detail)
	}
}

func mustInventory(t *testing.T, entries ...inventory.Entry) *inventory.Inventory {
	t.Helper()
	inv, err := inventory.New(entries)
	if err != nil {
		t.Fatal(err)
	}
	return inv
}

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o640); err != nil {
		t.Fatal(err)
	}
}
