package detect

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"

	"github.com/tokenscan/tokenscan/rules"
)

// aroundPieces are the bits lines are built from: the words, quotes, separators and assignment
// operators the rules look for around a token, and non-ASCII text that reversal must not garble.
var aroundPieces = []string{
	"cpanel", "CPANEL", "whm", "WHM", "uapi", "token", "api_token", "key", "api-key", "secret",
	"pass", "default", "value", "Authorization: ", "cpanel deploy:", "whm root: ", "user",
	"=", " = ", ":", ": ", "=>", ":=", ",", ", ", "\"", "'", "`", "]", "[", "{", "}", "$", "${",
	"(", ")", "%s", "+", ".", "&", " ", "\t", "\r", "_", "-", "é", "ſ", "\u212a", "ey", "x",
}

// TestAroundNeverHidesAFinding checks the derivation against the rules themselves: on random
// lines, a rule the surroundings check would not run must find nothing when it does run.
func TestAroundNeverHidesAFinding(t *testing.T) {
	d, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	d.mustPrepare()
	r := rand.New(rand.NewPCG(7, 11))
	checked := 0
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := 1 + r.IntN(8); n > 0; n-- {
			if r.IntN(3) == 0 {
				b.WriteString(randomToken(r))
			} else {
				b.WriteString(aroundPieces[r.IntN(len(aroundPieces))])
			}
		}
		checked += checkAround(t, d, b.String()+"\n")
	}
	if checked < 1000 {
		t.Fatalf("only %d rule runs were skipped by the check: the test no longer exercises it", checked)
	}
}

func randomToken(r *rand.Rand) string {
	const alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	b := make([]byte, 32)
	for i := range b {
		b[i] = alnum[r.IntN(len(alnum))]
	}
	return string(b)
}

// checkAround runs every rule with a surroundings check on line and fails the test when the
// check rejects all candidates but the rule reports one. It returns how many runs it rejected.
func checkAround(t *testing.T, d *Detector, line string) int {
	t.Helper()
	text := []byte(line)
	var ranges [][2]int
	for _, c := range findCandidates(text, d.acceptValue) {
		ranges = append(ranges, [2]int{c.start, c.end})
	}
	skipped := 0
	var rev []byte
	for _, re := range d.local {
		if re.around == nil || re.admitsAround(text, 0, ranges, &rev) {
			continue
		}
		skipped++
		if found := re.detect("x", text, 1, false); len(found) > 0 {
			t.Errorf("%s: the surroundings check skips %q, where the rule finds %q", re.id, line, found[0].Secret)
		}
	}
	return skipped
}

func FuzzAround(f *testing.F) {
	d, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	d.mustPrepare()
	for _, s := range []string{
		`"Q8ZK2M4T7W1RXN5BH9CJ3PVL6YD0FGS2",x`,
		`{id:"Q8ZK2M4T7W1RXN5BH9CJ3PVL6YD0FGS2"},`,
		`cpanel_token = 'Q8ZK2M4T7W1RXN5BH9CJ3PVL6YD0FGS2'`,
		"Authorization: cpanel bob:Q8ZK2M4T7W1RXN5BH9CJ3PVL6YD0FGS2",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if strings.Contains(line, "\n") {
			return // one line, as the single-line rules see it
		}
		checkAround(t, d, line+"\n")
	})
}

// TestPrintRegexpMatchesOriginal: the printed pattern must find exactly what the original
// finds (captures aside), on the rules' own patterns and on edge cases of the printer.
func TestPrintRegexpMatchesOriginal(t *testing.T) {
	dec, err := rules.DefaultDecoded()
	if err != nil {
		t.Fatal(err)
	}
	patterns := []string{
		`(?i)ab+c*?d{2,}e{1,3}f{2}`, `(?m)^x$|\Ay\z`, `[\]\-\\^a-c]+`, `[^\n,]*,`, `(?s:.)(?-s:.)`,
		`\bword\B`, `(?i)k[a-zſ]`, `x(?:)y`, `(?U)a+b`, `é+[à-ÿ]`, `a|b|`, `[^a]`, `\pL+`,
	}
	for _, sp := range dec.Specs() {
		if sp.Regex != "" {
			patterns = append(patterns, sp.Regex)
		}
	}
	words := append(append([]string{}, aroundPieces...), "ab", "bbcc", "dd", "eee", "ff", "x", "y", "\n", "word", "]", "-", "\\", "^", "é", "ä", "kS", "ſ")
	r := rand.New(rand.NewPCG(3, 4))
	for _, p := range patterns {
		re, err := syntax.Parse(p, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		orig := regexp.MustCompile(p)
		printed, err := regexp.Compile(patternOf(re))
		if err != nil {
			t.Fatalf("%s: printed pattern does not compile: %v", p, err)
		}
		for i := 0; i < 3000; i++ {
			var b strings.Builder
			for n := r.IntN(10); n > 0; n-- {
				if r.IntN(4) == 0 {
					b.WriteString(randomToken(r))
				} else {
					b.WriteString(words[r.IntN(len(words))])
				}
			}
			s := b.String()
			if got, want := printed.FindAllStringIndex(s, -1), orig.FindAllStringIndex(s, -1); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("%s printed as %s: on %q finds %v, want %v", p, patternOf(re), s, got, want)
			}
		}
	}
}

// TestLookaheadNeverRejectsAMatch: where a lookahead says a part cannot match, the part's
// regexp must not match either, on random surroundings of a token for every rule.
func TestLookaheadNeverRejectsAMatch(t *testing.T) {
	d := newDetector(t)
	d.mustPrepare()
	r := rand.New(rand.NewPCG(13, 17))
	rejected := 0
	for _, re := range d.local {
		a := re.around
		if a == nil {
			continue
		}
		a.lookaheads()
		a.regexps()
		if a.before == nil || a.after == nil {
			continue
		}
		for i := 0; i < 3000; i++ {
			var pre, post strings.Builder
			for n := r.IntN(5); n > 0; n-- {
				pre.WriteString(aroundPieces[r.IntN(len(aroundPieces))])
			}
			for n := r.IntN(5); n > 0; n-- {
				post.WriteString(aroundPieces[r.IntN(len(aroundPieces))])
			}
			text := []byte(pre.String() + randomToken(r) + post.String())
			start, end := pre.Len(), pre.Len()+32
			if !a.after.mayMatch(byteAt(text, end-1), func(i int) int { return byteAt(text, end+i) }) {
				rejected++
				if a.right.Match(text[end-1:]) {
					t.Fatalf("%s: the lookahead rejects %q after the token, the regexp matches", re.id, text[end:])
				}
			}
			if !a.before.mayMatch(byteAt(text, start), func(i int) int { return byteAt(text, start-1-i) }) {
				rejected++
				var rev []byte
				for j := start; j >= 0; j-- {
					rev = append(rev, text[j])
				}
				if a.left.Match(rev) {
					t.Fatalf("%s: the lookahead rejects %q before the token, the regexp matches", re.id, text[:start])
				}
			}
		}
	}
	if rejected < 1000 {
		t.Fatalf("only %d rejections: the test no longer exercises the lookahead", rejected)
	}
}
