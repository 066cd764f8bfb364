package detect

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// Target extraction: which cPanel/WHM server and account a leaked token belongs to, read from the
// same file. Verification and revocation send a token only to a host found here or configured by
// the user, so a hint is taken only from text that names cPanel/WHM use, never guessed.

// The patterns compile on first use: a scan that finds nothing, the common case, never needs
// them, and a pre-commit hook feels every millisecond of start-up.
var (
	headerUserRe = lazyRegexp(`(?i)\b(cpanel|whm)[ \t]+([a-z0-9][a-z0-9._-]{0,30})[ \t]*:[ \t]*$`)
	urlRe        = lazyRegexp(`(?i)\bhttps?://([a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?|\[[0-9a-f:.]+\])(?::(\d{2,5}))?(/[^\s'"\x60<>)]*)?`)
	// keyHostRe and keyUserRe match keys such as CPANEL_HOST=, "whm_server":, host: (YAML), $cpanel_user =.
	keyHostRe = lazyRegexp(`(?i)(?:^|[^\w])((?:cpanel|whm|uapi)?[\w.-]{0,20}?(?:host|hostname|server|domain))["'\x60]?[ \t]*(?:=>|:=|=|:)[ \t]*["'\x60]?([a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)(?::(\d{2,5}))?`)
	keyUserRe = lazyRegexp(`(?i)(?:^|[^\w])((?:cpanel|whm|uapi)?[\w.-]{0,20}?(?:user|username|account|login))["'\x60]?[ \t]*(?:=>|:=|=|:)[ \t]*["'\x60]?([a-z0-9][a-z0-9._-]{0,30})\b`)
)

// The words keyHostRe and keyUserRe cannot match without.
var (
	hostWords = [][]byte{[]byte("host"), []byte("server"), []byte("domain")}
	userWords = [][]byte{[]byte("user"), []byte("account"), []byte("login")}
)

func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}

func containsAny(lower []byte, literals [][]byte) bool {
	for _, k := range literals {
		if bytes.Contains(lower, k) {
			return true
		}
	}
	return false
}

// hint is one piece of target evidence found at a line.
type hint struct {
	line     int
	target   finding.Target
	specific bool // names cPanel/WHM itself (port, API path, key prefix) rather than a generic key
}

// genericHintReach bounds how far a generic host:/user: key may sit from the token: in a config
// block it is the token's sibling; a hundred lines away it is somebody else's setting.
const genericHintReach = 15

func attachTargets(data, lower []byte, lines *lineIndex, fs []finding.Finding) {
	applyHints(data, lines, fs, collectHints(data, lower, lines, hintLines(data, lines, fs)))
}

// applyHints sets each finding's target from what the rule matched and the nearest hints.
func applyHints(data []byte, lines *lineIndex, fs []finding.Finding, hints []hint) {
	for i := range fs {
		f := &fs[i]
		// A bare host:/user: key speaks for the token only as its sibling in the same block.
		usable := func(h hint) bool { return h.specific || sameBlock(data, lines, h.line, f.Origin.Line) }
		t := fromRule(data, lines, f)
		t = t.Merge(nearest(hints, f.Origin.Line, func(h hint) bool { return h.target.Host != "" && usable(h) }).target)
		t = t.Merge(nearest(hints, f.Origin.Line, func(h hint) bool { return h.target.User != "" && usable(h) }).target)
		t = t.Merge(nearest(hints, f.Origin.Line, func(h hint) bool { return h.target.Kind != "" }).target)
		if t.Kind == "" {
			t.Kind = finding.KindCPanel
		}
		if t.Host != "" && t.Port == 0 {
			t.Port = defaultPort(t.Kind)
		}
		f.Target = t
	}
}

// fromRuleReach is how far before a token fromRule reads on its line.
const fromRuleReach = 512

// fromRule reads what the matched text itself says: the header's scheme and literal user, or the
// WHM-only nature of an access hash.
func fromRule(data []byte, lines *lineIndex, f *finding.Finding) finding.Target {
	var t finding.Target
	if strings.HasPrefix(f.RuleID, "whm-") {
		t.Kind = finding.KindWHM
	}
	start := lines.lineStart(f.Origin.Line)
	end := min(start+f.Origin.Column-1, lines.lineEnd(f.Origin.Line))
	// What says so sits just before the token; reading back further on one long line holding
	// thousands of tokens (a minified file) made this quadratic: 2 minutes for 480 KB.
	start = max(start, end-fromRuleReach)
	before := string(data[start:end])
	if m := headerUserRe().FindStringSubmatch(before); m != nil {
		t.Kind = finding.Kind(strings.ToLower(m[1]))
		t.User = m[2]
	}
	lower := strings.ToLower(before)
	if t.Kind == "" {
		switch {
		case strings.Contains(lower, "whm"):
			t.Kind = finding.KindWHM
		case strings.Contains(lower, "cpanel"), strings.Contains(lower, "uapi"):
			t.Kind = finding.KindCPanel
		}
	}
	return t
}

func nearest(hints []hint, line int, want func(hint) bool) hint {
	var best hint
	bestDist := -1
	for _, h := range hints {
		if !want(h) {
			continue
		}
		dist := h.line - line
		if dist < 0 {
			dist = -dist
		}
		if !h.specific && dist > genericHintReach {
			continue
		}
		// Specific hints beat generic ones at any distance; among equals the closest wins.
		if bestDist < 0 || (h.specific && !best.specific) || (h.specific == best.specific && dist < bestDist) {
			best, bestDist = h, dist
		}
	}
	return best
}

// hintLines returns, in order, the lines that can hold a hint some finding would take: those
// within genericHintReach of a finding (any hint), and those naming cPanel/WHM use (specific
// hints, which count at any distance). A specific hint always has one of specificMarkers on
// its line: a key naming cpanel, whm or uapi, or a URL with a cPanel/WHM port (:208x), API path
// or cpanel./whm. host. Reading only these lines, not a large file's every line, finds the same
// targets: nearest ignores generic hints further away.
func hintLines(data []byte, lines *lineIndex, fs []finding.Finding) []int {
	want := map[int]bool{}
	for _, f := range fs {
		for ln := max(f.Origin.Line-genericHintReach, 1); ln <= min(f.Origin.Line+genericHintReach, lines.count()); ln++ {
			want[ln] = true
		}
	}
	specificMarkers().each(data, func(start, end int) bool {
		want[lines.lineOf(start)] = true
		return true
	})
	out := make([]int, 0, len(want))
	for ln := range want {
		out = append(out, ln)
	}
	slices.Sort(out)
	return out
}

var specificMarkers = sync.OnceValue(func() *keywordFinder {
	return newKeywordFinder(toBytes([]string{"cpanel", "whm", "uapi", ":208", "/execute/", "/json-api/"}))
})

// collectHints reads the given lines for target evidence, in order. lower is data folded to
// lower case; cheap substring checks on it keep the regular expressions off the lines that
// cannot match them.
func collectHints(data, lower []byte, lines *lineIndex, which []int) []hint {
	var hints []hint
	for _, ln := range which {
		start, end := lines.lineStart(ln), lines.lineEnd(ln)
		end = min(end, start+4096)
		text, low := data[start:end], lower[start:end]
		if bytes.Contains(low, []byte("://")) {
			for _, m := range urlRe().FindAllSubmatch(text, -1) {
				if h, ok := urlHint(string(m[1]), string(m[2]), string(m[3])); ok {
					h.line = ln
					hints = append(hints, h)
				}
			}
		}
		if containsAny(low, hostWords) {
			for _, m := range keyHostRe().FindAllSubmatch(text, -1) {
				host := strings.ToLower(string(m[2]))
				if !strings.Contains(host, ".") && host != "localhost" {
					continue // a variable name, not a host
				}
				if h, ok := keyHint(string(m[1]), finding.Target{Host: host, Port: atoi(string(m[3]))}); ok {
					h.line = ln
					hints = append(hints, h)
				}
			}
		}
		if containsAny(low, userWords) {
			for _, m := range keyUserRe().FindAllSubmatch(text, -1) {
				if h, ok := keyHint(string(m[1]), finding.Target{User: string(m[2])}); ok {
					h.line = ln
					hints = append(hints, h)
				}
			}
		}
	}
	return hints
}

// keyHint judges a host or user key by its name: CPANEL_HOST speaks for cPanel anywhere in the
// file, a bare host: only for its block (see sameBlock), and DB_HOST or smtp_user are another
// service's settings, never a place to send a cPanel token.
func keyHint(key string, t finding.Target) (hint, bool) {
	k := strings.ToLower(key)
	if t.Kind = kindFromKey(k); t.Kind != "" {
		return hint{target: t, specific: true}, true
	}
	for _, bare := range []string{"host", "hostname", "server", "domain", "user", "username", "account", "login"} {
		if strings.TrimLeft(k, "$.-_\"'") == bare {
			return hint{target: t}, true
		}
	}
	return hint{}, false
}

// sameBlock reports whether lines a and b are siblings in one block of a configuration file:
// equally indented, with nothing less indented and no [section] header between them.
func sameBlock(data []byte, lines *lineIndex, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	text := func(l int) []byte { return data[lines.lineStart(l):lines.lineEnd(l)] }
	indent := func(line []byte) int { return len(line) - len(bytes.TrimLeft(line, " \t")) }
	level := indent(text(a))
	if indent(text(b)) != level {
		return false
	}
	for l := a + 1; l < b; l++ {
		line := text(l)
		trimmed := bytes.TrimSpace(line)
		if len(trimmed) == 0 {
			continue
		}
		if indent(line) < level || trimmed[0] == '[' && trimmed[len(trimmed)-1] == ']' {
			return false
		}
	}
	return true
}

// urlHint accepts a URL as cPanel/WHM evidence only when it looks like one: a cPanel/WHM port, an
// API path, or a cpanel./whm. host.
func urlHint(host, port, path string) (hint, bool) {
	host = strings.ToLower(strings.Trim(host, "[]"))
	p := atoi(port)
	t := finding.Target{Host: host, Port: p}
	switch p {
	case 2082, 2083:
		t.Kind = finding.KindCPanel
	case 2086, 2087:
		t.Kind = finding.KindWHM
	}
	lp := strings.ToLower(path)
	switch {
	case strings.Contains(lp, "/execute/"), strings.Contains(lp, "/json-api/cpanel"):
		if t.Kind == "" {
			t.Kind = finding.KindCPanel
		}
	case strings.Contains(lp, "/json-api/"):
		if t.Kind == "" {
			t.Kind = finding.KindWHM
		}
	}
	if t.Kind == "" {
		switch {
		case strings.HasPrefix(host, "whm."):
			t.Kind = finding.KindWHM
		case strings.HasPrefix(host, "cpanel."):
			t.Kind = finding.KindCPanel
		default:
			return hint{}, false
		}
	}
	return hint{target: t, specific: true}, true
}

func kindFromKey(key string) finding.Kind {
	k := strings.ToLower(key)
	switch {
	case strings.Contains(k, "whm"):
		return finding.KindWHM
	case strings.Contains(k, "cpanel"), strings.Contains(k, "uapi"):
		return finding.KindCPanel
	}
	return ""
}

func defaultPort(k finding.Kind) int {
	if k == finding.KindWHM {
		return 2087
	}
	return 2083
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 || n > 65535 {
		return 0
	}
	return n
}
