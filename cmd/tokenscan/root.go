package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/tokenscan/tokenscan/scanner"
	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/report"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3".
var version = "dev"

// IOStreams are the process's standard streams, injectable so tests see exact output.
type IOStreams struct {
	In       io.Reader
	Out      io.Writer
	ErrOut   io.Writer
	OutIsTTY bool
	ErrIsTTY bool
}

// usageError marks an error in the command line itself (exit 2, with a hint to --help).
type usageError struct{ error }

// rootCmd wraps the cobra tree and remembers the report of the command that ran.
type rootCmd struct {
	cmd    *cobra.Command
	report *report.Report
}

func (r *rootCmd) execute(ctx context.Context, args []string) (*report.Report, error) {
	r.cmd.SetArgs(args)
	err := r.cmd.ExecuteContext(ctx)
	return r.report, err
}

// ScanOptions is everything `tokenscan` (the scan) needs; run does the work.
type ScanOptions struct {
	IO          *IOStreams
	Now         func() time.Time
	Path        string
	NoHistory   bool
	Staged      bool
	SinceCommit string
	LogOpts     string
	Format      string
	ReportPath  string
	MaxFileSize string
	Exclude     []string
	Baseline    string
	IgnoreFile  string
	ShowSecrets bool
	NoColor     bool
	Quiet       bool
	Workers     int
	RemediationOptions
	OrgOptions
}

const rootLong = `tokenscan finds cPanel and WHM API tokens that leaked into code or git history.

A cPanel API token is a 32-character password that can do everything its account can: read
files, pull backups, change DNS and mail. It has no prefix, so tokenscan recognises it by its
context: an "Authorization: cpanel user:TOKEN" header, a key that names cPanel or WHM, or a
secret next to a :2083/:2087 URL. Token values are never printed; reports show a redacted form
and a SHA-256 fingerprint.

By default tokenscan scans the directory and, when it is a git work tree, every commit of every
branch and tag. Each unique file version is read once, and each leak is attributed to the commit
that introduced it, even when a later commit deleted it.

Exit codes:
  0  nothing found
  1  leaks found
  2  usage or runtime error (including a partly failed scan)
  3  leaks found and at least one could not be revoked or confirmed (with --revoke)`

const rootExample = `  # Scan the current repository: working tree and full history
  tokenscan

  # Only the files on disk, as JSON
  tokenscan --path ./site --no-history --format json --report-path tokens.json

  # What is staged for the next commit (what a pre-commit hook checks)
  tokenscan --staged

  # Only commits since the last release, or any git log selection
  tokenscan --since-commit v1.4.0
  tokenscan --log-opts "--since=2024-01-01 main"

  # Report only tokens that are new since a previous report
  tokenscan --baseline last-week.json

  # SARIF for GitHub code scanning
  tokenscan --format sarif --report-path tokenscan.sarif

  # A file or standard input
  tokenscan --path deploy.sh
  git show HEAD:config.php | tokenscan --path -

  # Check whether the leaked tokens still work, then revoke them (see docs/verify-and-revoke.md)
  tokenscan --verify
  tokenscan --revoke --inventory tokens.json --audit-log audit.jsonl`

func newRootCmd(ios *IOStreams) *rootCmd {
	r := &rootCmd{}
	opts := &ScanOptions{IO: ios, Now: time.Now}
	cmd := &cobra.Command{
		Use:           "tokenscan",
		Short:         "Find leaked cPanel and WHM API tokens in code and git history",
		Long:          rootLong,
		Example:       rootExample,
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			rep, err := runScan(cmd.Context(), opts)
			r.report = rep
			return err
		},
	}
	cmd.SetIn(ios.In)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%w (see tokenscan --help)", err)}
	})
	f := cmd.Flags()
	f.StringVarP(&opts.Path, "path", "p", ".", "directory, file, or - for standard input")
	f.BoolVar(&opts.NoHistory, "no-history", false, "scan only the files on disk, not the git history")
	f.BoolVar(&opts.Staged, "staged", false, "scan only the changes staged for the next commit")
	f.StringVar(&opts.SinceCommit, "since-commit", "", "scan only commits not reachable from `REF`")
	f.StringVar(&opts.LogOpts, "log-opts", "", "git log arguments selecting the commits to scan (replaces --all)")
	f.StringVarP(&opts.Format, "format", "f", "text", "report format: text, json or sarif")
	f.StringVarP(&opts.ReportPath, "report-path", "r", "", "write the report to `FILE` instead of standard output")
	f.StringVar(&opts.MaxFileSize, "max-file-size", "25MiB", "skip files and blobs larger than this (bytes, or with KB/MB/KiB/MiB)")
	f.StringArrayVar(&opts.Exclude, "exclude", nil, "skip paths matching this glob (repeatable; ** matches directories)")
	f.StringVar(&opts.Baseline, "baseline", "", "previous JSON report: report only tokens not in it")
	f.StringVar(&opts.IgnoreFile, "ignore-file", "", "fingerprints to ignore (default: .tokenscanignore in the scanned directory)")
	f.BoolVar(&opts.ShowSecrets, "show-secrets", false, "print token values in text and JSON reports (never in SARIF)")
	f.BoolVar(&opts.NoColor, "no-color", false, "no colour in text output (also NO_COLOR=1)")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "no status line on standard error")
	f.IntVar(&opts.Workers, "workers", 0, "files scanned in parallel (default: one per CPU)")
	cmd.AddCommand(newVersionCmd(ios))
	addRemediationFlags(cmd, &opts.RemediationOptions)
	addOrgFlags(cmd, &opts.OrgOptions)
	cmd.AddCommand(newVerifyCmd(r, ios), newRevokeCmd(r, ios))
	cmd.AddCommand(newProtectCmd(r, ios), newHookCmd(ios))
	cmd.AddCommand(newAuditCmd(r, ios))
	r.cmd = cmd
	return r
}

func newVersionCmd(ios *IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprintf(ios.Out, "tokenscan %s\n", buildVersion())
			return err
		},
	}
}

func buildVersion() string {
	v := version
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " (" + s.Value[:12] + ")"
			}
		}
	}
	return v
}

func runScan(ctx context.Context, opts *ScanOptions) (*report.Report, error) {
	if opts.OrgOptions.active() {
		return runOrgScan(ctx, opts)
	}
	format, err := report.ParseFormat(opts.Format)
	if err != nil {
		return nil, usageError{err}
	}
	maxSize, err := parseSize(opts.MaxFileSize)
	if err != nil {
		return nil, usageError{fmt.Errorf("--max-file-size: %w", err)}
	}
	if opts.Staged && (opts.SinceCommit != "" || opts.LogOpts != "" || opts.NoHistory) {
		return nil, usageError{errors.New("--staged scans the index only; it cannot be combined with --since-commit, --log-opts or --no-history")}
	}
	if opts.SinceCommit != "" && opts.LogOpts != "" {
		return nil, usageError{errors.New("use either --since-commit or --log-opts, not both")}
	}
	logOpts, err := splitArgs(opts.LogOpts)
	if err != nil {
		return nil, usageError{fmt.Errorf("--log-opts: %w", err)}
	}
	ignore, err := loadIgnores(opts)
	if err != nil {
		return nil, err
	}
	if opts.NoHistory || opts.Staged {
		defer smallHeapGC()()
	}
	started := opts.Now()
	res, err := scanner.Scan(ctx, scanner.Options{
		Path: opts.Path, Stdin: opts.IO.In, NoHistory: opts.NoHistory, Staged: opts.Staged,
		SinceCommit: opts.SinceCommit, LogOpts: logOpts, MaxFileSize: maxSize, Exclude: opts.Exclude,
		Workers: opts.Workers, Ignore: ignore,
	})
	if err != nil {
		return nil, err
	}
	rep := &report.Report{
		Tool:   report.Tool{Name: "tokenscan", Version: version},
		Scan:   report.Scan{Sources: res.Sources, Started: started, Finished: opts.Now(), Counts: res.Counts},
		Errors: res.Errors,
	}
	for _, l := range res.Leaks {
		rep.Entries = append(rep.Entries, report.Entry{Leak: l})
	}
	if err := remediateReport(ctx, opts, rep); err != nil {
		return nil, err
	}
	if err := writeReport(opts, format, rep); err != nil {
		return rep, err
	}
	// The text report on standard output ends with its own summary; otherwise say on stderr
	// what happened, since the data went to a file or is for a machine.
	if !opts.Quiet && (opts.ReportPath != "" || format != report.FormatText) {
		printStatus(opts.IO.ErrOut, rep)
	}
	return rep, nil
}

// writeReport writes to standard output, or to --report-path. A regular file is replaced
// atomically: a crash or a full disk never leaves a half-written report where the last good one
// was. Anything else (/dev/null, a FIFO, a symlink the user pointed there) is written through,
// because renaming over it would replace the device or link with a plain file.
func writeReport(opts *ScanOptions, format report.Format, rep *report.Report) error {
	wopts := report.Options{ShowSecrets: opts.ShowSecrets}
	if opts.ReportPath == "" {
		wopts.Color = opts.IO.OutIsTTY && !opts.NoColor && os.Getenv("NO_COLOR") == ""
		return report.Write(opts.IO.Out, format, rep, wopts)
	}
	if st, err := os.Lstat(opts.ReportPath); err == nil && !st.Mode().IsRegular() {
		f, err := os.OpenFile(opts.ReportPath, os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil {
			return fmt.Errorf("writing report: %w", err)
		}
		err = report.Write(f, format, rep, wopts)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("writing report %s: %w", opts.ReportPath, err)
		}
		return nil
	}
	dir := filepath.Dir(opts.ReportPath)
	tmp, err := os.CreateTemp(dir, ".tokenscan-report-*")
	if err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := report.Write(tmp, format, rep, wopts); err != nil {
		tmp.Close()
		return fmt.Errorf("writing report %s: %w", opts.ReportPath, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing report %s: %w", opts.ReportPath, err)
	}
	if err := os.Rename(tmp.Name(), opts.ReportPath); err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	return nil
}

func printStatus(w io.Writer, rep *report.Report) {
	c := rep.Scan.Counts
	parts := []string{fmt.Sprintf("%d files", c.Files)}
	if c.Commits > 0 || c.Blobs > 0 {
		parts = append(parts, fmt.Sprintf("%d commits (%d file versions)", c.Commits, c.Blobs))
	}
	parts = append(parts, humanBytes(c.Bytes))
	if n := c.SkippedTotal(); n > 0 {
		parts = append(parts, fmt.Sprintf("%d skipped", n))
	}
	elapsed := rep.Scan.Finished.Sub(rep.Scan.Started).Round(time.Millisecond)
	msg := fmt.Sprintf("tokenscan: scanned %s in %s: ", strings.Join(parts, ", "), elapsed)
	switch n := len(rep.Entries); n {
	case 0:
		msg += "no leaked tokens"
	case 1:
		msg += "1 leaked token"
	default:
		msg += fmt.Sprintf("%d leaked tokens", n)
	}
	if n := len(rep.Errors); n > 0 {
		msg += fmt.Sprintf("; %d errors (see report)", n)
	}
	fmt.Fprintln(w, msg)
}

func loadIgnores(opts *ScanOptions) (map[finding.Fingerprint]bool, error) {
	ignore := map[finding.Fingerprint]bool{}
	path, explicit := opts.IgnoreFile, opts.IgnoreFile != ""
	if !explicit && opts.Path != "-" {
		if st, err := os.Stat(opts.Path); err == nil && st.IsDir() {
			path = filepath.Join(opts.Path, scanner.IgnoreFileName)
		}
	}
	if path != "" {
		f, err := os.Open(path)
		switch {
		case err == nil:
			got, perr := scanner.ParseIgnore(f)
			f.Close()
			if perr != nil {
				return nil, fmt.Errorf("%s: %w", path, perr)
			}
			for k := range got {
				ignore[k] = true
			}
		case explicit || !errors.Is(err, os.ErrNotExist):
			return nil, fmt.Errorf("reading ignore file: %w", err)
		}
	}
	if opts.Baseline != "" {
		f, err := os.Open(opts.Baseline)
		if err != nil {
			return nil, fmt.Errorf("reading baseline: %w", err)
		}
		got, err := scanner.ParseBaseline(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", opts.Baseline, err)
		}
		for k := range got {
			ignore[k] = true
		}
	}
	return ignore, nil
}

// parseSize reads "1048576", "10MB", "512KiB", "1.5GB".
func parseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' })
	num, unit := s, ""
	if i >= 0 {
		num, unit = s[:i], strings.ToLower(strings.TrimSpace(s[i:]))
	}
	mult := map[string]float64{"": 1, "b": 1, "kb": 1e3, "mb": 1e6, "gb": 1e9, "kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30}[unit]
	v, err := strconv.ParseFloat(num, 64)
	if mult == 0 || err != nil || v <= 0 {
		return 0, fmt.Errorf("invalid size %q: want a positive number of bytes, optionally with KB, MB, GB, KiB, MiB or GiB", s)
	}
	return int64(v * mult), nil
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// splitArgs splits a --log-opts string like a shell would for plain words and quotes, without
// running one: "--since='2 weeks ago' main" -> [--since=2 weeks ago, main].
func splitArgs(s string) ([]string, error) {
	var (
		out   []string
		cur   strings.Builder
		quote rune
		have  bool
	)
	for _, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote, have = r, true
		case unicode.IsSpace(r):
			if have {
				out = append(out, cur.String())
				cur.Reset()
				have = false
			}
		default:
			cur.WriteRune(r)
			have = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unterminated %c quote", quote)
	}
	if have {
		out = append(out, cur.String())
	}
	return out, nil
}
