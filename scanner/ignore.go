package scanner

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/report"
)

// IgnoreFileName is the per-repository list of fingerprints not to report, read from the scan
// root. It holds fingerprints, never token values, so it is safe to commit.
const IgnoreFileName = ".tokenscanignore"

// ParseIgnore reads a .tokenscanignore: one SHA-256 fingerprint (64 hex digits, as printed in
// reports) per line; '#' starts a comment; blank lines are ignored. A line that is not a
// fingerprint is an error naming the line, so a pasted token never silently becomes "ignored".
func ParseIgnore(r io.Reader) (map[finding.Fingerprint]bool, error) {
	out := map[finding.Fingerprint]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		fp := strings.ToLower(line)
		if !isFingerprint(fp) {
			return nil, fmt.Errorf("line %d: want a 64-hex-digit fingerprint from a tokenscan report, got %d characters", n, len(line))
		}
		out[finding.Fingerprint(fp)] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading ignore list: %w", err)
	}
	return out, nil
}

// ParseBaseline reads a previous tokenscan JSON report and returns the fingerprints it listed,
// so a scan with --baseline reports only tokens that are new since.
func ParseBaseline(r io.Reader) (map[finding.Fingerprint]bool, error) {
	var doc struct {
		Schema *string `json:"schema"`
		Leaks  []struct {
			Fingerprint string `json:"fingerprint"`
		} `json:"leaks"`
	}
	dec := json.NewDecoder(io.LimitReader(r, 256<<20))
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("reading baseline: not a tokenscan JSON report: %w", err)
	}
	if doc.Schema == nil || *doc.Schema != report.SchemaVersion {
		got := "none"
		if doc.Schema != nil {
			got = fmt.Sprintf("%q", *doc.Schema)
		}
		return nil, fmt.Errorf("reading baseline: schema %s, want %q (write it with --format json)", got, report.SchemaVersion)
	}
	out := map[finding.Fingerprint]bool{}
	for i, l := range doc.Leaks {
		fp := strings.ToLower(l.Fingerprint)
		if !isFingerprint(fp) {
			return nil, fmt.Errorf("reading baseline: leak %d has no valid fingerprint", i)
		}
		out[finding.Fingerprint(fp)] = true
	}
	return out, nil
}

func isFingerprint(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}
