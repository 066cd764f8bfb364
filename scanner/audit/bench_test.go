package audit

import (
	"strconv"
	"testing"
)

// hundredTokens is the benchmark input: a busy account with a mix of every finding.
func hundredTokens() []byte {
	var toks []obj
	for i := range 100 {
		tok := obj{
			"name":            "token-" + strconv.Itoa(i),
			"create_time":     daysAgo(float64(i*7 + 1)),
			"expires_at":      daysAhead(float64(i%20 - 5)),
			"has_full_access": 1,
			"features":        []string{},
		}
		if i%3 == 0 {
			tok["expires_at"] = nil
		}
		if i%4 == 0 {
			tok["has_full_access"] = 0
			tok["features"] = []string{"webmail", "zoneedit"}
		}
		toks = append(toks, tok)
	}
	return cpanelDoc(planFeatures, toks...)
}

func BenchmarkRun100Tokens(b *testing.B) {
	input := hundredTokens()
	b.SetBytes(int64(len(input)))
	for b.Loop() {
		if _, err := Run(input, nil); err != nil {
			b.Fatal(err)
		}
	}
}
