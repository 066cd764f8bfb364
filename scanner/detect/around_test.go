package detect

import (
	"math/rand/v2"
	"strings"
	"testing"
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
