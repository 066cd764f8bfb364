package cpanel

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// Token is what a server tells about one of its tokens: never the value.
type Token struct {
	Name          string
	CreateTime    time.Time // zero if the server did not say
	ExpiresAt     time.Time // zero: never expires
	HasFullAccess bool      // cPanel: full access; WHM tokens are always reported true
	Features      []string  // cPanel limited-access tokens: the features they may use
}

// ExpiredAt reports whether the token had expired at now.
func (t Token) ExpiredAt(now time.Time) bool {
	return !t.ExpiresAt.IsZero() && !now.Before(t.ExpiresAt)
}

// Verify says whether the server accepts secret for t: Live, Dead (refused with 401/403), or
// Unknown with the error that kept it from answering. A call that ran and failed inside its
// envelope (UAPI status 0, e.g. an account without the apitokens feature) still proves the token
// was accepted, so it is Live.
func (c *Client) Verify(ctx context.Context, t finding.Target, secret string) (finding.State, error) {
	var err error
	switch t.Kind {
	case finding.KindWHM:
		_, err = c.whmVersion(ctx, t, secret)
	default:
		_, err = c.uapiTokensList(ctx, t, secret)
	}
	var refused *RefusedError
	var apiErr *APIError
	switch {
	case err == nil, errors.As(err, &apiErr):
		return finding.StateLive, nil
	case errors.As(err, &refused):
		return finding.StateDead, nil
	}
	return finding.StateUnknown, fmt.Errorf("verifying %s token for %s@%s: %w", t.Kind, t.User, t.Host, err)
}

// ListTokens lists the tokens of the account secret authenticates as, oldest first as the
// server returns them.
func (c *Client) ListTokens(ctx context.Context, t finding.Target, secret string) ([]Token, error) {
	var (
		list []Token
		err  error
	)
	if t.Kind == finding.KindWHM {
		list, err = c.whmTokenList(ctx, t, secret)
	} else {
		list, err = c.uapiTokensList(ctx, t, secret)
	}
	if err != nil {
		return nil, fmt.Errorf("listing %s tokens of %s@%s: %w", t.Kind, t.User, t.Host, err)
	}
	return list, nil
}

// TokenDetails is WHM's value-to-name lookup (api_token_get_details), the only exact one an API
// offers. It returns nil, nil when the server does not know the value. For cPanel tokens it
// returns ErrNotSupported.
func (c *Client) TokenDetails(ctx context.Context, t finding.Target, secret string) (*Token, error) {
	if t.Kind != finding.KindWHM {
		return nil, ErrNotSupported
	}
	tok, err := c.whmTokenDetails(ctx, t, secret)
	if err != nil {
		return nil, fmt.Errorf("looking up the name of a whm token of %s@%s: %w", t.User, t.Host, err)
	}
	return tok, nil
}

// Revoke revokes the token called name in the account secret authenticates as. Success means the
// server said so; only a re-check of the leaked value (Verify) proves it is gone.
func (c *Client) Revoke(ctx context.Context, t finding.Target, secret, name string) error {
	var err error
	if t.Kind == finding.KindWHM {
		err = c.whmRevoke(ctx, t, secret, name)
	} else {
		err = c.uapiRevoke(ctx, t, secret, name)
	}
	if err != nil {
		return fmt.Errorf("revoking %s token %q of %s@%s: %w", t.Kind, name, t.User, t.Host, err)
	}
	return nil
}
