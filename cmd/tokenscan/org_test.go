package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/tokenscan/tokenscan/scanner/cpanel/cpaneltest"
	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/github"
	"github.com/tokenscan/tokenscan/scanner/github/githubtest"
	"github.com/tokenscan/tokenscan/scanner/mirror"
	"github.com/tokenscan/tokenscan/scanner/report"
)

// A GitHub token shape built at run time, so no file here holds one.
var testGitHubToken = "ghp_" + "T0k3nFor" + "TheFake" + "GitHubServer01"

type orgEnv struct {
	sim       simEnv
	gh        *githubtest.Server
	tokenFile string
	cache     string
	gitLog    string
	tokens    map[string]string // cPanel user -> leaked value
}

// installGitWrapper puts a git on PATH that logs its arguments and runs the real one, so a test
// can prove that no git process ever saw the token on its command line.
func installGitWrapper(t *testing.T) string {
	t.Helper()
	real, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	log := filepath.Join(dir, "argv.log")
	script := "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + log + "'\nexec '" + real + "' \"$@\"\n"
	if err := os.WriteFile(filepath.Join(dir, "git"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	return log
}

// startOrg builds the demo organisation: five repositories, tokens of alice and bob planted in
// the history of two of them (and deleted again), carol's token only in a secret-scanning alert
// and a config file without a host, one archived repository and more than one page of them.
func startOrg(t *testing.T) orgEnv {
	t.Helper()
	e := orgEnv{sim: startSim(t), gitLog: installGitWrapper(t), cache: filepath.Join(t.TempDir(), "cache"), tokens: map[string]string{}}
	if err := e.sim.sim.AddAccount(cpaneltest.Account{User: "carol"}); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"alice", "bob", "carol"} {
		e.tokens[u] = e.sim.sim.MustMint(t, cpaneltest.TokenSpec{User: u, Name: "deploy-" + u, CreateTime: time.Now().Add(-48 * time.Hour)})
	}
	e.gh = githubtest.StartTest(t, githubtest.Options{Token: testGitHubToken, PageSize: 2})
	e.tokenFile = filepath.Join(t.TempDir(), "gh-token")
	if err := os.WriteFile(e.tokenFile, []byte(testGitHubToken+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	when := time.Date(2025, 5, 1, 10, 0, 0, 0, time.UTC)
	commit := func(dir string, files map[string]string, msg string) string {
		when = when.Add(time.Hour)
		id, err := githubtest.CommitTo(dir, githubtest.Commit{Files: files, Message: msg, When: when})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	repo := func(name string, archived bool) string {
		// Pushed an hour ago: a fetch now is trusted to hold that push (see pushedAtSlack).
		dir, err := e.gh.AddRepo(githubtest.Repo{Owner: "demo", Name: name, Archived: archived, PushedAt: time.Now().Add(-time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		return dir
	}
	shop := repo("shop", false)
	commit(shop, map[string]string{"README.md": "# shop\n"}, "init")
	commit(shop, map[string]string{"deploy.sh": "curl -H 'Authorization: cpanel alice:" + e.tokens["alice"] + "' https://" + e.sim.host + "/execute/Cache/purge\n"}, "purge cache")
	commit(shop, map[string]string{"deploy.sh": "curl -H \"Authorization: cpanel alice:$CPANEL_TOKEN\" https://" + e.sim.host + "/execute/Cache/purge\n"}, "token from env")

	blog := repo("blog", false)
	commit(blog, map[string]string{"backup.sh": "#!/bin/sh\ncurl -s -H 'Authorization: cpanel bob:" + e.tokens["bob"] + "' https://" + e.sim.host + "/execute/Backup/fullbackup_to_homedir\n"}, "backups")
	commit(blog, map[string]string{"backup.sh": "#!/bin/sh\n. ./secrets.sh\n"}, "remove token")

	docs := repo("docs", false)
	c := commit(docs, map[string]string{"notes/deploy.txt": "ask ops for the deploy credentials\nvalue " + e.tokens["carol"] + "\n"}, "notes")
	blob, err := githubtest.BlobID(docs, c, "notes/deploy.txt")
	if err != nil {
		t.Fatal(err)
	}
	e.gh.AddAlert(githubtest.Alert{Repo: "demo/docs", Secret: e.tokens["carol"], Path: "notes/deploy.txt", Line: 2, Commit: c, Blob: blob})
	e.gh.AddAlert(githubtest.Alert{Repo: "demo/docs", SecretType: "slack_webhook_url", TypeName: "Slack Incoming Webhook URL",
		Secret: "https://hooks.slack.example/services/T0/B0/x", Path: "notes/deploy.txt", Line: 1, Commit: c, Blob: blob})

	tools := repo("tools", false)
	commit(tools, map[string]string{"Makefile": "all:\n\tgo build ./...\n"}, "build")
	old := repo("legacy", true)
	commit(old, map[string]string{"old.sh": "echo nothing to see\n"}, "old")
	return e
}

func (e orgEnv) args(extra ...string) []string {
	return append([]string{"--org", "demo", "--github-url", e.gh.URL(), "--github-token-file", e.tokenFile, "--cache-dir", e.cache,
		"--format", "json", "--ca-file", e.sim.ca, "--github-alerts", "--skip-archived",
		"--host-map", "demo/docs/**=cpanel://carol@" + e.sim.host}, extra...)
}

type orgReport struct {
	Scan struct {
		Sources []string `json:"sources"`
		Counts  struct {
			Blobs   int64 `json:"blobs"`
			Commits int64 `json:"commits"`
		} `json:"counts"`
	} `json:"scan"`
	Leaks []struct {
		Fingerprint string `json:"fingerprint"`
		State       string `json:"state"`
		Detail      string `json:"detail"`
		Locations   []struct {
			Source string `json:"source"`
			Path   string `json:"path"`
			Commit string `json:"commit"`
		} `json:"locations"`
	} `json:"leaks"`
	Errors []struct {
		Source, Message string
	} `json:"errors"`
}

func parseOrgReport(t *testing.T, r runResult) orgReport {
	t.Helper()
	var rep orgReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("%v\nstdout: %s\nstderr: %s", err, r.stdout, r.stderr)
	}
	return rep
}

func TestOrgScanRevokesAndRescansIncrementally(t *testing.T) {
	e := startOrg(t)
	r := runCLI(t, "", e.args("--revoke")...)
	rep := parseOrgReport(t, r)
	if r.code != report.ExitLeaks {
		t.Fatalf("exit %d, want 1\nstderr: %s\nstdout: %s", r.code, r.stderr, r.stdout)
	}
	if len(rep.Scan.Sources) != 4 {
		t.Errorf("sources %v: want the 4 unarchived repositories of the 3 pages", rep.Scan.Sources)
	}
	if len(rep.Leaks) != 3 {
		t.Fatalf("%d leaks, want 3 (alice, bob, carol)\n%s", len(rep.Leaks), r.stdout)
	}
	paths := map[string]bool{}
	for _, l := range rep.Leaks {
		if l.State != string(finding.StateRevokedConfirmed) {
			t.Errorf("leak %s: state %s (%s), want revoked-confirmed", l.Fingerprint[:12], l.State, l.Detail)
		}
		for _, loc := range l.Locations {
			paths[loc.Path] = true
		}
	}
	for _, p := range []string{"demo/shop/deploy.sh", "demo/blog/backup.sh", "demo/docs/notes/deploy.txt"} {
		if !paths[p] {
			t.Errorf("no location %s in %v", p, paths)
		}
	}
	for u, v := range e.tokens {
		if e.sim.sim.Valid(finding.KindCPanel, u, v) {
			t.Errorf("%s's leaked token still works", u)
		}
	}
	if !strings.Contains(r.stderr, "leaked token") || !strings.Contains(r.stderr, "repositories") {
		t.Errorf("no progress or streamed findings on stderr:\n%s", r.stderr)
	}
	assertTokenNeverExposed(t, e)

	// The re-run fetches nothing (nothing was pushed), reads no new blob, and re-verifies the
	// tokens it remembers by fingerprint: they are dead now.
	e.gh.ResetRequests()
	e.sim.sim.ResetRequests()
	r = runCLI(t, "", e.args("--revoke")...)
	rep = parseOrgReport(t, r)
	if r.code != report.ExitLeaks || len(rep.Leaks) != 3 {
		t.Fatalf("re-run: exit %d, %d leaks\n%s\n%s", r.code, len(rep.Leaks), r.stderr, r.stdout)
	}
	for _, l := range rep.Leaks {
		if l.State != string(finding.StateDead) {
			t.Errorf("re-run: leak %s is %s, want dead", l.Fingerprint[:12], l.State)
		}
	}
	if rep.Scan.Counts.Blobs != 0 || rep.Scan.Counts.Commits != 0 {
		t.Errorf("re-run scanned %d commits, %d blobs; want none", rep.Scan.Counts.Commits, rep.Scan.Counts.Blobs)
	}
	for _, req := range e.gh.Requests() {
		if req.Kind == "git" {
			t.Errorf("re-run talked git: %s %s", req.Method, req.Path)
		}
	}
	for _, req := range e.sim.sim.Requests() {
		if strings.Contains(strings.ToLower(req.Path), "revoke") {
			t.Errorf("re-run revoked something: %s", req.Path)
		}
	}

	// A push to one repository: only it is fetched and only its new commit scanned.
	docs := filepath.Join(e.gh.GitRoot(), "demo", "docs.git")
	if _, err := githubtest.CommitTo(docs, githubtest.Commit{Files: map[string]string{"README.md": "# docs\n"}, Message: "readme"}); err != nil {
		t.Fatal(err)
	}
	e.gh.Pushed("demo/docs")
	e.gh.ResetRequests()
	r = runCLI(t, "", e.args("--verify")...)
	rep = parseOrgReport(t, r)
	if rep.Scan.Counts.Commits != 1 || rep.Scan.Counts.Blobs != 1 {
		t.Errorf("after a push: scanned %d commits, %d blobs; want 1 and 1\n%s\n%s", rep.Scan.Counts.Commits, rep.Scan.Counts.Blobs, r.stderr, r.stdout)
	}
	for _, req := range e.gh.Requests() {
		if req.Kind == "git" && !strings.HasPrefix(req.Path, "/demo/docs.git/") {
			t.Errorf("fetched %s, which nobody pushed to", req.Path)
		}
	}

	// --full scans everything again.
	r = runCLI(t, "", e.args("--verify", "--full")...)
	if rep = parseOrgReport(t, r); rep.Scan.Counts.Commits < 7 {
		t.Errorf("--full scanned %d commits", rep.Scan.Counts.Commits)
	}
}

// assertTokenNeverExposed checks the cache (mirrors' config, state, helper) and every git
// command line for the GitHub token and the cPanel token values.
func assertTokenNeverExposed(t *testing.T, e orgEnv) {
	t.Helper()
	secrets := []string{testGitHubToken}
	for _, v := range e.tokens {
		secrets = append(secrets, v)
	}
	configs := 0
	err := filepath.WalkDir(e.cache, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.Contains(p, string(filepath.Separator)+"objects"+string(filepath.Separator)) {
			return err
		}
		if d.Name() == "config" {
			configs++
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, s := range secrets {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%s holds a secret", p)
			}
		}
		if d.Name() == "config" && bytes.Contains(data, []byte("@")) {
			t.Errorf("%s has a URL with credentials:\n%s", p, data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if configs < 4 {
		t.Errorf("found %d mirror configs in the cache, want 4", configs)
	}
	argv, err := os.ReadFile(e.gitLog)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(argv, []byte("fetch")) {
		t.Fatalf("the git wrapper saw no fetch:\n%s", argv)
	}
	for _, s := range secrets {
		if bytes.Contains(argv, []byte(s)) {
			t.Errorf("a git command line held a secret")
		}
	}
}

// TestOrgScanExclude: --exclude skips paths inside each repository, and a run with other
// exclusions scans again in full, so nothing excluded before stays unscanned.
func TestOrgScanExclude(t *testing.T) {
	e := startOrg(t)
	paths := func(r runResult) (out []string) {
		for _, l := range parseOrgReport(t, r).Leaks {
			for _, loc := range l.Locations {
				out = append(out, loc.Path)
			}
		}
		sort.Strings(out)
		return out
	}
	r := runCLI(t, "", e.args("--verify", "--exclude", "deploy.sh")...)
	if got := paths(r); slices.Contains(got, "demo/shop/deploy.sh") || !slices.Contains(got, "demo/blog/backup.sh") {
		t.Errorf("--exclude deploy.sh: leaks at %q", got)
	}
	r = runCLI(t, "", e.args("--verify")...)
	if got := paths(r); !slices.Contains(got, "demo/shop/deploy.sh") {
		t.Errorf("the run after, without --exclude: leaks at %q, want demo/shop/deploy.sh too", got)
	}

	// A disabled repository stays out, even named with --repo: it cannot be fetched.
	if _, err := e.gh.AddRepo(githubtest.Repo{Owner: "demo", Name: "frozen", Disabled: true}); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, "", "--repo", "demo/frozen", "--github-url", e.gh.URL(), "--github-token-file", e.tokenFile, "--cache-dir", e.cache, "--format", "json")
	if rep := parseOrgReport(t, r); r.code != report.ExitClean || len(rep.Scan.Sources) != 0 {
		t.Errorf("--repo of a disabled repository: exit %d, sources %q; want it left out", r.code, rep.Scan.Sources)
	}

	// A repository named with --repo is not filtered away by the listing filters.
	r = runCLI(t, "", "--repo", "demo/legacy", "--skip-archived", "--exclude-repo", "legacy", "--github-url", e.gh.URL(),
		"--github-token-file", e.tokenFile, "--cache-dir", e.cache, "--format", "json")
	if rep := parseOrgReport(t, r); r.code != report.ExitClean || len(rep.Scan.Sources) != 1 {
		t.Errorf("--repo demo/legacy with filters that exclude it: exit %d, sources %q, want it scanned", r.code, rep.Scan.Sources)
	}
}

// TestOrgScanKeepsLeaksOfDeletedRepositories: a repository deleted since the last run no longer
// shows in GitHub's listing, but the token leaked there may still work: its known leaks are read
// back from the local mirror and verified again.
func TestOrgScanKeepsLeaksOfDeletedRepositories(t *testing.T) {
	e := startOrg(t)
	if r := runCLI(t, "", e.args("--verify")...); r.code != report.ExitLeaks {
		t.Fatalf("first run: exit %d\n%s", r.code, r.stderr)
	}
	e.gh.DeleteRepo("demo/blog")
	r := runCLI(t, "", e.args("--verify")...)
	rep := parseOrgReport(t, r)
	if slices.Contains(rep.Scan.Sources, "github:"+strings.TrimPrefix(e.gh.URL(), "http://")+"/demo/blog") {
		t.Fatalf("demo/blog still listed: %q", rep.Scan.Sources)
	}
	want := string(finding.FingerprintOf(e.tokens["bob"]))
	var state string
	for _, l := range rep.Leaks {
		if l.Fingerprint == want {
			state = l.State
		}
	}
	if state != "live" || !strings.Contains(r.stderr, "demo/blog: no longer listed by GitHub") {
		t.Errorf("bob's token from the deleted demo/blog: state %q, want it verified live; stderr:\n%s", state, r.stderr)
	}

	// An unreadable state is said so, and the repository is scanned in full again.
	states, _ := filepath.Glob(filepath.Join(e.cache, "state", "*", "demo", "shop.json"))
	if len(states) != 1 {
		t.Fatalf("shop's state: %q", states)
	}
	os.WriteFile(states[0], []byte("{not json"), 0o600)
	r = runCLI(t, "", e.args("--verify")...)
	if !strings.Contains(r.stderr, "demo/shop: scan state is unreadable") || !strings.Contains(r.stdout, string(finding.FingerprintOf(e.tokens["alice"]))) {
		t.Errorf("corrupt state: want a note and alice's token found again; stderr:\n%s", r.stderr)
	}

	// History rewritten so the token's commit is gone, then a run with a new engine (here, new
	// --exclude patterns): the token is known only to the state, and only --full forgets it.
	shop := filepath.Join(e.gh.GitRoot(), "demo", "shop.git")
	gitRun(t, shop, "update-ref", "refs/heads/main", gitRun(t, shop, "rev-list", "--max-parents=0", "main"))
	e.gh.Pushed("demo/shop")
	alice := string(finding.FingerprintOf(e.tokens["alice"]))
	if r := runCLI(t, "", e.args("--verify", "--exclude", "nothing-here.txt")...); !strings.Contains(r.stdout, alice) {
		t.Errorf("after a history rewrite and a new engine, alice's token is forgotten:\n%s", r.stdout)
	}
	// Excluding its path leaves it out of the report, not out of the state: it is back without.
	if r := runCLI(t, "", e.args("--verify", "--exclude", "deploy.sh")...); strings.Contains(r.stdout, alice) {
		t.Errorf("--exclude deploy.sh still reports alice's token:\n%s", r.stdout)
	}
	if r := runCLI(t, "", e.args("--verify")...); !strings.Contains(r.stdout, alice) {
		t.Errorf("a run with --exclude made the state forget alice's token:\n%s", r.stdout)
	}

	// A disabled repository cannot be fetched; what its state knows is checked from the mirror.
	// And a --visibility filter does not stop that (a state knows only a repository's name).
	if _, err := e.gh.AddRepo(githubtest.Repo{Owner: "demo", Name: "shop", Disabled: true, PushedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, "", e.args("--verify", "--visibility", "public")...)
	if !strings.Contains(r.stdout, alice) || !strings.Contains(r.stderr, "demo/shop: disabled on GitHub") {
		t.Errorf("disabled demo/shop: want alice's token checked from the mirror with a note; stderr:\n%s", r.stderr)
	}
}

// TestOrgScanAlertsStopAtTheRateLimit: once the API budget is spent (and its reset is beyond
// --github-max-wait), listing alerts stops with one error instead of one per repository.
func TestOrgScanAlertsStopAtTheRateLimit(t *testing.T) {
	e := startOrg(t)
	e.gh.SetRateLimit(60, 3, time.Now().Add(time.Hour)) // enough for the three repositories' lookups
	r := runCLI(t, "", "--repo", "demo/shop", "--repo", "demo/blog", "--repo", "demo/tools", "--github-alerts",
		"--github-max-wait", "1s", "--github-url", e.gh.URL(), "--github-token-file", e.tokenFile, "--cache-dir", e.cache, "--format", "json")
	rep := parseOrgReport(t, r)
	var alertErrs []string
	for _, er := range rep.Errors {
		if strings.HasPrefix(er.Source, "github-alerts:") {
			alertErrs = append(alertErrs, er.Source+": "+er.Message)
		}
	}
	if r.code != report.ExitError || len(rep.Scan.Sources) != 3 || len(alertErrs) != 1 || !strings.Contains(alertErrs[0], "rate limit") {
		t.Errorf("exit %d, %d sources; alert errors %q: want exit 2, 3 repositories scanned and one rate-limit error", r.code, len(rep.Scan.Sources), alertErrs)
	}
}

// TestOrgScanForgetsWhatNewRulesNoLongerMatch: after an upgrade (another engine), a known leak
// whose file is still there but no longer matches the rules (a false positive fixed since) is
// forgotten with a note, not reported as unreadable on every run.
func TestOrgScanForgetsWhatNewRulesNoLongerMatch(t *testing.T) {
	e := startOrg(t)
	if r := runCLI(t, "", e.args("--verify")...); r.code != report.ExitLeaks {
		t.Fatalf("first run: exit %d\n%s", r.code, r.stderr)
	}
	states, _ := filepath.Glob(filepath.Join(e.cache, "state", "*", "demo", "shop.json"))
	if len(states) != 1 {
		t.Fatalf("shop's state: %q", states)
	}
	st, err := mirror.LoadState(states[0])
	if err != nil || len(st.Leaks) != 1 {
		t.Fatalf("shop's state: %v %+v", err, st)
	}
	ghost := mirror.KnownLeak{Fingerprint: finding.FingerprintOf("no such token"), RuleID: "cpanel-api-token-header", Locations: st.Leaks[0].Locations}
	st.Leaks, st.Engine = append(st.Leaks, ghost), "rules:0000 tokenscan:older"
	if err := mirror.SaveState(states[0], st); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "", e.args("--verify")...)
	if r.code != report.ExitLeaks || !strings.Contains(r.stderr, "is not matched by these rules; forgotten") {
		t.Errorf("exit %d, want 1 and a note that the old finding is forgotten; stderr:\n%s", r.code, r.stderr)
	}
	if st, _ := mirror.LoadState(states[0]); slices.ContainsFunc(st.Leaks, func(k mirror.KnownLeak) bool { return k.Fingerprint == ghost.Fingerprint }) {
		t.Error("the state still remembers the finding the rules no longer make")
	}

	// The same for a repository GitHub no longer lists: said once, then forgotten.
	st, _ = mirror.LoadState(states[0])
	st.Leaks, st.Engine = append(st.Leaks, ghost), "rules:0000 tokenscan:older"
	if err := mirror.SaveState(states[0], st); err != nil {
		t.Fatal(err)
	}
	e.gh.DeleteRepo("demo/shop")
	for run, wantNote := range []bool{true, false} {
		r := runCLI(t, "", e.args("--verify")...)
		if got := strings.Contains(r.stderr, "is not matched by these rules; forgotten"); got != wantNote || r.code != report.ExitLeaks {
			t.Errorf("deleted repository, run %d: exit %d, note %v, want %v; stderr:\n%s", run+1, r.code, got, wantNote, r.stderr)
		}
	}
}

// TestOrgScanInterruptedWritesItsReport: a sweep cancelled midway (Ctrl-C, a CI job's time
// limit) still writes its report, which says it is incomplete, and verifies nothing.
func TestOrgScanInterruptedWritesItsReport(t *testing.T) {
	e := startOrg(t)
	reportPath := filepath.Join(t.TempDir(), "report.json")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { // cancel once the first repository is being fetched
		for ctx.Err() == nil {
			if log, _ := os.ReadFile(e.gitLog); bytes.Contains(log, []byte("fetch")) || bytes.Contains(log, []byte("clone")) {
				cancel()
				return
			}
			time.Sleep(time.Millisecond)
		}
	}()
	var out, errOut bytes.Buffer
	e.sim.sim.ResetRequests()
	rep, err := newRootCmd(&IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}).execute(ctx, e.args("--verify", "--report-path", reportPath))
	if code := report.ExitCode(rep, err); code != report.ExitError {
		t.Errorf("exit %d, want %d (incomplete)", code, report.ExitError)
	}
	data, rerr := os.ReadFile(reportPath)
	if rerr != nil {
		t.Fatalf("no report after an interruption: %v (run error %v)", rerr, err)
	}
	if !bytes.Contains(data, []byte("interrupted")) || bytes.Contains(data, []byte("github-alerts:")) {
		t.Errorf("the report does not say the sweep was interrupted, or lists alerts after it:\n%s", data)
	}
	if n := len(e.sim.sim.Requests()); n != 0 {
		t.Errorf("%d requests to cPanel after the interruption; want none", n)
	}
}

func TestOrgScanUnknownOrgAndUsage(t *testing.T) {
	gh := githubtest.StartTest(t, githubtest.Options{Token: testGitHubToken})
	tokenFile := filepath.Join(t.TempDir(), "tok")
	os.WriteFile(tokenFile, []byte(testGitHubToken), 0o600)
	base := []string{"--github-url", gh.URL(), "--github-token-file", tokenFile, "--cache-dir", t.TempDir(), "--format", "json"}

	r := runCLI(t, "", append(base, "--org", "nosuchorg")...)
	if r.code != report.ExitError || !strings.Contains(r.stdout, `organisation \"nosuchorg\" not found`) {
		t.Fatalf("unknown org: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--org", "x", "--shard", "3/2"}, "--shard"},
		{[]string{"--org", "x", "--staged"}, "do not apply"},
		{[]string{"--repo", "not-a-full-name"}, "OWNER/NAME"},
		{[]string{"--org", "x", "--include-repo", "[bad"}, "pattern"},
		{[]string{"--org", "x", "--github-url", "http://github.example.com"}, "in the clear"},
	} {
		r := runCLI(t, "", append(base, c.args...)...)
		if r.code != report.ExitError || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, r.code, r.stderr, c.want)
		}
	}
	// A GITHUB_TOKEN with white space inside is not one token.
	t.Setenv("GITHUB_TOKEN", "ghp_x\nyyy")
	r = runCLI(t, "", "--org", "x", "--github-url", gh.URL(), "--cache-dir", t.TempDir())
	if r.code != report.ExitError || !strings.Contains(r.stderr, "GITHUB_TOKEN does not hold one token") {
		t.Errorf("GITHUB_TOKEN with a newline inside: exit %d, %s", r.code, r.stderr)
	}
	t.Setenv("GITHUB_TOKEN", "")
	// No token at all: a usage error, before anything is contacted.
	r = runCLI(t, "", "--org", "x", "--github-url", gh.URL(), "--cache-dir", t.TempDir())
	if r.code != report.ExitError || !strings.Contains(r.stderr, "GITHUB_TOKEN") {
		t.Errorf("no token: exit %d, %s", r.code, r.stderr)
	}
}

func TestOrgScanOneBrokenRepoDoesNotHideOthers(t *testing.T) {
	installGitWrapper(t)
	gh := githubtest.StartTest(t, githubtest.Options{Token: testGitHubToken})
	tokenFile := filepath.Join(t.TempDir(), "tok")
	os.WriteFile(tokenFile, []byte(testGitHubToken), 0o600)
	good, _ := gh.AddRepo(githubtest.Repo{Owner: "acme", Name: "good"})
	githubtest.CommitTo(good, githubtest.Commit{Files: map[string]string{"deploy.sh": "curl -H 'Authorization: cpanel shop:" + testToken + "' https://shop.example.com:2083/execute/Cache/purge\n"}})
	bad, _ := gh.AddRepo(githubtest.Repo{Owner: "acme", Name: "broken"})
	githubtest.CommitTo(bad, githubtest.Commit{Files: map[string]string{"a": "b\n"}})
	os.RemoveAll(filepath.Join(bad, "objects")) // the server cannot serve it any more
	gh.SecondaryLimit(1, 0)                     // and the first API call is refused once

	r := runCLI(t, "", "--org", "acme", "--github-url", gh.URL(), "--github-token-file", tokenFile, "--cache-dir", t.TempDir(), "--format", "json", "--jobs", "2")
	rep := parseOrgReport(t, r)
	if r.code != report.ExitError {
		t.Fatalf("exit %d, want 2\n%s\n%s", r.code, r.stderr, r.stdout)
	}
	if len(rep.Leaks) != 1 || rep.Leaks[0].Locations[0].Path != "acme/good/deploy.sh" {
		t.Errorf("leaks %+v", rep.Leaks)
	}
	if len(rep.Errors) != 1 || rep.Errors[0].Source != "acme/broken" {
		t.Errorf("errors %+v", rep.Errors)
	}
	if !strings.Contains(r.stderr, "secondary rate limit") {
		t.Errorf("the secondary-limit wait was not shown:\n%s", r.stderr)
	}
}

func TestOrgScanShardsPartitionTheOrg(t *testing.T) {
	installGitWrapper(t)
	gh := githubtest.StartTest(t, githubtest.Options{Token: testGitHubToken, PageSize: 3})
	tokenFile := filepath.Join(t.TempDir(), "tok")
	os.WriteFile(tokenFile, []byte(testGitHubToken), 0o600)
	for _, n := range []string{"a", "b", "c", "d", "e", "f", "g"} {
		dir, _ := gh.AddRepo(githubtest.Repo{Owner: "acme", Name: "repo-" + n})
		githubtest.CommitTo(dir, githubtest.Commit{Files: map[string]string{"f": n + "\n"}})
	}
	seen := map[string]int{}
	for i := 1; i <= 3; i++ {
		r := runCLI(t, "", "--org", "acme", "--github-url", gh.URL(), "--github-token-file", tokenFile, "--cache-dir", t.TempDir(),
			"--format", "json", "--shard", string(rune('0'+i))+"/3")
		if r.code != report.ExitClean {
			t.Fatalf("shard %d: exit %d: %s", i, r.code, r.stderr)
		}
		for _, s := range parseOrgReport(t, r).Scan.Sources {
			seen[s]++
		}
	}
	if len(seen) != 7 {
		t.Errorf("shards covered %d repositories, want 7: %v", len(seen), seen)
	}
	for s, n := range seen {
		if n != 1 {
			t.Errorf("%s scanned by %d shards", s, n)
		}
	}
}

// TestOrgScanFetchesAgainWithinPushedAtSecond: GitHub's pushed_at has a resolution of a second,
// so a push right after our fetch may leave it unchanged. A fetch that close to pushed_at is
// not trusted, and the next run fetches and scans the push.
func TestOrgScanFetchesAgainWithinPushedAtSecond(t *testing.T) {
	installGitWrapper(t)
	gh := githubtest.StartTest(t, githubtest.Options{Token: testGitHubToken})
	tokenFile := filepath.Join(t.TempDir(), "tok")
	os.WriteFile(tokenFile, []byte(testGitHubToken), 0o600)
	dir, _ := gh.AddRepo(githubtest.Repo{Owner: "acme", Name: "web"}) // pushed_at: now
	githubtest.CommitTo(dir, githubtest.Commit{Files: map[string]string{"a.txt": "nothing here\n"}})
	args := []string{"--org", "acme", "--github-url", gh.URL(), "--github-token-file", tokenFile, "--cache-dir", t.TempDir(), "--format", "json"}
	if r := runCLI(t, "", args...); r.code != report.ExitClean {
		t.Fatalf("first run: exit %d: %s", r.code, r.stderr)
	}
	// A push that GitHub's pushed_at does not show (gh.Pushed is not called).
	githubtest.CommitTo(dir, githubtest.Commit{Files: map[string]string{"deploy.sh": "curl -H 'Authorization: cpanel shop:" + testToken + "' https://shop.example.com:2083/execute/Cache/purge\n"}})
	r := runCLI(t, "", args...)
	if rep := parseOrgReport(t, r); r.code != report.ExitLeaks || len(rep.Leaks) != 1 {
		t.Errorf("re-run: exit %d, %d leaks; the push in pushed_at's second was missed\n%s", r.code, len(rep.Leaks), r.stderr)
	}
}

func TestLargestFirst(t *testing.T) {
	repos := []github.Repo{{FullName: "o/a", SizeKB: 10}, {FullName: "o/b", SizeKB: 900}, {FullName: "o/c", SizeKB: 10}, {FullName: "o/d", SizeKB: 50}}
	largestFirst(repos)
	var got []string
	for _, r := range repos {
		got = append(got, r.FullName)
	}
	if want := "o/b o/d o/a o/c"; strings.Join(got, " ") != want {
		t.Fatalf("order %v, want %s", got, want)
	}
}

// TestCompleteOwners: an owner whose listing failed part-way is not searched for repositories
// that "vanished": unlisted is not gone when the listing broke off.
func TestCompleteOwners(t *testing.T) {
	o := &OrgOptions{Orgs: []string{"Acme", "demo"}, Users: []string{"dana", "erin"}}
	fails := []*github.SourceError{{Source: "org:acme"}, {Source: "user:erin"}, {Source: "repo:demo/x"}}
	if got := completeOwners(o, fails); !slices.Equal(got, []string{"demo", "dana"}) {
		t.Errorf("completeOwners = %q, want [demo dana]", got)
	}
}
