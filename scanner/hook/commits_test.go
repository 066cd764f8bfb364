package hook

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// TestScanCommitsOnlyWhatThePushAdds: a token the remote already has is not reported again
// when a pushed commit only carries it along; a token a pushed commit adds is, attributed to
// that commit; the working tree is not scanned at all; and the same works in a bare repository,
// where a pre-receive hook runs.
func TestScanCommitsOnlyWhatThePushAdds(t *testing.T) {
	isolateGit(t)
	ctx := context.Background()
	repo := newRepo(t)
	old := commitFile(t, repo, "deploy.sh", "export CPANEL_API_TOKEN="+tokA+"\n")
	commitFile(t, repo, "deploy.sh", "echo start\nexport CPANEL_API_TOKEN="+tokA+"\n")
	added := commitFile(t, repo, "config/.env", "WHM_API_TOKEN="+tokB+"\n")
	commitFile(t, repo, "config/.env", "WHM_API_TOKEN=${WHM_API_TOKEN}\n") // deleted again: still pushed
	head := gitIn(t, repo, "rev-parse", "HEAD")
	writeFile(t, filepath.Join(repo, "untracked.env"), "CPANEL_API_TOKEN="+tokB+"\n")

	bare := filepath.Join(t.TempDir(), "bare.git")
	gitIn(t, repo, "clone", "-q", "--bare", repo, bare)

	for name, dir := range map[string]string{"work tree": repo, "bare": bare} {
		t.Run(name, func(t *testing.T) {
			res, err := ScanCommits(ctx, dir, []string{head, "--not", old}, CommitScanOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Counts.Commits != 3 {
				t.Errorf("scanned %d commits, want 3", res.Counts.Commits)
			}
			if len(res.Leaks) != 1 {
				t.Fatalf("got %d leaks, want 1: %+v", len(res.Leaks), res.Leaks)
			}
			l := res.Leaks[0]
			loc := l.Locations[0]
			if l.Secret != tokB || loc.Commit != added || loc.Path != "config/.env" || loc.Line != 1 {
				t.Errorf("leak %s at %s:%d in %s, want %s at config/.env:1 in %s",
					finding.Redact(l.Secret), loc.Path, loc.Line, loc.Commit, finding.Redact(tokB), added)
			}

			ignored, err := ScanCommits(ctx, dir, []string{head, "--not", old}, CommitScanOptions{
				Ignore: map[finding.Fingerprint]bool{finding.FingerprintOf(tokB): true},
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(ignored.Leaks) != 0 {
				t.Errorf("ignored fingerprint still reported: %+v", ignored.Leaks)
			}
		})
	}

	t.Run("nothing selected", func(t *testing.T) {
		res, err := ScanCommits(ctx, repo, nil, CommitScanOptions{})
		if err != nil || len(res.Leaks) != 0 || res.Counts.Commits != 0 {
			t.Errorf("got %+v, %v; want an empty result", res, err)
		}
	})

	t.Run("bad revision", func(t *testing.T) {
		_, err := ScanCommits(ctx, repo, []string{strings.Repeat("e", 40)}, CommitScanOptions{})
		if err == nil {
			t.Error("want an error for a commit that does not exist")
		}
	})
}
