package report_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/tokenscan/tokenscan/rules"
	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/report"
)

func TestExitCode(t *testing.T) {
	entries := func(states ...finding.State) []report.Entry {
		var es []report.Entry
		for i, s := range states {
			es = append(es, report.Entry{Leak: leak(fakeToken(string(rune('A'+i))), "cpanel-api-token", finding.Target{}), State: s})
		}
		return es
	}
	partial := []report.ScanError{{Source: "git:repo", Message: "clone failed"}}
	runErr := errors.New("bad flag")
	tests := []struct {
		name   string
		r      *report.Report
		err    error
		want   int
		revoke bool
	}{
		{name: "usage error, no report", err: runErr, want: report.ExitError},
		{name: "nil report, no error", want: report.ExitClean},
		{name: "nothing found", r: &report.Report{}, want: report.ExitClean},
		{name: "leak found, unchecked", r: &report.Report{Entries: entries(finding.StateUnchecked)}, want: report.ExitLeaks},
		{name: "live leak without --revoke", r: &report.Report{Entries: entries(finding.StateLive, finding.StateUnknown)}, want: report.ExitLeaks},
		{name: "all revoked and confirmed", revoke: true, r: &report.Report{Entries: entries(finding.StateRevokedConfirmed, finding.StateRevokedConfirmed)}, want: report.ExitLeaks},
		{name: "revoked or already dead", revoke: true, r: &report.Report{Entries: entries(finding.StateRevokedConfirmed, finding.StateDead)}, want: report.ExitLeaks},
		{name: "revoke failed", revoke: true, r: &report.Report{Entries: entries(finding.StateRevokedConfirmed, finding.StateRevokeFailed)}, want: report.ExitUnrevoked},
		{name: "unresolved", revoke: true, r: &report.Report{Entries: entries(finding.StateUnresolved)}, want: report.ExitUnrevoked},
		{name: "unknown when revoking", revoke: true, r: &report.Report{Entries: entries(finding.StateUnknown)}, want: report.ExitUnrevoked},
		{name: "still live when revoking", revoke: true, r: &report.Report{Entries: entries(finding.StateLive)}, want: report.ExitUnrevoked},
		{name: "never checked when revoking", revoke: true, r: &report.Report{Entries: entries(finding.StateUnchecked)}, want: report.ExitUnrevoked},
		{name: "partial failure, nothing found", r: &report.Report{Errors: partial}, want: report.ExitError},
		{name: "partial failure outranks handled leaks", revoke: true, r: &report.Report{Entries: entries(finding.StateRevokedConfirmed), Errors: partial}, want: report.ExitError},
		{name: "partial failure, leaks without --revoke", r: &report.Report{Entries: entries(finding.StateLive), Errors: partial}, want: report.ExitError},
		{name: "unrevoked outranks partial failure", revoke: true, r: &report.Report{Entries: entries(finding.StateRevokeFailed), Errors: partial}, want: report.ExitUnrevoked},
		{name: "unrevoked outranks a fatal error", revoke: true, r: &report.Report{Entries: entries(finding.StateRevokeFailed)}, err: runErr, want: report.ExitUnrevoked},
		{name: "fatal error after leaks were found", r: &report.Report{Entries: entries(finding.StateLive)}, err: runErr, want: report.ExitError},
		{name: "revoke asked, nothing found", revoke: true, r: &report.Report{}, want: report.ExitClean},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.r != nil {
				tt.r.Scan.Revoke = tt.revoke
			}
			if got := report.ExitCode(tt.r, tt.err); got != tt.want {
				t.Errorf("ExitCode = %d, want %d", got, tt.want)
			}
		})
	}
}

// secretsOf lists every token value in a report.
func secretsOf(r *report.Report) []string {
	var ss []string
	for _, e := range r.Entries {
		ss = append(ss, e.Leak.Secret)
	}
	return ss
}

// TestNoSecretInOutput is the invariant: without --show-secrets no token value appears in any
// format, wherever the input smuggles it in; with it, text and JSON carry it and SARIF does not.
func TestNoSecretInOutput(t *testing.T) {
	for _, fixture := range []struct {
		name string
		r    func() *report.Report
	}{{"full", fullReport}, {"hostile", hostileReport}} {
		for _, f := range report.Formats {
			for _, show := range []bool{false, true} {
				r := fixture.r()
				var buf bytes.Buffer
				if err := report.Write(&buf, f, r, report.Options{ShowSecrets: show, Color: true}); err != nil {
					t.Fatalf("%s %s: %v", fixture.name, f, err)
				}
				out := buf.String()
				for _, secret := range secretsOf(r) {
					n := strings.Count(out, secret)
					switch {
					case !show || f == report.FormatSARIF:
						if n != 0 {
							t.Errorf("%s %s show=%v: secret %s appears %d times", fixture.name, f, show, finding.Redact(secret), n)
						}
					case n != 1:
						// Exactly once: in the secret field, never also in free text.
						t.Errorf("%s %s show=%v: secret %s appears %d times, want once", fixture.name, f, show, finding.Redact(secret), n)
					}
				}
			}
		}
	}
}

func TestShowSecretsJSONField(t *testing.T) {
	r := showSecretsReport()
	for _, show := range []bool{false, true} {
		var buf bytes.Buffer
		if err := report.WriteJSON(&buf, r, report.Options{ShowSecrets: show}); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Leaks []map[string]any `json:"leaks"`
		}
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		got, present := doc.Leaks[0]["secret"]
		if present != show {
			t.Errorf("show=%v: secret field present=%v", show, present)
		}
		if show && got != r.Entries[0].Leak.Secret {
			t.Errorf("secret field = %v, want the raw value", got)
		}
		if doc.Leaks[0]["redacted_secret"] != finding.Redact(r.Entries[0].Leak.Secret) {
			t.Errorf("redacted_secret = %v", doc.Leaks[0]["redacted_secret"])
		}
	}
}

func TestTextColourOnlyWhenAsked(t *testing.T) {
	for _, color := range []bool{false, true} {
		var buf bytes.Buffer
		if err := report.WriteText(&buf, hostileReport(), report.Options{Color: color}); err != nil {
			t.Fatal(err)
		}
		// The hostile report is full of escape sequences; none of them may reach the terminal,
		// so an ESC byte in the output can only be our own colour.
		if got := bytes.Contains(buf.Bytes(), []byte("\x1b")); got != color {
			t.Errorf("color=%v: output contains ESC = %v", color, got)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, f := range report.Formats {
		got, err := report.ParseFormat(string(f))
		if err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %q, %v", f, got, err)
		}
	}
	for _, bad := range []string{"", "JSON", "xml", "sarif2"} {
		if _, err := report.ParseFormat(bad); err == nil {
			t.Errorf("ParseFormat(%q) accepted", bad)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrors(t *testing.T) {
	for _, f := range report.Formats {
		if err := report.Write(&bytes.Buffer{}, f, nil, report.Options{}); err == nil {
			t.Errorf("%s: nil report accepted", f)
		}
		if err := report.Write(failingWriter{}, f, fullReport(), report.Options{}); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("%s: write error = %v, want it wrapped", f, err)
		}
	}
	if err := report.Write(&bytes.Buffer{}, "xml", fullReport(), report.Options{}); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestSummary(t *testing.T) {
	s := fullReport().Summary()
	if s.Leaks != 5 || s.Locations != 6 || s.Errors != 2 {
		t.Errorf("Summary = %+v", s)
	}
	if s.States[finding.StateRevokeFailed] != 1 || s.States[finding.StateLive] != 0 {
		t.Errorf("States = %v", s.States)
	}
}

func TestScanErrorMessage(t *testing.T) {
	tests := []struct {
		e    report.ScanError
		want string
	}{
		{report.ScanError{Source: "git:r", Host: "h", Message: "m"}, "git:r (h): m"},
		{report.ScanError{Source: "git:r", Message: "m"}, "git:r: m"},
		{report.ScanError{Host: "h", Message: "m"}, "h: m"},
		{report.ScanError{Message: "m"}, "m"},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

// TestMissingFingerprintIsDerived: consumers key on the fingerprint, so a leak handed over
// without one still gets the right one in every format.
func TestMissingFingerprintIsDerived(t *testing.T) {
	r := showSecretsReport()
	want := string(r.Entries[0].Leak.Fingerprint)
	r.Entries[0].Leak.Fingerprint = ""
	for _, f := range report.Formats {
		var buf bytes.Buffer
		if err := report.Write(&buf, f, r, report.Options{}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), want[:12]) {
			t.Errorf("%s: derived fingerprint missing", f)
		}
	}
}

func TestJSONSchemaIsACopy(t *testing.T) {
	a := report.JSONSchema()
	a[0] = 'x'
	if report.JSONSchema()[0] == 'x' {
		t.Error("JSONSchema returns the package's own slice")
	}
}

// TestSARIFRuleHelpIsTheRules: a rule of the embedded file gets its own advice in SARIF, then
// the steps every leak needs; a rule tokenscan does not know gets the steps alone.
func TestSARIFRuleHelpIsTheRules(t *testing.T) {
	r := fullReport()
	r.Entries[0].Leak.RuleID = "cpanel-api-token-header"
	var buf bytes.Buffer
	if err := report.WriteSARIF(&buf, r); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID   string `json:"id"`
						Help struct {
							Text     string `json:"text"`
							Markdown string `json:"markdown"`
						} `json:"help"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	own, ok := rules.Help("cpanel-api-token-header")
	if !ok {
		t.Fatal("the header rule has no help text")
	}
	seen := 0
	for _, rule := range log.Runs[0].Tool.Driver.Rules {
		switch rule.ID {
		case "cpanel-api-token-header":
			seen++
			if !strings.HasPrefix(rule.Help.Markdown, own) || !strings.Contains(rule.Help.Markdown, "Revoke the token") {
				t.Errorf("header rule help: %q", rule.Help.Markdown)
			}
		case "whm-api-token": // not a rule of the embedded file
			seen++
			if strings.Contains(rule.Help.Text, own) || !strings.HasPrefix(rule.Help.Text, "A cPanel or WHM API token was committed") {
				t.Errorf("unknown rule help: %q", rule.Help.Text)
			}
		}
	}
	if seen != 2 {
		t.Fatalf("rules in the log: %+v", log.Runs[0].Tool.Driver.Rules)
	}
}
