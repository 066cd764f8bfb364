package detect

// facts is what the detector derives from one rule's pattern and secret group: the shape of its
// matches, the literals they hold, the candidates its secret can be and the parts of the
// pattern around the secret. Deriving them parses the pattern and compiles a few probes, a few
// milliseconds for the embedded rules, which a pre-commit hook would pay on every commit. They
// depend on the pattern alone, so for the embedded rules they are worked out ahead, in
// facts_embedded.go (TestEmbeddedFactsAreCurrent checks every entry against analyze, and
// regenerates the file with -update), and any other pattern is analysed when it is loaded.
type facts struct {
	multiLine bool     // a match may span lines
	literals  []string // lower case, one of which every match holds
	literalOK bool     // literals is known (requiredLiterals)
	kinds     kind     // candidates the secret can be; 0 when unknown
	// left and right are the surroundings checks' parts (around), printed; ok when derived.
	left, right string
	aroundOK    bool
}

// factsKey identifies what facts depend on.
type factsKey struct {
	pattern     string
	secretGroup int // as written in the rule
}

type factsEntry struct {
	factsKey
	facts
}

// factsOf returns the facts of a rule's pattern, from the precomputed table when it holds them.
func factsOf(pattern string, secretGroup int) facts {
	for i := range embeddedFacts {
		if e := &embeddedFacts[i]; e.secretGroup == secretGroup && e.pattern == pattern {
			return e.facts
		}
	}
	return analyze(pattern, secretGroup)
}

// analyze derives a pattern's facts.
func analyze(pattern string, secretGroup int) facts {
	f := facts{multiLine: canSpanLines(pattern), kinds: kindsOf(pattern, secretGroup)}
	f.literals, f.literalOK = requiredLiterals(pattern)
	// The secret's capture group, as gitleaks picks it: secretGroup, else the only group (with
	// several, it depends on the match, and no surroundings can be derived).
	group := secretGroup
	if group <= 0 {
		group = 0
		if re, err := parse(pattern); err == nil && re.MaxCap() == 1 {
			group = 1
		}
	}
	if f.kinds == kindToken && !f.multiLine && group > 0 {
		if a := newAround(pattern, group); a != nil {
			f.left, f.right, f.aroundOK = a.leftSrc, a.rightSrc, true
		}
	}
	return f
}
