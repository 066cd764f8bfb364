package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/tokenscan/tokenscan/scanner"
	"github.com/tokenscan/tokenscan/scanner/detect"
	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/hook"
	"github.com/tokenscan/tokenscan/scanner/remediate"
	"github.com/tokenscan/tokenscan/scanner/report"
	"github.com/tokenscan/tokenscan/scanner/source"
)

// ProtectOptions is everything `tokenscan protect` needs; runProtect does the work.
type ProtectOptions struct {
	IO  *IOStreams
	Now func() time.Time
	// Dir is where the hook runs: the top of the work tree (pre-commit, pre-push) or the
	// repository itself (pre-receive, in a bare repository).
	Dir         string
	Staged      bool
	PrePush     bool
	PreReceive  bool
	Args        []string // pre-push: the remote's name and URL, as git passes them
	IgnoreFile  string
	MaxFileSize string
	NoColor     bool
	Quiet       bool
	// Verify asks the host each token names whether it still works, within VerifyTimeout in
	// all. The answer is only shown: a finding blocks whatever it is, and no finding sends
	// nothing anywhere.
	Verify        bool
	VerifyTimeout time.Duration
	Remediation   RemediationOptions // where and how tokens are verified: host map, CAs
}

// protectMode is what a protect run judges, with the words its messages use.
type protectMode struct {
	source  string // what was scanned: "staged changes", "pushed commits"
	blocked string // what a finding stops: "commit blocked", "push blocked"
	bypass  string // how to skip the check once, if the user can
}

var (
	modeStaged     = protectMode{"staged changes", "commit blocked", "git commit --no-verify"}
	modePrePush    = protectMode{"commits being pushed", "push blocked", "git push --no-verify"}
	modePreReceive = protectMode{"pushed commits", "push rejected", ""}
)

const protectLong = `protect is tokenscan as a git hook: it scans only what is about to enter history and blocks
it when it holds a cPanel or WHM API token.

  --staged       what is staged for the next commit: the index, not the working tree (pre-commit)
  --pre-push     the commits a push would add to the remote, from git's pre-push input
  --pre-receive  the commits a push adds to this (server) repository, from git's pre-receive input

With --verify, each token found is checked against the cPanel/WHM host its file names (or
--host-map gives): the message then says whether it works right now. That never changes the
exit code, a clean commit contacts nothing, and the checks give up after --verify-timeout, so
a slow or absent network costs a blocked commit at most that long.

A line with "tokenscan:allow" in it is never reported, nor is a token whose fingerprint is listed
in .tokenscanignore at the top of the work tree (or in --ignore-file).

Exit codes:
  0  nothing found
  1  a token was found: the commit or push is blocked
  2  the scan could not run or was incomplete (the message says why)`

const protectExample = `  # What a pre-commit hook runs (tokenscan hook install writes it for you)
  tokenscan protect --staged

  # The same, and say whether each token found still works (tokenscan hook install --verify)
  tokenscan protect --staged --verify

  # In .git/hooks/pre-push; git passes the remote and the refs being pushed
  tokenscan protect --pre-push "$@"

  # In a server repository's hooks/pre-receive
  exec tokenscan protect --pre-receive`

func newProtectCmd(root *rootCmd, ios *IOStreams) *cobra.Command {
	opts := &ProtectOptions{IO: ios, Now: time.Now, Dir: "."}
	cmd := &cobra.Command{
		Use:     "protect (--staged | --pre-push [remote [url]] | --pre-receive)",
		Short:   "Block a commit or push that would add a token (for git hooks)",
		Long:    protectLong,
		Example: protectExample,
		Args:    cobra.MaximumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args = args
			rep, err := runProtect(cmd.Context(), opts)
			root.report = rep
			return err
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.Staged, "staged", false, "scan what is staged for the next commit (pre-commit hook)")
	f.BoolVar(&opts.PrePush, "pre-push", false, "scan the commits being pushed, read from git's pre-push input")
	f.BoolVar(&opts.PreReceive, "pre-receive", false, "scan the commits a push adds, read from git's pre-receive input")
	f.StringVar(&opts.IgnoreFile, "ignore-file", "", "fingerprints to ignore (default: .tokenscanignore at the top of the work tree)")
	f.StringVar(&opts.MaxFileSize, "max-file-size", "25MiB", "skip files and blobs larger than this")
	f.BoolVar(&opts.NoColor, "no-color", false, "no colour in messages (also NO_COLOR=1)")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "print nothing when nothing is found")
	f.BoolVar(&opts.Verify, "verify", false, "say whether each token found still works: ask the cPanel/WHM host it names (or --host-map gives)")
	f.DurationVar(&opts.VerifyTimeout, "verify-timeout", defaultHookVerifyTimeout, "give up on --verify's checks after this long in all (the token is then \"unknown\")")
	ro := &opts.Remediation
	f.StringArrayVar(&ro.HostMap, "host-map", nil, "with --verify, route tokens whose file names no host: `RULE` is PATH-GLOB=cpanel://USER@HOST[:PORT] (also whm://)")
	f.StringVar(&ro.HostMapFile, "host-map-file", "", "with --verify, read --host-map rules from `file`, one per line (# comments)")
	f.StringVar(&ro.CAFile, "ca-file", "", "with --verify, PEM `file` of CA certificates to trust besides the system roots")
	f.StringSliceVar(&ro.InsecureHosts, "insecure-hosts", nil, "with --verify, do not verify TLS certificates of these `hosts` (comma-separated)")
	return cmd
}

// defaultHookVerifyTimeout bounds what --verify adds to a blocked commit or push: enough for a
// cPanel server that answers, short enough that an unreachable one does not hold up the user.
const defaultHookVerifyTimeout = 3 * time.Second

// hookDetector is the detector main prepares, from its first line, when git was started during
// initialisation (earlygit): git is already running, and the preparation runs beside it
// instead of after the command line is parsed. nil otherwise: a scan builds its own.
var hookDetector *detect.Detector

func runProtect(ctx context.Context, opts *ProtectOptions) (*report.Report, error) {
	var mode protectMode
	switch {
	case opts.Staged && !opts.PrePush && !opts.PreReceive:
		mode = modeStaged
	case opts.PrePush && !opts.Staged && !opts.PreReceive:
		mode = modePrePush
	case opts.PreReceive && !opts.Staged && !opts.PrePush:
		mode = modePreReceive
	default:
		return nil, usageError{errors.New("protect needs exactly one of --staged, --pre-push or --pre-receive")}
	}
	if len(opts.Args) > 0 && !opts.PrePush {
		return nil, usageError{fmt.Errorf("protect takes arguments only with --pre-push (git passes the remote's name and URL), got %q", opts.Args)}
	}
	maxSize, err := parseSize(opts.MaxFileSize)
	if err != nil {
		return nil, usageError{fmt.Errorf("--max-file-size: %w", err)}
	}
	ro := &opts.Remediation
	switch {
	case !opts.Verify && (len(ro.HostMap) > 0 || ro.HostMapFile != "" || ro.CAFile != "" || len(ro.InsecureHosts) > 0):
		return nil, usageError{errors.New("--host-map, --host-map-file, --ca-file and --insecure-hosts need --verify")}
	case opts.Verify && opts.VerifyTimeout <= 0:
		return nil, usageError{errors.New("--verify-timeout must be positive")}
	case opts.Verify:
		ro.Verify, ro.APITimeout, ro.AuthnDir = true, opts.VerifyTimeout, "none"
		if err := ro.prepare(true); err != nil {
			return nil, err
		}
	}
	var det *detect.Detector
	if mode == modeStaged {
		defer smallHeapGC()()
		det = hookDetector
	}

	// A bare repository (pre-receive) has no work tree to hold a .tokenscanignore.
	dir := opts.Dir
	if !opts.PreReceive {
		if dir, err = source.WorkTreeTop(opts.Dir); err != nil {
			return nil, fmt.Errorf("scanning the %s: %w", mode.source, err)
		}
	}
	ignorePath := dir
	if opts.PreReceive {
		ignorePath = "-" // no default ignore file; only --ignore-file
	}
	ignore, err := loadIgnores(&ScanOptions{Path: ignorePath, IgnoreFile: opts.IgnoreFile})
	if err != nil {
		return nil, err
	}

	started := opts.Now()
	var res *scanner.Result
	switch {
	case opts.Staged:
		res, err = scanner.Scan(ctx, scanner.Options{Path: dir, Staged: true, MaxFileSize: maxSize, Ignore: ignore, Detector: det})
		if err == nil && len(res.Leaks) > 0 {
			res.Leaks, err = dropMergedIn(ctx, dir, res.Leaks)
		}
	case opts.PrePush:
		res, err = scanPush(ctx, dir, pushRemote(opts.Args), opts.IO.In, maxSize, ignore, false)
	default:
		res, err = scanPush(ctx, dir, "", opts.IO.In, maxSize, ignore, true)
	}
	if err != nil {
		return nil, fmt.Errorf("scanning the %s: %w", mode.source, err)
	}
	rep := &report.Report{
		Tool:   report.Tool{Name: "tokenscan", Version: version},
		Scan:   report.Scan{Sources: res.Sources, Started: started, Finished: opts.Now(), Counts: res.Counts},
		Errors: res.Errors,
	}
	for _, l := range res.Leaks {
		rep.Entries = append(rep.Entries, report.Entry{Leak: l})
	}
	if opts.Verify && len(rep.Entries) > 0 {
		rep.Scan.Verify = true
		verifyFound(ctx, ro, opts.VerifyTimeout, rep.Entries)
	}
	color := opts.IO.ErrIsTTY && !opts.NoColor && os.Getenv("NO_COLOR") == ""
	rootCommit := mode != modeStaged && isRootCommit(ctx, dir, oldestCommit(rep))
	msg := protectMessage(mode, rep, color, rootCommit)
	if msg != "" && !(opts.Quiet && len(rep.Entries) == 0 && len(rep.Errors) == 0) {
		if _, err := io.WriteString(opts.IO.ErrOut, msg); err != nil {
			return rep, fmt.Errorf("writing the result: %w", err)
		}
	}
	return rep, nil
}

// Garbage collector settings for runs whose live heap stays small: a pre-commit hook, and a scan
// of files on disk without history (read buffers are pooled, and little else lives long). With
// the default GOGC of 100 the collector runs every time the heap doubles: three times in a
// hook's 40 ms, each cycle taking CPU from the rules compilation on a machine that may have two
// cores and stopping the world while git processes start; about a tenth of a working-tree
// scan's instructions. At 400 the first cycle comes at 16 MB. The memory limit keeps a huge
// input (several files near --max-file-size) from growing five times its live heap: near the
// limit the collector works harder instead. History scans keep the default: their memo is
// tens of megabytes of live data.
const (
	smallHeapGCPercent   = 400
	smallHeapMemoryLimit = 512 << 20
)

// smallHeapGC applies those settings, unless the user chose their own with GOGC or GOMEMLIMIT,
// and returns the function that restores the previous ones.
func smallHeapGC() (restore func()) {
	var undo []func()
	if os.Getenv("GOGC") == "" {
		prev := debug.SetGCPercent(smallHeapGCPercent)
		undo = append(undo, func() { debug.SetGCPercent(prev) })
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		if prev := debug.SetMemoryLimit(-1); prev > smallHeapMemoryLimit {
			debug.SetMemoryLimit(smallHeapMemoryLimit)
			undo = append(undo, func() { debug.SetMemoryLimit(prev) })
		}
	}
	return func() {
		for _, f := range undo {
			f()
		}
	}
}

// verifyFound checks whether the tokens found still work, within timeout in all, and records the
// answer in each entry: live, dead, or unknown with the reason (a host that does not answer in
// time, or no host to ask). What goes wrong is only reported there; it is never the hook's
// error, because the finding blocks the commit whatever the answer.
func verifyFound(ctx context.Context, ro *RemediationOptions, timeout time.Duration, entries []report.Entry) {
	remote, err := ro.remote()
	if err != nil { // a --ca-file that cannot be read: no check, and the finding stands as it is
		for i := range entries {
			entries[i].State, entries[i].Detail = finding.StateUnknown, "not checked: "+err.Error()
		}
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	remediate.Run(ctx, entries, remediate.Options{Remote: remote, HostMap: ro.hostMap})
}

// dropMergedIn takes out of leaks what a merge in progress brings from the branches it merges:
// a token in a merged branch's version of the same file was committed there, and is in history
// whatever this commit records (a pre-push hook judges that branch's commits). Only the rest
// is new in the merge commit. Without a merge in progress leaks are returned as they are.
func dropMergedIn(ctx context.Context, dir string, leaks []finding.Leak) ([]finding.Leak, error) {
	git := func(args ...string) ([]byte, error) {
		cmd := exec.CommandContext(ctx, "git", args...)
		cmd.Dir = dir
		return cmd.Output()
	}
	path, ok := mergeHeadFile(dir)
	if !ok {
		out, err := git("rev-parse", "--git-path", "MERGE_HEAD")
		if err != nil {
			return nil, fmt.Errorf("looking for a merge in progress: %w", err)
		}
		if path = strings.TrimSuffix(string(out), "\n"); !filepath.IsAbs(path) {
			path = filepath.Join(dir, path)
		}
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return leaks, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading the merge in progress: %w", err)
	}
	heads := strings.Fields(string(data)) // one line per branch merged (several for an octopus)
	inMerged := func(file, secret string) bool {
		for _, h := range heads {
			blob, err := git("cat-file", "blob", h+":"+file)
			if err == nil && strings.Contains(string(blob), secret) {
				return true
			}
		}
		return false
	}
	var kept []finding.Leak
	for _, l := range leaks {
		locs := slices.DeleteFunc(slices.Clone(l.Locations), func(o finding.Origin) bool { return inMerged(o.Path, l.Secret) })
		if len(locs) > 0 {
			l.Locations = locs
			kept = append(kept, l)
		}
	}
	return kept, nil
}

// mergeHeadFile is where git keeps the MERGE_HEAD of the work tree whose top is top, found as git
// finds its directory, without starting git (which would cost every blocked commit a
// millisecond): $GIT_DIR, else top/.git, a directory or, in a linked worktree or a submodule, a
// file "gitdir: <path>". ok is false for anything else; ask git then.
func mergeHeadFile(top string) (path string, ok bool) {
	if d := os.Getenv("GIT_DIR"); d != "" {
		abs, err := filepath.Abs(d) // relative to the working directory, as git reads it
		return filepath.Join(abs, "MERGE_HEAD"), err == nil
	}
	dotGit := filepath.Join(top, ".git")
	fi, err := os.Lstat(dotGit)
	switch {
	case err != nil:
		return "", false
	case fi.IsDir():
		return filepath.Join(dotGit, "MERGE_HEAD"), true
	case !fi.Mode().IsRegular():
		return "", false
	}
	data, err := os.ReadFile(dotGit)
	rest, found := strings.CutPrefix(string(data), "gitdir: ")
	if err != nil || !found {
		return "", false
	}
	d := strings.TrimRight(rest, "\r\n")
	if !filepath.IsAbs(d) {
		d = filepath.Join(top, d)
	}
	return filepath.Join(d, "MERGE_HEAD"), true
}

// pushRemote is the remote a pre-push hook was told about: git passes its name (or its URL, for a
// push to a URL) first. Without it nothing the remote has can be known, and every commit the
// pushed refs reach is scanned.
func pushRemote(args []string) string {
	if len(args) == 0 {
		return ""
	}
	return args[0]
}

// scanPush scans the commits described by a pre-push (receive false) or pre-receive hook's input.
func scanPush(ctx context.Context, dir, remote string, in io.Reader, maxSize int64, ignore map[finding.Fingerprint]bool, receive bool) (*scanner.Result, error) {
	var revs []string
	if receive {
		updates, err := hook.ParsePreReceive(in)
		if err != nil {
			return nil, err
		}
		revs = hook.ReceiveRevisions(updates)
	} else {
		updates, err := hook.ParsePrePush(in)
		if err != nil {
			return nil, err
		}
		if revs, err = hook.PushRevisions(ctx, dir, remote, updates); err != nil {
			return nil, err
		}
	}
	return hook.ScanCommits(ctx, dir, revs, hook.CommitScanOptions{Ignore: ignore, MaxFileSize: maxSize})
}

// protectMessage is what a hook prints: for each token where it is, which rule found it and its
// redacted value; then how to take it out, rotate it, or mark a false positive. With nothing
// found it is one line, which git shows on every commit.
func protectMessage(mode protectMode, rep *report.Report, color, rootCommit bool) string {
	var b strings.Builder
	bold := func(s string) string {
		if !color {
			return s
		}
		return "\x1b[1;31m" + s + "\x1b[0m"
	}
	if len(rep.Entries) == 0 && len(rep.Errors) == 0 {
		if mode != modeStaged && rep.Scan.Counts.Commits == 0 {
			return "tokenscan: no new commits to scan\n"
		}
		return "tokenscan: no cPanel/WHM API tokens in the " + mode.source + " (" + scannedText(rep.Scan.Counts) + ")\n"
	}
	if n := len(rep.Entries); n > 0 {
		fmt.Fprintf(&b, "%s: the %s add %s.\n", bold("tokenscan: "+mode.blocked), mode.source, countNoun(n, "cPanel/WHM API token", "cPanel/WHM API tokens"))
		var files []string
		seen := map[string]bool{}
		for _, e := range rep.Entries {
			l := e.Leak
			for _, o := range l.Locations {
				where := terminalSafe(o.Path)
				if o.Line > 0 {
					where += ":" + strconv.Itoa(o.Line)
					if o.Column > 0 {
						where += ":" + strconv.Itoa(o.Column)
					}
				}
				if o.Commit != "" {
					where += "  commit " + terminalSafe(o.Commit[:min(len(o.Commit), 7)])
				}
				fmt.Fprintf(&b, "\n  %s  %s  %s\n", where, terminalSafe(l.RuleID), finding.Redact(l.Secret))
				if !seen[o.Path] {
					seen[o.Path] = true
					files = append(files, o.Path)
				}
			}
			fmt.Fprintf(&b, "      fingerprint %s\n", l.Fingerprint)
			if t := targetLine(l.Target); t != "" {
				fmt.Fprintf(&b, "      account     %s\n", terminalSafe(t))
			}
			if rep.Scan.Verify {
				fmt.Fprintf(&b, "      works now?  %s\n", verifiedText(e))
			}
		}
		sort.Strings(files)
		b.WriteString(remedy(mode, len(rep.Entries), files, oldestCommit(rep), rootCommit))
	}
	if len(rep.Errors) > 0 {
		if len(rep.Entries) == 0 {
			fmt.Fprintf(&b, "%s: part of the %s could not be scanned, so they are not known to be clean:\n",
				bold("tokenscan: "+mode.blocked), mode.source)
		} else {
			fmt.Fprintf(&b, "\nAlso, part of the %s could not be scanned:\n", mode.source)
		}
		for _, e := range rep.Errors {
			fmt.Fprintf(&b, "  %s\n", terminalSafe(e.Error()))
		}
		if mode.bypass != "" {
			fmt.Fprintf(&b, "Fix that and try again, or skip the check once with %s.\n", mode.bypass)
		}
	}
	return b.String()
}

// isRootCommit reports whether commit has no parent, so that rebasing onto "commit~1" cannot
// work. Only git's own "no such revision" counts; with no commit, or if git fails, it is false.
func isRootCommit(ctx context.Context, dir, commit string) bool {
	if commit == "" {
		return false
	}
	cmd := exec.CommandContext(ctx, "git", "rev-parse", "--verify", "--quiet", commit+"^")
	cmd.Dir = dir
	var exit *exec.ExitError
	return errors.As(cmd.Run(), &exit)
}

// oldestCommit is the earliest commit that adds one of rep's tokens, or "" for none.
func oldestCommit(rep *report.Report) string {
	var oldest finding.Origin
	for _, e := range rep.Entries {
		for _, o := range e.Leak.Locations {
			if o.Commit != "" && (oldest.Commit == "" || o.Date.Before(oldest.Date)) {
				oldest = o
			}
		}
	}
	return oldest.Commit
}

// remedy says how to get rid of the tokens found, and how to tell tokenscan about a false alarm.
func remedy(mode protectMode, tokens int, files []string, oldestCommit string, rootCommit bool) string {
	var b strings.Builder
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = shellWord(f)
	}
	fileList := strings.Join(paths, " ")
	it := "it"
	if tokens > 1 {
		it = "them"
	}
	b.WriteString("\nTo remove " + it + ":\n")
	switch mode {
	case modeStaged:
		// Not "git restore --staged", which fails before the first commit (no HEAD to restore
		// from); "git reset" unstages a new file, a changed one and one in an empty repository.
		b.WriteString("  1. Unstage it:  git reset -q -- " + fileList + "\n")
		b.WriteString("  2. Edit the file: read the token from an environment variable or a secret store instead.\n")
		b.WriteString("  3. Stage the edited file again and commit.\n")
	default:
		base := "<commit>"
		if oldestCommit != "" {
			base = terminalSafe(oldestCommit[:min(len(oldestCommit), 7)])
		}
		rebase := "git rebase -i " + base + "~1"
		if rootCommit {
			rebase = "git rebase -i --root"
		}
		b.WriteString("  1. Rewrite the commits above, e.g. " + rebase + " and edit them: deleting the\n")
		b.WriteString("     token in a new commit is not enough, the commit that added it would still be pushed.\n")
		b.WriteString("  2. Read the token from an environment variable or a secret store instead.\n")
	}
	b.WriteString("  If the token was ever pushed or shared, it is exposed: revoke it in cPanel or WHM\n")
	b.WriteString("  (Security » Manage API Tokens) or with tokenscan revoke, and create a new one.\n")
	b.WriteString("\nIf it is not a real token:\n")
	b.WriteString("  - add a comment containing tokenscan:allow to that line, or\n")
	if mode == modePreReceive {
		b.WriteString("  - ask this server's administrator to add the fingerprint above to its ignore file.\n")
	} else {
		b.WriteString("  - add the fingerprint above to " + scanner.IgnoreFileName + " at the top of the work tree (one per line).\n")
	}
	if mode.bypass != "" {
		b.WriteString("To skip this check once (not recommended): " + mode.bypass + "\n")
	}
	return b.String()
}

// verifiedText is what --verify learnt about a token, for the hook's message.
func verifiedText(e report.Entry) string {
	switch e.State {
	case finding.StateLive:
		return "yes: the server accepted it just now"
	case finding.StateDead:
		return "no: the server refused it (revoked, expired or mistyped)"
	}
	detail := e.Detail
	if detail == "" {
		detail = "not checked"
	}
	return "unknown: " + terminalSafe(detail)
}

func scannedText(c report.Counts) string {
	var parts []string
	if c.Commits > 0 {
		parts = append(parts, countNoun(int(c.Commits), "commit", "commits"))
	}
	if c.Blobs > 0 || c.Commits > 0 {
		parts = append(parts, countNoun(int(c.Blobs), "file version", "file versions"))
	} else {
		parts = append(parts, countNoun(int(c.Files), "file", "files"))
	}
	if n := c.SkippedTotal(); n > 0 {
		var reasons []string
		for r := range c.Skipped {
			reasons = append(reasons, r)
		}
		sort.Strings(reasons)
		parts = append(parts, fmt.Sprintf("%d skipped: %s", n, strings.Join(reasons, ", ")))
	}
	return strings.Join(parts, ", ")
}

func countNoun(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func targetLine(t finding.Target) string {
	if t.IsZero() {
		return ""
	}
	s := string(t.Kind)
	addr := t.Host
	if t.User != "" {
		addr = t.User + "@" + addr
	}
	if t.Port != 0 {
		addr += ":" + strconv.Itoa(t.Port)
	}
	return strings.TrimSpace(s + " " + addr)
}

// terminalSafe returns s unchanged when every character is printable, and Go-quoted otherwise:
// a file name may hold escape sequences that would rewrite the terminal.
func terminalSafe(s string) string {
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return strconv.Quote(s)
		}
	}
	return s
}

// shellWord quotes a path for pasting into a shell when it needs it: in single quotes, or, when
// it holds a character that cannot be shown as it is (a newline, an escape), as $'...' with
// escapes, which bash, zsh and ksh read back as the same bytes.
func shellWord(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-_./+,=@%", r)))
	}) < 0 {
		return s
	}
	if terminalSafe(s) == s {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	var b strings.Builder
	b.WriteString("$'")
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\'' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == utf8.RuneError && size == 1 || !unicode.IsPrint(r):
			for _, c := range []byte(s[i : i+size]) {
				fmt.Fprintf(&b, `\x%02x`, c)
			}
		default:
			b.WriteRune(r)
		}
		i += size
	}
	b.WriteByte('\'')
	return b.String()
}
