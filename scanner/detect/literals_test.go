package detect

import (
	"github.com/zricethezav/gitleaks/v8/config"
	"math"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tokenscan/tokenscan/rules"
)

func TestRequiredLiterals(t *testing.T) {
	cases := []struct {
		pattern string
		want    []string // nil: no requirement known
	}{
		{`(?i)\b(cpanel|whm)[ \t]+x`, []string{"cpanel", "whm"}},
		{`abc|de`, []string{"abc", "de"}},
		{`[a-z]*(?:token|key)x?`, []string{"token", "key"}},
		{`a*|key`, nil},
		{`(?:foo)+bar`, []string{"bar"}},
		{`x{0,3}`, nil},
		{`access_?hash`, []string{"access"}},
	}
	for _, c := range cases {
		got, ok := requiredLiterals(c.pattern)
		if ok != (c.want != nil) || !slices.Equal(got, c.want) {
			t.Errorf("requiredLiterals(%q) = %q, %v; want %q", c.pattern, got, ok, c.want)
		}
	}
}

// TestRequiredLiteralsNeedNoSimplify: necessary gives the same answer on a parsed pattern as on
// its simplified form (counted repeats written out), for every embedded rule and allowlist
// pattern and a few counted repeats of its own.
func TestRequiredLiteralsNeedNoSimplify(t *testing.T) {
	cfg, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	patterns := []string{`(?:ab|cd){2,5}x`, `(?:ab){0,3}cd`, `(?i)(?:token){1}`, `a{3}|b{1,}`, `(?:x{0,2}key){2}`}
	for _, r := range cfg.Rules {
		patterns = append(patterns, r.Regex.String())
	}
	for _, a := range allAllowlists(cfg) {
		for _, re := range a.Regexes {
			patterns = append(patterns, re.String())
		}
	}
	for _, p := range patterns {
		re, err := parse(p)
		if err != nil {
			t.Fatal(err)
		}
		got, gotOK := necessary(re)
		want, wantOK := necessary(re.Simplify())
		if gotOK != wantOK || !slices.Equal(got, want) {
			t.Errorf("%q: necessary = %q, %v; of the simplified form %q, %v", p, got, gotOK, want, wantOK)
		}
	}
}

// TestRequiredLiteralsAreNecessary checks the soundness the local step relies on: every match
// of every embedded rule contains one of the rule's literals.
func TestRequiredLiteralsAreNecessary(t *testing.T) {
	cfg, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	corpus := strings.Join([]string{
		"Authorization: cpanel bob:" + tokA, "CPANEL_API_TOKEN=" + tokA, "api_token = '" + tokA + "'",
		"Authorization: WHM root:" + strings.Repeat("0a1b2c3d4e5f6789", 5), "$accesshash = '" + strings.Repeat("0a1b2c3d4e5f6789", 5) + "'",
		"variable \"cpanel_token\" {\n default = \"" + tokA + "\"\n}", "my $hash = '" + strings.Repeat("0a1b2c3d4e5f6789", 14) + "';",
	}, "\n")
	for id, r := range cfg.Rules {
		lits, ok := requiredLiterals(r.Regex.String())
		if !ok {
			continue
		}
		for _, m := range r.Regex.FindAllString(corpus, -1) {
			lower := strings.ToLower(m)
			if !slices.ContainsFunc(lits, func(l string) bool { return strings.Contains(lower, l) }) {
				t.Errorf("rule %s matched %q, which holds none of %q", id, m, lits)
			}
		}
	}
}

// TestValueChecksAgreeWithRegexps pins the literal-set shortcut to the allowlist patterns it
// replaces: same answer on random values and on values built around every literal.
func TestValueChecksAgreeWithRegexps(t *testing.T) {
	cfg, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	random := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		return string(b)
	}
	shortcuts := 0
	for _, a := range allAllowlists(cfg) {
		for _, re := range a.Regexes {
			check := newValueCheck(re.String())
			var inputs []string
			for range 2000 {
				inputs = append(inputs, random(32))
			}
			if lits, ok := literalSet(re.String()); ok {
				shortcuts++
				for _, l := range lits {
					inputs = append(inputs, random(5)+l+random(21), l, l[:len(l)-1])
				}
			}
			if body, ok := anchoredBody(re.String()); ok {
				if lits, ok := literalSet(body.String()); ok {
					for _, l := range lits {
						inputs = append(inputs, l, l+"A", "A"+l, l[1:])
					}
				}
			}
			const hexU = "0123456789ABCDEF"
			for range 200 {
				b := make([]byte, 32)
				for i := range b {
					b[i] = hexU[r.IntN(16)]
				}
				inputs = append(inputs, string(b), string(b[:31]), string(b)+"0", strings.ToLower(string(b)))
			}
			for _, v := range inputs {
				if check.matches([]byte(v)) != re.MatchString(v) {
					t.Fatalf("pattern %.60q disagrees on %q: shortcut %v, regexp %v", re.String(), v, check.matches([]byte(v)), re.MatchString(v))
				}
			}
		}
	}
	for _, a := range allAllowlists(cfg) {
		for _, re := range a.Regexes {
			if c := newValueCheck(re.String()); c.re != nil && a.RegexTarget == "" {
				t.Logf("no shortcut for %.60q", re.String())
			}
		}
	}
	if shortcuts == 0 {
		t.Fatal("no allowlist pattern took the literal-set shortcut; the sequence lists should")
	}
}

func TestLiteralSetRejectsNonLiterals(t *testing.T) {
	for _, p := range []string{`^[0-9A-F]{32}$`, `a.c`, `(?i)abc`, `ab*`, `\bword\b`} {
		if lits, ok := literalSet(regexp.MustCompile(p).String()); ok {
			t.Errorf("literalSet(%q) = %q", p, lits)
		}
	}
	lits, ok := literalSet(`(?:ABCDEF|ABCDEG|XYZ)`)
	slices.Sort(lits)
	if !ok || !slices.Equal(lits, []string{"ABCDEF", "ABCDEG", "XYZ"}) {
		t.Errorf("factored alternation: %q %v", lits, ok)
	}
}

func TestSecretKindsOfEmbeddedRules(t *testing.T) {
	cfg, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	for id, r := range cfg.Rules {
		if r.SkipReport {
			continue
		}
		want := kindToken
		if strings.HasPrefix(id, "whm-access-hash") {
			want = kindHex
		}
		if got := kindsOf(r.Regex.String(), r.SecretGroup); got != want {
			t.Errorf("%s: kinds %b, want %b", id, got, want)
		}
	}
}

func TestCanSpanLines(t *testing.T) {
	for p, want := range map[string]bool{`a[ \t]b`: false, `a\sb`: true, `a.b`: false, `(?s)a.b`: true, `[^x]`: true, `[^\n]`: false, "a\nb": true} {
		if got := canSpanLines(p); got != want {
			t.Errorf("canSpanLines(%q) = %v", p, got)
		}
	}
}

func TestFoldIntoMatchesASCIILower(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var buf []byte
	defer func(v bool) { useTeddy = v }(useTeddy)
	for _, vector := range []bool{false, useTeddy} {
		useTeddy = vector
		for n := 0; n < 300; n++ {
			in := make([]byte, n+7)
			for i := range in {
				in[i] = byte(r.IntN(256))
			}
			in = in[r.IntN(8):][:n] // any alignment
			want := make([]byte, n)
			for i, c := range in {
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				want[i] = c
			}
			if got := foldInto(&buf, in); string(got) != string(want) {
				t.Fatalf("vector %v: fold(%x) = %x, want %x", vector, in, got, want)
			}
		}
	}
}

func TestShannonMatchesReference(t *testing.T) {
	ref := func(s []byte) float64 {
		counts := map[byte]int{}
		for _, c := range s {
			counts[c]++
		}
		e := 0.0
		for _, n := range counts {
			p := float64(n) / float64(len(s))
			e -= p * math.Log2(p)
		}
		return e
	}
	r := rand.New(rand.NewPCG(7, 8))
	for n := 0; n < 600; n += 7 {
		for _, alphabet := range []int{2, 5, 36, 256} { // from repetitive to random
			in := make([]byte, n)
			for i := range in {
				in[i] = byte(r.IntN(alphabet))
			}
			if got, want := shannon(in), ref(in); math.Abs(got-want) > 1e-12 {
				t.Fatalf("shannon(len %d, alphabet %d) = %v, want %v", n, alphabet, got, want)
			}
		}
	}
}

// TestDistinctAboveBoundsEntropy: a value with distinctAbove distinct bytes or more is above the
// threshold, on values drawn to sit near it (few distinct bytes, one repeated a lot).
func TestDistinctAboveBoundsEntropy(t *testing.T) {
	if got := distinctAbove(32, 3.2); got != 19 {
		t.Errorf("distinctAbove(32, 3.2) = %d; 18 distinct bytes, one of them 15 times, have entropy 3.17", got)
	}
	r := rand.New(rand.NewPCG(9, 10))
	for _, threshold := range []float64{0, 1, 2.5, 3.0, 3.2, 3.5, 4.0, 4.5, 5} {
		need := distinctAbove(32, threshold)
		for n := 0; n < 20000; n++ {
			v := make([]byte, 32)
			k := 1 + r.IntN(100)
			heavy := byte(r.IntN(128))
			for i := range v {
				if r.IntN(3) == 0 {
					v[i] = heavy
				} else {
					v[i] = byte(r.IntN(k))
				}
			}
			distinct := map[byte]bool{}
			for _, c := range v {
				distinct[c] = true
			}
			if got := distinctASCII(v); got != len(distinct) {
				t.Fatalf("distinctASCII(%q) = %d, want %d", v, got, len(distinct))
			}
			if len(distinct) >= need && shannon(v) <= threshold {
				t.Fatalf("threshold %v: %d distinct bytes (need %d) but entropy %v", threshold, len(distinct), need, shannon(v))
			}
		}
	}
	if distinctASCII([]byte("abc\x80")) != -1 {
		t.Error("a non-ASCII byte must send the caller to the entropy")
	}
}

func TestSubstringMatcherPrefixFilter(t *testing.T) {
	for _, c := range []struct {
		lits []string
		want map[string]bool
	}{
		{[]string{"ABCDEF", "X", "QW"}, map[string]bool{"zzABCDEFzz": true, "ABCDE": false, "aXa": true, "QQW": true, "Q": false}},
		{[]string{"ABCDEF", "QW"}, map[string]bool{"zzABCDEFzz": true, "ABCDE": false, "QQW": true, "QW": true, "Q": false}},
		{[]string{"ABCDEF", "WXYZ"}, map[string]bool{"zzABCDEF": true, "ABCDEFzz": true, "ABCDE": false, "WXYZ": true, "aWXYZ": true, "WXY": false, "": false}},
	} {
		m := newSubstringMatcher(c.lits)
		for v, want := range c.want {
			if got := m.matches([]byte(v)); got != want {
				t.Errorf("%q: matches(%q) = %v", c.lits, v, got)
			}
		}
	}
}

func allAllowlists(cfg config.Config) []*config.Allowlist {
	seen := map[*config.Allowlist]bool{}
	var out []*config.Allowlist
	add := func(as []*config.Allowlist) {
		for _, a := range as {
			if !seen[a] {
				seen[a] = true
				out = append(out, a)
			}
		}
	}
	add(cfg.Allowlists)
	for _, id := range cfg.OrderedRules {
		add(cfg.Rules[id].Allowlists)
	}
	return out
}

// TestAcceptValueMatchesGitleaks checks the prefilter's verdict on plain token values against
// gitleaks' own allowlist and entropy logic: accept exactly when some token rule would keep it.
func TestAcceptValueMatchesGitleaks(t *testing.T) {
	d := newDetector(t)
	d.mustPrepare()
	// The oracle is gitleaks with the whole rule file, allowlists included.
	cfg, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	keptBySome := func(v string) bool {
		for _, id := range cfg.OrderedRules {
			r := cfg.Rules[id]
			if r.SkipReport || kindsOf(r.Regex.String(), r.SecretGroup)&kindToken == 0 {
				continue
			}
			if shannon([]byte(v)) <= r.Entropy {
				continue
			}
			dropped := false
			for _, a := range append(append([]*config.Allowlist(nil), cfg.Allowlists...), r.Allowlists...) {
				if a.RegexTarget != "" || len(a.Paths) > 0 || len(a.Commits) > 0 {
					continue
				}
				if ok, _ := a.ContainsStopWord(v); ok || a.RegexAllowed(v) {
					dropped = true
					break
				}
			}
			if !dropped {
				return true
			}
		}
		return false
	}
	r := rand.New(rand.NewPCG(11, 12))
	const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	var inputs []string
	for range 5000 {
		b := make([]byte, 32)
		for i := range b {
			b[i] = alphabet[r.IntN(36)]
		}
		inputs = append(inputs, string(b))
		// Plant a sequence, a stop word or a repeat into some of them.
		for _, plant := range []string{"ABCDEF", "A1B2C3", "TOKEN", "XXXXXX", "QWERTY"} {
			if r.IntN(20) == 0 {
				at := r.IntN(32 - len(plant))
				inputs = append(inputs, string(b[:at])+plant+string(b[at+len(plant):]))
			}
		}
	}
	inputs = append(inputs, "9F86D081884C7D659A2FEAA0C55AD015", "JPQNSRU0DH448UJLGXH7KVJECC5QN9N9", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
	for _, v := range inputs {
		if got, want := d.acceptValue([]byte(v)), keptBySome(v); got != want {
			t.Fatalf("acceptValue(%s) = %v, gitleaks would keep it: %v", v, got, want)
		}
	}
}

// TestLiteralIndexMatchesEachRule: one pass of the literal index says, for every rule, what
// asking the rule's own literal finder says.
func TestLiteralIndexMatchesEachRule(t *testing.T) {
	d := newDetector(t)
	d.mustPrepare()
	var all ruleSet
	for i := range d.local {
		all |= 1 << i
	}
	x := newLiteralIndex(d.local, all)
	if len(x.rules) == 0 {
		t.Fatal("the embedded rules' literals are not indexed")
	}
	r := rand.New(rand.NewPCG(21, 22))
	pieces := append([]string{"pwd", "credential", "default", "value", "access", "passwd", "keys"}, aroundPieces...)
	hits := 0
	for n := 0; n < 5000; n++ {
		var b strings.Builder
		for k := r.IntN(6); k > 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		lower := []byte(strings.ToLower(b.String()))
		got := x.present(lower)
		for i, re := range d.local {
			if re.literals == nil {
				continue
			}
			want := re.literals.contains(lower)
			if want {
				hits++
			}
			if want != (got&(1<<i) != 0) {
				t.Fatalf("%s on %q: index says %v, the rule's finder %v", re.id, lower, !want, want)
			}
		}
	}
	if hits < 1000 {
		t.Fatalf("only %d hits", hits)
	}
}
