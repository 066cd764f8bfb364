package detect

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
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
	left, right *regexp.Regexp
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
	anyChar := &syntax.Regexp{Op: syntax.OpAnyChar}
	begin := &syntax.Regexp{Op: syntax.OpBeginText}
	left, err := regexp.Compile(patternOf(concat(begin, anyChar, relax(reverse(l)))))
	if err != nil {
		return nil
	}
	right, err := regexp.Compile(patternOf(concat(begin, anyChar, relax(r))))
	if err != nil {
		return nil
	}
	return &around{left: left, right: right}
}

// admits reports whether a match of the rule in text could have text[start:end] as its secret.
// rev is scratch space for the reversed prefix. Reversal is exact only for ASCII: reversed
// multi-byte characters decode as other characters, so a prefix holding any is admitted unchecked.
func (a *around) admits(text []byte, start, end int, rev *[]byte) bool {
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
