// Package rules holds tokenscan's detection rules for cPanel and WHM API tokens. The rules live
// in cpanel.toml, in gitleaks v8 format, so the file our engine embeds is byte for byte the file
// the stock gitleaks CLI can load with --config.
package rules

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"
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
	var vc config.ViperConfig
	dec := toml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&vc); err != nil {
		return config.Config{}, fmt.Errorf("parsing rules: %w", err)
	}
	if vc.Extend.Path != "" || vc.Extend.URL != "" || vc.Extend.UseDefault {
		return config.Config{}, fmt.Errorf("parsing rules: [extend] is not supported; list the rules in one file")
	}
	if len(vc.Rules) == 0 {
		return config.Config{}, fmt.Errorf("parsing rules: no [[rules]] defined")
	}
	for _, r := range vc.Rules {
		if r.ID == "" {
			return config.Config{}, fmt.Errorf("parsing rules: a rule has no id")
		}
		if !validate {
			continue
		}
		for what, pat := range map[string]string{"regex": r.Regex, "path": r.Path} {
			if pat == "" {
				continue
			}
			if _, err := regexp.Compile(pat); err != nil {
				return config.Config{}, fmt.Errorf("parsing rules: rule %q: invalid %s: %w", r.ID, what, err)
			}
		}
		for _, a := range r.Allowlists {
			if err := compileAll(r.ID, a.Regexes, a.Paths); err != nil {
				return config.Config{}, err
			}
		}
	}
	for _, a := range vc.Allowlists {
		if !validate {
			break
		}
		if err := compileAll("[[allowlists]]", a.Regexes, a.Paths); err != nil {
			return config.Config{}, err
		}
	}
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

// Keywords returns the lower-case keywords of the reporting rules in a gitleaks rule file, without
// compiling any pattern, and whether every reporting rule has some. gitleaks runs a rule with
// keywords only on text holding one of them, so when all > 0, text without any keyword can hold
// no finding: that is the cheapest test a scanner can make first.
func Keywords(data []byte) (keywords []string, all bool, err error) {
	var vc config.ViperConfig
	if err := toml.NewDecoder(bytes.NewReader(data)).Decode(&vc); err != nil {
		return nil, false, fmt.Errorf("parsing rules: %w", err)
	}
	all = true
	seen := map[string]bool{}
	for _, r := range vc.Rules {
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
	return keywords, all && len(keywords) > 0, nil
}
