package finding

import (
	"strings"
	"testing"
	"time"
)

func TestRedactNeverShowsMoreThanFour(t *testing.T) {
	for in, want := range map[string]string{
		"Q8ZK2M4T7W1RXN5BH9CJ3PVL6YD0FGS2": "Q8ZK" + strings.Repeat("*", 28),
		"short":                            "*****",
		"":                                 "",
		"123456789":                        "1234*****",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFingerprints(t *testing.T) {
	// Known answers: sha256 and sha512 of "abc".
	if got := FingerprintOf("abc"); got != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf("FingerprintOf = %s", got)
	}
	if got := CPanelHash("abc"); !strings.HasPrefix(got, "ddaf35a193617aba") || len(got) != 128 {
		t.Errorf("CPanelHash = %s", got)
	}
	if got := Fingerprint("0123456789abcdef").Short(); got != "0123456789ab" {
		t.Errorf("Short = %s", got)
	}
}

func TestGroupFoldsSightingsByFingerprint(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2025, 1, d, 0, 0, 0, 0, time.UTC) }
	a, b := FingerprintOf("A"), FingerprintOf("B")
	fs := []Finding{
		{RuleID: "r1", Secret: "A", Fingerprint: a, Origin: Origin{Path: "z.sh", Line: 3, Date: day(5)}, Target: Target{Kind: KindCPanel}},
		{RuleID: "r1", Secret: "B", Fingerprint: b, Origin: Origin{Path: "b.env", Line: 1, Date: day(1)}},
		{RuleID: "r2", Secret: "A", Fingerprint: a, Origin: Origin{Path: "a.sh", Line: 9, Date: day(2)}, Target: Target{Kind: KindWHM, Host: "h.example.com", Port: 2087, User: "root"}},
	}
	leaks := Group(fs)
	if len(leaks) != 2 {
		t.Fatalf("got %d leaks", len(leaks))
	}
	// Ordered by first sighting: B (day 1) before A (day 2).
	if leaks[0].Fingerprint != b || leaks[1].Fingerprint != a {
		t.Fatalf("order: %v %v", leaks[0].Fingerprint.Short(), leaks[1].Fingerprint.Short())
	}
	la := leaks[1]
	if len(la.Locations) != 2 || la.Locations[0].Path != "a.sh" {
		t.Errorf("locations not sorted oldest first: %+v", la.Locations)
	}
	// The sighting that names a host wins; a different kind is never mixed in.
	if la.Target != (Target{Kind: KindWHM, Host: "h.example.com", Port: 2087, User: "root"}) {
		t.Errorf("merged target %+v", la.Target)
	}
}

func TestMergeFillsOnlyAgreeingFields(t *testing.T) {
	cp := Target{Kind: KindCPanel, User: "bob"}
	host := Target{Kind: KindCPanel, Host: "cp.example.com", Port: 2083}
	if got := cp.Merge(host); got != (Target{Kind: KindCPanel, Host: "cp.example.com", Port: 2083, User: "bob"}) {
		t.Errorf("got %+v", got)
	}
	whm := Target{Kind: KindWHM, Host: "whm.example.com", Port: 2087}
	if got := cp.Merge(whm); got != whm {
		t.Errorf("a cPanel user was paired with a WHM host: %+v", got)
	}
}
