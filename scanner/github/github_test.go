package github_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	gh "github.com/google/go-github/v60/github"

	"github.com/tokenscan/tokenscan/scanner/github"
	"github.com/tokenscan/tokenscan/scanner/github/githubtest"
)

const token = "ghp_" + "unitTestTokenForTheFake0001"

func newFake(t *testing.T, pageSize int) *githubtest.Server {
	t.Helper()
	return githubtest.StartTest(t, githubtest.Options{Token: token, PageSize: pageSize})
}

func client(t *testing.T, s *githubtest.Server) *github.Client {
	t.Helper()
	c, err := github.New(github.Options{URL: s.URL(), Token: token})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestEndpoints(t *testing.T) {
	for _, c := range []struct{ in, web, api, err string }{
		{"", "https://github.com", "https://api.github.com/", ""},
		{"https://api.github.com", "https://github.com", "https://api.github.com/", ""},
		{"https://GHE.example.com/", "https://ghe.example.com", "https://ghe.example.com/api/v3/", ""},
		{"https://ghe.example.com/api/v3", "https://ghe.example.com", "https://ghe.example.com/api/v3/", ""},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080", "http://127.0.0.1:8080/api/v3/", ""},
		{"http://ghe.example.com", "", "", "in the clear"},
		{"https://user:pw@ghe.example.com", "", "", "without user"},
		{"https://ghe.example.com/some/path", "", "", "root"},
		{"ftp://ghe.example.com", "", "", "scheme"},
	} {
		web, api, err := github.Endpoints(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q: error %v, want %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil || web.String() != c.web || api.String() != c.api {
			t.Errorf("%q: %v %v %v, want %s %s", c.in, web, api, err, c.web, c.api)
		}
	}
}

func TestDiscoverPagesFiltersAndReportsUnknownOrg(t *testing.T) {
	s := newFake(t, 2)
	for _, r := range []githubtest.Repo{
		{Owner: "acme", Name: "web"}, {Owner: "acme", Name: "api", Visibility: "private"},
		{Owner: "acme", Name: "old", Archived: true}, {Owner: "acme", Name: "fork-of-x", Fork: true},
		{Owner: "acme", Name: "gone", Disabled: true}, {Owner: "dana", Name: "dotfiles", OwnerType: "User"},
	} {
		if _, err := s.AddRepo(r); err != nil {
			t.Fatal(err)
		}
	}
	c := client(t, s)
	repos, fails, err := c.Discover(context.Background(), github.Query{Orgs: []string{"acme", "nosuch"}, Users: []string{"dana"}, Repos: []string{"acme/web", "acme/missing"}})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range repos {
		names = append(names, r.FullName)
	}
	if got := strings.Join(names, " "); got != "acme/api acme/fork-of-x acme/gone acme/old acme/web dana/dotfiles" {
		t.Errorf("discovered %s", got)
	}
	if len(fails) != 2 || fails[0].Source != "org:nosuch" || fails[1].Source != "repo:acme/missing" {
		t.Fatalf("fails %v", fails)
	}
	var nf *github.NotFoundError
	if !errors.As(fails[0], &nf) || nf.Kind != "organisation" {
		t.Errorf("unknown org error %v", fails[0])
	}
	pages := 0
	for _, r := range s.Requests() {
		if strings.Contains(r.Path, "/repos") && strings.Contains(r.Path, "acme") || strings.Contains(r.Path, "organizations") {
			pages++
		}
	}
	if pages < 3 {
		t.Errorf("%d list requests for 5 repositories at 2 a page", pages)
	}

	f := github.Filter{SkipArchived: true, SkipForks: true, Exclude: []string{"acme/a*"}, Visibility: []string{"public"}}
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, r := range repos {
		if f.Match(r) {
			kept = append(kept, r.FullName)
		}
	}
	if got := strings.Join(kept, " "); got != "acme/web dana/dotfiles" {
		t.Errorf("filtered to %s", got)
	}
	if (github.Filter{Include: []string{"[x"}}).Validate() == nil {
		t.Error("a bad glob was accepted")
	}
}

// addUserRepos gives dana and erin one public and one private repository each.
func addUserRepos(t *testing.T, s *githubtest.Server) {
	t.Helper()
	for _, r := range []githubtest.Repo{
		{Owner: "dana", Name: "dotfiles"}, {Owner: "dana", Name: "secrets", Visibility: "private"},
		{Owner: "erin", Name: "blog"}, {Owner: "erin", Name: "diary", Visibility: "private"},
	} {
		r.OwnerType = "User"
		if _, err := s.AddRepo(r); err != nil {
			t.Fatal(err)
		}
	}
}

func fullNames(repos []github.Repo) string {
	var names []string
	for _, r := range repos {
		names = append(names, r.FullName)
	}
	return strings.Join(names, " ")
}

func countRequests(s *githubtest.Server, path string) int {
	n := 0
	for _, r := range s.Requests() {
		if r.Kind == "api" && r.Path == path {
			n++
		}
	}
	return n
}

// TestDiscoverUserListsPrivateRepositoriesOfTheTokensOwnUser: GitHub's GET /users/{u}/repos
// lists public repositories only, even to the user's own token, so the token's own user (asked
// once with GET /user, and only when users are discovered) is listed through GET /user/repos,
// private repositories included; other users keep the public listing, all GitHub shows of them.
func TestDiscoverUserListsPrivateRepositoriesOfTheTokensOwnUser(t *testing.T) {
	s := githubtest.StartTest(t, githubtest.Options{Token: token, Login: "dana", PageSize: 1})
	addUserRepos(t, s)
	c := client(t, s)
	for _, tc := range []struct {
		name         string
		q            github.Query
		want         string
		whoAmI, ours int // GET /user and GET /user/repos requests
	}{
		{"own user", github.Query{Users: []string{"dana"}}, "dana/dotfiles dana/secrets", 1, 2},
		{"own user, other case", github.Query{Users: []string{"DANA"}}, "dana/dotfiles dana/secrets", 1, 2},
		{"another user", github.Query{Users: []string{"erin"}}, "erin/blog", 1, 0},
		{"both, asked once", github.Query{Users: []string{"erin", "dana"}}, "dana/dotfiles dana/secrets erin/blog", 1, 2},
		{"no user, not asked", github.Query{Repos: []string{"erin/blog"}}, "erin/blog", 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s.ResetRequests()
			repos, fails, err := c.Discover(context.Background(), tc.q)
			if err != nil || len(fails) != 0 {
				t.Fatalf("err %v, fails %v", err, fails)
			}
			if got := fullNames(repos); got != tc.want {
				t.Errorf("discovered %q, want %q", got, tc.want)
			}
			if n := countRequests(s, "/api/v3/user"); n != tc.whoAmI {
				t.Errorf("%d GET /user, want %d", n, tc.whoAmI)
			}
			if n := countRequests(s, "/api/v3/user/repos"); n != tc.ours {
				t.Errorf("%d GET /user/repos, want %d (two pages of one)", n, tc.ours)
			}
			for _, r := range s.Requests() {
				if r.Path == "/api/v3/user/repos" && !strings.Contains(r.Query, "affiliation=owner") {
					t.Errorf("GET /user/repos?%s lists more than the user's own repositories", r.Query)
				}
			}
		})
	}
}

// TestDiscoverUserFallsBackToPublicWhenGitHubWillNotSayWhoseTokenItIs: a token GET /user refuses
// (403 for a GitHub App installation token, 401) lists users' public repositories instead of
// failing; any other failure of GET /user fails each user like a failed listing, and the other
// parts of the query are still discovered.
func TestDiscoverUserFallsBackToPublicWhenGitHubWillNotSayWhoseTokenItIs(t *testing.T) {
	// answer stands in for GitHub's GET /user with status; every other request reaches the fake.
	answer := func(status int, msg string) func(asked *int) http.RoundTripper {
		return func(asked *int) http.RoundTripper {
			return roundTripperFunc(func(req *http.Request) (*http.Response, error) {
				if req.URL.Path != "/api/v3/user" {
					return http.DefaultTransport.RoundTrip(req)
				}
				*asked++
				body := fmt.Sprintf(`{"message":%q,"documentation_url":"https://docs.github.com/rest"}`, msg)
				return &http.Response{StatusCode: status, Status: fmt.Sprintf("%d %s", status, http.StatusText(status)),
					Header: http.Header{"Content-Type": {"application/json"}}, Body: io.NopCloser(strings.NewReader(body)), Request: req}, nil
			})
		}
	}
	for _, tc := range []struct {
		name      string
		opts      githubtest.Options
		base      func(asked *int) http.RoundTripper // nil: the fake answers GET /user itself
		want      string
		failUsers bool
	}{
		{"app installation token (403)", githubtest.Options{AppInstallation: true}, nil, "acme/web dana/dotfiles erin/blog", false},
		{"401", githubtest.Options{Login: "dana"}, answer(401, "Bad credentials"), "acme/web dana/dotfiles erin/blog", false},
		{"500", githubtest.Options{Login: "dana"}, answer(500, "Server Error"), "acme/web", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Token = token
			s := githubtest.StartTest(t, tc.opts)
			addUserRepos(t, s)
			s.AddRepo(githubtest.Repo{Owner: "acme", Name: "web"})
			asked := 0 // GET /user answered by tc.base
			opts := github.Options{URL: s.URL(), Token: token}
			if tc.base != nil {
				opts.Base = tc.base(&asked)
			}
			c, err := github.New(opts)
			if err != nil {
				t.Fatal(err)
			}
			repos, fails, err := c.Discover(context.Background(), github.Query{Orgs: []string{"acme"}, Users: []string{"dana", "erin"}})
			if err != nil {
				t.Fatal(err)
			}
			if got := fullNames(repos); got != tc.want {
				t.Errorf("discovered %q, want %q", got, tc.want)
			}
			if tc.failUsers {
				if len(fails) != 2 || fails[0].Source != "user:dana" || fails[1].Source != "user:erin" || !strings.Contains(fails[0].Error(), "GET /user") {
					t.Errorf("fails %v, want both users failed naming GET /user", fails)
				}
			} else if len(fails) != 0 {
				t.Errorf("fails %v", fails)
			}
			if tc.base == nil {
				for _, r := range s.Requests() {
					if r.Path == "/api/v3/user" && r.Status == http.StatusForbidden {
						asked++
					}
				}
			}
			if asked != 1 {
				t.Errorf("GET /user refused %d times, want once", asked)
			}
		})
	}
}

func TestCheckCloneURL(t *testing.T) {
	s := newFake(t, 0)
	c := client(t, s)
	if err := c.CheckCloneURL(s.URL() + "/acme/web.git"); err != nil {
		t.Error(err)
	}
	for _, bad := range []string{"https://evil.example.com/acme/web.git", "http://x:y@" + strings.TrimPrefix(s.URL(), "http://") + "/a/b.git"} {
		if c.CheckCloneURL(bad) == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}

func TestAlertsFollowCursorsAndLocations(t *testing.T) {
	s := newFake(t, 2)
	s.AddRepo(githubtest.Repo{Owner: "acme", Name: "web"})
	for i := 0; i < 5; i++ {
		s.AddAlert(githubtest.Alert{Repo: "acme/web", Secret: strings.Repeat(string(rune('A'+i)), 32), Path: "cfg.php", Line: i + 1, Commit: strings.Repeat("a", 40)})
	}
	s.AddAlert(githubtest.Alert{Repo: "acme/web", Secret: strings.Repeat("Z", 32), State: "resolved"})
	c := client(t, s)
	alerts, err := c.OrgAlerts(context.Background(), "acme")
	if err != nil {
		t.Fatal(err)
	}
	if len(alerts) != 5 {
		t.Fatalf("%d open alerts, want 5", len(alerts))
	}
	cursors := 0
	for _, r := range s.Requests() {
		if strings.Contains(r.Query, "after=") {
			cursors++
		}
	}
	if cursors != 2 {
		t.Errorf("%d cursor requests, want 2 (pages of 2, 2, 1)", cursors)
	}
	if err := c.Locate(context.Background(), &alerts[0]); err != nil {
		t.Fatal(err)
	}
	if l := alerts[0].Locations; len(l) != 1 || l[0].Path != "cfg.php" || l[0].Commit == "" {
		t.Errorf("locations %+v", l)
	}
	if _, err := c.OrgAlerts(context.Background(), "nosuch"); err == nil {
		t.Error("alerts of an unknown org")
	}
}

// fakeClock drives the transport's waits without sleeping.
type fakeClock struct {
	mu    sync.Mutex
	now   time.Time
	slept []time.Duration
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *fakeClock) Sleep(_ context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.slept = append(c.slept, d)
	c.now = c.now.Add(d)
	return nil
}

func TestTransportSecondaryLimitWaitsRetryAfterPlusJitter(t *testing.T) {
	s := newFake(t, 0)
	s.AddOwner("acme", "Organization")
	s.SecondaryLimit(2, 7)
	clk := &fakeClock{now: time.Now()}
	tr := &github.Transport{Now: clk.Now, Sleep: clk.Sleep, Jitter: func(time.Duration) time.Duration { return 500 * time.Millisecond }}
	resp := get(t, tr, s.URL()+"/api/v3/orgs/acme/repos")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d after secondary limits", resp.StatusCode)
	}
	if len(clk.slept) != 2 || clk.slept[0] != 7500*time.Millisecond {
		t.Errorf("slept %v, want 7.5s twice", clk.slept)
	}
}

func TestTransportPrimaryLimitWaitsOrStops(t *testing.T) {
	s := newFake(t, 0)
	s.AddOwner("acme", "Organization")
	start := time.Now()
	clk := &fakeClock{now: start}
	s.SetRateLimit(5000, 1, start.Add(3*time.Minute))
	tr := &github.Transport{Now: clk.Now, Sleep: clk.Sleep, MaxWait: 10 * time.Minute}
	if resp := get(t, tr, s.URL()+"/api/v3/orgs/acme/repos"); resp.StatusCode != 200 {
		t.Fatalf("first request: %d", resp.StatusCode)
	}
	// The budget is used up: the next request waits for the reset instead of being sent.
	before := len(s.Requests())
	s.SetRateLimit(5000, 5000, start.Add(time.Hour)) // what the server has after the reset
	if resp := get(t, tr, s.URL()+"/api/v3/orgs/acme/repos"); resp.StatusCode != 200 {
		t.Fatalf("after reset: %d", resp.StatusCode)
	}
	if len(clk.slept) != 1 || clk.slept[0] < 3*time.Minute || len(s.Requests()) != before+1 {
		t.Errorf("slept %v, %d requests", clk.slept, len(s.Requests())-before)
	}

	// A reset further away than MaxWait: a clear error, and no request sent.
	s.SetRateLimit(5000, 0, clk.Now().Add(time.Hour))
	tr2 := &github.Transport{Now: clk.Now, Sleep: clk.Sleep, MaxWait: time.Minute}
	req, _ := http.NewRequest("GET", s.URL()+"/api/v3/orgs/acme/repos", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := tr2.RoundTrip(req) // the 403 teaches it the reset
	if err == nil {
		resp.Body.Close()
	}
	var rl *github.RateLimitError
	if !errors.As(err, &rl) || !strings.Contains(err.Error(), "--github-max-wait") {
		t.Fatalf("err %v, want *RateLimitError", err)
	}
	n := len(s.Requests())
	req, _ = http.NewRequest("GET", s.URL()+"/api/v3/orgs/acme/repos", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	if _, err := tr2.RoundTrip(req); !errors.As(err, &rl) || len(s.Requests()) != n {
		t.Errorf("second call: %v, %d requests sent", err, len(s.Requests())-n)
	}
}

func TestTransportSecondaryLimitLongerThanMaxWaitStops(t *testing.T) {
	s := newFake(t, 0)
	s.AddOwner("acme", "Organization")
	s.SecondaryLimit(1, 3600)
	clk := &fakeClock{now: time.Now()}
	tr := &github.Transport{Now: clk.Now, Sleep: clk.Sleep, MaxWait: 5 * time.Second, Jitter: func(time.Duration) time.Duration { return 0 }}
	req, _ := http.NewRequest("GET", s.URL()+"/api/v3/orgs/acme/repos", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := tr.RoundTrip(req)
	if err == nil {
		resp.Body.Close()
	}
	var rl *github.RateLimitError
	if !errors.As(err, &rl) || !strings.Contains(err.Error(), "secondary") || !strings.Contains(err.Error(), "--github-max-wait") {
		t.Fatalf("err %v, want a *RateLimitError naming the secondary limit", err)
	}
	if len(clk.slept) != 0 {
		t.Errorf("slept %v, want no wait", clk.slept)
	}
	// The pause holds for every request of the transport: the next one is refused unsent.
	n := len(s.Requests())
	req, _ = http.NewRequest("GET", s.URL()+"/api/v3/orgs/acme/repos", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	if _, err := tr.RoundTrip(req); !errors.As(err, &rl) || len(s.Requests()) != n || len(clk.slept) != 0 {
		t.Errorf("second call: %v, %d requests sent, slept %v", err, len(s.Requests())-n, clk.slept)
	}
}

// TestDiscoverWaitsForPrimaryResetThroughGoGitHub goes through the go-github client: once an
// answer says the budget is used up, go-github must not refuse the next page itself, leaving a
// partial list; the transport waits for the reset and discovery completes.
func TestDiscoverWaitsForPrimaryResetThroughGoGitHub(t *testing.T) {
	clk := &fakeClock{now: time.Now()}
	s := githubtest.StartTest(t, githubtest.Options{Token: token, PageSize: 2, Now: clk.Now})
	for i := range 12 {
		if _, err := s.AddRepo(githubtest.Repo{Owner: "acme", Name: fmt.Sprintf("repo%02d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	s.SetRateLimit(60, 2, clk.Now().Add(6*time.Second))
	c, err := github.New(github.Options{URL: s.URL(), Token: token, Now: clk.Now, Sleep: clk.Sleep})
	if err != nil {
		t.Fatal(err)
	}
	repos, fails, err := c.Discover(context.Background(), github.Query{Orgs: []string{"acme"}})
	if err != nil || len(fails) != 0 {
		t.Fatalf("err %v, fails %v", err, fails)
	}
	if len(repos) != 12 {
		t.Errorf("discovered %d repositories, want 12", len(repos))
	}
	if len(clk.slept) != 1 || clk.slept[0] < 5*time.Second {
		t.Errorf("slept %v, want one wait for the reset", clk.slept)
	}
}

// TestDiscoverStopsOnGoGitHubRateLimitErrors: when the transport gives up and hands go-github a
// rate-limited answer, go-github's error ends discovery like the transport's own would, instead
// of every later organisation failing the same way behind a partial list.
func TestDiscoverStopsOnGoGitHubRateLimitErrors(t *testing.T) {
	setup := func(t *testing.T) *githubtest.Server {
		s := newFake(t, 0)
		s.AddRepo(githubtest.Repo{Owner: "acme", Name: "web"})
		s.AddRepo(githubtest.Repo{Owner: "beta", Name: "api"})
		return s
	}
	discover := func(t *testing.T, s *githubtest.Server, clk *fakeClock) error {
		c, err := github.New(github.Options{URL: s.URL(), Token: token, Now: clk.Now, Sleep: clk.Sleep})
		if err != nil {
			t.Fatal(err)
		}
		repos, fails, err := c.Discover(context.Background(), github.Query{Orgs: []string{"acme", "beta"}})
		if err == nil {
			t.Fatalf("discovery went on: %d repositories, fails %v", len(repos), fails)
		}
		return err
	}
	t.Run("secondary", func(t *testing.T) {
		s := setup(t)
		s.SecondaryLimit(6, 1) // one more than the transport retries
		err := discover(t, s, &fakeClock{now: time.Now()})
		var abuse *gh.AbuseRateLimitError
		if !errors.As(err, &abuse) {
			t.Errorf("err %v, want *github.AbuseRateLimitError", err)
		}
	})
	t.Run("primary", func(t *testing.T) {
		s := setup(t)
		// This machine's clock runs ahead of GitHub's: after waiting for the reset the transport
		// is still refused, and gives up.
		s.SetRateLimit(60, 0, time.Now().Add(6*time.Second))
		err := discover(t, s, &fakeClock{now: time.Now()})
		var rl *gh.RateLimitError
		if !errors.As(err, &rl) {
			t.Errorf("err %v, want *github.RateLimitError", err)
		}
	})
}

// TestClientWaitIsNotPartOfAttemptTimeout: a rate-limit wait may last up to --github-max-wait, so
// the timeout of a request must start after it, not around it.
func TestClientWaitIsNotPartOfAttemptTimeout(t *testing.T) {
	s := newFake(t, 0)
	s.AddRepo(githubtest.Repo{Owner: "acme", Name: "web"})
	s.SecondaryLimit(1, 1)
	clk := &fakeClock{now: time.Now()}
	// The pause really takes 200ms, four times the timeout of an attempt.
	sleep := func(ctx context.Context, d time.Duration) error {
		select {
		case <-time.After(200 * time.Millisecond):
		case <-ctx.Done():
			return ctx.Err()
		}
		return clk.Sleep(ctx, d)
	}
	c, err := github.New(github.Options{URL: s.URL(), Token: token, AttemptTimeout: 50 * time.Millisecond, Now: clk.Now, Sleep: sleep})
	if err != nil {
		t.Fatal(err)
	}
	repos, fails, err := c.Discover(context.Background(), github.Query{Repos: []string{"acme/web"}})
	if err != nil || len(fails) != 0 || len(repos) != 1 {
		t.Fatalf("%d repositories, fails %v, err %v", len(repos), fails, err)
	}
	if len(clk.slept) != 1 {
		t.Errorf("slept %v, want one pause", clk.slept)
	}
}

// TestClientTimesOutAnAttempt: without a timeout around the whole call, each attempt still has one.
func TestClientTimesOutAnAttempt(t *testing.T) {
	hang := roundTripperFunc(func(req *http.Request) (*http.Response, error) {
		<-req.Context().Done()
		return nil, req.Context().Err()
	})
	c, err := github.New(github.Options{URL: "http://127.0.0.1:1", Token: token, Base: hang, AttemptTimeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	// The stalled listing fails that organisation, not the run.
	_, fails, err := c.Discover(context.Background(), github.Query{Orgs: []string{"acme"}})
	if err != nil || len(fails) != 1 || !strings.Contains(fails[0].Error(), "did not answer within 50ms") {
		t.Fatalf("err %v, fails %v; want the organisation failed by a timeout", err, fails)
	}
}

// TestClientBodyStallFailsItsOwnerOnly: an answer that starts and then stops coming past the
// attempt's time limit fails that organisation's listing; the next one is still listed.
func TestClientBodyStallFailsItsOwnerOnly(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if strings.Contains(r.URL.Path, "/orgs/other/") {
			w.Write([]byte(`[{"name":"web","full_name":"other/web","owner":{"login":"other"}}]`))
			return
		}
		w.WriteHeader(http.StatusOK)
		w.Write([]byte(`[{"name":"web","full_name":"acme/web",`))
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}))
	defer srv.Close()
	c, err := github.New(github.Options{URL: srv.URL, Token: token, AttemptTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	repos, fails, err := c.Discover(context.Background(), github.Query{Orgs: []string{"acme", "other"}})
	if err != nil || len(fails) != 1 || !strings.Contains(fails[0].Error(), "did not finish answering within 100ms") ||
		len(repos) != 1 || repos[0].FullName != "other/web" {
		t.Fatalf("repos %v, fails %v, err %v; want acme failed by the stall and other/web listed", repos, fails, err)
	}
}

type roundTripperFunc func(*http.Request) (*http.Response, error)

func (f roundTripperFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }

func get(t *testing.T, tr http.RoundTripper, url string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := tr.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}
