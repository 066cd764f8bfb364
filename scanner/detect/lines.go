package detect

import (
	"bytes"
	"sort"
)

// lineIndex maps byte offsets to 1-based line numbers. It is built only for files that have
// candidates, so the common case never counts lines.
type lineIndex struct {
	data   []byte
	starts []int // byte offset of each line's first byte
}

func newLineIndex(data []byte) *lineIndex {
	starts := make([]int, 1, bytes.Count(data, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		if i < len(data) {
			starts = append(starts, i)
		}
	}
	return &lineIndex{data: data, starts: starts}
}

func (l *lineIndex) count() int { return len(l.starts) }

// lineOf returns the 1-based line holding byte offset off.
func (l *lineIndex) lineOf(off int) int {
	return sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off })
}

func (l *lineIndex) lineStart(line int) int { return l.starts[line-1] }

// lineEnd returns the offset just past line's newline (or the end of data).
func (l *lineIndex) lineEnd(line int) int {
	if line < len(l.starts) {
		return l.starts[line]
	}
	return len(l.data)
}

// column returns the 1-based byte column of off within its line.
func (l *lineIndex) column(off int) int {
	return off - l.starts[l.lineOf(off)-1] + 1
}
