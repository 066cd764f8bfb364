package source

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// leakRe stands in for the detector: history scanning is tested on its own terms (which blob is
// read, which commit gets the credit), not on what a token looks like.
var leakRe = regexp.MustCompile(`LEAK-[0-9]+`)

func fakeScan(reads *atomic.Int64) ScanFunc {
	return func(path string, data []byte) []finding.Finding {
		reads.Add(1)
		var out []finding.Finding
		for i, line := range strings.Split(string(data), "\n") {
			for _, m := range leakRe.FindAllStringIndex(line, -1) {
				s := line[m[0]:m[1]]
				out = append(out, finding.Finding{RuleID: "fake", Secret: s, Fingerprint: finding.FingerprintOf(s),
					Origin: finding.Origin{Path: path, Line: i + 1, Column: m[0] + 1}})
			}
		}
		return out
	}
}

// commitAll commits the work tree with a fixed date so commits sort predictably.
func commitAll(t *testing.T, dir, msg string, n int) string {
	t.Helper()
	gitIn(t, dir, "add", "-A")
	date := fmt.Sprintf("2024-01-01T00:%02d:00Z", n)
	t.Setenv("GIT_AUTHOR_DATE", date)
	t.Setenv("GIT_COMMITTER_DATE", date)
	gitIn(t, dir, "commit", "-q", "--allow-empty", "-m", msg)
	return gitIn(t, dir, "rev-parse", "HEAD")
}

type sighting struct {
	secret, commit, path string
	line                 int
}

func sightings(fs []finding.Finding) []sighting {
	var out []sighting
	for _, f := range fs {
		out = append(out, sighting{f.Secret, f.Origin.Commit, f.Origin.Path, f.Origin.Line})
	}
	sort.Slice(out, func(i, j int) bool { return fmt.Sprint(out[i]) < fmt.Sprint(out[j]) })
	return out
}

func TestHistoryAttribution(t *testing.T) {
	isolateGit(t)
	repo := newTestRepo(t)
	writeTestFile(t, repo, "app/config.env", "A=1\nTOKEN=LEAK-1\n")
	writeTestFile(t, repo, "README", "hello\n")
	c1 := commitAll(t, repo, "add config", 1)

	// Editing other lines keeps LEAK-1: no new sighting, though the blob is new.
	writeTestFile(t, repo, "app/config.env", "A=2\nTOKEN=LEAK-1\nB=3\n")
	commitAll(t, repo, "tweak config", 2)

	// The token line is removed, then a different token added on a side branch.
	writeTestFile(t, repo, "app/config.env", "A=2\nB=3\n")
	c3 := commitAll(t, repo, "remove leak", 3)
	gitIn(t, repo, "checkout", "-q", "-b", "side")
	writeTestFile(t, repo, "side.sh", "curl -H 'x: LEAK-2'\n")
	c4 := commitAll(t, repo, "side leak", 4)
	gitIn(t, repo, "checkout", "-q", "main")
	writeTestFile(t, repo, "main.txt", "main work\n")
	commitAll(t, repo, "main work", 5)
	t.Setenv("GIT_AUTHOR_DATE", "2024-01-01T00:06:00Z")
	t.Setenv("GIT_COMMITTER_DATE", "2024-01-01T00:06:00Z")
	gitIn(t, repo, "merge", "-q", "--no-edit", "side")

	// A pure rename carries LEAK-2 along without adding it.
	gitIn(t, repo, "mv", "side.sh", "side-renamed.sh")
	commitAll(t, repo, "move script", 7)

	// The same line re-added later is a new sighting; the indented copy on another line too.
	writeTestFile(t, repo, "app/config.env", "A=2\nB=3\nTOKEN=LEAK-1\n  TOKEN=LEAK-1\n")
	c8 := commitAll(t, repo, "oops again", 8)

	// Binary content is skipped, never scanned.
	writeTestFile(t, repo, "blob.bin", "\x00\x01LEAK-9\x00")
	commitAll(t, repo, "binary", 9)

	var reads atomic.Int64
	fs, stats, err := History(context.Background(), repo, HistoryOptions{}, fakeScan(&reads))
	if err != nil {
		t.Fatal(err)
	}
	want := []sighting{
		{"LEAK-1", c1, "app/config.env", 2},
		{"LEAK-1", c8, "app/config.env", 3},
		{"LEAK-1", c8, "app/config.env", 4},
		{"LEAK-2", c4, "side.sh", 1},
	}
	sort.Slice(want, func(i, j int) bool { return fmt.Sprint(want[i]) < fmt.Sprint(want[j]) })
	if got := sightings(fs); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("sightings:\n got %v\nwant %v", got, want)
	}
	for _, f := range fs {
		if f.Origin.Source != SourceGit || f.Origin.Author != "Test Author" || f.Origin.Date.IsZero() || f.Origin.Message == "" {
			t.Errorf("incomplete origin %+v", f.Origin)
		}
	}
	if stats.Commits != 9 {
		t.Errorf("commits = %d, want 9 (8 + merge)", stats.Commits)
	}
	if stats.Skipped[ReasonBinary] != 1 {
		t.Errorf("skipped = %v, want one binary", stats.Skipped)
	}
	// Every distinct blob is read once: config x4, README, side.sh, main.txt; the rename and
	// the merge introduce no new blob; the binary is skipped before scanning.
	if reads.Load() != 7 || stats.Blobs != 7 {
		t.Errorf("scanned %d blobs (stats %d), want 7", reads.Load(), stats.Blobs)
	}

	// Since c3: only what came after; LEAK-1's re-add in c8 is judged against c7's blob,
	// which is outside the range only by ancestry, not by content.
	reads.Store(0)
	fs, _, err = History(context.Background(), repo, HistoryOptions{SinceCommit: c3}, fakeScan(&reads))
	if err != nil {
		t.Fatal(err)
	}
	if got := sightings(fs); len(got) != 3 || got[0].commit != c8 || got[2].secret != "LEAK-2" {
		t.Errorf("since %s: got %v", c3[:7], got)
	}

	// --log-opts replaces the revision selection.
	fs, _, err = History(context.Background(), repo, HistoryOptions{LogOpts: []string{c1}}, fakeScan(&reads))
	if err != nil {
		t.Fatal(err)
	}
	if got := sightings(fs); len(got) != 1 || got[0].commit != c1 {
		t.Errorf("log-opts %s: got %v", c1[:7], got)
	}
}

func TestHistoryTooLargeAndErrors(t *testing.T) {
	isolateGit(t)
	repo := newTestRepo(t)
	writeTestFile(t, repo, "big.txt", strings.Repeat("LEAK-3 ", 200))
	commitAll(t, repo, "big", 1)
	var reads atomic.Int64
	fs, stats, err := History(context.Background(), repo, HistoryOptions{MaxFileSize: 100}, fakeScan(&reads))
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 0 || reads.Load() != 0 || stats.Skipped[ReasonTooLarge] != 1 {
		t.Errorf("too large: findings %d, reads %d, skipped %v", len(fs), reads.Load(), stats.Skipped)
	}
	if _, _, err := History(context.Background(), t.TempDir(), HistoryOptions{}, fakeScan(&reads)); err == nil || !strings.Contains(err.Error(), "not a git repository") {
		t.Errorf("non-repo: err = %v", err)
	}
	if _, _, err := History(context.Background(), repo, HistoryOptions{SinceCommit: "no-such-ref"}, fakeScan(&reads)); err == nil {
		t.Error("bad ref: no error")
	}
	// An empty repository has no history and no error.
	if fs, _, err := History(context.Background(), newTestRepo(t), HistoryOptions{}, fakeScan(&reads)); err != nil || len(fs) != 0 {
		t.Errorf("empty repo: %v %v", fs, err)
	}
}

func FuzzParseLog(f *testing.F) {
	f.Add([]byte("\x1e" + strings.Repeat("a", 40) + "\x1f\x1fA\x1fa@b\x1f1700000000\x1fsubj\x00\n:100644 100644 " +
		strings.Repeat("1", 40) + " " + strings.Repeat("2", 40) + " M\x00path\x00"))
	f.Add([]byte("\x1e" + strings.Repeat("b", 40) + "\x1fp1 p2\x1fA\x1fa@b\x1f1\x1fm\x00\n::100644 100644 100644 " +
		strings.Repeat("1", 40) + " " + strings.Repeat("2", 40) + " " + strings.Repeat("3", 40) + " RM\x00old\x00p\x00p\x00")) // --combined-all-paths: each parent's name, then the merge's
	f.Add([]byte(":R100\x00a\x00b\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		changes, _, err := parseLog(bufioReader(data))
		if err != nil {
			return
		}
		for _, c := range changes {
			if c.commit == nil || len(c.new) < 40 || len(c.oldPaths) > len(c.olds) {
				t.Fatalf("bad change %+v", c)
			}
		}
	})
}

func bufioReader(b []byte) *bufio.Reader { return bufio.NewReader(bytes.NewReader(b)) }

// FuzzLineTexts: lineTexts gives every line as reading the text line by line does.
func FuzzLineTexts(f *testing.F) {
	f.Add([]byte("a\nbb\n\nccc"), 3)
	f.Add([]byte("a\n"), 2)
	f.Add([]byte(""), 0)
	f.Fuzz(func(t *testing.T, data []byte, n int) {
		lines := strings.Split(string(data), "\n")
		want := ""
		switch {
		case n < 1:
			want = lines[0]
		case n <= len(lines):
			want = lines[n-1]
		}
		if got := lineTexts(data)(n); got != want {
			t.Fatalf("line %d of %q = %q, want %q", n, data, got, want)
		}
	})
}
