package githubtest

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// These tests hold the fake to GitHub's published REST contract (docs.github.com/rest and the
// OpenAPI description in github/rest-api-description): the fields of the schemas tokenscan
// reads, the headers of every answer, and the shapes of errors and pagination.

const token = "ghp_" + "contractTestToken000000001"

func do(t *testing.T, s *Server, path string, auth bool) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", s.URL()+path, nil)
	if auth {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf strings.Builder
	b := make([]byte, 32<<10)
	for {
		n, err := resp.Body.Read(b)
		buf.Write(b[:n])
		if err != nil {
			break
		}
	}
	return resp, []byte(buf.String())
}

// required are the fields of minimal-repository and organization-secret-scanning-alert that
// GitHub's schema marks required (and that clients, go-github included, rely on).
var required = map[string][]string{
	"repository": {"id", "node_id", "name", "full_name", "owner", "private", "html_url", "description", "fork", "url", "archived", "disabled", "visibility", "pushed_at", "clone_url", "default_branch"},
	"owner":      {"login", "id", "node_id", "type", "url", "html_url"},
	"user":       {"login", "id", "node_id", "avatar_url", "gravatar_id", "url", "html_url", "type", "site_admin", "name", "company", "blog", "location", "email", "hireable", "bio", "public_repos", "public_gists", "followers", "following", "created_at", "updated_at", "private_gists", "total_private_repos", "owned_private_repos", "disk_usage", "collaborators", "two_factor_authentication"},
	"alert":      {"number", "created_at", "url", "html_url", "locations_url", "state", "resolution", "secret_type", "secret_type_display_name", "secret", "repository"},
	"location":   {"path", "start_line", "end_line", "start_column", "end_column", "blob_sha", "blob_url", "commit_sha", "commit_url"},
	"error":      {"message", "documentation_url"},
}

func hasFields(t *testing.T, what string, m map[string]any) {
	t.Helper()
	for _, f := range required[what] {
		if _, ok := m[f]; !ok {
			t.Errorf("%s lacks required field %q", what, f)
		}
	}
}

var linkRE = regexp.MustCompile(`^<([^>]+)>; rel="(next|prev|first|last)"$`)

func TestContractRepositoryListPaginationAndHeaders(t *testing.T) {
	s := StartTest(t, Options{Token: token, PageSize: 2})
	for _, n := range []string{"a", "b", "c"} {
		if _, err := s.AddRepo(Repo{Owner: "acme", Name: n}); err != nil {
			t.Fatal(err)
		}
	}
	resp, body := do(t, s, "/api/v3/orgs/acme/repos?per_page=100", true)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("status %d, type %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	for _, h := range []string{"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-RateLimit-Used", "X-RateLimit-Resource"} {
		if resp.Header.Get(h) == "" {
			t.Errorf("no %s header", h)
		}
	}
	var repos []map[string]any
	if err := json.Unmarshal(body, &repos); err != nil || len(repos) != 2 {
		t.Fatalf("%v, %d repos", err, len(repos))
	}
	hasFields(t, "repository", repos[0])
	hasFields(t, "owner", repos[0]["owner"].(map[string]any))
	rels := map[string]bool{}
	for _, l := range strings.Split(resp.Header.Get("Link"), ", ") {
		m := linkRE.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("malformed Link part %q", l)
		}
		rels[m[2]] = true
	}
	if !rels["next"] || !rels["last"] || rels["prev"] {
		t.Errorf("first page rels %v", rels)
	}
}

// TestContractAuthenticatedUser: GET /user names the token's user (schema "private-user"); a
// GitHub App installation token belongs to no user, and GitHub refuses it there with 403.
func TestContractAuthenticatedUser(t *testing.T) {
	s := StartTest(t, Options{Token: token})
	resp, body := do(t, s, "/api/v3/user", true)
	var u map[string]any
	if err := json.Unmarshal(body, &u); err != nil || resp.StatusCode != 200 || u["login"] != DefaultLogin || u["type"] != "User" {
		t.Fatalf("default user: %d %v %s", resp.StatusCode, err, body)
	}
	hasFields(t, "user", u)

	s = StartTest(t, Options{Token: token, Login: "dana"})
	s.AddRepo(Repo{Owner: "dana", Name: "dotfiles", OwnerType: "User"})
	s.AddRepo(Repo{Owner: "dana", Name: "secrets", OwnerType: "User", Visibility: "private"})
	_, body = do(t, s, "/api/v3/user", true)
	u = nil
	json.Unmarshal(body, &u)
	if u["login"] != "dana" || u["public_repos"] != 1.0 || u["owned_private_repos"] != 1.0 || u["total_private_repos"] != 1.0 {
		t.Errorf("dana: %s", body)
	}
	if resp, _ := do(t, s, "/api/v3/user", false); resp.StatusCode != 401 {
		t.Errorf("no token: %d", resp.StatusCode)
	}

	s = StartTest(t, Options{Token: token, AppInstallation: true})
	for _, path := range []string{"/api/v3/user", "/api/v3/user/repos"} {
		resp, body := do(t, s, path, true)
		var e map[string]any
		json.Unmarshal(body, &e)
		if resp.StatusCode != 403 || e["message"] != "Resource not accessible by integration" || resp.Header.Get("X-RateLimit-Remaining") == "" {
			t.Errorf("installation token, %s: %d %s", path, resp.StatusCode, body)
		}
		hasFields(t, "error", e)
	}
}

// listAll follows a repository list's Link rel="next" to its end and returns the full names, in
// order.
func listAll(t *testing.T, s *Server, path string) []string {
	t.Helper()
	var names []string
	for pages := 0; path != ""; pages++ {
		if pages > 20 {
			t.Fatalf("%s: Link never ends", path)
		}
		resp, body := do(t, s, path, true)
		var repos []map[string]any
		if err := json.Unmarshal(body, &repos); err != nil || resp.StatusCode != 200 {
			t.Errorf("%s: %d %v %s", path, resp.StatusCode, err, body)
			return names
		}
		for _, r := range repos {
			hasFields(t, "repository", r)
			names = append(names, r["full_name"].(string))
		}
		base, _, _ := strings.Cut(path, "?")
		path = ""
		for _, l := range strings.Split(resp.Header.Get("Link"), ", ") {
			if m := linkRE.FindStringSubmatch(l); m != nil && m[2] == "next" {
				path = strings.TrimPrefix(m[1], s.URL())
				if next, _, _ := strings.Cut(path, "?"); next != base {
					t.Errorf("Link next of %s leads to %s", base, next)
				}
			}
		}
	}
	return names
}

// TestContractUserRepositoryLists: GET /users/{username}/repos lists only public repositories,
// even to the user's own token; GET /user/repos lists the token user's own of every visibility
// (affiliation=owner), filters by visibility, refuses type beside visibility or affiliation with
// 422, and pages with Link like the other lists.
func TestContractUserRepositoryLists(t *testing.T) {
	s := StartTest(t, Options{Token: token, Login: "dana", PageSize: 1})
	for _, r := range []Repo{
		{Owner: "dana", Name: "a", OwnerType: "User"}, {Owner: "dana", Name: "b", OwnerType: "User", Visibility: "private"},
		{Owner: "dana", Name: "c", OwnerType: "User", Visibility: "private"},
		{Owner: "erin", Name: "x", OwnerType: "User"}, {Owner: "erin", Name: "y", OwnerType: "User", Visibility: "private"},
		{Owner: "acme", Name: "web", Visibility: "private"},
	} {
		if _, err := s.AddRepo(r); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct{ path, want string }{
		{"/api/v3/users/dana/repos", "dana/a"},
		{"/api/v3/users/dana/repos?type=all", "dana/a"},
		{"/api/v3/users/dana/repos?type=member", ""},
		{"/api/v3/users/erin/repos", "erin/x"},
		{"/api/v3/users/acme/repos", ""},
		{"/api/v3/user/repos?affiliation=owner&per_page=100", "dana/a dana/b dana/c"},
		{"/api/v3/user/repos?affiliation=owner&visibility=all", "dana/a dana/b dana/c"},
		{"/api/v3/user/repos?affiliation=owner&visibility=private", "dana/b dana/c"},
		{"/api/v3/user/repos?visibility=public", "dana/a"},
		{"/api/v3/user/repos", "dana/a dana/b dana/c"},
		{"/api/v3/user/repos?type=private", "dana/b dana/c"},
		{"/api/v3/user/repos?affiliation=collaborator,organization_member", ""},
	} {
		if got := strings.Join(listAll(t, s, tc.path), " "); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.path, got, tc.want)
		}
	}
	if resp, e := errorAnswer(t, s, "/api/v3/user/repos?type=owner&affiliation=owner"); resp.StatusCode != 422 ||
		e["message"] != "If you specify visibility or affiliation, you cannot specify type." {
		t.Errorf("type beside affiliation: %d %v", resp.StatusCode, e)
	}
	if resp, _ := do(t, s, "/api/v3/users/nosuch/repos", true); resp.StatusCode != 404 {
		t.Errorf("unknown user: %d", resp.StatusCode)
	}
}

// errorAnswer gets path with the token and decodes GitHub's error document, which must have
// the fields GitHub's schema gives it.
func errorAnswer(t *testing.T, s *Server, path string) (*http.Response, map[string]any) {
	t.Helper()
	resp, body := do(t, s, path, true)
	var e map[string]any
	if err := json.Unmarshal(body, &e); err != nil {
		t.Fatalf("%s: %v: %s", path, err, body)
	}
	hasFields(t, "error", e)
	return resp, e
}

func TestContractErrors(t *testing.T) {
	s := StartTest(t, Options{Token: token})
	if resp, e := errorAnswer(t, s, "/api/v3/orgs/nosuch/repos"); resp.StatusCode != 404 || e["message"] != "Not Found" {
		t.Errorf("unknown org: %d %v", resp.StatusCode, e)
	}
	if resp, _ := do(t, s, "/api/v3/orgs/nosuch/repos", false); resp.StatusCode != 401 {
		t.Errorf("no token: %d", resp.StatusCode)
	}
	s.AddOwner("acme", "Organization")
	s.SecondaryLimit(1, 30)
	resp, e := errorAnswer(t, s, "/api/v3/orgs/acme/repos")
	if doc, _ := e["documentation_url"].(string); resp.StatusCode != 403 || resp.Header.Get("Retry-After") != "30" || !strings.HasSuffix(doc, "secondary-rate-limits") {
		t.Errorf("secondary limit: %d %v %v", resp.StatusCode, resp.Header, e)
	}
	s.SetRateLimit(60, 0, s.opts.Now().Add(600e9))
	resp, _ = do(t, s, "/api/v3/orgs/acme/repos", true)
	if resp.StatusCode != 403 || resp.Header.Get("X-RateLimit-Remaining") != "0" {
		t.Errorf("primary limit: %d %v", resp.StatusCode, resp.Header)
	}
	// git asks for credentials the way GitHub does, and refuses a wrong token.
	resp, _ = do(t, s, "/acme/x.git/info/refs?service=git-upload-pack", false)
	if resp.StatusCode != 401 || !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Basic") {
		t.Errorf("git without credentials: %d %v", resp.StatusCode, resp.Header)
	}
}

func TestContractSecretScanningAlerts(t *testing.T) {
	s := StartTest(t, Options{Token: token, PageSize: 1})
	s.AddRepo(Repo{Owner: "acme", Name: "web"})
	s.AddAlert(Alert{Repo: "acme/web", Secret: strings.Repeat("A", 32), Path: "a.php", Line: 3, Commit: strings.Repeat("c", 40), Blob: strings.Repeat("b", 40)})
	s.AddAlert(Alert{Repo: "acme/web", Secret: strings.Repeat("B", 32)})
	resp, body := do(t, s, "/api/v3/orgs/acme/secret-scanning/alerts?state=open", true)
	var alerts []map[string]any
	if err := json.Unmarshal(body, &alerts); err != nil || len(alerts) != 1 {
		t.Fatalf("%v: %s", err, body)
	}
	hasFields(t, "alert", alerts[0])
	m := linkRE.FindStringSubmatch(resp.Header.Get("Link"))
	if m == nil || m[2] != "next" || !strings.Contains(m[1], "after=") || strings.Contains(m[1], "page=") {
		t.Fatalf("cursor Link %q", resp.Header.Get("Link"))
	}
	_, body = do(t, s, strings.TrimPrefix(m[1], s.URL()), true)
	var next []map[string]any
	json.Unmarshal(body, &next)
	if len(next) != 1 || next[0]["number"] == alerts[0]["number"] {
		t.Errorf("second page %s", body)
	}
	_, body = do(t, s, "/api/v3/repos/acme/web/secret-scanning/alerts/1/locations", true)
	var locs []map[string]any
	if err := json.Unmarshal(body, &locs); err != nil || len(locs) != 1 || locs[0]["type"] != "commit" {
		t.Fatalf("%v %s", err, body)
	}
	hasFields(t, "location", locs[0]["details"].(map[string]any))
}

// TestRepositorySizeIsDiskSize: "size" is the repository's git data in KB, as on GitHub, so that
// clients can schedule the largest repositories first.
func TestRepositorySizeIsDiskSize(t *testing.T) {
	s := StartTest(t, Options{Token: token})
	for _, name := range []string{"small", "big"} {
		if _, err := s.AddRepo(Repo{Owner: "acme", Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	blob := filepath.Join(s.GitRoot(), "acme", "big.git", "objects", "pack", "data.pack")
	if err := os.WriteFile(blob, make([]byte, 300<<10), 0o644); err != nil {
		t.Fatal(err)
	}
	_, body := do(t, s, "/api/v3/orgs/acme/repos", true)
	var repos []map[string]any
	if err := json.Unmarshal(body, &repos); err != nil {
		t.Fatal(err)
	}
	sizes := map[string]float64{}
	for _, r := range repos {
		sizes[r["name"].(string)] = r["size"].(float64)
	}
	if sizes["big"] < 300 || sizes["small"] >= 300 || sizes["small"] <= 0 {
		t.Fatalf("sizes %v: want big >= 300 KB, small between 0 and 300", sizes)
	}
}
