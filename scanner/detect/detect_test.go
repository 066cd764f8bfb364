package detect

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/source"
)

const (
	tokA = "Q8ZK2M4T7W1RXN5BH9CJ3PVL6YD0FGS2"
	tokB = "7HN2QK9XW4MZ1RB8T5VLC3JP6YGD0SFE"
)

func newDetector(t testing.TB) *Detector {
	t.Helper()
	d, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestScanPositionsAndTargets(t *testing.T) {
	d := newDetector(t)
	filler := strings.Repeat("print('noise')\n", 30)
	cases := []struct {
		name       string
		text       string
		secret     string
		line, col  int
		wantTarget finding.Target
	}{
		{
			name:       "curl header with URL",
			text:       "#!/bin/sh\ncurl -s -H 'Authorization: cpanel bob:" + tokA + "' 'https://server.example.com:2083/execute/Tokens/list'\n",
			secret:     tokA,
			line:       2,
			col:        len("curl -s -H 'Authorization: cpanel bob:") + 1,
			wantTarget: finding.Target{Kind: finding.KindCPanel, Host: "server.example.com", Port: 2083, User: "bob"},
		},
		{
			name:       "env file with host and user keys",
			text:       "APP=1\nWHM_HOST=whm.example.net\nWHM_USER=root\nWHM_API_TOKEN=" + tokB + "\n",
			secret:     tokB,
			line:       4,
			col:        len("WHM_API_TOKEN=") + 1,
			wantTarget: finding.Target{Kind: finding.KindWHM, Host: "whm.example.net", Port: 2087, User: "root"},
		},
		{
			name: "token far from its use",
			text: "token = '" + tokA + "'\n" + filler +
				"r = requests.get('https://cp.example.org:2087/json-api/version?api.version=1', headers={'Authorization': 'whm reseller:' + token})\n",
			secret:     tokA,
			line:       1,
			col:        len("token = '") + 1,
			wantTarget: finding.Target{Kind: finding.KindWHM, Host: "cp.example.org", Port: 2087},
		},
		{
			name: "kubernetes secret, base64",
			text: "apiVersion: v1\nkind: Secret\nmetadata:\n  name: cpanel-credentials\ndata:\n  cpanel-api-token: " +
				base64.StdEncoding.EncodeToString([]byte(tokB)) + "\n",
			secret:     tokB,
			line:       6,
			wantTarget: finding.Target{Kind: finding.KindCPanel},
		},
		{
			name:       "percent-encoded header in a URL",
			text:       "GET /proxy?auth=cpanel%20bob%3A" + tokA + "&x=1\n",
			secret:     tokA,
			line:       1,
			col:        len("GET /proxy?auth=cpanel%20bob%3A") + 1,
			wantTarget: finding.Target{Kind: finding.KindCPanel},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := d.Scan("f", []byte(c.text))
			if len(fs) != 1 {
				t.Fatalf("want 1 finding, got %d: %+v", len(fs), fs)
			}
			f := fs[0]
			if f.Secret != c.secret || f.Fingerprint != finding.FingerprintOf(c.secret) {
				t.Errorf("secret %q, want %q", finding.Redact(f.Secret), finding.Redact(c.secret))
			}
			if f.Origin.Line != c.line || (c.col != 0 && f.Origin.Column != c.col) {
				t.Errorf("at %d:%d, want %d:%d", f.Origin.Line, f.Origin.Column, c.line, c.col)
			}
			if f.Target != c.wantTarget {
				t.Errorf("target %+v, want %+v", f.Target, c.wantTarget)
			}
		})
	}
}

func TestScanNothing(t *testing.T) {
	d := newDetector(t)
	for name, text := range map[string]string{
		"empty":             "",
		"no context":        "id = '" + tokA + "'\n",
		"md5 checksums":     "cpanel backup 5D41402ABC4B2A76B9719D911017C592 9F86D081884C7D659A2FEAA0C55AD015\n",
		"binary-ish":        "\x00\x01cpanel\xff\xfe" + tokA + "\x00",
		"allowed":           "Authorization: cpanel bob:" + tokA + " // tokenscan:allow\n",
		"hex git sha":       "whm commit 3f786850e387550fdab836ed7e6dc881de23001b3f786850e387550fdab836ed\n",
		"invalid utf8 only": "\xc3\x28\xa0\xa1\xe2\x28\xa1",
	} {
		if fs := d.Scan("f", []byte(text)); len(fs) != 0 {
			t.Errorf("%s: unexpected findings %+v", name, fs)
		}
	}
}

func TestScanDedupesSameLine(t *testing.T) {
	d := newDetector(t)
	// Both the assignment rule and the in-context rule match; one finding must remain.
	fs := d.Scan("f", []byte("cpanel_token = '"+tokA+"'\n"))
	if len(fs) != 1 || fs[0].RuleID != "cpanel-api-token-assignment" {
		t.Fatalf("got %+v", fs)
	}
}

func TestFindCandidates(t *testing.T) {
	accept := func([]byte) bool { return true }
	cases := map[string]int{
		tokA:                       1,
		"x" + tokA:                 0, // 33-char word
		tokA[:31]:                  0,
		"a+" + tokA + "/b":         1, // inside a span, bounded by + and /
		"_" + tokA:                 0, // \w neighbour: \b would not match
		strings.ToLower(tokA):      0,
		"deadbeefdeadbeefdeadbe":   0, // 22 hex: too short
		"deadbeefdeadbeefdeadbeef": 1,
		base64.StdEncoding.EncodeToString([]byte("cpanel bob:" + tokA)):                   1,
		base64.StdEncoding.EncodeToString([]byte("just some words that are long enough")): 0,
	}
	for in, want := range cases {
		if got := len(findCandidates([]byte(" "+in+" "), accept)); got != want {
			t.Errorf("%q: %d candidates, want %d", in, got, want)
		}
	}
}

// TestScanShortLinesBeforeToken: a local window takes at least localBytes of context, which
// short lines put before the wide window's first line; that once sliced out of range (a panic on
// a 271-byte file).
func TestScanShortLinesBeforeToken(t *testing.T) {
	d := newDetector(t)
	for _, n := range []int{1, 20, 90, 300} {
		data := strings.Repeat("x\n", n) + "Authorization: cpanel shop:" + tokA + "\nend\n"
		fs := d.Scan("f", []byte(data))
		if len(fs) != 1 || fs[0].Origin.Line != n+1 || fs[0].Origin.Column != 28 {
			t.Errorf("%d short lines before: %+v, want the token at %d:28", n, fs, n+1)
		}
	}
}

// FuzzScanLayout: wherever a token line sits among lines of any length, Scan finds it at its
// line and column. The window arithmetic (wide and local windows, their byte and line bounds)
// is what varies; random bytes rarely reach it.
func FuzzScanLayout(f *testing.F) {
	d := newDetector(f)
	f.Add(uint16(90), uint8(1), uint16(1), uint8(3), uint8(0))
	f.Add(uint16(0), uint8(0), uint16(0), uint8(0), uint8(5))
	f.Add(uint16(500), uint8(200), uint16(40), uint8(0), uint8(1))
	f.Fuzz(func(t *testing.T, before uint16, beforeLen uint8, after uint16, afterLen uint8, indent uint8) {
		n := int(before % 600)
		line := strings.Repeat(" ", int(indent%40)) + "Authorization: cpanel shop:" + tokA
		data := strings.Repeat(strings.Repeat("x", int(beforeLen))+"\n", n) + line + "\n" +
			strings.Repeat(strings.Repeat("y", int(afterLen))+"\n", int(after%600))
		fs := d.Scan("f", []byte(data))
		col := len(line) - len(tokA) + 1
		if len(fs) != 1 || fs[0].Origin.Line != n+1 || fs[0].Origin.Column != col {
			t.Fatalf("token at %d:%d, got %+v", n+1, col, fs)
		}
	})
}

func FuzzScan(f *testing.F) {
	d := newDetector(f)
	f.Add([]byte("Authorization: cpanel bob:" + tokA))
	f.Add([]byte(strings.Repeat("x\n", 90) + "Authorization: cpanel shop:" + tokA + "\nend\n"))
	f.Add([]byte("apiVersion: v1\ndata:\n  cpanel-token: " + base64.StdEncoding.EncodeToString([]byte(tokB))))
	f.Add([]byte("Authorization: WHM root:" + strings.Repeat("0123456789abcdef", 5)))
	f.Add([]byte{0xff, 0x00, '\n', '\n'})
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, fd := range d.Scan("fuzz", data) {
			if fd.Origin.Line < 1 || fd.Origin.Column < 1 {
				t.Fatalf("bad position %+v", fd.Origin)
			}
			if fd.Fingerprint != finding.FingerprintOf(fd.Secret) {
				t.Fatalf("fingerprint does not match secret")
			}
		}
	})
}

func TestNewValidatesEagerlyWhenConfigured(t *testing.T) {
	if _, err := New(Options{ContextLines: 3}); err == nil {
		t.Error("a context narrower than the composite rules' reach was accepted")
	}
	if _, err := New(Options{Rules: []byte("[[rules]]\nid = \"x\"\nregex = '''(unclosed'''\n")}); err == nil {
		t.Error("a bad rule file was accepted")
	}
}

// TestTargetsNeverBorrowAnotherServicesHost: a token must never be routed to a host that the
// file names for something else (a database, a mail server), since verification sends it there.
func TestTargetsNeverBorrowAnotherServicesHost(t *testing.T) {
	d := newDetector(t)
	cases := map[string]finding.Target{
		"DB_HOST=db.internal.example.com\nSMTP_USER=mailer\nCPANEL_API_TOKEN=" + tokA + "\n":                      {Kind: finding.KindCPanel},
		"db:\n  host: db.internal.example.com\n  user: app\ncpanel:\n  token: " + tokA + "\n  note: curl :2083\n": {Kind: finding.KindCPanel},
		"cpanel:\n  host: cp.example.com\n  user: bob\n  token: " + tokA + "\n":                                   {Kind: finding.KindCPanel, Host: "cp.example.com", Port: 2083, User: "bob"},
		"[database]\nhost = db.example.com\n[cpanel]\ntoken = " + tokA + "\nurl = https://cp.example.com:2083/\n": {Kind: finding.KindCPanel, Host: "cp.example.com", Port: 2083},
	}
	for text, want := range cases {
		fs := d.Scan("f", []byte(text))
		if len(fs) != 1 || fs[0].Target != want {
			t.Errorf("%q: got %+v, want target %+v", text, fs, want)
		}
	}
}

// TestFindingsDoNotAliasContent: scanners hand the content buffer back for reuse as soon as Scan
// returns (source.Unit.Release), so no finding may point into it.
func TestFindingsDoNotAliasContent(t *testing.T) {
	d := newDetector(t)
	data := []byte("CPANEL_HOST=https://cp.example.com:2083\nCPANEL_USER=bob\nCPANEL_API_TOKEN=" + tokA + "\n" +
		"curl -H 'Authorization: whm root:" + tokB + "' https://whm.example.com:2087/json-api/version\n")
	found := d.Scan("x.env", data)
	if len(found) != 2 {
		t.Fatalf("found %d tokens, want 2", len(found))
	}
	before := fmt.Sprintf("%#v", found)
	for i := range data {
		data[i] = 'Z'
	}
	if after := fmt.Sprintf("%#v", found); after != before {
		t.Fatalf("findings changed with the content buffer:\nbefore %s\nafter  %s", before, after)
	}
}

// TestSpanRunAgreesWithSource: source.Staged skips reading changes whose added lines hold no run
// of source.SpanRun token characters; the prefilter must need at least that much for anything.
func TestSpanRunAgreesWithSource(t *testing.T) {
	if minSpanRun < source.SpanRun {
		t.Fatalf("the prefilter finds runs of %d characters, but staged scans skip changes without %d", minSpanRun, source.SpanRun)
	}
	// And the prefilter really needs a run that long: a token-shaped line one shorter holds no candidate.
	d := newDetector(t)
	line := []byte("CPANEL_TOKEN=" + strings.Repeat("Q8ZK2M4T7W1RXN5BH9CJ3PVL6YD0FGS2", 1)[:source.SpanRun-1] + "\n")
	if c := findCandidates(line, d.acceptValue); len(c) != 0 {
		t.Fatalf("candidates in a line without a %d-character run: %v", source.SpanRun, c)
	}
}

// TestCompositeKeywordAnywhereInFile: gitleaks runs a rule when its keywords occur anywhere in
// the text it scans, which for a file is the whole file. A context-requiring rule still needs
// its context near the token (withinLines), but its keyword may be far above it.
func TestCompositeKeywordAnywhereInFile(t *testing.T) {
	d := newDetector(t)
	filler := strings.Repeat("x_setting = 1\n", 150)
	context := `api_url = "https://host.example.com/execute/Tokens/list"` + "\n"
	secret := `secret = "` + tokA + `"` + "\n"
	for _, c := range []struct {
		name, text string
		want       int
	}{
		{"keyword far above, context near", "# deploy settings for cpanel\n" + filler + context + secret, 1},
		{"no keyword anywhere", "# deploy settings\n" + filler + context + secret, 0},
		{"keyword far above, context far too", "# deploy settings for cpanel\n" + context + filler + secret, 0},
	} {
		found := d.Scan("conf.txt", []byte(c.text))
		if len(found) != c.want {
			t.Errorf("%s: %d findings %v, want %d", c.name, len(found), found, c.want)
		}
		if len(found) == 1 && found[0].RuleID != "cpanel-api-token-in-context" {
			t.Errorf("%s: rule %s", c.name, found[0].RuleID)
		}
	}
}

// TestDecodePrecheckIsExact: skipping a decoder because the run cannot decode to a long enough
// ASCII run never changes whether decoding finds a candidate.
func TestDecodePrecheckIsExact(t *testing.T) {
	d := newDetector(t)
	reference := func(run []byte) bool {
		for _, dec := range decoders {
			if plain, ok := dec(run); ok && len(plain) >= minHexRun && len(findCandidatesDepth(plain, d.acceptValue, 1)) > 0 {
				return true
			}
		}
		return false
	}
	r := rand.New(rand.NewPCG(5, 6))
	texts := []string{
		"Authorization: cpanel bob:" + tokA, "token=" + tokB, "CPANEL_TOKEN: " + tokA + "\n", strings.Repeat("ab", 20),
		"4f2a9c81d07b3e654f2a9c81d07b3e65", "plain words only, nothing long here at all",
	}
	positives := 0
	for i := 0; i < 20000; i++ {
		var run []byte
		switch i % 4 {
		case 0: // random bytes, encoded
			raw := make([]byte, 20+r.IntN(60))
			for j := range raw {
				raw[j] = byte(r.IntN(256))
			}
			run = []byte(base64.StdEncoding.EncodeToString(raw))
		case 1: // text, base64 (either alphabet), with random prefix bytes to shift alignment
			txt := strings.Repeat("x", r.IntN(3)) + texts[r.IntN(len(texts))]
			if r.IntN(2) == 0 {
				run = []byte(base64.StdEncoding.EncodeToString([]byte(txt)))
			} else {
				run = []byte(base64.RawURLEncoding.EncodeToString([]byte(txt)))
			}
		case 2: // text, hex
			run = []byte(fmt.Sprintf("%x", texts[r.IntN(len(texts))]))
		default: // random base64 characters
			const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_"
			run = make([]byte, 40+r.IntN(80))
			for j := range run {
				run[j] = b64[r.IntN(len(b64))]
			}
		}
		want := reference(run)
		if got := decodedHasCandidate(run, d.acceptValue, 0); got != want {
			t.Fatalf("decodedHasCandidate(%q) = %v, decoding says %v", run, got, want)
		}
		if want {
			positives++
		}
	}
	if positives < 1000 {
		t.Fatalf("only %d runs decode to a candidate: the test no longer exercises the check", positives)
	}
}
