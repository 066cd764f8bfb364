package cpanel

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// The posture audit (scanner/audit) reads the server's answers as they arrived: it has its own
// lenient reader, shared with the browser extension, and needs fields (WHM acls and
// whitelist_ips) that ListTokens leaves out. These calls return the data of an answer unparsed,
// after the same checks as every other call (status, HTML, envelope, failure).

// TokenListData returns the data of Tokens::list (cPanel) or api_token_list (WHM) for the account
// secret authenticates as.
func (c *Client) TokenListData(ctx context.Context, t finding.Target, secret string) (json.RawMessage, error) {
	var (
		data json.RawMessage
		err  error
	)
	if t.Kind == finding.KindWHM {
		var env *WHMResponse
		if env, err = c.whmCall(ctx, t, secret, "api_token_list", nil); err == nil {
			data = env.Data
		}
	} else {
		data, err = c.uapiData(ctx, t, secret, "Tokens", "list")
	}
	if err != nil {
		return nil, fmt.Errorf("listing %s tokens of %s@%s: %w", t.Kind, t.User, t.Host, err)
	}
	return data, nil
}

// FeatureListData returns the data of Features::list_features ({feature: 1|0}), what the cPanel
// account can use and so what a full-access token of it can reach. WHM has no such call.
func (c *Client) FeatureListData(ctx context.Context, t finding.Target, secret string) (json.RawMessage, error) {
	if t.Kind == finding.KindWHM {
		return nil, ErrNotSupported
	}
	data, err := c.uapiData(ctx, t, secret, "Features", "list_features")
	if err != nil {
		return nil, fmt.Errorf("listing the account features of %s@%s: %w", t.User, t.Host, err)
	}
	return data, nil
}

// uapiData calls a UAPI function without parameters and returns its data. A status 0 answer
// comes back as *APIError.
func (c *Client) uapiData(ctx context.Context, t finding.Target, secret, module, fn string) (json.RawMessage, error) {
	name := module + "::" + fn
	a, err := c.post(ctx, t, secret, "/execute/"+module+"/"+fn, nil)
	if err != nil {
		return nil, err
	}
	if err := expectJSON(a); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	env, err := ParseUAPI(a.body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := env.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return env.Data, nil
}
