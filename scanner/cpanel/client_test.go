package cpanel

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tokenscan/tokenscan/scanner/cpanel/cpaneltest"
	"github.com/tokenscan/tokenscan/scanner/finding"
)

// targetOf turns a simulator URL into the target a leak naming it would carry.
func targetOf(t testing.TB, rawURL string, kind finding.Kind, user string) finding.Target {
	t.Helper()
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	port, _ := strconv.Atoi(u.Port())
	return finding.Target{Kind: kind, Host: u.Hostname(), Port: port, User: user}
}

type simFixture struct {
	sim    *cpaneltest.Sim
	client *Client
	caFile string
}

func newSim(t *testing.T, opts Options) simFixture {
	t.Helper()
	sim := cpaneltest.StartTest(t, cpaneltest.Options{})
	for _, a := range []cpaneltest.Account{{User: "alice"}, {User: "bob", DisabledFeatures: []string{"apitokens"}}} {
		if err := sim.AddAccount(a); err != nil {
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
	if opts.CAFile == "" {
		opts.CAFile = ca
	}
	if opts.Backoff == 0 {
		opts.Backoff = time.Millisecond
	}
	c, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.CloseIdleConnections)
	return simFixture{sim: sim, client: c, caFile: ca}
}

func TestVerifyStates(t *testing.T) {
	f := newSim(t, Options{})
	ctx := context.Background()
	alice := f.sim.MustMint(t, cpaneltest.TokenSpec{User: "alice", Name: "deploy"})
	bob := f.sim.MustMint(t, cpaneltest.TokenSpec{User: "bob", Name: "nofeature"})
	root := f.sim.MustMint(t, cpaneltest.TokenSpec{Kind: finding.KindWHM, User: "root", Name: "billing"})
	cp := targetOf(t, f.sim.CPanelURL(), finding.KindCPanel, "alice")
	whm := targetOf(t, f.sim.WHMURL(), finding.KindWHM, "root")
	bobT := cp
	bobT.User = "bob"
	tests := []struct {
		name   string
		target finding.Target
		secret string
		want   finding.State
	}{
		{"cpanel live", cp, alice, finding.StateLive},
		{"cpanel wrong user", finding.Target{Kind: cp.Kind, Host: cp.Host, Port: cp.Port, User: "bob"}, alice, finding.StateDead},
		{"cpanel unknown value", cp, strings.Repeat("A1", 16), finding.StateDead},
		{"cpanel without apitokens feature is still live", bobT, bob, finding.StateLive},
		{"whm live", whm, root, finding.StateLive},
		{"whm token on cpanel port", finding.Target{Kind: finding.KindCPanel, Host: cp.Host, Port: cp.Port, User: "root"}, root, finding.StateDead},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := f.client.Verify(ctx, tc.target, tc.secret)
			if got != tc.want || err != nil {
				t.Fatalf("Verify = %s, %v; want %s", got, err, tc.want)
			}
		})
	}
	for _, r := range f.sim.Requests() {
		if strings.Contains(r.Path, "?") || strings.Contains(r.Path, alice) {
			t.Errorf("request path carries parameters: %s", r.Path)
		}
	}
}

func TestListDetailsRevoke(t *testing.T) {
	f := newSim(t, Options{})
	ctx := context.Background()
	a1 := f.sim.MustMint(t, cpaneltest.TokenSpec{User: "alice", Name: "one"})
	f.sim.MustMint(t, cpaneltest.TokenSpec{User: "alice", Name: "two"})
	cp := targetOf(t, f.sim.CPanelURL(), finding.KindCPanel, "alice")
	list, err := f.client.ListTokens(ctx, cp, a1)
	if err != nil || len(list) != 2 || list[0].Name != "one" || list[0].CreateTime.IsZero() {
		t.Fatalf("ListTokens = %+v, %v", list, err)
	}
	if _, err := f.client.TokenDetails(ctx, cp, a1); !errors.Is(err, ErrNotSupported) {
		t.Errorf("TokenDetails(cpanel) = %v", err)
	}
	if err := f.client.Revoke(ctx, cp, a1, "one"); err != nil {
		t.Fatal(err)
	}
	if st, err := f.client.Verify(ctx, cp, a1); st != finding.StateDead || err != nil {
		t.Fatalf("after revoke: %s, %v", st, err)
	}

	root := f.sim.MustMint(t, cpaneltest.TokenSpec{Kind: finding.KindWHM, User: "root", Name: "billing"})
	f.sim.MustMint(t, cpaneltest.TokenSpec{Kind: finding.KindWHM, User: "root", Name: "other"})
	whm := targetOf(t, f.sim.WHMURL(), finding.KindWHM, "root")
	tok, err := f.client.TokenDetails(ctx, whm, root)
	if err != nil || tok == nil || tok.Name != "billing" {
		t.Fatalf("TokenDetails = %+v, %v", tok, err)
	}
	wl, err := f.client.ListTokens(ctx, whm, root)
	if err != nil || len(wl) != 2 {
		t.Fatalf("whm ListTokens = %+v, %v", wl, err)
	}
	if err := f.client.Revoke(ctx, whm, root, "nope"); err == nil || !strings.Contains(err.Error(), "do not exist") {
		t.Errorf("revoking a missing WHM token: %v", err)
	}
	if err := f.client.Revoke(ctx, whm, root, "billing"); err != nil {
		t.Fatal(err)
	}
	if f.sim.Valid(finding.KindWHM, "root", root) {
		t.Fatal("WHM token still valid after revoke")
	}
	for _, r := range f.sim.Requests() {
		if strings.Contains(r.Path, root) || strings.Contains(r.Path, "token=") {
			t.Errorf("the value travelled in a URL: %s", r.Path)
		}
	}
}

func TestVerifyFaults(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name      string
		fault     cpaneltest.Fault
		want      finding.State
		wantErr   string
		attempts  int
		clientOpt Options
	}{
		{"one 5xx is retried", cpaneltest.Fault{Path: "/execute/Tokens/list", ErrorRate: 1, ErrorStatus: 503, Count: 1}, finding.StateLive, "", 2, Options{}},
		{"persistent 5xx is unknown", cpaneltest.Fault{Path: "/execute/Tokens/list", ErrorRate: 1, ErrorStatus: 500}, finding.StateUnknown, "unexpected HTTP status 500", 4, Options{}},
		{"html login page is named", cpaneltest.Fault{Path: "/execute/Tokens/list", HTML: true}, finding.StateUnknown, "session expired / login page, not JSON", 1, Options{}},
		{"hang times out", cpaneltest.Fault{Path: "/execute/Tokens/list", Hang: true}, finding.StateUnknown, "no answer within", 2, Options{Timeout: 100 * time.Millisecond, Retries: 1}},
		{"no retries", cpaneltest.Fault{Path: "/execute/Tokens/list", ErrorRate: 1, ErrorStatus: 502}, finding.StateUnknown, "502", 1, Options{Retries: -1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newSim(t, tc.clientOpt)
			v := f.sim.MustMint(t, cpaneltest.TokenSpec{User: "alice", Name: "x"})
			if _, err := f.sim.SetFault(tc.fault); err != nil {
				t.Fatal(err)
			}
			got, err := f.client.Verify(ctx, targetOf(t, f.sim.CPanelURL(), finding.KindCPanel, "alice"), v)
			if got != tc.want {
				t.Fatalf("Verify = %s, %v; want %s", got, err, tc.want)
			}
			if tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Fatalf("err = %v, want %q", err, tc.wantErr)
			}
			if err != nil && strings.Contains(err.Error(), v) {
				t.Fatal("error message carries the token")
			}
			// A held request is logged by the simulator only once it notices the client left.
			deadline := time.Now().Add(2 * time.Second)
			for len(f.sim.Requests()) < tc.attempts && time.Now().Before(deadline) {
				time.Sleep(5 * time.Millisecond)
			}
			if n := len(f.sim.Requests()); n != tc.attempts {
				t.Errorf("%d requests, want %d", n, tc.attempts)
			}
		})
	}
}

func TestTLS(t *testing.T) {
	ctx := context.Background()
	for _, mode := range []cpaneltest.TLSMode{cpaneltest.TLSUntrusted, cpaneltest.TLSExpired, cpaneltest.TLSWrongName} {
		t.Run(string(mode), func(t *testing.T) {
			f := newSim(t, Options{})
			v := f.sim.MustMint(t, cpaneltest.TokenSpec{User: "alice", Name: "x"})
			ep, err := f.sim.Listen(cpaneltest.ServiceCPanel, mode, "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			target := targetOf(t, ep.URL, finding.KindCPanel, "alice")
			f.sim.ResetRequests()
			st, err := f.client.Verify(ctx, target, v)
			var tlsErr *TLSError
			if st != finding.StateUnknown || !errors.As(err, &tlsErr) {
				t.Fatalf("Verify = %s, %v; want unknown with a TLS error", st, err)
			}
			if n := len(f.sim.Requests()); n != 0 {
				t.Fatalf("%d requests reached the server through a bad certificate", n)
			}
			insecure, err := New(Options{CAFile: f.caFile, InsecureHosts: []string{"127.0.0.1"}})
			if err != nil {
				t.Fatal(err)
			}
			if st, err := insecure.Verify(ctx, target, v); st != finding.StateLive {
				t.Fatalf("with --insecure-hosts: %s, %v", st, err)
			}
			// The opt-out is per host: another host name still gets full verification.
			other := target
			other.Host = "localhost"
			if st, _ := insecure.Verify(ctx, other, v); st != finding.StateUnknown {
				t.Fatalf("insecure opt-out leaked to another host: %s", st)
			}
		})
	}
}

func TestNoRedirectNoPlainHTTP(t *testing.T) {
	var hits atomic.Int32
	trap := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer trap.Close()
	redirector := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, trap.URL+"/login/?token=x", http.StatusFound)
	}))
	defer redirector.Close()
	pool := redirector.Client().Transport.(*http.Transport).TLSClientConfig.RootCAs
	c, err := New(Options{RootCAs: pool})
	if err != nil {
		t.Fatal(err)
	}
	st, err := c.Verify(context.Background(), targetOf(t, redirector.URL, finding.KindCPanel, "alice"), strings.Repeat("B2", 16))
	var redir *RedirectError
	if st != finding.StateUnknown || !errors.As(err, &redir) || strings.Contains(err.Error(), "token=") {
		t.Fatalf("Verify = %s, %v", st, err)
	}
	if hits.Load() != 0 {
		t.Fatal("the redirect was followed")
	}
	u, _ := BaseURL(finding.Target{Kind: finding.KindCPanel, Host: "h.example", Port: 2082, User: "u"})
	if u != "https://h.example:2083" {
		t.Errorf("BaseURL(2082) = %s", u)
	}
	u, _ = BaseURL(finding.Target{Kind: finding.KindWHM, Host: "::1", User: "root"})
	if u != "https://[::1]:2087" {
		t.Errorf("BaseURL(whm ::1) = %s", u)
	}
	for _, bad := range []finding.Target{
		{Kind: finding.KindCPanel, Host: "h", User: ""},
		{Kind: finding.KindCPanel, Host: "", User: "u"},
		{Kind: "ftp", Host: "h", User: "u"},
		{Kind: finding.KindCPanel, Host: "evil.example/x?", User: "u"},
		{Kind: finding.KindCPanel, Host: "h", User: "a:b"},
	} {
		if _, err := BaseURL(bad); !errors.Is(err, ErrIncompleteTarget) {
			t.Errorf("BaseURL(%+v) = %v", bad, err)
		}
	}
}

func TestPerHostLimit(t *testing.T) {
	var cur, peak atomic.Int32
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := cur.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		cur.Add(-1)
		w.Write([]byte(`{"status":1,"data":[]}`))
	}))
	defer srv.Close()
	c, err := New(Options{RootCAs: srv.Client().Transport.(*http.Transport).TLSClientConfig.RootCAs, PerHostLimit: 2})
	if err != nil {
		t.Fatal(err)
	}
	target := targetOf(t, srv.URL, finding.KindCPanel, "alice")
	done := make(chan struct{})
	for range 8 {
		go func() {
			c.Verify(context.Background(), target, strings.Repeat("C3", 16))
			done <- struct{}{}
		}()
	}
	for range 8 {
		<-done
	}
	if p := peak.Load(); p > 2 {
		t.Fatalf("%d concurrent requests to one host, limit 2", p)
	}
}

func TestLookupAuthn(t *testing.T) {
	dir := t.TempDir()
	secret := strings.Repeat("D4", 16)
	write := func(sub, user, body string) {
		t.Helper()
		p := filepath.Join(dir, sub, user+".json")
		if err := mkdirWrite(p, body); err != nil {
			t.Fatal(err)
		}
	}
	write("cpanel", "alice", `{"tokens":{"`+finding.CPanelHash(secret)+`":{"name":"deploy","create_time":1}}}`)
	write("whostmgr", "root", `{"tokens":{}}`)
	if name, ok, err := LookupAuthn(dir, finding.KindCPanel, "alice", secret); name != "deploy" || !ok || err != nil {
		t.Errorf("alice: %q %v %v", name, ok, err)
	}
	if _, ok, err := LookupAuthn(dir, finding.KindWHM, "root", secret); ok || err != nil {
		t.Errorf("root: %v %v", ok, err)
	}
	if _, _, err := LookupAuthn(dir, finding.KindCPanel, "nobody", secret); err == nil {
		t.Error("missing file: no error")
	}
	if _, _, err := LookupAuthn(dir, finding.KindCPanel, "../../x", secret); err == nil {
		t.Error("path traversal accepted")
	}
}
