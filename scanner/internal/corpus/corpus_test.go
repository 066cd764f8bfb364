package corpus

import (
	"encoding/base64"
	"flag"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/corpus from the generator")

const corpusDir = "../../../testdata/corpus"

func TestCorpusUpToDate(t *testing.T) {
	c := Generate(DefaultSeed)
	if *update {
		if err := c.Write(corpusDir); err != nil {
			t.Fatal(err)
		}
	}
	diffs, err := c.Diff(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(diffs) > 0 {
		if len(diffs) > 20 {
			diffs = append(diffs[:20], "...")
		}
		t.Fatalf("testdata/corpus is out of date; run go test ./scanner/internal/corpus/ -run TestCorpusUpToDate -update\n%s", strings.Join(diffs, "\n"))
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	a, err := Generate(DefaultSeed).Render()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Generate(DefaultSeed).Render()
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("two runs gave %d and %d files", len(a), len(b))
	}
	for name, content := range a {
		if string(b[name]) != string(content) {
			t.Fatalf("%s differs between two runs", name)
		}
	}
	other, err := Generate(DefaultSeed + 1).Render()
	if err != nil {
		t.Fatal(err)
	}
	if string(other[LabelsFile]) == string(a[LabelsFile]) {
		t.Fatal("a different seed gave the same labels")
	}
}

var (
	tokenRE      = regexp.MustCompile(`^[0-9A-Z]{32}$`)
	accessHashRE = regexp.MustCompile(`^[0-9a-f]{64,}$`)
	// standaloneRun finds 32-character [0-9A-Z] runs not glued to other letters or digits.
	standaloneRun = regexp.MustCompile(`(?:^|[^0-9A-Za-z])([0-9A-Z]{32})(?:[^0-9A-Za-z]|$)`)
)

func TestLabelsMatchContent(t *testing.T) {
	c := Generate(DefaultSeed)
	owner := map[string]string{}
	for _, f := range c.Files {
		for _, s := range f.Secrets {
			owner[s.Normalized] = f.Path
		}
	}
	for _, f := range c.Files {
		text := string(f.Content)
		if f.Positive != (len(f.Secrets) > 0) {
			t.Errorf("%s: positive=%v with %d secrets", f.Path, f.Positive, len(f.Secrets))
		}
		known := map[string]bool{}
		for _, s := range f.Secrets {
			known[s.Value] = true
			if s.Normalized != Normalize(s.Value) {
				t.Errorf("%s: secret_normalized is not Normalize(secret)", f.Path)
			}
			switch s.Kind {
			case KindAPIToken:
				if !tokenRE.MatchString(s.Value) {
					t.Errorf("%s: api token %q is not 32 [0-9A-Z]", f.Path, s.Value)
				}
			case KindAccessHash:
				if !accessHashRE.MatchString(s.Normalized) {
					t.Errorf("%s: access hash does not normalize to lower-case hex", f.Path)
				}
			default:
				t.Errorf("%s: unknown kind %q", f.Path, s.Kind)
			}
			needle := s.Value
			if s.Encoding == "base64" {
				raw, err := base64.StdEncoding.DecodeString(s.AppearsAs)
				if err != nil || strings.TrimSpace(string(raw)) != s.Value {
					t.Errorf("%s: appears_as does not decode to the secret", f.Path)
				}
				needle = s.AppearsAs
			}
			if !strings.Contains(text, needle) {
				t.Errorf("%s: labelled secret not in file", f.Path)
			}
			if len(s.Lines) == 0 {
				t.Errorf("%s: secret without lines", f.Path)
			}
			for _, d := range DocExampleTokens {
				if s.Normalized == d {
					t.Errorf("%s: doc example token labelled as a secret", f.Path)
				}
			}
		}
		for _, d := range f.Decoys {
			known[d.Value] = true
			if !strings.Contains(text, d.Value) || len(d.Lines) == 0 {
				t.Errorf("%s: decoy %q not in file", f.Path, d.Value)
			}
		}
		// Every token-shaped run must be labelled one way or the other, so a detector's false
		// positive can always be attributed to the near-miss that caused it.
		for _, m := range standaloneRun.FindAllStringSubmatch(text, -1) {
			if !known[m[1]] {
				t.Errorf("%s: unlabelled token-shaped run %s", f.Path, m[1])
			}
		}
		// No secret of one file leaks into another, labelled negative or not.
		compact := Normalize(text)
		for norm, path := range owner {
			if path != f.Path && strings.Contains(compact, norm) {
				t.Errorf("%s contains the secret labelled for %s", f.Path, path)
			}
		}
	}
}

// TestIndirectDistance keeps the indirect cases honest: the generic definition and the use that
// gives it away must be 10 to 60 lines apart.
func TestIndirectDistance(t *testing.T) {
	useRE := regexp.MustCompile(`Authorization|:208[2367]\b`)
	for _, f := range Generate(DefaultSeed).Files {
		if !strings.HasPrefix(f.Category, "indirect/") {
			continue
		}
		lines := strings.Split(string(f.Content), "\n")
		def := f.Secrets[0].Lines[0]
		use := 0
		for i := def; i < len(lines); i++ {
			if useRE.MatchString(lines[i]) {
				use = i + 1
				break
			}
		}
		if d := use - def; use == 0 || d < 10 || d > 60 {
			t.Errorf("%s: definition on line %d, first use on line %d", f.Path, def, use)
		}
	}
}

func TestCorpusShape(t *testing.T) {
	c := Generate(DefaultSeed)
	files, err := c.Render()
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, b := range files {
		total += len(b)
	}
	if total >= 3<<20 {
		t.Errorf("corpus is %d bytes, want < 3 MiB", total)
	}
	if len(c.Files) < 400 {
		t.Errorf("corpus has %d files, want >= 400", len(c.Files))
	}
	docFiles := map[string]int{}
	pos, neg, base32ish := 0, 0, 0
	base32RE := regexp.MustCompile(`^[A-Z2-7]{32}$`)
	for _, f := range c.Files {
		for _, s := range f.Secrets {
			if base32RE.MatchString(s.Value) {
				base32ish++
			}
		}
		if f.Positive {
			pos++
		} else {
			neg++
		}
		for _, d := range DocExampleTokens {
			if strings.Contains(string(f.Content), d) {
				docFiles[d]++
			}
		}
	}
	for _, d := range DocExampleTokens {
		if docFiles[d] == 0 {
			t.Errorf("doc example token %s appears in no file", d)
		}
	}
	for _, s := range c.Labels().Categories {
		if s.Description == "" {
			t.Errorf("category %s has no description", s.Name)
		}
		t.Logf("%-26s files=%3d secrets=%3d", s.Name, s.Files, s.Secrets)
	}
	t.Logf("%d files (%d positive, %d negative), %d bytes; %d labelled tokens happen to look base32", len(c.Files), pos, neg, total, base32ish)
}
