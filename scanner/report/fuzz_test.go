package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/report"
)

// secretMarker in a fuzzed string is replaced by the token value, so the fuzzer can place the
// secret anywhere in the untrusted fields and around any bytes it likes.
const secretMarker = "{S}"

// tokenFrom turns arbitrary bytes into a value of the real token shape, so the "never in the
// output" check is meaningful (a fuzzed one-letter secret would be "found" in any word).
func tokenFrom(seed []byte) string {
	const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	b := make([]byte, 32)
	for i := range b {
		var c byte = 7
		if len(seed) > 0 {
			c = seed[i%len(seed)] + byte(i*13)
		}
		b[i] = alphabet[int(c)%len(alphabet)]
	}
	return string(b)
}

func FuzzWriters(f *testing.F) {
	f.Add([]byte("seed"), "config/{S}.php", "Jane Doe", "jane@example.com", "add {S}", "detail {S}", "error {S}", "abc123", 12, 5)
	f.Add([]byte{0xff}, "we:ird/\xff\xfe/dir name", "\x1b[2J\u202eevil", "a\r\nb", "\x00\x01", "", "", "", 0, 0)
	f.Add([]byte("x"), "//host/share\\p", "{S}{S}", "", "{S}", "https://u:{S}@h/x", "\"}],", "{S}", -3, -1)
	f.Add([]byte("AB"), "%zz/%41", "", "", "", "\u2028\u2029", "<script>", "", 1, 1)

	f.Fuzz(func(t *testing.T, seed []byte, path, author, email, message, detail, errMsg, commit string, line, column int) {
		secret := tokenFrom(seed)
		put := func(s string) string { return strings.ReplaceAll(s, secretMarker, secret) }
		r := &report.Report{
			Tool: report.Tool{Name: "tokenscan", Version: put(detail)},
			Scan: report.Scan{
				Sources: []string{put(path)},
				Revoke:  true,
				Counts:  report.Counts{Files: 1, Skipped: map[string]int{put(author): 1}},
			},
			Entries: []report.Entry{{
				Leak: finding.Leak{
					RuleID:      "cpanel-api-token",
					Description: put(message),
					Secret:      secret,
					Fingerprint: finding.FingerprintOf(secret),
					Target:      finding.Target{Kind: finding.KindCPanel, Host: put(email), Port: 2083, User: put(author)},
					Locations: []finding.Origin{{
						Source: put(commit), Path: put(path), Line: line, Column: column,
						Commit: put(commit), Author: put(author), Email: put(email),
						Date: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), Message: put(message),
					}},
				},
				State:      finding.StateUnresolved,
				Detail:     put(detail),
				Candidates: []report.Candidate{{Name: put(author), Reason: put(message), Score: float64(line)}},
			}},
			Errors: []report.ScanError{{Source: put(path), Host: put(email), Message: put(errMsg)}},
		}
		sarifSch, jsonSch := schemas(t)
		for _, format := range report.Formats {
			for _, color := range []bool{false, true} {
				var buf bytes.Buffer
				if err := report.Write(&buf, format, r, report.Options{Color: color}); err != nil {
					t.Fatalf("%s: %v", format, err)
				}
				out := buf.Bytes()
				if bytes.Contains(out, []byte(secret)) {
					t.Fatalf("%s: output contains the secret:\n%s", format, out)
				}
				if !utf8.Valid(out) {
					t.Fatalf("%s: output is not valid UTF-8", format)
				}
				switch format {
				case report.FormatText:
					checkTerminalSafe(t, out, color)
				case report.FormatJSON:
					if !json.Valid(out) {
						t.Fatalf("invalid JSON:\n%s", out)
					}
					validate(t, jsonSch, out)
				case report.FormatSARIF:
					if !json.Valid(out) {
						t.Fatalf("invalid SARIF JSON:\n%s", out)
					}
					validate(t, sarifSch, out)
				}
			}
		}
	})
}

// checkTerminalSafe: apart from newlines, the only control characters allowed are the ESC of our
// own colour codes, and only when colour was asked for. C1 controls count too: U+009B is a CSI.
func checkTerminalSafe(t *testing.T, out []byte, color bool) {
	t.Helper()
	s := string(out)
	for i, r := range s {
		if r == '\n' || !unicode.IsControl(r) {
			continue
		}
		if r == 0x1b && color && strings.HasPrefix(s[i+1:], "[") {
			continue
		}
		t.Fatalf("control character %U at %d in text output:\n%q", r, i, out)
	}
}
