// Package finding is the shared vocabulary of tokenscan: what a leaked token is, where it was
// seen, which cPanel or WHM account it belongs to, and how it is named without revealing it.
package finding

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"sort"
	"strings"
	"time"
)

// Kind says which API a token authenticates against.
type Kind string

const (
	// KindCPanel is a cPanel account token, used with UAPI (ports 2083/2082).
	KindCPanel Kind = "cpanel"
	// KindWHM is a WHM (root or reseller) token, used with WHM API 1 (ports 2087/2086).
	KindWHM Kind = "whm"
)

// Target is the account a leaked token most likely belongs to, as far as the leak reveals it.
// Zero fields are unknown; a Target is never guessed from a default host.
type Target struct {
	Kind Kind   `json:"kind,omitempty"`
	Host string `json:"host,omitempty"`
	Port int    `json:"port,omitempty"`
	User string `json:"user,omitempty"`
}

// IsZero reports whether nothing at all is known about the target.
func (t Target) IsZero() bool { return t == Target{} }

// Origin says where a leak was seen. Line and Column are 1-based; git fields are empty outside
// history scans.
type Origin struct {
	Source  string    `json:"source"` // dir, file, stdin, git, staged
	Path    string    `json:"path,omitempty"`
	Line    int       `json:"line,omitempty"`
	Column  int       `json:"column,omitempty"`
	Commit  string    `json:"commit,omitempty"`
	Author  string    `json:"author,omitempty"`
	Email   string    `json:"email,omitempty"`
	Date    time.Time `json:"date,omitzero"`
	Message string    `json:"message,omitempty"`
}

// Fingerprint identifies a token value without revealing it: lower-case hex SHA-256 of the value.
type Fingerprint string

// FingerprintOf returns the fingerprint tokenscan uses in its own records.
func FingerprintOf(secret string) Fingerprint {
	sum := sha256.Sum256([]byte(secret))
	return Fingerprint(hex.EncodeToString(sum[:]))
}

// Short is the first 12 hex digits, enough to tell tokens apart in human output.
func (f Fingerprint) Short() string {
	if len(f) < 12 {
		return string(f)
	}
	return string(f[:12])
}

// CPanelHash returns the lower-case hex SHA-512 of a token value, the key under which cPanel and
// WHM store tokens in /var/cpanel/authn/api_tokens_v2. Use it only where cPanel's storage needs it.
func CPanelHash(secret string) string {
	sum := sha512.Sum512([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// Redact shows the first four characters of a secret and masks the rest, so a reader can match
// a finding against a token list without the report becoming a leak of its own.
func Redact(secret string) string {
	const shown = 4
	if len(secret) <= shown*2 {
		return strings.Repeat("*", len(secret))
	}
	return secret[:shown] + strings.Repeat("*", len(secret)-shown)
}

// Finding is one sighting of a secret. Secret is excluded from JSON on purpose: every writer
// that needs the value (only with --show-secrets) must ask for it explicitly.
type Finding struct {
	RuleID      string      `json:"rule_id"`
	Description string      `json:"description"`
	Secret      string      `json:"-"`
	Fingerprint Fingerprint `json:"fingerprint"`
	Target      Target      `json:"target,omitzero"`
	Origin      Origin      `json:"origin"`
}

// Leak is one token with every place it was seen: the unit that is verified, revoked and reported.
type Leak struct {
	RuleID      string      `json:"rule_id"`
	Description string      `json:"description"`
	Secret      string      `json:"-"`
	Fingerprint Fingerprint `json:"fingerprint"`
	Target      Target      `json:"target,omitzero"`
	Locations   []Origin    `json:"locations"`
}

// Group folds findings into leaks by fingerprint: one token seen in forty places is one leak with
// forty locations. The order is deterministic (by first location) so reports are stable.
func Group(findings []Finding) []Leak {
	index := make(map[Fingerprint]int)
	var leaks []Leak
	for _, f := range findings {
		i, ok := index[f.Fingerprint]
		if !ok {
			index[f.Fingerprint] = len(leaks)
			leaks = append(leaks, Leak{
				RuleID:      f.RuleID,
				Description: f.Description,
				Secret:      f.Secret,
				Fingerprint: f.Fingerprint,
				Target:      f.Target,
				Locations:   []Origin{f.Origin},
			})
			continue
		}
		l := &leaks[i]
		l.Target = l.Target.Merge(f.Target)
		l.Locations = append(l.Locations, f.Origin)
	}
	for i := range leaks {
		sortOrigins(leaks[i].Locations)
	}
	sort.SliceStable(leaks, func(a, b int) bool {
		return originLess(leaks[a].Locations[0], leaks[b].Locations[0])
	})
	return leaks
}

// Merge combines what two sightings say about a token's target. The one that names a host wins
// (it is where the token can be checked); the other only fills fields the winner lacks, and only
// when both agree on the kind, so a cPanel user is never paired with a WHM host.
func (t Target) Merge(o Target) Target {
	if t.Host == "" && o.Host != "" {
		t, o = o, t
	}
	if t.Kind != "" && o.Kind != "" && t.Kind != o.Kind {
		return t
	}
	if t.Kind == "" {
		t.Kind = o.Kind
	}
	if t.Host == "" {
		t.Host, t.Port = o.Host, o.Port
	}
	if t.Port == 0 && t.Host == o.Host {
		t.Port = o.Port
	}
	if t.User == "" {
		t.User = o.User
	}
	return t
}

func sortOrigins(os []Origin) {
	sort.SliceStable(os, func(a, b int) bool { return originLess(os[a], os[b]) })
}

// originLess orders sightings oldest commit first, then by path and position, so the first
// location of a leak is where it was introduced.
func originLess(a, b Origin) bool {
	if !a.Date.Equal(b.Date) {
		return a.Date.Before(b.Date)
	}
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Column != b.Column {
		return a.Column < b.Column
	}
	return a.Commit < b.Commit
}

// State is what tokenscan knows about a leaked token after verification and revocation.
// The empty State means it was not checked (no --verify or --revoke).
type State string

const (
	StateUnchecked        State = ""
	StateLive             State = "live"              // the server accepted the token
	StateDead             State = "dead"              // the server refused it (401/403)
	StateUnknown          State = "unknown"           // the check itself failed; see the detail
	StateRevokedConfirmed State = "revoked-confirmed" // revoked and re-checked: refused
	StateRevokeFailed     State = "revoke-failed"     // revocation or its confirmation failed
	StateUnresolved       State = "unresolved"        // live, but its name could not be resolved safely
)
