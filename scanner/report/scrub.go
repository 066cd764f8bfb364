package report

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// scrubber cleans every free-text field (paths, authors, commit messages, details, error
// messages) before it is written. Leaked values turn up in such fields more often than one would
// hope: a commit message "add token 7KQ…", a file named after the token, an HTTP error that
// echoes the request. So every known token value is replaced by its redacted form wherever it
// appears, whatever --show-secrets says; only the dedicated secret field may carry the raw value.
type scrubber struct {
	secrets  []string
	replacer *strings.Replacer
}

func newScrubber(entries []Entry) *scrubber {
	seen := make(map[string]bool)
	var secrets, pairs []string
	for _, e := range entries {
		s := e.Leak.Secret
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		secrets = append(secrets, s)
	}
	// Longer values first, so a secret that contains another is replaced whole.
	slices.SortStableFunc(secrets, func(a, b string) int { return len(b) - len(a) })
	for _, s := range secrets {
		pairs = append(pairs, s, redacted(s))
	}
	return &scrubber{secrets: secrets, replacer: strings.NewReplacer(pairs...)}
}

// redacted is finding.Redact made safe for output: Redact keeps the first bytes, which can cut a
// multi-byte character of a malformed value in half.
func redacted(secret string) string {
	return strings.ToValidUTF8(finding.Redact(secret), "\uFFFD")
}

// credentialInURL matches the password part of "scheme://user:password@", which git and HTTP
// errors like to quote back; it is a credential of its own and never belongs in a report.
var credentialInURL = regexp.MustCompile(`([A-Za-z][A-Za-z0-9+.-]*://[^/\s:@]*):[^/\s@]*@`)

// clean makes s safe for a machine-readable document: valid UTF-8, no known token value, no URL
// password.
func (sc *scrubber) clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = credentialInURL.ReplaceAllString(s, "$1:***@")
	return sc.redact(s)
}

// cleanTerminal is clean for text meant for a terminal: control characters and bidirectional
// overrides are shown escaped, because a hostile file name or author could otherwise move the
// cursor, rewrite earlier lines or reorder what the reader sees.
func (sc *scrubber) cleanTerminal(s string) string {
	return sc.clean(escapeControls(s))
}

// escapeControls makes s valid UTF-8 and shows its control characters as escapes.
func escapeControls(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && unicode.IsControl(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unicode.IsControl(r) || isBidiControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isBidiControl reports the formatting characters of "Trojan Source" attacks.
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F || r == 0x061C
}

// redact replaces known token values until none is left. One pass is not always enough: masking
// one occurrence can join the text around it into another. For real tokens ([0-9A-Z], no '*')
// every pass masks characters for good, so a few passes suffice; the bound is for values that
// redact to themselves ("********"), whose text is dropped rather than risk printing a secret.
func (sc *scrubber) redact(s string) string {
	for range 16 {
		if !sc.contains(s) {
			return s
		}
		s = sc.replacer.Replace(s)
	}
	if sc.contains(s) {
		return "[redacted]"
	}
	return s
}

func (sc *scrubber) contains(s string) bool {
	for _, secret := range sc.secrets {
		if strings.Contains(s, secret) {
			return true
		}
	}
	return false
}

// secretField is what a report shows for the token itself: the raw value only when the user
// passed --show-secrets, the redacted form otherwise.
func secretField(l finding.Leak, show bool) string {
	if show {
		return strings.ToValidUTF8(l.Secret, "\uFFFD")
	}
	return redacted(l.Secret)
}

// escapeBidiJSON rewrites bidirectional formatting characters in encoded JSON as \u escapes.
// encoding/json leaves them raw, and a document shown in a terminal or an editor would then
// display reordered text. They are non-ASCII, so they can only occur inside JSON strings, where
// the escape means the same character.
func escapeBidiJSON(b []byte) []byte {
	if !bytes.ContainsFunc(b, isBidiControl) {
		return b
	}
	out := make([]byte, 0, len(b)+32)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if isBidiControl(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[:size]...)
		}
		b = b[size:]
	}
	return out
}
