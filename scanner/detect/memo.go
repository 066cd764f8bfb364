package detect

import (
	"sync"

	glReport "github.com/zricethezav/gitleaks/v8/report"
)

// memo remembers what the rules found in a piece of text, keyed by the exact text. In history
// scans most blobs are earlier or later versions of the same files, so the same lines and the
// same windows come back thousands of times; the rules engine is by far the dearest step, and
// its answer depends only on the text (and whether decoding was on), not on where it sits.
// Findings are stored with line numbers relative to the text's first line. The key is the text
// itself, not a hash of it, so a collision can never change a result.
type memo struct {
	mu       sync.RWMutex
	m        map[string][]glReport.Finding
	maxBytes int
	bytes    int
}

func newMemo(maxBytes int) *memo {
	return &memo{m: map[string][]glReport.Finding{}, maxBytes: maxBytes}
}

func (c *memo) get(key string) ([]glReport.Finding, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	fs, ok := c.m[key]
	return fs, ok
}

// put stores a result; when the memo is full it starts over, which keeps memory bounded
// without bookkeeping per entry.
func (c *memo) put(key string, fs []glReport.Finding) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bytes+len(key) > c.maxBytes {
		c.m = map[string][]glReport.Finding{}
		c.bytes = 0
	}
	if _, ok := c.m[key]; !ok {
		c.m[key] = fs
		c.bytes += len(key) + 64
	}
}

// cached runs detect on text starting at firstLine, or answers from the memo.
func (c *memo) cached(key string, firstLine int, detect func() []glReport.Finding) []glReport.Finding {
	if fs, ok := c.get(key); ok {
		return shiftLines(fs, firstLine)
	}
	fs := detect()
	c.put(key, shiftLines(fs, -firstLine))
	return fs
}

func shiftLines(fs []glReport.Finding, by int) []glReport.Finding {
	if len(fs) == 0 {
		return nil
	}
	out := make([]glReport.Finding, len(fs))
	for i, f := range fs {
		f.StartLine += by
		f.EndLine += by
		out[i] = f
	}
	return out
}
