package source

import (
	"bytes"
	"strings"
	"testing"
)

// position is the 1-based line and byte column of offset off in data.
func position(data []byte, off int) (int, int) {
	before := data[:off]
	return bytes.Count(before, []byte{'\n'}) + 1, off - (bytes.LastIndexByte(before, '\n') + 1) + 1
}

func TestBinaryText(t *testing.T) {
	token := strings.Repeat("Q8ZK2M4T", 4)
	data := []byte("\x00\x01header\x7f\nrow\x00cpanel shop:" + token + "\x00\r\n\ttail\xff")
	text, ok := BinaryText(data)
	if !ok {
		t.Fatal("a binary with a token-shaped run: ok false")
	}
	if want := "\n\nheader\n\nrow\ncpanel shop:" + token + "\n\n\n\ttail\xff"; string(text) != want {
		t.Errorf("text %q, want %q", text, want)
	}
	off := bytes.Index(data, []byte(token))
	tl, tc := position(text, off)
	if l, c := BinaryPositions(data, text)(tl, tc); l != 2 || c != 17 {
		t.Errorf("the token at text %d:%d maps to %d:%d, want 2:17 (after the file's one line feed)", tl, tc, l, c)
	}
	if _, ok := BinaryText([]byte("\x00\x01" + strings.Repeat("AB\x00", 100))); ok {
		t.Error("no run of SpanRun token characters: want ok false, nothing to scan")
	}
}

// FuzzBinaryPosition: every byte of BinaryText's text maps back to the same byte of the data.
func FuzzBinaryPosition(f *testing.F) {
	f.Add([]byte("\x00abc\nQ8ZK2M4TQ8ZK2M4TQ8ZK2M4TQ8ZK2M4T\x01\r\n"), 7)
	f.Add([]byte("SQLite format 3\x00\n\n\x00"+strings.Repeat("A", 30)), 20)
	f.Fuzz(func(t *testing.T, data []byte, off int) {
		text, ok := BinaryText(data)
		if !ok {
			return
		}
		if len(text) != len(data) || off < 0 || off >= len(data) {
			if len(text) != len(data) {
				t.Fatalf("text is %d bytes, data %d", len(text), len(data))
			}
			return
		}
		tl, tc := position(text, off)
		wl, wc := position(data, off)
		if l, c := BinaryPositions(data, text)(tl, tc); l != wl || c != wc {
			t.Fatalf("offset %d: text %d:%d maps to %d:%d, want %d:%d", off, tl, tc, l, c, wl, wc)
		}
	})
}
