package cpanel

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sync"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// DefaultAuthnDir is where cPanel keeps its token files: <dir>/cpanel/<user>.json for account
// tokens and <dir>/whostmgr/<user>.json for WHM tokens, each mapping the SHA-512 hex of a value
// to the token's record.
const DefaultAuthnDir = "/var/cpanel/authn/api_tokens_v2"

// authnUser keeps a user name from walking out of the directory (../../etc/passwd.json). It is
// compiled on first use, so that commands that never read token files do not pay for it.
var authnUser = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,30}$`)
})

// LookupAuthn finds the name of the token whose value is secret in the server's own token file
// for kind and user under dir. The match is by SHA-512 of the value, so it is exact: a file on
// this machine can only name a token that this machine stores. found is false when the file
// exists but does not hold the value; err is set when the file is missing or unreadable (it is
// 0640 root:<user>, so only root or the account itself can read it).
func LookupAuthn(dir string, kind finding.Kind, user, secret string) (name string, found bool, err error) {
	if !authnUser().MatchString(user) {
		return "", false, fmt.Errorf("reading token file: invalid %s user name %q", kind, user)
	}
	sub := "cpanel"
	if kind == finding.KindWHM {
		sub = "whostmgr"
	}
	path := filepath.Join(dir, sub, user+".json")
	data, err := os.ReadFile(path)
	if err != nil {
		return "", false, fmt.Errorf("reading token file: %w", err)
	}
	names, err := ParseAuthnFile(data)
	if err != nil {
		return "", false, fmt.Errorf("reading token file %s: %w", path, err)
	}
	name, found = names[finding.CPanelHash(cleanSecret(secret))]
	return name, found, nil
}

// ParseAuthnFile reads one token file ({"tokens": {"<sha512 hex>": {"name": ...}}}) into a map
// from hash to name. Entries without a name are skipped; extra keys are ignored.
func ParseAuthnFile(data []byte) (map[string]string, error) {
	var f struct {
		Tokens map[string]struct {
			Name string `json:"name"`
		} `json:"tokens"`
	}
	if h := detectHTML(data); h != nil {
		return nil, h
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("want {\"tokens\": {sha512: {name, ...}}}: %w", err)
	}
	if f.Tokens == nil {
		return nil, errors.New("no \"tokens\" object")
	}
	out := make(map[string]string, len(f.Tokens))
	for hash, rec := range f.Tokens {
		if rec.Name != "" {
			out[hash] = rec.Name
		}
	}
	return out, nil
}
