// Package earlygit starts the git command of a pre-commit hook before tokenscan has initialised.
//
// A hook's wall time is tokenscan's start-up, git listing the staged changes, the scan and the
// exit, one after another. Most of the start-up is package initialisation (gitleaks' dependencies
// build tables and compile patterns), and git needs none of it: invoked as
// `tokenscan protect --staged` (on Linux), this package starts the staged diff while the rest of
// the program initialises, so the two overlap. The package imports nothing that initialises late
// (only syscall, sync/atomic and unsafe), so Go runs its init among the first.
//
// It is an optimisation and nothing else: the process is handed over (Take) only when it is the
// one the scan would start itself, the same binary, arguments, environment and directory, which
// the caller checks; otherwise it is killed (Discard) and the scan starts its own. On a machine
// with two CPUs the git gets one of them to itself until it ends (affinity_linux.go).
package earlygit

// Args asks git for the staged changes twice over, in one run so both halves describe the same
// index: the raw part (-z: paths verbatim, whatever bytes they hold; full object ids: the index
// blob to read) and a -U0 patch whose hunk headers give the added lines.
//
// Every setting that user configuration could change the output's shape with is pinned:
// colour, external diff drivers, textconv, diff.relative, diff.submodule=log (which replaces a
// submodule's "diff --git" header), diff.ignoreSubmodules (which would hide a staged submodule
// instead of letting it be reported as skipped), diff.interHunkContext (which would merge nearby
// hunks, and the unchanged lines between them would count as added) and diff.orderFile
// (-O/dev/null cancels it, as git documents, so units come in path order). Deletions are
// filtered out (--diff-filter=d) so that deleting a large file does not stream it through the
// patch.
var Args = []string{
	"diff", "--cached", "--raw", "--patch", "-z", "--no-abbrev", "--full-index", "-U0",
	"--find-renames", "--diff-filter=d", "--no-color", "--no-ext-diff", "--no-textconv",
	"--no-relative", "--submodule=short", "--ignore-submodules=none", "--inter-hunk-context=0",
	"-O/dev/null",
}

// Env is what tokenscan adds to the inherited environment of every git it runs. The rest is
// inherited on purpose: inside a pre-commit hook GIT_INDEX_FILE and GIT_DIR say which index is
// being committed (git commit <paths> uses a temporary one). GIT_OPTIONAL_LOCKS=0 keeps
// read-only commands from refreshing the index, which would contend with the git commit that
// is running the hook and holds index.lock.
var Env = []string{"GIT_OPTIONAL_LOCKS=0", "GIT_TERMINAL_PROMPT=0"}

// Proc is a git started early. Stdout and Stderr are the read ends of its output pipes
// (close-on-exec, blocking); the caller that takes the process owns them and must reap Pid.
type Proc struct {
	Path    string   // the git binary
	Argv    []string // its arguments, "git" first
	Environ []string // its whole environment
	Dir     string   // the directory it runs in (the working directory at start)
	Pid     int
	Stdout  int
	Stderr  int
}

var started *Proc

// Pending reports whether a git started early waits to be taken.
func Pending() bool { return started != nil }

// Take returns the git started early and forgets it, or nil.
func Take() *Proc {
	p := started
	started = nil
	return p
}

// Discard kills a git started early that nobody took.
func Discard() {
	if p := Take(); p != nil {
		p.Kill()
	}
}
