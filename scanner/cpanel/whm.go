package cpanel

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// One function per WHM API 1 call: send, check the status, parse, and say what failed.

// whmToken is a token as api_token_list and api_token_get_details describe it; acls and
// whitelist_ips are not needed here and are ignored whatever their shape.
type whmToken struct {
	Name       string  `json:"name"`
	CreateTime flexInt `json:"create_time"`
	ExpiresAt  flexInt `json:"expires_at"`
}

func (w whmToken) token(name string) Token {
	if w.Name != "" {
		name = w.Name
	}
	return Token{Name: name, CreateTime: unixTime(w.CreateTime), ExpiresAt: unixTime(w.ExpiresAt), HasFullAccess: true}
}

// whmCall sends one WHM API 1 function and returns its envelope; result 0 comes back as
// *APIError beside the envelope.
func (c *Client) whmCall(ctx context.Context, t finding.Target, secret, fn string, form url.Values) (*WHMResponse, error) {
	if form == nil {
		form = url.Values{}
	}
	form.Set("api.version", "1")
	a, err := c.post(ctx, t, secret, "/json-api/"+fn, form)
	if err != nil {
		return nil, err
	}
	if err := expectJSON(a); err != nil {
		return nil, fmt.Errorf("%s: %w", fn, err)
	}
	env, err := ParseWHM(a.body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", fn, err)
	}
	if err := env.Err(); err != nil {
		return env, fmt.Errorf("%s: %w", fn, err)
	}
	return env, nil
}

// whmVersion is the cheapest authenticated WHM call, used to verify a WHM token.
func (c *Client) whmVersion(ctx context.Context, t finding.Target, secret string) (string, error) {
	env, err := c.whmCall(ctx, t, secret, "version", nil)
	if err != nil {
		return "", err
	}
	var data struct {
		Version string `json:"version"`
	}
	_ = json.Unmarshal(env.Data, &data) // the version is informational; its absence is no failure
	return data.Version, nil
}

// whmTokenList calls api_token_list: data.tokens is an object keyed by name.
func (c *Client) whmTokenList(ctx context.Context, t finding.Target, secret string) ([]Token, error) {
	env, err := c.whmCall(ctx, t, secret, "api_token_list", nil)
	if err != nil {
		return nil, err
	}
	list, err := parseWHMTokenList(env.Data)
	if err != nil {
		return nil, fmt.Errorf("api_token_list: %w", err)
	}
	return list, nil
}

func parseWHMTokenList(data json.RawMessage) ([]Token, error) {
	var d struct {
		Tokens map[string]whmToken `json:"tokens"`
	}
	if len(data) > 0 && string(data) != "null" {
		if err := json.Unmarshal(data, &d); err != nil {
			return nil, fmt.Errorf("data: want {\"tokens\": {name: token}}: %w", err)
		}
	}
	out := make([]Token, 0, len(d.Tokens))
	for name, w := range d.Tokens {
		if tok := w.token(name); tok.Name != "" {
			out = append(out, tok)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].CreateTime.Equal(out[j].CreateTime) {
			return out[i].CreateTime.Before(out[j].CreateTime)
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

// whmTokenDetails calls api_token_get_details with the value itself (in the form body, never the
// URL). data null means the server does not know the value for this user.
func (c *Client) whmTokenDetails(ctx context.Context, t finding.Target, secret string) (*Token, error) {
	env, err := c.whmCall(ctx, t, secret, "api_token_get_details", url.Values{"token": {cleanSecret(secret)}})
	if err != nil {
		return nil, err
	}
	return parseWHMTokenDetails(env.Data)
}

func parseWHMTokenDetails(data json.RawMessage) (*Token, error) {
	if len(data) == 0 || string(data) == "null" {
		return nil, nil
	}
	var w whmToken
	if err := json.Unmarshal(data, &w); err != nil {
		return nil, fmt.Errorf("api_token_get_details: data: want a token object: %w", err)
	}
	if w.Name == "" {
		return nil, fmt.Errorf("api_token_get_details: data has no name")
	}
	tok := w.token("")
	return &tok, nil
}

// whmRevoke calls api_token_revoke for one name.
func (c *Client) whmRevoke(ctx context.Context, t finding.Target, secret, name string) error {
	_, err := c.whmCall(ctx, t, secret, "api_token_revoke", url.Values{"token_name": {name}})
	return err
}
