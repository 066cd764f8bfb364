package mirror_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/github/githubtest"
	"github.com/tokenscan/tokenscan/scanner/mirror"
)

const token = "ghp_" + "mirrorTestToken00000000001"

func TestShardPartitionIsStableAndComplete(t *testing.T) {
	names := make([]string, 500)
	for i := range names {
		names[i] = fmt.Sprintf("acme/repo-%03d", i)
	}
	for _, n := range []int{1, 2, 3, 7} {
		counts := make([]int, n)
		for _, name := range names {
			owners := 0
			for i := 1; i <= n; i++ {
				if (mirror.Shard{Index: i, Count: n}).Contains(name) {
					owners++
					counts[i-1]++
				}
			}
			if owners != 1 {
				t.Fatalf("%s is in %d of %d shards", name, owners, n)
			}
		}
		for i, c := range counts {
			if c < len(names)/n/2 {
				t.Errorf("shard %d/%d has only %d of %d", i+1, n, c, len(names))
			}
		}
	}
	// Case-insensitive and independent of everything but the name.
	if (mirror.Shard{Index: 2, Count: 4}).Contains("Acme/Web") != (mirror.Shard{Index: 2, Count: 4}).Contains("acme/web") {
		t.Error("shard depends on case")
	}
	for _, bad := range []string{"", "0/3", "4/3", "1/0", "a/b", "1-3"} {
		if _, err := mirror.ParseShard(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if s, err := mirror.ParseShard("2/4"); err != nil || s != (mirror.Shard{Index: 2, Count: 4}) {
		t.Errorf("2/4: %v %v", s, err)
	}
}

func TestStateRoundTripAndCorruption(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "s", "acme", "web.json")
	st, err := mirror.LoadState(p)
	if err != nil || len(st.Scanned) != 0 {
		t.Fatalf("missing state: %v %+v", err, st)
	}
	st.Repo, st.Engine = "acme/web", "e1"
	st.Scanned = []string{"b", "a", "b"}
	// A commit message can hold the token itself; a state keeps no message.
	const secret = "Q8ZK2M4T7W1RXN5BH9CJ3PVL6YD0FGS2"
	st.Leaks = []mirror.KnownLeak{{Fingerprint: "f1", RuleID: "r", Locations: []finding.Origin{{Path: "x", Commit: "c1", Message: "purge with cpanel dave:" + secret}}}}
	if err := mirror.SaveState(p, st); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(p); strings.Contains(string(data), secret) || strings.Contains(string(data), "purge with") {
		t.Errorf("the state holds a commit message:\n%s", data)
	}
	if st.Leaks[0].Locations[0].Message == "" {
		t.Error("SaveState changed the caller's leaks")
	}
	got, err := mirror.LoadState(p)
	if err != nil || strings.Join(got.Scanned, ",") != "a,b" || len(got.Leaks) != 1 {
		t.Fatalf("%v %+v", err, got)
	}
	if entries, _ := os.ReadDir(filepath.Dir(p)); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	// A state written before messages were dropped loses them when it is first read.
	old := `{"version": ` + fmt.Sprint(mirror.StateVersion) + `, "repo": "acme/web", "leaks": [{"fingerprint": "f1", "locations": [{"path": "x", "commit": "c1", "message": "purge with cpanel dave:` + secret + `"}]}]}`
	os.WriteFile(p, []byte(old), 0o600)
	if st, err := mirror.LoadState(p); err != nil || len(st.Leaks) != 1 || st.Leaks[0].Locations[0].Message != "" || st.Leaks[0].Locations[0].Commit != "c1" {
		t.Errorf("old state: %v %+v", err, st)
	}
	if data, _ := os.ReadFile(p); strings.Contains(string(data), secret) {
		t.Errorf("an old state still holds the message on disk:\n%s", data)
	}
	os.WriteFile(p, []byte("{not json"), 0o600)
	if _, err := mirror.LoadState(p); !errors.Is(err, mirror.ErrStateCorrupt) {
		t.Errorf("corrupt state: %v", err)
	}
	os.WriteFile(p, []byte(`{"version": 99, "scanned": ["x"]}`), 0o600)
	if st, err := mirror.LoadState(p); err != nil || len(st.Scanned) != 0 {
		t.Errorf("future version: %v %+v", err, st)
	}

	merged := mirror.MergeLeaks(got.Leaks, []mirror.KnownLeak{
		{Fingerprint: "f1", Locations: []finding.Origin{{Path: "x", Commit: "c1"}, {Path: "y", Commit: "c2"}}},
		{Fingerprint: "f2", Locations: []finding.Origin{{Path: "z", Commit: "c3"}}},
	})
	if len(merged) != 2 || len(merged[0].Locations) != 2 {
		t.Errorf("merged %+v", merged)
	}
}

func TestCacheIsExclusive(t *testing.T) {
	dir := t.TempDir()
	c, err := mirror.Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := mirror.Open(dir, ""); !errors.Is(err, mirror.ErrLocked) {
		t.Errorf("second open: %v", err)
	}
	c.Close()
	c2, err := mirror.Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	c2.Close()
	if _, err := c2.RepoDir(mirror.Remote{Host: "h", FullName: "../etc"}); err == nil {
		t.Error("a path-traversing name was accepted")
	}
}

// TestSyncAuthenticatesOnlyThroughTheEnvironment clones and fetches from a real git smart-HTTP
// server that demands the token, and proves the token was in no argument, URL or file, and
// that git sent it with its first request (no 401 challenge, no prompt).
func TestSyncAuthenticatesOnlyThroughTheEnvironment(t *testing.T) {
	real, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git")
	}
	wrap := t.TempDir()
	argv := filepath.Join(wrap, "argv.log")
	os.WriteFile(filepath.Join(wrap, "git"), []byte("#!/bin/sh\nprintf '%s\\n' \"$*\" >> '"+argv+"'\nexec '"+real+"' \"$@\"\n"), 0o755)
	t.Setenv("PATH", wrap+string(os.PathListSeparator)+os.Getenv("PATH"))

	gh := githubtest.StartTest(t, githubtest.Options{Token: token})
	bare, _ := gh.AddRepo(githubtest.Repo{Owner: "acme", Name: "web"})
	first, err := githubtest.CommitTo(bare, githubtest.Commit{Files: map[string]string{"a.txt": "one\n"}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	remote := mirror.Remote{Host: "127.0.0.1", FullName: "acme/web", URL: gh.URL() + "/acme/web.git"}

	// A wrong token is refused, and the error says so; nothing is left behind.
	wrong, _ := mirror.Open(t.TempDir(), "ghp_wrong")
	if _, err := wrong.Sync(ctx, remote); err == nil || !strings.Contains(err.Error(), "refused the GitHub token") {
		t.Fatalf("a wrong token: %v", err)
	}
	wrong.Close()
	none, _ := mirror.Open(t.TempDir(), "")
	if _, err := none.Sync(ctx, remote); err == nil || !strings.Contains(err.Error(), "no GitHub token was given") {
		t.Fatalf("no token: %v", err)
	}
	none.Close()

	// A user's own configuration does not add headers, and a trace would redact the token.
	t.Setenv("GIT_CONFIG_COUNT", "1")
	t.Setenv("GIT_CONFIG_KEY_0", "http.extraHeader")
	t.Setenv("GIT_CONFIG_VALUE_0", "Authorization: Basic "+base64.StdEncoding.EncodeToString([]byte("x:ghp_wrong")))
	t.Setenv("GIT_TRACE_REDACT", "0")
	gh.ResetRequests()
	cacheDir := t.TempDir()
	c, err := mirror.Open(cacheDir, token)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	res, err := c.Sync(ctx, remote)
	if err != nil || !res.Cloned {
		t.Fatalf("clone: %v %+v", err, res)
	}
	if out, err := exec.Command("git", "-C", res.Dir, "count-objects").Output(); err != nil || !strings.HasPrefix(string(out), "0 objects") {
		t.Errorf("the clone left loose objects instead of its pack: %q %v", out, err)
	}
	second, _ := githubtest.CommitTo(bare, githubtest.Commit{Files: map[string]string{"b.txt": "two\n"}})
	if res, err = c.Sync(ctx, remote); err != nil || res.Cloned {
		t.Fatalf("fetch: %v %+v", err, res)
	}
	tips, err := mirror.Tips(ctx, res.Dir)
	if err != nil || len(tips) != 1 || tips[0] != second {
		t.Errorf("tips %v, want [%s]", tips, second)
	}
	have, err := mirror.Existing(ctx, res.Dir, []string{first, strings.Repeat("0", 40), "junk"})
	if err != nil || len(have) != 1 || have[0] != first {
		t.Errorf("existing %v %v", have, err)
	}
	files, missing, err := mirror.ReadFiles(ctx, res.Dir, []mirror.FileRef{{Commit: second, Path: "a.txt"}, {Commit: first, Path: "b.txt"}}, 1<<20)
	if err != nil || string(files[mirror.FileRef{Commit: second, Path: "a.txt"}]) != "one\n" || len(missing) != 1 {
		t.Errorf("read back: %v %q %v", err, files, missing)
	}

	gitRequests := 0
	for _, r := range gh.Requests() {
		if r.Kind == "git" {
			gitRequests++
			if r.Status != http.StatusOK {
				t.Errorf("git request %s %s answered %d: the token was not sent with it", r.Method, r.Path, r.Status)
			}
		}
	}
	if gitRequests == 0 {
		t.Error("the server saw no git request")
	}

	filepath.WalkDir(cacheDir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if data, _ := os.ReadFile(p); bytes.Contains(data, []byte(token)) {
				t.Errorf("%s holds the token", p)
			}
		}
		return nil
	})
	log, _ := os.ReadFile(argv)
	if !bytes.Contains(log, []byte("fetch")) || bytes.Contains(log, []byte(token)) {
		t.Errorf("git argv: fetch seen %v, token seen %v", bytes.Contains(log, []byte("fetch")), bytes.Contains(log, []byte(token)))
	}
	cfg, _ := os.ReadFile(filepath.Join(res.Dir, "config"))
	if bytes.Contains(cfg, []byte("url")) || bytes.Contains(cfg, []byte("credential")) {
		t.Errorf("mirror config remembers a remote or credentials:\n%s", cfg)
	}
}

// TestSyncRunsNoUserHooks: a user's hooks directory and init template must not reach the
// mirrors. git runs the reference-transaction hook on every fetch that updates refs, so a hook
// there would run user code in each repository of a sweep.
func TestSyncRunsNoUserHooks(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	home := t.TempDir()
	ran := filepath.Join(home, "hook-ran")
	hook := "#!/bin/sh\npwd >> '" + ran + "'\n" // the test's git server runs it too
	hooks := filepath.Join(home, "hooks")
	template := filepath.Join(home, "template")
	for _, dir := range []string{hooks, filepath.Join(template, "hooks")} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "reference-transaction"), []byte(hook), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(template, "from-template"), []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	global := filepath.Join(home, "gitconfig")
	cfg := "[core]\n\thooksPath = " + hooks + "\n[init]\n\ttemplateDir = " + template + "\n"
	if err := os.WriteFile(global, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_CONFIG_GLOBAL", global)

	gh := githubtest.StartTest(t, githubtest.Options{Token: token})
	bare, _ := gh.AddRepo(githubtest.Repo{Owner: "acme", Name: "hooks"})
	if _, err := githubtest.CommitTo(bare, githubtest.Commit{Files: map[string]string{"a.txt": "one\n"}}); err != nil {
		t.Fatal(err)
	}
	cacheDir := t.TempDir()
	c, err := mirror.Open(cacheDir, token)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	remote := mirror.Remote{Host: "127.0.0.1", FullName: "acme/hooks", URL: gh.URL() + "/acme/hooks.git"}
	res, err := c.Sync(context.Background(), remote)
	if err != nil || !res.Cloned {
		t.Fatalf("clone: %v %+v", err, res)
	}
	if _, err := githubtest.CommitTo(bare, githubtest.Commit{Files: map[string]string{"b.txt": "two\n"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Sync(context.Background(), remote); err != nil {
		t.Fatalf("fetch: %v", err)
	}
	out, err := os.ReadFile(ran)
	if err != nil {
		t.Fatalf("the hook never ran, not even in the server's repository: %v", err)
	}
	real, _ := filepath.EvalSymlinks(cacheDir)
	for _, dir := range strings.Fields(string(out)) {
		if strings.HasPrefix(dir, cacheDir) || strings.HasPrefix(dir, real) {
			t.Errorf("a user hook ran in the mirror %s", dir)
		}
	}
	if _, err := os.Stat(filepath.Join(res.Dir, "from-template")); err == nil {
		t.Error("the user's init template was copied into the mirror")
	}
}
