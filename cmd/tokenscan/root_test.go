package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/report"
)

// A token-shaped value built at run time, so this file holds no literal token.
var testToken = "Q8ZK2M4T" + "7W1RXN5B" + "H9CJ3PVL" + "6YD0FGS2"

type runResult struct {
	code           int
	stdout, stderr string
}

func runCLI(t *testing.T, stdin string, args ...string) runResult {
	t.Helper()
	var out, errOut bytes.Buffer
	ios := &IOStreams{In: strings.NewReader(stdin), Out: &out, ErrOut: &errOut}
	rep, err := newRootCmd(ios).execute(context.Background(), args)
	if err != nil {
		errOut.WriteString("tokenscan: " + err.Error() + "\n")
	}
	code := report.ExitCode(rep, err)
	if rep == nil && err == nil {
		code = report.ExitClean
	}
	return runResult{code, out.String(), errOut.String()}
}

func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func leakyTree(t *testing.T) string {
	dir := t.TempDir()
	writeFile(t, dir, "deploy/purge.sh", "curl -H 'Authorization: cpanel shop:"+testToken+"' https://shop.example.com:2083/execute/Cache/purge\n")
	writeFile(t, dir, "README.md", "nothing here\n")
	return dir
}

func TestScanTextReport(t *testing.T) {
	dir := leakyTree(t)
	r := runCLI(t, "", "--path", dir, "--no-history")
	if r.code != report.ExitLeaks {
		t.Fatalf("exit %d, want 1; stderr: %s", r.code, r.stderr)
	}
	for _, want := range []string{finding.Redact(testToken), "cpanel-api-token-header", "deploy/purge.sh:1:", "shop@shop.example.com:2083"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("text report lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout+r.stderr, testToken) {
		t.Fatal("the token value was printed")
	}
}

func TestScanJSONReportFileAndBaseline(t *testing.T) {
	dir := leakyTree(t)
	out := filepath.Join(t.TempDir(), "report.json")
	r := runCLI(t, "", "--path", dir, "--no-history", "--format", "json", "--report-path", out)
	if r.code != report.ExitLeaks || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q", r.code, r.stdout)
	}
	if !strings.Contains(r.stderr, "1 leaked token") {
		t.Errorf("status line missing: %q", r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Schema string `json:"schema"`
		Leaks  []struct {
			Fingerprint string `json:"fingerprint"`
		} `json:"leaks"`
	}
	if err := json.Unmarshal(data, &doc); err != nil || doc.Schema != report.SchemaVersion || len(doc.Leaks) != 1 {
		t.Fatalf("report %s: %v", data, err)
	}
	if doc.Leaks[0].Fingerprint != string(finding.FingerprintOf(testToken)) || bytes.Contains(data, []byte(testToken)) {
		t.Fatalf("bad fingerprint or value leaked: %s", data)
	}
	// The same scan against its own report as baseline has nothing new.
	if r := runCLI(t, "", "--path", dir, "--no-history", "--baseline", out); r.code != report.ExitClean {
		t.Fatalf("with baseline: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestIgnoreFile(t *testing.T) {
	dir := leakyTree(t)
	writeFile(t, dir, ".tokenscanignore", "# known test value\n"+string(finding.FingerprintOf(testToken))+"\n")
	if r := runCLI(t, "", "--path", dir, "--no-history"); r.code != report.ExitClean {
		t.Fatalf("exit %d\n%s", r.code, r.stdout)
	}
	writeFile(t, dir, ".tokenscanignore", testToken+"\n")
	r := runCLI(t, "", "--path", dir, "--no-history")
	if r.code != report.ExitError || strings.Contains(r.stderr, testToken) {
		t.Fatalf("a token pasted into the ignore file must be an error that does not echo it: exit %d, %q", r.code, r.stderr)
	}
}

func TestStdinAndFile(t *testing.T) {
	in := "export CPANEL_API_TOKEN=" + testToken + "\n"
	if r := runCLI(t, in, "--path", "-"); r.code != report.ExitLeaks || !strings.Contains(r.stdout, "<stdin>:1:") {
		t.Fatalf("stdin: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	dir := leakyTree(t)
	if r := runCLI(t, "", "--path", filepath.Join(dir, "deploy/purge.sh")); r.code != report.ExitLeaks {
		t.Fatalf("file: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestHistoryScanFindsDeletedToken(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is required")
	}
	dir := leakyTree(t)
	git := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=Dana", "GIT_AUTHOR_EMAIL=dana@example.com", "GIT_COMMITTER_NAME=Dana", "GIT_COMMITTER_EMAIL=dana@example.com")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	git("init", "-q", "-b", "main")
	git("add", "-A")
	git("commit", "-qm", "add purge")
	os.Remove(filepath.Join(dir, "deploy/purge.sh"))
	git("add", "-A")
	git("commit", "-qm", "remove purge")
	r := runCLI(t, "", "--path", dir, "--format", "json")
	if r.code != report.ExitLeaks || !strings.Contains(r.stdout, `"author": "Dana"`) || !strings.Contains(r.stdout, `"source": "git"`) {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, "", "--path", dir, "--no-history"); r.code != report.ExitClean {
		t.Fatalf("--no-history must see only the (clean) working tree: exit %d", r.code)
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for name, args := range map[string][]string{
		"unknown flag":          {"--bogus"},
		"bad format":            {"--path", dir, "--format", "xml"},
		"bad size":              {"--path", dir, "--max-file-size", "ten"},
		"staged outside a repo": {"--path", dir, "--staged"},
		"staged and since":      {"--path", dir, "--staged", "--since-commit", "HEAD"},
		"since and log-opts":    {"--path", dir, "--since-commit", "a", "--log-opts", "b"},
		"unterminated quote":    {"--path", dir, "--log-opts", "'main"},
		"missing path":          {"--path", filepath.Join(dir, "nope")},
		"missing baseline":      {"--path", dir, "--baseline", filepath.Join(dir, "nope.json")},
		"positional argument":   {dir},
	} {
		r := runCLI(t, "", args...)
		if r.code != report.ExitError || !strings.Contains(r.stderr, "tokenscan: ") {
			t.Errorf("%s: exit %d, stderr %q", name, r.code, r.stderr)
		}
	}
}

func TestHelpTeaches(t *testing.T) {
	r := runCLI(t, "", "--help")
	for _, want := range []string{"Exit codes:", "tokenscan --staged", "--since-commit", "--baseline", "--format"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("--help lacks %q", want)
		}
	}
	if r := runCLI(t, "", "version"); r.code != 0 || !strings.HasPrefix(r.stdout, "tokenscan ") {
		t.Errorf("version: %d %q", r.code, r.stdout)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"1048576": 1 << 20, "10MB": 10e6, "512KiB": 512 << 10, "1.5 GiB": 3 << 29, "25MiB": 25 << 20} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "-1", "0", "10XB", "MB", "1e3"} {
		if _, err := parseSize(bad); err == nil {
			t.Errorf("parseSize(%q) accepted", bad)
		}
	}
}

func TestSplitArgs(t *testing.T) {
	got, err := splitArgs(`--since='2 weeks ago' main  "a b"c`)
	if err != nil || strings.Join(got, "|") != "--since=2 weeks ago|main|a bc" {
		t.Fatalf("got %q, %v", got, err)
	}
	if got, err := splitArgs("   "); err != nil || len(got) != 0 {
		t.Fatalf("blank: %q %v", got, err)
	}
}

// TestReportPathWritesThroughNonRegularFiles: --report-path on a symlink or a FIFO must write
// through it, never rename a file over it (which once turned /dev/null into a plain file).
func TestReportPathWritesThroughNonRegularFiles(t *testing.T) {
	dir := leakyTree(t)
	out := t.TempDir()
	target := filepath.Join(out, "real.json")
	if err := os.WriteFile(target, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(out, "link.json")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if r := runCLI(t, "", "--path", dir, "--no-history", "-q", "-f", "json", "-r", link); r.code != report.ExitLeaks {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the symlink was replaced: %v %v", st, err)
	}
	if data, _ := os.ReadFile(target); !strings.Contains(string(data), report.SchemaVersion) {
		t.Fatalf("report not written through the link: %q", data)
	}

	fifo := filepath.Join(out, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		data, _ := os.ReadFile(fifo)
		got <- string(data)
	}()
	if r := runCLI(t, "", "--path", dir, "--no-history", "-q", "-f", "json", "-r", fifo); r.code != report.ExitLeaks {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if data := <-got; !strings.Contains(data, report.SchemaVersion) {
		t.Fatalf("report not written into the FIFO: %q", data)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the FIFO was replaced: %v %v", st, err)
	}
}

// TestExcludeCoversHistory: --exclude skips a path in the commits as on disk; a token deleted
// from an excluded file is not reported from history either.
func TestExcludeCoversHistory(t *testing.T) {
	dir := newGitRepo(t)
	writeFile(t, dir, "vendor/lib/deploy.sh", "CPANEL_API_TOKEN="+testToken+"\n")
	gitRun(t, dir, "add", "-A")
	gitRun(t, dir, "commit", "-qm", "vendored")
	gitRun(t, dir, "rm", "-q", "vendor/lib/deploy.sh")
	gitRun(t, dir, "commit", "-qm", "gone")
	if r := runCLI(t, "", "--path", dir); r.code != report.ExitLeaks {
		t.Fatalf("without --exclude: exit %d, want the token from history\n%s", r.code, r.stderr)
	}
	if r := runCLI(t, "", "--path", dir, "--exclude", "vendor/**"); r.code != report.ExitClean {
		t.Errorf("--exclude vendor/**: exit %d, want 0\n%s%s", r.code, r.stdout, r.stderr)
	}

	// Moved out of the excluded directory, the token is new where it lands.
	gitRun(t, dir, "revert", "--no-edit", "HEAD")
	gitRun(t, dir, "mv", "vendor/lib/deploy.sh", "deploy.sh")
	gitRun(t, dir, "commit", "-qm", "moved")
	moved := gitRun(t, dir, "rev-parse", "HEAD")
	gitRun(t, dir, "rm", "-q", "deploy.sh")
	gitRun(t, dir, "commit", "-qm", "gone again")
	r := runCLI(t, "", "--path", dir, "--exclude", "vendor/**", "--format", "json")
	if r.code != report.ExitLeaks || !strings.Contains(r.stdout, `"path": "deploy.sh"`) || !strings.Contains(r.stdout, moved) {
		t.Errorf("a token moved out of vendor/: exit %d, want it reported at deploy.sh in %s\n%s", r.code, moved, r.stdout)
	}

	// The same move made in a merge commit.
	dir = newGitRepo(t)
	writeFile(t, dir, "vendor/lib/deploy.sh", "#!/bin/sh\nset -e\necho deploying\nCPANEL_API_TOKEN="+testToken+"\n")
	gitRun(t, dir, "add", "-A")
	gitRun(t, dir, "commit", "-qm", "vendored")
	startMerge(t, dir)
	gitRun(t, dir, "mv", "vendor/lib/deploy.sh", "deploy.sh")
	gitRun(t, dir, "commit", "-qm", "merge and move", "--no-verify")
	merge := gitRun(t, dir, "rev-parse", "HEAD")
	gitRun(t, dir, "rm", "-q", "deploy.sh")
	gitRun(t, dir, "commit", "-qm", "gone")
	r = runCLI(t, "", "--path", dir, "--exclude", "vendor/**", "--format", "json")
	if r.code != report.ExitLeaks || !strings.Contains(r.stdout, `"path": "deploy.sh"`) || !strings.Contains(r.stdout, merge) {
		t.Errorf("a token moved out of vendor/ by a merge: exit %d, want it reported at deploy.sh in %s\n%s", r.code, merge, r.stdout)
	}
}

// TestTokenInBinaryHistory: a token in a committed binary file (then deleted) is found in
// history, at the file's own line and column, attributed to the commit that added it; a later
// change to the binary that keeps it is not another sighting.
func TestTokenInBinaryHistory(t *testing.T) {
	dir := newGitRepo(t)
	db := "SQLite format 3\x00\x10\x00\x01\x01\x00@  \x00\x00\x00\x02\n\x00\x00\x07\x1bCPANEL_API_TOKEN=" + testToken + "\x00\x00"
	writeFile(t, dir, "app.db", db)
	gitRun(t, dir, "add", "app.db")
	gitRun(t, dir, "commit", "-qm", "db", "--no-verify")
	added := gitRun(t, dir, "rev-parse", "HEAD")
	writeFile(t, dir, "app.db", db+"\x00more rows\x00")
	gitRun(t, dir, "commit", "-qam", "more rows", "--no-verify")
	gitRun(t, dir, "rm", "-q", "app.db")
	gitRun(t, dir, "commit", "-qm", "gone", "--no-verify")

	r := runCLI(t, "", "--path", dir, "--format", "json")
	if r.code != report.ExitLeaks {
		t.Fatalf("exit %d, want the token from the binary's history\n%s", r.code, r.stderr)
	}
	var rep struct {
		Leaks []struct {
			Locations []struct {
				Path         string
				Line, Column int
				Commit       string
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Leaks) != 1 || len(rep.Leaks[0].Locations) != 1 {
		t.Fatalf("want one leak seen once (the commit that added it):\n%s", r.stdout)
	}
	if l := rep.Leaks[0].Locations[0]; l.Path != "app.db" || l.Line != 2 || l.Column != 22 || l.Commit != added {
		t.Errorf("location %+v, want app.db:2:22 in %s", l, added)
	}
}

// startMerge commits on a new branch "side" and on main, then merges side into main without
// committing, so the test can change what the merge commit records.
func startMerge(t *testing.T, dir string) {
	t.Helper()
	gitRun(t, dir, "checkout", "-q", "-b", "side")
	writeFile(t, dir, "side.txt", "side\n")
	gitRun(t, dir, "add", "side.txt")
	gitRun(t, dir, "commit", "-qm", "side")
	gitRun(t, dir, "checkout", "-q", "main")
	writeFile(t, dir, "main.txt", "main\n")
	gitRun(t, dir, "add", "main.txt")
	gitRun(t, dir, "commit", "-qm", "main")
	gitRun(t, dir, "merge", "-q", "--no-commit", "side")
}

// TestLogOptsCannotChangeTheLogFormat: --log-opts selects commits; diff-format options in it
// (-c, --cc, --format) do not change what tokenscan reads, so a token a merge adds is found.
func TestLogOptsCannotChangeTheLogFormat(t *testing.T) {
	dir := newGitRepo(t)
	startMerge(t, dir)
	writeFile(t, dir, "deploy.env", "CPANEL_API_TOKEN="+testToken+"\n")
	gitRun(t, dir, "add", "deploy.env")
	gitRun(t, dir, "commit", "-qm", "merge", "--no-verify")
	merge := gitRun(t, dir, "rev-parse", "HEAD")
	for _, opts := range []string{"--all", "-c --all", "--cc --all", "--format=%H --all", "--diff-merges=cc --all"} {
		r := runCLI(t, "", "--path", dir, "--format", "json", "--log-opts", opts)
		if r.code != report.ExitLeaks || !strings.Contains(r.stdout, merge) {
			t.Errorf("--log-opts %q: exit %d, want the token attributed to the merge %s\n%s%s", opts, r.code, merge, r.stdout, r.stderr)
		}
	}
}
