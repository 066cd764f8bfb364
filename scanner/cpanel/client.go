package cpanel

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// Defaults for Options.
const (
	DefaultTimeout      = 15 * time.Second
	DefaultRetries      = 3
	DefaultBackoff      = 250 * time.Millisecond
	DefaultPerHostLimit = 4
	maxBackoff          = 5 * time.Second
	// maxAnswerBytes caps what is read of an answer; a token list of thousands of tokens is far
	// below it, and a hostile server cannot make us buffer gigabytes.
	maxAnswerBytes = 8 << 20
)

// Options configure a Client. The zero value is usable: system CA roots, defaults below.
type Options struct {
	// CAFile is a PEM file of extra CA certificates trusted besides the system roots.
	CAFile string
	// RootCAs replaces the system roots (tests); CAFile is still added to it.
	RootCAs *x509.CertPool
	// InsecureHosts are hosts whose certificate is not verified, by the user's explicit choice.
	// Every other host must present a certificate the roots trust.
	InsecureHosts []string
	// Timeout bounds each attempt of a call; default DefaultTimeout.
	Timeout time.Duration
	// Retries is how many times a call is repeated after a network error or a 5xx answer;
	// default DefaultRetries, negative for none.
	Retries int
	// Backoff is the first retry delay, doubled per retry with jitter; default DefaultBackoff.
	Backoff time.Duration
	// PerHostLimit bounds concurrent requests to one host:port; default DefaultPerHostLimit.
	// Hosting servers are shared machines; a scan of an organisation must not hammer one.
	PerHostLimit int
	// Logger receives one debug line per attempt (never a token value); nil discards.
	Logger *slog.Logger
}

// Client talks to cPanel and WHM servers. It is safe for concurrent use.
type Client struct {
	secure, insecure *http.Client
	insecureHosts    map[string]bool
	timeout          time.Duration
	retries          int
	backoff          time.Duration
	perHost          int
	log              *slog.Logger

	mu   sync.Mutex
	sems map[string]chan struct{}
}

// New builds a client. It fails if the CA file cannot be read or holds no certificate.
func New(opts Options) (*Client, error) {
	roots := opts.RootCAs
	if roots == nil {
		var err error
		if roots, err = x509.SystemCertPool(); err != nil || roots == nil {
			roots = x509.NewCertPool()
		}
	} else {
		roots = roots.Clone()
	}
	if opts.CAFile != "" {
		pem, err := os.ReadFile(opts.CAFile)
		if err != nil {
			return nil, fmt.Errorf("reading CA file: %w", err)
		}
		if !roots.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("reading CA file %s: no PEM certificate in it", opts.CAFile)
		}
	}
	c := &Client{
		secure:        newHTTPClient(&tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12}),
		insecure:      newHTTPClient(&tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS12}), //nolint:gosec // per-host opt-in by the user
		insecureHosts: make(map[string]bool),
		timeout:       opts.Timeout,
		retries:       opts.Retries,
		backoff:       opts.Backoff,
		perHost:       opts.PerHostLimit,
		log:           opts.Logger,
		sems:          make(map[string]chan struct{}),
	}
	for _, h := range opts.InsecureHosts {
		if h = normalizeHost(h); h != "" {
			c.insecureHosts[h] = true
		}
	}
	if c.timeout <= 0 {
		c.timeout = DefaultTimeout
	}
	switch {
	case c.retries == 0:
		c.retries = DefaultRetries
	case c.retries < 0:
		c.retries = 0
	}
	if c.backoff <= 0 {
		c.backoff = DefaultBackoff
	}
	if c.perHost <= 0 {
		c.perHost = DefaultPerHostLimit
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	return c, nil
}

func newHTTPClient(tlsConf *tls.Config) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = tlsConf
	tr.Proxy = nil // a proxy from the environment would be a third party holding the token
	tr.MaxIdleConnsPerHost = DefaultPerHostLimit * 2
	return &http.Client{
		Transport: tr,
		// Never follow a redirect: it would carry the Authorization header to a place nobody
		// named, and an API that redirects is sending a login page.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

func normalizeHost(h string) string {
	return strings.TrimSuffix(strings.ToLower(strings.Trim(strings.TrimSpace(h), "[]")), ".")
}

// BaseURL is where the client sends a target's calls: always HTTPS, on the target's port or the
// kind's default. The plain-HTTP ports 2082/2086 are moved to their TLS twins 2083/2087 on the
// same host, because a token must not cross the network in clear text.
func BaseURL(t finding.Target) (string, error) {
	if err := checkTarget(t); err != nil {
		return "", err
	}
	port := t.Port
	switch port {
	case 0:
		port = 2083
		if t.Kind == finding.KindWHM {
			port = 2087
		}
	case 2082:
		port = 2083
	case 2086:
		port = 2087
	}
	return "https://" + net.JoinHostPort(strings.Trim(t.Host, "[]"), strconv.Itoa(port)), nil
}

func checkTarget(t finding.Target) error {
	switch {
	case t.Kind != finding.KindCPanel && t.Kind != finding.KindWHM:
		return fmt.Errorf("%w: kind %q is neither cpanel nor whm", ErrIncompleteTarget, t.Kind)
	case t.Host == "":
		return fmt.Errorf("%w: no host", ErrIncompleteTarget)
	case strings.ContainsAny(t.Host, "/?#@ \t\r\n%\\"):
		return fmt.Errorf("%w: host %q is not a bare host name", ErrIncompleteTarget, t.Host)
	case t.Port < 0 || t.Port > 65535:
		return fmt.Errorf("%w: port %d out of range", ErrIncompleteTarget, t.Port)
	case t.User == "":
		return fmt.Errorf("%w: no %s user (the Authorization header needs one)", ErrIncompleteTarget, t.Kind)
	case strings.ContainsAny(t.User, ": \t\r\n"):
		return fmt.Errorf("%w: user %q is not a %s user name", ErrIncompleteTarget, t.User, t.Kind)
	}
	return nil
}

// cleanSecret removes whitespace, which a header cannot carry: WHM access hashes are often split
// over lines, and cPanel ignores the whitespace in them too.
func cleanSecret(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\r' || r == '\n' {
			return -1
		}
		return r
	}, s)
}

// answer is an HTTP answer read in full: the body was drained and closed where it was read.
type answer struct {
	status   int
	location string
	body     []byte
}

// post sends one API call with retries. Parameters go in a form body, never in the URL, so the
// value lookup (api_token_get_details?token=...) cannot end up in an error message or a log.
// Network errors and 5xx answers are retried with exponential backoff and jitter; everything
// else (including 401/403 and TLS failures) is final at once.
func (c *Client) post(ctx context.Context, t finding.Target, secret, path string, form url.Values) (*answer, error) {
	base, err := BaseURL(t)
	if err != nil {
		return nil, err
	}
	scheme := "cpanel"
	if t.Kind == finding.KindWHM {
		scheme = "whm"
	}
	auth := scheme + " " + t.User + ":" + cleanSecret(secret)
	host := normalizeHost(t.Host)
	hc := c.secure
	if c.insecureHosts[host] {
		hc = c.insecure
	}
	body := form.Encode()
	var lastErr error
	for attempt := 0; attempt <= c.retries; attempt++ {
		if attempt > 0 {
			if err := sleep(ctx, c.delay(attempt)); err != nil {
				return nil, fmt.Errorf("%s%s: %w (after: %v)", base, path, err, lastErr)
			}
		}
		a, err := c.attempt(ctx, hc, base, path, auth, body)
		switch {
		case err == nil && a.status < 500:
			return a, nil
		case err == nil:
			lastErr = &StatusError{Status: a.status}
		default:
			var tlsErr *TLSError
			if errors.As(err, &tlsErr) || ctx.Err() != nil {
				return nil, fmt.Errorf("%s%s: %w", base, path, err)
			}
			lastErr = err
		}
		c.log.Debug("cpanel call failed, may retry", "url", base+path, "attempt", attempt+1, "err", lastErr)
	}
	if c.retries > 0 {
		return nil, fmt.Errorf("%s%s: %w (gave up after %d attempts)", base, path, lastErr, c.retries+1)
	}
	return nil, fmt.Errorf("%s%s: %w", base, path, lastErr)
}

// attempt is one request under the per-host limit and the per-attempt timeout.
func (c *Client) attempt(ctx context.Context, hc *http.Client, base, path, auth, body string) (*answer, error) {
	release, err := c.acquire(ctx, base)
	if err != nil {
		return nil, err
	}
	defer release()
	actx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodPost, base+path, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", auth)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "tokenscan")
	resp, err := hc.Do(req)
	if err != nil {
		return nil, describeTransportError(actx, req.URL.Hostname(), c.timeout, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswerBytes+1))
	if err != nil {
		return nil, describeTransportError(actx, req.URL.Hostname(), c.timeout, err)
	}
	if len(data) > maxAnswerBytes {
		return nil, fmt.Errorf("answer larger than %d bytes", maxAnswerBytes)
	}
	a := &answer{status: resp.StatusCode, body: data}
	if loc, err := resp.Location(); err == nil {
		loc.RawQuery, loc.Fragment, loc.User = "", "", nil
		a.location = loc.String()
	}
	return a, nil
}

// describeTransportError names what went wrong without the URL that *url.Error would print
// (the URL carries no secret here, but the message reads better without repeating it).
func describeTransportError(ctx context.Context, host string, timeout time.Duration, err error) error {
	var uerr *url.Error
	if errors.As(err, &uerr) {
		err = uerr.Err
	}
	var certErr *tls.CertificateVerificationError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var invalid x509.CertificateInvalidError
	if errors.As(err, &certErr) || errors.As(err, &unknownAuth) || errors.As(err, &hostErr) || errors.As(err, &invalid) {
		return &TLSError{Host: host, Err: err}
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("no answer within %s: %w", timeout, context.DeadlineExceeded)
	}
	return err
}

func (c *Client) acquire(ctx context.Context, key string) (func(), error) {
	c.mu.Lock()
	sem, ok := c.sems[key]
	if !ok {
		sem = make(chan struct{}, c.perHost)
		c.sems[key] = sem
	}
	c.mu.Unlock()
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// delay is the wait before retry n (1-based): exponential, capped, with "equal jitter" so that
// many clients retrying after one outage do not arrive together.
func (c *Client) delay(n int) time.Duration {
	d := c.backoff << (n - 1)
	if d > maxBackoff || d <= 0 {
		d = maxBackoff
	}
	return d/2 + rand.N(d/2+1)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// expectJSON turns an answer into an error unless it is a 200: 401/403 are a refused token,
// 3xx a redirect not followed, anything else a status the call did not expect.
func expectJSON(a *answer) error {
	switch {
	case a.status == http.StatusOK:
		return nil
	case a.status == http.StatusUnauthorized || a.status == http.StatusForbidden:
		return &RefusedError{Status: a.status}
	case a.status >= 300 && a.status < 400:
		return &RedirectError{Status: a.status, Location: a.location}
	}
	if h := detectHTML(a.body); h != nil {
		return fmt.Errorf("%w: %w", &StatusError{Status: a.status}, h)
	}
	return &StatusError{Status: a.status}
}

// CloseIdleConnections closes kept-alive connections, e.g. before the servers go away.
func (c *Client) CloseIdleConnections() {
	c.secure.CloseIdleConnections()
	c.insecure.CloseIdleConnections()
}
