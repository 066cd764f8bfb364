package source

import (
	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func stagedUnits(t *testing.T, repo string, opt Options) []unitResult {
	t.Helper()
	return collectUnits(t, func(emit func(Unit) error) error {
		return Staged(context.Background(), repo, opt, func(u Unit) error {
			if u.Origin.Source != SourceStaged {
				t.Errorf("%s: source %q", u.Origin.Path, u.Origin.Source)
			}
			return emit(u)
		})
	})
}

// stagedScenario commits a base tree and stages one change of every kind Staged must handle.
// It returns the repository and what Staged must emit for it.
func stagedScenario(t *testing.T) (string, []unitResult) {
	repo := newTestRepo(t)
	renamed := "keep\nthis\ncontent\nthe same\nfor a pure rename\n"
	editedRename := "one\ntwo\nthree\nfour\nfive\nsix\n"
	for rel, content := range map[string]string{
		"mod.txt":        "a\nb\nc\nd\ne\n",
		"partial.txt":    "p1\np2\np3\n",
		"old name.txt":   renamed,
		"r2.txt":         editedRename,
		"gone.txt":       "deleted\n",
		"chmod.sh":       "#!/bin/sh\n",
		"nonl.txt":       "no newline",
		"tricky.txt":     "start\n",
		"was-link":       "placeholder",
		"attr.txt":       "v1\n",
		".gitattributes": "attr.txt binary\n",
	} {
		writeTestFile(t, repo, rel, content)
	}
	os.Remove(filepath.Join(repo, "was-link"))
	if err := os.Symlink("mod.txt", filepath.Join(repo, "was-link")); err != nil {
		t.Fatal(err)
	}
	gitIn(t, repo, "add", "-A")
	gitIn(t, repo, "commit", "-q", "-m", "base")

	// Modified: line 2 changed, line 6 appended.
	writeTestFile(t, repo, "mod.txt", "a\nB\nc\nd\ne\nf\n")
	// Partially staged: the index has line 1 changed; the working tree also changes line 3.
	writeTestFile(t, repo, "partial.txt", "P1\np2\np3\n")
	gitIn(t, repo, "add", "partial.txt")
	writeTestFile(t, repo, "partial.txt", "P1\np2\nWORKTREE ONLY\n")
	// Pure rename (spaces in both names) and rename with an added line.
	gitIn(t, repo, "mv", "old name.txt", "new name.txt")
	gitIn(t, repo, "mv", "r2.txt", "r2 renamed.txt")
	writeTestFile(t, repo, "r2 renamed.txt", editedRename+"seven\n")
	gitIn(t, repo, "rm", "-q", "gone.txt")
	// Mode change only.
	if err := os.Chmod(filepath.Join(repo, "chmod.sh"), 0o755); err != nil {
		t.Fatal(err)
	}
	// The last line gains its newline and a line follows: both lines count as added.
	writeTestFile(t, repo, "nonl.txt", "no newline\nnext\n")
	// Added lines that look like patch syntax must be counted, not parsed.
	writeTestFile(t, repo, "tricky.txt", "start\n@@ -1 +1,400 @@\ndiff --git a/x b/x\n+++ b/evil\n-- minus\n\\ backslash\n")
	// New files: binary, unicode name, newline in the name, empty, in a subdirectory.
	writeTestFile(t, repo, "bin.dat", "\x89PNG\x00\x00data")
	writeTestFile(t, repo, "dir/ünï ☃.txt", "snow\nman\n")
	writeTestFile(t, repo, "new\nline.txt", "newline in name\n")
	writeTestFile(t, repo, "empty.txt", "")
	// Type change: a symlink becomes a regular file.
	os.Remove(filepath.Join(repo, "was-link"))
	writeTestFile(t, repo, "was-link", "now a file\nwith two lines\n")
	// A symlink is staged, and a gitlink (submodule) entry without needing another repository.
	if err := os.Symlink("mod.txt", filepath.Join(repo, "new-link")); err != nil {
		t.Fatal(err)
	}
	head := gitIn(t, repo, "rev-parse", "HEAD")
	// .gitattributes says binary, so git prints no hunk; the content is text, so all of it counts.
	writeTestFile(t, repo, "attr.txt", "v1\nv2\n")
	gitIn(t, repo, "add", "mod.txt", "r2 renamed.txt", "chmod.sh", "nonl.txt", "tricky.txt", "bin.dat",
		"dir", "new\nline.txt", "empty.txt", "was-link", "new-link", "attr.txt")
	gitIn(t, repo, "update-index", "--add", "--cacheinfo", "160000,"+head+",sub")
	// Not staged at all: must not appear.
	writeTestFile(t, repo, "untracked.txt", "untracked\n")

	want := []unitResult{
		{Path: "attr.txt", Content: "v1\nv2\n", Lines: "all"},
		{Path: "bin.dat", Skip: ReasonBinary, Lines: "all"},
		{Path: "chmod.sh", Content: "#!/bin/sh\n", Lines: "none"},
		{Path: "dir/ünï ☃.txt", Content: "snow\nman\n", Lines: "1-2"},
		{Path: "empty.txt", Content: "", Lines: "none"},
		{Path: "mod.txt", Content: "a\nB\nc\nd\ne\nf\n", Lines: "2,6"},
		{Path: "new\nline.txt", Content: "newline in name\n", Lines: "1"},
		{Path: "new name.txt", Content: renamed, Lines: "none"},
		{Path: "new-link", Skip: ReasonSymlink, Lines: "all"},
		{Path: "nonl.txt", Content: "no newline\nnext\n", Lines: "1-2"},
		{Path: "partial.txt", Content: "P1\np2\np3\n", Lines: "1"},
		{Path: "r2 renamed.txt", Content: editedRename + "seven\n", Lines: "7"},
		{Path: "sub", Skip: ReasonSubmodule, Lines: "all"},
		{Path: "tricky.txt", Content: "start\n@@ -1 +1,400 @@\ndiff --git a/x b/x\n+++ b/evil\n-- minus\n\\ backslash\n", Lines: "2-6"},
		{Path: "was-link", Content: "now a file\nwith two lines\n", Lines: "1-2"},
	}
	return repo, want
}

func TestStaged(t *testing.T) {
	isolateGit(t)
	repo, want := stagedScenario(t)
	got := stagedUnits(t, repo, Options{})
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", formatResults(got), formatResults(want))
	}

	t.Run("from a subdirectory, paths stay relative to the repository root", func(t *testing.T) {
		if got := stagedUnits(t, filepath.Join(repo, "dir"), Options{}); !reflect.DeepEqual(got, want) {
			t.Errorf("got\n%s\nwant\n%s", formatResults(got), formatResults(want))
		}
	})

	// Configuration a developer may well have must not change what Staged sees.
	writeTestFile(t, repo, "order", "tricky.txt\nsub\n")
	for _, kv := range [][2]string{
		{"diff.submodule", "log"},
		{"color.ui", "always"},
		{"color.diff", "always"},
		{"diff.noprefix", "true"},
		{"diff.mnemonicPrefix", "true"},
		{"diff.relative", "true"},
		{"diff.renames", "false"},
		{"diff.external", "false"},
		{"diff.algorithm", "histogram"},
		{"core.quotePath", "true"},
		{"diff.ignoreSubmodules", "all"},
		{"diff.interHunkContext", "5"},
		{"diff.suppressBlankEmpty", "true"},
		{"diff.context", "7"},
		{"diff.orderFile", filepath.Join(repo, "order")},
	} {
		gitIn(t, repo, "config", kv[0], kv[1])
	}
	t.Run("hostile configuration", func(t *testing.T) {
		got := stagedUnits(t, filepath.Join(repo, "dir"), Options{})
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got\n%s\nwant\n%s", formatResults(got), formatResults(want))
		}
	})

	t.Run("exclude and size limit", func(t *testing.T) {
		got := stagedUnits(t, repo, Options{MaxFileSize: 12, Exclude: []string{"dir/", "*.dat", "new*"}})
		want := []unitResult{
			{Path: "attr.txt", Content: "v1\nv2\n", Lines: "all"},
			{Path: "chmod.sh", Content: "#!/bin/sh\n", Lines: "none"},
			{Path: "empty.txt", Content: "", Lines: "none"},
			{Path: "mod.txt", Content: "a\nB\nc\nd\ne\nf\n", Lines: "2,6"},
			{Path: "nonl.txt", Skip: ReasonTooLarge, Lines: "all"},
			{Path: "partial.txt", Content: "P1\np2\np3\n", Lines: "1"},
			{Path: "r2 renamed.txt", Skip: ReasonTooLarge, Lines: "all"},
			{Path: "sub", Skip: ReasonSubmodule, Lines: "all"},
			{Path: "tricky.txt", Skip: ReasonTooLarge, Lines: "all"},
			{Path: "was-link", Skip: ReasonTooLarge, Lines: "all"},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got\n%s\nwant\n%s", formatResults(got), formatResults(want))
		}
	})
}

func formatResults(rs []unitResult) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString("  ")
		b.WriteString(strings.ReplaceAll(strings.ReplaceAll(
			"path="+r.Path+" skip="+r.Skip+" lines="+r.Lines+" content="+r.Content, "\n", `\n`), "\x00", `\0`))
		b.WriteString("\n")
	}
	return b.String()
}

func TestStagedInitialCommit(t *testing.T) {
	isolateGit(t)
	repo := newTestRepo(t)
	writeTestFile(t, repo, "a.txt", "one\ntwo\n")
	writeTestFile(t, repo, "b/c.txt", "three\n")
	writeTestFile(t, repo, "unstaged.txt", "no\n")
	gitIn(t, repo, "add", "a.txt", "b")
	got := stagedUnits(t, repo, Options{})
	want := []unitResult{
		{Path: "a.txt", Content: "one\ntwo\n", Lines: "1-2"},
		{Path: "b/c.txt", Content: "three\n", Lines: "1"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", formatResults(got), formatResults(want))
	}
}

// TestStagedTokenShapedOnly: with AddedTokenShapedOnly, only changes whose added lines hold a
// run a token could be in are read; the rest come with their added lines and no content.
func TestStagedTokenShapedOnly(t *testing.T) {
	isolateGit(t)
	repo := newTestRepo(t)
	writeTestFile(t, repo, "plain.txt", "one\n")
	writeTestFile(t, repo, "context.env", "CPANEL_HOST=cp.example.com\n")
	gitIn(t, repo, "add", "-A")
	gitIn(t, repo, "commit", "-q", "-m", "base")
	long := strings.Repeat("A1", SpanRun/2)      // exactly SpanRun token characters
	short := strings.Repeat("A1", SpanRun/2)[1:] // one fewer
	writeTestFile(t, repo, "plain.txt", "one\n"+short+"\n")
	writeTestFile(t, repo, "context.env", "CPANEL_HOST=cp.example.com\nCPANEL_TOKEN="+long+"\n")
	writeTestFile(t, repo, "new.txt", "x = '"+short+"'\n")
	writeTestFile(t, repo, "a-first.txt", "y = '"+short+"'\n")
	gitIn(t, repo, "add", "-A")

	// a-first.txt comes before the last change that needs its patch, so its patch is read;
	// the patches of new.txt and plain.txt, after it and clean, may not be (that depends on
	// whether proving them clean or reading their patches ends first), and then they have no
	// added lines.
	got := stagedUnits(t, repo, Options{AddedTokenShapedOnly: true})
	want := []unitResult{
		{Path: "a-first.txt", Content: "", Lines: "1"},
		{Path: "context.env", Content: "CPANEL_HOST=cp.example.com\nCPANEL_TOKEN=" + long + "\n", Lines: "2"},
		{Path: "new.txt", Content: "", Lines: "1"},
		{Path: "plain.txt", Content: "", Lines: "2"},
	}
	for i := 2; i < len(got) && i < len(want); i++ {
		if got[i].Lines == "none" {
			got[i].Lines = want[i].Lines
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", formatResults(got), formatResults(want))
	}
	// Given time, the proof reaches the last change that needs its patch, and no further.
	st, err := StartStaged(context.Background(), repo, Options{AddedTokenShapedOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := parseRawEntries(bufio.NewReader(st.diff.stdout))
	if err != nil {
		t.Fatal(err)
	}
	proof := st.proveClean(raw)
	<-proof.done
	if got := proof.from(); got != 2 {
		t.Errorf("proven clean from change %d of %d, want 2 (after context.env)", got, len(raw))
	}
	proof.stop()
	st.Abort()
	if got := stagedUnits(t, repo, Options{}); got[3].Content != "one\n"+short+"\n" {
		t.Errorf("without the option every change is read: got %q", got[3].Content)
	}
	for line, want := range map[string]bool{long: true, short: false, "a " + long + " b": true, strings.Repeat("+/-_", 6): true, strings.Repeat("ab.", 20): false} {
		if hasSpanRun([]byte(line)) != want {
			t.Errorf("hasSpanRun(%q) = %v", line, !want)
		}
	}
}

func TestStagedNothingStaged(t *testing.T) {
	isolateGit(t)
	for name, setup := range map[string]func(repo string){
		"empty repository": func(string) {},
		"clean repository with a dirty worktree": func(repo string) {
			writeTestFile(t, repo, "a.txt", "a\n")
			gitIn(t, repo, "add", "a.txt")
			gitIn(t, repo, "commit", "-q", "-m", "a")
			writeTestFile(t, repo, "a.txt", "changed but not staged\n")
		},
	} {
		t.Run(name, func(t *testing.T) {
			repo := newTestRepo(t)
			setup(repo)
			if got := stagedUnits(t, repo, Options{}); len(got) != 0 {
				t.Errorf("got %s, want nothing", formatResults(got))
			}
		})
	}
}

func TestStagedUnmerged(t *testing.T) {
	isolateGit(t)
	repo := newTestRepo(t)
	writeTestFile(t, repo, "c.txt", "base\n")
	gitIn(t, repo, "add", "c.txt")
	gitIn(t, repo, "commit", "-q", "-m", "base")
	gitIn(t, repo, "checkout", "-q", "-b", "other")
	writeTestFile(t, repo, "c.txt", "theirs\n")
	gitIn(t, repo, "commit", "-q", "-am", "theirs")
	gitIn(t, repo, "checkout", "-q", "main")
	writeTestFile(t, repo, "c.txt", "ours\n")
	writeTestFile(t, repo, "d.txt", "resolved\n")
	gitIn(t, repo, "add", "d.txt")
	gitIn(t, repo, "commit", "-q", "-am", "ours")
	if out, err := runGit(context.Background(), repo, "merge", "-q", "other"); err == nil {
		t.Fatalf("merge unexpectedly succeeded: %s", out)
	}
	if status := gitIn(t, repo, "status", "--porcelain"); status != "UU c.txt" {
		t.Fatalf("status %q, want a conflict in c.txt", status)
	}
	writeTestFile(t, repo, "e.txt", "new during merge\n")
	gitIn(t, repo, "add", "e.txt")
	got := stagedUnits(t, repo, Options{})
	want := []unitResult{
		{Path: "c.txt", Skip: ReasonUnmerged, Lines: "all"},
		{Path: "e.txt", Content: "new during merge\n", Lines: "1"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", formatResults(got), formatResults(want))
	}
}

func TestStagedHonoursGitIndexFile(t *testing.T) {
	// git commit <paths> runs the pre-commit hook against a temporary index named by
	// GIT_INDEX_FILE; Staged must scan that index, not .git/index.
	isolateGit(t)
	repo := newTestRepo(t)
	writeTestFile(t, repo, "a.txt", "in the real index\n")
	gitIn(t, repo, "add", "a.txt")
	alt := filepath.Join(t.TempDir(), "alt-index")
	t.Setenv("GIT_INDEX_FILE", alt)
	writeTestFile(t, repo, "b.txt", "in the alternate index\n")
	gitIn(t, repo, "add", "b.txt")
	got := stagedUnits(t, repo, Options{})
	want := []unitResult{{Path: "b.txt", Content: "in the alternate index\n", Lines: "1"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", formatResults(got), formatResults(want))
	}
}

func TestStagedErrors(t *testing.T) {
	isolateGit(t)
	notRepo := t.TempDir()
	bare := t.TempDir()
	gitIn(t, bare, "init", "-q", "--bare")
	repo, _ := stagedScenario(t)
	stop := errors.New("stop")
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		dir     string
		emit    func(Unit) error
		wantErr error
		wantMsg []string
	}{
		{name: "not a repository", dir: notRepo, wantMsg: []string{"listing staged changes: ", "not a git repository"}},
		{name: "missing directory", dir: filepath.Join(notRepo, "nope"), wantMsg: []string{"listing staged changes: ", "no such file"}},
		{name: "bare repository", dir: bare, wantMsg: []string{"not in a git work tree"}},
		{name: "emit error is returned unchanged", dir: repo, emit: func(Unit) error { return stop }, wantErr: stop},
		{name: "cancelled", ctx: cancelled, dir: repo, wantErr: context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := tt.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			emit := tt.emit
			if emit == nil {
				emit = func(Unit) error { return nil }
			}
			err := Staged(ctx, tt.dir, Options{}, emit)
			if err == nil {
				t.Fatal("no error")
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("error %v is not %v", err, tt.wantErr)
			}
			if tt.wantErr == stop && err != stop {
				t.Errorf("error %v was wrapped", err)
			}
			for _, m := range tt.wantMsg {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("error %q does not mention %q", err, m)
				}
			}
		})
	}
}

// git's exit status is read while the changes are emitted: a git that prints a complete
// listing and then fails must still fail the scan, whatever was emitted meanwhile.
func TestStagedGitFailingAfterItsOutputIsAnError(t *testing.T) {
	isolateGit(t)
	real, err := exec.LookPath("git")
	if err != nil {
		t.Fatal(err)
	}
	repo := newTestRepo(t)
	writeTestFile(t, repo, "a.txt", "a\n")
	gitIn(t, repo, "add", "a.txt")
	bin := t.TempDir()
	script := "#!/bin/sh\n\"" + real + "\" \"$@\"\nst=$?\n" +
		"if [ \"$1\" = diff ]; then echo 'fatal: simulated failure' >&2; exit 3; fi\nexit $st\n"
	if err := os.WriteFile(filepath.Join(bin, "git"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	var emitted []string
	err = Staged(context.Background(), repo, Options{}, func(u Unit) error {
		emitted = append(emitted, u.Origin.Path)
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "listing staged changes") || !strings.Contains(err.Error(), "simulated failure") {
		t.Errorf("error %v, want git's failure", err)
	}
	if len(emitted) != 1 {
		t.Errorf("emitted %q; the listing itself was complete", emitted)
	}
}

func TestStagedCorruptBlobIsAnError(t *testing.T) {
	isolateGit(t)
	repo := newTestRepo(t)
	writeTestFile(t, repo, "a.txt", "a\n")
	gitIn(t, repo, "add", "a.txt")
	oid := gitIn(t, repo, "rev-parse", ":a.txt")
	// Remove the loose object the index points at: a truncated or lost object must be an
	// error naming the file, not a silent "no tokens". git diff still works, from the work-tree
	// file, which is as staged; the size limit keeps Staged from doing the same, so the blob is
	// asked of git.
	if err := os.Remove(filepath.Join(repo, ".git", "objects", oid[:2], oid[2:])); err != nil {
		t.Fatal(err)
	}
	err := Staged(context.Background(), repo, Options{MaxFileSize: 1}, func(Unit) error { return nil })
	if err == nil || !strings.Contains(err.Error(), `reading staged blob "a.txt"`) {
		t.Errorf("error %v, want one about reading the staged blob", err)
	}
}

func TestStartStagedThenEmitOrAbort(t *testing.T) {
	isolateGit(t)
	repo, want := stagedScenario(t)

	t.Run("emit", func(t *testing.T) {
		st, err := StartStaged(context.Background(), repo, Options{})
		if err != nil {
			t.Fatal(err)
		}
		// git diff runs before anything is read: that is what StartStaged is for. cat-file
		// waits until a blob the work tree cannot give is wanted.
		if g := st.diff; g.pid == 0 || g.ended {
			t.Errorf("git %s is not running after StartStaged", strings.Join(g.args, " "))
		}
		if st.blobs != nil {
			t.Error("cat-file started before any blob was wanted")
		}
		got := collectUnits(t, st.Emit)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got\n%s\nwant\n%s", formatResults(got), formatResults(want))
		}
		// partial.txt differs from its work-tree file, so cat-file ran, and was waited for.
		if st.blobs == nil || !st.blobs.ended {
			t.Error("cat-file did not run to its end")
		}
	})

	t.Run("abort", func(t *testing.T) {
		st, err := StartStaged(context.Background(), repo, Options{})
		if err != nil {
			t.Fatal(err)
		}
		st.Abort()
		if !st.diff.ended {
			t.Errorf("git %s was not reaped by Abort", strings.Join(st.diff.args, " "))
		}
		if st.blobs != nil {
			t.Error("Abort started cat-file")
		}
	})

	t.Run("errors come before any git process", func(t *testing.T) {
		bare := t.TempDir()
		gitIn(t, bare, "init", "-q", "--bare")
		if _, err := StartStaged(context.Background(), bare, Options{}); err == nil || !strings.Contains(err.Error(), "not in a git work tree") {
			t.Errorf("bare repository: error %v", err)
		}
		if _, err := StartStaged(context.Background(), repo, Options{MaxFileSize: -1}); err == nil {
			t.Error("negative maximum size: no error")
		}
	})
}
