//go:build linux

package earlygit

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

	"github.com/tokenscan/tokenscan/scanner/gittest"
)

func maskOf(cpus ...int) cpuMask {
	var m cpuMask
	for _, c := range cpus {
		m[c/64] |= 1 << (c % 64)
	}
	return m
}

func TestSplitCPUs(t *testing.T) {
	for _, c := range []struct {
		allowed   cpuMask
		current   int
		ours, git cpuMask
		ok        bool
	}{
		{maskOf(0, 1), 0, maskOf(0), maskOf(1), true},
		{maskOf(0, 1), 1, maskOf(1), maskOf(0), true},
		{maskOf(3, 130), 130, maskOf(130), maskOf(3), true}, // CPUs in different words
		{maskOf(0, 1), 2, cpuMask{}, cpuMask{}, false},      // running outside the mask (it changed)
		{maskOf(0), 0, cpuMask{}, cpuMask{}, false},         // one CPU: nothing to separate
		{maskOf(0, 1, 2), 0, cpuMask{}, cpuMask{}, false},   // three: sysmon finds an idle one
		{cpuMask{}, 0, cpuMask{}, cpuMask{}, false},
	} {
		ours, git, ok := splitCPUs(c.allowed, c.current)
		if ok != c.ok || ok && (ours != c.ours || git != c.git) {
			t.Errorf("splitCPUs(%v, %d) = %v, %v, %v", c.allowed, c.current, ours, git, ok)
		}
	}
}

func TestAtoi(t *testing.T) {
	for s, want := range map[string]int{"0": 0, "4194304": 4194304, "": -1, "12a": -1, ".": -1, "..": -1, "1234567890": -1} {
		got, ok := atoi(s)
		if ok != (want >= 0) || ok && got != want {
			t.Errorf("atoi(%q) = %d, %v", s, got, ok)
		}
	}
}

// threadMasks returns the CPUs of each of the process's threads.
func threadMasks(t *testing.T) map[int]cpuMask {
	t.Helper()
	out := map[int]cpuMask{}
	eachThread(func(tid int) {
		var m cpuMask
		if affinity(syscall.SYS_SCHED_GETAFFINITY, tid, &m) {
			out[tid] = m
		}
	})
	if len(out) == 0 {
		t.Fatal("no threads listed")
	}
	return out
}

// TestSeparateAndRejoin runs what a hook on a two-CPU machine does: the early git gets one CPU,
// every thread of ours the other, and when git is gone ours get both back. The process is
// confined to two of the machine's CPUs for the test, and given all of them back after.
func TestSeparateAndRejoin(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	var all cpuMask
	if !affinity(syscall.SYS_SCHED_GETAFFINITY, 0, &all) {
		t.Fatal("sched_getaffinity failed")
	}
	var cpus []int
	for c := 0; c < 64*len(all) && len(cpus) < 2; c++ {
		if all.has(c) {
			cpus = append(cpus, c)
		}
	}
	if len(cpus) < 2 || sysGetcpu == 0 {
		t.Skip("needs two CPUs and getcpu")
	}
	two := maskOf(cpus...)
	eachThread(func(tid int) { affinity(syscall.SYS_SCHED_SETAFFINITY, tid, &two) })
	t.Cleanup(func() { eachThread(func(tid int) { affinity(syscall.SYS_SCHED_SETAFFINITY, tid, &all) }) })

	repo := t.TempDir()
	gittest.Git(t, repo, "init", "-q")
	os.WriteFile(filepath.Join(repo, "a.txt"), []byte("one\n"), 0o644)
	gittest.Git(t, repo, "add", "a.txt")
	t.Chdir(repo)

	runtime.LockOSThread() // separate keeps the CPU the calling thread is on
	defer runtime.UnlockOSThread()
	pid, err := Prestart()
	if err != nil {
		t.Fatal(err)
	}
	defer Discard()
	var git cpuMask // git is not reaped before Discard, so its CPUs stay readable
	if !affinity(syscall.SYS_SCHED_GETAFFINITY, pid, &git) {
		t.Fatal("reading git's CPUs failed")
	}
	ours, _ := getcpu()
	if git.count() != 1 || git.has(ours) || !two.has(firstCPU(git)) {
		t.Errorf("git runs on %v, we on CPU %d; want git on the other of %v", git, ours, cpus)
	}
	for tid, m := range threadMasks(t) {
		if m != maskOf(ours) {
			t.Errorf("thread %d may run on %v while git runs, want only CPU %d", tid, m, ours)
		}
	}

	Discard()
	for tid, m := range threadMasks(t) {
		if m != two {
			t.Errorf("thread %d may run on %v after git, want %v again", tid, m, two)
		}
	}
	Rejoin() // a second call changes nothing
	for tid, m := range threadMasks(t) {
		if m != two {
			t.Errorf("thread %d: %v after a second Rejoin", tid, m)
		}
	}
}

func firstCPU(m cpuMask) int {
	for c := 0; c < 64*len(m); c++ {
		if m.has(c) {
			return c
		}
	}
	return -1
}
