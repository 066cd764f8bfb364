package detect

import (
	"bytes"
	"strings"

	glReport "github.com/zricethezav/gitleaks/v8/report"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// rulePriority ranks rules from most to least specific, for picking one finding when several
// rules report the same token on the same line.
var rulePriority = map[string]int{
	"cpanel-api-token-header":        0,
	"whm-access-hash-header":         0,
	"cpanel-api-token-assignment":    1,
	"cpanel-api-token-block-default": 1,
	"whm-access-hash-assignment":     1,
	"cpanel-api-token-in-context":    2,
}

func priority(rule string) int {
	if p, ok := rulePriority[rule]; ok {
		return p
	}
	return 3
}

const (
	allowMarker         = "tokenscan:allow"
	gitleaksAllowMarker = "gitleaks:allow"
)

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
	// The rules engine may have seen only part of a long line; the markers count anywhere on it.
	text := data[lines.lineStart(line):lines.lineEnd(line)]
	if bytes.Contains(text, []byte(allowMarker)) || bytes.Contains(text, []byte(gitleaksAllowMarker)) {
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
