//go:build linux

package source

import (
	"context"
	"io"
	"os"
	"slices"
	"strconv"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"github.com/tokenscan/tokenscan/scanner/earlygit"
)

// adoptStarted returns the staged diff earlygit started during initialisation if there is one
// and it is exactly the process startGit(ctx, dir, earlygit.Args...) would start: the same git
// binary, arguments, environment and directory. Otherwise that process is killed and nil
// returned.
func adoptStarted(ctx context.Context, dir string) *gitStream {
	p := earlygit.Take()
	if p == nil {
		return nil
	}
	want, _ := gitCommand(ctx, dir, earlygit.Args...)
	if want.Err != nil || want.Path != p.Path || !slices.Equal(want.Args, p.Argv) ||
		!slices.Equal(want.Environ(), p.Environ) || !sameDir(dir, p.Dir) || ctx.Err() != nil {
		p.Kill()
		return nil
	}
	// git may have ended during initialisation (a small repository): then it no longer needs a
	// CPU of its own, and the scan and the rule preparation can share both.
	var info unix.Siginfo
	if unix.Waitid(unix.P_PID, p.Pid, &info, unix.WEXITED|unix.WNOHANG|unix.WNOWAIT, nil) == nil && info.Signo == int32(syscall.SIGCHLD) {
		earlygit.Rejoin()
	}
	// Read through the runtime's poller, as os/exec's pipes are: with plain blocking reads a
	// large diff (1,000 staged files) arrived in many small reads, and a goroutine blocked in
	// each held up a processor the scan needed (59 ms against 51).
	syscall.SetNonblock(p.Stdout, true)
	stdout := os.NewFile(uintptr(p.Stdout), "git stdout")
	errPipe := os.NewFile(uintptr(p.Stderr), "git stderr")
	stderr := &cappedBuffer{}
	copied := make(chan struct{})
	go func() {
		io.Copy(stderr, errPipe)
		close(copied)
	}()
	// The process is waited for with waitid and wait4, not os.FindProcess: on its first use
	// that probes pidfd support by creating a process, which in a hook costs milliseconds.
	// A kill after git has exited must not reach another process given its pid: git is
	// marked ended only once it is a zombie (its pid still taken), and reaped after.
	var mu sync.Mutex
	exited := false
	kill := func() {
		mu.Lock()
		defer mu.Unlock()
		if !exited {
			syscall.Kill(p.Pid, syscall.SIGKILL)
		}
	}
	stop := context.AfterFunc(ctx, kill)
	end := func() error {
		defer stop()
		var info unix.Siginfo
		for {
			if err := unix.Waitid(unix.P_PID, p.Pid, &info, unix.WEXITED|unix.WNOWAIT, nil); err != syscall.EINTR {
				break
			}
		}
		mu.Lock()
		exited = true
		mu.Unlock()
		earlygit.Rejoin() // git no longer needs a CPU of its own
		var ws syscall.WaitStatus
		var err error
		for {
			if _, err = syscall.Wait4(p.Pid, &ws, 0, nil); err != syscall.EINTR {
				break
			}
		}
		// As os/exec's WaitDelay: a helper git spawned could hold stderr open after git exits.
		select {
		case <-copied:
		case <-time.After(5 * time.Second):
		}
		stdout.Close()
		errPipe.Close()
		switch {
		case err != nil:
			return err
		case ws.Exited() && ws.ExitStatus() == 0:
			return nil
		}
		return waitError(ws)
	}
	return &gitStream{args: earlygit.Args, stderr: stderr, stdout: stdout, end: end, kill: kill, pid: p.Pid}
}

// waitError describes how a process that failed ended, in os.ProcessState's words.
type waitError syscall.WaitStatus

func (e waitError) Error() string {
	ws := syscall.WaitStatus(e)
	if ws.Signaled() {
		return "signal: " + ws.Signal().String()
	}
	return "exit status " + strconv.Itoa(ws.ExitStatus())
}

// sameDir reports whether a and b name the same directory.
func sameDir(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}
