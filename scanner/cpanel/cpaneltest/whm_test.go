package cpaneltest

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

func TestWHMAuthentication(t *testing.T) {
	f := newFixture(t, Options{})
	hash := strings.Repeat("ab12", 32)
	tests := []struct {
		name string
		auth string
		want int
	}{
		{"token", whmAuth("root", docToken3), 200},
		{"access hash", "WHM root:" + hash, 200},
		{"access hash with whitespace from line breaks", "WHM root:" + hash[:60] + " " + hash[60:], 200},
		{"wrong access hash", "WHM root:" + strings.Repeat("cd34", 32), 401},
		{"basic password", "Basic cm9vdDpyb290LXBhc3M=", 200},
		{"cPanel token on the WHM port", cpAuth("alice", docToken1), 401},
		{"unknown token", whmAuth("root", docToken2), 401},
		{"token of another WHM user", whmAuth("reseller1", docToken3), 401},
		{"none", "", 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if res := f.whm(t, tt.auth, "version", nil); res.status != tt.want {
				t.Errorf("HTTP %d, want %d: %s", res.status, tt.want, res.body)
			}
		})
	}
}

func TestWHMTokenLifecycle(t *testing.T) {
	f := newFixture(t, Options{})
	reseller := f.MustMint(t, TokenSpec{Kind: finding.KindWHM, User: "reseller1", Name: "main"})
	auth := whmAuth("reseller1", reseller)

	type created struct {
		Data whmTokenWithList `json:"data"`
		Meta whmMetadata      `json:"metadata"`
	}
	var c created
	res := f.whm(t, auth, "api_token_create", url.Values{"token_name": {"ci"}, "acl-1": {"create-acct"},
		"acl-0": {"list-accts"}, "whitelist_ip-0": {"127.0.0.1"}, "whitelist_ip-1": {"192.0.2.0/24"}})
	must(t, json.Unmarshal(res.body, &c))
	if c.Meta.Result != 1 || len(c.Data.Token) != 32 || strings.Join(c.Data.ACLs, ",") != "create-acct,list-accts" {
		t.Fatalf("create: %s", res.body)
	}
	ciAuth := whmAuth("reseller1", c.Data.Token)

	// get_details is the value-to-name lookup, for the calling user's own tokens only.
	var d struct {
		Data *whmToken `json:"data"`
	}
	must(t, json.Unmarshal(f.whm(t, ciAuth, "api_token_get_details", url.Values{"token": {c.Data.Token}}).body, &d))
	if d.Data == nil || d.Data.Name != "ci" || d.Data.ACLs["list-accts"] != 1 || d.Data.WhitelistIPs[1] != "192.0.2.0/24" {
		t.Errorf("get_details = %+v", d.Data)
	}
	must(t, json.Unmarshal(f.whm(t, whmAuth("root", docToken3), "api_token_get_details", url.Values{"token": {c.Data.Token}}).body, &d))
	if d.Data != nil {
		t.Errorf("root saw the reseller's token through get_details: %+v", d.Data)
	}

	// A privilege the reseller lacks cannot be handed out.
	if m := f.whm(t, auth, "api_token_create", url.Values{"token_name": {"x"}, "acl": {"kill-acct"}}).json(t)["metadata"].(map[string]any); m["result"] != 0.0 {
		t.Errorf("reseller granted kill-acct: %v", m)
	}
	// Bad whitelist entries and past expiry are refused.
	for _, p := range []url.Values{
		{"token_name": {"x"}, "whitelist_ip": {"300.1.1.1"}},
		{"token_name": {"x"}, "expires_at": {"5"}},
		{"token_name": {"main"}},
	} {
		if m := f.whm(t, auth, "api_token_create", p).json(t)["metadata"].(map[string]any); m["result"] != 0.0 {
			t.Errorf("create %v accepted: %v", p, m)
		}
	}

	// update: rename, narrow, clear the whitelist, set an expiry.
	exp := t0.Add(time.Hour).Unix()
	res = f.whm(t, auth, "api_token_update", url.Values{"token_name": {"ci"}, "new_name": {"ci2"},
		"acl-0": {"list-accts"}, "whitelist_ip": {"any"}, "expires_at": {jsonInt(exp)}})
	var u created
	must(t, json.Unmarshal(res.body, &u))
	if u.Meta.Result != 1 || u.Data.Name != "ci2" || len(u.Data.ACLs) != 1 || u.Data.WhitelistIPs != nil ||
		u.Data.ExpiresAt == nil || *u.Data.ExpiresAt != exp {
		t.Errorf("update: %s", res.body)
	}

	// Listing shows every privilege of the reseller with 0/1.
	var l struct {
		Data struct {
			Tokens map[string]whmToken `json:"tokens"`
		} `json:"data"`
	}
	must(t, json.Unmarshal(f.whm(t, auth, "api_token_list", nil).body, &l))
	if got := l.Data.Tokens["ci2"].ACLs; got["list-accts"] != 1 || got["create-acct"] != 0 || len(got) != 2 {
		t.Errorf("list acls = %v", got)
	}

	// Expiry makes get_details answer null and the token refused; it stays listed.
	f.clock.Advance(2 * time.Hour)
	if res := f.whm(t, ciAuth, "version", nil); res.status != 401 {
		t.Errorf("expired WHM token: HTTP %d, want 401", res.status)
	}
	must(t, json.Unmarshal(f.whm(t, auth, "api_token_get_details", url.Values{"token": {c.Data.Token}}).body, &d))
	if d.Data != nil {
		t.Errorf("get_details of an expired token = %+v, want null", d.Data)
	}
	// Revoke several at once with token_name-N; one missing name fails the call.
	res = f.whm(t, auth, "api_token_revoke", url.Values{"token_name-0": {"ci2"}, "token_name-1": {"ghost"}})
	if m := res.json(t)["metadata"].(map[string]any); m["result"] != 0.0 || !strings.Contains(m["reason"].(string), "ghost") {
		t.Errorf("revoke with a missing name: %s", res.body)
	}
	if names := f.Tokens(finding.KindWHM, "reseller1"); len(names) != 1 || names[0].Name != "main" {
		t.Errorf("after revoke: %+v", names)
	}
}

func TestWHMWhitelist(t *testing.T) {
	f := newFixture(t, Options{})
	inside := f.MustMint(t, TokenSpec{Kind: finding.KindWHM, User: "root", Name: "local", WhitelistIPs: []string{"127.0.0.0/8"}})
	outside := f.MustMint(t, TokenSpec{Kind: finding.KindWHM, User: "root", Name: "office", WhitelistIPs: []string{"203.0.113.7"}})
	if res := f.whm(t, whmAuth("root", inside), "version", nil); res.status != 200 {
		t.Errorf("whitelisted address refused: %d", res.status)
	}
	if res := f.whm(t, whmAuth("root", outside), "version", nil); res.status != 403 {
		t.Errorf("address outside the whitelist: HTTP %d, want 403", res.status)
	}
}

func TestWHMNeedsAPIVersion1(t *testing.T) {
	f := newFixture(t, Options{})
	res := do(t, f.Client(), "GET", f.WHMURL()+"/json-api/version", whmAuth("root", docToken3), nil)
	if m := res.json(t)["metadata"].(map[string]any); m["result"] != 0.0 {
		t.Errorf("call without api.version=1 succeeded: %s", res.body)
	}
}
