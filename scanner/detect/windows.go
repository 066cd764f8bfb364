package detect

import "bytes"

// hasPercentEscape reports whether gitleaks' percent decoding changes text: whether a line of
// it holds a percent-encoded segment that decodes. Percent-encoding is the one encoding the
// prefilter does not decode itself (the token stays visible; its context, cpanel%20user%3A,
// does not). gitleaks takes a line's segment from its first %XX escape to its last and drops
// it whole when one escape in it stands for a byte that is not printable ASCII: a printf
// "%08x" (a backspace) leaves the line as it is, and a file full of them needs no decoding.
func hasPercentEscape(b []byte) bool {
	// Only lines holding a '%' are looked at: windows are read many times over, and most
	// hold none.
	for {
		p := bytes.IndexByte(b, '%')
		if p < 0 {
			return false
		}
		start := bytes.LastIndexByte(b[:p], '\n') + 1
		end := len(b)
		if i := bytes.IndexByte(b[p:], '\n'); i >= 0 {
			end = p + i
		}
		if percentSegmentDecodes(b[start:end]) {
			return true
		}
		if end == len(b) {
			return false
		}
		b = b[end+1:]
	}
}

// percentSegmentDecodes reports whether gitleaks decodes line's percent segment to something:
// the line has a %XX escape, and every escape from its first to its last is printable ASCII.
func percentSegmentDecodes(line []byte) bool {
	first, last := -1, -1
	for i := bytes.IndexByte(line, '%'); i >= 0 && i+2 < len(line); {
		if isHex(line[i+1]) && isHex(line[i+2]) {
			if first < 0 {
				first = i
			}
			last = i + 3
		}
		next := bytes.IndexByte(line[i+1:], '%')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	if first < 0 {
		return false
	}
	seg := line[first:last]
	for i := 0; i+2 < len(seg); i++ {
		if seg[i] == '%' && isHex(seg[i+1]) && isHex(seg[i+2]) {
			if c := unhex(seg[i+1])<<4 | unhex(seg[i+2]); c <= 0x08 || c >= 0x7f {
				return false
			}
			i += 2
		}
	}
	return true
}

// candLine is a line holding candidates, and what they can become.
type candLine struct {
	line   int
	kinds  kind
	ranges [][2]int // byte ranges of the candidates on the line
}

// localWindows cuts the local step's fragments out of a wide window: localContext lines (and at
// least localBytes) around each candidate line of the core, merged where they touch.
func localWindows(lines *lineIndex, w window) []window {
	var out []window
	for _, c := range w.cands {
		first := max(min(c.line-localContext, lines.lineOf(max(lines.lineStart(c.line)-localBytes, 0))), 1)
		last := min(c.line+localContext, lines.count())
		if n := len(out); n > 0 && first <= out[n-1].coreLast+1 {
			o := &out[n-1]
			o.coreLast = max(o.coreLast, last)
			o.end = lines.lineEnd(o.coreLast)
			o.kinds |= c.kinds
			continue
		}
		out = append(out, window{start: lines.lineStart(first), end: lines.lineEnd(last), firstLine: first, coreFirst: first, coreLast: last, kinds: c.kinds})
	}
	return out
}

// window is a fragment handed to the rules engine: core lines, whose findings it reports, and
// d.context lines either side so that a rule sees a token's surroundings.
type window struct {
	start, end          int        // byte range of all its lines
	firstLine           int        // 1-based line number of start
	coreFirst, coreLast int        // 1-based, inclusive
	kinds               kind       // of all candidates within start..end
	cands               []candLine // the core's candidate lines, ascending
}

// windows covers every candidate's line with a window. Candidates close together share one;
// long runs of candidates (a lock file full of hashes) are cut into cores of at most
// 2*d.context lines, because the rules engine slows down sharply on large fragments.
func (d *Detector) windows(lines *lineIndex, cands []candidate) []window {
	type span struct {
		first, last int
		cands       []candLine
	}
	var spans []span
	for _, c := range cands {
		first := lines.lineOf(c.start)
		last := lines.lineOf(max(c.end-1, c.start))
		n := len(spans)
		if n == 0 || first > spans[n-1].last+1 {
			spans = append(spans, span{first: first, last: last})
			n++
		}
		sp := &spans[n-1]
		sp.last = max(sp.last, last)
		for l := first; l <= last; l++ {
			if k := len(sp.cands); k > 0 && sp.cands[k-1].line == l {
				sp.cands[k-1].kinds |= c.kind
				sp.cands[k-1].ranges = append(sp.cands[k-1].ranges, [2]int{c.start, c.end})
			} else {
				sp.cands = append(sp.cands, candLine{line: l, kinds: c.kind, ranges: [][2]int{{c.start, c.end}}})
			}
		}
	}
	coreMax := 2 * d.context
	var out []window
	for _, sp := range spans {
		for core := sp.first; core <= sp.last; core += coreMax {
			coreLast := min(core+coreMax-1, sp.last)
			first := max(core-d.context, 1)
			last := min(coreLast+d.context, lines.count())
			w := window{
				start: lines.lineStart(first), end: lines.lineEnd(last), firstLine: first,
				coreFirst: core, coreLast: coreLast,
			}
			for _, c := range sp.cands {
				if c.line >= first && c.line <= last {
					w.kinds |= c.kinds
				}
				if c.line >= core && c.line <= coreLast {
					w.cands = append(w.cands, c)
				}
			}
			out = append(out, w)
		}
	}
	return out
}

// Long lines (minified code, data blobs) are not handed to a rule whole: a single-line rule sees
// each candidate with lineBefore bytes before it and lineAfter after, which holds any key or
// header a rule looks for. Fragments are merged only while they stay under fragmentMax bytes:
// Go's regexp runs a fast backtracker on small inputs and a much slower NFA on large ones, so
// several small fragments beat one large one even where they overlap.
const (
	fragmentMax = 1024
	lineBefore  = 512
	lineAfter   = 64
)

// lineFragments returns the byte ranges of c's line that the single-line rules see.
func lineFragments(lines *lineIndex, c candLine) [][2]int {
	data := lines.data
	start, end := lines.lineStart(c.line), lines.lineEnd(c.line)
	if end-start <= fragmentMax {
		return [][2]int{{start, end}}
	}
	var out [][2]int
	for _, r := range c.ranges {
		from, to := max(start, r[0]-lineBefore), min(end, r[1]+lineAfter)
		// Never cut a word: a rule would see the end of a longer run as a token of its own.
		// Candidates are bounded by non-word bytes, so this stops at the candidate at worst.
		for from > start && class[data[from-1]]&clsWord != 0 {
			from++
		}
		for to < end && class[data[to]]&clsWord != 0 {
			to--
		}
		if n := len(out); n > 0 && from <= out[n-1][1] && to-out[n-1][0] <= fragmentMax {
			out[n-1][1] = max(out[n-1][1], to)
			continue
		}
		out = append(out, [2]int{from, to})
	}
	return out
}
