package cpanel

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// ErrIncompleteTarget means the client was asked to talk to a target without a host or a user:
// it never guesses either, because a guessed host is a third party and a token sent there leaks.
var ErrIncompleteTarget = errors.New("incomplete target")

// ErrNotSupported means the call does not exist for the token's kind (e.g. a value-to-name lookup
// for a cPanel token: only WHM offers one).
var ErrNotSupported = errors.New("not supported for this kind of token")

// RefusedError is the server refusing the credentials at the HTTP level (401 or 403), which is
// how cPanel and WHM answer a wrong, revoked or expired token.
type RefusedError struct {
	Status int
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("the server refused the token (HTTP %d %s)", e.Status, http.StatusText(e.Status))
}

// StatusError is an HTTP status the call did not expect.
type StatusError struct {
	Status int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("unexpected HTTP status %d %s", e.Status, http.StatusText(e.Status))
}

// RedirectError is a redirect, which the client never follows: it would carry the token to a
// place the user did not name, and an API that redirects is usually sending a login page.
type RedirectError struct {
	Status   int
	Location string // without query string
}

func (e *RedirectError) Error() string {
	return fmt.Sprintf("unexpected redirect (HTTP %d) to %q, not followed: session expired / login page, not JSON", e.Status, e.Location)
}

// HTMLError is an HTML page where JSON was expected.
type HTMLError struct {
	Title     string
	LoginPage bool
}

func (e *HTMLError) Error() string {
	what := "an HTML page"
	if e.Title != "" {
		what += fmt.Sprintf(" (%q)", e.Title)
	}
	if e.LoginPage {
		return "got " + what + " where JSON was expected: session expired / login page, not JSON"
	}
	return "got " + what + " where JSON was expected (a proxy or error page?), not JSON"
}

// APIError is a function that ran and reported failure in its envelope (UAPI status 0, WHM
// metadata.result 0). The credentials were accepted.
type APIError struct {
	Messages []string
}

func (e *APIError) Error() string {
	if len(e.Messages) == 0 {
		return "the API reported failure without a reason"
	}
	return "the API reported failure: " + strings.Join(e.Messages, "; ")
}

// TLSError is a certificate the client would not trust. It is never retried: the certificate will
// be the same next time.
type TLSError struct {
	Host string
	Err  error
}

func (e *TLSError) Error() string {
	return fmt.Sprintf("TLS certificate of %s not trusted (%v); the token was not sent. Add its CA with --ca-file, or opt this host out with --insecure-hosts", e.Host, e.Err)
}

func (e *TLSError) Unwrap() error { return e.Err }
