package source

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// readPatches does not read the sections from the clean index on: a diff cut short after the
// first section is an error when they are wanted and complete enough when they are not.
func TestReadPatchesStopsAtClean(t *testing.T) {
	oid := func(c byte) string { return strings.Repeat(string(c), 40) }
	raw := []string{
		":100644 100644 " + oid('1') + " " + oid('2') + " M", "a.txt",
		":100644 100644 " + oid('3') + " " + oid('4') + " M", "b.txt",
		":000000 100644 " + oid('0') + " " + oid('5') + " A", "c.txt",
	}
	cut := diffOutput(raw, "diff --git a/a.txt b/a.txt\nindex "+oid('1')+".."+oid('2')+" 100644\n--- a/a.txt\n+++ b/a.txt\n@@ -1 +1,2 @@\n-x\n+y\n+z\n")
	parse := func(clean int) ([]parsedChange, bool, error) {
		br := bufio.NewReader(strings.NewReader(cut))
		changes, err := parseRawEntries(br)
		if err != nil {
			t.Fatal(err)
		}
		var got []parsedChange
		stopped, err := readPatches(br, changes, func() int { return clean }, func(c stagedChange) error {
			got = append(got, parsedChange{c.status, c.path, c.lines.String()})
			return nil
		})
		return got, stopped, err
	}
	if _, _, err := parse(3); err == nil {
		t.Fatal("every section wanted from a diff cut short: no error")
	}
	got, stopped, err := parse(1)
	want := []parsedChange{{'M', "a.txt", "1-2"}, {'M', "b.txt", "none"}, {'A', "c.txt", "none"}}
	if err != nil || !stopped || !reflect.DeepEqual(got, want) {
		t.Fatalf("clean from 1: %v, stopped %v, %v; want %v", got, stopped, err, want)
	}
	if got, stopped, err := parse(0); err != nil || !stopped || got[0].lines != "none" {
		t.Fatalf("clean from 0: %v, stopped %v, %v", got, stopped, err)
	}
}

// A token-shaped-only staged scan that skips the clean changes' patches emits what one that
// reads every patch emits: the same units, with the same content; only the added lines of
// units whose content is not read (and cannot be) are left out. Checked with a token-shaped
// run at the start, in the middle, at the end and nowhere among 100 staged files, with
// binary content with and without such a run, a partially staged file (a token in the index,
// none in the work tree), a file binary by attribute, a symlink and a deletion among them.
func TestStagedCleanFromMatchesEveryPatch(t *testing.T) {
	isolateGit(t)
	const n = 100
	token := strings.Repeat("Q8KZ", 8)
	for _, at := range []int{-1, 0, n / 2, n - 1} {
		t.Run(fmt.Sprint("token-at-", at), func(t *testing.T) {
			repo := newTestRepo(t)
			name := func(i int) string { return fmt.Sprintf("d%d/f%03d.txt", i%7, i) }
			for i := range n {
				writeTestFile(t, repo, name(i), fmt.Sprintf("file %d\nline two\n", i))
			}
			writeTestFile(t, repo, "attr.txt", "v1\n")
			writeTestFile(t, repo, ".gitattributes", "attr.txt -diff\n")
			writeTestFile(t, repo, "gone.txt", "bye\n")
			gitIn(t, repo, "add", "-A")
			gitIn(t, repo, "commit", "-q", "-m", "base")
			for i := range n {
				content := fmt.Sprintf("file %d\nline two\nadded %d\n", i, i)
				if i == at {
					content += "token = " + token + "\n"
				}
				writeTestFile(t, repo, name(i), content)
			}
			writeTestFile(t, repo, "attr.txt", "v2 "+token+"\n")
			writeTestFile(t, repo, "bin.dat", "\x00\x01 "+token)
			writeTestFile(t, repo, "d5/logo.png", "\x89PNG\x00\x00\x01")
			writeTestFile(t, repo, "d0/partial.txt", "staged "+token+"\n")
			if err := os.Symlink("attr.txt", filepath.Join(repo, "link")); err != nil {
				t.Fatal(err)
			}
			gitIn(t, repo, "rm", "-q", "gone.txt")
			gitIn(t, repo, "add", "-A")
			writeTestFile(t, repo, "d0/partial.txt", "only in the work tree\n")

			run := func(everyPatch bool) []unitResult {
				return collectUnits(t, func(emit func(Unit) error) error {
					st, err := StartStaged(context.Background(), repo, Options{AddedTokenShapedOnly: true})
					if err != nil {
						return err
					}
					st.s.everyPatch = everyPatch
					return st.Emit(emit)
				})
			}
			got, want := run(false), run(true)
			if len(got) != len(want) {
				t.Fatalf("%d units, reading every patch %d", len(got), len(want))
			}
			skipped := 0
			for i := range got {
				g, w := got[i], want[i]
				if g.Lines != w.Lines && g.Content == "" && g.Lines == "none" {
					g.Lines, skipped = w.Lines, skipped+1 // a patch not read, of content not read
				}
				if g != w {
					t.Errorf("unit %d: %+v, reading every patch %+v", i, g, w)
				}
			}
			if skipped == 0 && at != n-1 {
				t.Errorf("no patch was skipped")
			}
		})
	}
}
