package github

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	gh "github.com/google/go-github/v60/github"
)

// Repo is one repository to scan, as discovery found it.
type Repo struct {
	Owner      string
	Name       string
	FullName   string // owner/name, as GitHub spells it
	CloneURL   string
	Archived   bool
	Fork       bool
	Disabled   bool
	Visibility string // public, private or internal
	PushedAt   time.Time
	SizeKB     int
}

// Query says which repositories to list. Every part is optional; the union is returned.
type Query struct {
	Orgs  []string
	Users []string // all repositories of the token's own user; only the public ones of others
	Repos []string // owner/name
}

// namePart is what GitHub allows in an owner or repository name. Checking it keeps a hostile or
// mistyped name from becoming a path outside the cache. It is compiled on first use: the counted
// repetition makes a large program, and most runs of the binary (a pre-commit hook) never need it.
var namePart = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$`)
})

// ValidFullName reports whether s is owner/name with names GitHub could have made.
func ValidFullName(s string) bool {
	owner, name, ok := strings.Cut(s, "/")
	return ok && namePart().MatchString(owner) && namePart().MatchString(name) && name != "." && name != ".." && !strings.HasSuffix(name, ".git")
}

// SourceError is the failure to list one part of a query, e.g. an organisation that does not
// exist. Discovery goes on with the other parts.
type SourceError struct {
	Source string // org:NAME, user:NAME or repo:OWNER/NAME
	Err    error
}

func (e *SourceError) Error() string { return e.Source + ": " + e.Err.Error() }
func (e *SourceError) Unwrap() error { return e.Err }

// Discover lists the repositories q names, each once, sorted by full name. A part that fails is
// returned as a *SourceError beside the repositories of the parts that worked; an error that
// stops discovery as a whole (the rate limit, a cancelled context) ends it.
//
// GitHub shows a user's private repositories only to the user's own token, and only through
// GET /user/repos: for users, Discover asks once (GET /user) whose token it holds.
func (c *Client) Discover(ctx context.Context, q Query) ([]Repo, []*SourceError, error) {
	var (
		out   []Repo
		fails []*SourceError
		seen  = map[string]bool{}
	)
	add := func(rs []*gh.Repository) {
		for _, r := range rs {
			repo := fromAPI(r)
			key := strings.ToLower(repo.FullName)
			if !seen[key] && ValidFullName(repo.FullName) {
				seen[key] = true
				out = append(out, repo)
			}
		}
	}
	list := func(source string, fetch func(page int) ([]*gh.Repository, *gh.Response, error)) error {
		for page := 1; page != 0; {
			rs, resp, err := fetch(page)
			if err != nil {
				if fatal(err) {
					return err
				}
				fails = append(fails, &SourceError{Source: source, Err: err})
				return nil
			}
			add(rs)
			page = resp.NextPage
		}
		return nil
	}
	for _, org := range q.Orgs {
		err := list("org:"+org, func(page int) ([]*gh.Repository, *gh.Response, error) {
			rs, resp, err := c.gh.Repositories.ListByOrg(ctx, org, &gh.RepositoryListByOrgOptions{
				Type: "all", Sort: "full_name", ListOptions: gh.ListOptions{Page: page, PerPage: 100}})
			if err != nil {
				return nil, nil, apiError("listing repositories of organisation "+org, "organisation", org, err)
			}
			return rs, resp, nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	tokenLogin := sync.OnceValues(func() (string, error) { return c.tokenLogin(ctx) })
	for _, user := range q.Users {
		login, err := tokenLogin()
		if err != nil {
			if fatal(err) {
				return nil, nil, err
			}
			fails = append(fails, &SourceError{Source: "user:" + user, Err: err})
			continue
		}
		// GET /users/{u}/repos lists public repositories only, even to the user's own token;
		// their private ones, where a leaked token most likely sits, only GET /user/repos lists.
		fetch := func(page int) ([]*gh.Repository, *gh.Response, error) {
			rs, resp, err := c.gh.Repositories.ListByUser(ctx, user, &gh.RepositoryListByUserOptions{
				Type: "owner", Sort: "full_name", ListOptions: gh.ListOptions{Page: page, PerPage: 100}})
			if err != nil {
				return nil, nil, apiError("listing repositories of user "+user, "user", user, err)
			}
			return rs, resp, nil
		}
		if login != "" && strings.EqualFold(user, login) {
			fetch = func(page int) ([]*gh.Repository, *gh.Response, error) {
				rs, resp, err := c.gh.Repositories.ListByAuthenticatedUser(ctx, &gh.RepositoryListByAuthenticatedUserOptions{
					Visibility: "all", Affiliation: "owner", Sort: "full_name", ListOptions: gh.ListOptions{Page: page, PerPage: 100}})
				if err != nil {
					return nil, nil, apiError("listing repositories of user "+user+" (the token's own, private ones included)", "", "", err)
				}
				return rs, resp, nil
			}
		}
		if err := list("user:"+user, fetch); err != nil {
			return nil, nil, err
		}
	}
	for _, full := range q.Repos {
		owner, name, _ := strings.Cut(full, "/")
		r, _, err := c.gh.Repositories.Get(ctx, owner, name)
		if err != nil {
			err = apiError("getting repository "+full, "repository", full, err)
			if fatal(err) {
				return nil, nil, err
			}
			fails = append(fails, &SourceError{Source: "repo:" + full, Err: err})
			continue
		}
		add([]*gh.Repository{r})
	}
	slices.SortFunc(out, func(a, b Repo) int { return strings.Compare(strings.ToLower(a.FullName), strings.ToLower(b.FullName)) })
	return out, fails, nil
}

// tokenLogin is the login of the user the token belongs to, from GET /user, or "" when GitHub
// refuses to say: 401 without a usable token, 403 for a GitHub App installation token (which
// belongs to no user) or a token without the permission. Such a token is not the user's own
// for listing purposes, and --user falls back to the public listing instead of failing the run.
func (c *Client) tokenLogin(ctx context.Context) (string, error) {
	u, _, err := c.gh.Users.Get(ctx, "")
	if err == nil {
		return u.GetLogin(), nil
	}
	var er *gh.ErrorResponse
	if !fatal(err) && errors.As(err, &er) && er.Response != nil &&
		(er.Response.StatusCode == http.StatusUnauthorized || er.Response.StatusCode == http.StatusForbidden) {
		return "", nil
	}
	return "", apiError("asking GitHub whose token this is (GET /user)", "", "", err)
}

// RateLimited reports whether err is a rate limit the run may not wait for: every later call to
// the API would fail the same way, so a caller going through many repositories should stop.
func RateLimited(err error) bool {
	var (
		rl      *RateLimitError
		ghRate  *gh.RateLimitError
		ghAbuse *gh.AbuseRateLimitError
	)
	return errors.As(err, &rl) || errors.As(err, &ghRate) || errors.As(err, &ghAbuse)
}

// fatal reports errors that would fail every later call too. go-github's own rate-limit errors
// count: the transport passes a rate-limited answer on only when it has given up on it.
func fatal(err error) bool {
	return RateLimited(err) || isContextError(err)
}

func fromAPI(r *gh.Repository) Repo {
	repo := Repo{
		Name:       r.GetName(),
		FullName:   r.GetFullName(),
		CloneURL:   r.GetCloneURL(),
		Archived:   r.GetArchived(),
		Fork:       r.GetFork(),
		Disabled:   r.GetDisabled(),
		Visibility: r.GetVisibility(),
		PushedAt:   r.GetPushedAt().Time,
		SizeKB:     r.GetSize(),
	}
	repo.Owner, _, _ = strings.Cut(repo.FullName, "/")
	if repo.Visibility == "" { // older GHES versions answer only "private"
		repo.Visibility = "public"
		if r.GetPrivate() {
			repo.Visibility = "private"
		}
	}
	return repo
}

// Filter narrows discovered repositories. Globs use path.Match syntax; a pattern with a '/'
// matches the full name (acme/web-*), one without matches the name alone (web-*).
type Filter struct {
	Include      []string
	Exclude      []string
	SkipArchived bool
	SkipForks    bool
	Visibility   []string // public, private, internal; empty means all
}

// Validate checks the patterns and visibilities once, before discovery.
func (f Filter) Validate() error {
	for _, p := range append(slices.Clone(f.Include), f.Exclude...) {
		if _, err := path.Match(p, ""); err != nil {
			return fmt.Errorf("repository pattern %q: %w", p, err)
		}
	}
	for _, v := range f.Visibility {
		if v != "public" && v != "private" && v != "internal" {
			return fmt.Errorf("visibility %q: want public, private or internal", v)
		}
	}
	return nil
}

// Match reports whether r passes the filter. Disabled repositories never do: they cannot be
// cloned.
func (f Filter) Match(r Repo) bool {
	if r.Disabled || (f.SkipArchived && r.Archived) || (f.SkipForks && r.Fork) {
		return false
	}
	if len(f.Visibility) > 0 && !slices.Contains(f.Visibility, r.Visibility) {
		return false
	}
	if len(f.Include) > 0 && !matchAny(f.Include, r) {
		return false
	}
	return !matchAny(f.Exclude, r)
}

func matchAny(patterns []string, r Repo) bool {
	for _, p := range patterns {
		subject := r.Name
		if strings.Contains(p, "/") {
			subject = r.FullName
		}
		if ok, _ := path.Match(strings.ToLower(p), strings.ToLower(subject)); ok {
			return true
		}
	}
	return false
}
