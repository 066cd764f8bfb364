package inventory

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// Example values from cPanel's documentation, never real tokens.
var (
	fpA   = string(finding.FingerprintOf("JPQNSRU0DH448UJLGXH7KVJECC5QN9N9"))
	fpB   = string(finding.FingerprintOf("U7HMR63FGY292DQZ4H5BFH16JLYMO01M"))
	hashA = finding.CPanelHash("JPQNSRU0DH448UJLGXH7KVJECC5QN9N9")
)

func entryJSON(fields ...string) string {
	return `{"version":1,"entries":[{` + strings.Join(fields, ",") + `}]}`
}

func validFields() []string {
	return []string{
		`"fingerprint":"` + fpA + `"`,
		`"cpanel_hash":"` + hashA + `"`,
		`"kind":"cpanel"`,
		`"host":"server.example.com"`,
		`"port":2083`,
		`"user":"bob"`,
		`"name":"deploy-ci"`,
		`"created_at":"2026-01-02T15:04:05Z"`,
	}
}

// with returns the valid entry with one field replaced (or removed when value is empty).
func with(key, value string) string {
	var out []string
	for _, f := range validFields() {
		if strings.HasPrefix(f, `"`+key+`":`) {
			if value != "" {
				out = append(out, `"`+key+`":`+value)
			}
			continue
		}
		out = append(out, f)
	}
	return entryJSON(out...)
}

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr string // substring; empty means success
	}{
		{"valid", entryJSON(validFields()...), ""},
		{"empty entries", `{"version":1,"entries":[]}`, ""},
		{"no entries key", `{"version":1}`, ""},
		{"whm kind, long user", `{"version":1,"entries":[{"fingerprint":"` + fpA + `","kind":"whm","host":"h","user":"reseller_with_a_long_name_31chr","name":"n"}]}`, ""},
		{"whm user too long", `{"version":1,"entries":[{"fingerprint":"` + fpA + `","kind":"whm","host":"h","user":"reseller_with_a_long_name_32chrs","name":"n"}]}`, "user:"},
		{"optional fields omitted", with("cpanel_hash", ""), ""},
		{"no port", with("port", ""), ""},
		{"no created_at", with("created_at", ""), ""},
		{"ipv6 host", with("host", `"[2001:db8::1]"`), ""},
		{"created_at with offset", with("created_at", `"2026-01-02T15:04:05+02:00"`), ""},

		{"not json", `hello`, "parsing inventory"},
		{"html", `<html><body>login</body></html>`, "parsing inventory"},
		{"trailing data", entryJSON(validFields()...) + `}`, "after the JSON object"},
		{"missing version", `{"entries":[]}`, "version missing"},
		{"wrong version", `{"version":2,"entries":[]}`, "unsupported version 2"},
		{"unknown key", `{"version":1,"entries":[],"extra":1}`, `parsing inventory: unknown key "extra"`},
		{"unknown entry key", entryJSON(append(validFields(), `"token":"JPQNSRU0DH448UJLGXH7KVJECC5QN9N9"`)...), `inventory entry 0 ("deploy-ci"): unknown key "token"`},
		{"short fingerprint", with("fingerprint", `"abc"`), "entry 0 (\"deploy-ci\"): fingerprint"},
		{"upper-case fingerprint", with("fingerprint", `"`+strings.ToUpper(fpA)+`"`), "fingerprint: want 64 lower-case hex"},
		{"fingerprint is the token", with("fingerprint", `"JPQNSRU0DH448UJLGXH7KVJECC5QN9N9"`), "32 characters that look like a token value"},
		{"missing fingerprint", with("fingerprint", ""), "fingerprint: want 64 lower-case hex digits (sha256 of the value), got nothing"},
		{"sha256 as cpanel_hash", with("cpanel_hash", `"`+fpA+`"`), "cpanel_hash: want 128"},
		{"bad kind", with("kind", `"plesk"`), `kind: want "cpanel" or "whm", got "plesk"`},
		{"missing kind", with("kind", ""), "kind"},
		{"missing host", with("host", ""), "host: required"},
		{"url as host", with("host", `"https://server.example.com:2083"`), "host: want a bare host name"},
		{"space in host", with("host", `"server example.com"`), "host: invalid character"},
		{"port too big", with("port", `70000`), "port: want 1-65535"},
		{"port as string", with("port", `"2083"`), `port: want a whole number, got "\"2083\""`},
		{"port as float", with("port", `2083.0`), `port: want a whole number`},
		{"upper-case key", with("name", "")[:len(with("name", ""))-3] + `,"Name":"deploy-ci"}]}`, `unknown key "Name"`},
		{"entries not array", `{"version":1,"entries":{}}`, `entries: want an array of objects`},
		{"version as string", `{"version":"1","entries":[]}`, `version: want a whole number`},
		{"missing user", with("user", ""), "user:"},
		{"upper-case user", with("user", `"Bob"`), "user:"},
		{"cpanel user too long", with("user", `"abcdefghijklmnopq"`), "user:"},
		{"user starting with dot", with("user", `".bob"`), "user:"},
		{"missing name", with("name", ""), "name: want 1-50"},
		{"name with space", with("name", `"deploy ci"`), "name: want 1-50"},
		{"name too long", with("name", `"`+strings.Repeat("a", 51)+`"`), "name: want 1-50"},
		{"name of 50", with("name", `"`+strings.Repeat("a", 50)+`"`), ""},
		{"bad created_at", with("created_at", `"2026-01-02"`), "entry 0 (\"deploy-ci\"): created_at: want RFC 3339"},
		{"created_at unix", with("created_at", `1767366245`), `created_at: want an RFC 3339 string`},
		{"duplicate fingerprint", `{"version":1,"entries":[` +
			`{"fingerprint":"` + fpA + `","kind":"cpanel","host":"h","user":"bob","name":"one"},` +
			`{"fingerprint":"` + fpA + `","kind":"cpanel","host":"h","user":"bob","name":"two"}]}`,
			`inventory entry 1 ("two"): duplicate fingerprint ` + fpA[:12] + `, already used by entry 0 ("one")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inv, err := Parse([]byte(tt.in))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("Parse: %v", err)
				}
				if inv == nil {
					t.Fatal("Parse returned nil inventory without error")
				}
				return
			}
			if err == nil {
				t.Fatalf("Parse accepted %s", tt.in)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error %q does not contain %q", err, tt.wantErr)
			}
		})
	}
}

func TestEntryErrorUnwraps(t *testing.T) {
	_, err := Parse([]byte(with("kind", `"plesk"`)))
	var ee *EntryError
	if !errors.As(err, &ee) || ee.Index != 0 || ee.Name != "deploy-ci" {
		t.Fatalf("want *EntryError for entry 0 deploy-ci, got %#v", err)
	}
}

func TestParsedFields(t *testing.T) {
	inv, err := Parse([]byte(entryJSON(validFields()...)))
	if err != nil {
		t.Fatal(err)
	}
	want := Entry{
		Fingerprint: fpA, CPanelHash: hashA, Kind: KindCPanel, Host: "server.example.com", Port: 2083,
		User: "bob", Name: "deploy-ci", CreatedAt: time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC),
	}
	got := inv.Entries()
	if len(got) != 1 || got[0] != want {
		t.Fatalf("entries = %+v\nwant %+v", got, want)
	}
}

func TestLookups(t *testing.T) {
	old := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	newer := old.AddDate(0, 3, 0)
	inv, err := New([]Entry{
		{Fingerprint: fpA, Kind: KindCPanel, Host: "Server.Example.com.", User: "bob", Name: "ci", CreatedAt: old},
		{Fingerprint: fpB, Kind: KindCPanel, Host: "server.example.com", User: "bob", Name: "ci", CreatedAt: newer},
	})
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := inv.ByFingerprint(strings.ToUpper(fpB)); !ok || e.CreatedAt != newer {
		t.Fatalf("ByFingerprint(upper fpB) = %+v, %v", e, ok)
	}
	if _, ok := inv.ByFingerprint(strings.Repeat("0", 64)); ok {
		t.Fatal("ByFingerprint found an unknown fingerprint")
	}
	got := inv.ByName(KindCPanel, "SERVER.example.com", "bob", "ci")
	if len(got) != 2 || got[0].Fingerprint != fpB || got[1].Fingerprint != fpA {
		t.Fatalf("ByName should return both entries newest first, got %+v", got)
	}
	for _, miss := range []struct {
		kind             Kind
		host, user, name string
	}{
		{KindWHM, "server.example.com", "bob", "ci"},
		{KindCPanel, "other.example.com", "bob", "ci"},
		{KindCPanel, "server.example.com", "alice", "ci"},
		{KindCPanel, "server.example.com", "bob", "CI"},
	} {
		if got := inv.ByName(miss.kind, miss.host, miss.user, miss.name); len(got) != 0 {
			t.Errorf("ByName(%v) = %+v, want nothing", miss, got)
		}
	}
}

func TestMarshalRoundTripIsStable(t *testing.T) {
	created := time.Date(2026, 2, 3, 4, 5, 6, 789000000, time.UTC)
	inv, err := New([]Entry{
		{Fingerprint: fpB, Kind: KindWHM, Host: "whm.example.com", Port: 2087, User: "root", Name: "zz"},
		{Fingerprint: fpA, CPanelHash: hashA, Kind: KindCPanel, Host: "h.example.com", Port: 2083, User: "bob", Name: "aa", CreatedAt: created},
	})
	if err != nil {
		t.Fatal(err)
	}
	out, err := inv.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "JPQNSRU0") {
		t.Fatal("marshalled inventory contains a token value")
	}
	if i, j := strings.Index(string(out), `"cpanel"`), strings.Index(string(out), `"whm"`); i < 0 || j < 0 || i > j {
		t.Fatalf("want cpanel entry before whm entry:\n%s", out)
	}
	back, err := Parse(out)
	if err != nil {
		t.Fatalf("re-parsing own output: %v\n%s", err, out)
	}
	again, err := back.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != string(out) {
		t.Fatalf("Marshal is not stable:\n%s\nvs\n%s", out, again)
	}
	e, ok := back.ByFingerprint(fpA)
	if !ok || !e.CreatedAt.Equal(created) || e.CPanelHash != hashA || e.Port != 2083 {
		t.Fatalf("round trip lost fields: %+v", e)
	}
}

func TestAddRejectsInvalidWithoutChangingInventory(t *testing.T) {
	inv, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := inv.Add(Entry{Fingerprint: fpA, Kind: KindCPanel, Host: "h", User: "bob", Name: "bad name"}); err == nil {
		t.Fatal("Add accepted an invalid name")
	}
	if inv.Len() != 0 {
		t.Fatalf("failed Add changed the inventory: %d entries", inv.Len())
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(entryJSON(validFields()...)))
	f.Add([]byte(`{"version":1,"entries":[]}`))
	f.Add([]byte(with("created_at", `"2026-01-02T15:04:05.5+01:00"`)))
	f.Add([]byte(`{"version":1,"entries":[{"fingerprint":"` + fpA + `","kind":"whm","host":"h","user":"root","name":"x"},{}]}`))
	f.Add([]byte(`<html>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		inv, err := Parse(data)
		if err != nil {
			return
		}
		// Whatever Parse accepts must survive its own writer and come back the same.
		out, err := inv.Marshal()
		if err != nil {
			t.Fatalf("Marshal of accepted input: %v", err)
		}
		back, err := Parse(out)
		if err != nil {
			t.Fatalf("Parse rejected Marshal output: %v\n%s", err, out)
		}
		if back.Len() != inv.Len() {
			t.Fatalf("round trip changed entry count %d -> %d", inv.Len(), back.Len())
		}
		for _, e := range inv.Entries() {
			if err := e.Validate(); err != nil {
				t.Fatalf("accepted entry fails Validate: %v", err)
			}
			b, ok := back.ByFingerprint(e.Fingerprint)
			if !ok || b.Name != e.Name || b.Kind != e.Kind || b.User != e.User || !b.CreatedAt.Equal(e.CreatedAt) {
				t.Fatalf("round trip changed entry %+v -> %+v", e, b)
			}
		}
	})
}

// A user who pastes the token value where its fingerprint belongs must not get the value echoed
// back in an error that may end up in a log.
func TestErrorsNeverEchoATokenValue(t *testing.T) {
	const value = "JPQNSRU0DH448UJLGXH7KVJECC5QN9N9"
	for _, key := range []string{"fingerprint", "cpanel_hash"} {
		_, err := Parse([]byte(with(key, `"`+value+`"`)))
		if err == nil {
			t.Fatalf("%s = token value accepted", key)
		}
		if strings.Contains(err.Error(), value[:4]) {
			t.Errorf("%s error echoes the value: %v", key, err)
		}
	}
}
