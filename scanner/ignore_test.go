package scanner

import (
	"strings"
	"testing"
)

const fpA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

func TestParseIgnore(t *testing.T) {
	got, err := ParseIgnore(strings.NewReader("# tokens we accept\n\n" + strings.ToUpper(fpA) + "  # test fixture\n"))
	if err != nil || len(got) != 1 || !got[fpA] {
		t.Fatalf("got %v, %v", got, err)
	}
	for _, bad := range []string{"Q8ZK2M4T7W1RXN5BH9CJ3PVL6YD0FGS2\n", fpA + "00\n", "zz" + fpA[2:] + "\n"} {
		_, err := ParseIgnore(strings.NewReader(bad))
		if err == nil {
			t.Errorf("%q accepted", bad)
		} else if strings.Contains(err.Error(), strings.TrimSpace(bad)) {
			t.Errorf("error echoes the line, which may be a token: %v", err)
		}
	}
}

func TestParseBaseline(t *testing.T) {
	got, err := ParseBaseline(strings.NewReader(`{"schema":"tokenscan.report/v1","leaks":[{"fingerprint":"` + fpA + `","extra":1}]}`))
	if err != nil || !got[fpA] {
		t.Fatalf("got %v, %v", got, err)
	}
	for name, bad := range map[string]string{
		"html":       "<html>login</html>",
		"truncated":  `{"schema":"tokenscan.report/v1","leaks":[{"fing`,
		"no schema":  `{"leaks":[]}`,
		"gitleaks":   `[{"RuleID":"x","Secret":"y"}]`,
		"bad fp":     `{"schema":"tokenscan.report/v1","leaks":[{"fingerprint":"abc"}]}`,
		"other ver":  `{"schema":"tokenscan.report/v9","leaks":[]}`,
		"empty file": "",
	} {
		if _, err := ParseBaseline(strings.NewReader(bad)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func FuzzParseIgnore(f *testing.F) {
	f.Add([]byte(fpA + "\n# c\n"))
	f.Add([]byte("\xff\xfe\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ParseIgnore(strings.NewReader(string(data)))
		if err == nil {
			for fp := range got {
				if !isFingerprint(string(fp)) {
					t.Fatalf("accepted %q", fp)
				}
			}
		}
	})
}

func FuzzParseBaseline(f *testing.F) {
	f.Add([]byte(`{"schema":"tokenscan.report/v1","leaks":[{"fingerprint":"` + fpA + `"}]}`))
	f.Add([]byte(`{"schema":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ParseBaseline(strings.NewReader(string(data)))
		if err == nil {
			for fp := range got {
				if !isFingerprint(string(fp)) {
					t.Fatalf("accepted %q", fp)
				}
			}
		}
	})
}
