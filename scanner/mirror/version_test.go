package mirror

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseGitVersion(t *testing.T) {
	for out, want := range map[string][2]int{
		"git version 2.39.5\n":                 {2, 39},
		"git version 2.39.3 (Apple Git-146)\n": {2, 39},
		"git version 2.45.1.windows.1\n":       {2, 45},
		"git version 2.31.0.rc1":               {2, 31},
		"git version 2.30rc0":                  {2, 30},
		"git version 1.8.3.1":                  {1, 8},
	} {
		if got, ok := parseGitVersion(out); !ok || got != want {
			t.Errorf("parseGitVersion(%q) = %v, %v; want %v", out, got, ok, want)
		}
	}
	for _, out := range []string{"", "git version", "git version 2", "git version x.y", "hub version 2.14.2", "git version 2.99999.0"} {
		if got, ok := parseGitVersion(out); ok {
			t.Errorf("parseGitVersion(%q) = %v, accepted", out, got)
		}
	}
}

func FuzzParseGitVersion(f *testing.F) {
	f.Add("git version 2.39.5\n")
	f.Add("git version 2.45.1.windows.1")
	f.Fuzz(func(t *testing.T, out string) {
		if v, ok := parseGitVersion(out); ok && (v[0] < 0 || v[1] < 0 || v[0] > 9999 || v[1] > 9999) {
			t.Fatalf("%q: %v", out, v)
		}
	})
}

// An older git is refused when the cache opens, with the version it found and the one needed,
// instead of failing every fetch later with a credentials prompt.
func TestOpenRefusesOldGit(t *testing.T) {
	bin := t.TempDir()
	os.WriteFile(filepath.Join(bin, "git"), []byte("#!/bin/sh\necho 'git version 2.25.1'\n"), 0o755)
	t.Setenv("PATH", bin)
	_, err := Open(t.TempDir(), "")
	if err == nil || !strings.Contains(err.Error(), "2.25.1") || !strings.Contains(err.Error(), "2.31 or later") {
		t.Fatalf("Open with git 2.25.1: %v", err)
	}
	os.WriteFile(filepath.Join(bin, "git"), []byte("#!/bin/sh\necho 'git version 2.31.0'\n"), 0o755)
	c, err := Open(t.TempDir(), "")
	if err != nil {
		t.Fatalf("Open with git 2.31.0: %v", err)
	}
	c.Close()
}
