package detect

import (
	"bytes"
	"encoding/binary"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"

	"github.com/zricethezav/gitleaks/v8/config"
	glDetect "github.com/zricethezav/gitleaks/v8/detect"
	"github.com/zricethezav/gitleaks/v8/detect/codec"
	glReport "github.com/zricethezav/gitleaks/v8/report"

	"github.com/tokenscan/tokenscan/rules"
)

// engine is a gitleaks detector in two flavours. Each decoding pass re-runs every rule over the
// whole fragment, so decoding is only paid for where the prefilter saw encoded text; the
// decoding flavour matches the stock CLI, which decodes base64, hex and percent-encoding up to
// 5 levels deep.
type engine struct {
	// Both are built on first use: most rules never run in a pre-commit hook, and most
	// windows hold nothing encoded.
	plain, decode func() *glDetect.Detector
	// lean is plain without the allowlists that decide on a finding's line alone, for text in
	// which none of them can match (see lineOnly); plain itself when the rules have none.
	lean func() *glDetect.Detector
	// leanDecode is decode without the line-only allowlists, for text in whose every decoding
	// pass none of them can match (lineFreeDecoded).
	leanDecode func() *glDetect.Detector
	lines      func() lineOnly
	// values are the allowlists gitleaks was not given (rules.Decoded), applied to its findings.
	values map[string][]*valueFilter
}

// newEngine returns an engine for the rules cfg compiles (on first use, once).
func newEngine(cfg func() config.Config, values map[string][]*valueFilter) engine {
	cfg = sync.OnceValue(cfg)
	lines := sync.OnceValue(func() lineOnly { return splitLineOnly(cfg()) })
	plain := sync.OnceValue(func() *glDetect.Detector { return gitleaksDetector(cfg(), 0) })
	decode := sync.OnceValue(func() *glDetect.Detector { return gitleaksDetector(cfg(), maxDecodeDepth) })
	// A flavour without the line-only allowlists is the flavour itself when there are none.
	lean := func(full func() *glDetect.Detector, depth int) func() *glDetect.Detector {
		return sync.OnceValue(func() *glDetect.Detector {
			if l := lines(); l.checks != nil {
				return gitleaksDetector(l.without, depth)
			}
			return full()
		})
	}
	return engine{
		values:     values,
		plain:      plain,
		decode:     decode,
		lines:      lines,
		lean:       lean(plain, 0),
		leanDecode: lean(decode, maxDecodeDepth),
	}
}

func gitleaksDetector(cfg config.Config, decodeDepth int) *glDetect.Detector {
	d := glDetect.NewDetector(cfg)
	d.MaxDecodeDepth = decodeDepth
	return d
}

// maxDecodeDepth is how many decoding passes the decoding flavour makes, as the stock CLI does.
const maxDecodeDepth = 5

// gitleaks checks an allowlist with regexTarget = "line" against the line of every finding,
// and a line is as long as the text makes it: on one 80 KB line of an SQL dump holding 2,000
// tokens it ran the allowlist's pattern over the whole line 2,000 times (36 s). An allowlist
// that decides on the line alone (no stop words, paths or commits) cannot allow a finding whose
// line it does not match, and that line is part of the text gitleaks was given; so when the
// pattern, with every zero-width assertion made to hold everywhere, does not match the text at
// all, the allowlist cannot allow anything in it, and leaving it out changes no result. That
// check runs once per text. Decoded findings are checked against lines of the decoded text, so
// for the decoding flavour every decoding pass is checked (lineFreeDecoded).
//
// On a short text the per-finding checks cost less than the check for the whole text (and the
// first one compiles the relaxed patterns), so it is made on texts of leanMin bytes or more.
const leanMin = 4 << 10

type lineOnly struct {
	without config.Config       // the rules without their line-only allowlists
	checks  []*regexp.Regexp    // the relaxed patterns of those allowlists; nil if there are none
	globals []*config.Allowlist // those of them that apply to every rule
}

func splitLineOnly(cfg config.Config) lineOnly {
	var checks []*regexp.Regexp
	split := func(als []*config.Allowlist) (kept, removed []*config.Allowlist) {
		for _, a := range als {
			if a.RegexTarget != "line" || len(a.Regexes) == 0 || len(a.StopWords) > 0 || len(a.Paths) > 0 || len(a.Commits) > 0 {
				kept = append(kept, a)
				continue
			}
			removed = append(removed, a)
			// gitleaks matches the allowlist's patterns joined as they are written,
			// (?:p1|p2|...), so that flags set in one (a leading (?i)) reach those after it;
			// the relaxed form is made of the same joined text.
			srcs := make([]string, len(a.Regexes))
			for i, re := range a.Regexes {
				srcs[i] = re.String()
			}
			checks = append(checks, relaxedPattern("(?:"+strings.Join(srcs, "|")+")"))
		}
		return kept, removed
	}
	without := cfg
	var globals []*config.Allowlist
	without.Allowlists, globals = split(cfg.Allowlists)
	without.Rules = make(map[string]config.Rule, len(cfg.Rules))
	for id, r := range cfg.Rules {
		r.Allowlists, _ = split(r.Allowlists)
		without.Rules[id] = r
	}
	return lineOnly{without: without, checks: checks, globals: globals}
}

// lineFreeDecoded is lineFree for the decoding flavour. Its findings' lines are lines of the
// text as each decoding pass leaves it (codec.CurrentLine), so every pass is decoded here as
// gitleaks' DetectContext decodes it, and each must be free: 2,000 base64-encoded tokens on one
// line took 55 s, one check of the decoded line per finding.
func (e engine) lineFreeDecoded(raw string) bool {
	if e.lines().checks == nil {
		return true
	}
	segments := []*codec.EncodedSegment{}
	decoder := codec.NewDecoder()
	for depth := 0; ; depth++ {
		if !e.lineFree(raw) {
			return false
		}
		if depth+1 > maxDecodeDepth {
			return true
		}
		if raw, segments = decoder.Decode(raw, segments); len(segments) == 0 {
			return true
		}
	}
}

// allAllowed reports whether a global line-only allowlist allows every finding in text. On a
// text without a line feed gitleaks takes the whole text as every finding's line, so one check
// answers for all of them: a file whose lines end in a carriage return alone is one line of
// 88 KB, and when its line matched the allowlist, gitleaks found that out again for each of
// 2,000 findings (62 s; found by a hang hunt).
func (e engine) allAllowed(line string) bool {
	if strings.IndexByte(line, '\n') >= 0 {
		return false
	}
	for _, a := range e.lines().globals {
		if a.RegexAllowed(line) {
			return true
		}
	}
	return false
}

// lineFree reports whether no line-only allowlist of the engine can match anything in text.
func (e engine) lineFree(text string) bool {
	for _, re := range e.lines().checks {
		if re.MatchString(text) {
			return false
		}
	}
	return true
}

// relaxed caches relaxedPattern by pattern: the global allowlists are shared by every engine.
var relaxed sync.Map // string -> *regexp.Regexp

// relaxedPattern is the pattern src with every zero-width assertion (^ $ \A \z \b \B, in either line mode)
// replaced by an empty group, which always holds. Wherever re matches a part of a text, the
// relaxed pattern matches the text: the same characters are consumed and no assertion can fail.
// (src is a pattern gitleaks compiled, so it parses; if it did not, the answer would match
// everything.)
//
// The replacement is made in the source text: printing a parsed pattern (syntax.Regexp.String)
// took 4.5ms for the OTP allowlist's case-folded negated class. It is checked by parsing both:
// the result must parse to re's tree with each assertion made an empty match, or the answer is
// a pattern that matches everything (the engine then keeps every allowlist).
func relaxedPattern(src string) *regexp.Regexp {
	if r, ok := relaxed.Load(src); ok {
		return r.(*regexp.Regexp)
	}
	out := regexp.MustCompile(``)
	rel := relaxAssertions(src)
	want, err1 := syntax.Parse(src, syntax.Perl)
	got, err2 := syntax.Parse(rel, syntax.Perl)
	if err1 == nil && err2 == nil {
		emptyAssertions(want)
		if want.Equal(got) {
			if r, err := regexp.Compile(rel); err == nil {
				out = r
			}
		}
	}
	relaxed.Store(src, out)
	return out
}

// emptyAssertions turns every zero-width assertion of a parsed pattern into an empty match.
func emptyAssertions(n *syntax.Regexp) {
	switch n.Op {
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		*n = syntax.Regexp{Op: syntax.OpEmptyMatch}
	}
	for _, s := range n.Sub {
		emptyAssertions(s)
	}
}

// relaxAssertions replaces the assertions of a pattern's source (^ and $ outside character
// classes, \A \z \b \B) with "(?:)". It follows escapes, \Q...\E quoting and classes, with
// their [:name:] parts; whatever it gets wrong, relaxedPattern's check catches.
func relaxAssertions(src string) string {
	var b strings.Builder
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\\' && i+1 < len(src):
			switch src[i+1] {
			case 'A', 'z', 'b', 'B':
				b.WriteString("(?:)")
			case 'Q':
				end := len(src)
				if k := strings.Index(src[i+2:], `\E`); k >= 0 {
					end = i + 2 + k + 2
				}
				b.WriteString(src[i:end])
				i = end - 1
				continue
			default:
				b.WriteString(src[i : i+2])
			}
			i++
		case c == '^' || c == '$':
			b.WriteString("(?:)")
		case c == '[':
			j := i + 1
			if j < len(src) && src[j] == '^' {
				j++
			}
			if j < len(src) && src[j] == ']' {
				j++ // a leading ] is a member
			}
			for j < len(src) && src[j] != ']' {
				switch {
				case src[j] == '\\':
					j++
				case strings.HasPrefix(src[j:], "[:"):
					if k := strings.Index(src[j+2:], ":]"); k >= 0 {
						j += k + 3
					}
				}
				j++
			}
			end := min(j+1, len(src))
			b.WriteString(src[i:end])
			i = end - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// compiler compiles the rules named by ids into a gitleaks config of those rules alone (as
// rules.Decoded.Translate does).
type compiler func(ids ...string) (config.Config, error)

// mustCompile is c for rules known to compile: the embedded ones are compiled by every test of
// this package, and a user's rule file is compiled whole when it is loaded (rules.ParseDecoded).
func (c compiler) mustCompile(ids ...string) config.Config {
	cfg, err := c(ids...)
	if err != nil {
		panic("tokenscan: compiling detection rules " + strings.Join(ids, ", ") + ": " + err.Error())
	}
	return cfg
}

// cached returns a compiler that compiles each set of rules once: a composite rule's local and
// wide engines both need it with the rules it requires.
func (c compiler) cached() compiler {
	var m sync.Map // ids joined -> func() (config.Config, error)
	return func(ids ...string) (config.Config, error) {
		f, _ := m.LoadOrStore(strings.Join(ids, "\x00"), sync.OnceValues(func() (config.Config, error) { return c(ids...) }))
		return f.(func() (config.Config, error))()
	}
}

// withRequired is id and the rules it requires that exist, in that order, once each: what
// gitleaks needs to compile a composite rule.
func withRequired(specs specIndex, id string) []string {
	ids := []string{id}
	for _, req := range specs[id].Required {
		if _, ok := specs[req.ID]; ok && !slices.Contains(ids, req.ID) {
			ids = append(ids, req.ID)
		}
	}
	return ids
}

// specIndex finds rules by ID.
type specIndex map[string]rules.Spec

func indexSpecs(specs []rules.Spec) specIndex {
	x := specIndex{}
	for _, sp := range specs {
		x[sp.ID] = sp
	}
	return x
}

func (e engine) detect(path string, text []byte, firstLine int, decode bool) []glReport.Finding {
	raw := string(text)
	d := e.plain
	switch {
	case decode && len(raw) >= leanMin && e.lineFreeDecoded(raw):
		d = e.leanDecode
	case decode:
		d = e.decode
	case len(raw) < leanMin:
	case e.lineFree(raw):
		d = e.lean
	case e.allAllowed(raw):
		return nil
	}
	found := d().Detect(glDetect.Fragment{Raw: raw, FilePath: path, StartLine: firstLine})
	kept := found[:0]
	for _, f := range found {
		if !allows(e.values[f.RuleID], f.Secret) {
			kept = append(kept, f)
		}
	}
	return kept
}

// wideEngines builds, for each composite rule, an engine holding that rule and the rules it
// requires, as written: all gitleaks needs to decide the rule, and nothing else run over the
// wide window.
//
// Keywords are left out: gitleaks requires a rule's keywords somewhere in the text it scans,
// which for a file is the whole file, not the window; Scan checks that on the file itself
// (fileKeywords) before it runs a composite rule at all.
func wideEngines(specs specIndex, compile compiler, composite map[string]bool, values map[string][]*valueFilter) map[string]engine {
	out := map[string]engine{}
	for id := range composite {
		ids := withRequired(specs, id)
		out[id] = newEngine(func() config.Config {
			all := compile.mustCompile(ids...)
			one := config.Config{Rules: map[string]config.Rule{}, Keywords: map[string]struct{}{}, Allowlists: all.Allowlists}
			for _, rid := range ids {
				r := all.Rules[rid]
				r.Keywords = nil
				one.Rules[rid] = r
				one.OrderedRules = append(one.OrderedRules, rid)
			}
			return one
		}, values)
	}
	return out
}

// ruleEngine runs one rule of the local step, with the literals any match of it must contain.
type ruleEngine struct {
	id        string
	literals  *keywordFinder // nil when the pattern requires no known literal
	multiLine bool           // a match may span lines
	kinds     kind           // candidates its secret can be; 0 when unknown (always run)
	// around checks a plain-token candidate's surroundings before the rule runs on a line;
	// nil for rules it cannot be derived for.
	around *around
	// requires holds, for a composite rule, the literals each of its required rules cannot
	// match without: when a window lacks any of them, the rule cannot report from it.
	requires []*keywordFinder
	// narrowable is set for a composite rule whose matches, and those of every rule it
	// requires, lie within one line, and whose required rules all have literals in requires:
	// the wide step can then show gitleaks only the lines that can take part (narrowWide).
	narrowable bool
	engine
}

// wants reports whether r can report anything where the candidates are of the given kinds.
// Encoded text may hide any secret and any literal, so then every rule runs.
func (r ruleEngine) wants(kinds kind, lower []byte) bool {
	return r.wantsKinds(kinds) && (kinds&kindEncoded != 0 || r.literals == nil || r.literals.contains(lower))
}

// wantsKinds is wants without the literals: whether r's secret can be one of kinds.
func (r ruleEngine) wantsKinds(kinds kind) bool {
	return kinds&kindEncoded != 0 || r.kinds == 0 || r.kinds&kinds != 0
}

// literalIndex tells in one pass over a text which rules' literals it holds: the single-line
// rules ask about every candidate line, and a pass per rule cost more than the rules did.
type literalIndex struct {
	finder *keywordFinder
	rules  map[string]ruleSet // literal -> the rules that have it
	all    ruleSet            // the rules with literals
}

// newLiteralIndex indexes the literals of the rules in set (localEngines keeps no literal
// shorter than a search anchor).
func newLiteralIndex(local []ruleEngine, set ruleSet) *literalIndex {
	x := &literalIndex{rules: map[string]ruleSet{}}
	var words [][]byte
	for i, r := range local {
		if set&(1<<i) == 0 || r.literals == nil {
			continue
		}
		for _, w := range r.literals.words() {
			if x.rules[string(w)] == 0 {
				words = append(words, w)
			}
			x.rules[string(w)] |= 1 << i
		}
		x.all |= 1 << i
	}
	x.finder = newKeywordFinder(words)
	return x
}

// present returns the rules whose literals lower (folded text) holds.
func (x *literalIndex) present(lower []byte) ruleSet {
	var got ruleSet
	x.finder.each(lower, func(start, end int) bool {
		got |= x.rules[string(lower[start:end])]
		return got != x.all
	})
	return got
}

// localEngines builds one engine per reported rule. A composite rule is reduced to its primary
// pattern, without required rules and without keywords: the keyword that makes it relevant may
// lie outside a small window, and the wide step checks both. Nothing is compiled here: what
// the engines need to know of the patterns comes from their facts.
func localEngines(specs []rules.Spec, compile compiler, values map[string][]*valueFilter) []ruleEngine {
	byID := indexSpecs(specs)
	var out []ruleEngine
	for _, sp := range specs {
		if sp.SkipReport || sp.Regex == "" {
			continue
		}
		id, composite := sp.ID, len(sp.Required) > 0
		cfg := func() config.Config {
			r := compile.mustCompile(withRequired(byID, id)...)
			rule := r.Rules[id]
			if composite {
				rule.RequiredRules, rule.Keywords = nil, nil
			}
			keywords := map[string]struct{}{}
			for _, k := range rule.Keywords {
				keywords[k] = struct{}{}
			}
			return config.Config{
				Rules:        map[string]config.Rule{id: rule},
				OrderedRules: []string{id},
				Keywords:     keywords,
				Allowlists:   r.Allowlists,
			}
		}
		f := factsOf(sp.Regex, sp.SecretGroup)
		re := ruleEngine{id: id, engine: newEngine(cfg, values), multiLine: f.multiLine, kinds: f.kinds}
		if f.aroundOK {
			re.around = &around{leftSrc: f.left, rightSrc: f.right}
		}
		re.narrowable = composite && !re.multiLine
		for _, req := range sp.Required {
			q, ok := byID[req.ID]
			if !ok || q.Regex == "" {
				re.narrowable = false
				continue
			}
			qf := factsOf(q.Regex, q.SecretGroup)
			if !qf.literalOK {
				re.narrowable = false
				continue
			}
			re.requires = append(re.requires, newKeywordFinder(toBytes(qf.literals)))
			if qf.multiLine {
				re.narrowable = false
			}
		}
		// A literal shorter than a search anchor (a quote, a comma) filters nothing worth a pass.
		if f.literalOK && !slices.ContainsFunc(f.literals, func(l string) bool { return len(l) < gram }) {
			re.literals = newKeywordFinder(toBytes(f.literals))
		}
		out = append(out, re)
	}
	return out
}

func toBytes(ss []string) [][]byte {
	out := make([][]byte, len(ss))
	for i, s := range ss {
		out[i] = []byte(s)
	}
	return out
}

// fileKeywords returns, per composite rule, finders for the keywords of the rule and of each
// rule it requires that has keywords: gitleaks runs the rule on a file only when each finds one.
func fileKeywords(specs specIndex, composite map[string]bool) map[string][]*keywordFinder {
	out := map[string][]*keywordFinder{}
	for id := range composite {
		ids := []string{id}
		for _, req := range specs[id].Required {
			ids = append(ids, req.ID)
		}
		for _, rid := range ids {
			if kws := specs[rid].Keywords; len(kws) > 0 {
				out[id] = append(out[id], newKeywordFinder(toBytes(kws)))
			}
		}
	}
	return out
}

// ruleSet is a set of local engines, by index (the step asserts there are at most 64).
type ruleSet uint64

// requiredIndex finds, once per file, where the literals each composite rule's required rules
// need occur, so that each window's question is a binary search.
type requiredIndex struct {
	d    *Detector
	data []byte
	occ  [][]occurrences // per local engine, per required rule; nil until first asked
}

// excluded returns the composite rules that cannot report from the window [start, end): a
// required rule's literals are missing there. The wide step, which decides, sees the same text.
func (x *requiredIndex) excluded(start, end int) ruleSet {
	x.occurrences()
	var out ruleSet
	for i, occs := range x.occ {
		for _, o := range occs {
			if !o.within(start, end) {
				out |= 1 << i
				break
			}
		}
	}
	return out
}

// narrowWide returns the text of window w (chunk) for the wide step of the composite rule
// local[i], with every line emptied (its newline kept) except the primaries' lines and those
// holding one of its required rules' literals. For a narrowable rule gitleaks finds the same:
// its line numbers and columns count from the newlines, which all stay; the rule's and its
// required rules' matches lie within one line, and a required match contains a literal, so no
// match on a kept line changes and none is lost; matches of the rule on emptied lines are not
// primaries, and only findings on a primary's line are taken. Without it the rule's pattern
// and each required pattern run over every byte of up to 2*withinLines lines: 1.5 ms for one
// token in a 60-line file, most of a pre-commit hook's scan.
func (x *requiredIndex) narrowWide(i int, lines *lineIndex, w window, chunk []byte, primaries map[int]bool) []byte {
	x.occurrences()
	keep := make(map[int]bool, len(primaries))
	for l := range primaries {
		keep[l] = true
	}
	for _, occ := range x.occ[i] {
		for _, o := range occ {
			if o[0] >= w.start && o[0] < w.end {
				keep[lines.lineOf(o[0])] = true
			}
		}
	}
	out := make([]byte, 0, len(chunk))
	for line := w.firstLine; len(chunk) > 0; line++ {
		end := len(chunk)
		if nl := bytes.IndexByte(chunk, '\n'); nl >= 0 {
			end = nl + 1
		}
		switch {
		case keep[line]:
			out = append(out, chunk[:end]...)
		case chunk[end-1] == '\n':
			out = append(out, '\n')
		}
		chunk = chunk[end:]
	}
	return out
}

// occurrences finds the required rules' literals in the file, once.
func (x *requiredIndex) occurrences() {
	if x.occ != nil {
		return
	}
	x.occ = make([][]occurrences, len(x.d.local))
	for i, r := range x.d.local {
		for _, f := range r.requires {
			x.occ[i] = append(x.occ[i], f.findAll(x.data))
		}
	}
}

// localContext is how many lines either side of a candidate the local step shows the rules, and
// localBytes how many bytes before it at least: enough for a multi-line assignment (an HCL
// variable block with a few attributes before its default).
const (
	localContext = 8
	localBytes   = 512
)

// detectLines runs the single-line rules on each candidate line of w. lower is w's text folded
// to lower case.
//
// A fragment is decoded (as gitleaks decodes: base64, hex, percent-encoding) when it holds an
// encoded candidate or a %XX escape itself: the rules see only the fragment, so an escape on
// another line of the window (a printf "%08x" in the function above) changes nothing they
// could find, and the decoding pass costs more than the rules.
func (d *Detector) detectLines(path string, data []byte, lines *lineIndex, w window, lower []byte, absent, skip func() ruleSet) []glReport.Finding {
	var out []glReport.Finding
	for _, c := range w.cands {
		var rev []byte
		for _, fr := range lineFragments(lines, c) {
			start, end := fr[0], fr[1]
			text := data[start:end]
			kinds := c.kinds
			decode := kinds&kindEncoded != 0 || hasPercentEscape(text)
			if decode {
				kinds |= kindEncoded
			}
			// Which rules run follows from the text, decode and the window's exclusions; the
			// set keys the memo with the text, and a fragment no rule runs on costs no key.
			var run, present ruleSet
			looked := false
			for i, r := range d.local {
				if r.multiLine || !r.wantsKinds(kinds) {
					continue
				}
				if kinds&kindEncoded == 0 && r.literals != nil {
					if !looked {
						present, looked = d.lineLiterals.present(lower[start-w.start:end-w.start]), true
					}
					if present&(1<<i) == 0 {
						continue
					}
				}
				// A composite rule whose keywords the file lacks is out before its surroundings
				// are checked (once per file); its window exclusions cost more, and come after.
				if r.requires != nil && absent()&(1<<i) != 0 {
					continue
				}
				if !decode && r.around != nil && !r.admitsAround(text, start, c.ranges, &rev) {
					continue
				}
				if r.requires != nil && skip()&(1<<i) != 0 {
					continue
				}
				run |= 1 << i
			}
			if run == 0 {
				continue
			}
			out = append(out, d.lineMemo.cached(memoKey(decode, run, text), c.line, func() []glReport.Finding {
				var found []glReport.Finding
				for i, r := range d.local {
					if run&(1<<i) != 0 {
						found = append(found, r.detect(path, text, c.line, decode)...)
					}
				}
				return found
			})...)
		}
	}
	return out
}

func memoKey(decode bool, run ruleSet, text []byte) string {
	var k [9]byte
	k[0] = 'p'
	if decode {
		k[0] = 'd'
	}
	binary.LittleEndian.PutUint64(k[1:], uint64(run))
	return string(k[:]) + string(text)
}

// admitsAround reports whether any candidate on the line could be r's secret in text, which
// starts at byte base of the file. Line fragments never cut a word (see lineFragments), so the
// candidates in ranges are exactly the token runs the rule can see, and the answer depends on
// the text alone, as the memo needs.
func (r ruleEngine) admitsAround(text []byte, base int, ranges [][2]int, rev *[]byte) bool {
	for _, rg := range ranges {
		if rg[0] >= base && rg[1] <= base+len(text) && r.around.admits(text, rg[0]-base, rg[1]-base, rev) {
			return true
		}
	}
	return false
}

// grownScans remembers, for one Scan, per multi-line rule and flavour (plain, decoding), the
// last text a window grew over and what the rule found in it. A later window inside that text
// takes those findings instead of growing over the same text again: with a match every line or
// two, every window grew to the end of the file (126 KB of unclosed "cpanel_token {" blocks
// took 6 minutes). They are the findings a scan of the whole text from an earlier start gives,
// as gitleaks' own scan of the file starts earlier still.
type grownScans map[grownKey]grownScan

type grownKey struct {
	rule   int
	decode bool
}

type grownScan struct {
	start, end int // the byte range scanned
	found      []glReport.Finding
}

// within returns the findings that start on lines first..last.
func (g grownScan) within(first, last int) []glReport.Finding {
	var out []glReport.Finding
	for _, f := range g.found {
		if f.StartLine >= first && f.StartLine <= last {
			out = append(out, f)
		}
	}
	return out
}

// detectWindow runs the multi-line rules that could match in lw. A match that reaches the last
// line of the window may continue past it (an access hash pasted over many lines), so the window
// grows until no match touches its end.
func (d *Detector) detectWindow(path string, data []byte, lines *lineIndex, lw window, decode bool, lower []byte, skip func() ruleSet, grown grownScans) []glReport.Finding {
	kinds := lw.kinds
	if decode {
		kinds |= kindEncoded
	}
	var run ruleSet
	for i, r := range d.local {
		if r.multiLine && r.wants(kinds, lower) && (r.requires == nil || skip()&(1<<i) == 0) {
			run |= 1 << i
		}
	}
	if run == 0 {
		return nil
	}
	// A window that grows looks past its own text, so only the text up to the end of the file
	// decides the result when it reaches it; windows that grew are not memoised.
	key := memoKey(decode, run, data[lw.start:lw.end])
	if fs, ok := d.windowMemo.get(key); ok {
		return shiftLines(fs, lw.firstLine)
	}
	var out []glReport.Finding
	grew := false
	for i, r := range d.local {
		if run&(1<<i) == 0 {
			continue
		}
		key := grownKey{i, decode}
		if g, ok := grown[key]; ok && lw.start >= g.start && lw.end <= g.end {
			out = append(out, g.within(lw.firstLine, lw.coreLast)...)
			grew = true // not the window's own scan: not memoised
			continue
		}
		last, step := lw.coreLast, 4*localContext
		for {
			found := r.detect(path, data[lw.start:lines.lineEnd(last)], lw.firstLine, decode)
			if last >= lines.count() || !reachesLine(found, last) {
				out = append(out, found...)
				if last > lw.coreLast {
					grown[key] = grownScan{start: lw.start, end: lines.lineEnd(last), found: found}
				}
				break
			}
			// Each try rescans the window from its start, so it grows geometrically: by a
			// fixed step, a match running to the end of 8,000 lines took 33 s.
			last, step = min(last+step, lines.count()), 2*step
			grew = true
		}
	}
	if !grew && lw.coreLast < lines.count() {
		d.windowMemo.put(key, shiftLines(out, -lw.firstLine))
	}
	return out
}

func reachesLine(fs []glReport.Finding, line int) bool {
	for _, f := range fs {
		if f.EndLine >= line {
			return true
		}
	}
	return false
}

var lowerPool = sync.Pool{New: func() any { b := make([]byte, 0, 16<<10); return &b }}

func getBuffer() *[]byte { return lowerPool.Get().(*[]byte) }

func putBuffer(b *[]byte) { lowerPool.Put(b) }

// foldInto writes chunk folded to ASCII lower case into *buf and returns it. It works eight
// bytes at a time: for each byte, adding 0x3f sets the high bit from 'A' up and adding 0x25
// sets it from '[' up (both on the low seven bits, so nothing carries between bytes); the bytes
// with the first and not the second are A-Z and get 0x20 added. Bytes >= 0x80 are left alone.
func foldInto(buf *[]byte, chunk []byte) []byte {
	if cap(*buf) < len(chunk) {
		*buf = make([]byte, len(chunk), len(chunk)+len(chunk)/4)
	}
	b := (*buf)[:len(chunk)]
	*buf = b
	foldTo(b, chunk)
	return b
}

// foldTo writes src folded to ASCII lower case into dst, which has src's length.
func foldTo(dst, src []byte) {
	const low7, high = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	i := 0
	// AVX2 folds 32 bytes a step instead of 8, but its set-up costs more than folding a token.
	if useTeddy && len(src) >= 256 {
		i = len(src) &^ 31
		foldAVX2(&dst[0], &src[0], i)
	}
	for ; i+8 <= len(src); i += 8 {
		x := binary.LittleEndian.Uint64(src[i:])
		l := x & low7
		upper := (l + 0x3f3f3f3f3f3f3f3f) &^ (l + 0x2525252525252525) &^ x & high
		binary.LittleEndian.PutUint64(dst[i:], x|upper>>2)
	}
	for ; i < len(src); i++ {
		c := src[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst[i] = c
	}
}

// Samples of what each candidate kind looks like, for secretKinds.
var (
	sampleToken = "Q8ZK2M4T7W1RXN5BH9CJ3PVL6YD0FGS2"
	sampleHex   = strings.Repeat("4f2a9c81d07b3e65", 60)
)

// kindsOf works out from a rule's pattern and its secretGroup (as written) which candidate kinds
// it can report: a plain token, a lower-case hex run, or (0) something else, in which case the
// rule always runs.
func kindsOf(pattern string, secretGroup int) kind {
	group := secretGroupPattern(pattern, secretGroup)
	if group == "" {
		return 0
	}
	if k, ok := groupKinds.Load(group); ok {
		return k.(kind) // rules share their secret's shape: the token rules all have [0-9A-Z]{32}
	}
	re, err := regexp.Compile(`^(?:` + group + `)$`)
	if err != nil {
		return 0
	}
	var k kind
	if re.MatchString(sampleToken) {
		k |= kindToken
	}
	if re.MatchString(sampleHex) {
		k |= kindHex
	}
	groupKinds.Store(group, k)
	return k
}

var groupKinds sync.Map // secret group pattern -> kind

// secretGroupPattern returns the source of the capture group that holds a rule's secret, with
// the flags in force around it.
func secretGroupPattern(pattern string, secretGroup int) string {
	re, err := parse(pattern)
	if err != nil {
		return ""
	}
	want := secretGroup
	if want == 0 {
		want = 1
	}
	var found *syntax.Regexp
	var walk func(*syntax.Regexp)
	walk = func(n *syntax.Regexp) {
		if found != nil {
			return
		}
		if n.Op == syntax.OpCapture && n.Cap == want {
			found = n.Sub[0]
			return
		}
		for _, s := range n.Sub {
			walk(s)
		}
	}
	walk(re)
	if found == nil {
		return ""
	}
	return found.String()
}
