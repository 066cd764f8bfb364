package source

import "sort"

// BinaryText returns binary content as text the detector can read, and ok false when there is
// nothing in it to read: no run of SpanRun token characters, which everything reported holds.
// A token pasted into a binary file (a SQLite database, a pickled config, an archive stored
// uncompressed) sits in a run of printable bytes, as strings(1) would show it. Every control
// byte except tab becomes a line feed, so each printable run is a line of its own and the
// detector's windows stay small however large the file; the text is exactly as long as data,
// so a position in it is a position in data (BinaryPositions maps it back to data's own lines).
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

// BinaryPositions returns the map from a 1-based line and byte column in text, which is
// BinaryText(data), to the same byte's line and column in data, where only data's own line
// feeds end lines. The line starts are found once, on the first call, so mapping each of many
// findings in a large blob costs a binary search, not a pass over the blob.
func BinaryPositions(data, text []byte) func(line, col int) (int, int) {
	var textStarts, dataStarts []int
	return func(line, col int) (int, int) {
		if textStarts == nil {
			textStarts, dataStarts = lineStarts(text), lineStarts(data)
		}
		if line < 1 || line > len(textStarts) {
			return line, col // not a position in text; leave it as it is
		}
		off := min(textStarts[line-1]+max(col, 1)-1, len(data))
		n := sort.SearchInts(dataStarts, off+1) // data's lines that start at or before off
		return n, off - dataStarts[n-1] + 1
	}
}

// lineStarts returns the offsets where b's lines start: 0, and each byte after a line feed.
func lineStarts(b []byte) []int {
	starts := []int{0}
	for i, c := range b {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}
