package cpaneltest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// t0 is the simulator's start time in tests: fixed, so expiry arithmetic is exact.
var t0 = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

// Values printed in cPanel's docs; never real tokens.
const (
	docToken1 = "JPQNSRU0DH448UJLGXH7KVJECC5QN9N9"
	docToken2 = "U7HMR63FGY292DQZ4H5BFH16JLYMO01M"
	docToken3 = "U7HMR63FHY282DQZ4H5BIH16JLYSO01M"
	docToken4 = "GVJWD78FF12NMBFKYKPS9BJ483C0XSQH"
)

type fixture struct {
	*Sim
	clock *ManualClock
}

// newFixture starts a simulator with alice (all features, token docToken1 named "deploy"),
// bob (no apitokens feature, token docToken4), root (token docToken3) and a reseller.
func newFixture(t *testing.T, opts Options) fixture {
	t.Helper()
	clock := NewManualClock(t0)
	opts.Clock = clock
	s := StartTest(t, opts)
	must(t, s.AddAccount(Account{User: "alice", Password: "alice-pass"}))
	must(t, s.AddAccount(Account{User: "bob", Password: "bob-pass", DisabledFeatures: []string{"apitokens"}}))
	must(t, s.AddWHMUser(WHMUser{User: "root", Password: "root-pass", AccessHash: strings.Repeat("ab12", 32)}))
	must(t, s.AddWHMUser(WHMUser{User: "reseller1", Password: "res-pass", ACLs: []string{"list-accts", "create-acct"}}))
	must(t, s.SeedToken(TokenSpec{User: "alice", Name: "deploy", Value: docToken1, CreateTime: t0.Add(-48 * time.Hour)}))
	must(t, s.SeedToken(TokenSpec{User: "bob", Name: "bobs", Value: docToken4}))
	must(t, s.SeedToken(TokenSpec{Kind: finding.KindWHM, User: "root", Name: "billing", Value: docToken3}))
	return fixture{Sim: s, clock: clock}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) json(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("answer is not JSON (status %d): %v\n%s", r.status, err, r.body)
	}
	return m
}

// do sends one request. POST sends params as a form body, GET as the query string.
func do(t testing.TB, c *http.Client, method, rawURL, auth string, params url.Values, cookies ...*http.Cookie) response {
	t.Helper()
	var body io.Reader
	if method == http.MethodPost {
		body = strings.NewReader(params.Encode())
	} else if len(params) > 0 {
		rawURL += "?" + params.Encode()
	}
	req, err := http.NewRequest(method, rawURL, body)
	if err != nil {
		t.Fatal(err)
	}
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	for _, ck := range cookies {
		req.AddCookie(ck)
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, rawURL, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{status: res.StatusCode, header: res.Header, body: b}
}

func (f fixture) uapi(t testing.TB, auth, fn string, params url.Values) response {
	t.Helper()
	return do(t, f.Client(), http.MethodGet, f.CPanelURL()+"/execute/"+fn, auth, params)
}

func (f fixture) whm(t testing.TB, auth, fn string, params url.Values) response {
	t.Helper()
	if params == nil {
		params = url.Values{}
	}
	params.Set("api.version", "1")
	return do(t, f.Client(), http.MethodGet, f.WHMURL()+"/json-api/"+fn, auth, params)
}

func cpAuth(user, token string) string  { return "cpanel " + user + ":" + token }
func whmAuth(user, token string) string { return "whm " + user + ":" + token }

// noRedirect is a client that shows redirects instead of following them.
func noRedirect(s *Sim) *http.Client {
	c := s.Client()
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return c
}
