//go:build linux

package source

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/tokenscan/tokenscan/scanner/earlygit"
)

// TestStagedAdoptsEarlyGit: a git started early (earlygit, as tokenscan protect --staged does
// during initialisation) for exactly the diff StartStaged would run is taken over, and the scan
// emits what it emits with a git of its own; one started under other conditions is killed and
// the scan starts its own.
func TestStagedAdoptsEarlyGit(t *testing.T) {
	isolateGit(t)
	repo, want := stagedScenario(t)
	t.Chdir(repo)
	scan := func(t *testing.T, dir string) (pid int, got []unitResult, err error) {
		t.Helper()
		st, err := StartStaged(context.Background(), dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		pid = st.diff.pid
		got = collectUnits(t, func(emit func(Unit) error) error {
			err = st.Emit(emit)
			return nil
		})
		return pid, got, err
	}
	prestart := func(t *testing.T) int {
		t.Helper()
		pid, err := earlygit.Prestart()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(earlygit.Discard)
		return pid
	}
	check := func(t *testing.T, got []unitResult, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got\n%s\nwant\n%s", formatResults(got), formatResults(want))
		}
		if earlygit.Pending() {
			t.Error("the early git is still pending")
		}
	}
	gone := func(t *testing.T, pid int) {
		t.Helper()
		if err := syscall.Kill(pid, 0); err != syscall.ESRCH {
			t.Errorf("early git %d: %v, want ESRCH (killed and reaped)", pid, err)
		}
	}

	early := prestart(t)
	separated := earlygit.Separated() // on a two-CPU machine git has one to itself until it ends
	pid, got, err := scan(t, repo)
	check(t, got, err)
	if pid != early {
		t.Errorf("the scan ran git %d, not the early one (%d)", pid, early)
	}
	gone(t, early)
	if earlygit.Separated() {
		t.Error("the early git has ended, but its CPU is still kept from the scan")
	} else if !separated {
		t.Log("this machine has not two CPUs: not checked that the scan rejoins them")
	}

	// A git that ended during initialisation gives its CPU back when the scan takes it over.
	t.Run("git ended before the scan", func(t *testing.T) {
		early := prestart(t)
		if !earlygit.Separated() {
			t.Skip("this machine has not two CPUs")
		}
		var info unix.Siginfo
		if err := unix.Waitid(unix.P_PID, early, &info, unix.WEXITED|unix.WNOWAIT, nil); err != nil {
			t.Fatal(err)
		}
		st, err := StartStaged(context.Background(), repo, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Abort()
		if st.diff.pid != early {
			t.Fatalf("the scan ran git %d, not the early one (%d)", st.diff.pid, early)
		}
		if earlygit.Separated() {
			t.Error("git has ended, but the scan still runs on one CPU")
		}
	})

	// refused starts git early, changes what the scan would run (change), and checks the scan
	// ran its own git and killed the early one.
	refused := func(t *testing.T, dir string, change func(t *testing.T)) {
		t.Helper()
		early := prestart(t)
		change(t)
		pid, got, err := scan(t, dir)
		check(t, got, err)
		if pid == early {
			t.Error("adopted a git started under other conditions")
		}
		gone(t, early)
	}
	t.Run("another environment", func(t *testing.T) {
		refused(t, repo, func(t *testing.T) { t.Setenv("TOKENSCAN_TEST_CHANGED", "1") })
	})
	t.Run("another directory", func(t *testing.T) {
		refused(t, filepath.Join(repo, "dir"), func(*testing.T) {})
	})
	t.Run("another git", func(t *testing.T) {
		refused(t, repo, func(t *testing.T) {
			bin := t.TempDir()
			if err := os.Symlink(lookGitForTest(t), filepath.Join(bin, "git")); err != nil {
				t.Fatal(err)
			}
			t.Setenv("PATH", bin+":"+os.Getenv("PATH"))
		})
	})

	t.Run("git failing after its output", func(t *testing.T) {
		bin := t.TempDir()
		script := "#!/bin/sh\n\"" + lookGitForTest(t) + "\" \"$@\"\nst=$?\n" +
			"if [ \"$1\" = diff ]; then echo 'fatal: simulated failure' >&2; exit 3; fi\nexit $st\n"
		if err := os.WriteFile(filepath.Join(bin, "git"), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		t.Setenv("PATH", bin+":"+os.Getenv("PATH"))
		early := prestart(t)
		pid, _, err := scan(t, repo)
		if pid != early {
			t.Errorf("the scan ran git %d, not the early one (%d)", pid, early)
		}
		if err == nil || !strings.Contains(err.Error(), "simulated failure") || !strings.Contains(err.Error(), "exit status 3") {
			t.Errorf("error %v, want git's failure and its exit status", err)
		}
	})
}

func lookGitForTest(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("git")
	if err != nil {
		t.Fatal(err)
	}
	return p
}
