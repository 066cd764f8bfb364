package detect

import (
	"math"
	"math/bits"
	"unicode/utf8"
)

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

// distinctAbove returns the smallest number of distinct bytes that puts the entropy of any n
// bytes above threshold (with a margin for rounding), or n+1 when none does. With d distinct
// bytes the entropy is lowest when one byte takes all repeats (n-d+1 of it, the others once):
// that distribution majorises every other.
func distinctAbove(n int, threshold float64) int {
	for d := 1; d <= n; d++ {
		top := float64(n - d + 1)
		h := math.Log2(float64(n)) - top*math.Log2(top)/float64(n)
		if h > threshold+1e-6 {
			return d
		}
	}
	return n + 1
}

// distinctASCII counts the different bytes in s, or returns -1 when one is not ASCII. The sets
// live in two registers, filled without branches: a branch on digit or letter mispredicts on
// every other byte of a token.
func distinctASCII(s []byte) int {
	var lo, hi uint64
	for _, c := range s {
		if c >= utf8.RuneSelf {
			return -1
		}
		bit := uint64(1) << (c & 63)
		high := -uint64(c >> 6) // all ones for 64..127
		lo |= bit &^ high
		hi |= bit & high
	}
	return bits.OnesCount64(lo) + bits.OnesCount64(hi)
}
