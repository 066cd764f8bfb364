//go:build linux

package earlygit

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"

	"github.com/tokenscan/tokenscan/scanner/gittest"
)

func TestStagedProtect(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"tokenscan", "protect", "--staged"}, true},
		{[]string{"/usr/local/bin/tokenscan", "protect", "--staged", "--quiet"}, true},
		{[]string{"tokenscan", "protect", "--no-color", "--staged=true"}, true},
		{[]string{"tokenscan", "protect", "--staged", "--help"}, false},
		{[]string{"tokenscan", "protect", "--pre-push", "origin"}, false},
		{[]string{"tokenscan", "protect", "--staged", "--pre-receive"}, false},
		{[]string{"tokenscan", "protect"}, false},
		{[]string{"tokenscan", "scan", "--staged"}, false},
		{[]string{"tokenscan", "version"}, false},
		{[]string{"tokenscan"}, false},
	} {
		if got := stagedProtect(c.args); got != c.want {
			t.Errorf("stagedProtect(%q) = %v", c.args, got)
		}
	}
}

func TestSplitCommandLine(t *testing.T) {
	got := split([]byte("tokenscan\x00protect\x00\x00--staged\x00"))
	if want := []string{"tokenscan", "protect", "", "--staged"}; !slices.Equal(got, want) {
		t.Errorf("split = %q, want %q", got, want)
	}
}

// TestDedupEnvMatchesExec: the environment the early git gets is the one os/exec would give it,
// so that the scan can take it over; duplicates, odd entries and NUL bytes included.
func TestDedupEnvMatchesExec(t *testing.T) {
	for _, env := range [][]string{
		{"A=1", "B=2", "A=3"},
		{"PATH=/bin", "GIT_OPTIONAL_LOCKS=1", "X", "", "=C:=x", "=C:=y", "GIT_OPTIONAL_LOCKS=0"},
		{"NUL=a\x00b", "K=v", "K=w", "noequals", "noequals"},
		{},
	} {
		cmd := exec.Command("/bin/true")
		cmd.Env = env
		want := cmd.Environ()
		if got := dedupEnv(env); !slices.Equal(got, want) {
			t.Errorf("dedupEnv(%q) = %q, os/exec gives %q", env, got, want)
		}
	}
}

// TestLookGitMatchesExec: the early git is the one exec.LookPath finds, or none when the search
// would pass a relative PATH entry (which os/exec refuses to take git from).
func TestLookGitMatchesExec(t *testing.T) {
	dir := t.TempDir()
	mk := func(name string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	noexec, isdir, good, slash := mk("noexec"), mk("isdir"), mk("good"), mk("slash")
	os.WriteFile(filepath.Join(noexec, "git"), []byte("#!/bin/sh\n"), 0o644)
	os.Mkdir(filepath.Join(isdir, "git"), 0o755)
	os.WriteFile(filepath.Join(good, "git"), []byte("#!/bin/sh\n"), 0o755)
	os.WriteFile(filepath.Join(slash, "git"), []byte("#!/bin/sh\n"), 0o755)
	for _, c := range []struct {
		path string
		ok   bool
	}{
		{noexec + ":" + isdir + ":" + good, true},
		{slash + "/:" + good, true},
		{noexec, false},
		{dir + "/missing:" + good, true},
		{"relative:" + good, false},
		{":" + good, false}, // an empty entry is "."
	} {
		t.Setenv("PATH", c.path)
		got, ok := lookGit()
		want, err := exec.LookPath("git")
		if ok != c.ok || ok && (err != nil || got != want) {
			t.Errorf("PATH=%s: lookGit = %q, %v; exec.LookPath = %q, %v", c.path, got, ok, want, err)
		}
	}
}

// TestStartRunsTheStagedDiff: the early git is `git <Args>` in the working directory, with
// os/exec's environment, and Kill stops and reaps it.
func TestStartRunsTheStagedDiff(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	repo := t.TempDir()
	run := func(args ...string) []byte { t.Helper(); return []byte(gittest.Git(t, repo, args...)) }
	run("init", "-q")
	os.WriteFile(filepath.Join(repo, "a.txt"), []byte("one\ntwo\n"), 0o644)
	run("add", "a.txt")
	t.Chdir(repo)
	want := run(Args...)

	p, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(os.NewFile(uintptr(p.Stdout), "stdout"))
	if err != nil {
		t.Fatal(err)
	}
	var ws syscall.WaitStatus
	if _, err := syscall.Wait4(p.Pid, &ws, 0, nil); err != nil || ws.ExitStatus() != 0 {
		t.Fatalf("git: %v, status %v", err, ws)
	}
	if !bytes.Equal(out, want) || len(out) == 0 {
		t.Errorf("early git printed\n%q\nwant\n%q", out, want)
	}
	cmd := exec.Command("git")
	cmd.Env = append(os.Environ(), Env...)
	if !slices.Equal(p.Environ, cmd.Environ()) || p.Path != cmd.Path || p.Dir != repo && !sameFile(p.Dir, repo) {
		t.Errorf("started %s in %s; os/exec would run %s in %s", p.Path, p.Dir, cmd.Path, repo)
	}

	// A process that nobody takes is killed and reaped.
	pid, err := Prestart()
	if err != nil || !Pending() {
		t.Fatalf("Prestart: %v, pending %v", err, Pending())
	}
	Discard()
	if Pending() {
		t.Error("still pending after Discard")
	}
	if err := syscall.Kill(pid, 0); err != syscall.ESRCH {
		t.Errorf("git %d after Discard: %v, want ESRCH (killed and reaped)", pid, err)
	}
}

func sameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// FuzzCommandLine: whatever /proc/self/cmdline holds, split loses nothing (joining its parts back
// gives the input, less one final NUL) and the invocation check does not fail.
func FuzzCommandLine(f *testing.F) {
	f.Add([]byte("tokenscan\x00protect\x00--staged\x00"))
	f.Add([]byte("tokenscan\x00protect\x00--pre-push\x00origin\x00"))
	f.Add([]byte("\x00\x00"))
	f.Add([]byte("no-nul"))
	f.Fuzz(func(t *testing.T, b []byte) {
		args := split(b)
		joined := bytes.Join(toBytesForTest(args), []byte{0})
		if want := bytes.TrimSuffix(b, []byte{0}); !bytes.Equal(joined, want) {
			t.Fatalf("split(%q) = %q, which joins to %q", b, args, joined)
		}
		if stagedProtect(args) && (len(args) < 3 || args[1] != "protect" || !slices.Contains(args, "--staged") && !slices.Contains(args, "--staged=true")) {
			t.Fatalf("stagedProtect(%q) is true", args)
		}
	})
}

func toBytesForTest(ss []string) [][]byte {
	out := make([][]byte, len(ss))
	for i, s := range ss {
		out[i] = []byte(s)
	}
	return out
}
