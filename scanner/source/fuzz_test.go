package source

import (
	"fmt"
	"strings"
	"testing"
)

func FuzzParseHunkHeader(f *testing.F) {
	for _, s := range []string{"@@ -1 +1 @@", "@@ -0,0 +1,3 @@ ctx", "@@ -5,2 +4,0 @@", "@@ -1,2 +3,4 @@@", "@@ -9999999999 +1 @@"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		h, err := parseHunkHeader([]byte(line))
		if err != nil {
			return
		}
		if h.newCount > 0 && h.newStart < 1 || h.oldCount > 0 && h.oldStart < 1 {
			t.Fatalf("%q: accepted a range starting at 0: %+v", line, h)
		}
		if h.newCount < 0 || h.oldCount < 0 || h.newStart+h.newCount < h.newStart {
			t.Fatalf("%q: overflowing or negative range %+v", line, h)
		}
		// What was accepted must survive a round trip through git's canonical form.
		again, err := parseHunkHeader(fmt.Appendf(nil, "@@ -%d,%d +%d,%d @@", h.oldStart, h.oldCount, h.newStart, h.newCount))
		if err != nil || again != h {
			t.Fatalf("%q: round trip gave %+v, %v; want %+v", line, again, err, h)
		}
	})
}

// FuzzParseStagedDiff feeds arbitrary bytes where git's raw+patch output is expected: the
// parser must return an error or well-formed changes, never panic or produce a bad LineSet.
func FuzzParseStagedDiff(f *testing.F) {
	modified := ":100644 100644 " + oidA + " " + oidB + " M"
	f.Add(diffOutput([]string{modified, "m.txt"}, "diff --git a/m.txt b/m.txt\nindex "+oidA+".."+oidB+"\n@@ -2 +2 @@\n-b\n+B\n@@ -5,0 +6,2 @@\n+f\n+g\n\\ No newline at end of file\n"))
	f.Add(diffOutput([]string{":100644 100644 " + oidA + " " + oidA + " R100", "a", "b"}, "diff --git a/a b/b\nsimilarity index 100%\n"))
	f.Add(diffOutput([]string{":100644 000000 " + oidA + " " + oid0 + " U", "c"}, "* Unmerged path c\n"))
	f.Add(diffOutput([]string{":120000 100644 " + oidA + " " + oidB + " T", "l"},
		"diff --git a/l b/l\nindex "+oidA+".."+oid0+"\n@@ -1 +0,0 @@\n-x\ndiff --git a/l b/l\nindex "+oid0+".."+oidB+"\n@@ -0,0 +1 @@\n+a\n"))
	f.Add(diffOutput([]string{":000000 100644 " + oid0 + " " + oidC + " A", "bin"}, "diff --git a/bin b/bin\nindex "+oid0+".."+oidC+"\nBinary files /dev/null and b/bin differ\n"))
	f.Fuzz(func(t *testing.T, input string) {
		_ = parseStagedDiff(strings.NewReader(input), func(c stagedChange) error {
			if c.path == "" || !isObjectID(c.newOID) {
				t.Fatalf("change without path or object id: %+v", c)
			}
			if c.lines == nil {
				return nil
			}
			prev := 0
			for _, r := range c.lines.ranges {
				if r.First < 1 || r.Last < r.First || r.First <= prev+1 && prev != 0 {
					t.Fatalf("bad line set %v", c.lines.ranges)
				}
				prev = r.Last
			}
			return nil
		})
	})
}
