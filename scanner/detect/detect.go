// Package detect finds cPanel and WHM API tokens in text. It runs the gitleaks v8 rules engine
// with tokenscan's rules (package rules), but only on the small windows of a file around places a
// token could be, which a fast byte-class prefilter finds; the rest of the file is never handed to
// a regular expression. Findings carry the token's exact position and, when the file reveals it,
// the cPanel/WHM account it belongs to.
package detect

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/rs/zerolog"
	"github.com/zricethezav/gitleaks/v8/config"
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
// Rules run in two steps. The local step shows each rule, on its own, a few lines around each
// candidate, and only when text the rule cannot match without is there; composite rules are
// reduced to their primary pattern. Only when such a primary matches does the wide step run the
// rules exactly as written over the surrounding ±context lines, to check the required context.
// Regular expressions cost per byte, so most text is seen by no rule at all, and the rest by the
// few rules that could match it, in a small window.
type Detector struct {
	load    func() (config.Config, error)
	once    sync.Once
	prepErr error

	cfg       config.Config
	local     []ruleEngine
	wide      engine
	composite map[string]bool // rule IDs with required rules
	keywords  [][]byte
	context   int
	ruleDesc  map[string]string
	minEnt    float64
	values    []valueCheck        // allowlist patterns on the secret alone
	stopLists []*config.Allowlist // allowlists with stop words

	lineMemo, windowMemo *memo
	valueMemo            sync.Map // candidate value -> accepted; at most valueMemoMax entries
	valueMemoSize        atomic.Int64
}

// Memo budgets: enough for the distinct lines of a large history, small next to the 300 MB a
// history scan may use.
const (
	lineMemoBytes   = 64 << 20
	windowMemoBytes = 32 << 20
	valueMemoMax    = 1 << 20
)

var quietOnce sync.Once

// New builds a Detector. With the embedded rules and default options nothing is compiled until
// the first content that could hold a token: a pre-commit hook whose staged lines hold no
// 32-character run never pays for the rules at all. Otherwise the rules are compiled at once, so
// errors (a bad rule file, too narrow a context) surface here.
func New(opt Options) (*Detector, error) {
	// gitleaks logs through a global zerolog logger to stderr; our own reporting says what matters.
	quietOnce.Do(func() { logging.Logger = zerolog.New(io.Discard) })
	d := &Detector{context: opt.ContextLines, load: rules.Default}
	if opt.Rules == nil && opt.ContextLines == 0 {
		return d, nil
	}
	if opt.Rules != nil {
		cfg, err := rules.Parse(opt.Rules)
		if err != nil {
			return nil, err
		}
		d.load = func() (config.Config, error) { return cfg, nil }
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

// Warm starts compiling the rules in the background, so that the work overlaps with whatever
// the caller waits for next (git starting up, a directory walk). A later Scan that needs the
// rules waits for the same compilation instead of starting another.
func (d *Detector) Warm() {
	go func() { _ = d.prepare() }()
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
	cfg, err := d.load()
	if err != nil {
		return err
	}
	d.cfg, d.ruleDesc, d.composite = cfg, map[string]string{}, map[string]bool{}
	widest := 0
	for id, r := range cfg.Rules {
		d.ruleDesc[id] = r.Description
		if len(r.RequiredRules) > 0 {
			d.composite[id] = true
		}
		for _, req := range r.RequiredRules {
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
	d.keywords = minimalKeywords(cfg.Keywords)
	d.lineMemo, d.windowMemo = newMemo(lineMemoBytes), newMemo(windowMemoBytes)
	d.wide = newEngine(cfg)
	d.local = localEngines(cfg)
	d.minEnt = minEntropy(cfg)
	for _, a := range cfg.Allowlists {
		if a.RegexTarget != "" || len(a.Paths) > 0 || len(a.Commits) > 0 || a.MatchCondition == config.AllowlistMatchAnd {
			continue
		}
		for _, re := range a.Regexes {
			d.values = append(d.values, newValueCheck(re))
		}
		if len(a.StopWords) > 0 {
			d.stopLists = append(d.stopLists, a)
		}
	}
	return nil
}

// acceptValue applies the rules' own value-level allowlists (those that look only at the secret)
// and the lowest entropy threshold to a plain 32-character candidate. It may let through values
// the rules will reject later, never the other way round.
func (d *Detector) acceptValue(v string) bool {
	d.mustPrepare()
	if ok, hit := d.valueMemo.Load(v); hit {
		return ok.(bool)
	}
	ok := d.judgeValue(v)
	if d.valueMemoSize.Add(1) < valueMemoMax {
		d.valueMemo.Store(v, ok)
	}
	return ok
}

func (d *Detector) judgeValue(v string) bool {
	// The margin keeps float rounding from dropping a value gitleaks would (barely) keep.
	if shannon(v) <= d.minEnt-1e-9 {
		return false
	}
	for _, c := range d.values {
		if c.matches(v) {
			return false
		}
	}
	for _, a := range d.stopLists {
		if ok, _ := a.ContainsStopWord(v); ok {
			return false
		}
	}
	return true
}

func minEntropy(cfg config.Config) float64 {
	minE := -1.0
	for _, r := range cfg.Rules {
		if r.SkipReport || r.Regex == nil {
			continue
		}
		if minE < 0 || r.Entropy < minE {
			minE = r.Entropy
		}
	}
	return max(minE, 0)
}

// Scan reports every token in data. path is only recorded in the findings (and seen by rules with
// path conditions). Findings are in file order; the same token on the same line is reported once,
// by the most specific rule.
func (d *Detector) Scan(path string, data []byte) []finding.Finding {
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
	kw := findAll(folded, d.keywords)
	for _, w := range d.windows(lines, cands) {
		chunk := data[w.start:w.end]
		lower := folded[w.start:w.end]
		// No keyword anywhere in reach: no rule can report (composite primaries need their
		// context, which lies within the same ±context lines).
		if !kw.within(w.start, w.end) {
			continue
		}
		decode := w.kinds&kindEncoded != 0 || hasPercentEscape(chunk)
		local := d.detectLines(path, data, lines, w, decode, lower)
		for _, lw := range localWindows(lines, w) {
			local = append(local, d.detectWindow(path, data, lines, lw, decode, lower[lw.start-w.start:lw.end-w.start])...)
		}
		primaries := map[int]bool{}
		for _, gf := range local {
			f, ok := d.toFinding(path, data, lines, gf)
			if !ok || f.Origin.Line < w.coreFirst || f.Origin.Line > w.coreLast {
				continue
			}
			if d.composite[f.RuleID] {
				primaries[f.Origin.Line] = true
				continue
			}
			out = append(out, f)
		}
		if len(primaries) == 0 {
			continue
		}
		for _, gf := range d.wide.detect(path, chunk, w.firstLine, decode) {
			if !d.composite[gf.RuleID] {
				continue
			}
			if f, ok := d.toFinding(path, data, lines, gf); ok && primaries[f.Origin.Line] {
				out = append(out, f)
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

// minimalKeywords drops keywords that contain another keyword: for "is any keyword present",
// whm_hash adds nothing to whm. Fewer keywords, fewer passes over the text.
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

// occurrences are the [start, end) byte ranges of keyword matches in a text, by start.
type occurrences [][2]int

// findAll finds every occurrence of the (lower-case) keywords in lower, one pass per keyword,
// so that each window's "is a keyword in reach" is a binary search instead of a rescan.
func findAll(lower []byte, keywords [][]byte) occurrences {
	var out occurrences
	for _, k := range keywords {
		for off := 0; ; {
			i := bytes.Index(lower[off:], k)
			if i < 0 {
				break
			}
			out = append(out, [2]int{off + i, off + i + len(k)})
			off += i + 1
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
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
