package detect

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// narrowWide keeps every line's number and every kept line's bytes: gitleaks counts lines and
// columns from the newlines, so findings on kept lines come out where they were.
func TestNarrowWideKeepsLineStructure(t *testing.T) {
	data := []byte("a\r\nprimary TOKEN\nfar away\ncpanel host\r\nlast line without newline")
	lines := newLineIndex(data)
	d := &Detector{local: []ruleEngine{{requires: []*keywordFinder{newKeywordFinder(toBytes([]string{"cpanel"}))}}}}
	x := &requiredIndex{d: d, data: data}
	w := window{start: 0, end: len(data), firstLine: 1}
	got := x.narrowWide(0, lines, w, data, map[int]bool{2: true})
	want := []byte("\nprimary TOKEN\n\ncpanel host\r\n")
	if !bytes.Equal(got, want) {
		t.Fatalf("narrowWide = %q, want %q", got, want)
	}
	// A window that starts inside the file: line numbers count from its first line.
	w = window{start: lines.lineStart(2), end: lines.lineEnd(4), firstLine: 2}
	got = x.narrowWide(0, lines, w, data[w.start:w.end], map[int]bool{3: true})
	if want := []byte("\nfar away\ncpanel host\r\n"); !bytes.Equal(got, want) {
		t.Fatalf("narrowWide of lines 2-4 = %q, want %q", got, want)
	}
}

// TestNarrowWideMatchesWholeWindow: on generated files mixing secrets, the rules' context at
// every distance (up to past withinLines), CRLF and LF endings and a last line without its
// newline, a detector that narrows the wide step finds exactly what one that shows gitleaks
// the whole window finds.
func TestNarrowWideMatchesWholeWindow(t *testing.T) {
	narrow, whole := newDetector(t), newDetector(t)
	whole.mustPrepare()
	narrowed := 0
	for i := range whole.local {
		if whole.local[i].narrowable {
			narrowed++
		}
		whole.local[i].narrowable = false
	}
	if narrowed == 0 {
		t.Fatal("no embedded composite rule is narrowable: this test compares nothing")
	}
	secrets := []string{
		`secret = "%s"`, `token: %s`, `$api_key => '%s',`, `password=%s`, `"token": "%s",`,
		`'%s',`, `%s,cp1.example.com,bob`, `key %s and also auth = %s`, `x = 1 # %s`,
	}
	contexts := []string{
		"# cpanel deploy", "host = whm.example.com:2087", `url = "https://h:2083/execute/Tokens/list"`,
		`"create_time": 1714000000,`, "INSERT INTO `tblservers` VALUES (1,'x'", "server,whm user,api token",
		"uapi Tokens create_full_access", "WHM_HOST=host", "/json-api/listaccts",
	}
	fillers := []string{"x_setting = 1", "", "    return nil", "}", "func f() {", "# comment about hashes"}
	tokens := []string{tokA, tokB, "K3M9Q2X7W5R8T1Z4P6N0B2V5C8D1F4G7"}
	rng := rand.New(rand.NewPCG(5, 9))
	found := 0
	for n := range 150 {
		var b strings.Builder
		lines := 20 + rng.IntN(180)
		nl := "\n"
		if rng.IntN(4) == 0 {
			nl = "\r\n"
		}
		for l := range lines {
			switch r := rng.IntN(20); {
			case r < 2:
				s := secrets[rng.IntN(len(secrets))]
				var args []any
				for range strings.Count(s, "%s") {
					args = append(args, tokens[rng.IntN(len(tokens))])
				}
				fmt.Fprintf(&b, s, args...)
			case r < 4:
				b.WriteString(contexts[rng.IntN(len(contexts))])
			default:
				b.WriteString(fillers[rng.IntN(len(fillers))])
			}
			if l < lines-1 || rng.IntN(2) == 0 {
				b.WriteString(nl)
			}
		}
		text := []byte(b.String())
		got, want := narrow.Scan("f.txt", text), whole.Scan("f.txt", text)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("file %d: narrowed %v\nwhole window %v\n%s", n, got, want, text)
		}
		for _, f := range got {
			if narrow.composite[f.RuleID] {
				found++
			}
		}
	}
	if found == 0 {
		t.Error("no composite rule reported anything: the comparison is vacuous")
	}
	t.Logf("%d findings of composite rules compared", found)
}
