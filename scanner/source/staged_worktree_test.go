package source

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// stagedScanUnits runs a staged scan of dir and says whether it started cat-file, that is,
// whether some blob was not taken from the work tree.
func stagedScanUnits(t *testing.T, dir string, opt Options) (units []unitResult, catFile bool) {
	t.Helper()
	st, err := StartStaged(context.Background(), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	units = collectUnits(t, st.Emit)
	if st.blobs != nil && !st.blobs.ended {
		t.Error("cat-file still runs after Emit")
	}
	return units, st.blobs != nil
}

func checkStaged(t *testing.T, dir string, opt Options, want []unitResult, wantCatFile bool) {
	t.Helper()
	got, catFile := stagedScanUnits(t, dir, opt)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", formatResults(got), formatResults(want))
	}
	if catFile != wantCatFile {
		t.Errorf("cat-file started: %v, want %v", catFile, wantCatFile)
	}
}

// committedRepo is a repository with one commit of base, so that later changes are
// modifications as well as additions.
func committedRepo(t *testing.T, initArgs ...string) string {
	t.Helper()
	repo := t.TempDir()
	gitIn(t, repo, append([]string{"init", "-q", "-b", "main"}, initArgs...)...)
	writeTestFile(t, repo, "base.txt", "base\n")
	gitIn(t, repo, "add", "base.txt")
	gitIn(t, repo, "commit", "-q", "-m", "base")
	return repo
}

// TestStagedWorkTreeReads: a file staged as it is in the work tree is read from there, with no
// cat-file process; any other is read from git, and what is scanned is always the index content.
func TestStagedWorkTreeReads(t *testing.T) {
	isolateGit(t)

	t.Run("staged whole: no cat-file", func(t *testing.T) {
		repo := committedRepo(t)
		writeTestFile(t, repo, "base.txt", "base\nmore\n")
		writeTestFile(t, repo, "new.txt", "new\n")
		writeTestFile(t, repo, "dir/sub/deep.txt", "deep\n")
		writeTestFile(t, repo, "empty.txt", "")
		writeTestFile(t, repo, "bin.dat", "\x00\x01binary")
		gitIn(t, repo, "add", "-A")
		checkStaged(t, repo, Options{}, []unitResult{
			{Path: "base.txt", Content: "base\nmore\n", Lines: "2"},
			{Path: "bin.dat", Skip: ReasonBinary, Lines: "all"},
			{Path: "dir/sub/deep.txt", Content: "deep\n", Lines: "1"},
			{Path: "empty.txt", Content: "", Lines: "none"},
			{Path: "new.txt", Content: "new\n", Lines: "1"},
		}, false)

		t.Run("from a subdirectory", func(t *testing.T) {
			checkStaged(t, filepath.Join(repo, "dir", "sub"), Options{}, []unitResult{
				{Path: "base.txt", Content: "base\nmore\n", Lines: "2"},
				{Path: "bin.dat", Skip: ReasonBinary, Lines: "all"},
				{Path: "dir/sub/deep.txt", Content: "deep\n", Lines: "1"},
				{Path: "empty.txt", Content: "", Lines: "none"},
				{Path: "new.txt", Content: "new\n", Lines: "1"},
			}, false)
		})
	})

	t.Run("partially staged: the index content, from git", func(t *testing.T) {
		repo := committedRepo(t)
		writeTestFile(t, repo, "base.txt", "base\nstaged\n")
		gitIn(t, repo, "add", "base.txt")
		writeTestFile(t, repo, "base.txt", "base\nstaged\nnot staged\n")
		checkStaged(t, repo, Options{}, []unitResult{{Path: "base.txt", Content: "base\nstaged\n", Lines: "2"}}, true)
	})

	t.Run("deleted from the work tree since: the index content, from git", func(t *testing.T) {
		repo := committedRepo(t)
		writeTestFile(t, repo, "a/gone.txt", "staged then deleted\n")
		gitIn(t, repo, "add", "a")
		if err := os.RemoveAll(filepath.Join(repo, "a")); err != nil {
			t.Fatal(err)
		}
		checkStaged(t, repo, Options{}, []unitResult{{Path: "a/gone.txt", Content: "staged then deleted\n", Lines: "1"}}, true)
	})

	t.Run("core.autocrlf: the index has LF where the work tree has CRLF", func(t *testing.T) {
		repo := committedRepo(t)
		gitIn(t, repo, "config", "core.autocrlf", "true")
		writeTestFile(t, repo, "crlf.txt", "one\r\ntwo\r\n")
		gitIn(t, repo, "add", "crlf.txt")
		if got := gitIn(t, repo, "cat-file", "-p", ":crlf.txt"); got != "one\ntwo" {
			t.Fatalf("index content %q: git did not convert line endings", got)
		}
		checkStaged(t, repo, Options{}, []unitResult{{Path: "crlf.txt", Content: "one\ntwo\n", Lines: "1-2"}}, true)
	})

	t.Run("too large for the limit: skipped as git says", func(t *testing.T) {
		repo := committedRepo(t)
		writeTestFile(t, repo, "big.txt", strings.Repeat("x", 100))
		gitIn(t, repo, "add", "big.txt")
		checkStaged(t, repo, Options{MaxFileSize: 99}, []unitResult{{Path: "big.txt", Skip: ReasonTooLarge, Lines: "all"}}, true)
		checkStaged(t, repo, Options{MaxFileSize: 100}, []unitResult{{Path: "big.txt", Content: strings.Repeat("x", 100), Lines: "1"}}, false)
	})

	t.Run("only token-shaped changes are read", func(t *testing.T) {
		repo := committedRepo(t)
		writeTestFile(t, repo, "plain.txt", "nothing to see\n")
		writeTestFile(t, repo, "token.txt", "t = "+strings.Repeat("A1", SpanRun)+"\n")
		gitIn(t, repo, "add", "-A")
		writeTestFile(t, repo, "plain.txt", "changed, but never read\n")
		checkStaged(t, repo, Options{AddedTokenShapedOnly: true}, []unitResult{
			{Path: "plain.txt", Content: "", Lines: "1"},
			{Path: "token.txt", Content: "t = " + strings.Repeat("A1", SpanRun) + "\n", Lines: "1"},
		}, false)
	})
}

// TestStagedWorkTreeSymlinks: no symlink in the work tree is followed to content, neither at
// the path (a regular file was staged, a symlink is there now) nor, out of the work tree, on the
// way to it; such blobs come from git.
func TestStagedWorkTreeSymlinks(t *testing.T) {
	isolateGit(t)

	t.Run("a symlink where a file was staged", func(t *testing.T) {
		repo := committedRepo(t)
		writeTestFile(t, repo, "f.txt", "same content\n")
		writeTestFile(t, repo, "target.txt", "same content\n")
		gitIn(t, repo, "add", "f.txt")
		os.Remove(filepath.Join(repo, "f.txt"))
		if err := os.Symlink("target.txt", filepath.Join(repo, "f.txt")); err != nil {
			t.Fatal(err)
		}
		checkStaged(t, repo, Options{}, []unitResult{{Path: "f.txt", Content: "same content\n", Lines: "1"}}, true)
	})

	t.Run("a directory on the way replaced by a symlink out of the work tree", func(t *testing.T) {
		repo := committedRepo(t)
		outside := t.TempDir()
		writeTestFile(t, repo, "d/f.txt", "same content\n")
		writeTestFile(t, outside, "f.txt", "same content\n")
		gitIn(t, repo, "add", "d")
		if err := os.RemoveAll(filepath.Join(repo, "d")); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(outside, filepath.Join(repo, "d")); err != nil {
			t.Fatal(err)
		}
		checkStaged(t, repo, Options{}, []unitResult{{Path: "d/f.txt", Content: "same content\n", Lines: "1"}}, true)
	})

	t.Run("a staged symlink is skipped, whatever is in the work tree", func(t *testing.T) {
		repo := committedRepo(t)
		if err := os.Symlink("base.txt", filepath.Join(repo, "link")); err != nil {
			t.Fatal(err)
		}
		gitIn(t, repo, "add", "link")
		os.Remove(filepath.Join(repo, "link"))
		writeTestFile(t, repo, "link", "base.txt")
		checkStaged(t, repo, Options{}, []unitResult{{Path: "link", Skip: ReasonSymlink, Lines: "all"}}, false)
	})
}

// TestStagedSHA256: in a SHA-256 repository blob names are SHA-256 hashes, and the work tree
// is recognised by them.
func TestStagedSHA256(t *testing.T) {
	isolateGit(t)
	repo := committedRepo(t, "--object-format=sha256")
	writeTestFile(t, repo, "a.txt", "alpha\n")
	writeTestFile(t, repo, "b.txt", "beta\n")
	gitIn(t, repo, "add", "-A")
	if oid := gitIn(t, repo, "rev-parse", ":a.txt"); len(oid) != 64 {
		t.Fatalf("object name %q is not SHA-256", oid)
	}
	want := []unitResult{{Path: "a.txt", Content: "alpha\n", Lines: "1"}, {Path: "b.txt", Content: "beta\n", Lines: "1"}}
	checkStaged(t, repo, Options{}, want, false)
	writeTestFile(t, repo, "b.txt", "beta\nnot staged\n")
	checkStaged(t, repo, Options{}, want, true)
}

// TestStagedWorkTreeBatches: with blobs in and out of the work tree interleaved, and more
// work-tree content after a blob from git than is held while waiting for it, every change gets
// its own content, in order.
func TestStagedWorkTreeBatches(t *testing.T) {
	isolateGit(t)
	repo := committedRepo(t)
	big := strings.Repeat("0123456789abcdef\n", (1<<20)/17)
	var want []unitResult
	add := func(name, staged, worktree string) {
		writeTestFile(t, repo, name, staged)
		gitIn(t, repo, "add", name)
		if worktree != staged {
			writeTestFile(t, repo, name, worktree)
		}
		lines := "1"
		if n := strings.Count(staged, "\n"); n > 1 {
			lines = fmt.Sprintf("1-%d", n)
		}
		want = append(want, unitResult{Path: name, Content: staged, Lines: lines})
	}
	add("a00.txt", "hit\n", "hit\n")
	add("a01.txt", "miss\n", "changed\n")
	for i := 2; i < 2+maxHeldWorkTree/len(big)+3; i++ {
		content := fmt.Sprintf("%s%02d\n", big, i)
		add(fmt.Sprintf("a%02d.txt", i), content, content)
	}
	add("b00.txt", "miss again\n", "changed\n")
	add("b01.txt", "hit\nagain\n", "hit\nagain\n")
	add("b02.txt", "last miss\n", "changed\n")
	got, catFile := stagedScanUnits(t, repo, Options{})
	if !catFile {
		t.Error("cat-file was not started")
	}
	if len(got) != len(want) {
		t.Fatalf("got %d units, want %d", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("unit %d: got %s %q (%d bytes), want %s %q (%d bytes)", i, got[i].Path, got[i].Lines, len(got[i].Content),
				want[i].Path, want[i].Lines, len(want[i].Content))
		}
	}
}

// TestStagedWorkTreeCancel: cancelling while blobs are read from the work tree ends Emit with
// the context's error.
func TestStagedWorkTreeCancel(t *testing.T) {
	isolateGit(t)
	repo := committedRepo(t)
	writeTestFile(t, repo, "a.txt", "a\n")
	writeTestFile(t, repo, "b.txt", "b\n")
	gitIn(t, repo, "add", "-A")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st, err := StartStaged(ctx, repo, Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = st.Emit(func(Unit) error { n++; cancel(); return nil })
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("Emit returned %v after %d units, want context.Canceled after 1", err, n)
	}
}

// hookState is what a pre-commit hook saw: where it ran, what git exported, and a copy of the
// index it was to check (the temporary one git commit -a or git commit <path> writes is gone
// once the commit ends).
type hookState struct {
	dir, gitDir, workTree, index string
}

// runCommitHook runs git commit with args in dir under a pre-commit hook that records what it
// sees and then stops the commit.
func runCommitHook(t *testing.T, repo, dir string, args ...string) hookState {
	t.Helper()
	save := t.TempDir()
	hooks := filepath.Join(repo, ".git", "hooks")
	if err := os.MkdirAll(hooks, 0o755); err != nil {
		t.Fatal(err)
	}
	hook := `#!/bin/sh
cp "$GIT_INDEX_FILE" "$SAVE/index" || exit 1
printf 'dir=%s\nGIT_DIR=%s\nGIT_WORK_TREE=%s\n' "$(pwd)" "$GIT_DIR" "$GIT_WORK_TREE" > "$SAVE/env"
exit 1
`
	if err := os.WriteFile(filepath.Join(hooks, "pre-commit"), []byte(hook), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("git", append([]string{"commit", "-q", "-m", "hooked"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "SAVE="+save)
	if out, err := cmd.CombinedOutput(); err == nil {
		t.Fatalf("commit succeeded despite the hook: %s", out)
	}
	f, err := os.Open(filepath.Join(save, "env"))
	if err != nil {
		t.Fatalf("the hook did not run: %v", err)
	}
	defer f.Close()
	st := hookState{index: filepath.Join(save, "index")}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), "=")
		switch k {
		case "dir":
			st.dir = v
		case "GIT_DIR":
			st.gitDir = v
		case "GIT_WORK_TREE":
			st.workTree = v
		}
	}
	return st
}

// stagedInHook scans as the hook recorded in st would, with its environment.
func stagedInHook(t *testing.T, st hookState, want []unitResult, wantCatFile bool) {
	t.Helper()
	t.Setenv("GIT_INDEX_FILE", st.index)
	for k, v := range map[string]string{"GIT_DIR": st.gitDir, "GIT_WORK_TREE": st.workTree} {
		t.Setenv(k, v)
		if v == "" {
			os.Unsetenv(k)
		}
	}
	checkStaged(t, st.dir, Options{}, want, wantCatFile)
}

// TestStagedInCommitHook: what git commit hands its pre-commit hook (the index to commit in
// GIT_INDEX_FILE, often a temporary one; GIT_DIR in a linked work tree; GIT_WORK_TREE when git
// was given one) is what is scanned, and the work tree serves where it has that content.
func TestStagedInCommitHook(t *testing.T) {
	isolateGit(t)
	setup := func(t *testing.T) string {
		repo := committedRepo(t)
		writeTestFile(t, repo, "sub/p.txt", "p\n")
		writeTestFile(t, repo, "q.txt", "q\n")
		gitIn(t, repo, "add", "-A")
		gitIn(t, repo, "commit", "-q", "-m", "more")
		// The index has p.txt partially staged and q.txt staged whole.
		writeTestFile(t, repo, "sub/p.txt", "p\nstaged\n")
		writeTestFile(t, repo, "q.txt", "q\nstaged\n")
		gitIn(t, repo, "add", "-A")
		writeTestFile(t, repo, "sub/p.txt", "p\nstaged\nworktree\n")
		return repo
	}

	t.Run("git commit", func(t *testing.T) {
		repo := setup(t)
		stagedInHook(t, runCommitHook(t, repo, repo), []unitResult{
			{Path: "q.txt", Content: "q\nstaged\n", Lines: "2"},
			{Path: "sub/p.txt", Content: "p\nstaged\n", Lines: "2"},
		}, true)
	})

	t.Run("git commit -a, from a subdirectory", func(t *testing.T) {
		repo := setup(t)
		stagedInHook(t, runCommitHook(t, repo, filepath.Join(repo, "sub"), "-a"), []unitResult{
			{Path: "q.txt", Content: "q\nstaged\n", Lines: "2"},
			{Path: "sub/p.txt", Content: "p\nstaged\nworktree\n", Lines: "2-3"},
		}, false)
	})

	t.Run("git commit <path>", func(t *testing.T) {
		repo := setup(t)
		// Only p.txt, as it is in the work tree, is committed; q.txt stays staged for later.
		stagedInHook(t, runCommitHook(t, repo, repo, "sub/p.txt"), []unitResult{
			{Path: "sub/p.txt", Content: "p\nstaged\nworktree\n", Lines: "2-3"},
		}, false)
	})

	t.Run("an alternate index that the work tree does not match", func(t *testing.T) {
		repo := setup(t)
		st := runCommitHook(t, repo, repo, "-a")
		// The work tree changes after the index was written: the index is still what counts.
		writeTestFile(t, repo, "q.txt", "q\nstaged\nlater\n")
		stagedInHook(t, st, []unitResult{
			{Path: "q.txt", Content: "q\nstaged\n", Lines: "2"},
			{Path: "sub/p.txt", Content: "p\nstaged\nworktree\n", Lines: "2-3"},
		}, true)
	})

	t.Run("in a linked work tree", func(t *testing.T) {
		repo := setup(t)
		gitIn(t, repo, "commit", "-q", "-am", "all")
		wt := filepath.Join(t.TempDir(), "wt")
		gitIn(t, repo, "worktree", "add", "-q", "-b", "side", wt)
		writeTestFile(t, wt, "sub/p.txt", "p\nin wt\n")
		writeTestFile(t, wt, "q.txt", "q\nin wt\n")
		gitIn(t, wt, "add", "q.txt")
		st := runCommitHook(t, repo, filepath.Join(wt, "sub"), "-a")
		if st.gitDir == "" {
			t.Log("git did not export GIT_DIR to the hook")
		}
		stagedInHook(t, st, []unitResult{
			{Path: "q.txt", Content: "q\nin wt\n", Lines: "2"},
			{Path: "sub/p.txt", Content: "p\nin wt\n", Lines: "2"},
		}, false)
	})

	t.Run("GIT_DIR and GIT_WORK_TREE given to git commit", func(t *testing.T) {
		repo := setup(t)
		t.Setenv("GIT_DIR", filepath.Join(repo, ".git"))
		t.Setenv("GIT_WORK_TREE", repo)
		st := runCommitHook(t, repo, filepath.Join(repo, "sub"), "-a")
		if st.workTree == "" {
			t.Log("git did not export GIT_WORK_TREE to the hook")
		}
		stagedInHook(t, st, []unitResult{
			{Path: "q.txt", Content: "q\nstaged\n", Lines: "2"},
			{Path: "sub/p.txt", Content: "p\nstaged\nworktree\n", Lines: "2-3"},
		}, false)
	})
}

func TestWorkTreeTop(t *testing.T) {
	isolateGit(t)
	repo := committedRepo(t)
	sub := filepath.Join(repo, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	other := t.TempDir()
	for _, tt := range []struct {
		name, gitDir, workTree, dir, want string
	}{
		{name: "found from a subdirectory", dir: sub, want: repo},
		{name: "GIT_DIR: where git runs", gitDir: filepath.Join(repo, ".git"), dir: sub, want: sub},
		{name: "GIT_WORK_TREE", workTree: other, dir: sub, want: other},
		{name: "GIT_WORK_TREE relative to where git runs", gitDir: ".git", workTree: "..", dir: sub, want: filepath.Join(repo, "a")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range map[string]string{"GIT_DIR": tt.gitDir, "GIT_WORK_TREE": tt.workTree} {
				t.Setenv(k, v)
				if v == "" {
					os.Unsetenv(k)
				}
			}
			got, err := WorkTreeTop(tt.dir)
			if err != nil || got != tt.want {
				t.Errorf("WorkTreeTop(%q) = %q, %v; want %q", tt.dir, got, err, tt.want)
			}
		})
	}
}
