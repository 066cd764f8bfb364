package detect

import "math"

// shannon is the Shannon entropy in bits per byte, computed the way gitleaks computes it for a
// rule's entropy threshold, so the prefilter never drops a value a rule would keep.
func shannon(s []byte) float64 {
	if len(s) == 0 {
		return 0
	}
	var counts [256]uint32
	var seen [64]byte // distinct bytes, in first-seen order; candidates have at most 32
	distinct := 0
	for _, c := range s {
		if counts[c] == 0 && distinct < len(seen) {
			seen[distinct] = c
			distinct++
		}
		counts[c]++
	}
	if distinct == len(seen) { // long input: fall back to the full table
		return shannonFull(&counts, len(s))
	}
	e := 0.0
	n := float64(len(s))
	for _, c := range seen[:distinct] {
		p := float64(counts[c]) / n
		e -= p * math.Log2(p)
	}
	return e
}

func shannonFull(counts *[256]uint32, length int) float64 {
	e := 0.0
	n := float64(length)
	for _, c := range counts {
		if c == 0 {
			continue
		}
		p := float64(c) / n
		e -= p * math.Log2(p)
	}
	return e
}
