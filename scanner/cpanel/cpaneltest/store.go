package cpaneltest

import (
	"crypto/rand"
	_ "embed"
	"errors"
	"fmt"
	"net/netip"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// Account is a cPanel user of the simulated server.
type Account struct {
	User string `json:"user"`
	// Password lets the user log in through the login form and with HTTP Basic auth; empty
	// disables both.
	Password string `json:"password,omitempty"`
	// Features lists the enabled account features; nil means every feature in the built-in list.
	Features []string `json:"features,omitempty"`
	// DisabledFeatures are switched off after Features is applied, e.g. ["apitokens"].
	DisabledFeatures []string `json:"disabled_features,omitempty"`
}

// WHMUser is root or a reseller of the simulated server.
type WHMUser struct {
	User     string `json:"user"`
	Password string `json:"password,omitempty"`
	// ACLs are the user's privileges; nil means ["all"] (root).
	ACLs []string `json:"acls,omitempty"`
	// AccessHash is a legacy remote access key accepted as `Authorization: WHM user:<hash>`;
	// whitespace in it is ignored, as cPanel does with keys pasted over several lines.
	AccessHash string `json:"access_hash,omitempty"`
}

// TokenSpec describes a token to seed or mint.
type TokenSpec struct {
	Kind finding.Kind `json:"kind,omitempty"`
	User string       `json:"user,omitempty"`
	Name string       `json:"name"`
	// Value is the token itself when seeding a known value; Mint ignores it and generates one.
	Value string `json:"value,omitempty"`
	// Hash is the SHA-512 hex of a value nobody knows, as found in a server's authn files or a
	// backup: the token is listed but cannot be used.
	Hash       string    `json:"sha512,omitempty"`
	CreateTime time.Time `json:"-"`
	ExpiresAt  time.Time `json:"-"`
	// Features makes a cPanel token limited-access (has_full_access 0). Only servers started with
	// Options.LimitedAccessTokens accept it, as v120 refuses such tokens.
	Features []string `json:"features,omitempty"`
	// ACLs of a WHM token; nil inherits all of the user's privileges.
	ACLs []string `json:"acls,omitempty"`
	// WhitelistIPs of a WHM token: addresses or CIDR ranges allowed to use it; nil allows any.
	WhitelistIPs []string `json:"whitelist_ips,omitempty"`
}

// TokenInfo is what the server stores about a token: everything but the value.
type TokenInfo struct {
	Kind          finding.Kind
	User          string
	Name          string
	Hash          string // lower-case hex SHA-512 of the value
	CreateTime    time.Time
	ExpiresAt     time.Time // zero: never expires
	HasFullAccess bool
	Features      []string
	ACLs          []string
	WhitelistIPs  []string
}

// ExpiredAt reports whether the token has expired at now. Expired tokens stay stored and listed.
func (t TokenInfo) ExpiredAt(now time.Time) bool {
	return !t.ExpiresAt.IsZero() && !now.Before(t.ExpiresAt)
}

// TokenState is what the server would make of a presented value.
type TokenState string

const (
	TokenActive  TokenState = "active"  // accepted
	TokenExpired TokenState = "expired" // stored, but refused because it has expired
	TokenUnknown TokenState = "unknown" // not stored for that user: never existed or revoked
)

// tokenNamePattern is the rule cPanel and WHM apply to token names.
var tokenNamePattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,50}$`)

// tokenValuePattern is the server-side shape check of a token value.
var tokenValuePattern = regexp.MustCompile(`^[0-9A-Z]{32}$`)

//go:embed assets/features.txt
var featureList string

// knownFeatures are the core cPanel feature names, in the order of the reference list.
var knownFeatures = func() []string {
	var names []string
	for line := range strings.Lines(featureList) {
		if name, _, ok := strings.Cut(strings.TrimSpace(line), ":"); ok && name != "" {
			names = append(names, name)
		}
	}
	return names
}()

// apiError is a failure that the API reports inside its envelope (status 0 / result 0), as
// opposed to an HTTP-level refusal.
type apiError struct{ msg string }

func (e *apiError) Error() string { return e.msg }

func failf(format string, args ...any) error { return &apiError{msg: fmt.Sprintf(format, args...)} }

type tokenRecord struct {
	kind          finding.Kind
	user          string
	name          string
	hash          string
	createTime    int64 // unix seconds, as cPanel stores it
	expiresAt     int64 // 0: never
	hasFullAccess bool
	features      []string
	acls          []string
	whitelistIPs  []netip.Prefix
}

func (r *tokenRecord) expired(now time.Time) bool {
	return r.expiresAt != 0 && now.Unix() >= r.expiresAt
}

func (r *tokenRecord) info() TokenInfo {
	t := TokenInfo{
		Kind:          r.kind,
		User:          r.user,
		Name:          r.name,
		Hash:          r.hash,
		CreateTime:    time.Unix(r.createTime, 0).UTC(),
		HasFullAccess: r.hasFullAccess,
		Features:      slices.Clone(r.features),
		ACLs:          slices.Clone(r.acls),
		WhitelistIPs:  ipStrings(r.whitelistIPs),
	}
	if r.expiresAt != 0 {
		t.ExpiresAt = time.Unix(r.expiresAt, 0).UTC()
	}
	return t
}

func ipStrings(ps []netip.Prefix) []string {
	if ps == nil {
		return nil
	}
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		if p.Bits() == p.Addr().BitLen() {
			out = append(out, p.Addr().String())
		} else {
			out = append(out, p.String())
		}
	}
	return out
}

type account struct {
	Account
	features map[string]bool
}

func (a *account) has(feature string) bool { return a.features[feature] }

type whmUser struct {
	WHMUser
}

func (u *whmUser) hasACL(acl string) bool {
	return len(u.ACLs) == 0 || slices.Contains(u.ACLs, "all") || slices.Contains(u.ACLs, acl)
}

func (u *whmUser) effectiveACLs() []string {
	if len(u.ACLs) == 0 {
		return []string{"all"}
	}
	return slices.Clone(u.ACLs)
}

// store is the server's state: what /var/cpanel/users, the feature lists and
// /var/cpanel/authn/api_tokens_v2 hold on a real server.
type store struct {
	mu       sync.Mutex
	clock    Clock
	limited  bool
	accounts map[string]*account
	whmUsers map[string]*whmUser
	// tokens is kind -> user -> sha512 hex -> record, the layout of cPanel's authn files.
	tokens map[finding.Kind]map[string]map[string]*tokenRecord
}

func newStore(clock Clock, limited bool) *store {
	return &store{
		clock:    clock,
		limited:  limited,
		accounts: make(map[string]*account),
		whmUsers: make(map[string]*whmUser),
		tokens: map[finding.Kind]map[string]map[string]*tokenRecord{
			finding.KindCPanel: {},
			finding.KindWHM:    {},
		},
	}
}

var cpanelUserPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,15}$`)
var whmUserPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,30}$`)

func (s *store) addAccount(a Account) error {
	if !cpanelUserPattern.MatchString(a.User) {
		return fmt.Errorf("adding account %q: not a valid cPanel user name", a.User)
	}
	enabled := a.Features
	if enabled == nil {
		enabled = knownFeatures
	}
	acc := &account{Account: a, features: make(map[string]bool)}
	for _, f := range enabled {
		acc.features[f] = true
	}
	for _, f := range a.DisabledFeatures {
		acc.features[f] = false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.accounts[a.User]; ok {
		return fmt.Errorf("adding account %q: already exists", a.User)
	}
	s.accounts[a.User] = acc
	return nil
}

func (s *store) addWHMUser(u WHMUser) error {
	if !whmUserPattern.MatchString(u.User) {
		return fmt.Errorf("adding WHM user %q: not a valid user name", u.User)
	}
	u.AccessHash = strings.Join(strings.Fields(u.AccessHash), "")
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.whmUsers[u.User]; ok {
		return fmt.Errorf("adding WHM user %q: already exists", u.User)
	}
	s.whmUsers[u.User] = &whmUser{WHMUser: u}
	return nil
}

// setFeature switches an account feature on or off, as WHM's Feature Manager would.
func (s *store) setFeature(user, feature string, on bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.accounts[user]
	if !ok {
		return fmt.Errorf("setting feature %q: no account %q", feature, user)
	}
	a.features[feature] = on
	return nil
}

// generateTokenValue draws 32 characters uniformly from [0-9A-Z] with crypto/rand. Bytes of 252
// and above are rejected so that the modulo does not favour the first characters.
func generateTokenValue() string {
	const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	out := make([]byte, 0, 32)
	buf := make([]byte, 48)
	for len(out) < 32 {
		rand.Read(buf) // never fails on supported platforms (Go 1.24+ crashes instead)
		for _, b := range buf {
			if b < 252 && len(out) < 32 {
				out = append(out, alphabet[b%36])
			}
		}
	}
	return string(out)
}

func (s *store) userTokens(kind finding.Kind, user string) map[string]*tokenRecord {
	m := s.tokens[kind][user]
	if m == nil {
		m = make(map[string]*tokenRecord)
		s.tokens[kind][user] = m
	}
	return m
}

func (s *store) byName(kind finding.Kind, user, name string) *tokenRecord {
	for _, r := range s.tokens[kind][user] {
		if r.name == name {
			return r
		}
	}
	return nil
}

func (s *store) knownUser(kind finding.Kind, user string) bool {
	if kind == finding.KindWHM {
		return s.whmUsers[user] != nil
	}
	return s.accounts[user] != nil
}

// insert stores a token under the caller's lock after the checks every path shares.
func (s *store) insert(r *tokenRecord) error {
	if !s.knownUser(r.kind, r.user) {
		return fmt.Errorf("storing token %q: no %s user %q", r.name, r.kind, r.user)
	}
	if s.byName(r.kind, r.user, r.name) != nil {
		return failf("An API token with the name “%s” already exists.", r.name)
	}
	m := s.userTokens(r.kind, r.user)
	if _, dup := m[r.hash]; dup {
		return fmt.Errorf("storing token %q: a token with the same value already exists", r.name)
	}
	m[r.hash] = r
	return nil
}

// seedToken stores a token whose value (or only its hash) the seed supplies.
func (s *store) seedToken(spec TokenSpec) error {
	spec.Kind = normalizeKind(spec.Kind)
	hash := spec.Hash
	switch {
	case spec.Value != "" && hash != "":
		return fmt.Errorf("seeding token %q: give value or sha512, not both", spec.Name)
	case spec.Value != "":
		if !tokenValuePattern.MatchString(spec.Value) {
			return fmt.Errorf("seeding token %q: value is not 32 characters of [0-9A-Z]", spec.Name)
		}
		hash = finding.CPanelHash(spec.Value)
	case regexp.MustCompile(`^[0-9a-f]{128}$`).MatchString(hash):
	default:
		return fmt.Errorf("seeding token %q: needs a value or a 128-digit lower-case sha512 hex", spec.Name)
	}
	if !tokenNamePattern.MatchString(spec.Name) {
		return fmt.Errorf("seeding token %q: name must match %s", spec.Name, tokenNamePattern)
	}
	r, err := s.recordFromSpec(spec, hash)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.insert(r); err != nil {
		return fmt.Errorf("seeding token %q for %s: %w", spec.Name, spec.User, err)
	}
	return nil
}

func normalizeKind(k finding.Kind) finding.Kind {
	if k == "" {
		return finding.KindCPanel
	}
	return k
}

func (s *store) recordFromSpec(spec TokenSpec, hash string) (*tokenRecord, error) {
	now := s.clock.Now()
	r := &tokenRecord{
		kind:          spec.Kind,
		user:          spec.User,
		name:          spec.Name,
		hash:          hash,
		createTime:    now.Unix(),
		hasFullAccess: true,
	}
	if !spec.CreateTime.IsZero() {
		r.createTime = spec.CreateTime.Unix()
	}
	if !spec.ExpiresAt.IsZero() {
		r.expiresAt = spec.ExpiresAt.Unix()
	}
	switch spec.Kind {
	case finding.KindCPanel:
		if spec.Features != nil {
			if !s.limited {
				return nil, fmt.Errorf("token %q: limited-access tokens need Options.LimitedAccessTokens (v120 refuses them)", spec.Name)
			}
			r.hasFullAccess = false
			r.features = slices.Clone(spec.Features)
		}
		if spec.ACLs != nil || spec.WhitelistIPs != nil {
			return nil, fmt.Errorf("token %q: acls and whitelist_ips exist only on WHM tokens", spec.Name)
		}
	case finding.KindWHM:
		if spec.Features != nil {
			return nil, fmt.Errorf("token %q: features exist only on cPanel tokens", spec.Name)
		}
		r.acls = slices.Clone(spec.ACLs)
		if r.acls == nil {
			s.mu.Lock()
			if u := s.whmUsers[spec.User]; u != nil {
				r.acls = u.effectiveACLs()
			}
			s.mu.Unlock()
		}
		ips, err := parseWhitelist(spec.WhitelistIPs)
		if err != nil {
			return nil, fmt.Errorf("token %q: %w", spec.Name, err)
		}
		r.whitelistIPs = ips
	default:
		return nil, fmt.Errorf("token %q: unknown kind %q", spec.Name, spec.Kind)
	}
	return r, nil
}

// mint creates a token the way the create functions do and returns its value.
func (s *store) mint(spec TokenSpec) (string, error) {
	spec.Kind = normalizeKind(spec.Kind)
	if !tokenNamePattern.MatchString(spec.Name) {
		return "", failf("%s", invalidNameMessage(spec.Name))
	}
	for {
		value := generateTokenValue()
		r, err := s.recordFromSpec(spec, finding.CPanelHash(value))
		if err != nil {
			return "", err
		}
		s.mu.Lock()
		if s.tokens[r.kind][r.user][r.hash] != nil {
			s.mu.Unlock()
			continue // a collision of 186 random bits; draw again rather than fail
		}
		err = s.insert(r)
		s.mu.Unlock()
		if err != nil {
			return "", err
		}
		return value, nil
	}
}

func invalidNameMessage(name string) string {
	if name == "" {
		return "The API token name cannot be empty."
	}
	return fmt.Sprintf("The API token name “%s” is invalid. A name may contain only letters, numbers, dashes (-), and underscores (_), and may not exceed 50 characters.", name)
}

// parseExpiresAt reads an expires_at parameter: absent, empty or 0 means never; otherwise a unix
// time that must lie in the future.
func parseExpiresAt(raw string, now time.Time) (time.Time, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" || raw == "0" {
		return time.Time{}, nil
	}
	n, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, failf("The “expires_at” parameter must be a positive whole number (a Unix timestamp), not “%s”.", raw)
	}
	if n <= now.Unix() {
		return time.Time{}, failf("The expiration time (%d) must be in the future.", n)
	}
	return time.Unix(n, 0).UTC(), nil
}

func parseWhitelist(raw []string) ([]netip.Prefix, error) {
	if raw == nil {
		return nil, nil
	}
	if len(raw) > 100 {
		return nil, failf("You may specify at most 100 whitelisted IP addresses or ranges.")
	}
	out := make([]netip.Prefix, 0, len(raw))
	for _, s := range raw {
		s = strings.TrimSpace(s)
		if p, err := netip.ParsePrefix(s); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(s)
		if err != nil {
			return nil, failf("“%s” is not a valid IP address or CIDR range.", s)
		}
		out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
	}
	return out, nil
}

// lookup classifies a presented value for a user without revealing anything else.
func (s *store) lookup(kind finding.Kind, user, value string) (*tokenRecord, TokenState) {
	if !tokenValuePattern.MatchString(value) {
		return nil, TokenUnknown
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.tokens[kind][user][finding.CPanelHash(value)]
	if r == nil {
		return nil, TokenUnknown
	}
	if r.expired(s.clock.Now()) {
		return r, TokenExpired
	}
	c := *r
	return &c, TokenActive
}

func (s *store) list(kind finding.Kind, user string) []TokenInfo {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]TokenInfo, 0, len(s.tokens[kind][user]))
	for _, r := range s.tokens[kind][user] {
		out = append(out, r.info())
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].CreateTime.Equal(out[j].CreateTime) {
			return out[i].CreateTime.Before(out[j].CreateTime)
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func (s *store) rename(kind finding.Kind, user, name, newName string) error {
	if name == "" {
		return failf("Provide the “name” argument.")
	}
	if newName == "" {
		return failf("Provide the “new_name” argument.")
	}
	if !tokenNamePattern.MatchString(newName) {
		return failf("%s", invalidNameMessage(newName))
	}
	if name == newName {
		return failf("The new name for the API token “%s” must differ from its current name.", name)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.byName(kind, user, name)
	if r == nil {
		return failf("The API token “%s” does not exist.", name)
	}
	if s.byName(kind, user, newName) != nil {
		return failf("An API token with the name “%s” already exists.", newName)
	}
	r.name = newName
	return nil
}

// revoke removes a token by name and reports whether one was there.
func (s *store) revoke(kind finding.Kind, user, name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.byName(kind, user, name)
	if r == nil {
		return false
	}
	delete(s.tokens[kind][user], r.hash)
	return true
}

func (s *store) account(user string) (*account, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.accounts[user]
	return a, ok
}

func (s *store) whmUser(user string) (*whmUser, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.whmUsers[user]
	return u, ok
}

// accountFeatures is Features::list_features for a user: every known feature, plus any extra the
// seed named, mapped to 1 or 0.
func (s *store) accountFeatures(user string) map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.accounts[user]
	out := make(map[string]int, len(knownFeatures))
	for _, f := range knownFeatures {
		out[f] = 0
	}
	if a == nil {
		return out
	}
	for f, on := range a.features {
		if on {
			out[f] = 1
		} else {
			out[f] = 0
		}
	}
	return out
}

// whmUpdate is api_token_update's set of optional changes; nil fields stay as they are.
type whmUpdate struct {
	newName      *string
	acls         []string
	expiresAt    *time.Time
	whitelistIPs *[]netip.Prefix
}

func (s *store) updateWHM(user, name string, u whmUpdate) (TokenInfo, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.byName(finding.KindWHM, user, name)
	if r == nil {
		return TokenInfo{}, failf("The API token “%s” does not exist.", name)
	}
	if u.newName != nil && *u.newName != name {
		if !tokenNamePattern.MatchString(*u.newName) {
			return TokenInfo{}, failf("%s", invalidNameMessage(*u.newName))
		}
		if s.byName(finding.KindWHM, user, *u.newName) != nil {
			return TokenInfo{}, failf("An API token with the name “%s” already exists.", *u.newName)
		}
	}
	if u.newName != nil {
		r.name = *u.newName
	}
	if u.acls != nil {
		r.acls = u.acls
	}
	if u.expiresAt != nil {
		r.expiresAt = 0
		if !u.expiresAt.IsZero() {
			r.expiresAt = u.expiresAt.Unix()
		}
	}
	if u.whitelistIPs != nil {
		r.whitelistIPs = *u.whitelistIPs
	}
	return r.info(), nil
}

// errNoSuchUser tells the admin API that a user is not seeded.
var errNoSuchUser = errors.New("no such user")
