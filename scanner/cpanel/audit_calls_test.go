package cpanel

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/tokenscan/tokenscan/scanner/cpanel/cpaneltest"
	"github.com/tokenscan/tokenscan/scanner/finding"
)

func TestAuditData(t *testing.T) {
	f := newSim(t, Options{})
	ctx := context.Background()
	alice := f.sim.MustMint(t, cpaneltest.TokenSpec{User: "alice", Name: "deploy"})
	bob := f.sim.MustMint(t, cpaneltest.TokenSpec{User: "bob", Name: "nofeature"})
	root := f.sim.MustMint(t, cpaneltest.TokenSpec{Kind: finding.KindWHM, User: "root", Name: "billing",
		ACLs: []string{"list-accts"}, WhitelistIPs: []string{"127.0.0.1"}})
	cp := targetOf(t, f.sim.CPanelURL(), finding.KindCPanel, "alice")
	whm := targetOf(t, f.sim.WHMURL(), finding.KindWHM, "root")

	list, err := f.client.TokenListData(ctx, cp, alice)
	if err != nil {
		t.Fatal(err)
	}
	var tokens []map[string]any
	if err := json.Unmarshal(list, &tokens); err != nil || len(tokens) != 1 || tokens[0]["name"] != "deploy" {
		t.Fatalf("Tokens::list data = %s (%v)", list, err)
	}
	features, err := f.client.FeatureListData(ctx, cp, alice)
	if err != nil {
		t.Fatal(err)
	}
	var feats map[string]int
	if err := json.Unmarshal(features, &feats); err != nil || feats["apitokens"] != 1 {
		t.Fatalf("Features::list_features data = %s (%v)", features, err)
	}

	// WHM's list keeps what the audit needs and ListTokens drops: acls and whitelist_ips.
	wl, err := f.client.TokenListData(ctx, whm, root)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"billing"`, `"list-accts":1`, `"127.0.0.1"`} {
		if !strings.Contains(string(wl), want) {
			t.Errorf("api_token_list data %s lacks %s", wl, want)
		}
	}
	if _, err := f.client.FeatureListData(ctx, whm, root); !errors.Is(err, ErrNotSupported) {
		t.Errorf("FeatureListData(whm) = %v, want ErrNotSupported", err)
	}

	// The failures the audit command explains: a missing feature, a refused token, a login page.
	bobT := cp
	bobT.User = "bob"
	var apiErr *APIError
	if _, err := f.client.TokenListData(ctx, bobT, bob); !errors.As(err, &apiErr) || !strings.Contains(err.Error(), "apitokens") {
		t.Errorf("account without apitokens: %v, want an *APIError naming the feature", err)
	}
	var refused *RefusedError
	if _, err := f.client.TokenListData(ctx, cp, strings.Repeat("A1", 16)); !errors.As(err, &refused) {
		t.Errorf("unknown token: %v, want *RefusedError", err)
	}
	if _, err := f.sim.SetFault(cpaneltest.Fault{Path: "/execute/Features/list_features", HTML: true}); err != nil {
		t.Fatal(err)
	}
	var page *HTMLError
	if _, err := f.client.FeatureListData(ctx, cp, alice); !errors.As(err, &page) {
		t.Errorf("login page: %v, want *HTMLError", err)
	}
}
