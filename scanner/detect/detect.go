// Package detect finds cPanel and WHM API tokens in text. It runs the gitleaks v8 rules engine
// with tokenscan's rules (package rules), but only on the small windows of a file around places a
// token could be, which a fast byte-class prefilter finds; the rest of the file is never handed to
// a regular expression. Findings carry the token's exact position and, when the file reveals it,
// the cPanel/WHM account it belongs to.
package detect

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/rs/zerolog"
	"github.com/zricethezav/gitleaks/v8/logging"

	"github.com/tokenscan/tokenscan/rules"
	"github.com/tokenscan/tokenscan/scanner/finding"
)

// Options configures a Detector. The zero value uses the embedded rules.
type Options struct {
	// Rules is a gitleaks-format TOML rule file; nil means the embedded rules/cpanel.toml.
	Rules []byte
	// ContextLines is how many lines around a candidate the rules see. It must cover the widest
	// withinLines of a composite rule; 0 means that width plus a margin.
	ContextLines int
}

// Detector scans content for tokens. It is safe for concurrent use.
//
// A file without any rule's keyword is done after one vectorised pass. Otherwise rules run in
// two steps. The local step shows each rule, on its own, a few lines around each candidate, and
// only when text the rule cannot match without is there (its literals, the shape of its
// surroundings of the secret); composite rules are reduced to their primary pattern. Only when
// such a primary matches does the wide step run that rule and the rules it requires, as written,
// over the surrounding ±context lines, to check the required context. As in gitleaks, a
// composite rule's keywords count anywhere in the file; the other rules need theirs in the few
// lines they see. Regular expressions cost per byte, so most text is seen by no rule at all,
// and the rest by the few rules that could match it, in a small window.
type Detector struct {
	// load reads the rule file; nothing in it is compiled until a scan runs the rule.
	load     func() (*rules.Decoded, error)
	once     sync.Once
	prepErr  error
	warmOnce sync.Once

	// finder finds the reporting rules' keywords; nil when some reporting rule has none (then
	// no text can be skipped).
	kwOnce sync.Once
	finder *keywordFinder

	local     []ruleEngine
	wide      map[string]engine // per composite rule: it and the rules it requires, as written
	composite map[string]bool   // rule IDs with required rules
	// fileKeywords holds, per composite rule, the keyword sets that must all occur in a file
	// for gitleaks to run it there; compositeSet and index locate the rules among d.local.
	fileKeywords map[string][]*keywordFinder
	compositeSet ruleSet
	index        map[string]int
	context      int
	ruleDesc     map[string]string
	minEnt       float64
	// distinctEnough is how many distinct bytes put a token's entropy above minEnt however
	// they are spread (distinctAbove).
	distinctEnough int
	// values holds, per rule, the allowlists that decide on the secret alone (rules.Decoded):
	// gitleaks runs the rules without them and the engines apply them to what it reports.
	values map[string][]*valueFilter
	// valueRules holds the distinct values of the rules whose secret can be a plain token. A
	// token candidate is dropped only when every such rule would drop it.
	valueRules [][]*valueFilter

	// gateWords holds, per file-keyword finder whose keywords the file gate searches for
	// too, those keywords (gateCovered).
	gateOnce  sync.Once
	gateWords map[*keywordFinder][]string

	// lineLiterals finds which single-line rules' literals a line holds, in one pass.
	lineLiterals *literalIndex

	lineMemo, windowMemo *memo
}

// Memo budgets: enough for the distinct lines of a large history, small next to the 300 MB a
// history scan may use.
const (
	lineMemoBytes   = 64 << 20
	windowMemoBytes = 32 << 20
)

var quietOnce sync.Once

// New builds a Detector. With the embedded rules and default options nothing is compiled until
// the first content that could hold a token: a pre-commit hook whose staged lines hold no
// 32-character run never pays for the rules at all. Otherwise the rules are compiled at once, so
// errors (a bad rule file, too narrow a context) surface here.
func New(opt Options) (*Detector, error) {
	// gitleaks logs through a global zerolog logger to stderr; our own reporting says what matters.
	quietOnce.Do(func() { logging.Logger = zerolog.New(io.Discard) })
	d := &Detector{context: opt.ContextLines, load: rules.DefaultDecoded}
	if opt.Rules == nil && opt.ContextLines == 0 {
		return d, nil
	}
	if opt.Rules != nil {
		dec, err := rules.ParseDecoded(opt.Rules)
		if err != nil {
			return nil, err
		}
		d.load = func() (*rules.Decoded, error) { return dec, nil }
	}
	if err := d.prepare(); err != nil {
		return nil, err
	}
	return d, nil
}

// prepare compiles the rules and everything derived from them, once.
func (d *Detector) prepare() error {
	d.once.Do(func() { d.prepErr = d.build() })
	return d.prepErr
}

// keywordFinder returns the finder for the reporting rules' keywords, or nil when text without
// them cannot be skipped. Only the rule file's keywords are read for it, nothing is compiled:
// a pre-commit hook whose staged lines name no cPanel keyword never pays for the rules.
func (d *Detector) keywordFinder() *keywordFinder {
	d.kwOnce.Do(func() {
		dec, err := d.load()
		if err != nil {
			return // a broken rule file fails in prepare, with its error
		}
		words, all := dec.Keywords()
		if !all {
			return
		}
		set := map[string]struct{}{}
		for _, w := range words {
			set[w] = struct{}{}
		}
		d.finder = newKeywordFinder(minimalKeywords(set))
	})
	return d.finder
}

// Warm prepares the detector in the background, so that the work overlaps with whatever the
// caller waits for next (git starting up, a directory walk): the keyword finder, which every
// Scan of a non-empty input needs, then everything derived from the rule file. No rule is
// compiled: a scan compiles the few it comes to run (a commit adding a token reaches three of
// the embedded rules); compiling all of them here, beside git on a two-core machine, made a
// pre-commit hook 0.5 ms slower with a token and 2.5 ms slower without one. Calls after the
// first do nothing.
func (d *Detector) Warm() {
	d.warmOnce.Do(func() {
		go func() {
			d.keywordFinder()
			if d.prepare() != nil {
				return
			}
			// The surroundings lookaheads are cheap (a few parses), and a scan's first
			// candidate line needs those of every rule whose literals it holds.
			for _, r := range d.local {
				if r.around != nil {
					r.around.lookaheads()
				}
			}
		}()
	})
}

// mustPrepare is prepare for the scan path. The embedded rules are built and exercised by every
// test of this package and of package rules, so their failing here is a defect of the build,
// not a condition to handle.
func (d *Detector) mustPrepare() {
	if err := d.prepare(); err != nil {
		panic("tokenscan: building the detection rules: " + err.Error())
	}
}

func (d *Detector) build() error {
	dec, err := d.load()
	if err != nil {
		return err
	}
	specs := dec.Specs()
	byID := indexSpecs(specs)
	d.values = map[string][]*valueFilter{}
	for _, v := range dec.Values {
		f := newValueFilter(v.Regexes, v.StopWords)
		for _, id := range v.Rules {
			d.values[id] = append(d.values[id], f)
		}
	}
	d.ruleDesc, d.composite = map[string]string{}, map[string]bool{}
	widest := 0
	for _, r := range specs {
		d.ruleDesc[r.ID] = r.Description
		if len(r.Required) > 0 {
			d.composite[r.ID] = true
		}
		for _, req := range r.Required {
			if req.WithinLines != nil && *req.WithinLines > widest {
				widest = *req.WithinLines
			}
		}
	}
	if d.context == 0 {
		d.context = widest + 8
	}
	if d.context < widest {
		return fmt.Errorf("context of %d lines is narrower than a rule's withinLines (%d)", d.context, widest)
	}
	d.lineMemo, d.windowMemo = newMemo(lineMemoBytes), newMemo(windowMemoBytes)
	compile := compiler(dec.Translate).cached()
	d.wide = wideEngines(byID, compile, d.composite, d.values)
	d.fileKeywords = fileKeywords(byID, d.composite)
	d.local = localEngines(specs, compile, d.values)
	if len(d.local) > 64 {
		return fmt.Errorf("%d reporting rules: at most 64 are supported", len(d.local))
	}
	var singleLine ruleSet
	for i, r := range d.local {
		if !r.multiLine {
			singleLine |= 1 << i
		}
	}
	d.lineLiterals = newLiteralIndex(d.local, singleLine)
	d.index = map[string]int{}
	for i, r := range d.local {
		d.index[r.id] = i
		if d.composite[r.id] {
			d.compositeSet |= 1 << i
		}
	}
	d.minEnt = minEntropy(specs)
	d.distinctEnough = distinctAbove(tokenLen, d.minEnt)
	for _, re := range d.local {
		if re.kinds != 0 && re.kinds&kindToken == 0 {
			continue // its secret is never a plain token (an access hash)
		}
		// Rules sharing their allowlists (the token rules share one) are asked once: a value
		// they drop would otherwise be judged again for each.
		fs := d.values[re.id]
		if !slices.ContainsFunc(d.valueRules, func(o []*valueFilter) bool { return slices.Equal(o, fs) }) {
			d.valueRules = append(d.valueRules, fs)
		}
	}
	return nil
}

// acceptValue applies the rules' own value-level allowlists (those that look only at the secret)
// and the lowest entropy threshold to a plain 32-character candidate. It may let through values
// the rules will reject later, never the other way round.
func (d *Detector) acceptValue(v []byte) bool {
	d.mustPrepare()
	// The allowlists first: they drop most candidates (hashes, sequences, placeholders), the
	// entropy threshold almost none.
	var folded [64]byte // stop words compare case-insensitively
	var lower []byte
	if len(v) <= len(folded) {
		lower = folded[:len(v)]
	} else {
		lower = make([]byte, len(v))
	}
	foldTo(lower, v)
	kept := false
	for _, fs := range d.valueRules {
		dropped := false
		for _, f := range fs {
			if f.drops(v, lower) {
				dropped = true
				break
			}
		}
		if !dropped {
			kept = true
			break
		}
	}
	if !kept {
		return false
	}
	// Enough distinct bytes put a token above the threshold however they are spread, and
	// counting them takes a tenth of the time of the entropy. The margin keeps float rounding
	// from dropping a value gitleaks would (barely) keep.
	if len(v) == tokenLen && distinctASCII(v) >= d.distinctEnough {
		return true
	}
	return shannon(v) > d.minEnt-1e-9
}

// valueFilter is one allowlist that judges the secret alone, compiled to its fastest exact form.
type valueFilter struct {
	checks []valueCheck
	stops  *substringMatcher // lower-case stop words, nil if none
}

func newValueFilter(regexes, stopWords []string) *valueFilter {
	f := &valueFilter{}
	// Patterns that are plain literal lists (sequences, interleaved fakes, repeats) drop a value
	// holding any of their literals: one matcher over all of them takes one pass, not three.
	var lits []string
	for _, p := range regexes {
		if l, ok := literalSet(p); ok {
			lits = append(lits, l...)
			continue
		}
		f.checks = append(f.checks, newValueCheck(p))
	}
	if len(lits) > 0 {
		f.checks = append(f.checks, valueCheck{lits: newSubstringMatcher(dedupeStrings(lits))})
	}
	// Cheapest first: a byte-class test (all-hex checksums, the commonest decoy) before set
	// lookups and regexps.
	sort.SliceStable(f.checks, func(i, j int) bool { return f.checks[i].class != nil && f.checks[j].class == nil })
	if len(stopWords) > 0 {
		f.stops = newSubstringMatcher(stopWords) // lower-case, as gitleaks compares them
	}
	return f
}

// allows reports whether one of fs allows a finding with this secret, exactly as gitleaks'
// allowlist check would: regexes on the secret, stop words in its lower-case form.
func allows(fs []*valueFilter, secret string) bool {
	if len(fs) == 0 || secret == "" {
		return false
	}
	v, lower := []byte(secret), []byte(strings.ToLower(secret))
	for _, f := range fs {
		if f.drops(v, lower) {
			return true
		}
	}
	return false
}

func (f *valueFilter) drops(v, lower []byte) bool {
	for _, c := range f.checks {
		if c.matches(v) {
			return true
		}
	}
	return f.stops != nil && f.stops.matches(lower)
}

func minEntropy(specs []rules.Spec) float64 {
	minE := -1.0
	for _, r := range specs {
		if r.SkipReport || r.Regex == "" {
			continue
		}
		if minE < 0 || r.Entropy < minE {
			minE = r.Entropy
		}
	}
	return max(minE, 0)
}

// holdsKeyword reports whether data holds one of f's keywords. When they are all keywords of the
// file gate, found (the gate's matches in data, lower case) already says; otherwise f looks.
func (d *Detector) holdsKeyword(f *keywordFinder, found []string, data []byte) bool {
	words, ok := d.gateCovered()[f]
	if !ok {
		return f.contains(data)
	}
	for _, w := range words {
		if slices.Contains(found, w) {
			return true
		}
	}
	return false
}

// gateCovered maps each file-keyword finder whose keywords are all the file gate's own to
// those keywords; it is built once, after both exist.
func (d *Detector) gateCovered() map[*keywordFinder][]string {
	d.gateOnce.Do(func() {
		d.gateWords = map[*keywordFinder][]string{}
		if d.finder == nil {
			return
		}
		gate := map[string]bool{}
		for _, w := range d.finder.words() {
			gate[string(w)] = true
		}
		for _, finders := range d.fileKeywords {
			for _, f := range finders {
				var words []string
				for _, w := range f.words() {
					if !gate[string(w)] {
						words = nil
						break
					}
					words = append(words, string(w))
				}
				if words != nil {
					d.gateWords[f] = words
				}
			}
		}
	})
	return d.gateWords
}

// Scan reports every token in data. path is only recorded in the findings (and seen by rules with
// path conditions). Findings are in file order; the same token on the same line is reported once,
// by the most specific rule.
func (d *Detector) Scan(path string, data []byte) []finding.Finding {
	if len(data) == 0 {
		return nil // a staged change with no token-shaped line comes here empty
	}
	// Keywords first: most files hold none, and then nothing else is looked at.
	finder := d.keywordFinder()
	var kw occurrences
	if finder != nil {
		if kw = finder.findAll(data); len(kw) == 0 {
			return nil
		}
	}
	cands := findCandidates(data, d.acceptValue)
	if len(cands) == 0 {
		return nil
	}
	d.mustPrepare()
	var out []finding.Finding
	lines := newLineIndex(data)
	buf := getBuffer()
	defer putBuffer(buf)
	folded := foldInto(buf, data)
	// Composite rules whose keywords (or their required rules') are missing from the file
	// cannot run on it at all, as in gitleaks, which looks for keywords in the whole file.
	// The file's keyword occurrences answer for the keyword sets made of gate keywords, without
	// another pass over the file.
	absent := sync.OnceValue(func() ruleSet {
		var found []string
		if finder != nil {
			for _, o := range kw {
				w := make([]byte, o[1]-o[0])
				foldTo(w, data[o[0]:o[1]])
				found = append(found, string(w))
			}
		}
		var out ruleSet
		for id, finders := range d.fileKeywords {
			for _, f := range finders {
				if !d.holdsKeyword(f, found, data) {
					out |= 1 << d.index[id]
					break
				}
			}
		}
		return out
	})
	required := &requiredIndex{d: d, data: data}
	grown := grownScans{}
	for _, w := range d.windows(lines, cands) {
		chunk := data[w.start:w.end]
		lower := folded[w.start:w.end]
		decode := w.kinds&kindEncoded != 0 || hasPercentEscape(chunk)
		// Decoded text may hold what the required rules look for, so only plain text is judged,
		// and only once a composite rule is about to run.
		var base ruleSet
		excluded := func() ruleSet { return 0 }
		if !decode {
			excluded = sync.OnceValue(func() ruleSet { return required.excluded(w.start, w.end) })
		}
		// With no keyword in reach, only a composite rule can report: its keyword may be
		// anywhere in the file, its required context must be near (within withinLines, which
		// the window covers). The other rules need a keyword in the few lines they see.
		if finder != nil && !kw.within(w.start, w.end) {
			base = ^d.compositeSet
			if d.compositeSet&^(absent()|excluded()) == 0 {
				continue
			}
		}
		skip := func() ruleSet { return base | absent() | excluded() }
		local := d.detectLines(path, data, lines, w, lower, absent, skip)
		for _, lw := range localWindows(lines, w) {
			// A local window may reach before the wide one (it takes at least localBytes of
			// context, which short lines put beyond the wide window's lines): folded is the file's.
			local = append(local, d.detectWindow(path, data, lines, lw, decode, folded[lw.start:lw.end], skip, grown)...)
		}
		var primaries map[int]bool // lines with a composite primary
		var hit map[string]bool    // composite rules with a primary in the core
		for _, gf := range local {
			f, ok := d.toFinding(path, data, lines, gf)
			if !ok || f.Origin.Line < w.coreFirst || f.Origin.Line > w.coreLast {
				continue
			}
			if d.composite[f.RuleID] {
				if primaries == nil {
					primaries, hit = map[int]bool{}, map[string]bool{}
				}
				primaries[f.Origin.Line] = true
				hit[f.RuleID] = true
				continue
			}
			out = append(out, f)
		}
		for id := range hit {
			text := chunk
			if i := d.index[id]; !decode && d.local[i].narrowable {
				text = required.narrowWide(i, lines, w, chunk, primaries)
			}
			for _, gf := range d.wide[id].detect(path, text, w.firstLine, decode) {
				if gf.RuleID != id {
					continue
				}
				if f, ok := d.toFinding(path, data, lines, gf); ok && primaries[f.Origin.Line] {
					out = append(out, f)
				}
			}
		}
	}
	out = dedupe(out)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Origin, out[j].Origin
		return a.Line < b.Line || a.Line == b.Line && a.Column < b.Column
	})
	if len(out) > 0 {
		attachTargets(data, folded, lines, out)
	}
	return out
}
