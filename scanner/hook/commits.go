package hook

import (
	"context"
	"fmt"

	"github.com/tokenscan/tokenscan/scanner"
	"github.com/tokenscan/tokenscan/scanner/detect"
	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/report"
	"github.com/tokenscan/tokenscan/scanner/source"
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
//
// scanner.Scan always scans the files on disk beside the history, which is wrong for a hook
// that must judge a push, hence this history-only entry point over the same source and
// detector.
func ScanCommits(ctx context.Context, dir string, revisions []string, opt CommitScanOptions) (*scanner.Result, error) {
	res := &scanner.Result{Sources: []string{"git:" + dir}, Counts: report.Counts{Skipped: map[string]int{}}}
	if len(revisions) == 0 {
		return res, nil
	}
	det := opt.Detector
	if det == nil {
		var err error
		if det, err = detect.New(detect.Options{}); err != nil {
			return nil, err
		}
	}
	found, st, err := source.History(ctx, dir, source.HistoryOptions{
		LogOpts: revisions, MaxFileSize: opt.MaxFileSize, Workers: opt.Workers,
	}, det.Scan)
	if err != nil {
		return nil, fmt.Errorf("scanning the pushed commits: %w", err)
	}
	res.Counts.Commits, res.Counts.Blobs, res.Counts.Bytes = st.Commits, st.Blobs, st.Bytes
	for k, v := range st.Skipped {
		res.Counts.Skipped[k] += v
	}
	kept := found[:0]
	for _, f := range found {
		if !opt.Ignore[f.Fingerprint] {
			kept = append(kept, f)
		}
	}
	res.Leaks = finding.Group(kept)
	return res, nil
}
