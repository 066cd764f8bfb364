package cpaneltest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// Seed is the JSON file (or flags) a simulator starts from; testdata/seed.json is a complete
// example. Times are unix seconds; relative forms ("expires_in": "-1h", "created_ago": "720h")
// are measured from the clock when the seed is applied, so a seed file stays meaningful on any
// day. A token gives "value" (known, usable), "sha512" (stored only, as in a backup) or neither
// (minted, value unknowable). An account without "features" has every feature.
type Seed struct {
	Hostnames           []string      `json:"hostnames,omitempty"`
	LimitedAccessTokens bool          `json:"limited_access_tokens,omitempty"`
	Accounts            []SeedAccount `json:"accounts,omitempty"`
	WHMUsers            []SeedWHMUser `json:"whm_users,omitempty"`
	Faults              []Fault       `json:"faults,omitempty"`
}

// SeedAccount is a cPanel account with its tokens.
type SeedAccount struct {
	Account
	Tokens []SeedToken `json:"tokens,omitempty"`
}

// SeedWHMUser is a WHM user with its tokens.
type SeedWHMUser struct {
	WHMUser
	Tokens []SeedToken `json:"tokens,omitempty"`
}

// SeedToken is a token in a seed file: a known value or only its sha512.
type SeedToken struct {
	TokenSpec
	CreateTime int64  `json:"create_time,omitempty"`
	CreatedAgo string `json:"created_ago,omitempty"`
	ExpiresAt  int64  `json:"expires_at,omitempty"`
	ExpiresIn  string `json:"expires_in,omitempty"`
}

// LoadSeed reads a seed file. Unknown fields are errors, so a typo does not silently drop a
// token.
func LoadSeed(path string) (*Seed, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading seed: %w", err)
	}
	return ParseSeed(b)
}

// ParseSeed parses seed JSON.
func ParseSeed(b []byte) (*Seed, error) {
	var s Seed
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("parsing seed: %w", err)
	}
	return &s, nil
}

// ApplySeed adds the seed's users, tokens and faults. It stops at the first error.
func (s *Sim) ApplySeed(seed *Seed) error {
	now := s.clock.Now()
	for _, a := range seed.Accounts {
		if err := s.AddAccount(a.Account); err != nil {
			return fmt.Errorf("applying seed: %w", err)
		}
		for _, t := range a.Tokens {
			if err := s.seedOne(finding.KindCPanel, a.User, t, now); err != nil {
				return err
			}
		}
	}
	for _, u := range seed.WHMUsers {
		if err := s.AddWHMUser(u.WHMUser); err != nil {
			return fmt.Errorf("applying seed: %w", err)
		}
		for _, t := range u.Tokens {
			if err := s.seedOne(finding.KindWHM, u.User, t, now); err != nil {
				return err
			}
		}
	}
	for _, f := range seed.Faults {
		if _, err := s.SetFault(f); err != nil {
			return fmt.Errorf("applying seed: %w", err)
		}
	}
	return nil
}

func (s *Sim) seedOne(kind finding.Kind, user string, t SeedToken, now time.Time) error {
	spec := t.TokenSpec
	spec.Kind, spec.User = kind, user
	var err error
	if spec.CreateTime, err = seedTime(t.CreateTime, t.CreatedAgo, now, -1); err != nil {
		return fmt.Errorf("applying seed: token %q: created_ago: %w", t.Name, err)
	}
	if spec.ExpiresAt, err = seedTime(t.ExpiresAt, t.ExpiresIn, now, 1); err != nil {
		return fmt.Errorf("applying seed: token %q: expires_in: %w", t.Name, err)
	}
	if spec.Value == "" && spec.Hash == "" {
		// A seed may ask for a token without fixing its value: mint it. Its value is then
		// unknowable, which is exactly what a token someone else created looks like.
		_, err = s.store.mint(spec)
	} else {
		err = s.SeedToken(spec)
	}
	if err != nil {
		return fmt.Errorf("applying seed: %w", err)
	}
	return nil
}

func seedTime(abs int64, rel string, now time.Time, sign time.Duration) (time.Time, error) {
	if abs != 0 {
		return time.Unix(abs, 0).UTC(), nil
	}
	if rel == "" {
		return time.Time{}, nil
	}
	d, err := time.ParseDuration(rel)
	if err != nil {
		return time.Time{}, err
	}
	return now.Add(sign * d), nil
}
