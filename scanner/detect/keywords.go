package detect

import (
	_ "embed"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// keywordFinder finds the rules' keywords in text, ignoring ASCII case, without folding the
// text first. Each keyword is anchored on three adjacent bytes of it, chosen so that triples
// rare in code cover all keywords (uapi on "uap", not on "api", which code is full of; 2082,
// 2083, 2086 and 2087 share 208); the triples are sorted
// into at most eight buckets, and the buckets a position's triple may be in follow from two
// table lookups per byte, by its low and its high nibble (the "Teddy" technique). On amd64 with
// AVX2 the lookups run 32 positions at a time; only a position whose triple falls into a bucket
// is compared in full. Searching for "cpanel" from its 'c', or even its 'p', would stop every
// few bytes of code.
type keywordFinder struct {
	buckets [8][]anchoredWord
	// tab holds, for each of the three anchor bytes, the buckets by low nibble and by high
	// nibble, each 16 bytes repeated for both 128-bit lanes.
	tab [2 * gram][32]byte
	// sets[i][c] is the buckets whose triple has byte c at place i (derived from tab).
	sets [gram][256]uint8
	// short are keywords shorter than an anchor; they are compared at every position.
	short [][]byte
}

// gram is the length of a keyword's anchor.
const gram = 3

type anchoredWord struct {
	word []byte // lower case
	at   int    // offset of the anchor in word
}

//go:embed trigrams.txt
var trigramTable string

// trigramFrequency estimates how often the triple a occurs in code, per million triples, from
// the table of the most common ones (trigrams.txt, counted by scanner/internal/trigrams: after
// two comment lines, records "abc\t000123\n" sorted by triple); a triple too rare to be listed
// counts as half the rarest listed. The table is searched in place, not loaded: a pre-commit
// hook builds a keyword finder on every run.
func trigramFrequency(a string) int {
	a = strings.ToLower(a)
	const width = gram + 8 // triple, tab, six digits, newline
	table := trigramTable
	for range 2 {
		table = table[strings.IndexByte(table, '\n')+1:]
	}
	n := len(table) / width
	i := sort.Search(n, func(i int) bool { return table[i*width:i*width+gram] >= a })
	if i == n || table[i*width:i*width+gram] != a {
		return 20
	}
	f, err := strconv.Atoi(table[i*width+gram+1 : i*width+width-1])
	if err != nil {
		return 20
	}
	return f
}

// commonBytes ranks bytes from most to least frequent in code; bytes not listed count as rarest.
const commonBytes = " etaoinsrlcdhu\n.pm(f)=,g;\"_b'yw:/-v{}01k2>x3<45[]6$9q7j8z#&|*+!@%?^~"

// rarity scores an anchor: the higher, the rarer in code.
func rarity(a string) int {
	r := 0
	for i := 0; i < len(a); i++ {
		if j := strings.IndexByte(commonBytes, a[i]); j >= 0 {
			r += j
		} else {
			r += len(commonBytes)
		}
	}
	return r
}

func newKeywordFinder(keywords [][]byte) *keywordFinder {
	f := &keywordFinder{}
	var long [][]byte
	for _, k := range keywords {
		k = []byte(strings.ToLower(string(k)))
		if len(k) < gram {
			f.short = append(f.short, k)
		} else {
			long = append(long, k)
		}
	}
	anchors := anchorsFor(long, len(f.buckets))
	for i, a := range anchors {
		b := i % len(f.buckets) // only when even the widest cover needs more anchors
		for _, k := range long {
			if at := strings.Index(string(k), a); at >= 0 && !covered(f.buckets[:], k) {
				f.buckets[b] = append(f.buckets[b], anchoredWord{word: k, at: at})
			}
		}
	}
	for i, a := range anchors {
		bit := byte(1) << (i % len(f.buckets))
		for pos := 0; pos < gram; pos++ {
			for _, c := range caseVariants(a[pos]) {
				f.tab[2*pos][c&15] |= bit
				f.tab[2*pos+1][c>>4] |= bit
			}
		}
	}
	for t := range f.tab {
		copy(f.tab[t][16:], f.tab[t][:16])
	}
	for pos := range f.sets {
		for c := 0; c < 256; c++ {
			f.sets[pos][c] = f.tab[2*pos][c&15] & f.tab[2*pos+1][c>>4]
		}
	}
	return f
}

// chooseAnchors picks anchor triples covering every keyword (each at least gram long): greedily,
// the triple with the fewest expected hits in code per keyword it covers, until all have one.
// Every position holding an anchor is compared in full, so a common triple ("api", "acc")
// costs a stop every few hundred bytes. Anchors in one bucket match each other's nibble
// combinations ("ss_" and "nel" together match "sel"), so the cover must fit the buckets:
// when it does not, covering more keywords per anchor weighs more, until it does.
func chooseAnchors(keywords [][]byte, buckets int) []string {
	// Each distinct triple, with the set of keywords holding it, is worked out once; a greedy
	// round then only counts bits. (Searching every keyword for every triple in every round
	// took a millisecond of each pre-commit hook's start.)
	type triple struct {
		a      string
		freq   float64
		rarity int
		in     []uint64 // bit j: keywords[j] holds a
	}
	words := (len(keywords) + 63) / 64
	seen := map[string]bool{}
	var triples []triple
	for _, k := range keywords {
		for i := 0; i+gram <= len(k); i++ {
			a := string(k[i : i+gram])
			if seen[a] {
				continue
			}
			seen[a] = true
			t := triple{a: a, freq: float64(trigramFrequency(a)), rarity: rarity(a), in: make([]uint64, words)}
			for j, o := range keywords {
				if strings.Contains(string(o), a) {
					t.in[j/64] |= 1 << (j % 64)
				}
			}
			triples = append(triples, t)
		}
	}
	var anchors []string
	for weight := 1.0; weight <= 8; weight++ {
		anchors = anchors[:0]
		uncovered := make([]uint64, words)
		for j := range keywords {
			uncovered[j/64] |= 1 << (j % 64)
		}
		for slices.ContainsFunc(uncovered, func(w uint64) bool { return w != 0 }) {
			best, bestCost := -1, 0.0
			for ti := range triples {
				t := &triples[ti]
				n := 0
				for w := range uncovered {
					n += bits.OnesCount64(t.in[w] & uncovered[w])
				}
				if n == 0 {
					continue
				}
				c := t.freq / math.Pow(float64(n), weight)
				if best < 0 || c < bestCost || c == bestCost && (t.rarity > triples[best].rarity || t.rarity == triples[best].rarity && t.a < triples[best].a) {
					best, bestCost = ti, c
				}
			}
			anchors = append(anchors, triples[best].a)
			for w := range uncovered {
				uncovered[w] &^= triples[best].in[w]
			}
		}
		if len(anchors) <= buckets {
			break
		}
	}
	return anchors
}

// covered reports whether word already sits in a bucket.
func covered(buckets [][]anchoredWord, word []byte) bool {
	for _, b := range buckets {
		for _, w := range b {
			if string(w.word) == string(word) {
				return true
			}
		}
	}
	return false
}

func caseVariants(c byte) []byte {
	switch {
	case c >= 'a' && c <= 'z':
		return []byte{c, c - 'a' + 'A'}
	case c >= 'A' && c <= 'Z':
		return []byte{c, c - 'A' + 'a'}
	}
	return []byte{c}
}

// words returns the keywords, lower case.
func (f *keywordFinder) words() [][]byte {
	out := slices.Clone(f.short)
	for _, b := range f.buckets {
		for _, w := range b {
			out = append(out, w.word)
		}
	}
	return out
}

// occurrences are the [start, end) byte ranges of keyword matches in a text, by start.
type occurrences [][2]int

// findAll returns every occurrence of a keyword in text, ignoring ASCII case.
func (f *keywordFinder) findAll(text []byte) occurrences {
	var out occurrences
	f.each(text, func(start, end int) bool {
		out = append(out, [2]int{start, end})
		return true
	})
	sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	return out
}

// contains reports whether text holds a keyword, ignoring ASCII case.
func (f *keywordFinder) contains(text []byte) bool {
	found := false
	f.each(text, func(int, int) bool {
		found = true
		return false
	})
	return found
}

// each calls fn with each occurrence of a keyword, roughly by position, until fn returns false.
func (f *keywordFinder) each(text []byte, fn func(start, end int) bool) {
	i := 0
	if useTeddy && len(f.short) == 0 {
		for i+teddyReach <= len(text) {
			off, mask := teddyScan(&text[i], len(text)-i, &f.tab)
			i += off
			if mask == 0 {
				break
			}
			for ; mask != 0; mask &= mask - 1 {
				if !f.verify(text, i+bits.TrailingZeros32(mask), fn) {
					return
				}
			}
			i += 32
		}
	}
	for ; i < len(text); i++ {
		if i+gram <= len(text) && f.sets[0][text[i]]&f.sets[1][text[i+1]]&f.sets[2][text[i+2]] != 0 {
			if !f.verify(text, i, fn) {
				return
			}
		}
		for _, w := range f.short {
			if i+len(w) <= len(text) && equalFold(text[i:i+len(w)], w) && !fn(i, i+len(w)) {
				return
			}
		}
	}
}

// verify calls fn with the keywords whose anchor is at pos and which match there in full, and
// returns false as soon as fn does.
func (f *keywordFinder) verify(text []byte, pos int, fn func(start, end int) bool) bool {
	for m := f.sets[0][text[pos]] & f.sets[1][text[pos+1]] & f.sets[2][text[pos+2]]; m != 0; m &= m - 1 {
		for _, w := range f.buckets[bits.TrailingZeros8(m)] {
			start := pos - w.at
			if start < 0 || start+len(w.word) > len(text) {
				continue
			}
			if equalFold(text[start:start+len(w.word)], w.word) && !fn(start, start+len(w.word)) {
				return false
			}
		}
	}
	return true
}

// equalFold reports whether b equals the lower-case word, ignoring ASCII case.
func equalFold(b, word []byte) bool {
	for i, c := range b {
		if !foldEq(c, word[i]) {
			return false
		}
	}
	return true
}

func foldEq(c, lower byte) bool {
	if c >= 'A' && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c == lower
}

// within reports whether a whole occurrence lies in [start, end).
func (o occurrences) within(start, end int) bool {
	i := sort.Search(len(o), func(i int) bool { return o[i][0] >= start })
	for ; i < len(o) && o[i][0] < end; i++ {
		if o[i][1] <= end {
			return true
		}
	}
	return false
}

// minimalKeywords drops keywords that contain another keyword: for "is any keyword present",
// whm_hash adds nothing to whm.
func minimalKeywords(set map[string]struct{}) [][]byte {
	var out [][]byte
	for k := range set {
		redundant := false
		for other := range set {
			if other != k && strings.Contains(k, other) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, []byte(k))
		}
	}
	sort.Slice(out, func(i, j int) bool { return string(out[i]) < string(out[j]) })
	return out
}
