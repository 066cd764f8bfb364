package hook

import (
	"github.com/tokenscan/tokenscan/scanner/gittest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Tokens the embedded rules report, built at run time so that no file here holds a literal token.
const (
	tokA = "Q8ZK2M4T" + "7W1RXN5B" + "H9CJ3PVL" + "6YD0FGS2"
	tokB = "7HN2QK9X" + "W4MZ1RB8" + "T5VLC3JP" + "6YGD0SFE"
)

// isolateGit isolates the test's git from the machine (see gittest.Isolate).
func isolateGit(t testing.TB) { t.Helper(); gittest.Isolate(t, "Test Author", "author@example.com") }

// run runs a command in dir with extra environment and returns its combined output, failing the
// test when it fails.
func run(t testing.TB, dir string, env []string, name string, args ...string) string {
	t.Helper()
	out, err := runErr(dir, env, name, args...)
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(out)
}

func runErr(dir string, env []string, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func gitIn(t testing.TB, dir string, args ...string) string {
	t.Helper()
	return run(t, dir, nil, "git", args...)
}

// newRepo creates a repository with one commit.
func newRepo(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	gitIn(t, dir, "init", "-q", "-b", "main")
	writeFile(t, filepath.Join(dir, "README"), "hello\n")
	gitIn(t, dir, "add", "README")
	gitIn(t, dir, "commit", "-q", "-m", "init")
	return dir
}

func writeFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// commitFile writes a file, commits it and returns the commit id.
func commitFile(t testing.TB, dir, name, content string) string {
	t.Helper()
	writeFile(t, filepath.Join(dir, name), content)
	gitIn(t, dir, "add", "--", name)
	gitIn(t, dir, "commit", "-q", "-m", "change "+name)
	return gitIn(t, dir, "rev-parse", "HEAD")
}

// snapshot lists a directory's entries (not recursing) with their mode and content or link
// target, so a test can check that a directory is exactly as it was.
func snapshot(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		st, err := os.Lstat(p)
		if err != nil {
			t.Fatal(err)
		}
		desc := st.Mode().String() + " "
		if st.Mode()&os.ModeSymlink != 0 {
			target, err := os.Readlink(p)
			if err != nil {
				t.Fatal(err)
			}
			desc += "-> " + target
		} else if st.Mode().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			desc += string(data)
		}
		out[e.Name()] = desc
	}
	return out
}
