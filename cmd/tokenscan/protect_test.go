package main

import (
	"bytes"
	"context"
	"net"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/tokenscan/tokenscan/scanner/cpanel/cpaneltest"
	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/gittest"
	"github.com/tokenscan/tokenscan/scanner/report"
)

// A second token, built at run time like testToken.
var otherToken = "7HN2QK9X" + "W4MZ1RB8" + "T5VLC3JP" + "6YGD0SFE"

// isolateGitEnv isolates the test's git from the machine (see gittest.Isolate).
func isolateGitEnv(t *testing.T) { t.Helper(); gittest.Isolate(t, "Dana", "dana@example.com") }

// gitRun runs git in dir and returns its trimmed output, failing the test on error.
func gitRun(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// newGitRepo creates a repository with one commit and makes it the working directory.
func newGitRepo(t *testing.T) string {
	t.Helper()
	isolateGitEnv(t)
	dir := t.TempDir()
	gitRun(t, dir, "init", "-q", "-b", "main")
	writeFile(t, dir, "README.md", "hello\n")
	gitRun(t, dir, "add", "-A")
	gitRun(t, dir, "commit", "-qm", "init")
	t.Chdir(dir)
	return dir
}

func TestProtectStagedMessage(t *testing.T) {
	dir := newGitRepo(t)
	writeFile(t, dir, "deploy/purge.sh", "#!/bin/sh\ncurl -H 'Authorization: cpanel shop:"+testToken+"' https://shop.example.com:2083/execute/Cache/purge\n")
	gitRun(t, dir, "add", "-A")

	r := runCLI(t, "", "protect", "--staged")
	if r.code != report.ExitLeaks {
		t.Fatalf("exit %d, want %d\n%s", r.code, report.ExitLeaks, r.stderr)
	}
	want := `tokenscan: commit blocked: the staged changes add 1 cPanel/WHM API token.

  deploy/purge.sh:2:37  cpanel-api-token-header  Q8ZK****************************
      fingerprint ` + string(finding.FingerprintOf(testToken)) + `
      account     cpanel shop@shop.example.com:2083

To remove it:
  1. Unstage it:  git reset -q -- deploy/purge.sh
  2. Edit the file: read the token from an environment variable or a secret store instead.
  3. Stage the edited file again and commit.
  If the token was ever pushed or shared, it is exposed: revoke it in cPanel or WHM
  (Security » Manage API Tokens) or with tokenscan revoke, and create a new one.

If it is not a real token:
  - add a comment containing tokenscan:allow to that line, or
  - add the fingerprint above to .tokenscanignore at the top of the work tree (one per line).
To skip this check once (not recommended): git commit --no-verify
`
	if r.stderr != want {
		t.Errorf("message:\n%s\nwant:\n%s", r.stderr, want)
	}
	if r.stdout != "" || strings.Contains(r.stderr, testToken) {
		t.Errorf("stdout %q; the token must never be printed", r.stdout)
	}
}

func TestProtectStagedScansExactlyTheIndex(t *testing.T) {
	header := func(tok string) string {
		return "curl -H 'Authorization: cpanel shop:" + tok + "' https://shop.example.com:2083/\n"
	}
	tests := []struct {
		name     string
		setup    func(t *testing.T, dir string)
		wantCode int
		wantMsg  string
	}{
		{"clean", func(t *testing.T, dir string) {
			writeFile(t, dir, "a.txt", "nothing\n")
			gitRun(t, dir, "add", "a.txt")
		}, report.ExitClean, "tokenscan: no cPanel/WHM API tokens in the staged changes (1 file)\n"},
		{"nothing staged", func(t *testing.T, dir string) {}, report.ExitClean,
			"tokenscan: no cPanel/WHM API tokens in the staged changes (0 files)\n"},
		{"allowed inline", func(t *testing.T, dir string) {
			writeFile(t, dir, "a.sh", strings.TrimSuffix(header(testToken), "\n")+" # tokenscan:allow\n")
			gitRun(t, dir, "add", "a.sh")
		}, report.ExitClean, "no cPanel/WHM API tokens"},
		{"fingerprint in .tokenscanignore", func(t *testing.T, dir string) {
			writeFile(t, dir, "a.sh", header(testToken))
			writeFile(t, dir, ".tokenscanignore", "# test fixture\n"+string(finding.FingerprintOf(testToken))+"\n")
			gitRun(t, dir, "add", "a.sh")
		}, report.ExitClean, "no cPanel/WHM API tokens"},
		{"staged token, clean working tree", func(t *testing.T, dir string) {
			writeFile(t, dir, "a.sh", header(testToken))
			gitRun(t, dir, "add", "a.sh")
			writeFile(t, dir, "a.sh", "fixed\n")
		}, report.ExitLeaks, "a.sh:1:"},
		{"token only in the working tree", func(t *testing.T, dir string) {
			writeFile(t, dir, "a.sh", "echo one\n")
			gitRun(t, dir, "add", "a.sh")
			writeFile(t, dir, "a.sh", "echo one\n"+header(testToken))
		}, report.ExitClean, "no cPanel/WHM API tokens"},
		{"token committed before, file renamed", func(t *testing.T, dir string) {
			writeFile(t, dir, "old.sh", header(testToken))
			gitRun(t, dir, "add", "old.sh")
			gitRun(t, dir, "commit", "-qm", "old", "--no-verify")
			gitRun(t, dir, "mv", "old.sh", "new.sh")
		}, report.ExitClean, "no cPanel/WHM API tokens"},
		{"file with a token deleted", func(t *testing.T, dir string) {
			writeFile(t, dir, "old.sh", header(testToken))
			gitRun(t, dir, "add", "old.sh")
			gitRun(t, dir, "commit", "-qm", "old")
			gitRun(t, dir, "rm", "-q", "old.sh")
		}, report.ExitClean, "no cPanel/WHM API tokens"},
		{"binary file without a token-shaped run skipped", func(t *testing.T, dir string) {
			writeFile(t, dir, "blob.bin", "\x00\x01\x89PNG\r\n\x1a\ncpanel "+strings.Repeat("\x00AB", 40))
			gitRun(t, dir, "add", "blob.bin")
		}, report.ExitClean, "(0 files, 1 skipped: binary)"},
		{"token in a binary file", func(t *testing.T, dir string) {
			// A database page: a header with NULs, then the row that holds the command.
			writeFile(t, dir, "app.db", "SQLite format 3\x00\x10\x00\x01\x01\x00@  \x00\x00\x00\x02\n\x00\x00\x07\x1b"+header(testToken)+"\x00\x00")
			gitRun(t, dir, "add", "app.db")
		}, report.ExitLeaks, "app.db:2:41  cpanel-api-token-header"},
		{"two tokens in a subdirectory run", func(t *testing.T, dir string) {
			writeFile(t, dir, "x/a.sh", header(testToken))
			writeFile(t, dir, "x/b.sh", header(otherToken))
			gitRun(t, dir, "add", "-A")
			t.Chdir(filepath.Join(dir, "x"))
		}, report.ExitLeaks, "add 2 cPanel/WHM API tokens"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newGitRepo(t)
			tt.setup(t, dir)
			r := runCLI(t, "", "protect", "--staged", "--no-color")
			if r.code != tt.wantCode || !strings.Contains(r.stderr, tt.wantMsg) {
				t.Errorf("exit %d, want %d; message:\n%s\nwant it to contain %q", r.code, tt.wantCode, r.stderr, tt.wantMsg)
			}
		})
	}
}

func TestProtectQuietAndErrors(t *testing.T) {
	dir := newGitRepo(t)
	if r := runCLI(t, "", "protect", "--staged", "--quiet"); r.code != 0 || r.stderr != "" || r.stdout != "" {
		t.Errorf("--quiet with nothing found: exit %d, output %q %q", r.code, r.stdout, r.stderr)
	}
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"no mode", []string{"protect"}, "exactly one of --staged, --pre-push or --pre-receive"},
		{"two modes", []string{"protect", "--staged", "--pre-push"}, "exactly one of"},
		{"arguments without --pre-push", []string{"protect", "--staged", "origin"}, "only with --pre-push"},
		{"bad ignore file", []string{"protect", "--staged", "--ignore-file", filepath.Join(dir, "missing")}, "reading ignore file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, "", tt.args...)
			if r.code != report.ExitError || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, want %d; stderr %q, want it to contain %q", r.code, report.ExitError, r.stderr, tt.want)
			}
		})
	}
	t.Run("not a repository", func(t *testing.T) {
		t.Chdir(t.TempDir())
		r := runCLI(t, "", "protect", "--staged")
		if r.code != report.ExitError || !strings.Contains(r.stderr, "scanning the staged changes") || !strings.Contains(r.stderr, "not in a git work tree") {
			t.Errorf("exit %d, stderr %q", r.code, r.stderr)
		}
	})
	t.Run("malformed pre-push input", func(t *testing.T) {
		r := runCLI(t, "refs/heads/main abc refs/heads/main def\n", "protect", "--pre-push", "origin", "/x")
		if r.code != report.ExitError || !strings.Contains(r.stderr, "reading pre-push input: line 1") {
			t.Errorf("exit %d, stderr %q", r.code, r.stderr)
		}
	})
}

func TestProtectPrePushAndPreReceive(t *testing.T) {
	dir := newGitRepo(t)
	remote := filepath.Join(t.TempDir(), "remote.git")
	gitRun(t, dir, "init", "-q", "--bare", remote)
	gitRun(t, dir, "remote", "add", "origin", remote)
	gitRun(t, dir, "push", "-q", "origin", "main")
	base := gitRun(t, dir, "rev-parse", "HEAD")
	writeFile(t, dir, "cfg/.env", "CPANEL_API_TOKEN="+testToken+"\n")
	gitRun(t, dir, "add", "-A")
	gitRun(t, dir, "commit", "-qm", "add env")
	leak := gitRun(t, dir, "rev-parse", "HEAD")
	writeFile(t, dir, "cfg/.env", "CPANEL_API_TOKEN=${CPANEL_API_TOKEN}\n")
	gitRun(t, dir, "commit", "-qam", "remove it again")
	head := gitRun(t, dir, "rev-parse", "HEAD")
	zero := strings.Repeat("0", len(head))

	tests := []struct {
		name, stdin string
		wantCode    int
		wantMsg     string
	}{
		{"update", "refs/heads/main " + head + " refs/heads/main " + base + "\n", report.ExitLeaks,
			"cfg/.env:1:18  commit " + leak[:7] + "  cpanel-api-token-assignment  Q8ZK*"},
		{"new branch", "refs/heads/main " + head + " refs/heads/feature " + zero + "\n", report.ExitLeaks,
			"git rebase -i " + leak[:7] + "~1"},
		{"already on the remote", "refs/heads/main " + base + " refs/heads/copy " + zero + "\n", report.ExitClean,
			"tokenscan: no new commits to scan\n"},
		{"deletion", "(delete) " + zero + " refs/heads/old " + base + "\n", report.ExitClean,
			"tokenscan: no new commits to scan\n"},
		{"no input", "", report.ExitClean, "tokenscan: no new commits to scan\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, tt.stdin, "protect", "--pre-push", "origin", remote)
			if r.code != tt.wantCode || !strings.Contains(r.stderr, tt.wantMsg) || strings.Contains(r.stderr, testToken) {
				t.Errorf("exit %d, want %d; message:\n%s\nwant it to contain %q", r.code, tt.wantCode, r.stderr, tt.wantMsg)
			}
		})
	}

	// Another remote holding the commits is no reason to let them through to this one.
	mirror := filepath.Join(t.TempDir(), "mirror.git")
	gitRun(t, dir, "init", "-q", "--bare", mirror)
	gitRun(t, dir, "remote", "add", "mirror", mirror)
	gitRun(t, dir, "push", "-q", "--no-verify", "mirror", "main")
	if r := runCLI(t, "refs/heads/main "+head+" refs/heads/feature "+zero+"\n", "protect", "--pre-push", "origin", remote); r.code != report.ExitLeaks {
		t.Errorf("new branch to origin, commits on another remote: exit %d, want %d\n%s", r.code, report.ExitLeaks, r.stderr)
	}

	// pre-receive runs in the bare repository, before the refs move.
	gitRun(t, dir, "push", "-q", "--no-verify", remote, head+":refs/heads/incoming")
	var out, errOut bytes.Buffer
	opts := &ProtectOptions{
		IO:  &IOStreams{In: strings.NewReader(base + " " + head + " refs/heads/main\n"), Out: &out, ErrOut: &errOut},
		Now: time.Now, Dir: remote, PreReceive: true, MaxFileSize: "25MiB",
	}
	// refs/heads/incoming now holds the commits, so they are not new any more: scan them as a
	// push to a repository that does not have them yet by deleting the ref first.
	gitRun(t, remote, "update-ref", "-d", "refs/heads/incoming")
	rep, err := runProtect(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if code := report.ExitCode(rep, nil); code != report.ExitLeaks || !strings.Contains(errOut.String(), "tokenscan: push rejected") ||
		!strings.Contains(errOut.String(), "ask this server's administrator") || strings.Contains(errOut.String(), "--no-verify") {
		t.Errorf("pre-receive: exit %d, message:\n%s", code, errOut.String())
	}
}

// gcSettings reads the collector's percent and memory limit without changing them.
func gcSettings() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

func TestHookGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	beforePercent, beforeLimit := gcSettings()
	restore := smallHeapGC()
	percent, limit := gcSettings()
	restore()
	if percent != smallHeapGCPercent || limit > smallHeapMemoryLimit {
		t.Errorf("during the hook: GOGC %d, memory limit %d; want %d and at most %d", percent, limit, smallHeapGCPercent, int64(smallHeapMemoryLimit))
	}
	if p, l := gcSettings(); p != beforePercent || l != beforeLimit {
		t.Errorf("after the hook: GOGC %d, memory limit %d; want them restored to %d and %d", p, l, beforePercent, beforeLimit)
	}

	t.Run("the user's settings win", func(t *testing.T) {
		t.Setenv("GOGC", "50")
		t.Setenv("GOMEMLIMIT", "1GiB")
		defer smallHeapGC()()
		if p, l := gcSettings(); p != beforePercent || l != beforeLimit {
			t.Errorf("GOGC %d, memory limit %d; want the process's own %d and %d", p, l, beforePercent, beforeLimit)
		}
	})

	t.Run("a staged run restores them", func(t *testing.T) {
		newGitRepo(t)
		if r := runCLI(t, "", "protect", "--staged", "--quiet"); r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		if p, l := gcSettings(); p != beforePercent || l != beforeLimit {
			t.Errorf("GOGC %d, memory limit %d after protect --staged; want %d and %d", p, l, beforePercent, beforeLimit)
		}
	})
}

// TestProtectVerify: with --verify the hook says whether each token it found still works (live,
// refused, or unknown when the host does not answer within --verify-timeout); the finding blocks
// the commit whatever the answer, and a clean commit contacts nobody.
func TestProtectVerify(t *testing.T) {
	s := startSim(t)
	live := s.sim.MustMint(t, cpaneltest.TokenSpec{User: "alice", Name: "deploy"})
	dir := newGitRepo(t)
	writeFile(t, dir, "deploy/purge.sh", "curl -H 'Authorization: cpanel alice:"+live+"' https://"+s.host+"/execute/Cache/purge\n")
	writeFile(t, dir, "deploy/old.sh", "curl -H 'Authorization: cpanel bob:"+otherToken+"' https://"+s.host+"/execute/Cache/purge\n")
	gitRun(t, dir, "add", "-A")

	r := runCLI(t, "", "protect", "--staged", "--verify", "--ca-file", s.ca)
	if r.code != report.ExitLeaks {
		t.Fatalf("exit %d, want %d\n%s", r.code, report.ExitLeaks, r.stderr)
	}
	for _, want := range []string{
		"deploy/purge.sh:1:", "works now?  yes: the server accepted it just now\n",
		"deploy/old.sh:1:", "works now?  no: the server refused it",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("message lacks %q:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stderr, live) || strings.Contains(r.stderr, otherToken) {
		t.Error("a token was printed")
	}
	if !s.sim.Valid(finding.KindCPanel, "alice", live) {
		t.Error("--verify revoked a token")
	}

	// A host that accepts the connection and never answers: the check gives up after
	// --verify-timeout and says so; the commit is blocked for the token, not for the network.
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	go func() {
		for {
			c, err := silent.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	gitRun(t, dir, "reset", "-q")
	writeFile(t, dir, "deploy/purge.sh", "curl -H 'Authorization: cpanel alice:"+live+"' https://"+silent.Addr().String()+"/execute/Cache/purge\n")
	gitRun(t, dir, "add", "deploy/purge.sh")
	r = runCLI(t, "", "protect", "--staged", "--verify", "--verify-timeout", "300ms")
	if r.code != report.ExitLeaks || !strings.Contains(r.stderr, "works now?  unknown: ") || !strings.Contains(r.stderr, "no answer within 300ms") {
		t.Fatalf("exit %d, want %d and the check's time-out in the message:\n%s", r.code, report.ExitLeaks, r.stderr)
	}

	// Nothing found: nothing is sent anywhere.
	gitRun(t, dir, "reset", "-q")
	writeFile(t, dir, "notes.txt", "nothing to see\n")
	gitRun(t, dir, "add", "notes.txt")
	s.sim.ResetRequests()
	if r := runCLI(t, "", "protect", "--staged", "--verify", "--ca-file", s.ca); r.code != report.ExitClean {
		t.Fatalf("clean commit: exit %d\n%s", r.code, r.stderr)
	}
	if reqs := s.sim.Requests(); len(reqs) != 0 {
		t.Errorf("a clean commit with --verify sent %d requests", len(reqs))
	}

	// A CA file that cannot be read leaves the token unchecked; the finding and its exit stand.
	writeFile(t, dir, "deploy/purge.sh", "curl -H 'Authorization: cpanel alice:"+live+"' https://"+s.host+"/execute/Cache/purge\n")
	gitRun(t, dir, "add", "deploy/purge.sh")
	r = runCLI(t, "", "protect", "--staged", "--verify", "--ca-file", filepath.Join(dir, "no-such-ca.pem"))
	if r.code != report.ExitLeaks || !strings.Contains(r.stderr, "deploy/purge.sh:1:") || !strings.Contains(r.stderr, "works now?  unknown: not checked: ") {
		t.Errorf("unreadable --ca-file: exit %d, want %d with the finding and an unchecked token\n%s", r.code, report.ExitLeaks, r.stderr)
	}

	// The connection flags mean nothing without --verify.
	if r := runCLI(t, "", "protect", "--staged", "--ca-file", s.ca); r.code != report.ExitError || !strings.Contains(r.stderr, "need --verify") {
		t.Errorf("--ca-file without --verify: exit %d\n%s", r.code, r.stderr)
	}
}

// TestShellWord: what the advice quotes, a shell reads back as the same name.
func TestShellWord(t *testing.T) {
	for _, name := range []string{"plain/a.sh", "with space.sh", "it's.sh", "new\nline.sh", "tab\there", "esc\x1b[31m.sh", "bad\xffbyte", `back\slash`, "ünïcode.sh"} {
		word := shellWord(name)
		if strings.ContainsAny(word, "\n\x1b") {
			t.Errorf("shellWord(%q) = %q holds a control character", name, word)
		}
		out, err := exec.Command("bash", "-c", "printf %s "+word).Output()
		if err != nil {
			t.Fatalf("bash reading %s: %v", word, err)
		}
		if string(out) != name {
			t.Errorf("shellWord(%q) = %s, which bash reads as %q", name, word, out)
		}
	}
}

// TestProtectAdviceFitsTheRepository: the first commit has no HEAD to restore from, and a token
// in a root commit has no parent to rebase onto.
func TestProtectAdviceFitsTheRepository(t *testing.T) {
	isolateGitEnv(t)
	dir := t.TempDir()
	gitRun(t, dir, "init", "-q", "-b", "main")
	t.Chdir(dir)
	writeFile(t, dir, "a.sh", "CPANEL_API_TOKEN="+testToken+"\n")
	gitRun(t, dir, "add", "a.sh")
	r := runCLI(t, "", "protect", "--staged")
	if want := "Unstage it:  git reset -q -- a.sh\n"; r.code != report.ExitLeaks || !strings.Contains(r.stderr, want) {
		t.Fatalf("first commit: exit %d, want the advice %q:\n%s", r.code, want, r.stderr)
	}
	gitRun(t, dir, "reset", "-q", "--", "a.sh") // the advice works

	gitRun(t, dir, "add", "a.sh")
	gitRun(t, dir, "commit", "-qm", "root", "--no-verify")
	head := gitRun(t, dir, "rev-parse", "HEAD")
	r = runCLI(t, "refs/heads/main "+head+" refs/heads/main "+strings.Repeat("0", len(head))+"\n", "protect", "--pre-push", "origin", "/nowhere")
	if want := "git rebase -i --root"; r.code != report.ExitLeaks || !strings.Contains(r.stderr, want) {
		t.Errorf("token in the root commit: exit %d, want the advice %q:\n%s", r.code, want, r.stderr)
	}
}

// TestProtectStagedMerge: finishing a merge does not block on a token the merged branch already
// committed (it is in history whatever the merge records; pre-push judges that branch), but a
// token the merge itself adds is blocked.
func TestProtectStagedMerge(t *testing.T) {
	dir := newGitRepo(t)
	gitRun(t, dir, "checkout", "-q", "-b", "feat")
	writeFile(t, dir, "feat.sh", "CPANEL_API_TOKEN="+testToken+"\n")
	gitRun(t, dir, "add", "feat.sh")
	gitRun(t, dir, "commit", "-qm", "feat", "--no-verify")
	gitRun(t, dir, "checkout", "-q", "main")
	writeFile(t, dir, "main.txt", "main moves on\n")
	gitRun(t, dir, "add", "main.txt")
	gitRun(t, dir, "commit", "-qm", "main")
	gitRun(t, dir, "merge", "-q", "--no-ff", "--no-commit", "feat")

	if r := runCLI(t, "", "protect", "--staged"); r.code != report.ExitClean {
		t.Errorf("merge bringing a committed token: exit %d, want 0\n%s", r.code, r.stderr)
	}
	writeFile(t, dir, "merge.sh", "CPANEL_API_TOKEN="+otherToken+"\n")
	gitRun(t, dir, "add", "merge.sh")
	r := runCLI(t, "", "protect", "--staged")
	if r.code != report.ExitLeaks || !strings.Contains(r.stderr, "merge.sh:1:") || strings.Contains(r.stderr, "feat.sh") {
		t.Errorf("a token the merge adds: exit %d, want %d for merge.sh alone\n%s", r.code, report.ExitLeaks, r.stderr)
	}
}

// TestMergeHeadFile: where MERGE_HEAD is found without git is where git says it is, in a
// repository and in a linked worktree (whose .git is a "gitdir:" file).
func TestMergeHeadFile(t *testing.T) {
	dir := newGitRepo(t)
	wt := filepath.Join(t.TempDir(), "wt")
	gitRun(t, dir, "worktree", "add", "-q", "-b", "other", wt)
	for _, top := range []string{dir, wt} {
		want := gitRun(t, top, "rev-parse", "--path-format=absolute", "--git-path", "MERGE_HEAD")
		got, ok := mergeHeadFile(top)
		if !ok || got != want {
			t.Errorf("mergeHeadFile(%s) = %q, %v; git says %q", top, got, ok, want)
		}
	}
}
