package detect

import "math"

// clog2[c] is c*log2(c), for the counts a short value can have.
var clog2 = func() (t [256]float64) {
	for c := 1; c < len(t); c++ {
		t[c] = float64(c) * math.Log2(float64(c))
	}
	return t
}()

// shannon is the Shannon entropy in bits per byte, the measure gitleaks applies to a rule's
// entropy threshold, so the prefilter never drops a value a rule would keep. It is computed as
// log2(n) - sum(c*log2(c))/n over the byte counts c, the same sum gitleaks takes as
// -sum(p*log2(p)) with p = c/n; the two differ only in float rounding, far below the margin
// the caller leaves.
func shannon(s []byte) float64 {
	n := len(s)
	if n == 0 {
		return 0
	}
	if n >= len(clog2) {
		return shannonLong(s)
	}
	var counts [256]uint8
	for _, c := range s {
		counts[c]++
	}
	sum := 0.0
	for _, c := range s {
		if k := counts[c]; k != 0 {
			sum += clog2[k]
			counts[c] = 0 // count each distinct byte once
		}
	}
	return math.Log2(float64(n)) - sum/float64(n)
}

func shannonLong(s []byte) float64 {
	var counts [256]int
	for _, c := range s {
		counts[c]++
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
