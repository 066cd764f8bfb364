package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tokenscan/tokenscan/scanner/earlygit"
)

// GitError is a git command that failed: it names the command and carries what git said on
// stderr, which is usually the only useful part ("fatal: not a git repository").
type GitError struct {
	Args   []string // arguments after "git"
	Stderr string
	Err    error // how git exited (*exec.ExitError, waitError), a start failure, or a protocol error in its output
}

func (e *GitError) Error() string {
	msg := "git " + strings.Join(e.Args, " ") + ": " + e.Err.Error()
	if s := strings.TrimSpace(e.Stderr); s != "" {
		msg += ": " + s
	}
	return msg
}

func (e *GitError) Unwrap() error { return e.Err }

// maxGitStderr bounds what is kept of git's stderr: enough for any error message, not enough
// for a misbehaving git to exhaust memory.
const maxGitStderr = 64 << 10

// cappedBuffer keeps the first maxGitStderr bytes written and drops the rest, without failing
// the writer (a failing stderr writer would kill git with SIGPIPE and hide the real error). It is
// safe for concurrent use: os/exec copies stderr from its own goroutine, and an error may be
// reported while git still runs.
type cappedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if room := maxGitStderr - b.buf.Len(); room > 0 {
		b.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (b *cappedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// gitCommand prepares git in dir, with the environment earlygit.Env describes.
func gitCommand(ctx context.Context, dir string, args ...string) (*exec.Cmd, *cappedBuffer) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), earlygit.Env...)
	stderr := &cappedBuffer{}
	cmd.Stderr = stderr
	// A git that spawned helpers could keep our pipes open after being killed; do not hang.
	cmd.WaitDelay = 5 * time.Second
	return cmd, stderr
}

// runGit runs a short git command and returns its stdout.
func runGit(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd, stderr := gitCommand(ctx, dir, args...)
	out, err := cmd.Output()
	if err != nil {
		return nil, &GitError{Args: args, Stderr: stderr.String(), Err: err}
	}
	return out, nil
}

// gitStream is a running git command whose stdout is read as it is produced, for outputs too
// big to hold (a diff of a whole tree).
type gitStream struct {
	args   []string
	stderr interface{ String() string } // what git wrote there, or its first maxGitStderr bytes
	stdout io.ReadCloser
	// end waits for git to exit and releases what it held (its pipes, the context's watch);
	// kill kills it, and end must still be called.
	end   func() error
	kill  func()
	pid   int
	ended bool // wait or abort has returned
}

func startGit(ctx context.Context, dir string, args ...string) (*gitStream, error) {
	ctx, cancel := context.WithCancel(ctx)
	cmd, stderr := gitCommand(ctx, dir, args...)
	stdout, err := cmd.StdoutPipe()
	if err == nil {
		err = cmd.Start()
	}
	if err != nil {
		cancel()
		return nil, &GitError{Args: args, Err: err}
	}
	return execStream(args, cmd, stderr, stdout, cancel), nil
}

// execStream is the gitStream of a started os/exec command whose context cancel kills it.
func execStream(args []string, cmd *exec.Cmd, stderr *cappedBuffer, stdout io.ReadCloser, cancel context.CancelFunc) *gitStream {
	end := func() error {
		defer cancel()
		return cmd.Wait()
	}
	return &gitStream{args: args, stderr: stderr, stdout: stdout, end: end, kill: cancel, pid: cmd.Process.Pid}
}

// wait waits for a command whose output was read to the end and reports how it exited.
func (g *gitStream) wait() error {
	defer func() { g.ended = true }()
	if err := g.end(); err != nil {
		return &GitError{Args: g.args, Stderr: g.stderr.String(), Err: err}
	}
	return nil
}

// abort kills a command whose output is no longer wanted and reaps it. Its exit status is
// meaningless then (killed, or SIGPIPE), so it is not reported.
func (g *gitStream) abort() {
	g.kill()
	_ = g.end()
	g.ended = true
}

// protocolError reports git output that does not have the shape we rely on, together with
// whatever git said on stderr, which often explains it.
func (g *gitStream) protocolError(err error) error {
	return &GitError{Args: g.args, Stderr: g.stderr.String(), Err: err}
}

// catFile reads objects through one `git cat-file --batch` process, however many are needed:
// starting git per object would dominate the cost of scanning many small files.
type catFile struct {
	*gitStream
	stdin io.WriteCloser
	out   *bufio.Reader
}

func startCatFile(ctx context.Context, dir string) (*catFile, error) {
	ctx, cancel := context.WithCancel(ctx)
	args := []string{"cat-file", "--batch"}
	cmd, stderr := gitCommand(ctx, dir, args...)
	stdin, err := cmd.StdinPipe()
	var stdout io.ReadCloser
	if err == nil {
		stdout, err = cmd.StdoutPipe()
	}
	if err == nil {
		err = cmd.Start()
	}
	if err != nil {
		cancel()
		return nil, &GitError{Args: args, Err: err}
	}
	g := execStream(args, cmd, stderr, stdout, cancel)
	return &catFile{gitStream: g, stdin: stdin, out: bufio.NewReaderSize(stdout, 64<<10)}, nil
}

// errObjectTooLarge is returned by blob, with the object's size, for a blob over the limit.
var errObjectTooLarge = errors.New("object too large")

// validOID reports whether oid can be sent to cat-file as is.
func validOID(oid string) bool { return oid != "" && !strings.ContainsAny(oid, " \n") }

// next reads the reply to the request for oid, which the caller has already written. A blob
// larger than maxSize is read past and discarded (the batch protocol has no way to decline it),
// and errObjectTooLarge is returned with its size. If buf is non-nil the content is read into
// *buf, grown as needed, and the result aliases it until the next call; with nil buf each
// content is a fresh slice the caller may keep. Any reply that is not a well-formed blob is an
// error: cat-file output is a stream, and after one misread every later object would be wrong.
func (c *catFile) next(oid string, maxSize int64, buf *[]byte) (int64, []byte, error) {
	header, err := c.out.ReadString('\n')
	if err != nil {
		return 0, nil, c.protocolError(fmt.Errorf("reading header of object %s: %w", oid, err))
	}
	fields := strings.Fields(header)
	if len(fields) == 2 && fields[0] == oid {
		return 0, nil, c.protocolError(fmt.Errorf("object %s is %s", oid, fields[1])) // missing, ambiguous
	}
	if len(fields) != 3 || fields[0] != oid {
		return 0, nil, c.protocolError(fmt.Errorf("unexpected header %q for object %s", strings.TrimSpace(header), oid))
	}
	size, err := strconv.ParseInt(fields[2], 10, 64)
	if err != nil || size < 0 {
		return 0, nil, c.protocolError(fmt.Errorf("bad size in header %q for object %s", strings.TrimSpace(header), oid))
	}
	var data []byte
	if size > maxSize {
		_, err = io.CopyN(io.Discard, c.out, size)
	} else {
		if buf == nil {
			data = make([]byte, size)
		} else {
			if int64(cap(*buf)) < size {
				*buf = make([]byte, size)
			}
			data = (*buf)[:size]
		}
		_, err = io.ReadFull(c.out, data)
	}
	if err == nil {
		var nl byte
		if nl, err = c.out.ReadByte(); err == nil && nl != '\n' {
			err = errors.New("missing newline after content")
		}
	}
	if err != nil {
		return 0, nil, c.protocolError(fmt.Errorf("reading object %s (%d bytes): truncated: %w", oid, size, err))
	}
	if fields[1] != "blob" {
		return 0, nil, c.protocolError(fmt.Errorf("object %s is a %s, not a blob", oid, fields[1]))
	}
	if size > maxSize {
		return size, nil, errObjectTooLarge
	}
	return size, data, nil
}

// request writes object names for later next calls, in one write. The names must be valid (see
// validOID): a stray space or newline would shift every later reply. It does not close stdin:
// close does that after the replies were read.
func (c *catFile) request(oids []string) error {
	var b strings.Builder
	for _, o := range oids {
		b.WriteString(o)
		b.WriteByte('\n')
	}
	if _, err := io.WriteString(c.stdin, b.String()); err != nil {
		return c.protocolError(fmt.Errorf("requesting objects: %w", err))
	}
	return nil
}

// close ends the batch by closing its input, which makes cat-file exit cleanly.
func (c *catFile) close() error {
	c.stdin.Close()
	return c.wait()
}
