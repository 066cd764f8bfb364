package cpaneltest

import (
	"bytes"
	"log/slog"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

func TestGenerateTokenValue(t *testing.T) {
	shape := regexp.MustCompile(`^[0-9A-Z]{32}$`)
	counts := map[rune]int{}
	seen := map[string]bool{}
	const n = 2000
	for range n {
		v := generateTokenValue()
		if !shape.MatchString(v) {
			t.Fatalf("value %q has the wrong shape", finding.Redact(v))
		}
		if seen[v] {
			t.Fatal("repeated value")
		}
		seen[v] = true
		for _, r := range v {
			counts[r]++
		}
	}
	// Uniform over 36 symbols: each expected n*32/36 ≈ 1778 times; a biased modulo would push
	// the first symbols far above the rest.
	for r, c := range counts {
		if c < 1500 || c > 2060 {
			t.Errorf("symbol %q drawn %d times, expected about 1778", r, c)
		}
	}
	if len(counts) != 36 {
		t.Errorf("%d distinct symbols, want 36", len(counts))
	}
}

func TestSeedValidation(t *testing.T) {
	s, err := New(Options{})
	must(t, err)
	must(t, s.AddAccount(Account{User: "alice"}))
	bad := []TokenSpec{
		{User: "alice", Name: "short", Value: "ABC"},
		{User: "alice", Name: "lower", Value: strings.ToLower(docToken1)},
		{User: "alice", Name: "bad name", Value: docToken1},
		{User: "alice", Name: "both", Value: docToken1, Hash: finding.CPanelHash(docToken1)},
		{User: "alice", Name: "neither"},
		{User: "ghost", Name: "x", Value: docToken1},
		{User: "alice", Name: "acl", Value: docToken1, ACLs: []string{"all"}},
		{Kind: "ftp", User: "alice", Name: "kind", Value: docToken1},
	}
	for _, spec := range bad {
		if err := s.SeedToken(spec); err == nil {
			t.Errorf("seeded %q", spec.Name)
		}
	}
	must(t, s.SeedToken(TokenSpec{User: "alice", Name: "a", Value: docToken1}))
	if err := s.SeedToken(TokenSpec{User: "alice", Name: "b", Value: docToken1}); err == nil {
		t.Error("same value seeded twice")
	}
	if err := s.SeedToken(TokenSpec{User: "alice", Name: "a", Value: docToken2}); err == nil {
		t.Error("same name seeded twice")
	}
	if err := s.AddAccount(Account{User: "Bad User"}); err == nil {
		t.Error("invalid account name accepted")
	}
}

func TestSeedFile(t *testing.T) {
	seed, err := LoadSeed("testdata/seed.json")
	must(t, err)
	clock := NewManualClock(t0)
	s, err := New(Options{Clock: clock, Seed: seed})
	must(t, err)
	tests := []struct {
		kind  finding.Kind
		user  string
		value string
		want  TokenState
	}{
		{finding.KindCPanel, "alice", docToken1, TokenActive},
		{finding.KindCPanel, "alice", docToken2, TokenExpired},
		{finding.KindCPanel, "alice", docToken4, TokenActive},
		{finding.KindWHM, "root", docToken3, TokenActive},
		{finding.KindCPanel, "bob", docToken1, TokenUnknown},
	}
	for _, tt := range tests {
		if got := s.State(tt.kind, tt.user, tt.value); got != tt.want {
			t.Errorf("%s/%s %s: %s, want %s", tt.kind, tt.user, finding.Redact(tt.value), got, tt.want)
		}
	}
	clock.Advance(7 * time.Hour)
	if s.Valid(finding.KindCPanel, "alice", docToken4) {
		t.Error("ci_soon (expires_in 6h) still valid after 7h")
	}
	var names []string
	for _, ti := range s.Tokens(finding.KindCPanel, "alice") {
		names = append(names, ti.Name)
	}
	if got := strings.Join(names, ","); got != "old-backup,deploy,ci_soon,from-backup" {
		t.Errorf("alice's tokens oldest first: %s", got)
	}
	if _, err := ParseSeed([]byte(`{"accounts":[{"user":"a","tokns":[]}]}`)); err == nil {
		t.Error("seed with an unknown field accepted")
	}
}

// TestSecretsNeverLogged runs a session full of token traffic and checks that no value, and no
// request path or query carrying one, reaches the log or the request record.
func TestSecretsNeverLogged(t *testing.T) {
	var logs bytes.Buffer
	f := newFixture(t, Options{Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	minted := f.MustMint(t, TokenSpec{Kind: finding.KindWHM, User: "root", Name: "ci"})
	created := f.uapi(t, cpAuth("alice", docToken1), "Tokens/create_full_access", url.Values{"name": {"fresh"}}).json(t)
	fresh := created["data"].(map[string]any)["token"].(string)
	f.uapi(t, cpAuth("alice", fresh), "Tokens/list", nil)
	f.uapi(t, cpAuth("alice", docToken2), "Tokens/list", nil)
	f.whm(t, whmAuth("root", minted), "api_token_get_details", url.Values{"token": {docToken3}})
	f.whm(t, "WHM root:"+strings.Repeat("ab12", 32), "version", nil)
	f.uapi(t, cpAuth("alice", docToken1), "Tokens/"+docToken4, nil)
	f.uapi(t, "Basic YWxpY2U6YWxpY2UtcGFzcw==", "Tokens/list", nil)

	var records strings.Builder
	for _, r := range f.Requests() {
		records.WriteString(r.Path + " " + r.User + " " + string(r.Fingerprint) + "\n")
	}
	for _, secret := range []string{docToken1, docToken2, docToken3, docToken4, minted, fresh, strings.Repeat("ab12", 32), "alice-pass"} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("log contains secret %s", finding.Redact(secret))
		}
		if strings.Contains(records.String(), secret) {
			t.Errorf("request records contain secret %s", finding.Redact(secret))
		}
	}
	if !strings.Contains(logs.String(), "path=/execute/Tokens/list") {
		t.Errorf("log does not record requests at all:\n%s", logs.String())
	}
	reqs := f.Requests()
	if last := reqs[len(reqs)-2]; last.Fingerprint != finding.FingerprintOf(docToken1) || last.Auth != "cpanel" {
		t.Errorf("request record = %+v, want alice's token fingerprint", last)
	}
}

func TestManualClock(t *testing.T) {
	c := NewManualClock(t0)
	c.Advance(time.Hour)
	if !c.Now().Equal(t0.Add(time.Hour)) {
		t.Errorf("Now = %v", c.Now())
	}
	c.Set(t0)
	if !c.Now().Equal(t0) {
		t.Errorf("Set: Now = %v", c.Now())
	}
}
