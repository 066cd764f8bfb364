// Package githubtest is a fake GitHub for tests and the demo: the REST endpoints tokenscan uses,
// shaped like GitHub's published schemas (the authenticated user, repository lists with Link
// pagination, secret-scanning alerts with cursor pagination, rate-limit headers, the error bodies
// of 401, 403, 404 and 422), and real git repositories served over smart HTTP by
// `git http-backend`, behind the same token.
//
// GitHub cannot run here, so this is built to its documented contract and tested against it
// (contract_test.go); tokenscan's own tests then run against it.
package githubtest

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/cgi"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Options configure a fake.
type Options struct {
	// Token is the only credential accepted, by the API (Authorization: Bearer/token) and by
	// git (HTTP Basic, any user name). Required.
	Token string
	// Login is the user the token belongs to: GET /user answers with it, and GET /user/repos
	// lists that user's repositories of every visibility. Default DefaultLogin.
	Login string
	// AppInstallation makes Token a GitHub App installation token, which belongs to no user:
	// GET /user and GET /user/repos answer 403 "Resource not accessible by integration", as on
	// GitHub. Login is then unused.
	AppInstallation bool
	// GitRoot holds the bare repositories as OWNER/NAME.git; default a new temporary directory.
	GitRoot string
	// PageSize caps list pages below GitHub's 100, so small fixtures span several pages.
	PageSize int
	// Now is the clock of rate-limit resets; default time.Now.
	Now func() time.Time
}

// DefaultLogin is the user a fake's token belongs to unless Options.Login names another.
const DefaultLogin = "octocat"

// Server is a running fake.
type Server struct {
	opts    Options
	http    *http.Server
	ln      net.Listener
	url     string
	git     http.Handler
	tmpRoot bool

	mu        sync.Mutex
	owners    map[string]*owner // lower-case login
	repos     map[string]*repo  // lower-case full name
	alerts    []*alert
	requests  []Request
	secondary []int // Retry-After seconds of the next secondary-limit answers
	rate      rateState
	nextID    int64
}

// Request is one request the fake answered.
type Request struct {
	Kind   string // "api" or "git"
	Method string
	Path   string
	Query  string
	Status int
}

type owner struct {
	login string
	id    int64
	kind  string // Organization or User
}

type repo struct {
	spec Repo
	id   int64
}

type alert struct {
	spec   Alert
	number int
	id     int64
}

type rateState struct {
	limit, remaining int
	reset            time.Time
}

// Repo describes a repository of the fake.
type Repo struct {
	Owner      string
	Name       string
	OwnerType  string // Organization (default) or User
	Visibility string // public (default), private or internal
	Archived   bool
	Fork       bool
	Disabled   bool
	PushedAt   time.Time
}

// Alert is a secret-scanning alert of the fake. Number is assigned per repository.
type Alert struct {
	Repo       string // owner/name
	SecretType string // default "cpanel_api_token" (a custom pattern's slug)
	TypeName   string // default "cPanel API token"
	Secret     string
	State      string // open (default) or resolved
	Path       string
	Line       int
	Commit     string
	Blob       string
}

// New starts a fake on a loopback port.
func New(opts Options) (*Server, error) {
	if opts.Token == "" {
		return nil, errors.New("githubtest: a token is required")
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.PageSize <= 0 || opts.PageSize > 100 {
		opts.PageSize = 100
	}
	if opts.Login == "" {
		opts.Login = DefaultLogin
	}
	s := &Server{opts: opts, owners: map[string]*owner{}, repos: map[string]*repo{}, nextID: 1000}
	if !opts.AppInstallation {
		s.AddOwner(opts.Login, "User")
	}
	if s.opts.GitRoot == "" {
		dir, err := os.MkdirTemp("", "githubtest-")
		if err != nil {
			return nil, err
		}
		s.opts.GitRoot, s.tmpRoot = dir, true
	}
	backend, err := gitHTTPBackend()
	if err != nil {
		return nil, err
	}
	s.git = &cgi.Handler{
		Path:   backend,
		Stderr: io.Discard,
		Env:    []string{"GIT_PROJECT_ROOT=" + s.opts.GitRoot, "GIT_HTTP_EXPORT_ALL=1", "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=" + os.DevNull},
	}
	s.ln, err = net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s.url = "http://" + s.ln.Addr().String()
	s.http = &http.Server{Handler: http.HandlerFunc(s.serve), ReadHeaderTimeout: 10 * time.Second}
	go s.http.Serve(s.ln)
	return s, nil
}

// StartTest starts a fake that is closed when the test ends.
func StartTest(tb testing.TB, opts Options) *Server {
	tb.Helper()
	if opts.GitRoot == "" {
		opts.GitRoot = tb.TempDir()
	}
	s, err := New(opts)
	if err != nil {
		tb.Fatalf("starting GitHub fake: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func gitHTTPBackend() (string, error) {
	out, err := exec.Command("git", "--exec-path").Output()
	if err != nil {
		return "", fmt.Errorf("githubtest: finding git's exec path: %w", err)
	}
	p := filepath.Join(strings.TrimSpace(string(out)), "git-http-backend")
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("githubtest: git-http-backend: %w", err)
	}
	return p, nil
}

// URL is the fake's root, to pass as --github-url: the API is under /api/v3/ like GitHub
// Enterprise Server's, and repositories are cloned from URL/OWNER/NAME.git.
func (s *Server) URL() string { return s.url }

// GitRoot is the directory of the bare repositories.
func (s *Server) GitRoot() string { return s.opts.GitRoot }

// Close stops the server and removes a temporary git root.
func (s *Server) Close() error {
	err := s.http.Close()
	if s.tmpRoot {
		os.RemoveAll(s.opts.GitRoot)
	}
	return err
}

// AddRepo creates a repository (an empty bare one, if none exists at its path) and returns the
// bare repository's directory.
func (s *Server) AddRepo(r Repo) (string, error) {
	if r.Owner == "" || r.Name == "" || strings.ContainsAny(r.Owner+r.Name, "/\\") {
		return "", fmt.Errorf("githubtest: bad repository %q/%q", r.Owner, r.Name)
	}
	if r.OwnerType == "" {
		r.OwnerType = "Organization"
	}
	if r.Visibility == "" {
		r.Visibility = "public"
	}
	if r.PushedAt.IsZero() {
		r.PushedAt = s.opts.Now().UTC().Truncate(time.Second)
	}
	dir := filepath.Join(s.opts.GitRoot, r.Owner, r.Name+".git")
	if _, err := os.Stat(filepath.Join(dir, "HEAD")); err != nil {
		if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
			return "", err
		}
		if out, err := exec.Command("git", "init", "-q", "--bare", "-b", "main", dir).CombinedOutput(); err != nil {
			return "", fmt.Errorf("githubtest: git init: %v: %s", err, out)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	key := strings.ToLower(r.Owner)
	if _, ok := s.owners[key]; !ok {
		s.nextID++
		s.owners[key] = &owner{login: r.Owner, id: s.nextID, kind: r.OwnerType}
	}
	s.nextID++
	s.repos[strings.ToLower(r.Owner+"/"+r.Name)] = &repo{spec: r, id: s.nextID}
	return dir, nil
}

// DeleteRepo removes a repository, as deleting it on GitHub does: it leaves the listings and its
// API and git URLs answer 404. (Its bare repository stays on disk.)
func (s *Server) DeleteRepo(fullName string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.repos, strings.ToLower(fullName))
}

// AddOwner makes an organisation (kind "Organization") or user ("User") exist without repositories.
func (s *Server) AddOwner(login, kind string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.owners[strings.ToLower(login)]; !ok {
		s.nextID++
		s.owners[strings.ToLower(login)] = &owner{login: login, id: s.nextID, kind: kind}
	}
}

// Pushed records a push to a repository: its pushed_at becomes now, as on GitHub.
func (s *Server) Pushed(fullName string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r, ok := s.repos[strings.ToLower(fullName)]; ok {
		r.spec.PushedAt = s.opts.Now().UTC().Truncate(time.Second)
	}
}

// AddAlert adds a secret-scanning alert and returns its number.
func (s *Server) AddAlert(a Alert) int {
	if a.SecretType == "" {
		a.SecretType = "cpanel_api_token"
	}
	if a.TypeName == "" {
		a.TypeName = "cPanel API token"
	}
	if a.State == "" {
		a.State = "open"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 1
	for _, o := range s.alerts {
		if strings.EqualFold(o.spec.Repo, a.Repo) {
			n++
		}
	}
	s.nextID++
	s.alerts = append(s.alerts, &alert{spec: a, number: n, id: s.nextID})
	return n
}

// SecondaryLimit makes the next n API requests fail with GitHub's secondary-rate-limit answer,
// 403 with Retry-After: retryAfter seconds.
func (s *Server) SecondaryLimit(n, retryAfter int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := 0; i < n; i++ {
		s.secondary = append(s.secondary, retryAfter)
	}
}

// SetRateLimit sets the primary budget: remaining requests of limit until reset. Each API
// request uses one; at zero GitHub answers 403 until the reset.
func (s *Server) SetRateLimit(limit, remaining int, reset time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rate = rateState{limit: limit, remaining: remaining, reset: reset}
}

// Requests returns the requests answered so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// ResetRequests forgets the requests answered so far.
func (s *Server) ResetRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
}

// statusRecorder remembers the status a handler wrote, for the request log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (w *statusRecorder) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusRecorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	rec := &statusRecorder{ResponseWriter: w}
	kind := "git"
	if strings.HasPrefix(r.URL.Path, "/api/v3/") {
		kind = "api"
		s.serveAPI(rec, r)
	} else {
		s.serveGit(rec, r)
	}
	s.mu.Lock()
	s.requests = append(s.requests, Request{Kind: kind, Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Status: rec.status})
	s.mu.Unlock()
}

// serveGit serves smart HTTP through git http-backend, behind HTTP Basic authentication with the
// token as password, the way GitHub accepts a token from git.
func (s *Server) serveGit(w http.ResponseWriter, r *http.Request) {
	_, pass, ok := r.BasicAuth()
	if !ok || pass != s.opts.Token {
		w.Header().Set("WWW-Authenticate", `Basic realm="GitHub"`)
		http.Error(w, "Invalid username or token. Password authentication is not supported for Git operations.", http.StatusUnauthorized)
		return
	}
	parts := strings.SplitN(strings.TrimPrefix(r.URL.Path, "/"), "/", 3)
	if len(parts) < 3 || !strings.HasSuffix(parts[1], ".git") {
		http.NotFound(w, r)
		return
	}
	s.mu.Lock()
	rp, ok := s.repos[strings.ToLower(parts[0]+"/"+strings.TrimSuffix(parts[1], ".git"))]
	s.mu.Unlock()
	if !ok || rp.spec.Disabled {
		http.Error(w, "Repository not found.", http.StatusNotFound)
		return
	}
	s.git.ServeHTTP(w, r)
}

const docsBase = "https://docs.github.com/rest"

func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-GitHub-Api-Version-Selected", "2022-11-28")
	h.Set("X-GitHub-Request-Id", fmt.Sprintf("FAKE:%d", time.Now().UnixNano()))
	if !s.authorized(r) {
		writeError(w, http.StatusUnauthorized, "Bad credentials", docsBase)
		return
	}
	if r.Method != http.MethodGet {
		writeError(w, http.StatusNotFound, "Not Found", docsBase)
		return
	}
	if wait, limited := s.takeSecondary(); limited {
		h.Set("Retry-After", strconv.Itoa(wait))
		writeError(w, http.StatusForbidden,
			"You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID FAKE.",
			"https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits")
		return
	}
	if !s.takeRate(h) {
		writeError(w, http.StatusForbidden, "API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID FAKE.",
			"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit")
		return
	}
	p := strings.Split(strings.Trim(strings.TrimPrefix(r.URL.Path, "/api/v3"), "/"), "/")
	q := r.URL.Query()
	switch {
	case len(p) == 1 && p[0] == "user":
		s.authenticatedUser(w)
	case len(p) == 2 && p[0] == "user" && p[1] == "repos":
		s.listAuthenticatedUserRepos(w, q)
	case len(p) == 3 && p[0] == "orgs" && p[2] == "repos":
		s.listOrgRepos(w, s.ownerByLogin(p[1]), q)
	case len(p) == 3 && p[0] == "organizations" && p[2] == "repos":
		s.listOrgRepos(w, s.ownerByID(p[1]), q)
	case len(p) == 3 && p[0] == "users" && p[2] == "repos":
		s.listUserRepos(w, p[1], q)
	case len(p) == 3 && p[0] == "repos":
		s.getRepo(w, p[1]+"/"+p[2])
	case len(p) == 4 && p[0] == "orgs" && p[2] == "secret-scanning" && p[3] == "alerts":
		s.listAlerts(w, r, p[1], "", q)
	case len(p) == 5 && p[0] == "repos" && p[3] == "secret-scanning" && p[4] == "alerts":
		s.listAlerts(w, r, "", p[1]+"/"+p[2], q)
	case len(p) == 7 && p[0] == "repos" && p[3] == "secret-scanning" && p[4] == "alerts" && p[6] == "locations":
		s.alertLocations(w, p[1]+"/"+p[2], p[5])
	default:
		writeError(w, http.StatusNotFound, "Not Found", docsBase)
	}
}

func (s *Server) authorized(r *http.Request) bool {
	a := r.Header.Get("Authorization")
	for _, scheme := range []string{"Bearer ", "token "} {
		if strings.HasPrefix(a, scheme) && strings.TrimPrefix(a, scheme) == s.opts.Token {
			return true
		}
	}
	return false
}

func (s *Server) takeSecondary() (int, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.secondary) == 0 {
		return 0, false
	}
	wait := s.secondary[0]
	s.secondary = s.secondary[1:]
	return wait, true
}

// takeRate uses one request of the primary budget and writes the rate-limit headers GitHub sends
// on every answer. It reports whether the request may proceed.
func (s *Server) takeRate(h http.Header) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.opts.Now()
	if s.rate.limit == 0 || !s.rate.reset.After(now) {
		s.rate = rateState{limit: 5000, remaining: 5000, reset: now.Add(time.Hour)}
	}
	ok := s.rate.remaining > 0
	if ok {
		s.rate.remaining--
	}
	h.Set("X-RateLimit-Limit", strconv.Itoa(s.rate.limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(s.rate.remaining))
	h.Set("X-RateLimit-Used", strconv.Itoa(s.rate.limit-s.rate.remaining))
	h.Set("X-RateLimit-Reset", strconv.FormatInt(s.rate.reset.Unix(), 10))
	h.Set("X-RateLimit-Resource", "core")
	return ok
}

func writeError(w http.ResponseWriter, status int, msg, doc string) {
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"message": msg, "documentation_url": doc, "status": strconv.Itoa(status)})
}

func writeJSON(w http.ResponseWriter, v any) {
	json.NewEncoder(w).Encode(v)
}

func (s *Server) ownerByID(id string) *owner {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, o := range s.owners {
		if strconv.FormatInt(o.id, 10) == id {
			return o
		}
	}
	return nil
}

func (s *Server) ownerByLogin(login string) *owner {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.owners[strings.ToLower(login)]
}

// page reads per_page and page as GitHub does: per_page defaults to 30 and is capped at 100.
func (s *Server) page(q url.Values) (per, page int) {
	per, _ = strconv.Atoi(q.Get("per_page"))
	if per <= 0 {
		per = 30
	}
	per = min(per, 100, s.opts.PageSize)
	page, _ = strconv.Atoi(q.Get("page"))
	return per, max(page, 1)
}

// linkHeader writes GitHub's Link header for page-numbered lists.
func (s *Server) linkHeader(w http.ResponseWriter, path string, q url.Values, page, last int) {
	var links []string
	rel := func(n int, name string) {
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		v.Set("page", strconv.Itoa(n))
		links = append(links, fmt.Sprintf(`<%s/api/v3%s?%s>; rel="%s"`, s.url, path, v.Encode(), name))
	}
	if page > 1 {
		rel(page-1, "prev")
	}
	if page < last {
		rel(page+1, "next")
		rel(last, "last")
	}
	if page > 1 {
		rel(1, "first")
	}
	if len(links) > 0 {
		w.Header().Set("Link", strings.Join(links, ", "))
	}
}

const (
	docListOrgRepos       = "https://docs.github.com/rest/repos/repos#list-organization-repositories"
	docListUserRepos      = "https://docs.github.com/rest/repos/repos#list-repositories-for-a-user"
	docListOwnRepos       = "https://docs.github.com/rest/repos/repos#list-repositories-for-the-authenticated-user"
	docGetOwnUser         = "https://docs.github.com/rest/users/users#get-the-authenticated-user"
	msgNotAccessibleByApp = "Resource not accessible by integration"
	msgTypeBesideFilters  = "If you specify visibility or affiliation, you cannot specify type."
)

// listOrgRepos is GET /orgs/{org}/repos: every repository of the organisation the token can see,
// narrowed by ?type= (all, public, private, forks, sources, member), newest first by default.
// Its Link header names the organisation by id, as github.com's does.
func (s *Server) listOrgRepos(w http.ResponseWriter, o *owner, q url.Values) {
	if o == nil || o.kind != "Organization" {
		writeError(w, http.StatusNotFound, "Not Found", docListOrgRepos)
		return
	}
	typ := q.Get("type")
	list := s.ownedRepos(o.login, func(sp Repo) bool {
		switch typ {
		case "public", "private":
			return (sp.Visibility == "public") == (typ == "public")
		case "forks":
			return sp.Fork
		case "sources":
			return !sp.Fork
		}
		return true
	})
	s.writeRepoPage(w, fmt.Sprintf("/organizations/%d/repos", o.id), q, "created", list)
}

// listUserRepos is GET /users/{username}/repos. GitHub lists only public repositories there,
// whoever asks (the user's own token included); ?type= is owner (default), all or member, and
// the fake models no collaborators, so member adds nothing.
func (s *Server) listUserRepos(w http.ResponseWriter, login string, q url.Values) {
	o := s.ownerByLogin(login)
	if o == nil {
		writeError(w, http.StatusNotFound, "Not Found", docListUserRepos)
		return
	}
	var list []*repo
	if q.Get("type") != "member" {
		list = s.ownedRepos(o.login, func(sp Repo) bool { return sp.Visibility == "public" })
	}
	s.writeRepoPage(w, "/users/"+login+"/repos", q, "full_name", list)
}

// listAuthenticatedUserRepos is GET /user/repos: the repositories of the token's user, of every
// visibility, narrowed by ?visibility= and ?affiliation=, or by the older ?type= (which GitHub
// refuses beside either of them with 422). The fake models no collaborators and no organisation
// memberships: only the owner affiliation (and the types that include it) lists anything.
func (s *Server) listAuthenticatedUserRepos(w http.ResponseWriter, q url.Values) {
	if s.opts.AppInstallation {
		writeError(w, http.StatusForbidden, msgNotAccessibleByApp, docListOwnRepos)
		return
	}
	typ, visibility, affiliation := q.Get("type"), q.Get("visibility"), q.Get("affiliation")
	if typ != "" && (visibility != "" || affiliation != "") {
		writeError(w, http.StatusUnprocessableEntity, msgTypeBesideFilters, docListOwnRepos)
		return
	}
	owned := true
	switch typ {
	case "", "all", "owner":
	case "public", "private":
		visibility = typ
	case "member":
		owned = false
	default:
		writeError(w, http.StatusUnprocessableEntity, "Validation Failed", docListOwnRepos)
		return
	}
	if affiliation != "" {
		owned = false
		for _, a := range strings.Split(affiliation, ",") {
			switch strings.TrimSpace(a) {
			case "owner":
				owned = true
			case "collaborator", "organization_member":
			default:
				writeError(w, http.StatusUnprocessableEntity, "Validation Failed", docListOwnRepos)
				return
			}
		}
	}
	switch visibility {
	case "", "all", "public", "private":
	default:
		writeError(w, http.StatusUnprocessableEntity, "Validation Failed", docListOwnRepos)
		return
	}
	var list []*repo
	if owned {
		list = s.ownedRepos(s.opts.Login, func(sp Repo) bool {
			return visibility == "" || visibility == "all" || (sp.Visibility == "public") == (visibility == "public")
		})
	}
	s.writeRepoPage(w, "/user/repos", q, "full_name", list)
}

// ownedRepos returns the repositories of login that keep says to keep.
func (s *Server) ownedRepos(login string, keep func(Repo) bool) []*repo {
	s.mu.Lock()
	defer s.mu.Unlock()
	var list []*repo
	for _, rp := range s.repos {
		if strings.EqualFold(rp.spec.Owner, login) && keep(rp.spec) {
			list = append(list, rp)
		}
	}
	return list
}

// writeRepoPage writes the page of list that ?page= and ?per_page= ask for, sorted by ?sort=
// (full_name ascending, anything else newest first; defaultSort when absent), with the Link
// header to the other pages at path.
func (s *Server) writeRepoPage(w http.ResponseWriter, path string, q url.Values, defaultSort string, list []*repo) {
	sortBy := q.Get("sort")
	if sortBy == "" {
		sortBy = defaultSort
	}
	slices.SortFunc(list, func(a, b *repo) int {
		if sortBy == "full_name" {
			return strings.Compare(strings.ToLower(a.spec.Owner+"/"+a.spec.Name), strings.ToLower(b.spec.Owner+"/"+b.spec.Name))
		}
		return int(b.id - a.id) // created, newest first
	})
	per, page := s.page(q)
	last := max(1, (len(list)+per-1)/per)
	lo, hi := min((page-1)*per, len(list)), min(page*per, len(list))
	s.linkHeader(w, path, q, page, last)
	owners := make([]*owner, hi-lo)
	s.mu.Lock()
	for i, rp := range list[lo:hi] {
		owners[i] = s.owners[strings.ToLower(rp.spec.Owner)]
	}
	s.mu.Unlock()
	out := make([]map[string]any, 0, hi-lo)
	for i, rp := range list[lo:hi] {
		out = append(out, s.repoJSON(rp, owners[i]))
	}
	writeJSON(w, out)
}

// authenticatedUser is GET /user: the token's user in the shape of GitHub's "private-user"
// schema, with counts taken from the fake's repositories.
func (s *Server) authenticatedUser(w http.ResponseWriter) {
	if s.opts.AppInstallation {
		writeError(w, http.StatusForbidden, msgNotAccessibleByApp, docGetOwnUser)
		return
	}
	o := s.ownerByLogin(s.opts.Login)
	public := len(s.ownedRepos(o.login, func(sp Repo) bool { return sp.Visibility == "public" }))
	private := len(s.ownedRepos(o.login, func(sp Repo) bool { return sp.Visibility != "public" }))
	created := time.Date(2011, 1, 25, 18, 44, 36, 0, time.UTC).Format(time.RFC3339)
	u := ownerJSON(s.url, o)
	for k, v := range map[string]any{
		"avatar_url": fmt.Sprintf("%s/avatars/u/%d", s.url, o.id), "gravatar_id": "", "site_admin": false,
		"name": nil, "company": nil, "blog": "", "location": nil, "email": nil, "hireable": nil, "bio": nil,
		"public_repos": public, "public_gists": 0, "followers": 0, "following": 0,
		"created_at": created, "updated_at": created,
		"private_gists": 0, "total_private_repos": private, "owned_private_repos": private,
		"disk_usage": 0, "collaborators": 0, "two_factor_authentication": true,
	} {
		u[k] = v
	}
	writeJSON(w, u)
}

func (s *Server) getRepo(w http.ResponseWriter, full string) {
	s.mu.Lock()
	rp, ok := s.repos[strings.ToLower(full)]
	var o *owner
	if ok {
		o = s.owners[strings.ToLower(rp.spec.Owner)]
	}
	s.mu.Unlock()
	if !ok {
		writeError(w, http.StatusNotFound, "Not Found", "https://docs.github.com/rest/repos/repos#get-a-repository")
		return
	}
	writeJSON(w, s.repoJSON(rp, o))
}

// repoJSON is a repository in the shape of GitHub's "minimal-repository" schema (the fields
// tokenscan and the contract test look at, plus the ones every client expects).
func (s *Server) repoJSON(rp *repo, o *owner) map[string]any {
	sp := rp.spec
	full := sp.Owner + "/" + sp.Name
	api := s.url + "/api/v3/repos/" + full
	return map[string]any{
		"id":             rp.id,
		"node_id":        base64.StdEncoding.EncodeToString([]byte("010:Repository" + strconv.FormatInt(rp.id, 10))),
		"name":           sp.Name,
		"full_name":      full,
		"owner":          ownerJSON(s.url, o),
		"private":        sp.Visibility != "public",
		"visibility":     sp.Visibility,
		"html_url":       s.url + "/" + full,
		"description":    nil,
		"fork":           sp.Fork,
		"url":            api,
		"archived":       sp.Archived,
		"disabled":       sp.Disabled,
		"clone_url":      s.url + "/" + full + ".git",
		"git_url":        "git://" + strings.TrimPrefix(s.url, "http://") + "/" + full + ".git",
		"ssh_url":        "git@" + strings.TrimPrefix(s.url, "http://") + ":" + full + ".git",
		"default_branch": "main",
		"pushed_at":      sp.PushedAt.UTC().Format(time.RFC3339),
		"created_at":     sp.PushedAt.UTC().Format(time.RFC3339),
		"updated_at":     sp.PushedAt.UTC().Format(time.RFC3339),
		"size":           repoSizeKB(filepath.Join(s.opts.GitRoot, sp.Owner, sp.Name+".git")),
		"permissions":    map[string]bool{"admin": true, "maintain": true, "push": true, "triage": true, "pull": true},
	}
}

// repoSizeKB is what GitHub reports as a repository's size: kilobytes of its git data on disk.
func repoSizeKB(dir string) int {
	var total int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				total += info.Size()
			}
		}
		return nil
	})
	return int((total + 1023) / 1024)
}

func ownerJSON(base string, o *owner) map[string]any {
	return map[string]any{
		"login":    o.login,
		"id":       o.id,
		"node_id":  base64.StdEncoding.EncodeToString([]byte("04:" + o.kind + strconv.FormatInt(o.id, 10))),
		"type":     o.kind,
		"html_url": base + "/" + o.login,
		"url":      base + "/api/v3/users/" + o.login,
	}
}

// listAlerts lists open (or ?state=) alerts of an organisation or a repository, newest first,
// paged by cursor: the Link header's rel="next" carries after=CURSOR, as on github.com.
func (s *Server) listAlerts(w http.ResponseWriter, r *http.Request, org, full string, q url.Values) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if org != "" {
		if o, ok := s.owners[strings.ToLower(org)]; !ok || o.kind != "Organization" {
			writeError(w, http.StatusNotFound, "Not Found", "https://docs.github.com/rest/secret-scanning/secret-scanning#list-secret-scanning-alerts-for-an-organization")
			return
		}
	} else if _, ok := s.repos[strings.ToLower(full)]; !ok {
		writeError(w, http.StatusNotFound, "Not Found", "https://docs.github.com/rest/secret-scanning/secret-scanning#list-secret-scanning-alerts-for-a-repository")
		return
	}
	state := q.Get("state")
	var list []*alert
	for i := len(s.alerts) - 1; i >= 0; i-- {
		a := s.alerts[i]
		owner, _, _ := strings.Cut(a.spec.Repo, "/")
		if (org != "" && !strings.EqualFold(owner, org)) || (full != "" && !strings.EqualFold(a.spec.Repo, full)) {
			continue
		}
		if state != "" && a.spec.State != state {
			continue
		}
		list = append(list, a)
	}
	per, _ := s.page(q)
	start := 0
	if after := q.Get("after"); after != "" {
		id, err := decodeCursor(after)
		if err != nil {
			writeError(w, http.StatusBadRequest, "Invalid cursor", docsBase)
			return
		}
		start = len(list)
		for i, a := range list {
			if a.id == id {
				start = i + 1
				break
			}
		}
	}
	end := min(start+per, len(list))
	if end < len(list) {
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		v.Del("page")
		v.Set("after", encodeCursor(list[end-1].id))
		w.Header().Set("Link", fmt.Sprintf(`<%s%s?%s>; rel="next"`, s.url, r.URL.Path, v.Encode()))
	}
	out := make([]map[string]any, 0, end-start)
	for _, a := range list[start:end] {
		out = append(out, s.alertJSON(a))
	}
	writeJSON(w, out)
}

func encodeCursor(id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte("alert:" + strconv.FormatInt(id, 10)))
}

func decodeCursor(c string) (int64, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !strings.HasPrefix(string(b), "alert:") {
		return 0, errors.New("bad cursor")
	}
	return strconv.ParseInt(strings.TrimPrefix(string(b), "alert:"), 10, 64)
}

// alertJSON is an alert in the shape of GitHub's "organization-secret-scanning-alert" schema.
func (s *Server) alertJSON(a *alert) map[string]any {
	rp := s.repos[strings.ToLower(a.spec.Repo)]
	o := s.owners[strings.ToLower(rp.spec.Owner)]
	base := fmt.Sprintf("%s/api/v3/repos/%s/secret-scanning/alerts/%d", s.url, a.spec.Repo, a.number)
	created := rp.spec.PushedAt.UTC().Format(time.RFC3339)
	m := map[string]any{
		"number":                      a.number,
		"created_at":                  created,
		"updated_at":                  created,
		"url":                         base,
		"html_url":                    fmt.Sprintf("%s/%s/security/secret-scanning/%d", s.url, a.spec.Repo, a.number),
		"locations_url":               base + "/locations",
		"state":                       a.spec.State,
		"resolution":                  nil,
		"resolved_at":                 nil,
		"resolved_by":                 nil,
		"secret_type":                 a.spec.SecretType,
		"secret_type_display_name":    a.spec.TypeName,
		"secret":                      a.spec.Secret,
		"push_protection_bypassed":    false,
		"push_protection_bypassed_by": nil,
		"push_protection_bypassed_at": nil,
		"resolution_comment":          nil,
		"validity":                    "unknown",
		"repository":                  s.repoJSON(rp, o),
	}
	if a.spec.State == "resolved" {
		m["resolution"] = "revoked"
		m["resolved_at"] = created
	}
	return m
}

func (s *Server) alertLocations(w http.ResponseWriter, full, num string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, _ := strconv.Atoi(num)
	for _, a := range s.alerts {
		if strings.EqualFold(a.spec.Repo, full) && a.number == n {
			sp := a.spec
			commitURL := fmt.Sprintf("%s/api/v3/repos/%s/git/commits/%s", s.url, sp.Repo, sp.Commit)
			blobURL := fmt.Sprintf("%s/api/v3/repos/%s/git/blobs/%s", s.url, sp.Repo, sp.Blob)
			writeJSON(w, []map[string]any{{
				"type": "commit",
				"details": map[string]any{
					"path": sp.Path, "start_line": sp.Line, "end_line": sp.Line, "start_column": 1, "end_column": 1 + len(sp.Secret),
					"blob_sha": sp.Blob, "blob_url": blobURL, "commit_sha": sp.Commit, "commit_url": commitURL,
				},
			}})
			return
		}
	}
	writeError(w, http.StatusNotFound, "Not Found", "https://docs.github.com/rest/secret-scanning/secret-scanning#list-locations-for-a-secret-scanning-alert")
}
