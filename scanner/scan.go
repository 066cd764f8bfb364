// Package scanner runs a scan end to end: it takes content from the sources, runs the detector
// over it in parallel, attributes history findings to commits, drops what the user allowed,
// folds sightings into one leak per token and hands back a report.
package scanner

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/tokenscan/tokenscan/scanner/detect"
	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/report"
	"github.com/tokenscan/tokenscan/scanner/source"
)

// Options says what to scan and how.
type Options struct {
	// Path is a directory (a git work tree or not), a file, or "-" for standard input.
	Path string
	// Stdin is read when Path is "-".
	Stdin io.Reader
	// NoHistory scans only the files on disk, not the git history behind them.
	NoHistory bool
	// HistoryOnly scans only git history, not the files on disk: the commits of a push, or a
	// bare mirror. Path must be a repository (bare or not).
	HistoryOnly bool
	// Staged scans only what is staged for the next commit.
	Staged bool
	// SinceCommit and LogOpts narrow the history scan (see source.HistoryOptions).
	SinceCommit string
	LogOpts     []string
	MaxFileSize int64
	Exclude     []string
	// Workers bounds parallel scanning; 0 means one per CPU.
	Workers int
	// Ignore holds fingerprints not to report (.tokenscanignore, --baseline).
	Ignore map[finding.Fingerprint]bool
	// Detector is the detector to use; nil builds one from the embedded rules.
	Detector *detect.Detector
}

// Result is what a scan found, before verification.
type Result struct {
	Leaks   []finding.Leak
	Sources []string
	Counts  report.Counts
	Errors  []report.ScanError
}

// ErrNotGitRepo is returned when a git-only scan (--staged) is asked of a directory that is not
// inside a git work tree.
var ErrNotGitRepo = errors.New("not a git repository")

// Scan runs the scan opt describes. A failure of one part (an unreadable file) is recorded in
// Result.Errors and the rest goes on; an error return means the scan could not run at all.
func Scan(ctx context.Context, opt Options) (*Result, error) {
	det := opt.Detector
	if det == nil {
		var err error
		if det, err = detect.New(detect.Options{}); err != nil {
			return nil, err
		}
	}
	// Most scans will need the rules; compiling them while git starts costs no wall time. A
	// staged scan starts git first (below): started before it, the compilation delayed git's
	// start by up to 8 ms in a pre-commit hook on two cores (os/exec's Start returning only
	// once the compilation was done), against under 1 ms when git comes first.
	if !opt.Staged {
		det.Warm()
	}
	if opt.Path == "" {
		opt.Path = "."
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	res := &Result{Counts: report.Counts{Skipped: map[string]int{}}}
	col := &collector{res: res, ignore: opt.Ignore}
	srcOpt := source.Options{MaxFileSize: opt.MaxFileSize, Exclude: opt.Exclude}

	if opt.Path == "-" {
		res.Sources = append(res.Sources, "stdin")
		err := source.Stdin(opt.Stdin, "", srcOpt, col.unitSink(ctx, det))
		if err != nil {
			return nil, err
		}
		return col.finish(), nil
	}
	info, err := os.Stat(opt.Path)
	if err != nil {
		return nil, fmt.Errorf("scanning %s: %w", opt.Path, err)
	}
	if !info.IsDir() {
		if opt.Staged {
			return nil, fmt.Errorf("--staged needs a repository directory, not the file %s", opt.Path)
		}
		res.Sources = append(res.Sources, "file:"+opt.Path)
		if err := runUnits(ctx, workers, col, det, func(emit func(source.Unit) error) error {
			return source.Files(ctx, []string{opt.Path}, srcOpt, emit)
		}); err != nil {
			return nil, err
		}
		return col.finish(), nil
	}

	if opt.HistoryOnly {
		if opt.Staged || opt.NoHistory {
			return nil, errors.New("a history-only scan cannot also be a staged or no-history scan")
		}
		if err := scanHistory(ctx, opt, det, workers, col); err != nil {
			return nil, err
		}
		return col.finish(), nil
	}
	repo := isGitWorkTree(opt.Path)
	if opt.Staged {
		if !repo {
			return nil, fmt.Errorf("--staged in %s: %w", opt.Path, ErrNotGitRepo)
		}
		// git starts here, on this goroutine, rather than in the walk goroutine of runUnits,
		// which would first wait its turn behind the rules compilation: in a pre-commit hook
		// git's start-up is most of the wait.
		// Only added lines are reported, so only files whose added lines could hold a
		// token are read.
		stagedOpt := srcOpt
		stagedOpt.AddedTokenShapedOnly = true
		staged, err := source.StartStaged(ctx, opt.Path, stagedOpt)
		if err != nil {
			return nil, err
		}
		det.Warm()
		res.Sources = append(res.Sources, "staged:"+opt.Path)
		if err := runUnits(ctx, workers, col, det, func(emit func(source.Unit) error) error {
			return staged.Emit(emit)
		}); err != nil {
			return nil, err
		}
		return col.finish(), nil
	}

	res.Sources = append(res.Sources, "dir:"+opt.Path)
	if err := runUnits(ctx, workers, col, det, func(emit func(source.Unit) error) error {
		return source.Dir(ctx, opt.Path, srcOpt, emit)
	}); err != nil {
		return nil, err
	}
	if repo && !opt.NoHistory {
		if err := scanHistory(ctx, opt, det, workers, col); err != nil {
			return nil, err
		}
	}
	return col.finish(), nil
}

// scanHistory scans the git history opt selects into col.
func scanHistory(ctx context.Context, opt Options, det *detect.Detector, workers int, col *collector) error {
	res := col.res
	res.Sources = append(res.Sources, "git:"+opt.Path)
	// A blob is read once for all the paths that carry it, so exclusion applies to where each
	// finding is attributed, not to what is read.
	excluded, err := source.ExcludeMatcher(opt.Exclude)
	if err != nil {
		return err
	}
	fs, st, err := source.History(ctx, opt.Path, source.HistoryOptions{
		SinceCommit: opt.SinceCommit, LogOpts: opt.LogOpts, MaxFileSize: opt.MaxFileSize, Workers: workers, Excluded: excluded,
	}, det.Scan)
	if err != nil {
		return fmt.Errorf("scanning git history of %s: %w", opt.Path, err)
	}
	res.Counts.Commits += st.Commits
	res.Counts.Blobs += st.Blobs
	res.Counts.Bytes += st.Bytes
	for k, v := range st.Skipped {
		res.Counts.Skipped[k] += v
	}
	for _, f := range fs {
		col.add(f)
	}
	return nil
}

// isGitWorkTree reports whether dir is the top of, or inside, a git work tree.
func isGitWorkTree(dir string) bool {
	for d, _ := filepath.Abs(dir); d != ""; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return false
		}
		d = parent
	}
	return false
}

// collector gathers findings and counts from concurrent workers.
type collector struct {
	mu       sync.Mutex
	res      *Result
	ignore   map[finding.Fingerprint]bool
	findings []finding.Finding
}

func (c *collector) add(f finding.Finding) {
	if c.ignore[f.Fingerprint] {
		return
	}
	c.mu.Lock()
	c.findings = append(c.findings, f)
	c.mu.Unlock()
}

func (c *collector) finish() *Result {
	c.res.Leaks = finding.Group(c.findings)
	return c.res
}

// scanUnit reads and scans one unit, recording skips and unreadable content.
func (c *collector) scanUnit(det *detect.Detector, u source.Unit) {
	data, err := u.Read()
	var skip *source.SkipError
	switch {
	case errors.As(err, &skip):
		c.mu.Lock()
		defer c.mu.Unlock()
		if strings.HasPrefix(skip.Reason, "unreadable") {
			c.res.Errors = append(c.res.Errors, report.ScanError{Source: u.Origin.Path, Message: skip.Reason})
			return
		}
		c.res.Counts.Skipped[skip.Reason]++
		return
	case err != nil:
		c.mu.Lock()
		defer c.mu.Unlock()
		c.res.Errors = append(c.res.Errors, report.ScanError{Source: u.Origin.Path, Message: err.Error()})
		return
	}
	found := det.Scan(u.Origin.Path, data)
	c.mu.Lock()
	c.res.Counts.Files++
	c.res.Counts.Bytes += int64(len(data))
	c.mu.Unlock()
	if u.Release != nil {
		u.Release(data) // findings hold copies, never slices of data
	}
	for _, f := range found {
		line, col := f.Origin.Line, f.Origin.Column
		if u.Position != nil {
			line, col = u.Position(line, col)
		}
		if u.Lines != nil && !u.Lines.Contains(line) {
			continue
		}
		f.Origin = u.Origin
		f.Origin.Line, f.Origin.Column = line, col
		c.add(f)
	}
}

// unitSink scans units as they are emitted, on the caller's goroutine (for a single stream).
func (c *collector) unitSink(ctx context.Context, det *detect.Detector) func(source.Unit) error {
	return func(u source.Unit) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		c.scanUnit(det, u)
		return nil
	}
}

// runUnits runs walk, scanning the units it emits on workers goroutines.
func runUnits(ctx context.Context, workers int, c *collector, det *detect.Detector, walk func(emit func(source.Unit) error) error) error {
	g, ctx := errgroup.WithContext(ctx)
	units := make(chan source.Unit, workers*4)
	g.Go(func() error {
		defer close(units)
		return walk(func(u source.Unit) error {
			select {
			case units <- u:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	})
	for i := 0; i < workers; i++ {
		g.Go(func() error {
			for u := range units {
				c.scanUnit(det, u)
			}
			return nil
		})
	}
	return g.Wait()
}
