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

func TestContractErrors(t *testing.T) {
	s := StartTest(t, Options{Token: token})
	resp, body := do(t, s, "/api/v3/orgs/nosuch/repos", true)
	var e map[string]any
	json.Unmarshal(body, &e)
	if resp.StatusCode != 404 || e["message"] != "Not Found" {
		t.Errorf("unknown org: %d %s", resp.StatusCode, body)
	}
	hasFields(t, "error", e)
	if resp, _ := do(t, s, "/api/v3/orgs/nosuch/repos", false); resp.StatusCode != 401 {
		t.Errorf("no token: %d", resp.StatusCode)
	}
	s.AddOwner("acme", "Organization")
	s.SecondaryLimit(1, 30)
	resp, body = do(t, s, "/api/v3/orgs/acme/repos", true)
	json.Unmarshal(body, &e)
	if resp.StatusCode != 403 || resp.Header.Get("Retry-After") != "30" || !strings.HasSuffix(e["documentation_url"].(string), "secondary-rate-limits") {
		t.Errorf("secondary limit: %d %v %s", resp.StatusCode, resp.Header, body)
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
