package source

import (
	"github.com/tokenscan/tokenscan/scanner/gittest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// isolateGit isolates the test's git from the machine (see gittest.Isolate).
func isolateGit(t testing.TB) { t.Helper(); gittest.Isolate(t, "Test Author", "author@example.com") }

// gitIn runs git in dir and returns its trimmed stdout, failing the test on error.
func gitIn(t testing.TB, dir string, args ...string) string {
	t.Helper()
	return strings.TrimSpace(gittest.Git(t, dir, args...))
}

// newTestRepo creates an empty repository with a fixed initial branch name.
func newTestRepo(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	gitIn(t, dir, "init", "-q", "-b", "main")
	return dir
}

// writeTestFile writes content to the slash-separated rel under dir, creating directories.
func writeTestFile(t testing.TB, dir, rel, content string) {
	t.Helper()
	name := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// unitResult is what a test sees of one Unit after calling its Read.
type unitResult struct {
	Path    string
	Skip    string // SkipError reason; "" when read
	Content string
	Lines   string // LineSet.String(): "all" for nil
}

func collectUnits(t testing.TB, run func(emit func(Unit) error) error) []unitResult {
	t.Helper()
	var got []unitResult
	err := run(func(u Unit) error {
		r := unitResult{Path: u.Origin.Path, Lines: u.Lines.String()}
		data, err := u.Read()
		if skip, ok := err.(*SkipError); ok {
			if skip.Path != u.Origin.Path {
				t.Errorf("skip of %q names path %q", u.Origin.Path, skip.Path)
			}
			r.Skip = skip.Reason
		} else if err != nil {
			t.Fatalf("reading %q: %v", u.Origin.Path, err)
		} else {
			r.Content = string(data)
		}
		got = append(got, r)
		return nil
	})
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	return got
}
