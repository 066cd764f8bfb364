// Package gittest isolates tests that run real git from the machine they run on.
package gittest

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Isolate makes every git the test runs (its own and the code's) ignore the user's and the
// system's configuration, and any repository the test itself runs inside of: a git hook exports
// GIT_DIR and GIT_INDEX_FILE, which would otherwise redirect the code under test. Commits are
// authored and committed as name <email>. Everything is restored when the test ends.
func Isolate(t testing.TB, name, email string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatalf("git is required: %v", err)
	}
	for k, v := range map[string]string{
		"GIT_CONFIG_GLOBAL":   os.DevNull,
		"GIT_CONFIG_NOSYSTEM": "1",
		"GIT_AUTHOR_NAME":     name,
		"GIT_AUTHOR_EMAIL":    email,
		"GIT_COMMITTER_NAME":  name,
		"GIT_COMMITTER_EMAIL": email,
		"LC_ALL":              "C",
	} {
		t.Setenv(k, v)
	}
	for _, k := range []string{"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
		"GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_COMMON_DIR", "GIT_CONFIG_PARAMETERS",
		"GIT_QUARANTINE_PATH", "NO_COLOR"} {
		t.Setenv(k, "") // records the old value for restoration
		os.Unsetenv(k)
	}
}

// Git runs git in dir and returns its stdout, failing the test with git's stderr on error.
func Git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("git %s: %v: %s", strings.Join(args, " "), err, stderr)
	}
	return string(out)
}
