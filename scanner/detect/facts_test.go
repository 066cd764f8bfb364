package detect

import (
	"flag"
	"go/format"
	"os"
	"reflect"
	"testing"

	"github.com/tokenscan/tokenscan/rules"
)

var update = flag.Bool("update", false, "rewrite facts_embedded.go from the embedded rules")

// embeddedEntries analyses the embedded rules' patterns, in file order, once each.
func embeddedEntries(t *testing.T) []factsEntry {
	t.Helper()
	dec, err := rules.DefaultDecoded()
	if err != nil {
		t.Fatal(err)
	}
	var out []factsEntry
	seen := map[factsKey]bool{}
	for _, sp := range dec.Specs() {
		k := factsKey{sp.Regex, sp.SecretGroup}
		if sp.Regex == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, factsEntry{k, analyze(sp.Regex, sp.SecretGroup)})
	}
	return out
}

// TestEmbeddedFactsAreCurrent checks the precomputed facts against the analysis of the embedded
// rules as they are now: an edit to rules/cpanel.toml must come with the regenerated table.
func TestEmbeddedFactsAreCurrent(t *testing.T) {
	want := embeddedEntries(t)
	src, err := format.Source([]byte(goSource(want)))
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("facts_embedded.go", src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	const regenerate = "regenerate it: go test ./scanner/detect -run EmbeddedFacts -update"
	if cur, err := os.ReadFile("facts_embedded.go"); err != nil || string(cur) != string(src) {
		t.Errorf("facts_embedded.go does not match the embedded rules (%v); %s", err, regenerate)
	}
	if !reflect.DeepEqual(embeddedFacts, want) {
		t.Errorf("the compiled table differs from the analysis; %s", regenerate)
	}
	if len(want) < 10 {
		t.Fatalf("only %d patterns analysed", len(want))
	}
	for _, e := range want {
		if got := factsOf(e.pattern, e.secretGroup); !reflect.DeepEqual(got, e.facts) {
			t.Errorf("factsOf(%.40q, %d) = %+v, want %+v", e.pattern, e.secretGroup, got, e.facts)
		}
	}
}

// TestFactsOfUnknownPatternIsAnalysed: a pattern outside the table (a user's rule file) gets
// its own analysis, not an entry of the table.
func TestFactsOfUnknownPatternIsAnalysed(t *testing.T) {
	p := `(?i)acme[_-]?token[ \t]*=[ \t]*\b([0-9A-Z]{32})\b`
	got, want := factsOf(p, 1), analyze(p, 1)
	if !reflect.DeepEqual(got, want) || !got.aroundOK || got.kinds != kindToken || !got.literalOK {
		t.Errorf("factsOf = %+v, want %+v", got, want)
	}
}
