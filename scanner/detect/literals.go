package detect

import (
	"encoding/binary"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
)

// Regular expressions are the expensive part of a scan. This file derives, from each pattern
// itself, cheap checks that decide most cases without running it:
//   - requiredLiterals: strings one of which every match must contain, so a window holding none
//     of a rule's literals cannot match it;
//   - literalSet: patterns that are just an alternation of literals (the allowlists' sequences
//     and doc examples) become a set lookup.
// Both are derived, never hand-written, so they follow the rule file when it changes.

// maxLiterals bounds the sets: a pattern needing a choice among hundreds of strings is better
// left to the regexp engine.
const maxLiterals = 64

// requiredLiterals returns lower-case strings at least one of which occurs (ignoring ASCII
// case) in every match of pattern, or ok=false when no such set is known.
func requiredLiterals(pattern string) ([]string, bool) {
	re, err := parse(pattern)
	if err != nil {
		return nil, false
	}
	// necessary reads counted repeats itself: Simplify would first write out x{0,300} as 300
	// nested copies, most of the time this took (about a millisecond in every hook's start).
	return necessary(re)
}

func necessary(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}, true
	case syntax.OpCapture:
		return necessary(re.Sub[0])
	case syntax.OpPlus:
		return necessary(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return necessary(re.Sub[0])
		}
	case syntax.OpConcat:
		// Any one part's requirement holds for the whole; the set whose commonest literal is
		// rarest in code is the most selective ("208" over "port" in "port: 2083").
		var best []string
		bestScore := -1
		for _, sub := range re.Sub {
			if set, ok := necessary(sub); ok {
				if sc := setRarity(set); sc > bestScore {
					best, bestScore = set, sc
				}
			}
		}
		return best, best != nil
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			set, ok := necessary(sub)
			if !ok {
				return nil, false
			}
			all = append(all, set...)
		}
		if len(all) > maxLiterals {
			return nil, false
		}
		return dedupeStrings(all), true
	}
	return nil, false
}

// literalSet reports whether pattern is an unanchored alternation of plain literals (as the
// allowlists' sequence lists are) and returns them: matching is then "contains any of these".
func literalSet(pattern string) ([]string, bool) {
	// The long lists look like (?:ABC|DEF|...) of letters and digits; reading those needs no
	// parser, which would take most of a millisecond for the longest.
	if body, ok := strings.CutPrefix(pattern, "(?:"); ok && strings.HasSuffix(body, ")") {
		body = body[:len(body)-1]
		if body != "" && strings.Trim(body, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz|") == "" {
			if parts := strings.Split(body, "|"); !slices.Contains(parts, "") {
				return parts, true
			}
		}
	}
	re, err := parse(pattern)
	if err != nil {
		return nil, false
	}
	out, ok := literals(re)
	return out, ok && len(out) > 0
}

// parsed holds each pattern's syntax tree: deriving the checks of a rule reads its pattern
// several times (literals, surroundings, secret group, line span), and parsing is the costly
// part. The trees are shared, so nothing may modify them; every derivation builds new nodes.
var parsed sync.Map // pattern -> *syntax.Regexp

func parse(pattern string) (*syntax.Regexp, error) {
	if re, ok := parsed.Load(pattern); ok {
		return re.(*syntax.Regexp), nil
	}
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, err
	}
	parsed.Store(pattern, re)
	return re, nil
}

// maxExpansion bounds how many strings a concatenation of alternatives may expand to.
const maxExpansion = 1 << 14

// literals returns every string node matches, if it matches only finitely many plain strings.
func literals(r *syntax.Regexp) ([]string, bool) {
	switch r.Op {
	case syntax.OpCapture:
		return literals(r.Sub[0])
	case syntax.OpLiteral:
		if r.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []string{string(r.Rune)}, true
	case syntax.OpRepeat:
		// x{n} of a plain literal is a longer literal (the repeated-character lists).
		sub := r.Sub[0]
		if r.Min != r.Max || r.Min < 1 || sub.Op != syntax.OpLiteral || sub.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []string{strings.Repeat(string(sub.Rune), r.Min)}, true
	case syntax.OpCharClass:
		if !classIsLiterals(r) {
			return nil, false
		}
		var out []string
		for i := 0; i < len(r.Rune); i += 2 {
			for c := r.Rune[i]; c <= r.Rune[i+1]; c++ {
				out = append(out, string(c))
			}
		}
		return out, true
	case syntax.OpAlternate:
		var out []string
		for _, sub := range r.Sub {
			l, ok := literals(sub)
			if !ok {
				return nil, false
			}
			out = append(out, l...)
		}
		return out, true
	case syntax.OpConcat:
		// The parser factors common prefixes: ABC|ABD becomes AB(?:C|D).
		out := []string{""}
		for _, sub := range r.Sub {
			alts, ok := literals(sub)
			if !ok || len(out)*len(alts) > maxExpansion {
				return nil, false
			}
			next := make([]string, 0, len(out)*len(alts))
			for _, p := range out {
				for _, a := range alts {
					next = append(next, p+a)
				}
			}
			out = next
		}
		return out, true
	}
	return nil, false
}

func classIsLiterals(r *syntax.Regexp) bool {
	n := 0
	for i := 0; i < len(r.Rune); i += 2 {
		n += int(r.Rune[i+1]-r.Rune[i]) + 1
	}
	return n <= 16
}

// setRarity scores a literal set by its least rare literal.
func setRarity(set []string) int {
	m := -1
	for _, s := range set {
		if r := rarity(s); m < 0 || r < m {
			m = r
		}
	}
	return m
}

func dedupeStrings(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// substringMatcher answers "does v contain one of these literals" with one map lookup per
// position and literal length where a bitmap of the literals' first bytes says one may start.
type substringMatcher struct {
	lengths []int
	set     map[string]struct{}
	// starts has a bit for a hash of every literal's first four bytes (or first two when a
	// literal is shorter than four): most positions fail there, with an array lookup instead
	// of a map lookup. Four bytes tell the interleaved fakes (A1B2C3...) from random tokens;
	// two do not, and two in five positions of a token went on to the map.
	starts [1 << 16 / 64]uint64
	width  int  // 4 or 2: how many bytes starts is keyed by
	short  bool // a literal shorter than two bytes exists: no filtering
}

func newSubstringMatcher(lits []string) *substringMatcher {
	m := &substringMatcher{set: map[string]struct{}{}, width: 4}
	seen := map[int]bool{}
	for _, l := range lits {
		m.set[l] = struct{}{}
		m.short = m.short || len(l) < 2
		if len(l) < 4 {
			m.width = 2
		}
		if !seen[len(l)] {
			seen[len(l)] = true
			m.lengths = append(m.lengths, len(l))
		}
	}
	if !m.short {
		for _, l := range lits {
			h := m.hash([]byte(l))
			m.starts[h/64] |= 1 << (h % 64)
		}
	}
	return m
}

// hash keys starts by the first m.width bytes of b (which has at least that many).
func (m *substringMatcher) hash(b []byte) uint32 {
	if m.width == 4 {
		return binary.LittleEndian.Uint32(b) * 0x9E3779B1 >> 16
	}
	return uint32(b[0])<<8 | uint32(b[1])
}

func (m *substringMatcher) matches(v []byte) bool {
	for i := range v {
		if !m.short {
			if i+m.width > len(v) {
				break
			}
			if h := m.hash(v[i:]); m.starts[h/64]&(1<<(h%64)) == 0 {
				continue
			}
		}
		for _, n := range m.lengths {
			if i+n <= len(v) {
				if _, ok := m.set[string(v[i:i+n])]; ok {
					return true
				}
			}
		}
	}
	return false
}

// valueCheck is one allowlist pattern on the secret, in its fastest exact form: a substring
// set for an unanchored alternation of literals, an exact set for ^(?:A|B)$, a byte-class test
// for ^[class]{n}$, and the regexp itself otherwise (compiled on first use).
type valueCheck struct {
	lits  *substringMatcher
	exact map[string]struct{}
	class *[256]bool
	n     int // length for class
	re    func() *regexp.Regexp
}

func newValueCheck(pattern string) valueCheck {
	if lits, ok := literalSet(pattern); ok {
		return valueCheck{lits: newSubstringMatcher(lits)}
	}
	if body, ok := anchoredBody(pattern); ok {
		if lits, ok := literals(body); ok && len(lits) > 0 {
			exact := map[string]struct{}{}
			for _, l := range lits {
				exact[l] = struct{}{}
			}
			return valueCheck{exact: exact}
		}
		if body.Op == syntax.OpRepeat && body.Min == body.Max && body.Min > 0 && body.Sub[0].Op == syntax.OpCharClass {
			if table, ok := byteClass(body.Sub[0]); ok {
				return valueCheck{class: table, n: body.Min}
			}
		}
	}
	// The rule file's patterns were compiled when it was loaded.
	return valueCheck{re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })}
}

func (c valueCheck) matches(v []byte) bool {
	switch {
	case c.lits != nil:
		return c.lits.matches(v)
	case c.exact != nil:
		_, ok := c.exact[string(v)]
		return ok
	case c.class != nil:
		if len(v) != c.n {
			return false
		}
		for i := 0; i < len(v); i++ {
			if !c.class[v[i]] {
				return false
			}
		}
		return true
	}
	return c.re().Match(v)
}

// anchoredBody returns X for a pattern ^X$ (text anchors, not line anchors).
func anchoredBody(pattern string) (*syntax.Regexp, bool) {
	re, err := parse(pattern)
	if err != nil {
		return nil, false
	}
	if re.Op != syntax.OpConcat || len(re.Sub) < 3 || re.Sub[0].Op != syntax.OpBeginText || re.Sub[len(re.Sub)-1].Op != syntax.OpEndText {
		return nil, false
	}
	mid := re.Sub[1 : len(re.Sub)-1]
	if len(mid) == 1 {
		if mid[0].Op == syntax.OpCapture {
			return mid[0].Sub[0], true
		}
		return mid[0], true
	}
	return &syntax.Regexp{Op: syntax.OpConcat, Sub: mid}, true
}

// byteClass turns an ASCII character class into a lookup table.
func byteClass(cc *syntax.Regexp) (*[256]bool, bool) {
	if cc.Flags&syntax.FoldCase != 0 {
		return nil, false
	}
	var t [256]bool
	for i := 0; i < len(cc.Rune); i += 2 {
		lo, hi := cc.Rune[i], cc.Rune[i+1]
		if hi > 0x7f {
			return nil, false
		}
		for c := lo; c <= hi; c++ {
			t[c] = true
		}
	}
	return &t, true
}

// canSpanLines reports whether a match of pattern may contain a newline. A rule that cannot is
// run on single lines, the cheapest fragment there is.
func canSpanLines(pattern string) bool {
	re, err := parse(pattern)
	if err != nil {
		return true
	}
	var walk func(*syntax.Regexp) bool
	walk = func(r *syntax.Regexp) bool {
		switch r.Op {
		case syntax.OpAnyChar:
			return true
		case syntax.OpLiteral:
			for _, c := range r.Rune {
				if c == '\n' {
					return true
				}
			}
		case syntax.OpCharClass:
			for i := 0; i < len(r.Rune); i += 2 {
				if r.Rune[i] <= '\n' && '\n' <= r.Rune[i+1] {
					return true
				}
			}
		}
		for _, sub := range r.Sub {
			if walk(sub) {
				return true
			}
		}
		return false
	}
	return walk(re)
}
