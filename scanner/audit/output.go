package audit

import (
	"time"

	"github.com/tokenscan/tokenscan/scanner/inventory"
)

// MarshalJSON writes the tokenscan.audit/v1 output. Keys come in a fixed order and lists are
// already sorted, so the same input always gives byte-identical output.
func (r Result) MarshalJSON() ([]byte, error) {
	// About 1.3 KB per token with its findings: sized so that the buffer never grows, because a
	// growth copies the whole document so far (it showed up in profiles).
	w := &jsonWriter{b: make([]byte, 0, 2048+1536*len(r.Tokens))}
	w.beginObject()
	w.key("schema")
	w.str(Schema)
	w.key("now")
	w.str(stamp(r.Now))
	w.key("summary")
	writeSummary(w, r.Summary)
	w.key("policy")
	writePolicy(w, r.Policy)
	w.key("tokens")
	w.beginArray()
	for _, t := range r.Tokens {
		writeToken(w, t)
	}
	w.endArray()
	w.key("notes")
	w.strings(r.Notes)
	w.endObject()
	return w.b, nil
}

// MarshalJSON writes a policy in the form ParsePolicy reads.
func (p Policy) MarshalJSON() ([]byte, error) {
	w := &jsonWriter{}
	writePolicy(w, p)
	return w.b, nil
}

func writeSummary(w *jsonWriter, s Summary) {
	w.beginObject()
	w.key("tokens")
	w.num(int64(s.Tokens))
	w.key("findings")
	w.num(int64(s.Findings))
	w.key("threshold")
	w.str(s.Threshold.String())
	w.key("flagged")
	w.num(int64(s.Flagged))
	w.key("worst")
	w.str(s.Worst.String())
	w.key("badge")
	w.str(s.Badge())
	w.key("tokens_by_severity")
	w.beginObject()
	for sev := SeverityCritical; ; sev-- {
		w.key(sev.String())
		w.num(int64(s.BySeverity[sev]))
		if sev == SeverityNone {
			break
		}
	}
	w.endObject()
	w.endObject()
}

func writePolicy(w *jsonWriter, p Policy) {
	w.beginObject()
	w.key("max_age_days")
	w.num(int64(p.MaxAgeDays))
	w.key("require_expiry")
	w.boolean(p.RequireExpiry)
	w.key("expiry_warning_days")
	w.num(int64(p.ExpiryWarningDays))
	w.key("badge_threshold")
	w.str(p.BadgeThreshold.String())
	w.endObject()
}

func writeToken(w *jsonWriter, t TokenReport) {
	w.beginObject()
	w.key("kind")
	w.str(string(t.Kind))
	w.key("user")
	w.str(t.User)
	w.key("name")
	w.str(t.Name)
	w.key("created_at")
	writeTime(w, t.Created)
	w.key("expires_at")
	writeTime(w, t.Expires)
	w.key("full_access")
	w.boolean(t.FullAccess)
	if t.Kind == inventory.KindWHM {
		w.key("acls")
		w.strings(t.ACLs)
		w.key("whitelist_ips")
		w.strings(t.WhitelistIPs)
	} else {
		w.key("features")
		w.strings(t.Features)
	}
	w.key("fingerprint")
	if t.Fingerprint == "" {
		w.null()
	} else {
		w.str(t.Fingerprint)
	}
	w.key("last_used")
	w.str("unknown")
	w.key("severity")
	w.str(t.Severity.String())
	w.key("findings")
	w.beginArray()
	for _, f := range t.Findings {
		w.beginObject()
		w.key("kind")
		w.str(string(f.Kind))
		w.key("severity")
		w.str(f.Severity.String())
		w.key("message")
		w.str(f.Message)
		w.key("remediation")
		w.str(f.Remediation)
		w.key("evidence")
		w.strings(f.Evidence)
		w.endObject()
	}
	w.endArray()
	w.endObject()
}

// writeTime writes RFC 3339 UTC, or null for the zero time (never / not reported).
func writeTime(w *jsonWriter, t time.Time) {
	if t.IsZero() {
		w.null()
		return
	}
	w.value()
	w.b = append(w.b, '"')
	w.b = t.UTC().AppendFormat(w.b, time.RFC3339)
	w.b = append(w.b, '"')
}

// ErrorJSON is the output for a failed audit, so that callers which only pass strings (the
// WebAssembly module) can always answer in JSON.
func ErrorJSON(message string) []byte {
	w := &jsonWriter{}
	w.beginObject()
	w.key("schema")
	w.str(Schema)
	w.key("error")
	w.str(message)
	w.endObject()
	return w.b
}

// Run is the whole audit over JSON: it parses the input document and the policy (empty policy:
// the defaults), audits, and returns the output document.
func Run(input, policy []byte) ([]byte, error) {
	p, err := ParsePolicy(policy)
	if err != nil {
		return nil, err
	}
	in, err := ParseInput(input)
	if err != nil {
		return nil, err
	}
	res, err := Audit(in, p)
	if err != nil {
		return nil, err
	}
	return res.MarshalJSON()
}

// RunJSON is Run for callers that can only pass strings back: failures become ErrorJSON.
func RunJSON(input, policy []byte) []byte {
	out, err := Run(input, policy)
	if err != nil {
		return ErrorJSON(err.Error())
	}
	return out
}

// VersionJSON describes a build for the WebAssembly module's version(): the schema it speaks, the
// module version and the Go release it was built with.
func VersionJSON(version, goVersion string) []byte {
	w := &jsonWriter{}
	w.beginObject()
	w.key("schema")
	w.str(Schema)
	w.key("version")
	w.str(version)
	w.key("go")
	w.str(goVersion)
	w.endObject()
	return w.b
}
