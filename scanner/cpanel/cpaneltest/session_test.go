package cpaneltest

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
)

// login posts the login form with a cookie jar, the way a browser does, and returns the client
// and the session prefix it was redirected to.
func login(t *testing.T, f fixture, svc Service, user, pass string) (*http.Client, string) {
	t.Helper()
	jar, err := cookiejar.New(nil)
	must(t, err)
	c := noRedirect(f.Sim)
	c.Jar = jar
	res := do(t, c, http.MethodPost, f.URL(svc, TLSOn)+"/login/", "", url.Values{"user": {user}, "pass": {pass}})
	if res.status != http.StatusFound {
		t.Fatalf("login: HTTP %d, want 302: %s", res.status, res.body)
	}
	loc := res.header.Get("Location")
	m := regexp.MustCompile(`^(/cpsess\d{10})/`).FindStringSubmatch(loc)
	if m == nil {
		t.Fatalf("login redirected to %q, want a /cpsess<10 digits>/ path", loc)
	}
	return c, m[1]
}

func TestLoginAndSessionPaths(t *testing.T) {
	f := newFixture(t, Options{SessionTTL: 15 * time.Minute})
	c, prefix := login(t, f, ServiceCPanel, "alice", "alice-pass")
	base := f.CPanelURL() + prefix

	res := do(t, c, http.MethodPost, base+"/execute/Tokens/list", "", nil)
	if res.status != 200 || res.json(t)["status"] != 1.0 {
		t.Fatalf("session-path list: %d %s", res.status, res.body)
	}
	res = do(t, c, http.MethodGet, base+"/execute/Tokens/create_full_access", "", url.Values{"name": {"from-ui"}})
	if res.json(t)["status"] != 1.0 {
		t.Fatalf("session-path create: %s", res.body)
	}

	// The same path without the cookie, with another session id, or on the other service is
	// answered with the HTML login page, never JSON.
	other := prefix[:len(prefix)-1] + string('0'+(prefix[len(prefix)-1]-'0'+1)%10)
	tests := []struct {
		name   string
		client *http.Client
		url    string
	}{
		{"no cookie", noRedirect(f.Sim), base + "/execute/Tokens/list"},
		{"wrong session id", c, f.CPanelURL() + other + "/execute/Tokens/list"},
		{"cPanel session on WHM", c, f.WHMURL() + prefix + "/json-api/api_token_list?api.version=1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := do(t, tt.client, http.MethodPost, tt.url, "", nil)
			assertLoginPage(t, res, http.StatusUnauthorized)
		})
	}

	// Idle timeout on the simulator clock: activity extends it, silence ends it.
	f.clock.Advance(10 * time.Minute)
	if res := do(t, c, http.MethodPost, base+"/execute/Tokens/list", "", nil); res.status != 200 {
		t.Fatalf("session expired before its idle timeout: %d", res.status)
	}
	f.clock.Advance(16 * time.Minute)
	assertLoginPage(t, do(t, c, http.MethodPost, base+"/execute/Tokens/list", "", nil), http.StatusUnauthorized)
	// Pages of an expired session answer 200 with the login form, the other cpsrvd behaviour.
	assertLoginPage(t, do(t, c, http.MethodGet, base+"/frontend/jupiter/api_tokens/index.html", "", nil), http.StatusOK)
}

func assertLoginPage(t *testing.T, res response, status int) {
	t.Helper()
	if res.status != status {
		t.Errorf("HTTP %d, want %d", res.status, status)
	}
	if ct := res.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("Content-Type %q, want the HTML login page", ct)
	}
	if !strings.Contains(string(res.body), `id="login_form"`) {
		t.Errorf("not the login page: %.200s", res.body)
	}
}

func TestLoginFailures(t *testing.T) {
	f := newFixture(t, Options{})
	for _, creds := range [][2]string{{"alice", "wrong"}, {"nobody", "x"}, {"root", "root-pass"}} {
		res := do(t, noRedirect(f.Sim), http.MethodPost, f.CPanelURL()+"/login/", "", url.Values{"user": {creds[0]}, "pass": {creds[1]}})
		if res.status != http.StatusUnauthorized || res.header.Get("Set-Cookie") != "" {
			t.Errorf("login %s: HTTP %d, cookie %q", creds[0], res.status, res.header.Get("Set-Cookie"))
		}
	}
	// goto_uri keeps the redirect on this server.
	for goTo, want := range map[string]string{
		"/frontend/jupiter/api_tokens/index.html#/create": "/frontend/jupiter/api_tokens/index.html#/create",
		"//evil.example/":      "/frontend/jupiter/index.html",
		"https://evil.example": "/frontend/jupiter/index.html",
	} {
		res := do(t, noRedirect(f.Sim), http.MethodPost, f.CPanelURL()+"/login/", "",
			url.Values{"user": {"alice"}, "pass": {"alice-pass"}, "goto_uri": {goTo}})
		if loc := res.header.Get("Location"); !regexp.MustCompile(`^/cpsess\d{10}` + regexp.QuoteMeta(want) + `$`).MatchString(loc) {
			t.Errorf("goto_uri %q redirected to %q", goTo, loc)
		}
	}
}

func TestLogoutEndsSession(t *testing.T) {
	f := newFixture(t, Options{})
	c, prefix := login(t, f, ServiceCPanel, "alice", "alice-pass")
	do(t, c, http.MethodGet, f.CPanelURL()+prefix+"/logout/", "", nil)
	assertLoginPage(t, do(t, c, http.MethodPost, f.CPanelURL()+prefix+"/execute/Tokens/list", "", nil), http.StatusUnauthorized)
}

func TestManageAPITokensPageMarkers(t *testing.T) {
	f := newFixture(t, Options{})
	sess, err := f.NewSession(ServiceCPanel, "alice")
	must(t, err)
	for _, theme := range []string{"jupiter", "paper_lantern"} {
		base := f.CPanelURL() + sess.Prefix + "/frontend/" + theme + "/api_tokens/"
		res := do(t, f.Client(), http.MethodGet, base+"index.html", "", nil, sess.Cookie)
		page := string(res.body)
		for _, marker := range []string{
			`<body id="api_tokens" data-app-key="api_tokens">`,
			`<script src="app.js"></script>`,
			`<meta name="cpsim-server-time" content="1740830400">`,
		} {
			if !strings.Contains(page, marker) {
				t.Errorf("%s page lacks %s", theme, marker)
			}
		}
		js := do(t, f.Client(), http.MethodGet, base+"app.js", "", nil, sess.Cookie)
		if js.status != 200 || !strings.HasPrefix(js.header.Get("Content-Type"), "text/javascript") {
			t.Fatalf("app.js: %d %s", js.status, js.header.Get("Content-Type"))
		}
		for _, marker := range []string{
			"apiTokensItemLister_items_table", "`data-row ${expiryClass(t)}`", "'danger'", "'warning'", "PAGE_SIZE = 20",
			"/execute/Tokens/${fn}", "method: 'POST'", "'/create'", "'/manage'", "btnCopyToken", "'revoke'",
		} {
			if !strings.Contains(string(js.body), marker) {
				t.Errorf("app.js lacks %q", marker)
			}
		}
	}
	whm, err := f.NewSession(ServiceWHM, "root")
	must(t, err)
	res := do(t, f.Client(), http.MethodGet, f.WHMURL()+whm.Prefix+whmPagePath, "", nil, whm.Cookie)
	if !strings.Contains(string(res.body), `id="whmApiTokensTable"`) || !strings.Contains(string(res.body), `data-app-key="api_tokens"`) {
		t.Errorf("WHM page markers missing: %.300s", res.body)
	}
	// The WHM page loads its data same-origin through the session path.
	list := do(t, f.Client(), http.MethodPost, f.WHMURL()+whm.Prefix+"/json-api/api_token_list", "", url.Values{"api.version": {"1"}}, whm.Cookie)
	if !strings.Contains(string(list.body), `"billing"`) {
		t.Errorf("WHM session-path list: %s", list.body)
	}
}

// TestPageScriptsParse runs Node's syntax check over the embedded scripts when Node is there;
// their behaviour is exercised by the browser tests of the extension.
func TestPageScriptsParse(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed: page scripts not syntax-checked")
	}
	for _, name := range []string{"assets/app.js", "assets/whm.js"} {
		if out, err := exec.Command(node, "--check", name).CombinedOutput(); err != nil {
			t.Errorf("%s: %v\n%s", name, err, out)
		}
	}
}
