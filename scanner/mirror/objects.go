package mirror

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
)

// Tips returns the commits the refs of the repository in dir point at (tags peeled), sorted and
// without duplicates.
func Tips(ctx context.Context, dir string) ([]string, error) {
	out, err := localGit(ctx, dir, nil, "for-each-ref", "--format=%(objecttype) %(objectname) %(*objecttype) %(*objectname)")
	if err != nil {
		return nil, err
	}
	var tips []string
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) >= 2 && f[0] == "commit":
			tips = append(tips, f[1])
		case len(f) == 4 && f[0] == "tag" && f[2] == "commit":
			tips = append(tips, f[3])
		}
	}
	slices.Sort(tips)
	return slices.Compact(tips), nil
}

// Existing returns the ids in oids that are commits present in the repository in dir. A commit
// scanned before may be gone after a force-push and gc; it can no longer bound a scan.
func Existing(ctx context.Context, dir string, oids []string) ([]string, error) {
	if len(oids) == 0 {
		return nil, nil
	}
	var in bytes.Buffer
	for _, o := range oids {
		if !isHex(o) {
			continue
		}
		in.WriteString(o + "\n")
	}
	out, err := localGit(ctx, dir, &in, "cat-file", "--batch-check=%(objectname) %(objecttype)")
	if err != nil {
		return nil, err
	}
	var have []string
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[1] == "commit" {
			have = append(have, f[0])
		}
	}
	return have, nil
}

func isHex(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// ReadFiles reads COMMIT:PATH from the repository in dir for each request, through one
// `git cat-file --batch`. A request that does not name a blob (the commit was pruned, the path
// is not in it) is reported in missing rather than failing the rest.
func ReadFiles(ctx context.Context, dir string, reqs []FileRef, maxSize int64) (found map[FileRef][]byte, missing map[FileRef]string, err error) {
	found, missing = map[FileRef][]byte{}, map[FileRef]string{}
	var valid []FileRef
	for _, r := range reqs {
		if !isHex(r.Commit) || r.Path == "" || strings.ContainsAny(r.Path, "\n\r") {
			missing[r] = "not a commit and path"
			continue
		}
		valid = append(valid, r)
	}
	if len(valid) == 0 {
		return found, missing, nil
	}
	cmd := exec.CommandContext(ctx, "git", "cat-file", "--batch")
	cmd.Dir = dir
	cmd.Env = localEnv()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nil, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &limitedBuffer{max: 64 << 10, buf: &stderr}
	if err := cmd.Start(); err != nil {
		return nil, nil, err
	}
	go func() {
		w := bufio.NewWriter(stdin)
		for _, r := range valid {
			w.WriteString(r.Commit + ":" + r.Path + "\n")
		}
		w.Flush()
		stdin.Close()
	}()
	br := bufio.NewReader(stdout)
	var readErr error
	for _, r := range valid {
		header, err := br.ReadString('\n')
		if err != nil {
			readErr = fmt.Errorf("reading %s:%s: %w", r.Commit, r.Path, err)
			break
		}
		f := strings.Fields(header)
		if len(f) != 3 {
			missing[r] = strings.TrimSpace(strings.TrimPrefix(header, r.Commit+":"+r.Path))
			continue
		}
		size, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil || size < 0 {
			readErr = fmt.Errorf("bad cat-file header %q", strings.TrimSpace(header))
			break
		}
		if f[1] != "blob" || size > maxSize {
			if _, err := io.CopyN(io.Discard, br, size+1); err != nil {
				readErr = err
				break
			}
			missing[r] = f[1] + " of " + strconv.FormatInt(size, 10) + " bytes"
			continue
		}
		data := make([]byte, size+1)
		if _, err := io.ReadFull(br, data); err != nil {
			readErr = fmt.Errorf("reading %s:%s: truncated: %w", r.Commit, r.Path, err)
			break
		}
		found[r] = data[:size]
	}
	if readErr != nil {
		cmd.Process.Kill()
		cmd.Wait()
		return nil, nil, readErr
	}
	if err := cmd.Wait(); err != nil {
		return nil, nil, &GitError{Args: []string{"cat-file", "--batch"}, Stderr: stderr.String(), Err: err}
	}
	return found, missing, nil
}

// FileRef names a file as of a commit.
type FileRef struct {
	Commit string
	Path   string
}

// localGit runs a git command that needs no network or credentials.
func localGit(ctx context.Context, dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	cmd.Env = localEnv()
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &limitedBuffer{max: 64 << 10, buf: &stderr}
	out, err := cmd.Output()
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &GitError{Args: args, Stderr: stderr.String(), Err: err}
	}
	return out, nil
}

func localEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "GIT_") && k != "GIT_CONFIG_NOSYSTEM" && k != "GIT_CONFIG_GLOBAL" && k != "GIT_TRACE" {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "GIT_OPTIONAL_LOCKS=0")
}
