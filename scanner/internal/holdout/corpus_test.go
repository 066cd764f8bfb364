package holdout

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/tokenscan/tokenscan/scanner/detect"
)

const defaultSeed = 0x7ab1e5eed

func seed(t *testing.T) uint64 {
	if s := os.Getenv("HOLDOUT_SEED"); s != "" {
		v, err := strconv.ParseUint(s, 0, 64)
		if err != nil {
			t.Fatalf("HOLDOUT_SEED: %v", err)
		}
		return v
	}
	return defaultSeed
}

var longRun = regexp.MustCompile(`[0-9A-Za-z+/=]{20,}`)

// redact keeps the first 4 characters of every long run, so logs never carry a value.
func redact(s string) string {
	s = strings.TrimSpace(s)
	s = longRun.ReplaceAllStringFunc(s, func(m string) string { return m[:4] + "…" })
	if r := []rune(s); len(r) > 160 {
		s = string(r[:160]) + "…"
	}
	return s
}

// lineOf returns the line of data where needle (or, for multi-line values, its
// first 16 characters) first occurs.
func lineOf(data []byte, needle string) string {
	for _, n := range []string{needle, needle[:min(16, len(needle))]} {
		if i := bytes.Index(data, []byte(n)); i >= 0 {
			start := bytes.LastIndexByte(data[:i], '\n') + 1
			end := bytes.IndexByte(data[i:], '\n')
			if end < 0 {
				end = len(data) - i
			}
			return string(data[start : i+end])
		}
	}
	if b64 := base64.StdEncoding.EncodeToString([]byte(needle)); true {
		if i := bytes.Index(data, []byte(b64[:16])); i >= 0 {
			start := bytes.LastIndexByte(data[:i], '\n') + 1
			end := bytes.IndexByte(data[i:], '\n')
			if end < 0 {
				end = len(data) - i
			}
			return string(data[start : i+end])
		}
	}
	return "(not located)"
}

func lineNo(data []byte, needle string) int {
	b64 := base64.StdEncoding.EncodeToString([]byte(needle))
	for _, n := range []string{needle[:min(16, len(needle))], b64[:16]} {
		if i := bytes.Index(data, []byte(n)); i >= 0 {
			return bytes.Count(data[:i], []byte("\n")) + 1
		}
	}
	return 0
}

func nthLine(data []byte, n int) string {
	lines := strings.Split(string(data), "\n")
	if n >= 1 && n <= len(lines) {
		return lines[n-1]
	}
	return "(line ?)"
}

// canonical maps a reported secret onto a label when it is the label, or the
// label base64-encoded (a detector may report either form for a Kubernetes Secret).
func canonical(secret string, labels map[string]bool) string {
	n := Normalize(secret)
	if labels[n] {
		return n
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding} {
		if b, err := enc.DecodeString(n); err == nil && labels[Normalize(string(b))] {
			return Normalize(string(b))
		}
	}
	return n
}

type catStats struct {
	files, labels, tp, fn, fp int
}

func TestHoldoutCorpus(t *testing.T) {
	cases := Generate(seed(t))

	// Shape of the corpus.
	var nPos, nNeg, nLabels int
	paths := map[string]bool{}
	for _, c := range cases {
		if paths[c.Path] {
			t.Errorf("duplicate path %s", c.Path)
		}
		paths[c.Path] = true
		if c.Positive {
			nPos++
		} else {
			nNeg++
		}
		nLabels += len(c.Secrets)
		for _, s := range c.Secrets {
			if lineOf(c.Data, s) == "(not located)" && !bytes.Contains(c.Data, []byte(s[:16])) {
				t.Errorf("%s: label %s… not present in file", c.Path, s[:4])
			}
		}
	}
	t.Logf("holdout corpus: %d files (%d positive, %d negative), %d labelled secrets", len(cases), nPos, nNeg, nLabels)
	if len(cases) < 400 || nLabels < 250 || nNeg < 200 {
		t.Errorf("corpus too small: want >= 400 files, >= 250 secrets, >= 200 negative files")
	}

	d, err := detect.New(detect.Options{})
	if err != nil {
		t.Fatal(err)
	}

	stats := map[string]*catStats{}
	var tp, fp, fn int
	var misses, fps []string
	for _, c := range cases {
		st := stats[c.Category]
		if st == nil {
			st = &catStats{}
			stats[c.Category] = st
		}
		st.files++
		st.labels += len(c.Secrets)
		labels := map[string]bool{}
		for _, s := range c.Secrets {
			labels[s] = true
		}
		reported := map[string]string{} // canonical secret -> rule and line
		for _, f := range d.Scan(c.Path, c.Data) {
			k := canonical(f.Secret, labels)
			if _, ok := reported[k]; !ok {
				reported[k] = fmt.Sprintf("rule=%s line=%d: %s", f.RuleID, f.Origin.Line, redact(nthLine(c.Data, f.Origin.Line)))
			}
		}
		for _, s := range c.Secrets {
			if _, ok := reported[s]; ok {
				tp++
				st.tp++
			} else {
				fn++
				st.fn++
				misses = append(misses, fmt.Sprintf("MISS %-40s %s (line %d of %d): %s", c.Category, c.Path,
					lineNo(c.Data, s), bytes.Count(c.Data, []byte("\n")), redact(lineOf(c.Data, s))))
			}
		}
		for k, where := range reported {
			if !labels[k] {
				fp++
				st.fp++
				fps = append(fps, fmt.Sprintf("FP   %-40s %s (%s…): %s", c.Category, c.Path, k[:min(4, len(k))], where))
			}
		}
	}

	precision := float64(tp) / float64(max(1, tp+fp))
	recall := float64(tp) / float64(max(1, tp+fn))
	t.Logf("TP=%d FP=%d FN=%d  precision=%.4f recall=%.4f", tp, fp, fn, precision, recall)

	cats := make([]string, 0, len(stats))
	for k := range stats {
		cats = append(cats, k)
	}
	sort.Strings(cats)
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-44s %5s %6s %4s %4s %4s\n", "category", "files", "labels", "TP", "FN", "FP")
	for _, k := range cats {
		s := stats[k]
		mark := ""
		if s.fn > 0 || s.fp > 0 {
			mark = "  <--"
		}
		fmt.Fprintf(&b, "%-44s %5d %6d %4d %4d %4d%s\n", k, s.files, s.labels, s.tp, s.fn, s.fp, mark)
	}
	t.Log(b.String())
	sort.Strings(misses)
	sort.Strings(fps)
	for _, m := range misses {
		t.Log(m)
	}
	for _, f := range fps {
		t.Log(f)
	}

	// A soft floor: the holdout estimates generalisation, it is not tuned against.
	if precision < 0.95 {
		t.Errorf("holdout precision %.4f < 0.95", precision)
	}
	if recall < 0.95 {
		t.Errorf("holdout recall %.4f < 0.95", recall)
	}
}

func TestGenerateDeterministic(t *testing.T) {
	a, b := Generate(42), Generate(42)
	if len(a) != len(b) {
		t.Fatalf("len %d != %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) || strings.Join(a[i].Secrets, ",") != strings.Join(b[i].Secrets, ",") {
			t.Fatalf("case %d differs between runs", i)
		}
	}
	if c := Generate(43); bytes.Equal(c[0].Data, a[0].Data) && len(c[0].Secrets) > 0 && c[0].Secrets[0] == a[0].Secrets[0] {
		t.Fatalf("different seeds gave the same first case")
	}
}

// TestLabelsAreTokens checks the generator's labels: 32 [0-9A-Z] tokens, or a
// 960-char lower-case hex access hash; never a cPanel doc example.
func TestLabelsAreTokens(t *testing.T) {
	tok := regexp.MustCompile(`^[0-9A-Z]{32}$`)
	hash := regexp.MustCompile(`^[0-9a-f]{960}$`)
	doc := map[string]bool{}
	for _, d := range DocExamples {
		doc[d] = true
	}
	for _, c := range Generate(seed(t)) {
		for _, s := range c.Secrets {
			if !tok.MatchString(s) && !hash.MatchString(s) {
				t.Errorf("%s: bad label %q", c.Path, s[:min(8, len(s))])
			}
			if doc[s] {
				t.Errorf("%s: doc example labelled as a leak", c.Path)
			}
		}
	}
}
