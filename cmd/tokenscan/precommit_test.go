package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// TestRealHooks runs tokenscan the way it is deployed: built as a binary and run by git itself as
// a server-side pre-receive hook, and by the real pre-commit framework (Debian package
// pre-commit) through .pre-commit-hooks.yaml, both its system and its golang hook.
func TestRealHooks(t *testing.T) {
	if testing.Short() {
		t.Skip("builds tokenscan and runs real hooks")
	}
	isolateGitEnv(t)
	moduleRoot, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	binDir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(binDir, "tokenscan"), "./cmd/tokenscan")
	build.Dir = moduleRoot
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building tokenscan: %v\n%s", err, out)
	}
	bin := filepath.Join(binDir, "tokenscan")

	t.Run("pre-receive", func(t *testing.T) { testPreReceiveHook(t, bin) })
	t.Run("pre-commit run by git", func(t *testing.T) { testGitPreCommitHook(t, bin) })
	t.Run("pre-commit framework", func(t *testing.T) {
		if _, err := exec.LookPath("pre-commit"); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatal("the pre-commit tool is required in CI (apt-get install pre-commit; make deps installs it)")
			}
			t.Skip("SKIPPING the pre-commit framework test: the pre-commit tool is not installed " +
				"(apt-get install pre-commit, or make deps); with CI=true this is a failure")
		}
		t.Run("system hook", func(t *testing.T) {
			repo := hookRepo(t, moduleRoot, false)
			testPreCommitHook(t, repo, "tokenscan-system", []string{"PATH=" + binDir + string(os.PathListSeparator) + os.Getenv("PATH")})
		})
		t.Run("golang hook", func(t *testing.T) {
			// pre-commit runs `go install ./...` in a clone of the hook repository with its own
			// GOPATH. Pointing GOMODCACHE at this machine's module cache (which building this
			// test filled) and GOPROXY=off makes that build work offline and proves it needs
			// nothing from the network. tokenscan is not on PATH: the hook must use its own.
			modCache := goEnv(t, "GOMODCACHE")
			repo := hookRepo(t, moduleRoot, true)
			testPreCommitHook(t, repo, "tokenscan", []string{"GOMODCACHE=" + modCache, "GOPROXY=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=readonly"})
		})
	})
}

func testPreReceiveHook(t *testing.T, bin string) {
	server := filepath.Join(t.TempDir(), "server.git")
	gitRun(t, t.TempDir(), "init", "-q", "--bare", server)
	writeFile(t, filepath.Join(server, "hooks"), "pre-receive", "#!/bin/sh\nexec '"+bin+"' protect --pre-receive\n")
	if err := os.Chmod(filepath.Join(server, "hooks", "pre-receive"), 0o755); err != nil {
		t.Fatal(err)
	}
	dir := newGitRepo(t)
	gitRun(t, dir, "push", "-q", server, "main")

	writeFile(t, dir, "cfg/.env", "CPANEL_API_TOKEN="+testToken+"\n")
	gitRun(t, dir, "add", "-A")
	gitRun(t, dir, "commit", "-qm", "add env")
	push := exec.Command("git", "push", server, "main", "HEAD:refs/heads/feature")
	push.Dir = dir
	out, err := push.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "remote: tokenscan: push rejected") ||
		!strings.Contains(string(out), "cfg/.env:1:18") || strings.Contains(string(out), testToken) {
		t.Fatalf("push of a token: err %v, output:\n%s", err, out)
	}
	if got := gitRun(t, server, "for-each-ref", "--format=%(refname)"); got != "refs/heads/main" {
		t.Errorf("server refs after a rejected push: %q", got)
	}

	gitRun(t, dir, "reset", "-q", "--hard", "HEAD~1")
	writeFile(t, dir, "cfg/.env", "CPANEL_API_TOKEN=${CPANEL_API_TOKEN}\n")
	gitRun(t, dir, "add", "-A")
	gitRun(t, dir, "commit", "-qm", "env from the environment")
	gitRun(t, dir, "push", "-q", server, "main", "HEAD:refs/heads/feature")
	gitRun(t, dir, "push", "-q", server, ":refs/heads/feature")
}

// testGitPreCommitHook lets git run `tokenscan protect --staged` as its pre-commit hook where
// the hook does not start at the top of a plain repository: a commit from a subdirectory with
// core.hooksPath, a linked worktree (.git is a file there), and a commit of named paths, for
// which git passes a temporary index in GIT_INDEX_FILE.
func testGitPreCommitHook(t *testing.T, bin string) {
	repo := newGitRepo(t)
	writeFile(t, repo, ".githooks/pre-commit", "#!/bin/sh\nexec '"+bin+"' protect --staged\n")
	if err := os.Chmod(filepath.Join(repo, ".githooks", "pre-commit"), 0o755); err != nil {
		t.Fatal(err)
	}
	gitRun(t, repo, "config", "core.hooksPath", ".githooks")
	commit := func(dir string, args ...string) (string, error) {
		cmd := exec.Command("git", append([]string{"commit", "-q", "-m", "test"}, args...)...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	blocked := func(t *testing.T, out string, err error, where string) {
		t.Helper()
		if err == nil || !strings.Contains(out, "tokenscan: commit blocked") || !strings.Contains(out, where) ||
			strings.Contains(out, testToken) {
			t.Errorf("commit: err %v, want it blocked naming %s; output:\n%s", err, where, out)
		}
	}
	passed := func(t *testing.T, out string, err error) {
		t.Helper()
		if err != nil || !strings.Contains(out, "tokenscan: no cPanel/WHM API tokens in the staged changes") {
			t.Errorf("commit: err %v, want it to pass; output:\n%s", err, out)
		}
	}

	t.Run("from a subdirectory", func(t *testing.T) {
		deep := filepath.Join(repo, "app", "config")
		writeFile(t, deep, "prod.env", "CPANEL_API_TOKEN="+testToken+"\n")
		gitRun(t, repo, "add", "-A")
		out, err := commit(deep)
		blocked(t, out, err, "app/config/prod.env:1:18")
		// The ignore file is read from the top of the work tree, not from where git commit ran.
		writeFile(t, repo, ".tokenscanignore", string(finding.FingerprintOf(testToken))+"\n")
		gitRun(t, repo, "add", "-A")
		out, err = commit(deep)
		passed(t, out, err)
	})

	t.Run("commit of named paths uses git's temporary index", func(t *testing.T) {
		writeFile(t, repo, "staged.env", "WHM_API_TOKEN="+otherToken+"\n")
		gitRun(t, repo, "add", "staged.env")
		writeFile(t, repo, "notes.txt", "nothing secret\n")
		gitRun(t, repo, "add", "notes.txt")
		// Only notes.txt is committed; the staged token stays behind in the real index.
		out, err := commit(repo, "--", "notes.txt")
		passed(t, out, err)
		out, err = commit(repo, "--", "staged.env")
		blocked(t, out, err, "staged.env:1:")
		gitRun(t, repo, "rm", "-q", "--cached", "staged.env")
	})

	// tokenscan starts the staged diff during its initialisation and takes that process over:
	// git must run it once per commit, not once early and once again.
	t.Run("git lists the staged changes once", func(t *testing.T) {
		real, err := exec.LookPath("git")
		if err != nil {
			t.Fatal(err)
		}
		wrap, log := t.TempDir(), filepath.Join(t.TempDir(), "git.log")
		writeFile(t, wrap, "git", "#!/bin/sh\necho \"$*\" >> '"+log+"'\nexec '"+real+"' \"$@\"\n")
		// git puts its own directory first on a hook's PATH; this hook puts the logging git
		// before it.
		hook := filepath.Join(repo, ".githooks", "pre-commit")
		writeFile(t, filepath.Dir(hook), "pre-commit", "#!/bin/sh\nPATH='"+wrap+"':\"$PATH\" exec '"+bin+"' protect --staged\n")
		t.Cleanup(func() { writeFile(t, filepath.Dir(hook), "pre-commit", "#!/bin/sh\nexec '"+bin+"' protect --staged\n") })
		for _, f := range []string{filepath.Join(wrap, "git"), hook} {
			if err := os.Chmod(f, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		writeFile(t, repo, "once.txt", "nothing secret\n")
		gitRun(t, repo, "add", "once.txt")
		out, err := commit(repo)
		passed(t, out, err)
		data, err := os.ReadFile(log)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(data), "diff --cached"); n != 1 {
			t.Errorf("git diff --cached ran %d times for one commit; git's log:\n%s", n, data)
		}
	})

	t.Run("linked worktree", func(t *testing.T) {
		wt := filepath.Join(t.TempDir(), "wt")
		gitRun(t, repo, "worktree", "add", "-q", "-b", "feature", wt)
		writeFile(t, wt, "deploy/purge.sh", "curl -H 'Authorization: cpanel shop:"+otherToken+"' https://shop.example.com:2083/\n")
		gitRun(t, wt, "add", "-A")
		out, err := commit(filepath.Join(wt, "deploy"))
		blocked(t, out, err, "deploy/purge.sh:1:")
	})
}

// hookRepo makes a git repository to serve as the pre-commit hook repository: the module's
// .pre-commit-hooks.yaml and, for the golang hook, the sources that cmd/tokenscan is built from
// (only those, so what others are working on elsewhere in the tree cannot break the build).
// It returns the repository's path and its commit.
func hookRepo(t *testing.T, moduleRoot string, sources bool) [2]string {
	t.Helper()
	dir := t.TempDir()
	files := []string{".pre-commit-hooks.yaml"}
	if sources {
		files = append(files, "go.mod", "go.sum")
		list := exec.Command("go", "list", "-deps", "-f", "{{if .Module}}{{if .Module.Main}}{{.Dir}}{{end}}{{end}}", "./cmd/tokenscan")
		list.Dir = moduleRoot
		out, err := list.Output()
		if err != nil {
			t.Fatalf("go list: %v", err)
		}
		for _, pkgDir := range strings.Fields(string(out)) {
			entries, err := os.ReadDir(pkgDir)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if e.Type().IsRegular() && !strings.HasSuffix(e.Name(), "_test.go") {
					rel, err := filepath.Rel(moduleRoot, filepath.Join(pkgDir, e.Name()))
					if err != nil {
						t.Fatal(err)
					}
					files = append(files, rel)
				}
			}
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(moduleRoot, f))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, dir, f, string(data))
	}
	gitRun(t, dir, "init", "-q", "-b", "main")
	gitRun(t, dir, "add", "-A")
	gitRun(t, dir, "commit", "-qm", "hook repository")
	return [2]string{dir, gitRun(t, dir, "rev-parse", "HEAD")}
}

// testPreCommitHook installs the pre-commit framework in a new repository with the given hook
// and commits through it: a token is blocked, a clean file and an allowed line pass.
func testPreCommitHook(t *testing.T, hookRepo [2]string, id string, env []string) {
	dir := newGitRepo(t)
	env = append(env, "PRE_COMMIT_HOME="+t.TempDir(), "PRE_COMMIT_COLOR=never")
	writeFile(t, dir, ".pre-commit-config.yaml", "repos:\n- repo: "+hookRepo[0]+"\n  rev: "+hookRepo[1]+"\n  hooks:\n  - id: "+id+"\n")
	gitRun(t, dir, "add", "-A")
	gitRun(t, dir, "commit", "-qm", "pre-commit config")
	run := func(args ...string) (string, error) {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), env...)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := run("pre-commit", "install"); err != nil {
		t.Fatalf("pre-commit install: %v\n%s", err, out)
	}

	writeFile(t, dir, "deploy/purge.sh", "curl -H 'Authorization: cpanel shop:"+testToken+"' https://shop.example.com:2083/\n")
	gitRun(t, dir, "add", "-A")
	out, err := run("git", "commit", "-m", "purge script")
	if err == nil || !strings.Contains(out, "tokenscan: commit blocked") || !strings.Contains(out, "deploy/purge.sh:1:") || strings.Contains(out, testToken) {
		t.Fatalf("commit with a token: err %v, output:\n%s", err, out)
	}

	writeFile(t, dir, "deploy/purge.sh", "curl -H \"Authorization: cpanel shop:$CPANEL_TOKEN\" https://shop.example.com:2083/\n")
	gitRun(t, dir, "add", "-A")
	if out, err := run("git", "commit", "-m", "purge script"); err != nil {
		t.Fatalf("clean commit: %v\n%s", err, out)
	}

	writeFile(t, dir, "docs/example.sh", "curl -H 'Authorization: cpanel shop:"+testToken+"' https://shop.example.com:2083/ # tokenscan:allow\n")
	gitRun(t, dir, "add", "-A")
	if out, err := run("git", "commit", "-m", "documented example"); err != nil {
		t.Fatalf("commit of an allowed line: %v\n%s", err, out)
	}
	if got := gitRun(t, dir, "rev-list", "--count", "HEAD"); got != "4" {
		t.Errorf("%s commits, want 4 (init, config, clean, allowed)", got)
	}
}

func goEnv(t *testing.T, key string) string {
	t.Helper()
	out, err := exec.Command("go", "env", key).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", key, err)
	}
	return strings.TrimSpace(string(out))
}
