package remediate

import (
	"context"
	"net/url"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/tokenscan/tokenscan/scanner/cpanel"
	"github.com/tokenscan/tokenscan/scanner/cpanel/cpaneltest"
	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/report"
)

// commitDate is when the test leaks were committed; tokens are created relative to it.
var commitDate = time.Date(2025, 3, 4, 16, 20, 0, 0, time.UTC)

type env struct {
	sim    *cpaneltest.Sim
	client *cpanel.Client
	caFile string
	cp     finding.Target // alice on the cPanel HTTPS port
	whm    finding.Target // root on the WHM HTTPS port
}

func newEnv(t testing.TB, copts cpanel.Options) *env {
	t.Helper()
	sim := cpaneltest.StartTest(t, cpaneltest.Options{})
	for _, u := range []string{"alice", "bob", "carol", "dave"} {
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
	copts.CAFile = ca
	if copts.Backoff == 0 {
		copts.Backoff = time.Millisecond
	}
	if copts.Timeout == 0 {
		copts.Timeout = 2 * time.Second
	}
	c, err := cpanel.New(copts)
	if err != nil {
		t.Fatal(err)
	}
	// Connections the transport dialled but never used look like slow clients to the simulator's
	// graceful shutdown; close them first (cleanups run last-registered first).
	t.Cleanup(c.CloseIdleConnections)
	return &env{sim: sim, client: c, caFile: ca,
		cp:  targetOf(t, sim.CPanelURL(), finding.KindCPanel, "alice"),
		whm: targetOf(t, sim.WHMURL(), finding.KindWHM, "root")}
}

func targetOf(t testing.TB, rawURL string, kind finding.Kind, user string) finding.Target {
	t.Helper()
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	port, _ := strconv.Atoi(u.Port())
	return finding.Target{Kind: kind, Host: u.Hostname(), Port: port, User: user}
}

func (e *env) with(user string) finding.Target {
	t := e.cp
	t.User = user
	return t
}

// mint creates a token created ago before the commit.
func (e *env) mint(t testing.TB, kind finding.Kind, user, name string, ago time.Duration) string {
	t.Helper()
	return e.sim.MustMint(t, cpaneltest.TokenSpec{Kind: kind, User: user, Name: name, CreateTime: commitDate.Add(-ago)})
}

// leakEntry is a report entry for a token seen once, in path, in a commit on commitDate.
func leakEntry(secret string, target finding.Target, path string) report.Entry {
	return report.Entry{Leak: finding.Leak{
		RuleID:      "cpanel-api-token-header",
		Secret:      secret,
		Fingerprint: finding.FingerprintOf(secret),
		Target:      target,
		Locations:   []finding.Origin{{Source: "git", Path: path, Line: 3, Commit: "abc1234", Date: commitDate, Message: "add " + path}},
	}}
}

func (e *env) run(t testing.TB, entries []report.Entry, opts Options) []report.ScanError {
	t.Helper()
	if opts.Remote == nil {
		opts.Remote = e.client
	}
	return Run(context.Background(), entries, opts)
}

// revokeRequests counts revoke calls the simulator saw.
func (e *env) revokeRequests() int {
	n := 0
	for _, r := range e.sim.Requests() {
		if r.Path == "/execute/Tokens/revoke" || r.Path == "/json-api/api_token_revoke" {
			n++
		}
	}
	return n
}

// hookRemote runs a hook before each revoke, to change the world between revoke and confirm.
type hookRemote struct {
	Remote
	beforeRevoke func()
}

func (h hookRemote) Revoke(ctx context.Context, t finding.Target, secret, name string) error {
	h.beforeRevoke()
	return h.Remote.Revoke(ctx, t, secret, name)
}

func itoa(n int) string { return strconv.Itoa(n) }
