package detect

import (
	"encoding/base64"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zricethezav/gitleaks/v8/config"
	glDetect "github.com/zricethezav/gitleaks/v8/detect"
	"github.com/zricethezav/gitleaks/v8/detect/codec"

	"github.com/tokenscan/tokenscan/rules"
)

// TestScanMatchesGitleaks runs the whole detector and gitleaks itself, with the whole rule file
// (allowlists included, as the stock CLI loads it), over the labelled corpus and over lines made
// to exercise every allowlist: both must report the same tokens in each file. This pins
// every shortcut at once, among them the value allowlists the detector applies itself.
func TestScanMatchesGitleaks(t *testing.T) {
	gl := wholeRulesGitleaks(t)
	d := newDetector(t)

	// Lines are compared elsewhere: gitleaks reports a match spanning lines at its first line,
	// tokenscan at the token's.
	type hit struct{ secret string }
	// Access hashes split over lines are reported joined; gitleaks reports them as written.
	norm := func(s string) string {
		s = strings.NewReplacer(`\n`, "", `\r`, "").Replace(s)
		return strings.Map(func(r rune) rune {
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
				return r
			}
			return -1
		}, s)
	}
	compare := func(name string, data []byte) {
		t.Helper()
		theirs := map[hit]bool{}
		for _, f := range gl.Detect(glDetect.Fragment{Raw: string(data), FilePath: name}) {
			theirs[hit{norm(f.Secret)}] = true
		}
		ours := map[hit]bool{}
		for _, f := range d.Scan(name, data) {
			ours[hit{norm(f.Secret)}] = true
		}
		if !maps.Equal(ours, theirs) {
			t.Errorf("%s: tokenscan %v, gitleaks %v", name, slices.Collect(maps.Keys(ours)), slices.Collect(maps.Keys(theirs)))
		}
	}

	compare("planted.txt", plantedAllowlistValues(t))

	n := 0
	eachCorpusFile(t, func(path string, data []byte) {
		compare(path, data)
		n++
	})
	if n < 100 {
		t.Fatalf("only %d corpus files", n)
	}
}

// eachCorpusFile calls fn with every file of the labelled corpus.
func eachCorpusFile(t *testing.T, fn func(path string, data []byte)) {
	t.Helper()
	err := filepath.WalkDir(filepath.Join("..", "..", "testdata", "corpus", "files"), func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fn(path, data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// wholeRulesGitleaks is gitleaks as the stock CLI runs our rule file: allowlists included,
// decoding five levels deep.
func wholeRulesGitleaks(t *testing.T) *glDetect.Detector {
	t.Helper()
	cfg, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	gl := glDetect.NewDetector(cfg)
	gl.MaxDecodeDepth = 5
	return gl
}

// plantedAllowlistValues returns text holding every allowlist literal, stop word and doc example
// of the embedded rules, planted in a random token, in each kind of context the token rules know,
// and encoded.
func plantedAllowlistValues(t *testing.T) []byte {
	t.Helper()
	var values []string
	dec, err := rules.DefaultDecoded()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range dec.Values {
		for _, p := range v.Regexes {
			lits, ok := literalSet(p)
			if body, anchored := anchoredBody(p); !ok && anchored {
				lits, ok = literals(body)
			}
			if !ok {
				continue
			}
			// A dozen of each list: the lists are uniform, and gitleaks takes its time.
			for i, l := range lits {
				if step := max(len(lits)/12, 1); i%step != 0 {
					continue
				}
				if len(l) >= 32 {
					values = append(values, l[:32])
				} else {
					values = append(values, tokA[:8]+l+tokA[8+len(l):])
				}
			}
		}
		for _, w := range v.StopWords {
			values = append(values, tokA[:4]+strings.ToUpper(w)+tokA[4+len(w):], tokA[:4]+w+tokA[4+len(w):])
		}
	}
	values = append(values, tokA, "9F86D081884C7D659A2FEAA0C55AD015", strings.Repeat("A", 32))
	if len(values) < 50 {
		t.Fatalf("only %d allowlist values derived; the derivation is broken", len(values))
	}
	contexts := []string{
		"curl -H 'Authorization: cpanel bob:%s' https://h:2083/execute/Tokens/list",
		"CPANEL_API_TOKEN=%s",
		"host: cpanel.example.com\napi_token: %s",
		"user,cpanel_token\nbob,%s",
	}
	var b strings.Builder
	for _, v := range values {
		for _, c := range contexts {
			b.WriteString(strings.ReplaceAll(c, "%s", v))
			b.WriteString("\n\n")
		}
		// Encoded, the value reaches the rules whatever it is (as in a Kubernetes Secret).
		b.WriteString("kind: Secret\ndata:\n  cpanel_token: " + base64.StdEncoding.EncodeToString([]byte("CPANEL_API_TOKEN="+v)) + "\n\n")
	}
	return []byte(b.String())
}

// TestSplitEnginesMatchWholeRules pins rules.Decoded's split: engines built from the rule file
// without its value allowlists, applying them to gitleaks' findings, report exactly what engines
// built from the whole rule file report, rule by rule, on text where those allowlists decide
// (the detector's candidate filter, which would hide a difference, is not in the way here).
func TestSplitEnginesMatchWholeRules(t *testing.T) {
	whole, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := newDetector(t)
	d.mustPrepare()
	text := plantedAllowlistValues(t)
	secrets := func(e engine, decode bool) []string {
		var out []string
		for _, f := range e.detect("planted.txt", text, 1, decode) {
			out = append(out, fmt.Sprint(f.StartLine, f.StartColumn, f.Secret))
		}
		slices.Sort(out)
		return out
	}
	dec, err := rules.DefaultDecoded()
	if err != nil {
		t.Fatal(err)
	}
	specs := dec.Specs()
	ref := localEngines(specs, subsetOf(whole), nil)
	if len(ref) != len(d.local) {
		t.Fatalf("%d engines from the whole file, %d split", len(ref), len(d.local))
	}
	reported := 0
	for i, r := range ref {
		for _, decode := range []bool{false, true} {
			want, got := secrets(r.engine, decode), secrets(d.local[i].engine, decode)
			if !slices.Equal(got, want) {
				t.Errorf("rule %s (decode %v): split engine found %d, whole rules %d:\n%q\n%q", r.id, decode, len(got), len(want), got, want)
			}
			reported += len(want)
		}
	}
	for id, w := range wideEngines(indexSpecs(specs), subsetOf(whole), d.composite, nil) {
		if want, got := secrets(w, true), secrets(d.wide[id], true); !slices.Equal(got, want) {
			t.Errorf("composite %s: split engine found %d, whole rules %d", id, len(got), len(want))
		}
	}
	if reported == 0 {
		t.Fatal("the planted text holds no token any rule reports")
	}
}

// TestHintLinesFindTheSameTargets pins hintLines: reading only the lines it names gives every
// finding of every corpus file the target that reading all lines gives.
func TestHintLinesFindTheSameTargets(t *testing.T) {
	d := newDetector(t)
	compared := 0
	eachCorpusFile(t, func(path string, data []byte) {
		found := d.Scan(path, data)
		if len(found) == 0 {
			return
		}
		lines := newLineIndex(data)
		lower := make([]byte, len(data))
		foldTo(lower, data)
		all := make([]int, lines.count())
		for i := range all {
			all[i] = i + 1
		}
		want := slices.Clone(found)
		applyHints(data, lines, want, collectHints(data, lower, lines, all))
		for i := range found {
			if found[i].Target != want[i].Target {
				t.Errorf("%s:%d: target %+v, reading every line gives %+v", path, found[i].Origin.Line, found[i].Target, want[i].Target)
			}
			if want[i].Target.Host != "" {
				compared++
			}
		}
	})
	if compared < 50 {
		t.Fatalf("only %d findings with a host: the corpus no longer exercises target extraction", compared)
	}
}

// TestPercentEscapesDecodeOnlyTheirLine: a printf escape on one line does not make the rules
// decode another, and a percent-encoded token on a line is still found; as gitleaks, with the
// whole rule file, finds on the same text.
func TestPercentEscapesDecodeOnlyTheirLine(t *testing.T) {
	gl := wholeRulesGitleaks(t)
	d := newDetector(t)
	texts := []string{
		"<?php\n$key = sprintf('%08x', $id);\n$cpanel_api_token = '" + tokA + "';\n",
		"url: https://h.example.com:2083/execute/x?auth=cpanel%20bob%3A" + tokA + "\nfmt: '%08x'\n",
		"cpanel_token=%51" + tokA[1:] + "\n",           // %51 is Q: the token is only whole decoded
		"cpanel_token=%51%38" + tokA[2:] + "&x=%08x\n", // two escapes in the token, one after it
		"printf('%08x');\nx = 'Authorization: cpanel bob:" + tokA + "'\nprintf('%20s');\n",
	}
	found := 0
	for _, text := range texts {
		theirs := map[string]bool{}
		for _, f := range gl.Detect(glDetect.Fragment{Raw: text, FilePath: "f"}) {
			theirs[f.Secret] = true
		}
		ours := map[string]bool{}
		for _, f := range d.Scan("f", []byte(text)) {
			ours[f.Secret] = true
		}
		if !maps.Equal(ours, theirs) {
			t.Errorf("%q: tokenscan %v, gitleaks %v", text, ours, theirs)
		}
		found += len(ours)
	}
	if found < 4 {
		t.Fatalf("only %d findings: the texts no longer exercise decoding", found)
	}
}

// TestPercentSegmentDecodes pins hasPercentEscape to gitleaks' percent decoder: a line's segment
// runs from its first %XX to its last and decodes only when every escape is printable ASCII.
func TestPercentSegmentDecodes(t *testing.T) {
	for line, want := range map[string]bool{
		"%08x": false, "sprintf('%08x %s', a)": false, "%20": true, "a%20b": true, "a%20b%08c": false,
		"%08c then %20": false, "%zz": false, "%4": false, "x%41": true, "%09": true, "%7f": false,
		"%7e": true, "%%41": true, "100%": false, "": false,
	} {
		if got := hasPercentEscape([]byte(line)); got != want {
			t.Errorf("%q: %v", line, got)
		}
	}
	if !hasPercentEscape([]byte("%08x\nurl=a%3Ab\n")) {
		t.Error("a decodable line after an undecodable one")
	}
}

// TestPercentSegmentDecodesLikeGitleaks compares hasPercentEscape with gitleaks' own decoder on
// random lines of escapes and short words (too short for its base64 and hex patterns, so any
// change it makes is percent decoding).
func TestPercentSegmentDecodesLikeGitleaks(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 32))
	pieces := []string{"%08", "%20", "%3A", "%41", "%7f", "%7e", "%09", "%0a", "%zz", "%4", "%", "x", "ab", " ", "'", "=", "%%", "1"}
	changed := 0
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := 1 + r.IntN(6); k > 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		line := b.String()
		decoded, _ := codec.NewDecoder().Decode(line, nil)
		want := decoded != line
		if want {
			changed++
		}
		if got := hasPercentEscape([]byte(line)); got != want {
			t.Fatalf("%q: hasPercentEscape %v, gitleaks decodes it to %q", line, got, decoded)
		}
	}
	if changed < 1000 {
		t.Fatalf("only %d lines decoded", changed)
	}
}

// FuzzPercentSegmentDecodes: hasPercentEscape agrees with gitleaks' decoder on any one line
// short of the runs its base64 and hex patterns would decode.
func FuzzPercentSegmentDecodes(f *testing.F) {
	for _, s := range []string{"%08x", "a%20b%08c", "%41%7e", "100%", "%%41"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		run := 0
		for i := 0; i < len(line); i++ {
			if c := line[i]; c == '\n' || c == '\\' || c == 'U' && strings.HasPrefix(line[i:], "U+") {
				return // one line, and no unicode escapes (another of gitleaks' decoders)
			} else if class[c]&clsSpan != 0 {
				if run++; run >= 16 {
					return
				}
			} else {
				run = 0
			}
		}
		decoded, _ := codec.NewDecoder().Decode(line, nil)
		if got, want := hasPercentEscape([]byte(line)), decoded != line; got != want {
			t.Fatalf("%q: hasPercentEscape %v, gitleaks decodes it to %q", line, got, decoded)
		}
	})
}

// subsetOf is a compiler that compiles nothing: it picks the rules out of a translated config.
func subsetOf(cfg config.Config) compiler {
	return func(ids ...string) (config.Config, error) {
		out := config.Config{Rules: map[string]config.Rule{}, Allowlists: cfg.Allowlists}
		for _, id := range ids {
			out.Rules[id] = cfg.Rules[id]
			out.OrderedRules = append(out.OrderedRules, id)
		}
		return out, nil
	}
}
