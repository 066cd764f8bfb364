// Package rules holds tokenscan's detection rules for cPanel and WHM API tokens. The rules live
// in cpanel.toml, in gitleaks v8 format, so the file our engine embeds is byte for byte the file
// the stock gitleaks CLI can load with --config.
package rules

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/pelletier/go-toml/v2"
	"github.com/zricethezav/gitleaks/v8/config"
)

// TOML is the embedded rule file, rules/cpanel.toml.
//
//go:embed cpanel.toml
var TOML []byte

// Info describes a rule for reports (SARIF rule metadata, --help, README).
type Info struct {
	ID          string
	Description string
	Help        string // what to do when the rule fires, in Markdown
	Reported    bool   // false for helper rules that only give context to another rule
}

var (
	defaultOnce sync.Once
	defaultCfg  config.Config
	defaultErr  error

	defaultDecoded = sync.OnceValues(func() (*Decoded, error) { return parseDecoded(TOML, false) })
)

// Default returns the translated gitleaks config of the embedded rules. It is built once, on first
// use, so that commands which never scan (tokenscan version, --help) pay nothing for it.
func Default() (config.Config, error) {
	// The embedded file is compiled and exercised by this package's tests, so the separate
	// compile-everything-first pass that guards user files against gitleaks' panics is skipped.
	defaultOnce.Do(func() { defaultCfg, defaultErr = parse(TOML, false) })
	return defaultCfg, defaultErr
}

// translateMu serialises config.Translate, which mutates gitleaks package globals.
var translateMu sync.Mutex

// Parse turns a gitleaks-format TOML rule file into a gitleaks config. Unlike gitleaks itself it
// never panics on a bad regular expression: every pattern is compiled first and a failure is
// returned as an error naming the rule.
func Parse(data []byte) (config.Config, error) { return parse(data, true) }

func parse(data []byte, validate bool) (config.Config, error) {
	vc, err := decode(data, validate)
	if err != nil {
		return config.Config{}, err
	}
	return translate(vc)
}

// decode reads and checks a rule file; with validate, every pattern is compiled first.
func decode(data []byte, validate bool) (*config.ViperConfig, error) {
	var vc config.ViperConfig
	dec := toml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&vc); err != nil {
		return nil, fmt.Errorf("parsing rules: %w", err)
	}
	if vc.Extend.Path != "" || vc.Extend.URL != "" || vc.Extend.UseDefault {
		return nil, fmt.Errorf("parsing rules: [extend] is not supported; list the rules in one file")
	}
	if len(vc.Rules) == 0 {
		return nil, fmt.Errorf("parsing rules: no [[rules]] defined")
	}
	// The deprecated [allowlist] is one more [[allowlists]] entry (gitleaks refuses both at
	// once); as such it is split and filtered like the others.
	if vc.AllowList != nil {
		if len(vc.Allowlists) > 0 {
			return nil, errors.New("parsing rules: [allowlist] is deprecated, it cannot be used alongside [[allowlists]]")
		}
		vc.Allowlists, vc.AllowList = append(vc.Allowlists, vc.AllowList), nil
	}
	for _, r := range vc.Rules {
		if r.ID == "" {
			return nil, fmt.Errorf("parsing rules: a rule has no id")
		}
		if !validate {
			continue
		}
		for what, pat := range map[string]string{"regex": r.Regex, "path": r.Path} {
			if pat == "" {
				continue
			}
			if _, err := regexp.Compile(pat); err != nil {
				return nil, fmt.Errorf("parsing rules: rule %q: invalid %s: %w", r.ID, what, err)
			}
		}
		for _, a := range r.Allowlists {
			if err := compileAll(r.ID, a.Regexes, a.Paths); err != nil {
				return nil, err
			}
		}
	}
	for _, a := range vc.Allowlists {
		if !validate {
			break
		}
		if err := compileAll("[[allowlists]]", a.Regexes, a.Paths); err != nil {
			return nil, err
		}
	}
	return &vc, nil
}

// translate compiles a decoded rule file into gitleaks' form.
func translate(vc *config.ViperConfig) (config.Config, error) {
	translateMu.Lock()
	defer translateMu.Unlock()
	cfg, err := vc.Translate()
	if err != nil {
		return config.Config{}, fmt.Errorf("parsing rules: %w", err)
	}
	return cfg, nil
}

func compileAll(where string, patterns ...[]string) error {
	for _, list := range patterns {
		for _, p := range list {
			if _, err := regexp.Compile(p); err != nil {
				return fmt.Errorf("parsing rules: %s: invalid allowlist pattern: %w", where, err)
			}
		}
	}
	return nil
}

// Infos lists the rules of a config with their help text, sorted by ID.
func Infos(cfg config.Config) []Info {
	out := make([]Info, 0, len(cfg.Rules))
	for id, r := range cfg.Rules {
		out = append(out, Info{ID: id, Description: r.Description, Help: helpFor(id), Reported: !r.SkipReport})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Keywords returns the lower-case keywords of the reporting rules, and whether every reporting
// rule has some. gitleaks runs a rule with keywords only on text holding one of them, so when
// all is true, text without any keyword can hold no finding: that is the cheapest test a
// scanner can make first.
func (d *Decoded) Keywords() (keywords []string, all bool) {
	all = true
	seen := map[string]bool{}
	for _, r := range d.file.Rules {
		if r.SkipReport {
			continue
		}
		if len(r.Keywords) == 0 {
			all = false
		}
		for _, k := range r.Keywords {
			k = strings.ToLower(k)
			if !seen[k] {
				seen[k] = true
				keywords = append(keywords, k)
			}
		}
	}
	sort.Strings(keywords)
	return keywords, all && len(keywords) > 0
}

// ValueAllowlist is an allowlist that decides on a finding's secret alone, as gitleaks applies
// it: the finding is allowed when one of Regexes matches the secret or the lower-cased secret
// contains one of StopWords.
type ValueAllowlist struct {
	Rules     []string // the rules it applies to
	Regexes   []string // gitleaks matches them as one alternation, (?:r1|r2|...)
	StopWords []string // lower-case
}

// Decoded is a rule file read, with none of its patterns compiled: what a scanner needs to know
// about the rules up front, and the means to compile only the rules it comes to run. Compiling
// the embedded file whole costs a pre-commit hook several milliseconds, most of them for rules a
// commit never reaches.
//
// It is split for a scanner that applies the value allowlists itself: Values are those
// allowlists, and Translate leaves them out. gitleaks matches an allowlist's regexes as one
// alternation in its NFA, which with our long sequence lists costs about a millisecond per
// finding, and compiling them is a quarter of translating the file; a scanner can decide the same
// question with set lookups. Only what is decided by the secret alone moves: allowlists with
// paths, commits, another regexTarget or the AND condition stay with gitleaks, and so do
// allowlists of rules another rule requires, whose findings gitleaks consumes internally (the
// scanner never sees them to filter).
type Decoded struct {
	file   *config.ViperConfig // without the value allowlists
	Values []ValueAllowlist
	// globals are the file's allowlists that target no rule, compiled once: every rule set
	// Translate compiles gets the same ones, read-only once compiled (gitleaks' Allowlist
	// holds no state after Validate), and compiling them for each cost a pre-commit hook
	// 0.16ms per rule its staged lines reached.
	globals func() ([]*config.Allowlist, error)
}

// Spec is a rule as written (its keywords in lower case), uncompiled.
type Spec struct {
	ID, Description string
	Regex           string // "" for a rule without one
	SecretGroup     int
	Entropy         float64
	Keywords        []string
	SkipReport      bool
	Required        []Required
}

// Required is a rule another rule requires, within WithinLines lines when set.
type Required struct {
	ID          string
	WithinLines *int
}

// DefaultDecoded is the embedded rule file, decoded once, on first use.
func DefaultDecoded() (*Decoded, error) { return defaultDecoded() }

// ParseDecoded decodes a gitleaks-format rule file. Unlike DefaultDecoded it checks the file
// whole first, as Parse does, so that a bad pattern or reference is reported here and not when
// a scan first reaches the rule.
func ParseDecoded(data []byte) (*Decoded, error) {
	if _, err := Parse(data); err != nil {
		return nil, err
	}
	return parseDecoded(data, false)
}

func parseDecoded(data []byte, validate bool) (*Decoded, error) {
	vc, err := decode(data, validate)
	if err != nil {
		return nil, err
	}
	values := splitValueAllowlists(vc)
	d := &Decoded{file: vc, Values: values}
	d.globals = sync.OnceValues(d.compileGlobals)
	return d, nil
}

// Specs describes the rules in file order.
func (d *Decoded) Specs() []Spec {
	out := make([]Spec, len(d.file.Rules))
	for i, r := range d.file.Rules {
		kws := make([]string, len(r.Keywords))
		for j, k := range r.Keywords {
			kws[j] = strings.ToLower(k)
		}
		sp := Spec{ID: r.ID, Description: r.Description, Regex: r.Regex, SecretGroup: r.SecretGroup,
			Entropy: r.Entropy, Keywords: kws, SkipReport: r.SkipReport}
		for _, q := range r.Required {
			sp.Required = append(sp.Required, Required{ID: q.ID, WithinLines: q.WithinLines})
		}
		out[i] = sp
	}
	return out
}

// Translate compiles the rules named by ids, in file order, into gitleaks' form, with the
// file's global allowlists; each rule comes out as translating the whole file gives it. A
// global allowlist that targets rules applies to those among ids, and is left out when none
// are.
func (d *Decoded) Translate(ids ...string) (config.Config, error) {
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	vc := *d.file
	vc.Rules = nil
	for _, r := range d.file.Rules {
		if want[r.ID] {
			r.Keywords = slices.Clone(r.Keywords) // Translate lower-cases them in place
			vc.Rules = append(vc.Rules, r)
		}
	}
	vc.Allowlists = nil
	for _, a := range d.file.Allowlists {
		if len(a.TargetRules) == 0 {
			continue // in globals
		}
		targets := slices.DeleteFunc(slices.Clone(a.TargetRules), func(id string) bool { return !want[id] })
		if len(targets) == 0 {
			continue
		}
		c := *a
		c.TargetRules = targets
		vc.Allowlists = append(vc.Allowlists, &c)
	}
	cfg, err := translate(&vc)
	if err != nil {
		return config.Config{}, err
	}
	globals, err := d.globals()
	if err != nil {
		return config.Config{}, err
	}
	cfg.Allowlists = append(cfg.Allowlists, globals...)
	return cfg, nil
}

// compileGlobals compiles the file's allowlists that target no rule, as translating the whole
// file does (into Config.Allowlists, in file order).
func (d *Decoded) compileGlobals() ([]*config.Allowlist, error) {
	vc := *d.file
	vc.Rules = nil
	vc.Allowlists = nil
	for _, a := range d.file.Allowlists {
		if len(a.TargetRules) == 0 {
			vc.Allowlists = append(vc.Allowlists, a)
		}
	}
	cfg, err := translate(&vc)
	return cfg.Allowlists, err
}

// splitValueAllowlists removes from vc the allowlists a scanner can apply to the secret of the
// findings it receives, and returns them.
func splitValueAllowlists(vc *config.ViperConfig) []ValueAllowlist {
	required := map[string]bool{}
	var all []string
	for _, r := range vc.Rules {
		all = append(all, r.ID)
		for _, q := range r.Required {
			required[q.ID] = true
		}
	}
	// movable reports whether an allowlist decides on the secret alone; and for which of
	// targets, those whose findings reach the scanner.
	movable := func(cond, target string, commits, paths, regexes, stops []string, targets []string) (moved, kept []string) {
		switch {
		case len(commits) > 0 || len(paths) > 0, target != "" && target != "secret",
			cond != "" && cond != "OR" && cond != "or" && cond != "||",
			len(regexes) == 0 && len(stops) == 0, slices.ContainsFunc(regexes, leaksFlags):
			return nil, targets
		}
		for _, id := range targets {
			if required[id] {
				kept = append(kept, id)
			} else {
				moved = append(moved, id)
			}
		}
		return moved, kept
	}
	lower := func(words []string) []string {
		out := make([]string, len(words))
		for i, w := range words {
			out[i] = strings.ToLower(w)
		}
		return out
	}
	var out []ValueAllowlist
	for i := range vc.Rules {
		r := &vc.Rules[i]
		kept := r.Allowlists[:0]
		for _, a := range r.Allowlists {
			if moved, _ := movable(a.Condition, a.RegexTarget, a.Commits, a.Paths, a.Regexes, a.StopWords, []string{r.ID}); len(moved) > 0 {
				out = append(out, ValueAllowlist{Rules: moved, Regexes: a.Regexes, StopWords: lower(a.StopWords)})
				continue
			}
			kept = append(kept, a)
		}
		r.Allowlists = kept
	}
	globals := vc.Allowlists[:0]
	for _, a := range vc.Allowlists {
		targets := a.TargetRules
		if len(targets) == 0 {
			targets = all
		}
		moved, kept := movable(a.Condition, a.RegexTarget, a.Commits, a.Paths, a.Regexes, a.StopWords, targets)
		if len(moved) == 0 {
			globals = append(globals, a)
			continue
		}
		out = append(out, ValueAllowlist{Rules: moved, Regexes: a.Regexes, StopWords: lower(a.StopWords)})
		if len(kept) > 0 {
			a.TargetRules = kept // the same checks, still applied by gitleaks to those rules
			globals = append(globals, a)
		}
	}
	vc.Allowlists = globals
	return out
}

// leaksFlags reports whether a pattern may set flags outside any group of its own, as in
// `(?i)abc`: gitleaks joins an allowlist's patterns into (?:p1|p2), where such flags would reach
// the patterns after it, so that allowlist is left to gitleaks. It errs on the side of yes.
func leaksFlags(pattern string) bool {
	for i := 0; i+2 < len(pattern); i++ {
		if pattern[i] != '(' || pattern[i+1] != '?' {
			continue
		}
		j := i + 2
		for j < len(pattern) && strings.IndexByte("imsU-", pattern[j]) >= 0 {
			j++
		}
		if j > i+2 && j < len(pattern) && pattern[j] == ')' {
			return true
		}
	}
	return false
}
