package detect

import "math"

// shannon is the Shannon entropy in bits per byte, computed the way gitleaks computes it for a
// rule's entropy threshold, so the prefilter never drops a value a rule would keep.
func shannon(s string) float64 {
	if s == "" {
		return 0
	}
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	e := 0.0
	n := float64(len(s))
	for _, c := range counts {
		if c == 0 {
			continue
		}
		p := float64(c) / n
		e -= p * math.Log2(p)
	}
	return e
}
