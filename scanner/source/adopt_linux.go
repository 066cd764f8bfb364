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
	stdout := newPipeReader(p.Stdout)
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

// pipeReader reads git's output pipe with plain blocking reads until pollAfter bytes have come,
// then through the runtime's poller. A small diff, the common case, takes a read or two and
// sets up no poller (which cost a hook 0.7 ms); a large one comes in many small reads, and a
// goroutine blocked in each would hold up a processor the scan needs (8 ms with 1,000 staged
// files). The file is dup'd for the switch; O_NONBLOCK is shared by both, and the blocking
// one is not read again.
type pipeReader struct {
	f    *os.File
	n    int
	poll bool
}

const pollAfter = 64 << 10

func newPipeReader(fd int) *pipeReader {
	return &pipeReader{f: os.NewFile(uintptr(fd), "git stdout")}
}

func (r *pipeReader) Read(p []byte) (int, error) {
	if !r.poll && r.n >= pollAfter {
		r.poll = true
		if fd, err := unix.FcntlInt(r.f.Fd(), unix.F_DUPFD_CLOEXEC, 0); err == nil {
			if unix.SetNonblock(fd, true) == nil {
				r.f.Close()
				r.f = os.NewFile(uintptr(fd), "git stdout")
			} else {
				unix.Close(fd)
			}
		}
	}
	n, err := r.f.Read(p)
	r.n += n
	return n, err
}

func (r *pipeReader) Close() error { return r.f.Close() }

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
