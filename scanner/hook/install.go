// Package hook makes tokenscan a git hook: it installs and removes tokenscan's pre-commit and
// pre-push hooks without ever overwriting a hook that was there before, reads what git hands a
// pre-push or pre-receive hook, and scans exactly the commits a push would add.
package hook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Kind is a git hook tokenscan can install.
type Kind string

const (
	// PreCommit blocks a commit whose staged changes hold a token.
	PreCommit Kind = "pre-commit"
	// PrePush blocks a push whose new commits hold a token.
	PrePush Kind = "pre-push"
)

// Kinds lists every hook tokenscan installs, in the order they run in a developer's day.
var Kinds = []Kind{PreCommit, PrePush}

// ChainedSuffix is appended to the name of a hook that was there before tokenscan's: the hook is
// kept under that name, tokenscan's hook runs it after its own check, and uninstalling renames it
// back.
const ChainedSuffix = ".tokenscan-chained"

// marker identifies a hook file written by tokenscan. Only such a file is ever replaced or
// removed.
const marker = "# tokenscan-managed-hook v1"

// HooksDir returns the directory git runs hooks from for the repository containing dir. Asking
// git (rev-parse --git-path hooks) rather than assuming .git/hooks honours core.hooksPath, a
// linked worktree (whose hooks are the main repository's) and GIT_DIR.
func HooksDir(ctx context.Context, dir string) (string, error) {
	out, err := git(ctx, dir, nil, "rev-parse", "--git-path", "hooks")
	if err != nil {
		return "", fmt.Errorf("finding the hooks directory: %w", err)
	}
	if out == "" {
		return "", errors.New("finding the hooks directory: git printed nothing")
	}
	if !filepath.IsAbs(out) {
		out = filepath.Join(dir, out)
	}
	return filepath.Abs(out)
}

// Action says what Install or Uninstall did to one hook.
type Action string

const (
	Installed    Action = "installed"    // there was no hook; tokenscan's was written
	Chained      Action = "chained"      // an existing hook was kept under ChainedSuffix and is called
	Updated      Action = "updated"      // tokenscan's hook was there and was rewritten
	UpToDate     Action = "up to date"   // tokenscan's hook was there, exactly as it would be written
	Removed      Action = "removed"      // tokenscan's hook was removed; there was nothing before it
	Restored     Action = "restored"     // tokenscan's hook was removed and the chained hook put back
	NotInstalled Action = "no tokenscan" // nothing of tokenscan's was there
)

// Result is what happened to one hook file.
type Result struct {
	Kind    Kind
	Path    string // the hook file
	Chained string // the kept previous hook, when there is one
	Action  Action
	// Note is something the user should know about where the hook went, or "".
	Note string
}

// Install writes tokenscan's hook of the given kind into the repository containing dir.
// executable is the tokenscan binary the hook runs (the hook falls back to tokenscan on PATH
// when that file is gone).
//
// An existing hook that is not tokenscan's is never overwritten: it is renamed to
// <hook>.tokenscan-chained (a rename keeps its content, mode and symlink-ness exactly) and the
// new hook runs it, with the same arguments and standard input, once tokenscan's check passed.
// Running Install again rewrites only tokenscan's own hook, so it is idempotent. protectArgs are
// passed to `tokenscan protect` after the mode flag (e.g. --verify).
func Install(ctx context.Context, dir string, kind Kind, executable string, protectArgs ...string) (Result, error) {
	if err := kind.check(); err != nil {
		return Result{}, err
	}
	hooks, err := HooksDir(ctx, dir)
	if err != nil {
		return Result{}, err
	}
	if err := os.MkdirAll(hooks, 0o755); err != nil {
		return Result{}, fmt.Errorf("installing the %s hook: %w", kind, err)
	}
	res := Result{Kind: kind, Path: filepath.Join(hooks, string(kind))}
	chained := res.Path + ChainedSuffix
	if exists(chained) {
		res.Chained = chained
	}
	script := []byte(Script(kind, executable, protectArgs...))
	// git resolves a relative core.hooksPath from the top of each work tree, so a linked
	// worktree looks for hooks in its own copy of that directory, which this install misses.
	if p, err := git(ctx, dir, nil, "config", "--get", "core.hooksPath"); err == nil && p != "" && !filepath.IsAbs(p) && !strings.HasPrefix(p, "~") {
		res.Note = fmt.Sprintf("core.hooksPath is relative (%s): git looks for hooks there from the top of each work tree, "+
			"so a linked worktree uses its own %s; commit that directory to the repository, or install in each worktree", p, p)
	}

	current, ours, err := readHook(res.Path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		res.Action = Installed
	case err != nil:
		return res, fmt.Errorf("installing the %s hook: %w", kind, err)
	case ours && bytes.Equal(current, script):
		res.Action = UpToDate
		return res, nil
	case ours:
		res.Action = Updated
	case res.Chained != "":
		// Renaming now would destroy the hook kept before; a person has to choose.
		return res, fmt.Errorf("installing the %s hook: both %s and %s exist and neither is tokenscan's; "+
			"merge them into one hook by hand, then run tokenscan hook install again", kind, res.Path, chained)
	default:
		if err := os.Rename(res.Path, chained); err != nil {
			return res, fmt.Errorf("keeping the existing %s hook: %w", kind, err)
		}
		res.Chained, res.Action = chained, Chained
	}
	if err := writeExecutable(res.Path, script); err != nil {
		if res.Action == Chained {
			// Put the user's hook back where it was: never leave the repository without it.
			if rerr := os.Rename(chained, res.Path); rerr != nil {
				err = errors.Join(err, fmt.Errorf("restoring %s: %w", res.Path, rerr))
			}
		}
		return res, fmt.Errorf("installing the %s hook: %w", kind, err)
	}
	return res, nil
}

// Uninstall removes tokenscan's hook of the given kind and puts back the hook it chained to, so
// the hooks directory holds exactly what it held before Install. A hook that is not tokenscan's
// is left alone.
func Uninstall(ctx context.Context, dir string, kind Kind) (Result, error) {
	if err := kind.check(); err != nil {
		return Result{}, err
	}
	hooks, err := HooksDir(ctx, dir)
	if err != nil {
		return Result{}, err
	}
	res := Result{Kind: kind, Path: filepath.Join(hooks, string(kind)), Action: NotInstalled}
	chained := res.Path + ChainedSuffix
	if exists(chained) {
		res.Chained = chained
	}
	_, ours, err := readHook(res.Path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if res.Chained != "" {
			// Half-uninstalled (the hook was deleted by hand): the kept hook is still the user's.
			if err := os.Rename(chained, res.Path); err != nil {
				return res, fmt.Errorf("restoring the %s hook: %w", kind, err)
			}
			res.Action = Restored
		}
		return res, nil
	case err != nil:
		return res, fmt.Errorf("uninstalling the %s hook: %w", kind, err)
	case !ours && res.Chained != "":
		return res, fmt.Errorf("uninstalling the %s hook: %s is no longer tokenscan's, and %s holds the hook from before; "+
			"leaving both alone", kind, res.Path, chained)
	case !ours:
		return res, nil
	}
	if res.Chained != "" {
		// rename replaces tokenscan's hook in one step: there is no moment without a hook.
		if err := os.Rename(chained, res.Path); err != nil {
			return res, fmt.Errorf("restoring the %s hook: %w", kind, err)
		}
		res.Action = Restored
		return res, nil
	}
	if err := os.Remove(res.Path); err != nil {
		return res, fmt.Errorf("uninstalling the %s hook: %w", kind, err)
	}
	res.Action = Removed
	return res, nil
}

func (k Kind) check() error {
	for _, known := range Kinds {
		if k == known {
			return nil
		}
	}
	return fmt.Errorf("unknown hook %q: want pre-commit or pre-push", string(k))
}

// readHook reads a hook file and says whether tokenscan wrote it. A symlink is never tokenscan's
// (tokenscan writes regular files), whatever it points to.
func readHook(path string) ([]byte, bool, error) {
	st, err := os.Lstat(path)
	if err != nil {
		return nil, false, err
	}
	if !st.Mode().IsRegular() {
		return nil, false, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	// A hook script is small; a multi-megabyte "hook" is some binary and certainly not ours.
	data, err := io.ReadAll(io.LimitReader(f, 1<<20))
	if err != nil {
		return nil, false, err
	}
	head := data[:min(len(data), 512)]
	return data, bytes.Contains(head, []byte(marker)), nil
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// writeExecutable replaces path atomically with an executable file holding data.
func writeExecutable(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tokenscan-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o755); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Script is the hook tokenscan installs. It runs the tokenscan binary it was installed with (or
// the one on PATH if that is gone), and when tokenscan passes, the hook that was there before.
// A pre-push hook gets the list of refs on standard input; the script reads it once and gives
// the same bytes to both. protectArgs follow the mode flag of `tokenscan protect`, each quoted.
func Script(kind Kind, executable string, protectArgs ...string) string {
	var args string
	for _, a := range protectArgs {
		if a == "" || strings.Trim(a, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:@+,") != "" {
			a = shellQuote(a)
		}
		args += " " + a
	}
	var b strings.Builder
	fmt.Fprintf(&b, "#!/bin/sh\n%s\n", marker)
	fmt.Fprintf(&b, "# Installed by `tokenscan hook install`; `tokenscan hook uninstall` removes it and restores the\n")
	fmt.Fprintf(&b, "# hook that was here before, kept as %s%s and run after tokenscan's check.\n", kind, ChainedSuffix)
	fmt.Fprintf(&b, "installed=%s\n", shellQuote(executable))
	fmt.Fprintf(&b, `tokenscan=$installed
if [ ! -x "$tokenscan" ]; then
	tokenscan=$(command -v tokenscan) || {
		echo "tokenscan: the %s hook cannot run: tokenscan is neither at $installed nor on PATH." >&2
		echo "tokenscan: reinstall it, or remove the hook with: tokenscan hook uninstall" >&2
		exit 2
	}
fi
chained="$(dirname "$0")/%s%s"
`, kind, kind, ChainedSuffix)
	switch kind {
	case PrePush:
		// $(cat) drops the final newline, which a "while read" loop in the chained hook needs.
		b.WriteString(`input=$(cat)
refs() { if [ -n "$input" ]; then printf '%s\n' "$input"; fi; }
refs | "$tokenscan" protect --pre-push` + args + ` "$@" || exit $?
if [ -x "$chained" ]; then
	refs | "$chained" "$@"
	exit $?
fi
`)
	default:
		b.WriteString(`"$tokenscan" protect --staged` + args + ` || exit $?
if [ -x "$chained" ]; then
	exec "$chained" "$@"
fi
`)
	}
	return b.String()
}

// shellQuote quotes s for /bin/sh in single quotes; an embedded single quote closes the quoting,
// is escaped with a backslash, and reopens it.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
