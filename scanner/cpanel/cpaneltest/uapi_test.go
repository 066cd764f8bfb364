package cpaneltest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

func TestUAPIAuthentication(t *testing.T) {
	f := newFixture(t, Options{})
	must(t, f.SeedToken(TokenSpec{User: "alice", Name: "expired", Value: docToken2, ExpiresAt: t0.Add(time.Hour)}))
	f.clock.Advance(2 * time.Hour)
	tests := []struct {
		name       string
		auth       string
		wantStatus int
		wantJSON   bool
	}{
		{"valid token", cpAuth("alice", docToken1), 200, true},
		{"scheme is case-insensitive", "CPanel alice:" + docToken1, 200, true},
		{"password via basic auth", "Basic YWxpY2U6YWxpY2UtcGFzcw==", 200, true},
		{"expired token", cpAuth("alice", docToken2), 401, false},
		{"unknown token", cpAuth("alice", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), 401, false},
		{"token of another user", cpAuth("bob", docToken1), 401, false},
		{"unknown user", cpAuth("mallory", docToken1), 401, false},
		{"lower-case value is not a token", cpAuth("alice", strings.ToLower(docToken1)), 401, false},
		{"WHM token on the cPanel port", whmAuth("root", docToken3), 401, false},
		{"no colon", "cpanel alice" + docToken1, 401, false},
		{"no header", "", 401, false},
		{"wrong password", "Basic YWxpY2U6bm9wZQ==", 401, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := f.uapi(t, tt.auth, "Tokens/list", nil)
			if res.status != tt.wantStatus {
				t.Fatalf("HTTP %d, want %d: %s", res.status, tt.wantStatus, res.body)
			}
			isJSON := strings.HasPrefix(res.header.Get("Content-Type"), "application/json")
			if isJSON != tt.wantJSON {
				t.Errorf("Content-Type %q, JSON wanted: %v", res.header.Get("Content-Type"), tt.wantJSON)
			}
		})
	}
}

func TestUAPIRevokedTokenIsRefused(t *testing.T) {
	f := newFixture(t, Options{})
	value := f.MustMint(t, TokenSpec{User: "alice", Name: "leaked"})
	auth := cpAuth("alice", value)
	if res := f.uapi(t, auth, "Tokens/list", nil); res.status != 200 {
		t.Fatalf("fresh token refused: %d", res.status)
	}
	res := f.uapi(t, auth, "Tokens/revoke", url.Values{"name": {"leaked"}})
	if env := res.json(t); env["status"] != 1.0 || env["data"] != 1.0 {
		t.Fatalf("revoke answered %s", res.body)
	}
	if res := f.uapi(t, auth, "Tokens/list", nil); res.status != 401 {
		t.Errorf("revoked token answered HTTP %d, want 401", res.status)
	}
	if f.Valid(finding.KindCPanel, "alice", value) {
		t.Error("admin API still calls the revoked value valid")
	}
}

func TestUAPITokensFunctions(t *testing.T) {
	f := newFixture(t, Options{})
	alice := cpAuth("alice", docToken1)
	future := t0.Add(24 * time.Hour).Unix()
	tests := []struct {
		name      string
		fn        string
		params    url.Values
		wantOK    bool
		wantError string // substring of errors[0]
		wantData  any    // compared when not nil
	}{
		{"create without name", "Tokens/create_full_access", nil, false, "Provide the “name” argument.", nil},
		{"create empty name", "Tokens/create_full_access", url.Values{"name": {""}}, false, "cannot be empty", nil},
		{"create bad characters", "Tokens/create_full_access", url.Values{"name": {"my token"}}, false, "is invalid", nil},
		{"create 51 chars", "Tokens/create_full_access", url.Values{"name": {strings.Repeat("a", 51)}}, false, "is invalid", nil},
		{"create 50 chars", "Tokens/create_full_access", url.Values{"name": {strings.Repeat("a", 50)}}, true, "", nil},
		{"create duplicate", "Tokens/create_full_access", url.Values{"name": {"deploy"}}, false, "already exists", nil},
		{"create past expiry", "Tokens/create_full_access", url.Values{"name": {"p"}, "expires_at": {"1700000000"}}, false, "must be in the future", nil},
		{"create expiry now", "Tokens/create_full_access", url.Values{"name": {"p"}, "expires_at": {"1740830400"}}, false, "must be in the future", nil},
		{"create non-numeric expiry", "Tokens/create_full_access", url.Values{"name": {"p"}, "expires_at": {"tomorrow"}}, false, "whole number", nil},
		{"create expiry 0 is never", "Tokens/create_full_access", url.Values{"name": {"never"}, "expires_at": {"0"}}, true, "", nil},
		{"create future expiry", "Tokens/create_full_access", url.Values{"name": {"soon"}, "expires_at": {jsonInt(future)}}, true, "", nil},
		{"rename", "Tokens/rename", url.Values{"name": {"never"}, "new_name": {"never2"}}, true, "", nil},
		{"rename missing new_name", "Tokens/rename", url.Values{"name": {"never2"}}, false, "new_name", nil},
		{"rename to same", "Tokens/rename", url.Values{"name": {"never2"}, "new_name": {"never2"}}, false, "must differ", nil},
		{"rename to taken", "Tokens/rename", url.Values{"name": {"never2"}, "new_name": {"deploy"}}, false, "already exists", nil},
		{"rename unknown", "Tokens/rename", url.Values{"name": {"ghost"}, "new_name": {"ghost2"}}, false, "does not exist", nil},
		{"rename invalid", "Tokens/rename", url.Values{"name": {"never2"}, "new_name": {"a/b"}}, false, "is invalid", nil},
		{"revoke", "Tokens/revoke", url.Values{"name": {"never2"}}, true, "", 1.0},
		{"revoke again answers 0 (v120)", "Tokens/revoke", url.Values{"name": {"never2"}}, true, "", 0.0},
		{"unknown module", "Nope/list", nil, false, "Failed to load module", nil},
		{"unknown function", "Tokens/create_limited", nil, false, "could not find the function", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := f.uapi(t, alice, tt.fn, tt.params).json(t)
			if ok := env["status"] == 1.0; ok != tt.wantOK {
				t.Fatalf("status %v, want ok=%v: %v", env["status"], tt.wantOK, env)
			}
			if tt.wantError != "" {
				errs, _ := env["errors"].([]any)
				if len(errs) == 0 || !strings.Contains(errs[0].(string), tt.wantError) {
					t.Errorf("errors = %v, want one containing %q", env["errors"], tt.wantError)
				}
				if env["data"] != nil {
					t.Errorf("failed call has data %v, want null", env["data"])
				}
			} else if env["errors"] != nil {
				t.Errorf("successful call has errors %v", env["errors"])
			}
			if tt.wantData != nil && env["data"] != tt.wantData {
				t.Errorf("data = %v, want %v", env["data"], tt.wantData)
			}
		})
	}
}

func jsonInt(n int64) string { b, _ := json.Marshal(n); return string(b) }

func TestUAPICreateReturnsUsableValueOnce(t *testing.T) {
	f := newFixture(t, Options{})
	res := f.uapi(t, cpAuth("alice", docToken1), "Tokens/create_full_access", url.Values{"name": {"new"}})
	var env struct {
		Data struct {
			Token      string `json:"token"`
			CreateTime int64  `json:"create_time"`
		} `json:"data"`
	}
	must(t, json.Unmarshal(res.body, &env))
	if !regexp.MustCompile(`^[0-9A-Z]{32}$`).MatchString(env.Data.Token) {
		t.Fatalf("token %q is not 32 chars of [0-9A-Z]", finding.Redact(env.Data.Token))
	}
	if env.Data.CreateTime != t0.Unix() {
		t.Errorf("create_time = %d, want the simulator clock %d", env.Data.CreateTime, t0.Unix())
	}
	if !strings.Contains(res.header.Get("Cache-Control"), "no-store") {
		t.Errorf("create answer may be cached: Cache-Control %q", res.header.Get("Cache-Control"))
	}
	if r := f.uapi(t, cpAuth("alice", env.Data.Token), "Tokens/list", nil); r.status != 200 {
		t.Errorf("new token refused: HTTP %d", r.status)
	}
	list := f.uapi(t, cpAuth("alice", docToken1), "Tokens/list", nil)
	if strings.Contains(string(list.body), env.Data.Token) {
		t.Error("Tokens::list reveals a token value")
	}
	for _, ti := range f.Tokens(finding.KindCPanel, "alice") {
		if ti.Name == "new" && ti.Hash != finding.CPanelHash(env.Data.Token) {
			t.Error("token not stored under the sha512 of its value")
		}
	}
}

func TestUAPIListKeepsExpiredTokens(t *testing.T) {
	f := newFixture(t, Options{})
	f.MustMint(t, TokenSpec{User: "alice", Name: "short", ExpiresAt: t0.Add(time.Minute)})
	f.clock.Advance(time.Hour)
	var env struct {
		Data []uapiToken `json:"data"`
	}
	must(t, json.Unmarshal(f.uapi(t, cpAuth("alice", docToken1), "Tokens/list", nil).body, &env))
	names := map[string]uapiToken{}
	for _, tk := range env.Data {
		names[tk.Name] = tk
	}
	short, ok := names["short"]
	if !ok {
		t.Fatalf("expired token missing from list: %+v", env.Data)
	}
	if short.ExpiresAt == nil || *short.ExpiresAt != t0.Add(time.Minute).Unix() {
		t.Errorf("expires_at = %v", short.ExpiresAt)
	}
	if d := names["deploy"]; d.ExpiresAt != nil || d.HasFullAccess != 1 || d.Features == nil || len(d.Features) != 0 {
		t.Errorf("never-expiring full-access token listed as %+v", d)
	}
}

func TestUAPIFeatureGates(t *testing.T) {
	f := newFixture(t, Options{LimitedAccessTokens: true})
	limited := f.MustMint(t, TokenSpec{User: "alice", Name: "files-only", Features: []string{"filemanager"}})
	withTokens := f.MustMint(t, TokenSpec{User: "alice", Name: "tokens-ok", Features: []string{"apitokens"}})

	env := f.uapi(t, cpAuth("alice", limited), "Tokens/list", nil).json(t)
	if env["status"] != 0.0 {
		t.Errorf("limited token without apitokens listed tokens: %v", env)
	}
	var list struct {
		Data []uapiToken `json:"data"`
	}
	must(t, json.Unmarshal(f.uapi(t, cpAuth("alice", withTokens), "Tokens/list", nil).body, &list))
	for _, tk := range list.Data {
		if tk.Name == "files-only" && (tk.HasFullAccess != 0 || len(tk.Features) != 1 || tk.Features[0] != "filemanager") {
			t.Errorf("limited token listed as %+v", tk)
		}
	}
	// The Features module needs no feature, so a limited token may still read the list.
	if env := f.uapi(t, cpAuth("alice", limited), "Features/list_features", nil).json(t); env["status"] != 1.0 {
		t.Errorf("Features::list_features refused: %v", env)
	}
	// Switching the account feature off closes the module for every token.
	must(t, f.SetFeature("alice", "apitokens", false))
	if env := f.uapi(t, cpAuth("alice", docToken1), "Tokens/list", nil).json(t); env["status"] != 0.0 {
		t.Errorf("account without apitokens listed tokens: %v", env)
	}
	feats := f.uapi(t, cpAuth("alice", docToken1), "Features/list_features", nil).json(t)["data"].(map[string]any)
	if feats["apitokens"] != 0.0 || feats["filemanager"] != 1.0 {
		t.Errorf("list_features = apitokens:%v filemanager:%v", feats["apitokens"], feats["filemanager"])
	}
}

func TestLimitedTokensNeedTheOption(t *testing.T) {
	f := newFixture(t, Options{})
	if _, err := f.Mint(TokenSpec{User: "alice", Name: "lim", Features: []string{"ftpaccts"}}); err == nil {
		t.Error("a v120 simulator accepted a limited-access token")
	}
}

func TestUAPIPostFormAndQueryMerge(t *testing.T) {
	f := newFixture(t, Options{})
	res := do(t, f.Client(), http.MethodPost, f.CPanelURL()+"/execute/Tokens/create_full_access?expires_at=0",
		cpAuth("alice", docToken1), url.Values{"name": {"posted"}})
	if env := res.json(t); env["status"] != 1.0 {
		t.Fatalf("POST create failed: %s", res.body)
	}
	if res := do(t, f.Client(), http.MethodDelete, f.CPanelURL()+"/execute/Tokens/list", cpAuth("alice", docToken1), nil); res.status != 405 {
		t.Errorf("DELETE answered %d, want 405", res.status)
	}
}

func TestAPI2AndOtherPaths(t *testing.T) {
	f := newFixture(t, Options{})
	alice := cpAuth("alice", docToken1)
	api2 := url.Values{"cpanel_jsonapi_module": {"Email"}, "cpanel_jsonapi_func": {"listpops"}, "cpanel_jsonapi_apiversion": {"2"}}
	res := do(t, f.Client(), http.MethodGet, f.CPanelURL()+"/json-api/cpanel", alice, api2)
	result, _ := res.json(t)["cpanelresult"].(map[string]any)
	if res.status != 200 || result["event"].(map[string]any)["result"] != 1.0 {
		t.Errorf("API 2 with a token: %d %s", res.status, res.body)
	}
	if res := do(t, f.Client(), http.MethodGet, f.CPanelURL()+"/json-api/cpanel", cpAuth("alice", docToken2), api2); res.status != 401 {
		t.Errorf("API 2 with a bad token: HTTP %d, want 401", res.status)
	}
	for _, p := range []string{"/json-api/listaccts", "/xml-api/cpanel", "/frontend/jupiter/index.html", "/cpanel"} {
		if res := do(t, f.Client(), http.MethodGet, f.CPanelURL()+p, alice, nil); res.status != 403 {
			t.Errorf("%s with a valid token: HTTP %d, want 403", p, res.status)
		}
		if res := do(t, f.Client(), http.MethodGet, f.CPanelURL()+p, cpAuth("alice", docToken2), nil); res.status != 401 {
			t.Errorf("%s with an invalid token: HTTP %d, want 401", p, res.status)
		}
	}
}

func TestPlainHTTPListenerServesTheSameAPI(t *testing.T) {
	f := newFixture(t, Options{})
	res := do(t, http.DefaultClient, http.MethodGet, f.URL(ServiceCPanel, TLSOff)+"/execute/Tokens/list", cpAuth("alice", docToken1), nil)
	if res.status != 200 || res.json(t)["status"] != 1.0 {
		t.Errorf("plain HTTP list: %d %s", res.status, res.body)
	}
}
