package detect

import (
	"fmt"
	"math/bits"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// around is what a rule needs on either side of its secret, derived from its pattern: any match
// whose secret group is the candidate c has, before c, text the rule's left part matches, and
// after c, text its right part matches. Both are checked anchored at the candidate, each with
// the candidate's edge byte included so that \b and similar assertions see the same neighbours as
// in the full match; the left part runs backwards over reversed text.
//
// A rule with a long line of decoys and no context (a CSV-shaped rule on minified code) costs a
// regexp run per line otherwise; these checks reject most such lines after a byte or two.
type around struct {
	// The parts, relaxed (relax) and the left one reversed, as patterns (patternOf); compiled
	// on first use, since in a pre-commit hook most rules never see a candidate.
	leftSrc, rightSrc string
	// before and after run the two parts for their first few bytes only (a lookahead): most
	// candidates fail there (a token in minified JSON, {id:"TOKEN"}, fails the CSV rule at its
	// "}), at a fraction of the cost of setting up a regexp run, and of compiling the regexps,
	// which a candidate failing them never needs. nil when not derived.
	lookOnce      sync.Once
	before, after *lookahead
	broken        bool // the parts do not parse: all is admitted
	reOnce        sync.Once
	left, right   *regexp.Regexp // nil if they failed to compile: then all is admitted
}

// newAround derives the checks for the capture group group of pattern, or returns nil when it
// cannot (the group sits under a repetition).
func newAround(pattern string, group int) *around {
	re, err := parse(pattern)
	if err != nil {
		return nil
	}
	l, r, ok := splitAt(re, group)
	if !ok {
		return nil
	}
	return &around{leftSrc: patternOf(relax(reverse(l))), rightSrc: patternOf(relax(r))}
}

// lookaheads builds the lookaheads, once.
func (a *around) lookaheads() {
	a.lookOnce.Do(func() {
		leftPart, err := syntax.Parse(a.leftSrc, syntax.Perl)
		if err != nil {
			a.broken = true
			return
		}
		rightPart, err := syntax.Parse(a.rightSrc, syntax.Perl)
		if err != nil {
			a.broken = true
			return
		}
		a.before, a.after = newLookahead(leftPart), newLookahead(rightPart)
	})
}

// regexps compiles the checks, once. Each part is anchored at the candidate's edge byte, which
// it gets to see too: patternOf(concat(begin, anyChar, part)).
func (a *around) regexps() {
	a.reOnce.Do(func() {
		left, err := regexp.Compile(`(?:\A(?s:.)` + a.leftSrc + `)`)
		if err != nil {
			return
		}
		right, err := regexp.Compile(`(?:\A(?s:.)` + a.rightSrc + `)`)
		if err != nil {
			return
		}
		a.left, a.right = left, right
	})
}

// lookahead is a pattern's program, run over at most lookaheadBytes bytes from a position.
// When no thread survives them, the pattern cannot match there; when one does, or the program
// reaches its match, or a byte is not ASCII (left to the regexp, which decodes UTF-8), it may.
type lookahead struct {
	prog *syntax.Prog
}

const (
	lookaheadBytes = 4
	lookaheadInsts = 512 // larger programs are not derived (the thread sets live on the stack)
)

func newLookahead(re *syntax.Regexp) *lookahead {
	prog, err := syntax.Compile(re.Simplify())
	if err != nil || len(prog.Inst) > lookaheadInsts {
		return nil
	}
	return &lookahead{prog: prog}
}

// mayMatch reports whether a match may start before next(0): prev is the byte before that
// position and next(i) the i-th byte from it, both -1 outside the text. Thread sets are
// bitmaps of instructions, a few words on the stack: zeroing lists of instructions cost more
// than the rest of the run.
func (l *lookahead) mayMatch(prev int, next func(i int) int) bool {
	var cur threads
	if l.add(&cur, uint32(l.prog.Start), prev, next(0)) {
		return true // reached the match without consuming a byte
	}
	for i := 0; i < lookaheadBytes; i++ {
		c := next(i)
		if c >= utf8.RuneSelf {
			return true
		}
		var nxt threads
		alive := false
		for w, word := range cur {
			for ; word != 0; word &= word - 1 {
				pc := uint32(w*64 + bits.TrailingZeros64(word))
				inst := &l.prog.Inst[pc]
				var ok bool
				switch inst.Op {
				case syntax.InstRune, syntax.InstRune1:
					ok = c >= 0 && inst.MatchRune(rune(c))
				case syntax.InstRuneAny:
					ok = c >= 0
				case syntax.InstRuneAnyNotNL:
					ok = c >= 0 && c != '\n'
				default:
					continue // control-flow instructions, already followed
				}
				if !ok {
					continue
				}
				alive = true
				if l.add(&nxt, inst.Out, c, next(i+1)) {
					return true
				}
			}
		}
		if !alive {
			return false
		}
		cur = nxt
	}
	return true
}

// threads is a set of program counters.
type threads [lookaheadInsts / 64]uint64

// add follows pc's empty transitions, between the bytes before and after (-1: none), into set,
// and reports whether they reach the match.
func (l *lookahead) add(set *threads, pc uint32, before, after int) bool {
	if set[pc/64]&(1<<(pc%64)) != 0 {
		return false
	}
	set[pc/64] |= 1 << (pc % 64)
	inst := &l.prog.Inst[pc]
	switch inst.Op {
	case syntax.InstMatch:
		return true
	case syntax.InstAlt, syntax.InstAltMatch:
		return l.add(set, inst.Out, before, after) || l.add(set, inst.Arg, before, after)
	case syntax.InstNop, syntax.InstCapture:
		return l.add(set, inst.Out, before, after)
	case syntax.InstEmptyWidth:
		if syntax.EmptyOp(inst.Arg)&^syntax.EmptyOpContext(rune(before), rune(after)) != 0 {
			return false
		}
		return l.add(set, inst.Out, before, after)
	}
	return false // fails, or consumes a byte: stays in the set for the next step
}

// admits reports whether a match of the rule in text could have text[start:end] as its secret.
// rev is scratch space for the reversed prefix. Reversal is exact only for ASCII: reversed
// multi-byte characters decode as other characters, so a prefix holding any is admitted unchecked.
func (a *around) admits(text []byte, start, end int, rev *[]byte) bool {
	if a.lookaheads(); a.broken {
		return true
	}
	if a.after != nil && !a.after.mayMatch(byteAt(text, end-1), func(i int) int { return byteAt(text, end+i) }) {
		return false
	}
	if a.before != nil && !a.before.mayMatch(byteAt(text, start), func(i int) int { return byteAt(text, start-1-i) }) {
		return false
	}
	if a.regexps(); a.left == nil {
		return true
	}
	if !a.right.Match(text[end-1:]) {
		return false
	}
	b := (*rev)[:0]
	var high byte
	for i := start; i >= 0; i-- {
		high |= text[i]
		b = append(b, text[i])
	}
	*rev = b
	return high >= utf8.RuneSelf || a.left.Match(b)
}

// byteAt is text[i], or -1 outside the text.
func byteAt(text []byte, i int) int {
	if i < 0 || i >= len(text) {
		return -1
	}
	return int(text[i])
}

// splitAt returns patterns for the text between a match's start and group's start (left) and
// between group's end and the match's end (right).
func splitAt(re *syntax.Regexp, group int) (left, right *syntax.Regexp, ok bool) {
	if re.Op == syntax.OpCapture && re.Cap == group {
		empty := &syntax.Regexp{Op: syntax.OpEmptyMatch}
		return empty, empty, true
	}
	for i, sub := range re.Sub {
		if !holdsGroup(sub, group) {
			continue
		}
		l, r, ok := splitAt(sub, group)
		if !ok {
			return nil, nil, false
		}
		switch re.Op {
		case syntax.OpConcat:
			return concat(append(append([]*syntax.Regexp(nil), re.Sub[:i]...), l)...),
				concat(append([]*syntax.Regexp{r}, re.Sub[i+1:]...)...), true
		case syntax.OpAlternate, syntax.OpCapture, syntax.OpQuest:
			return l, r, true
		default: // under a repetition, earlier and later rounds border the group too
			return nil, nil, false
		}
	}
	return nil, nil, false
}

// relax returns a pattern matching at least what re matches, with counted repetitions above a
// few rounds made unbounded: x{0,31} becomes x*, x{1,40} becomes x+. Go's regexp compiles a
// count into that many copies, so the checks become several times smaller to compile and to
// run, and a check that admits more is still a sound reason to skip a rule when it fails.
func relax(re *syntax.Regexp) *syntax.Regexp {
	out := *re
	out.Sub = make([]*syntax.Regexp, len(re.Sub))
	for i, sub := range re.Sub {
		out.Sub[i] = relax(sub)
	}
	if re.Op == syntax.OpRepeat && (re.Max < 0 || re.Max > 3) {
		out.Op = syntax.OpPlus
		if re.Min == 0 {
			out.Op = syntax.OpStar
		}
		out.Min, out.Max = 0, 0
	}
	return &out
}

func holdsGroup(re *syntax.Regexp, group int) bool {
	if re.Op == syntax.OpCapture && re.Cap == group {
		return true
	}
	for _, sub := range re.Sub {
		if holdsGroup(sub, group) {
			return true
		}
	}
	return false
}

func concat(subs ...*syntax.Regexp) *syntax.Regexp {
	return &syntax.Regexp{Op: syntax.OpConcat, Sub: subs}
}

// reverse returns a pattern matching the byte-reversal of what re matches. It is exact for ASCII
// patterns: concatenations and literals run backwards, and each assertion about the text before
// a position becomes the same assertion about the text after it.
func reverse(re *syntax.Regexp) *syntax.Regexp {
	out := *re
	out.Sub = make([]*syntax.Regexp, len(re.Sub))
	for i, sub := range re.Sub {
		out.Sub[i] = reverse(sub)
	}
	switch re.Op {
	case syntax.OpConcat:
		for i, j := 0, len(out.Sub)-1; i < j; i, j = i+1, j-1 {
			out.Sub[i], out.Sub[j] = out.Sub[j], out.Sub[i]
		}
	case syntax.OpLiteral:
		out.Rune = make([]rune, len(re.Rune))
		for i, r := range re.Rune {
			out.Rune[len(re.Rune)-1-i] = r
		}
	case syntax.OpBeginLine:
		out.Op = syntax.OpEndLine
	case syntax.OpEndLine:
		out.Op = syntax.OpBeginLine
	case syntax.OpBeginText:
		out.Op = syntax.OpEndText
	case syntax.OpEndText:
		out.Op = syntax.OpBeginText
	}
	return &out
}

// printRegexp writes re as a pattern that parses back to an equivalent tree, in one pass.
// syntax.Regexp.String works out the flags in force at every node, which took tens of
// milliseconds per rule here (a pre-commit hook feels that); this printer states the flags
// where they matter instead, and drops capture groups, which the checks do not need.
func printRegexp(b *strings.Builder, re *syntax.Regexp) {
	switch re.Op {
	case syntax.OpNoMatch:
		b.WriteString(`[^\x00-\x{10FFFF}]`)
	case syntax.OpEmptyMatch:
		b.WriteString(`(?:)`)
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			b.WriteString(`(?i:`)
		} else {
			b.WriteString(`(?:`)
		}
		for _, r := range re.Rune {
			writeRune(b, r)
		}
		b.WriteString(`)`)
	case syntax.OpCharClass:
		b.WriteString(`[`)
		if len(re.Rune) == 0 {
			b.WriteString(`^\x00-\x{10FFFF}`)
		}
		for i := 0; i < len(re.Rune); i += 2 {
			writeRune(b, re.Rune[i])
			if re.Rune[i+1] != re.Rune[i] {
				b.WriteString(`-`)
				writeRune(b, re.Rune[i+1])
			}
		}
		b.WriteString(`]`)
	case syntax.OpAnyCharNotNL:
		b.WriteString(`(?-s:.)`)
	case syntax.OpAnyChar:
		b.WriteString(`(?s:.)`)
	case syntax.OpBeginLine:
		b.WriteString(`(?m:^)`)
	case syntax.OpEndLine:
		b.WriteString(`(?m:$)`)
	case syntax.OpBeginText:
		b.WriteString(`\A`)
	case syntax.OpEndText:
		b.WriteString(`\z`)
	case syntax.OpWordBoundary:
		b.WriteString(`\b`)
	case syntax.OpNoWordBoundary:
		b.WriteString(`\B`)
	case syntax.OpCapture:
		printRegexp(b, re.Sub[0])
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		b.WriteString(`(?:`)
		printRegexp(b, re.Sub[0])
		b.WriteString(`)`)
		switch re.Op {
		case syntax.OpStar:
			b.WriteString(`*`)
		case syntax.OpPlus:
			b.WriteString(`+`)
		case syntax.OpQuest:
			b.WriteString(`?`)
		default:
			b.WriteString(`{` + strconv.Itoa(re.Min))
			if re.Max != re.Min {
				b.WriteString(`,`)
				if re.Max >= 0 {
					b.WriteString(strconv.Itoa(re.Max))
				}
			}
			b.WriteString(`}`)
		}
		if re.Flags&syntax.NonGreedy != 0 {
			b.WriteString(`?`)
		}
	case syntax.OpConcat:
		b.WriteString(`(?:`)
		for _, sub := range re.Sub {
			printRegexp(b, sub)
		}
		b.WriteString(`)`)
	case syntax.OpAlternate:
		b.WriteString(`(?:`)
		for i, sub := range re.Sub {
			if i > 0 {
				b.WriteString(`|`)
			}
			printRegexp(b, sub)
		}
		b.WriteString(`)`)
	}
}

// writeRune writes r so that it means itself in a pattern or a class.
func writeRune(b *strings.Builder, r rune) {
	if r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
		b.WriteRune(r)
		return
	}
	fmt.Fprintf(b, `\x{%x}`, r)
}

func patternOf(re *syntax.Regexp) string {
	var b strings.Builder
	printRegexp(&b, re)
	return b.String()
}
