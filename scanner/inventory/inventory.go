// Package inventory defines tokenscan's inventory file: for each token whose value was seen once
// (the browser extension on cPanel's create screen, or the CLI when it creates a token), where it
// lives and what it is called, keyed by the value's fingerprint. It never holds a token value, so
// the file can sit on disk without becoming a leak of its own; it is what lets a leaked value be
// matched to a token name, which is all cPanel's revoke and list calls know about.
package inventory

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Version is the only inventory format version this package reads and writes.
const Version = 1

// Kind says which API a token belongs to. It mirrors finding.Kind as a plain string so that this
// package stays stdlib-only for the WebAssembly build.
type Kind string

const (
	// KindCPanel is a cPanel account token (UAPI).
	KindCPanel Kind = "cpanel"
	// KindWHM is a WHM root or reseller token (WHM API 1).
	KindWHM Kind = "whm"
)

// Entry records one token. Port 0 and a zero CreatedAt mean "not recorded"; every other field is
// required.
type Entry struct {
	Fingerprint string    // lower-case hex SHA-256 of the value (finding.FingerprintOf)
	CPanelHash  string    // optional lower-case hex SHA-512 of the value, cPanel's storage key
	Kind        Kind      // cpanel or whm
	Host        string    // host name or IP address the token was created on
	Port        int       // port the interface was reached on, 0 if unknown
	User        string    // cPanel account, or WHM root/reseller
	Name        string    // the token's name, which revoke and list use
	CreatedAt   time.Time // creation time as cPanel reported it, zero if unknown
}

// Inventory is a validated set of entries with lookups. The zero value is not usable: build one
// with New or Parse.
type Inventory struct {
	entries []Entry
	byFP    map[string]int
	byName  map[nameKey][]int
}

// nameKey includes the kind because a reseller's WHM tokens and the same user's cPanel tokens are
// stored apart on the server, so the same name can exist once in each.
type nameKey struct {
	kind       Kind
	host, user string
	name       string
}

func keyOf(kind Kind, host, user, name string) nameKey {
	return nameKey{kind: kind, host: NormalizeHost(host), user: user, name: name}
}

// NormalizeHost makes host names comparable: DNS is case-insensitive and a trailing dot names
// the same host.
func NormalizeHost(host string) string {
	return strings.TrimSuffix(strings.ToLower(host), ".")
}

// New validates entries and indexes them. A duplicate fingerprint is an error because one value
// cannot be two tokens; a repeated name is allowed because a name can be reused after the old
// token was revoked.
func New(entries []Entry) (*Inventory, error) {
	inv := &Inventory{byFP: make(map[string]int), byName: make(map[nameKey][]int)}
	for _, e := range entries {
		if err := inv.Add(e); err != nil {
			return nil, err
		}
	}
	return inv, nil
}

// Add validates e and appends it.
func (inv *Inventory) Add(e Entry) error {
	i := len(inv.entries)
	if err := e.Validate(); err != nil {
		return &EntryError{Index: i, Name: e.Name, Err: err}
	}
	if j, dup := inv.byFP[e.Fingerprint]; dup {
		return &EntryError{Index: i, Name: e.Name, Err: errors.New("duplicate fingerprint " +
			e.Fingerprint[:12] + ", already used by entry " + strconv.Itoa(j) + " (" + strconv.Quote(inv.entries[j].Name) + ")")}
	}
	inv.entries = append(inv.entries, e)
	inv.byFP[e.Fingerprint] = i
	k := keyOf(e.Kind, e.Host, e.User, e.Name)
	inv.byName[k] = append(inv.byName[k], i)
	return nil
}

// EntryError names the entry that failed validation, so a user can find it in the file.
type EntryError struct {
	Index int    // position in the entries array, from 0
	Name  string // the entry's token name, possibly empty or invalid
	Err   error
}

func (e *EntryError) Error() string {
	s := "inventory entry " + strconv.Itoa(e.Index)
	if e.Name != "" {
		s += " (" + strconv.Quote(e.Name) + ")"
	}
	return s + ": " + e.Err.Error()
}

func (e *EntryError) Unwrap() error { return e.Err }

// Len returns the number of entries.
func (inv *Inventory) Len() int { return len(inv.entries) }

// Entries returns a copy of the entries in the order they were added.
func (inv *Inventory) Entries() []Entry { return slices.Clone(inv.entries) }

// ByFingerprint returns the entry recorded for a fingerprint. Upper-case hex is accepted because
// fingerprints are often pasted from elsewhere.
func (inv *Inventory) ByFingerprint(fp string) (Entry, bool) {
	i, ok := inv.byFP[strings.ToLower(fp)]
	if !ok {
		return Entry{}, false
	}
	return inv.entries[i], true
}

// ByName returns every entry recorded under one token name of one account, newest first (entries
// without a creation time last, in file order). More than one means the name was reused; the
// caller must tell them apart, e.g. by creation time, before trusting a fingerprint.
func (inv *Inventory) ByName(kind Kind, host, user, name string) []Entry {
	idx := inv.byName[keyOf(kind, host, user, name)]
	out := make([]Entry, 0, len(idx))
	for _, i := range idx {
		out = append(out, inv.entries[i])
	}
	slices.SortStableFunc(out, func(a, b Entry) int {
		switch {
		case a.CreatedAt.IsZero() && b.CreatedAt.IsZero():
			return 0
		case a.CreatedAt.IsZero():
			return 1
		case b.CreatedAt.IsZero():
			return -1
		}
		return b.CreatedAt.Compare(a.CreatedAt)
	})
	return out
}

// Validate checks one entry against the format's rules.
func (e Entry) Validate() error {
	if !isLowerHex(e.Fingerprint, 64) {
		return errors.New("fingerprint: want 64 lower-case hex digits (sha256 of the value), got " + describe(e.Fingerprint))
	}
	if e.CPanelHash != "" && !isLowerHex(e.CPanelHash, 128) {
		return errors.New("cpanel_hash: want 128 lower-case hex digits (sha512 of the value), got " + describe(e.CPanelHash))
	}
	var maxUser int
	switch e.Kind {
	case KindCPanel:
		maxUser = 16
	case KindWHM:
		maxUser = 31
	default:
		return errors.New("kind: want \"cpanel\" or \"whm\", got " + strconv.Quote(string(e.Kind)))
	}
	if err := validateHost(e.Host); err != nil {
		return err
	}
	if e.Port < 0 || e.Port > 65535 {
		return errors.New("port: want 1-65535 (or omit it), got " + strconv.Itoa(e.Port))
	}
	if !validUser(e.User, maxUser) {
		return errors.New("user: want a " + string(e.Kind) + " user name ([a-z0-9][a-z0-9._-], at most " +
			strconv.Itoa(maxUser) + " characters), got " + strconv.Quote(e.User))
	}
	if !ValidName(e.Name) {
		return errors.New("name: want 1-50 characters from A-Z a-z 0-9 _ -, got " + strconv.Quote(e.Name))
	}
	return nil
}

// ValidName reports whether s is a valid token name (^[A-Za-z0-9_-]{1,50}$), the rule cPanel's
// Tokens::create_full_access and WHM's api_token_create enforce.
func ValidName(s string) bool {
	if len(s) == 0 || len(s) > 50 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// validUser follows cPanel's account-name rule [a-z0-9][a-z0-9._-]*; WHM users (root, resellers)
// may be longer.
func validUser(s string, max int) bool {
	if len(s) == 0 || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		alnum := c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
		if !alnum && (i == 0 || c != '.' && c != '_' && c != '-') {
			return false
		}
	}
	return true
}

// validateHost accepts a bare host name or IP address (IPv6 with or without brackets). A URL is
// rejected because the lookup compares host names, and "https://h:2083" would never match.
func validateHost(h string) error {
	if h == "" {
		return errors.New("host: required")
	}
	if len(h) > 255 {
		return errors.New("host: longer than 255 characters")
	}
	if strings.Contains(h, "://") || strings.ContainsAny(h, "/?#@") {
		return errors.New("host: want a bare host name without scheme, path or user, got " + strconv.Quote(h))
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == ':' || c == '[' || c == ']') {
			return errors.New("host: invalid character in " + strconv.Quote(h))
		}
	}
	return nil
}

func isLowerHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// describe says what was found in a hash field without echoing it: someone who pastes the token
// value itself there must not see it repeated in an error message or a log.
func describe(s string) string {
	switch {
	case s == "":
		return "nothing"
	case looksLikeTokenValue(s):
		return "32 characters that look like a token value (record only its fingerprint, never the value)"
	}
	return strconv.Itoa(len(s)) + " characters"
}

// looksLikeTokenValue matches the shape of a cPanel/WHM token: 32 characters of [0-9A-Z].
func looksLikeTokenValue(s string) bool {
	if len(s) != 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// wireFile and wireEntry are the JSON shape Marshal writes.
type wireFile struct {
	Version int         `json:"version"`
	Entries []wireEntry `json:"entries"`
}

type wireEntry struct {
	Fingerprint string `json:"fingerprint"`
	CPanelHash  string `json:"cpanel_hash,omitempty"`
	Kind        Kind   `json:"kind"`
	Host        string `json:"host"`
	Port        int    `json:"port,omitempty"`
	User        string `json:"user"`
	Name        string `json:"name"`
	CreatedAt   string `json:"created_at,omitempty"`
}

// Parse reads and validates an inventory file. Keys must match exactly and unknown keys are
// rejected: the file is written by tokenscan itself, so an unknown key is a typo or a newer
// format, and silently ignoring either could lose a fingerprint. (encoding/json alone would match
// keys case-insensitively, which the WebAssembly reader in scanner/audit does not.)
func Parse(data []byte) (*Inventory, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var top map[string]json.RawMessage
	if err := dec.Decode(&top); err != nil {
		return nil, errors.New("parsing inventory: " + err.Error())
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("parsing inventory: unexpected data after the JSON object")
	}
	var version *int
	var rawEntries []map[string]json.RawMessage
	for _, k := range slices.Sorted(maps.Keys(top)) {
		var err error
		switch k {
		case "version":
			err = decodeField(top[k], &version, "a whole number")
		case "entries":
			err = decodeField(top[k], &rawEntries, "an array of objects")
		default:
			return nil, errors.New("parsing inventory: unknown key " + strconv.Quote(k))
		}
		if err != nil {
			return nil, errors.New("parsing inventory: " + k + ": " + err.Error())
		}
	}
	if version == nil {
		return nil, errors.New("parsing inventory: version missing (want " + strconv.Itoa(Version) + ")")
	}
	if *version != Version {
		return nil, errors.New("parsing inventory: unsupported version " + strconv.Itoa(*version) +
			" (this build reads version " + strconv.Itoa(Version) + ")")
	}
	entries := make([]Entry, 0, len(rawEntries))
	for i, fields := range rawEntries {
		var e Entry
		var created string
		var name string
		_ = json.Unmarshal(fields["name"], &name) // only to label errors; checked below
		for _, k := range slices.Sorted(maps.Keys(fields)) {
			raw := fields[k]
			var err error
			switch k {
			case "fingerprint":
				err = decodeField(raw, &e.Fingerprint, "a string")
			case "cpanel_hash":
				err = decodeField(raw, &e.CPanelHash, "a string")
			case "kind":
				err = decodeField(raw, &e.Kind, "a string")
			case "host":
				err = decodeField(raw, &e.Host, "a string")
			case "port":
				err = decodeField(raw, &e.Port, "a whole number")
			case "user":
				err = decodeField(raw, &e.User, "a string")
			case "name":
				err = decodeField(raw, &e.Name, "a string")
			case "created_at":
				err = decodeField(raw, &created, "an RFC 3339 string")
			default:
				return nil, &EntryError{Index: i, Name: name, Err: errors.New("unknown key " + strconv.Quote(k))}
			}
			if err != nil {
				return nil, &EntryError{Index: i, Name: name, Err: errors.New(k + ": " + err.Error())}
			}
		}
		var err error
		if e.CreatedAt, err = ParseCreatedAt(created); err != nil {
			return nil, &EntryError{Index: i, Name: e.Name, Err: err}
		}
		entries = append(entries, e)
	}
	return New(entries)
}

// decodeField decodes one value; null leaves the zero value, as a missing key would.
func decodeField(raw json.RawMessage, dst any, want string) error {
	if err := json.Unmarshal(raw, dst); err != nil {
		return errors.New("want " + want + ", got " + strconv.Quote(truncate(string(raw), 40)))
	}
	return nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// ParseCreatedAt parses the created_at field: RFC 3339, or empty for "not recorded". Exported so
// that readers which cannot afford encoding/json (the WebAssembly audit) apply the same rule.
func ParseCreatedAt(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, errors.New("created_at: want RFC 3339 time such as 2026-01-02T15:04:05Z, got " + strconv.Quote(s))
	}
	return t, nil
}

// Marshal writes the inventory in a stable order (kind, host, user, name, creation time) so that
// a file under version control changes only where entries change.
func (inv *Inventory) Marshal() ([]byte, error) {
	sorted := inv.Entries()
	slices.SortStableFunc(sorted, func(a, b Entry) int {
		if c := strings.Compare(string(a.Kind), string(b.Kind)); c != 0 {
			return c
		}
		if c := strings.Compare(NormalizeHost(a.Host), NormalizeHost(b.Host)); c != 0 {
			return c
		}
		if c := strings.Compare(a.User, b.User); c != 0 {
			return c
		}
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return a.CreatedAt.Compare(b.CreatedAt)
	})
	f := wireFile{Version: Version, Entries: make([]wireEntry, 0, len(sorted))}
	for _, e := range sorted {
		w := wireEntry{
			Fingerprint: e.Fingerprint, CPanelHash: e.CPanelHash, Kind: e.Kind, Host: e.Host,
			Port: e.Port, User: e.User, Name: e.Name,
		}
		if !e.CreatedAt.IsZero() {
			w.CreatedAt = e.CreatedAt.Format(time.RFC3339Nano)
		}
		f.Entries = append(f.Entries, w)
	}
	out, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, errors.New("writing inventory: " + err.Error())
	}
	return append(out, '\n'), nil
}
