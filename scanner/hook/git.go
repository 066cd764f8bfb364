package hook

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// git runs a short git command in dir and returns its stdout without the final newline. The
// environment is inherited on purpose: inside a hook GIT_DIR, GIT_INDEX_FILE and, in a
// pre-receive hook, the quarantine's GIT_OBJECT_DIRECTORY say which repository and objects are
// meant. GIT_OPTIONAL_LOCKS=0 keeps read-only commands from taking locks that the git command
// running the hook may hold.
func git(ctx context.Context, dir string, stdin io.Reader, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0", "GIT_TERMINAL_PROMPT=0")
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.WaitDelay = 5 * time.Second
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 2000 {
			msg = msg[:2000]
		}
		if msg != "" {
			return "", fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, msg)
		}
		return "", fmt.Errorf("git %s: %w", strings.Join(args, " "), err)
	}
	return strings.TrimSuffix(string(out), "\n"), nil
}

// WorkTreeTop returns the top directory of the work tree containing dir, where hooks run and
// where .tokenscanignore lives. It looks for the .git entry (a directory, or the file of a
// linked worktree or submodule) instead of asking git: a hook runs on every commit, and one git
// process fewer is a noticeable part of its time. GIT_WORK_TREE, which git sets for some hooks
// and users set for detached work trees, wins when set.
func WorkTreeTop(dir string) (string, error) {
	if wt := os.Getenv("GIT_WORK_TREE"); wt != "" {
		return filepath.Abs(wt)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("finding the top of the work tree: %w", err)
	}
	for d := abs; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("finding the top of the work tree: %s is not in a git work tree", abs)
		}
		d = parent
	}
}
