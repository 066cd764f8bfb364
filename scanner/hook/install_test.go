package hook

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tokenscan/tokenscan/scanner/source"
)

const fakeExe = "/opt/tokenscan's bin/tokenscan"

func TestInstallIntoEmptyHooksDirAndUninstall(t *testing.T) {
	isolateGit(t)
	ctx := context.Background()
	repo := newRepo(t)
	hooks := filepath.Join(repo, ".git", "hooks")
	before := snapshot(t, hooks)

	for _, kind := range Kinds {
		res, err := Install(ctx, repo, kind, fakeExe)
		if err != nil {
			t.Fatal(err)
		}
		want := Result{Kind: kind, Path: filepath.Join(hooks, string(kind)), Action: Installed}
		if res != want {
			t.Errorf("Install(%s) = %+v, want %+v", kind, res, want)
		}
		st, err := os.Stat(res.Path)
		if err != nil || st.Mode().Perm() != 0o755 {
			t.Fatalf("hook %s: %v, mode %v", res.Path, err, st.Mode())
		}
		if data, _ := os.ReadFile(res.Path); string(data) != Script(kind, fakeExe) {
			t.Errorf("hook content:\n%s\nwant:\n%s", data, Script(kind, fakeExe))
		}
		// Idempotent: a second install finds it up to date and changes nothing.
		again, err := Install(ctx, repo, kind, fakeExe)
		if err != nil || again.Action != UpToDate {
			t.Errorf("second Install(%s) = %+v, %v; want up to date", kind, again, err)
		}
	}
	// A new binary path rewrites tokenscan's own hook.
	res, err := Install(ctx, repo, PreCommit, "/usr/local/bin/tokenscan")
	if err != nil || res.Action != Updated {
		t.Errorf("Install with a new path = %+v, %v; want updated", res, err)
	}

	for _, kind := range Kinds {
		res, err := Uninstall(ctx, repo, kind)
		if err != nil || res.Action != Removed {
			t.Errorf("Uninstall(%s) = %+v, %v; want removed", kind, res, err)
		}
		res, err = Uninstall(ctx, repo, kind)
		if err != nil || res.Action != NotInstalled {
			t.Errorf("second Uninstall(%s) = %+v, %v; want nothing to do", kind, res, err)
		}
	}
	if after := snapshot(t, hooks); !reflect.DeepEqual(after, before) {
		t.Errorf("hooks directory after uninstall differs from before:\n%v\nwant\n%v", keys(after), keys(before))
	}
}

func TestInstallChainsExistingHookAndUninstallRestoresIt(t *testing.T) {
	isolateGit(t)
	ctx := context.Background()
	for name, setup := range map[string]func(t *testing.T, hook string){
		"script": func(t *testing.T, hook string) {
			writeFile(t, hook, "#!/bin/sh\necho previous hook\n")
			if err := os.Chmod(hook, 0o750); err != nil {
				t.Fatal(err)
			}
		},
		"not executable": func(t *testing.T, hook string) {
			writeFile(t, hook, "#!/bin/sh\nexit 1\n") // git ignores it; so must the chain
		},
		"symlink": func(t *testing.T, hook string) {
			if err := os.Symlink("../../tools/lint-hook", hook); err != nil {
				t.Fatal(err)
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			repo := newRepo(t)
			hooks := filepath.Join(repo, ".git", "hooks")
			hook := filepath.Join(hooks, "pre-commit")
			setup(t, hook)
			before := snapshot(t, hooks)

			res, err := Install(ctx, repo, PreCommit, fakeExe)
			if err != nil {
				t.Fatal(err)
			}
			if res.Action != Chained || res.Chained != hook+ChainedSuffix {
				t.Fatalf("Install = %+v, want chained to %s", res, hook+ChainedSuffix)
			}
			if got := snapshot(t, hooks)["pre-commit"+ChainedSuffix]; got != before["pre-commit"] {
				t.Errorf("chained hook = %q, want the previous hook %q unchanged", got, before["pre-commit"])
			}
			again, err := Install(ctx, repo, PreCommit, fakeExe)
			if err != nil || again.Action != UpToDate || again.Chained != res.Chained {
				t.Errorf("second Install = %+v, %v; want up to date, still chained", again, err)
			}

			res, err = Uninstall(ctx, repo, PreCommit)
			if err != nil || res.Action != Restored {
				t.Fatalf("Uninstall = %+v, %v; want restored", res, err)
			}
			if after := snapshot(t, hooks); !reflect.DeepEqual(after, before) {
				t.Errorf("hooks directory after uninstall:\n%v\nwant exactly as before:\n%v", after, before)
			}
		})
	}
}

func TestInstallNeverClobbers(t *testing.T) {
	isolateGit(t)
	ctx := context.Background()
	repo := newRepo(t)
	hooks := filepath.Join(repo, ".git", "hooks")
	writeFile(t, filepath.Join(hooks, "pre-commit"), "#!/bin/sh\necho mine\n")
	writeFile(t, filepath.Join(hooks, "pre-commit"+ChainedSuffix), "#!/bin/sh\necho also mine\n")
	before := snapshot(t, hooks)
	if _, err := Install(ctx, repo, PreCommit, fakeExe); err == nil || !strings.Contains(err.Error(), "neither is tokenscan's") {
		t.Errorf("Install with both files taken: err = %v, want a refusal", err)
	}
	if _, err := Uninstall(ctx, repo, PreCommit); err == nil {
		t.Error("Uninstall of a hook that is not tokenscan's, beside a chained one: want an error")
	}
	if after := snapshot(t, hooks); !reflect.DeepEqual(after, before) {
		t.Errorf("hooks directory changed:\n%v\nwant\n%v", after, before)
	}

	// A foreign hook alone is not tokenscan's to remove.
	os.Remove(filepath.Join(hooks, "pre-commit"+ChainedSuffix))
	res, err := Uninstall(ctx, repo, PreCommit)
	if err != nil || res.Action != NotInstalled {
		t.Errorf("Uninstall of a foreign hook = %+v, %v; want it left alone", res, err)
	}
	if data, _ := os.ReadFile(filepath.Join(hooks, "pre-commit")); string(data) != "#!/bin/sh\necho mine\n" {
		t.Errorf("foreign hook changed to %q", data)
	}
}

func TestHooksDirFollowsGit(t *testing.T) {
	isolateGit(t)
	ctx := context.Background()

	t.Run("core.hooksPath", func(t *testing.T) {
		repo := newRepo(t)
		gitIn(t, repo, "config", "core.hooksPath", ".githooks")
		sub := filepath.Join(repo, "src")
		if err := os.Mkdir(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if top, err := source.WorkTreeTop(sub); err != nil || top != repo {
			t.Errorf("WorkTreeTop(%s) = %q, %v; want %q", sub, top, err, repo)
		}
		res, err := Install(ctx, sub, PreCommit, fakeExe)
		if err != nil {
			t.Fatal(err)
		}
		if want := filepath.Join(repo, ".githooks", "pre-commit"); res.Path != want {
			t.Errorf("hook installed at %s, want %s (core.hooksPath, relative to the top)", res.Path, want)
		}
		if !strings.Contains(res.Note, "linked worktree") {
			t.Errorf("relative core.hooksPath: note %q, want it to say worktrees look elsewhere", res.Note)
		}
		gitIn(t, repo, "config", "core.hooksPath", filepath.Join(repo, ".githooks"))
		if res, err := Install(ctx, sub, PreCommit, fakeExe); err != nil || res.Note != "" {
			t.Errorf("absolute core.hooksPath: note %q, %v; want none", res.Note, err)
		}
	})

	t.Run("worktree", func(t *testing.T) {
		repo := newRepo(t)
		wt := filepath.Join(t.TempDir(), "wt")
		gitIn(t, repo, "worktree", "add", "-q", "-b", "feature", wt)
		res, err := Install(ctx, wt, PrePush, fakeExe)
		if err != nil {
			t.Fatal(err)
		}
		if top, err := source.WorkTreeTop(filepath.Join(wt, ".")); err != nil || top != wt {
			t.Errorf("WorkTreeTop(worktree) = %q, %v; want %q", top, err, wt)
		}
		// git runs the main repository's hooks in every worktree.
		if want := filepath.Join(repo, ".git", "hooks", "pre-push"); res.Path != want {
			t.Errorf("hook installed at %s, want %s", res.Path, want)
		}
	})

	t.Run("not a repository", func(t *testing.T) {
		if _, err := Install(ctx, t.TempDir(), PreCommit, fakeExe); err == nil {
			t.Error("Install outside a repository: want an error")
		}
	})
}

func TestInstallRejectsUnknownKind(t *testing.T) {
	if _, err := Install(context.Background(), ".", Kind("post-checkout"), fakeExe); err == nil {
		t.Error("want an error for an unknown hook")
	}
}

// TestInstalledHooksRunWithGit lets git itself run the installed hooks, with a stand-in for
// tokenscan that records what it was given and exits as told, and checks that the hook that
// was there before runs after a pass, with the same arguments and standard input, and not after
// a failure.
func TestInstalledHooksRunWithGit(t *testing.T) {
	isolateGit(t)
	ctx := context.Background()
	log := filepath.Join(t.TempDir(), "log")
	fake := filepath.Join(t.TempDir(), "tokenscan")
	writeFile(t, fake, "#!/bin/sh\n{ echo \"tokenscan $*\"; cat; echo .; } >> '"+log+"'\nexit ${FAKE_EXIT:-0}\n")
	if err := os.Chmod(fake, 0o755); err != nil {
		t.Fatal(err)
	}
	remote := t.TempDir()
	gitIn(t, remote, "init", "-q", "--bare")
	repo := newRepo(t)
	gitIn(t, repo, "remote", "add", "origin", remote)
	hooks := filepath.Join(repo, ".git", "hooks")
	for _, kind := range Kinds {
		prev := filepath.Join(hooks, string(kind))
		writeFile(t, prev, "#!/bin/sh\n{ echo \"previous "+string(kind)+" $*\"; cat; echo .; } >> '"+log+"'\n")
		if err := os.Chmod(prev, 0o755); err != nil {
			t.Fatal(err)
		}
		if _, err := Install(ctx, repo, kind, fake); err != nil {
			t.Fatal(err)
		}
	}
	readLog := func() string {
		data, _ := os.ReadFile(log)
		os.Remove(log)
		return string(data)
	}

	writeFile(t, filepath.Join(repo, "a.txt"), "a\n")
	gitIn(t, repo, "add", "a.txt")
	if out, err := runErr(repo, []string{"FAKE_EXIT=1"}, "git", "commit", "-q", "-m", "blocked"); err == nil {
		t.Fatalf("commit passed although tokenscan failed:\n%s", out)
	}
	if got, want := readLog(), "tokenscan protect --staged\n.\n"; got != want {
		t.Errorf("after a failing check the hooks ran:\n%s\nwant:\n%s", got, want)
	}
	gitIn(t, repo, "commit", "-q", "-m", "passes")
	if got, want := readLog(), "tokenscan protect --staged\n.\nprevious pre-commit \n.\n"; got != want {
		t.Errorf("pre-commit hooks ran:\n%s\nwant:\n%s", got, want)
	}

	head := gitIn(t, repo, "rev-parse", "HEAD")
	zero := strings.Repeat("0", len(head))
	gitIn(t, repo, "push", "-q", "origin", "main")
	refs := "refs/heads/main " + head + " refs/heads/main " + zero + "\n"
	want := "tokenscan protect --pre-push origin " + remote + "\n" + refs + ".\n" +
		"previous pre-push origin " + remote + "\n" + refs + ".\n"
	if got := readLog(); got != want {
		t.Errorf("pre-push hooks ran:\n%s\nwant:\n%s", got, want)
	}

	// Uninstalled, only the previous hooks run.
	for _, kind := range Kinds {
		if _, err := Uninstall(ctx, repo, kind); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(repo, "b.txt"), "b\n")
	gitIn(t, repo, "add", "b.txt")
	gitIn(t, repo, "commit", "-q", "-m", "after uninstall")
	if got, want := readLog(), "previous pre-commit \n.\n"; got != want {
		t.Errorf("after uninstall the hooks ran:\n%s\nwant:\n%s", got, want)
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestScriptProtectArgs: extra protect arguments follow the mode flag, quoted for the shell only
// when they need it.
func TestScriptProtectArgs(t *testing.T) {
	for kind, want := range map[Kind]string{
		PreCommit: `"$tokenscan" protect --staged --verify --host-map-file '/etc/my hosts' '' || exit $?`,
		PrePush:   `"$tokenscan" protect --pre-push --verify --host-map-file '/etc/my hosts' '' "$@" || exit $?`,
	} {
		if s := Script(kind, fakeExe, "--verify", "--host-map-file", "/etc/my hosts", ""); !strings.Contains(s, want) {
			t.Errorf("%s hook lacks %q:\n%s", kind, want, s)
		}
	}
}
