package cpanel

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// One function per UAPI call: send, check the status, parse, and say what failed.

// uapiToken is one entry of Tokens::list; unknown keys (whitelist_ips, ...) are ignored.
type uapiToken struct {
	Name          string      `json:"name"`
	CreateTime    flexInt     `json:"create_time"`
	ExpiresAt     flexInt     `json:"expires_at"`
	HasFullAccess *flexBool   `json:"has_full_access"`
	Features      flexStrings `json:"features"`
}

// uapiTokensList calls Tokens::list. A status 0 answer comes back as *APIError: the token was
// accepted, the function refused (e.g. the account lacks the apitokens feature).
func (c *Client) uapiTokensList(ctx context.Context, t finding.Target, secret string) ([]Token, error) {
	a, err := c.post(ctx, t, secret, "/execute/Tokens/list", nil)
	if err != nil {
		return nil, err
	}
	if err := expectJSON(a); err != nil {
		return nil, fmt.Errorf("Tokens::list: %w", err)
	}
	env, err := ParseUAPI(a.body)
	if err != nil {
		return nil, fmt.Errorf("Tokens::list: %w", err)
	}
	if err := env.Err(); err != nil {
		return nil, fmt.Errorf("Tokens::list: %w", err)
	}
	list, err := parseUAPITokenList(env.Data)
	if err != nil {
		return nil, fmt.Errorf("Tokens::list: %w", err)
	}
	return list, nil
}

// parseUAPITokenList reads the data of Tokens::list: an array of tokens (null is empty).
func parseUAPITokenList(data json.RawMessage) ([]Token, error) {
	var raw []uapiToken
	if len(data) > 0 {
		if err := json.Unmarshal(data, &raw); err != nil {
			return nil, fmt.Errorf("data: want an array of tokens: %w", err)
		}
	}
	out := make([]Token, 0, len(raw))
	for i, r := range raw {
		if r.Name == "" {
			return nil, fmt.Errorf("data[%d]: token without a name", i)
		}
		full := r.HasFullAccess == nil || bool(*r.HasFullAccess)
		out = append(out, Token{Name: r.Name, CreateTime: unixTime(r.CreateTime), ExpiresAt: unixTime(r.ExpiresAt),
			HasFullAccess: full, Features: r.Features})
	}
	return out, nil
}

// uapiRevoke calls Tokens::revoke. Its data (1 removed, 0 not found on v120) is not trusted
// either way: the caller re-verifies the leaked value.
func (c *Client) uapiRevoke(ctx context.Context, t finding.Target, secret, name string) error {
	a, err := c.post(ctx, t, secret, "/execute/Tokens/revoke", url.Values{"name": {name}})
	if err != nil {
		return err
	}
	if err := expectJSON(a); err != nil {
		return fmt.Errorf("Tokens::revoke: %w", err)
	}
	env, err := ParseUAPI(a.body)
	if err != nil {
		return fmt.Errorf("Tokens::revoke: %w", err)
	}
	if err := env.Err(); err != nil {
		return fmt.Errorf("Tokens::revoke: %w", err)
	}
	return nil
}
