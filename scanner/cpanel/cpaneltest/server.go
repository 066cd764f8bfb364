package cpaneltest

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// Service is one of the two APIs a cPanel & WHM server exposes on separate ports.
type Service string

const (
	ServiceCPanel Service = "cpanel" // UAPI and API 2, ports 2083 (TLS) and 2082
	ServiceWHM    Service = "whm"    // WHM API 1, ports 2087 (TLS) and 2086
)

// Options configure a simulator. The zero value is usable: wall clock, no users, no logging.
type Options struct {
	// Clock drives token expiry and sessions; nil means the wall clock.
	Clock Clock
	// Logger receives one line per request (never a token value); nil discards.
	Logger *slog.Logger
	// Hostnames are added to the server certificate besides 127.0.0.1, ::1 and localhost.
	Hostnames []string
	// LimitedAccessTokens simulates an older server where cPanel tokens may have
	// has_full_access 0 and a feature list, and calls outside that list are refused.
	LimitedAccessTokens bool
	// SessionTTL is the idle lifetime of a browser session; default one hour.
	SessionTTL time.Duration
	// Version is what WHM's version function reports; default "11.120.0.17".
	Version string
	// FaultSeed seeds the randomness of fault error rates; 0 picks a random seed.
	FaultSeed uint64
	// Seed is applied by New.
	Seed *Seed
}

// Endpoint is one listening socket.
type Endpoint struct {
	Service Service
	Mode    TLSMode
	URL     string // scheme://host:port, no trailing slash
}

// Sim is a running simulator: state, listeners and the admin API.
type Sim struct {
	opts     Options
	clock    Clock
	log      *slog.Logger
	store    *store
	sessions *sessionStore
	faults   *faultSet
	pki      *pki
	requests *requestLog
	closing  chan struct{}

	mu        sync.Mutex
	servers   []*http.Server
	endpoints []Endpoint
	closed    bool
}

// New builds a simulator and applies opts.Seed. It opens no sockets: call Listen, or use
// Handler with a server of your own.
func New(opts Options) (*Sim, error) {
	if opts.Clock == nil {
		opts.Clock = SystemClock()
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.SessionTTL <= 0 {
		opts.SessionTTL = time.Hour
	}
	if opts.Version == "" {
		opts.Version = "11.120.0.17"
	}
	hostnames := opts.Hostnames
	limited := opts.LimitedAccessTokens
	if opts.Seed != nil {
		hostnames = append(append([]string(nil), hostnames...), opts.Seed.Hostnames...)
		limited = limited || opts.Seed.LimitedAccessTokens
	}
	p, err := newPKI(hostnames)
	if err != nil {
		return nil, fmt.Errorf("creating simulator certificates: %w", err)
	}
	s := &Sim{
		opts:     opts,
		clock:    opts.Clock,
		log:      opts.Logger,
		store:    newStore(opts.Clock, limited),
		sessions: newSessionStore(opts.Clock, opts.SessionTTL),
		faults:   newFaultSet(opts.FaultSeed),
		pki:      p,
		requests: &requestLog{max: 10000},
		closing:  make(chan struct{}),
	}
	if opts.Seed != nil {
		if err := s.ApplySeed(opts.Seed); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Handler returns the handler of one service, with fault injection and request logging.
func (s *Sim) Handler(svc Service) http.Handler {
	switch svc {
	case ServiceWHM:
		return s.wrap(svc, http.HandlerFunc(s.serveWHM))
	default:
		return s.wrap(ServiceCPanel, http.HandlerFunc(s.serveCPanel))
	}
}

// Listen opens a listener for svc on addr (e.g. "127.0.0.1:0") speaking mode and serves it until
// Close.
func (s *Sim) Listen(svc Service, mode TLSMode, addr string) (Endpoint, error) {
	if svc != ServiceCPanel && svc != ServiceWHM {
		return Endpoint{}, fmt.Errorf("listening: unknown service %q", svc)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return Endpoint{}, fmt.Errorf("listening for %s on %s: %w", svc, addr, err)
	}
	scheme := "http"
	if mode != TLSOff {
		cert, ok := s.pki.certs[mode]
		if !ok {
			ln.Close()
			return Endpoint{}, fmt.Errorf("listening for %s: unknown TLS mode %q", svc, mode)
		}
		ln = tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12})
		scheme = "https"
	}
	srv := &http.Server{
		Handler:           s.Handler(svc),
		ReadHeaderTimeout: 10 * time.Second,
		// Clients that reject our deliberately bad certificates make the server log handshake
		// errors; they are expected, so they go to the debug level.
		ErrorLog: log.New(slogWriter{s.log}, "", 0),
	}
	ep := Endpoint{Service: svc, Mode: mode, URL: scheme + "://" + ln.Addr().String()}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		ln.Close()
		return Endpoint{}, errors.New("listening: simulator is closed")
	}
	s.servers = append(s.servers, srv)
	s.endpoints = append(s.endpoints, ep)
	s.mu.Unlock()
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Error("serving", "service", svc, "url", ep.URL, "err", err)
		}
	}()
	return ep, nil
}

type slogWriter struct{ log *slog.Logger }

func (w slogWriter) Write(p []byte) (int, error) {
	w.log.Debug(strings.TrimSpace(string(p)))
	return len(p), nil
}

// Endpoints lists the open listeners in the order they were opened.
func (s *Sim) Endpoints() []Endpoint {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Endpoint(nil), s.endpoints...)
}

// URL returns the base URL of the first listener for svc in mode, or "" if there is none.
func (s *Sim) URL(svc Service, mode TLSMode) string {
	for _, ep := range s.Endpoints() {
		if ep.Service == svc && ep.Mode == mode {
			return ep.URL
		}
	}
	return ""
}

// CPanelURL is the HTTPS cPanel base URL (the simulated port 2083).
func (s *Sim) CPanelURL() string { return s.URL(ServiceCPanel, TLSOn) }

// WHMURL is the HTTPS WHM base URL (the simulated port 2087).
func (s *Sim) WHMURL() string { return s.URL(ServiceWHM, TLSOn) }

// Close stops every listener, releasing requests held by Hang faults first.
func (s *Sim) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	close(s.closing)
	servers := s.servers
	s.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var errs []error
	for _, srv := range servers {
		if err := srv.Shutdown(ctx); err != nil {
			errs = append(errs, err)
			srv.Close()
		}
	}
	return errors.Join(errs...)
}

// CAPEM is the PEM of the CA that signs the simulator's trusted certificates.
func (s *Sim) CAPEM() []byte { return append([]byte(nil), s.pki.caPEM...) }

// WriteCA writes the CA PEM to path for clients in other processes.
func (s *Sim) WriteCA(path string) error {
	if err := os.WriteFile(path, s.pki.caPEM, 0o644); err != nil {
		return fmt.Errorf("writing simulator CA: %w", err)
	}
	return nil
}

// CertPool is a pool holding only the simulator's CA.
func (s *Sim) CertPool() *x509.CertPool { return s.pki.pool.Clone() }

// Transport is a fresh transport that trusts the simulator's CA and nothing else.
func (s *Sim) Transport() *http.Transport {
	return &http.Transport{
		TLSClientConfig:   &tls.Config{RootCAs: s.CertPool(), MinVersion: tls.VersionTLS12},
		ForceAttemptHTTP2: true,
	}
}

// Client is an HTTP client that trusts the simulator's CA. It follows redirects and keeps no
// cookies; give it a Jar for browser-like use.
func (s *Sim) Client() *http.Client { return &http.Client{Transport: s.Transport()} }

// Request is one request as the simulator saw it. It holds a fingerprint (sha256) of any token
// presented, never the token.
type Request struct {
	Time        time.Time
	Service     Service
	Method      string
	Path        string // without the query string, which may carry a token
	Auth        string // cpanel, whm, accesshash, basic, session or "" for none
	User        string
	Fingerprint finding.Fingerprint
	Status      int
}

type requestLog struct {
	mu   sync.Mutex
	max  int
	reqs []Request
}

func (l *requestLog) add(r Request) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.reqs) >= l.max {
		l.reqs = append(l.reqs[:0], l.reqs[len(l.reqs)-l.max+1:]...)
	}
	l.reqs = append(l.reqs, r)
}

// Requests returns the requests served so far (the last 10000), oldest first.
func (s *Sim) Requests() []Request {
	s.requests.mu.Lock()
	defer s.requests.mu.Unlock()
	return append([]Request(nil), s.requests.reqs...)
}

// ResetRequests forgets the recorded requests.
func (s *Sim) ResetRequests() {
	s.requests.mu.Lock()
	s.requests.reqs = nil
	s.requests.mu.Unlock()
}

type reqInfoKey struct{}

// statusWriter remembers the status for the request log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// tokenLike finds anything shaped like a token so that it can be masked in logged paths.
var tokenLike = regexp.MustCompile(`[0-9A-Z]{32}`)

func redactTokens(s string) string {
	return tokenLike.ReplaceAllStringFunc(s, finding.Redact)
}

// wrap adds what every request goes through: faults first (they model the network and the
// front end), then the handler, then one log line and one Request record.
func (s *Sim) wrap(svc Service, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		info := &Request{Time: s.clock.Now(), Service: svc, Method: r.Method, Path: redactTokens(r.URL.Path)}
		sw := &statusWriter{ResponseWriter: w}
		r = r.WithContext(context.WithValue(r.Context(), reqInfoKey{}, info))
		_, path, _ := splitSessionPath(r.URL.Path)
		d := s.faults.decide(svc, path)
		if !d.apply(sw, r, s.closing) {
			h.ServeHTTP(sw, r)
		}
		info.Status = sw.status
		s.requests.add(*info)
		s.log.Info("request", "service", svc, "method", info.Method, "path", info.Path,
			"status", info.Status, "auth", info.Auth, "user", info.User, "token", info.Fingerprint.Short())
		if d.hang {
			// A hung request never gets an answer, not even the empty 200 that net/http
			// writes for a handler that returns without one.
			panic(http.ErrAbortHandler)
		}
	})
}

func requestInfo(r *http.Request) *Request {
	if info, ok := r.Context().Value(reqInfoKey{}).(*Request); ok {
		return info
	}
	return &Request{}
}

// sessionPath matches /cpsess + exactly 10 digits at the start of a path.
var sessionPath = regexp.MustCompile(`^/cpsess(\d{10})(/.*)?$`)

// splitSessionPath returns the session id and the rest of the path; for a path without a
// session prefix it returns the path unchanged and ok false.
func splitSessionPath(p string) (id, rest string, ok bool) {
	m := sessionPath.FindStringSubmatch(p)
	if m == nil {
		return "", p, false
	}
	rest = m[2]
	if rest == "" {
		rest = "/"
	}
	return m[1], rest, true
}

func writeText(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	io.WriteString(w, msg+"\n")
}
