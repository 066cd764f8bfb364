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
	"strings"
	"sync"

	"github.com/rs/zerolog"
	"github.com/zricethezav/gitleaks/v8/config"
	glDetect "github.com/zricethezav/gitleaks/v8/detect"
	"github.com/zricethezav/gitleaks/v8/logging"
	glReport "github.com/zricethezav/gitleaks/v8/report"

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
type Detector struct {
	// Rules run in two steps. The local engines see a few lines around each candidate and hold
	// every rule, with composite rules reduced to their primary pattern; only when such a
	// primary matches does the wide engine (the rules exactly as written) run on the
	// surrounding ±context lines to check the required context. Regular expressions cost per
	// byte, so most text is seen by one small window instead of a wide one.
	local, localDecode *glDetect.Detector
	wide, wideDecode   *glDetect.Detector
	composite          map[string]bool // rule IDs with required rules
	cfg                config.Config
	keywords           [][]byte
	context            int
	ruleDesc           map[string]string
	minEnt             float64
	// hexRejected is set when the rules' allowlists reject every all-hex value (ours do: MD5s,
	// ETags and dashless GUIDs are the commonest decoys), so the prefilter can skip the allowlist
	// regexes for them; they are slow next to a byte loop and checksums are everywhere.
	hexRejected bool
}

var quietOnce sync.Once

// New builds a Detector. Building compiles the rules, so make one and share it.
func New(opt Options) (*Detector, error) {
	// gitleaks logs through a global zerolog logger to stderr; our own reporting says what matters.
	quietOnce.Do(func() { logging.Logger = zerolog.New(io.Discard) })
	var (
		cfg config.Config
		err error
	)
	if opt.Rules == nil {
		cfg, err = rules.Default()
	} else {
		cfg, err = rules.Parse(opt.Rules)
	}
	if err != nil {
		return nil, err
	}
	// Each decoding pass re-runs every rule over the whole fragment, so decoding is only paid
	// for where the prefilter saw encoded text. The decoding engines match the stock CLI,
	// which decodes base64, hex and percent-encoding up to 5 levels deep.
	localCfg, composite := primariesOnly(cfg)
	d := &Detector{
		local: newEngine(localCfg, 0), localDecode: newEngine(localCfg, 5),
		wide: newEngine(cfg, 0), wideDecode: newEngine(cfg, 5),
		composite: composite, cfg: cfg, context: opt.ContextLines, ruleDesc: map[string]string{},
	}
	widest := 0
	for id, r := range cfg.Rules {
		d.ruleDesc[id] = r.Description
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
		return nil, fmt.Errorf("context of %d lines is narrower than a rule's withinLines (%d)", d.context, widest)
	}
	d.minEnt = d.minEntropy()
	d.hexRejected = d.rejectsAllHex()
	for k := range cfg.Keywords {
		d.keywords = append(d.keywords, []byte(k))
	}
	return d, nil
}

func newEngine(cfg config.Config, decodeDepth int) *glDetect.Detector {
	d := glDetect.NewDetector(cfg)
	d.MaxDecodeDepth = decodeDepth
	return d
}

// primariesOnly returns cfg with every composite rule reduced to its primary pattern: no
// required rules, and no keywords, because the keyword that makes it relevant may lie outside
// a small window (the wide step checks it).
func primariesOnly(cfg config.Config) (config.Config, map[string]bool) {
	composite := map[string]bool{}
	rules := make(map[string]config.Rule, len(cfg.Rules))
	for id, r := range cfg.Rules {
		if len(r.RequiredRules) > 0 {
			composite[id] = true
			r.RequiredRules = nil
			r.Keywords = nil
		}
		rules[id] = r
	}
	cfg.Rules = rules
	return cfg, composite
}

// localContext is how many lines either side of a candidate the local step shows the rules:
// enough for a multi-line assignment (an HCL variable block, a pasted access hash header).
const localContext = 8

// acceptValue applies the rules' own value-level allowlists (those that look only at the secret)
// and the lowest entropy threshold to a plain 32-character candidate. It may let through values
// the rules will reject later, never the other way round.
func (d *Detector) acceptValue(v string) bool {
	if d.hexRejected && isAllUpperHex(v) {
		return false
	}
	// The margin keeps float rounding from dropping a value gitleaks would (barely) keep.
	if shannon(v) <= d.minEnt-1e-9 {
		return false
	}
	return !d.allowlisted(v)
}

// allowlisted applies the global allowlists that look at the secret alone.
func (d *Detector) allowlisted(v string) bool {
	for _, a := range d.cfg.Allowlists {
		if a.RegexTarget != "" || len(a.Paths) > 0 || len(a.Commits) > 0 || a.MatchCondition == config.AllowlistMatchAnd {
			continue
		}
		if a.RegexAllowed(v) {
			return true
		}
		if ok, _ := a.ContainsStopWord(v); ok {
			return true
		}
	}
	return false
}

// rejectsAllHex probes the allowlists with all-hex values that nothing else would reject.
func (d *Detector) rejectsAllHex() bool {
	for _, v := range []string{"9F86D081884C7D659A2FEAA0C55AD015", "5D41402ABC4B2A76B9719D911017C592", "3F2504E04F8941D39A0C0305E82C3301", "E99A18C428CB38D5F260853678922E03"} {
		if !d.allowlisted(v) {
			return false
		}
	}
	return true
}

func isAllUpperHex(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; !(c >= '0' && c <= '9' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

func (d *Detector) minEntropy() float64 {
	minE := -1.0
	for _, r := range d.cfg.Rules {
		if r.SkipReport || r.Regex == nil {
			continue
		}
		if minE < 0 || r.Entropy < minE {
			minE = r.Entropy
		}
	}
	if minE < 0 {
		return 0
	}
	return minE
}

// Scan reports every token in data. path is only recorded in the findings (and seen by rules with
// path conditions). Findings are in file order; the same token on the same line is reported once,
// by the most specific rule.
func (d *Detector) Scan(path string, data []byte) []finding.Finding {
	cands := findCandidates(data, d.acceptValue)
	if len(cands) == 0 {
		return nil
	}
	var out []finding.Finding
	lines := newLineIndex(data)
	for _, w := range d.windows(lines, cands) {
		chunk := data[w.start:w.end]
		// No keyword anywhere in reach: no rule can report (composite primaries need their
		// context, which lies within the same ±context lines).
		if !containsAnyFold(chunk, d.keywords) {
			continue
		}
		decode := w.encoded || hasPercentEscape(chunk)
		primaries := map[int]bool{}
		for _, lw := range localWindows(lines, w) {
			eng := d.local
			if decode {
				eng = d.localDecode
			}
			for _, gf := range eng.Detect(glDetect.Fragment{Raw: string(data[lw.start:lw.end]), FilePath: path, StartLine: lw.firstLine}) {
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
		}
		if len(primaries) == 0 {
			continue
		}
		eng := d.wide
		if decode {
			eng = d.wideDecode
		}
		for _, gf := range eng.Detect(glDetect.Fragment{Raw: string(chunk), FilePath: path, StartLine: w.firstLine}) {
			if !d.composite[gf.RuleID] {
				continue
			}
			if f, ok := d.toFinding(path, data, lines, gf); ok && primaries[f.Origin.Line] {
				out = append(out, f)
			}
		}
	}
	out = dedupe(out)
	if len(out) > 0 {
		attachTargets(data, lines, out)
	}
	return out
}

// hasPercentEscape reports whether text holds a %XX escape, the one encoding the prefilter does
// not decode itself (the token stays visible; its context, cpanel%20user%3A, does not).
func hasPercentEscape(b []byte) bool {
	for {
		i := bytes.IndexByte(b, '%')
		if i < 0 || i+2 >= len(b) {
			return false
		}
		if isHex(b[i+1]) && isHex(b[i+2]) {
			return true
		}
		b = b[i+1:]
	}
}

// localWindows cuts the local step's fragments out of a wide window: localContext lines around
// each candidate line of the core, merged where they touch.
func localWindows(lines *lineIndex, w window) []window {
	var out []window
	for _, l := range w.candLines {
		first := max(l-localContext, 1)
		last := min(l+localContext, lines.count())
		if n := len(out); n > 0 && first <= out[n-1].coreLast+1 {
			out[n-1].coreLast = max(out[n-1].coreLast, last)
			out[n-1].end = lines.lineEnd(out[n-1].coreLast)
			continue
		}
		out = append(out, window{start: lines.lineStart(first), end: lines.lineEnd(last), firstLine: first, coreFirst: first, coreLast: last})
	}
	return out
}

// window is a fragment handed to the rules engine: core lines, whose findings it reports, and
// d.context lines either side so that a rule sees a token's surroundings.
type window struct {
	start, end          int // byte range of all its lines
	firstLine           int // 1-based line number of start
	coreFirst, coreLast int // 1-based, inclusive
	encoded             bool
	candLines           []int // lines of the core's candidates, ascending
}

// windows covers every candidate's line with a window. Candidates close together share one;
// long runs of candidates (a lock file full of hashes) are cut into cores of at most
// 2*d.context lines, because the rules engine slows down sharply on large fragments.
func (d *Detector) windows(lines *lineIndex, cands []candidate) []window {
	type span struct {
		first, last int
		encoded     []int // lines of encoded candidates
		cands       []int // lines of all candidates
	}
	var spans []span
	for _, c := range cands {
		first := lines.lineOf(c.start)
		last := lines.lineOf(max(c.end-1, c.start))
		n := len(spans)
		if n == 0 || first > spans[n-1].last+1 {
			spans = append(spans, span{first: first, last: last})
			n++
		}
		sp := &spans[n-1]
		sp.last = max(sp.last, last)
		for l := first; l <= last; l++ {
			if k := len(sp.cands); k == 0 || sp.cands[k-1] < l {
				sp.cands = append(sp.cands, l)
			}
		}
		if c.encoded {
			sp.encoded = append(sp.encoded, first)
		}
	}
	coreMax := 2 * d.context
	var out []window
	for _, sp := range spans {
		for core := sp.first; core <= sp.last; core += coreMax {
			coreLast := min(core+coreMax-1, sp.last)
			first := max(core-d.context, 1)
			last := min(coreLast+d.context, lines.count())
			w := window{
				start: lines.lineStart(first), end: lines.lineEnd(last), firstLine: first,
				coreFirst: core, coreLast: coreLast,
			}
			for _, l := range sp.encoded {
				w.encoded = w.encoded || (l >= first && l <= last)
			}
			for _, l := range sp.cands {
				if l >= core && l <= coreLast {
					w.candLines = append(w.candLines, l)
				}
			}
			out = append(out, w)
		}
	}
	return out
}

// rulePriority ranks rules from most to least specific, for picking one finding when several
// rules report the same token on the same line.
var rulePriority = map[string]int{
	"cpanel-api-token-header":     0,
	"whm-access-hash-header":      0,
	"cpanel-api-token-assignment": 1,
	"whm-access-hash-assignment":  1,
	"cpanel-api-token-in-context": 2,
}

func priority(rule string) int {
	if p, ok := rulePriority[rule]; ok {
		return p
	}
	return 3
}

const allowMarker = "tokenscan:allow"

// toFinding converts a gitleaks finding from a window into ours, pinning the secret's exact
// position in the whole file.
func (d *Detector) toFinding(path string, data []byte, lines *lineIndex, gf glReport.Finding) (finding.Finding, bool) {
	if gf.StartLine < 1 || gf.StartLine > lines.count() {
		return finding.Finding{}, false
	}
	line, col := gf.StartLine, max(gf.StartColumn, 1)
	from := lines.lineStart(gf.StartLine)
	to := lines.lineEnd(min(max(gf.EndLine, gf.StartLine)+1, lines.count()))
	if k := bytes.Index(data[from:to], []byte(gf.Secret)); k >= 0 {
		line, col = lines.lineOf(from+k), lines.column(from+k)
	}
	text := data[lines.lineStart(line):lines.lineEnd(line)]
	if bytes.Contains(text, []byte(allowMarker)) {
		return finding.Finding{}, false
	}
	secret := normalizeSecret(gf.Secret)
	return finding.Finding{
		RuleID:      gf.RuleID,
		Description: d.ruleDesc[gf.RuleID],
		Secret:      secret,
		Fingerprint: finding.FingerprintOf(secret),
		Origin:      finding.Origin{Path: path, Line: line, Column: col},
	}, true
}

// normalizeSecret removes the line breaks, escaped newlines and blanks that a multi-line access
// hash is pasted with, so that one hash has one fingerprint however it was written.
func normalizeSecret(s string) string {
	if !strings.ContainsAny(s, " \t\r\n\\") {
		return s
	}
	r := strings.NewReplacer(`\r`, "", `\n`, "", " ", "", "\t", "", "\r", "", "\n", "")
	return r.Replace(s)
}

// dedupe keeps one finding per (token, line): the most specific rule wins.
func dedupe(fs []finding.Finding) []finding.Finding {
	type key struct {
		fp   finding.Fingerprint
		line int
	}
	best := make(map[key]int, len(fs))
	var out []finding.Finding
	for _, f := range fs {
		k := key{f.Fingerprint, f.Origin.Line}
		if i, ok := best[k]; ok {
			if priority(f.RuleID) < priority(out[i].RuleID) {
				out[i] = f
			}
			continue
		}
		best[k] = len(out)
		out = append(out, f)
	}
	return out
}

var lowerPool = sync.Pool{New: func() any { b := make([]byte, 0, 16<<10); return &b }}

// containsAnyFold reports whether chunk contains any keyword, ignoring ASCII case. Keywords are
// lower-case (gitleaks lower-cases them when it loads the rules).
func containsAnyFold(chunk []byte, keywords [][]byte) bool {
	bp := lowerPool.Get().(*[]byte)
	defer lowerPool.Put(bp)
	buf := (*bp)[:0]
	for _, c := range chunk {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	*bp = buf
	for _, k := range keywords {
		if bytes.Contains(buf, k) {
			return true
		}
	}
	return false
}
