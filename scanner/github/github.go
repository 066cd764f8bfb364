// Package github finds what an organisation-wide scan covers on GitHub or GitHub Enterprise
// Server: the repositories of organisations, users or an explicit list, filtered and ordered, and
// the secret-scanning alerts that become findings. Its transport keeps every client inside
// GitHub's primary and secondary rate limits.
package github

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	gh "github.com/google/go-github/v60/github"
)

// DefaultURL is the web address of public GitHub.
const DefaultURL = "https://github.com"

// Options configure a Client.
type Options struct {
	// URL is GitHub's web address: DefaultURL (or "") for github.com, or the root of a GitHub
	// Enterprise Server such as https://ghe.example.com. The REST API is found from it.
	URL string
	// Token authenticates API calls. It is sent only to the API host derived from URL.
	Token string
	// Base is the transport under the rate-limit transport; nil means http.DefaultTransport.
	Base http.RoundTripper
	// MaxWait is the longest a call waits for a primary rate limit to reset; see Transport.
	MaxWait time.Duration
	// OnWait is told about every rate-limit pause (for progress output); nil for none.
	OnWait func(reason string, d time.Duration)
	// UserAgent names the caller in requests; default "tokenscan".
	UserAgent string
	// AttemptTimeout bounds each request to the API, after any rate-limit wait; see Transport.
	AttemptTimeout time.Duration
	// Now and Sleep are the clock and the waiting of rate-limit pauses; nil means the real ones.
	// Tests replace them.
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
}

// Client talks to one GitHub instance.
type Client struct {
	gh  *gh.Client
	web *url.URL
	api *url.URL
}

// New builds a client for the instance opts.URL names.
func New(opts Options) (*Client, error) {
	web, api, err := Endpoints(opts.URL)
	if err != nil {
		return nil, err
	}
	tr := &Transport{Base: opts.Base, MaxWait: opts.MaxWait, AttemptTimeout: opts.AttemptTimeout, OnWait: opts.OnWait,
		Now: opts.Now, Sleep: opts.Sleep}
	// No Timeout on the client: it would run through the rate-limit waits, which MaxWait lets
	// last longer; the transport times each attempt instead.
	c := gh.NewClient(&http.Client{Transport: hideResetFromGoGitHub{tr}})
	if opts.Token != "" {
		c = c.WithAuthToken(opts.Token)
	}
	c.UserAgent = "tokenscan"
	if opts.UserAgent != "" {
		c.UserAgent = opts.UserAgent
	}
	c.BaseURL = api
	return &Client{gh: c, web: web, api: api}, nil
}

// hideResetFromGoGitHub keeps the rate limit the transport's decision. Once go-github v60 has
// seen an answer with X-RateLimit-Remaining: 0, it refuses every call until the reset itself
// ("not making remote request"), so the transport never gets to wait for the reset within
// MaxWait or stop with a *RateLimitError. v60 offers no way to skip that check (its context key
// is unexported), but it makes it only with a reset time: answers that use up the budget reach it
// without X-RateLimit-Reset, which the transport has already read. A refusal keeps the header,
// so go-github's *RateLimitError names the reset; the transport hands one over only when it
// gave up, and discovery then stops.
type hideResetFromGoGitHub struct{ next http.RoundTripper }

func (h hideResetFromGoGitHub) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := h.next.RoundTrip(req)
	if err == nil && resp.Header.Get("X-RateLimit-Remaining") == "0" &&
		resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusTooManyRequests {
		resp.Header.Del("X-RateLimit-Reset")
	}
	return resp, err
}

// Endpoints derives the web root and the REST API root (with its trailing slash) from a GitHub
// URL. github.com's API lives on api.github.com; a GitHub Enterprise Server's under /api/v3/ of
// the same host. Plain http is accepted only for a loopback host, where a test or a local proxy
// runs: anywhere else it would send the token in the clear.
func Endpoints(raw string) (web, api *url.URL, err error) {
	if raw == "" {
		raw = DefaultURL
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, nil, fmt.Errorf("GitHub URL %q: %w", raw, err)
	}
	if u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return nil, nil, fmt.Errorf("GitHub URL %q: want https://HOST[:PORT], without user, query or fragment", raw)
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !isLoopback(u.Hostname()) {
			return nil, nil, fmt.Errorf("GitHub URL %q: plain http would send the token in the clear; use https (http is allowed only for loopback hosts)", raw)
		}
	default:
		return nil, nil, fmt.Errorf("GitHub URL %q: scheme must be https", raw)
	}
	path := strings.TrimSuffix(strings.TrimSuffix(u.Path, "/"), "/api/v3")
	if path != "" {
		return nil, nil, fmt.Errorf("GitHub URL %q: want the instance's root, not a path in it", raw)
	}
	host := strings.ToLower(u.Host)
	if host == "github.com" || host == "api.github.com" {
		return &url.URL{Scheme: "https", Host: "github.com"}, &url.URL{Scheme: "https", Host: "api.github.com", Path: "/"}, nil
	}
	web = &url.URL{Scheme: u.Scheme, Host: host}
	api = &url.URL{Scheme: u.Scheme, Host: host, Path: "/api/v3/"}
	return web, api, nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// WebURL is the instance's web root, e.g. https://github.com.
func (c *Client) WebURL() string { return c.web.String() }

// CheckCloneURL reports whether a clone URL the API returned points at the instance itself, the
// only place the token may go. A compromised or misconfigured API answer naming another host
// must not make git send the token there.
func (c *Client) CheckCloneURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("clone URL %q: %w", raw, err)
	}
	if u.User != nil {
		return fmt.Errorf("clone URL %q carries credentials; refusing it", u.Redacted())
	}
	if u.Scheme != c.web.Scheme || !strings.EqualFold(u.Host, c.web.Host) {
		return fmt.Errorf("clone URL %s is not on %s; the token is never sent elsewhere", u.Redacted(), c.web)
	}
	return nil
}

// NotFoundError is an organisation, user or repository that does not exist, or that the token
// cannot see (GitHub answers 404 for both, so as not to reveal private names).
type NotFoundError struct {
	Kind, Name string
}

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("%s %q not found (or the token cannot see it)", e.Kind, e.Name)
}

// apiError turns a go-github error into one that says what was being done, naming a 404 and an
// authentication failure plainly.
func apiError(doing, kind, name string, err error) error {
	var er *gh.ErrorResponse
	if errors.As(err, &er) && er.Response != nil {
		switch er.Response.StatusCode {
		case http.StatusNotFound:
			if kind != "" {
				return &NotFoundError{Kind: kind, Name: name}
			}
		case http.StatusUnauthorized:
			return fmt.Errorf("%s: GitHub refused the token (401 %s): check GITHUB_TOKEN or --github-token-file", doing, er.Message)
		case http.StatusForbidden:
			return fmt.Errorf("%s: GitHub refused access (403 %s): the token lacks a scope or permission", doing, er.Message)
		}
		return fmt.Errorf("%s: GitHub answered %d: %s", doing, er.Response.StatusCode, er.Message)
	}
	return fmt.Errorf("%s: %w", doing, err)
}
