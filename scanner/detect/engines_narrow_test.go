package detect

import (
	"bytes"
	"testing"
)

// narrowWide keeps every line's number and every kept line's bytes: gitleaks counts lines and
// columns from the newlines, so findings on kept lines come out where they were.
func TestNarrowWideKeepsLineStructure(t *testing.T) {
	data := []byte("a\r\nprimary TOKEN\nfar away\ncpanel host\r\nlast line without newline")
	lines := newLineIndex(data)
	d := &Detector{local: []ruleEngine{{requires: []*keywordFinder{newKeywordFinder(toBytes([]string{"cpanel"}))}}}}
	x := &requiredIndex{d: d, data: data}
	w := window{start: 0, end: len(data), firstLine: 1}
	got := x.narrowWide(0, lines, w, data, map[int]bool{2: true})
	want := []byte("\nprimary TOKEN\n\ncpanel host\r\n")
	if !bytes.Equal(got, want) {
		t.Fatalf("narrowWide = %q, want %q", got, want)
	}
	// A window that starts inside the file: line numbers count from its first line.
	w = window{start: lines.lineStart(2), end: lines.lineEnd(4), firstLine: 2}
	got = x.narrowWide(0, lines, w, data[w.start:w.end], map[int]bool{3: true})
	if want := []byte("\nfar away\ncpanel host\r\n"); !bytes.Equal(got, want) {
		t.Fatalf("narrowWide of lines 2-4 = %q, want %q", got, want)
	}
}
