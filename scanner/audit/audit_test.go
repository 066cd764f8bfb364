package audit

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

var now = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func unix(t time.Time) int64 { return t.Unix() }

func daysAgo(n float64) int64 { return now.Add(-time.Duration(n * 24 * float64(time.Hour))).Unix() }

func daysAhead(n float64) int64 { return now.Add(time.Duration(n * 24 * float64(time.Hour))).Unix() }

// Example values from cPanel's documentation, never real tokens.
const (
	valueA = "JPQNSRU0DH448UJLGXH7KVJECC5QN9N9"
	valueB = "U7HMR63FGY292DQZ4H5BFH16JLYMO01M"
)

var (
	fpA = string(finding.FingerprintOf(valueA))
	fpB = string(finding.FingerprintOf(valueB))
)

type obj = map[string]any

// doc builds an input document with the defaults filled in.
func doc(fields obj) []byte {
	d := obj{"schema": Schema, "now": now.Format(time.RFC3339)}
	for k, v := range fields {
		if v == nil {
			delete(d, k)
			continue
		}
		d[k] = v
	}
	b, err := json.Marshal(d)
	if err != nil {
		panic(err)
	}
	return b
}

// risky features an ordinary hosting plan enables.
var planFeatures = obj{"apitokens": 1, "filemanager": 1, "zoneedit": 1, "webmail": 1}

func cpanelDoc(features any, tokens ...obj) []byte {
	cp := obj{"user": "bob", "tokens": tokens}
	if features != nil {
		cp["features"] = features
	}
	return doc(obj{"cpanel": cp})
}

func whmDoc(tokens obj) []byte {
	return doc(obj{"whm": obj{"user": "root", "tokens": obj{"data": obj{"tokens": tokens}, "metadata": obj{"result": 1}}}})
}

func fullToken(name string, created, expires any) obj {
	return obj{"name": name, "create_time": created, "expires_at": expires, "has_full_access": 1, "features": []string{}}
}

type want struct {
	kind FindingKind
	sev  Severity
}

func findingsOf(r TokenReport) []want {
	var out []want
	for _, f := range r.Findings {
		out = append(out, want{f.Kind, f.Severity})
	}
	return out
}

func mustAudit(t *testing.T, input []byte, policy string) Result {
	t.Helper()
	p, err := ParsePolicy([]byte(policy))
	if err != nil {
		t.Fatalf("ParsePolicy: %v", err)
	}
	in, err := ParseInput(input)
	if err != nil {
		t.Fatalf("ParseInput: %v\n%s", err, input)
	}
	res, err := Audit(in, p)
	if err != nil {
		t.Fatalf("Audit: %v", err)
	}
	return res
}

func inventoryDoc(entries ...obj) obj {
	return obj{"version": 1, "entries": entries}
}

func invEntry(fp, kind, user, name string, created time.Time) obj {
	e := obj{"fingerprint": fp, "kind": kind, "host": "server.example.com", "port": 2083, "user": user, "name": name}
	if !created.IsZero() {
		e["created_at"] = created.Format(time.RFC3339)
	}
	return e
}

func TestTokenFindings(t *testing.T) {
	created := daysAgo(10)
	createdAt := time.Unix(created, 0).UTC()
	withInventory := func(tok obj, inv obj, leaked ...string) []byte {
		return doc(obj{
			"host":      "Server.Example.com",
			"cpanel":    obj{"user": "bob", "tokens": []obj{tok}, "features": planFeatures},
			"inventory": inv,
			"leaked":    leaked,
		})
	}
	tests := []struct {
		name   string
		input  []byte
		policy string
		want   []want
	}{
		{"full access, takeover features, never expires",
			cpanelDoc(planFeatures, fullToken("ci", created, nil)), "",
			[]want{{KindFullAccess, SeverityCritical}, {KindNeverExpires, SeverityMedium}}},
		{"full access, only hijack features",
			cpanelDoc(obj{"apitokens": 0, "zoneedit": "1", "webmail": 1}, fullToken("ci", created, daysAhead(30))), "",
			[]want{{KindFullAccess, SeverityHigh}}},
		{"full access, nothing risky enabled",
			cpanelDoc(obj{"apitokens": false, "filemanager": 0, "webmail": true}, fullToken("ci", created, daysAhead(30))), "",
			[]want{{KindFullAccess, SeverityMedium}}},
		{"full access, features unknown",
			cpanelDoc(nil, fullToken("ci", created, daysAhead(30))), "",
			[]want{{KindFullAccess, SeverityCritical}}},
		{"full access as string and true",
			cpanelDoc(planFeatures, obj{"name": "a", "create_time": "1767225600", "expires_at": daysAhead(30), "has_full_access": "1"}), "",
			[]want{{KindFullAccess, SeverityCritical}}},
		{"no flag, empty features means full access",
			cpanelDoc(planFeatures, obj{"name": "a", "create_time": created, "expires_at": daysAhead(30), "features": []string{}}), "",
			[]want{{KindFullAccess, SeverityCritical}}},
		{"limited token with a takeover feature",
			cpanelDoc(planFeatures, obj{"name": "a", "create_time": created, "expires_at": daysAhead(30), "has_full_access": 0, "features": []string{"webmail", "filemanager"}}), "",
			[]want{{KindRiskyFeatures, SeverityCritical}}},
		{"limited token, takeover feature disabled on the account",
			cpanelDoc(obj{"filemanager": 0, "webmail": 1}, obj{"name": "a", "create_time": created, "expires_at": daysAhead(30), "has_full_access": false, "features": []string{"filemanager", "webmail"}}), "",
			nil},
		{"limited token with a hijack feature",
			cpanelDoc(planFeatures, obj{"name": "a", "create_time": created, "expires_at": daysAhead(30), "has_full_access": "0", "features": []string{"zoneedit"}}), "",
			[]want{{KindRiskyFeatures, SeverityHigh}}},
		{"limited token with no features at all",
			cpanelDoc(planFeatures, obj{"name": "a", "create_time": created, "expires_at": daysAhead(30), "has_full_access": 0, "features": []string{}}), "",
			nil},
		{"limited token, account features unknown",
			cpanelDoc(nil, obj{"name": "a", "create_time": created, "expires_at": daysAhead(30), "has_full_access": 0, "features": []string{"cron"}}), "",
			[]want{{KindRiskyFeatures, SeverityCritical}}},
		{"limited token with nothing risky",
			cpanelDoc(planFeatures, obj{"name": "a", "create_time": created, "expires_at": daysAhead(30), "has_full_access": 0, "features": []string{"webmail"}}), "",
			nil},
		{"expired: only the expiry matters",
			cpanelDoc(planFeatures, fullToken("old", daysAgo(400), daysAgo(2))), "",
			[]want{{KindExpiredPresent, SeverityLow}}},
		{"expires exactly now counts as expired",
			cpanelDoc(planFeatures, fullToken("old", created, unix(now))), "",
			[]want{{KindExpiredPresent, SeverityLow}}},
		{"expiring in 3 days",
			cpanelDoc(planFeatures, fullToken("ci", created, daysAhead(3))), "",
			[]want{{KindFullAccess, SeverityCritical}, {KindExpiringSoon, SeverityLow}}},
		{"expiring in exactly 7 days",
			cpanelDoc(planFeatures, fullToken("ci", created, daysAhead(7))), "",
			[]want{{KindFullAccess, SeverityCritical}, {KindExpiringSoon, SeverityLow}}},
		{"expiring in 8 days",
			cpanelDoc(planFeatures, fullToken("ci", created, daysAhead(8))), "",
			[]want{{KindFullAccess, SeverityCritical}}},
		{"expiry warning off",
			cpanelDoc(planFeatures, fullToken("ci", created, daysAhead(3))), `{"expiry_warning_days":0}`,
			[]want{{KindFullAccess, SeverityCritical}}},
		{"stale after 91 days",
			cpanelDoc(planFeatures, fullToken("ci", daysAgo(91), daysAhead(30))), "",
			[]want{{KindFullAccess, SeverityCritical}, {KindStale, SeverityLow}}},
		{"exactly 90 days is not stale",
			cpanelDoc(planFeatures, fullToken("ci", daysAgo(90), daysAhead(30))), "",
			[]want{{KindFullAccess, SeverityCritical}}},
		{"stale with a custom limit",
			cpanelDoc(planFeatures, fullToken("ci", daysAgo(31), daysAhead(30))), `{"max_age_days":30}`,
			[]want{{KindFullAccess, SeverityCritical}, {KindStale, SeverityLow}}},
		{"no create_time: age unknown, not stale",
			cpanelDoc(planFeatures, fullToken("ci", nil, daysAhead(30))), "",
			[]want{{KindFullAccess, SeverityCritical}}},
		{"expires_at 0 means never",
			cpanelDoc(planFeatures, fullToken("ci", created, 0)), "",
			[]want{{KindFullAccess, SeverityCritical}, {KindNeverExpires, SeverityMedium}}},
		{"expiry not required",
			cpanelDoc(planFeatures, fullToken("ci", created, nil)), `{"require_expiry":false}`,
			[]want{{KindFullAccess, SeverityCritical}}},
		{"leaked through the inventory",
			withInventory(fullToken("ci", created, daysAhead(30)), inventoryDoc(invEntry(fpA, "cpanel", "bob", "ci", createdAt)), strings.ToUpper(fpA)), "",
			[]want{{KindLeaked, SeverityCritical}, {KindFullAccess, SeverityCritical}}},
		{"leaked and expired stays critical",
			withInventory(fullToken("ci", created, daysAgo(1)), inventoryDoc(invEntry(fpA, "cpanel", "bob", "ci", createdAt)), fpA), "",
			[]want{{KindLeaked, SeverityCritical}, {KindExpiredPresent, SeverityLow}}},
		{"inventory entry of an older token with the same name",
			withInventory(fullToken("ci", created, daysAhead(30)), inventoryDoc(invEntry(fpA, "cpanel", "bob", "ci", createdAt.AddDate(0, -6, 0))), fpA), "",
			[]want{{KindFullAccess, SeverityCritical}}},
		{"reused name: the entry whose time matches wins",
			withInventory(fullToken("ci", created, daysAhead(30)), inventoryDoc(
				invEntry(fpA, "cpanel", "bob", "ci", createdAt.AddDate(0, -6, 0)),
				invEntry(fpB, "cpanel", "bob", "ci", createdAt.Add(90*time.Second))), fpB), "",
			[]want{{KindLeaked, SeverityCritical}, {KindFullAccess, SeverityCritical}}},
		{"two untimed entries for one name: no guess",
			withInventory(fullToken("ci", created, daysAhead(30)), inventoryDoc(
				invEntry(fpA, "cpanel", "bob", "ci", time.Time{}),
				invEntry(fpB, "cpanel", "bob", "ci", time.Time{})), fpA, fpB), "",
			[]want{{KindFullAccess, SeverityCritical}}},
		{"leaked fingerprint recorded for another user",
			withInventory(fullToken("ci", created, daysAhead(30)), inventoryDoc(invEntry(fpA, "cpanel", "alice", "ci", createdAt)), fpA), "",
			[]want{{KindFullAccess, SeverityCritical}}},
		{"leaked fingerprint recorded as a WHM token",
			withInventory(fullToken("ci", created, daysAhead(30)), inventoryDoc(invEntry(fpA, "whm", "bob", "ci", createdAt)), fpA), "",
			[]want{{KindFullAccess, SeverityCritical}}},
		{"inventoried but not leaked",
			withInventory(fullToken("ci", created, daysAhead(30)), inventoryDoc(invEntry(fpA, "cpanel", "bob", "ci", createdAt)), fpB), "",
			[]want{{KindFullAccess, SeverityCritical}}},
		{"WHM all ACL, no allowlist, never expires",
			whmDoc(obj{"deploy": obj{"acls": obj{"all": 1}, "whitelist_ips": nil, "expires_at": nil, "create_time": created}}), "",
			[]want{{KindWHMAllACL, SeverityCritical}, {KindNoIPAllowlist, SeverityMedium}, {KindNeverExpires, SeverityMedium}}},
		{"WHM narrow token with allowlist and expiry",
			whmDoc(obj{"deploy": obj{"acls": obj{"all": 0, "list-accts": "1"}, "whitelist_ips": []string{"192.0.2.10"}, "expires_at": daysAhead(60), "create_time": created}}), "",
			nil},
		{"WHM token without ACLs inherits all",
			whmDoc(obj{"deploy": obj{"acls": obj{}, "whitelist_ips": []string{"192.0.2.10"}, "expires_at": daysAhead(60), "create_time": created}}), "",
			[]want{{KindWHMAllACL, SeverityCritical}}},
		{"WHM acls as a list",
			whmDoc(obj{"deploy": obj{"acls": []string{"all"}, "whitelist_ips": []string{"192.0.2.10"}, "expires_at": daysAhead(60), "create_time": created}}), "",
			[]want{{KindWHMAllACL, SeverityCritical}}},
		{"WHM expired",
			whmDoc(obj{"deploy": obj{"acls": obj{"all": 1}, "expires_at": daysAgo(1), "create_time": created}}), "",
			[]want{{KindExpiredPresent, SeverityLow}}},
		{"WHM stale and expiring",
			whmDoc(obj{"deploy": obj{"acls": obj{"list-accts": 1}, "whitelist_ips": []string{"192.0.2.10"}, "expires_at": daysAhead(1), "create_time": daysAgo(200)}}), "",
			[]want{{KindExpiringSoon, SeverityLow}, {KindStale, SeverityLow}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustAudit(t, tt.input, tt.policy)
			if len(res.Tokens) != 1 {
				t.Fatalf("want 1 token, got %d", len(res.Tokens))
			}
			tok := res.Tokens[0]
			got := findingsOf(tok)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("findings = %v\nwant       %v", got, tt.want)
			}
			wantSev := SeverityNone
			if len(tt.want) > 0 {
				wantSev = tt.want[0].sev
			}
			if tok.Severity != wantSev {
				t.Errorf("token severity = %v, want %v", tok.Severity, wantSev)
			}
			for _, f := range tok.Findings {
				if f.Message == "" || f.Remediation == "" || len(f.Evidence) == 0 {
					t.Errorf("%s finding lacks message, remediation or evidence: %+v", f.Kind, f)
				}
			}
		})
	}
}

func TestLeakedEvidenceNamesInventoryEntry(t *testing.T) {
	created := time.Unix(daysAgo(5), 0).UTC()
	res := mustAudit(t, doc(obj{
		"host":      "server.example.com.",
		"cpanel":    obj{"user": "bob", "tokens": []obj{fullToken("ci", created.Unix(), daysAhead(30))}},
		"inventory": inventoryDoc(invEntry(fpA, "cpanel", "bob", "ci", created)),
		"leaked":    []obj{{"fingerprint": fpA, "rule_id": "cpanel-api-token"}},
	}), "")
	tok := res.Tokens[0]
	if tok.Fingerprint != fpA {
		t.Fatalf("fingerprint = %q, want %q", tok.Fingerprint, fpA)
	}
	f := tok.Findings[0]
	if f.Kind != KindLeaked || !strings.Contains(f.Message, fpA[:12]) {
		t.Fatalf("first finding = %+v, want leaked naming %s", f, fpA[:12])
	}
	joined := strings.Join(f.Evidence, "\n")
	if !strings.Contains(joined, "bob@server.example.com") || !strings.Contains(joined, `"ci"`) {
		t.Errorf("evidence does not name the inventory entry:\n%s", joined)
	}
}

func TestFullAccessEvidenceListsAccountFeatures(t *testing.T) {
	res := mustAudit(t, cpanelDoc(planFeatures, fullToken("ci", daysAgo(1), daysAhead(30))), "")
	ev := strings.Join(res.Tokens[0].Findings[0].Evidence, "\n")
	for _, s := range []string{"takeover: apitokens, filemanager", "hijack: zoneedit"} {
		if !strings.Contains(ev, s) {
			t.Errorf("evidence lacks %q:\n%s", s, ev)
		}
	}
	if strings.Contains(ev, "webmail") {
		t.Errorf("evidence lists a feature outside the risky tiers:\n%s", ev)
	}
}

func TestUsageIsNeverInvented(t *testing.T) {
	res := mustAudit(t, cpanelDoc(planFeatures, fullToken("ci", daysAgo(400), nil)), "")
	out, err := res.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var decoded struct {
		Tokens []map[string]any `json:"tokens"`
		Notes  []string         `json:"notes"`
	}
	if err := json.Unmarshal(out, &decoded); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if got := decoded.Tokens[0]["last_used"]; got != "unknown" {
		t.Errorf("last_used = %v, want \"unknown\"", got)
	}
	if !slices.Contains(decoded.Notes, UsageUnknownNote) {
		t.Errorf("notes lack the usage-unknown note: %q", decoded.Notes)
	}
	var stale Finding
	for _, f := range res.Tokens[0].Findings {
		if f.Kind == KindStale {
			stale = f
		}
	}
	if !strings.Contains(stale.Message, "Usage unknown") {
		t.Errorf("stale message does not say usage is unknown: %q", stale.Message)
	}
}

func TestOrderAndSummary(t *testing.T) {
	created := daysAgo(10)
	input := doc(obj{
		"cpanel": obj{"user": "bob", "features": planFeatures, "tokens": []obj{
			{"name": "zz-limited", "create_time": created, "expires_at": daysAhead(30), "has_full_access": 0, "features": []string{"webmail"}},
			fullToken("b-full", created, daysAhead(30)),
			fullToken("a-expired", created, daysAgo(1)),
			fullToken("c-full-never", created, nil),
			{"name": "y-hijack", "create_time": created, "expires_at": daysAhead(30), "has_full_access": 0, "features": []string{"zoneedit", "changemx"}},
		}},
		"whm": obj{"user": "root", "tokens": obj{"tokens": obj{
			"a-whm": obj{"acls": obj{"all": 1}, "whitelist_ips": []string{"192.0.2.1"}, "expires_at": daysAhead(30), "create_time": created},
			"n-whm": obj{"acls": obj{"list-accts": 1}, "whitelist_ips": nil, "expires_at": daysAhead(30), "create_time": created},
		}}},
	})
	res := mustAudit(t, input, "")
	var names []string
	for _, tok := range res.Tokens {
		names = append(names, string(tok.Kind)+"/"+tok.Name)
	}
	wantOrder := []string{
		"cpanel/b-full", "cpanel/c-full-never", "whm/a-whm", // critical
		"cpanel/y-hijack", // high
		"whm/n-whm",       // medium
		"cpanel/a-expired",
		"cpanel/zz-limited", // none
	}
	if !slices.Equal(names, wantOrder) {
		t.Fatalf("order = %v\nwant    %v", names, wantOrder)
	}
	s := res.Summary
	if s.Tokens != 7 || s.Flagged != 4 || s.Worst != SeverityCritical || s.Badge() != "4" || s.Threshold != SeverityHigh {
		t.Errorf("summary = %+v (badge %q), want 7 tokens, 4 flagged, worst critical, badge 4", s, s.Badge())
	}
	wantBy := [5]int{SeverityNone: 1, SeverityLow: 1, SeverityMedium: 1, SeverityHigh: 1, SeverityCritical: 3}
	if s.BySeverity != wantBy {
		t.Errorf("by severity = %v, want %v", s.BySeverity, wantBy)
	}
	if s.Findings != 7 {
		t.Errorf("findings = %d, want 7", s.Findings)
	}

	for _, tc := range []struct {
		threshold string
		flagged   int
	}{{"critical", 3}, {"medium", 5}, {"low", 6}} {
		res := mustAudit(t, input, `{"badge_threshold":"`+tc.threshold+`"}`)
		if res.Summary.Flagged != tc.flagged {
			t.Errorf("threshold %s: flagged = %d, want %d", tc.threshold, res.Summary.Flagged, tc.flagged)
		}
	}

	clean := mustAudit(t, cpanelDoc(planFeatures, obj{"name": "ok", "create_time": created, "expires_at": daysAhead(30), "has_full_access": 0, "features": []string{"webmail"}}), "")
	if clean.Summary.Badge() != "" || clean.Summary.Worst != SeverityNone {
		t.Errorf("clean account: badge %q, worst %v; want empty badge and none", clean.Summary.Badge(), clean.Summary.Worst)
	}
}

func TestDeterministicOutput(t *testing.T) {
	created := daysAgo(100)
	toks := []obj{
		fullToken("one", created, nil),
		fullToken("two", created, daysAhead(2)),
		{"name": "three", "create_time": created, "expires_at": nil, "has_full_access": 0, "features": []string{"zoneedit", "backup", "changemx"}},
	}
	features := obj{"zoneedit": 1, "backup": 1, "changemx": 1, "ssh": 1, "dnssec": 1, "cron": 1}
	first, err := Run(cpanelDoc(features, toks...), nil)
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(toks)
	for i := 0; i < 5; i++ {
		again, err := Run(cpanelDoc(features, toks...), nil)
		if err != nil {
			t.Fatal(err)
		}
		if string(again) != string(first) {
			t.Fatalf("output changed between runs or with input order:\n%s\n%s", first, again)
		}
	}
}

func TestNotes(t *testing.T) {
	created := time.Unix(daysAgo(5), 0).UTC()
	res := mustAudit(t, doc(obj{
		"host": "server.example.com",
		"cpanel": obj{"user": "bob", "tokens": []obj{
			fullToken("ci", created.Unix(), daysAhead(30)),
			fullToken("other", created.Unix(), daysAhead(30)),
		}},
		"inventory": inventoryDoc(invEntry(fpA, "cpanel", "bob", "ci", created)),
		"leaked":    []string{fpB},
	}), "")
	notes := strings.Join(res.Notes, "\n")
	for _, s := range []string{"Usage unknown", "features were not supplied", "1 of 2 tokens have none in the inventory"} {
		if !strings.Contains(notes, s) {
			t.Errorf("notes lack %q:\n%s", s, notes)
		}
	}
}

func TestAuditValidatesGoCallers(t *testing.T) {
	tok := []Token{{Name: "ci", FullAccess: true}}
	tests := []struct {
		name string
		in   Input
		p    Policy
		want string
	}{
		{"zero now", Input{CPanel: &Account{User: "bob", Tokens: tok}}, DefaultPolicy(), "now"},
		{"no lists", Input{Now: now}, DefaultPolicy(), "no token list"},
		{"bad policy", Input{Now: now, CPanel: &Account{Tokens: tok}}, Policy{MaxAgeDays: -1, BadgeThreshold: SeverityHigh}, "max_age_days"},
		{"zero policy has no threshold", Input{Now: now, CPanel: &Account{Tokens: tok}}, Policy{}, "badge_threshold"},
		{"duplicate names", Input{Now: now, CPanel: &Account{Tokens: append(tok, tok...)}}, DefaultPolicy(), "appears twice"},
		{"bad leaked", Input{Now: now, CPanel: &Account{Tokens: tok}, Leaked: []string{"abc"}}, DefaultPolicy(), "leaked[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Audit(tt.in, tt.p)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Audit error = %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}
