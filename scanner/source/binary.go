package source

import "bytes"

// BinaryText returns binary content as text the detector can read, and ok false when there is
// nothing in it to read: no run of SpanRun token characters, which everything reported holds.
// A token pasted into a binary file (a SQLite database, a pickled config, an archive stored
// uncompressed) sits in a run of printable bytes, as strings(1) would show it. Every control
// byte except tab becomes a line feed, so each printable run is a line of its own and the
// detector's windows stay small however large the file; the text is exactly as long as data,
// so a position in it is a position in data (BinaryPosition maps it back to data's own lines).
func BinaryText(data []byte) (text []byte, ok bool) {
	if !hasSpanRun(data) {
		return nil, false
	}
	text = make([]byte, len(data))
	for i, c := range data {
		if c < 0x20 && c != '\t' || c == 0x7f {
			c = '\n'
		}
		text[i] = c
	}
	return text, true
}

// BinaryPosition maps a 1-based line and byte column in BinaryText(data) to the same byte's
// line and column in data, where only data's own line feeds end lines.
func BinaryPosition(data, text []byte, line, col int) (int, int) {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(text[off:], '\n')
		if i < 0 {
			return line, col // not a position in text; leave it as it is
		}
		off += i + 1
	}
	off = min(off+max(col, 1)-1, len(data))
	before := data[:off]
	start := bytes.LastIndexByte(before, '\n') + 1
	return bytes.Count(before, []byte{'\n'}) + 1, off - start + 1
}
