package hook

import (
	"context"
	"fmt"

	"github.com/tokenscan/tokenscan/scanner"
	"github.com/tokenscan/tokenscan/scanner/detect"
	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/report"
)

// CommitScanOptions says how ScanCommits scans.
type CommitScanOptions struct {
	// Ignore holds fingerprints not to report (.tokenscanignore).
	Ignore map[finding.Fingerprint]bool
	// MaxFileSize skips larger blobs; 0 means the source package's default.
	MaxFileSize int64
	// Workers bounds parallel scanning; 0 means the source package's default.
	Workers int
	// Detector is the detector to use; nil builds one from the embedded rules.
	Detector *detect.Detector
}

// ScanCommits scans the commits that revisions (git log arguments, as PushRevisions and
// ReceiveRevisions return) select in the repository at dir, and only those: neither the working
// tree nor the rest of history. It works in a bare repository, where a pre-receive hook runs.
// Each token is attributed to the commit that introduced it; one that a selected commit only
// carried over from a commit outside the selection is not reported, since it is not new.
func ScanCommits(ctx context.Context, dir string, revisions []string, opt CommitScanOptions) (*scanner.Result, error) {
	if len(revisions) == 0 {
		// Nothing selected; an empty selection must not fall back to git's default (all of HEAD).
		return &scanner.Result{Sources: []string{"git:" + dir}, Counts: report.Counts{Skipped: map[string]int{}}}, nil
	}
	res, err := scanner.Scan(ctx, scanner.Options{
		Path: dir, HistoryOnly: true, LogOpts: revisions, MaxFileSize: opt.MaxFileSize,
		Workers: opt.Workers, Ignore: opt.Ignore, Detector: opt.Detector,
	})
	if err != nil {
		return nil, fmt.Errorf("scanning the pushed commits: %w", err)
	}
	return res, nil
}
