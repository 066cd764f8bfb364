package detect

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// naiveKeywords is the reference: every keyword at every position, ignoring ASCII case.
func naiveKeywords(words [][]byte, text []byte) occurrences {
	var out occurrences
	for i := range text {
		for _, w := range words {
			if i+len(w) <= len(text) && bytes.Equal(asciiLower(text[i:i+len(w)]), w) {
				out = append(out, [2]int{i, i + len(w)})
			}
		}
	}
	return out
}

func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

func sortedOcc(o occurrences) string {
	o = slices.Clone(o)
	slices.SortFunc(o, func(a, b [2]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return a[1] - b[1]
	})
	return fmt.Sprint(o)
}

// keywordSets are the embedded rules' keywords, a set with more anchors than buckets (so that
// buckets are shared), and one with a keyword too short for an anchor.
var keywordSets = [][]string{
	{"2082", "2083", "2086", "2087", "access_hash", "accesshash", "api_token_", "cpanel", "create_full_access", "remote_access_key", "remoteaccesskey", "uapi", "whm"},
	{"abc", "bcd", "cde", "def", "efg", "fgh", "ghi", "hij", "ijk", "jkl", "xyz", "zz9"},
	{"whm", "ab", "q"},
}

func TestKeywordFinderMatchesNaiveSearch(t *testing.T) {
	for _, teddy := range []bool{true, false} {
		if teddy && !useTeddy {
			continue // no AVX2 here: the portable path is the one in use
		}
		saved := useTeddy
		useTeddy = teddy
		for si, set := range keywordSets {
			var words [][]byte
			alphabet := " \n_"
			for _, w := range set {
				words = append(words, []byte(w))
				alphabet += w + string(asciiUpper([]byte(w)))
			}
			f := newKeywordFinder(words)
			r := rand.New(rand.NewPCG(9, uint64(si)))
			for n := 0; n < 400; n++ {
				b := make([]byte, r.IntN(300))
				for i := range b {
					b[i] = alphabet[r.IntN(len(alphabet))]
				}
				if got, want := sortedOcc(f.findAll(b)), sortedOcc(naiveKeywords(words, b)); got != want {
					t.Fatalf("teddy=%v set %d: findAll(%q) = %v, want %v", teddy, si, b, got, want)
				}
			}
		}
		useTeddy = saved
	}
}

func asciiUpper(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// TestKeywordFinderSortsByStart: within() relies on the order.
func TestKeywordFinderSortsByStart(t *testing.T) {
	f := newKeywordFinder([][]byte{[]byte("remoteaccesskey"), []byte("whm")})
	got := f.findAll([]byte("xx whm RemoteAccessKey whm"))
	want := occurrences{{3, 6}, {7, 22}, {23, 26}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("findAll = %v, want %v", got, want)
	}
	for _, c := range []struct {
		start, end int
		want       bool
	}{{7, 22, true}, {8, 22, false}, {7, 21, false}, {8, 26, true}, {0, 5, false}, {0, 6, true}} {
		if got.within(c.start, c.end) != c.want {
			t.Errorf("within(%d, %d) = %v", c.start, c.end, !c.want)
		}
	}
}

func FuzzKeywordFinder(f *testing.F) {
	words := [][]byte{}
	for _, w := range keywordSets[0] {
		words = append(words, []byte(w))
	}
	kf := newKeywordFinder(words)
	f.Add([]byte("Authorization: cpanel bob:X https://h:2083/execute"))
	f.Add(bytes.Repeat([]byte("WHMaccess_HASH2087"), 9))
	f.Fuzz(func(t *testing.T, text []byte) {
		if got, want := sortedOcc(kf.findAll(text)), sortedOcc(naiveKeywords(words, text)); got != want {
			t.Fatalf("findAll(%q) = %v, want %v", text, got, want)
		}
	})
}

// TestTrigramTable checks the table's shape (trigramFrequency searches it in place) and that it
// says what everyone knows about code.
func TestTrigramTable(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(trigramTable, "\n"), "\n")
	if len(lines) < 1000 || !strings.HasPrefix(lines[0], "#") || !strings.HasPrefix(lines[1], "#") {
		t.Fatalf("table: %d lines, header %q", len(lines), lines[:2])
	}
	prev := ""
	for _, l := range lines[2:] {
		if len(l) != gram+7 || l[gram] != '\t' || l[:gram] <= prev {
			t.Fatalf("record %q after %q: want sorted, fixed-width \"abc\\t000123\"", l, prev)
		}
		prev = l[:gram]
		if got, _ := strconv.Atoi(l[gram+1:]); trigramFrequency(prev) != got {
			t.Fatalf("trigramFrequency(%q) = %d, table says %d", prev, trigramFrequency(prev), got)
		}
	}
	if trigramFrequency("the") <= trigramFrequency("api") || trigramFrequency("API") != trigramFrequency("api") ||
		trigramFrequency("api") <= trigramFrequency("uap") || trigramFrequency("q#~") != 20 {
		t.Errorf("the %d, api %d, API %d, uap %d, q#~ %d", trigramFrequency("the"), trigramFrequency("api"),
			trigramFrequency("API"), trigramFrequency("uap"), trigramFrequency("q#~"))
	}
}

// TestAnchorsAreRareAndFitTheBuckets pins the anchor choice for the embedded rules' keywords:
// one bucket each (shared buckets match each other's nibble combinations), none of the common
// triples the old choice stopped at every few hundred bytes of code.
func TestAnchorsAreRareAndFitTheBuckets(t *testing.T) {
	var words [][]byte
	for _, w := range keywordSets[0] {
		words = append(words, []byte(w))
	}
	anchors := chooseAnchors(words, 8)
	if len(anchors) > 8 {
		t.Fatalf("%d anchors for 8 buckets: %q", len(anchors), anchors)
	}
	total := 0
	for _, a := range anchors {
		total += trigramFrequency(a)
	}
	// "api" alone occurs 298 times per million triples, "acc" 130.
	if total > 300 || slices.Contains(anchors, "api") || slices.Contains(anchors, "acc") {
		t.Errorf("anchors %q: %d expected stops per million bytes of code", anchors, total)
	}
	t.Logf("anchors %q: %d expected stops per million bytes of code", anchors, total)
	for _, w := range keywordSets[0] {
		if !slices.ContainsFunc(anchors, func(a string) bool { return strings.Contains(w, a) }) {
			t.Errorf("keyword %q has no anchor in %q", w, anchors)
		}
	}
}

// TestKeywordFinderSparseText: long text with a few keywords at any offset, so that the vector
// loop runs over blocks without hits, and hits fall in either block of a two-block step and at
// either end.
func TestKeywordFinderSparseText(t *testing.T) {
	words := [][]byte{[]byte("cpanel"), []byte("whm"), []byte("uapi"), []byte("2083"), []byte("api_token_")}
	f := newKeywordFinder(words)
	r := rand.New(rand.NewPCG(41, 42))
	for n := 0; n < 3000; n++ {
		b := make([]byte, 1+r.IntN(2000))
		for i := range b {
			b[i] = "qz xy\n."[r.IntN(7)]
		}
		for k := r.IntN(4); k > 0; k-- {
			w := words[r.IntN(len(words))]
			if len(w) <= len(b) {
				copy(b[r.IntN(len(b)-len(w)+1):], asciiUpper(w))
			}
		}
		if got, want := sortedOcc(f.findAll(b)), sortedOcc(naiveKeywords(words, b)); got != want {
			t.Fatalf("findAll(len %d) = %v, want %v", len(b), got, want)
		}
	}
}

// chooseAnchorsReference is the first, plain form of chooseAnchors: every keyword searched for
// every triple in every round.
func chooseAnchorsReference(keywords [][]byte, buckets int) []string {
	var anchors []string
	freq := map[string]float64{}
	for _, k := range keywords {
		for i := 0; i+gram <= len(k); i++ {
			freq[string(k[i:i+gram])] = float64(trigramFrequency(string(k[i : i+gram])))
		}
	}
	for weight := 1.0; weight <= 8; weight++ {
		anchors = anchors[:0]
		for uncovered := keywords; len(uncovered) > 0; {
			best, bestCost := "", 0.0
			for _, k := range uncovered {
				for i := 0; i+gram <= len(k); i++ {
					a := string(k[i : i+gram])
					n := 0
					for _, o := range uncovered {
						if strings.Contains(string(o), a) {
							n++
						}
					}
					c := freq[a] / math.Pow(float64(n), weight)
					if best == "" || c < bestCost || c == bestCost && (rarity(a) > rarity(best) || rarity(a) == rarity(best) && a < best) {
						best, bestCost = a, c
					}
				}
			}
			anchors = append(anchors, best)
			var rest [][]byte
			for _, k := range uncovered {
				if !strings.Contains(string(k), best) {
					rest = append(rest, k)
				}
			}
			uncovered = rest
		}
		if len(anchors) <= buckets {
			break
		}
	}
	return anchors
}

// TestChooseAnchorsMatchesReference: the bit-set form picks the same anchors, in the same order,
// as the plain one, for the rules' keyword sets and for random ones (130 keywords,
// duplicates, shared triples; room for all anchors and not).
func TestChooseAnchorsMatchesReference(t *testing.T) {
	var sets [][][]byte
	for _, set := range keywordSets {
		var words [][]byte
		for _, w := range set {
			if len(w) >= gram { // as newKeywordFinder passes them
				words = append(words, []byte(strings.ToLower(w)))
			}
		}
		sets = append(sets, words)
	}
	rng := rand.New(rand.NewPCG(3, 7))
	const letters = "abcdeknoprstuw_0123"
	for range 60 {
		var words [][]byte
		for range 1 + rng.IntN(40) {
			w := make([]byte, 3+rng.IntN(8))
			for i := range w {
				w[i] = letters[rng.IntN(len(letters))]
			}
			words = append(words, w)
			if rng.IntN(10) == 0 {
				words = append(words, w) // a duplicate
			}
		}
		sets = append(sets, words)
	}
	var many [][]byte // 130 keywords: bit sets of three words
	for i := range 130 {
		many = append(many, fmt.Appendf(nil, "k%03dx", i*7))
	}
	sets = append(sets, many)
	for i, words := range sets {
		for _, buckets := range []int{2, 8} {
			got, want := chooseAnchors(words, buckets), chooseAnchorsReference(words, buckets)
			if !slices.Equal(got, want) {
				t.Fatalf("set %d (%q), %d buckets: anchors %q, reference %q", i, words, buckets, got, want)
			}
		}
	}
}
