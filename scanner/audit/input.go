package audit

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tokenscan/tokenscan/scanner/inventory"
)

// Schema names the versioned input and output format (docs/audit.md). A change that an existing
// reader could misread gets a new version.
const Schema = "tokenscan.audit/v1"

// Input is everything one audit looks at. Now is part of the input, never read from the clock, so
// that the same input always gives the same result.
type Input struct {
	Now       time.Time
	Host      string               // host the lists came from; needed to use an inventory
	CPanel    *Account             // from Tokens::list (+ Features::list_features), or nil
	WHM       *Account             // from WHM api_token_list, or nil
	Inventory *inventory.Inventory // optional: token name -> fingerprint
	Leaked    []string             // optional: fingerprints (sha256 hex) of values known to have leaked
}

// Account is one user's token list.
type Account struct {
	User   string
	Tokens []Token
	// Features is what the cPanel account can use (Features::list_features); nil means it was
	// not supplied, which the audit treats as "could be everything". Unused for WHM.
	Features map[string]bool
}

// Token is one entry of a token list, normalised from cPanel's or WHM's shape.
type Token struct {
	Name       string
	Created    time.Time // zero: not reported
	Expires    time.Time // zero: never expires
	FullAccess bool      // cPanel has_full_access; WHM: the all ACL, or no ACL at all (inherits all)
	Features   []string  // cPanel limited tokens: the features they may use
	ACLs       []string  // WHM: granted ACLs, sorted; nil when the list carried none
	// WhitelistIPs are the WHM addresses the token is restricted to; empty means any address.
	WhitelistIPs []string
}

// inputError prefixes the location of a problem in the input document.
func inputError(path, msg string) error {
	return errors.New("audit input: " + path + ": " + msg)
}

// ParseInput reads a tokenscan.audit/v1 input document. cPanel's and WHM's own answers may be
// passed as they arrived (envelope and all): 1/"1"/true are all yes, null means never or unknown,
// and unknown keys are ignored. Anything that cannot be read is an error, never an empty list.
func ParseInput(data []byte) (Input, error) {
	var in Input
	if len(trimSpace(data)) == 0 {
		return in, errors.New("audit input: empty")
	}
	root, err := parseJSON(data)
	if err != nil {
		return in, errors.New("audit input: " + err.Error())
	}
	if root.kind != jsonObject {
		return in, errors.New("audit input: want a JSON object, got " + root.kind.String())
	}
	if s := root.get("schema"); s == nil || s.kind != jsonString || s.s != Schema {
		return in, inputError("schema", "want "+strconv.Quote(Schema))
	}
	now := root.get("now")
	if now == nil || now.kind != jsonString {
		return in, inputError("now", "required: the current time as an RFC 3339 string (the audit never reads the clock itself)")
	}
	if in.Now, err = time.Parse(time.RFC3339, now.s); err != nil {
		return in, inputError("now", "want an RFC 3339 time such as 2026-01-02T15:04:05Z, got "+strconv.Quote(now.s))
	}
	if h := root.get("host"); !h.isNull() {
		if h.kind != jsonString {
			return in, inputError("host", "want a string")
		}
		in.Host = h.s
	}
	if in.CPanel, err = parseCPanel(root.get("cpanel")); err != nil {
		return in, err
	}
	if in.WHM, err = parseWHM(root.get("whm")); err != nil {
		return in, err
	}
	if inv := root.get("inventory"); !inv.isNull() {
		if in.Inventory, err = parseInventory(inv); err != nil {
			return in, err
		}
	}
	if in.Leaked, err = parseLeaked(root.get("leaked")); err != nil {
		return in, err
	}
	return in, in.validate()
}

// validate holds the rules that apply however an Input was built (parsed or by a Go caller).
func (in Input) validate() error {
	if in.Now.IsZero() {
		return errors.New("audit input: now: required")
	}
	if in.CPanel == nil && in.WHM == nil {
		return errors.New("audit input: no token list: give cpanel.tokens and/or whm.tokens")
	}
	if in.Inventory != nil && in.Inventory.Len() > 0 {
		if in.Host == "" {
			return inputError("host", "required with an inventory: entries are matched by host, user and token name")
		}
		for _, a := range []struct {
			path string
			acct *Account
		}{{"cpanel.user", in.CPanel}, {"whm.user", in.WHM}} {
			if a.acct != nil && a.acct.User == "" {
				return inputError(a.path, "required with an inventory: entries are matched by host, user and token name")
			}
		}
	}
	for i, fp := range in.Leaked {
		if !isHex(fp, 64) {
			return inputError("leaked["+strconv.Itoa(i)+"]", "want a 64-digit sha256 hex fingerprint")
		}
	}
	for _, a := range []*Account{in.CPanel, in.WHM} {
		if a == nil {
			continue
		}
		seen := make(map[string]bool, len(a.Tokens))
		for _, t := range a.Tokens {
			if t.Name == "" {
				return errors.New("audit input: a token has no name")
			}
			if seen[t.Name] {
				return errors.New("audit input: token name " + strconv.Quote(t.Name) + " appears twice in one list")
			}
			seen[t.Name] = true
		}
	}
	return nil
}

func parseCPanel(v *jsonValue) (*Account, error) {
	if v.isNull() {
		return nil, nil
	}
	if v.kind != jsonObject {
		return nil, inputError("cpanel", "want an object {user, tokens, features}")
	}
	acct := &Account{}
	var err error
	if acct.User, err = optionalString(v.get("user"), "cpanel.user"); err != nil {
		return nil, err
	}
	list, err := unwrapUAPI(v.get("tokens"), "cpanel.tokens", "the Tokens::list data array")
	if err != nil {
		return nil, err
	}
	if list.kind != jsonArray {
		return nil, inputError("cpanel.tokens", "want the Tokens::list data array, got "+list.kind.String())
	}
	for i, item := range list.items {
		t, err := parseCPanelToken(item, tokenPath{index: i})
		if err != nil {
			return nil, err
		}
		acct.Tokens = append(acct.Tokens, t)
	}
	if f := v.get("features"); !f.isNull() {
		if acct.Features, err = parseFeatures(f); err != nil {
			return nil, err
		}
	}
	return acct, nil
}

func parseCPanelToken(v *jsonValue, path tokenPath) (Token, error) {
	var t Token
	if v.kind != jsonObject {
		return t, inputError(path.field(""), "want a token object, got "+v.kind.String())
	}
	var err error
	if t.Name, err = tokenName(v.get("name"), path.field("")); err != nil {
		return t, err
	}
	path.name = t.Name
	if t.Created, err = unixTime(v.get("create_time"), path, ".create_time"); err != nil {
		return t, err
	}
	if t.Expires, err = unixTime(v.get("expires_at"), path, ".expires_at"); err != nil {
		return t, err
	}
	if t.Features, err = nameList(v.get("features"), path, ".features"); err != nil {
		return t, err
	}
	full := v.get("has_full_access")
	switch b, ok := cpanelBool(full); {
	case ok:
		t.FullAccess = b
	case full.isNull():
		// Tokens::list documents "features: [] when full access"; without the flag, that is
		// the only evidence.
		t.FullAccess = len(t.Features) == 0
	default:
		return t, inputError(path.field(".has_full_access"), "want 1, 0, true or false")
	}
	if t.FullAccess {
		t.Features = nil
	}
	return t, nil
}

func parseWHM(v *jsonValue) (*Account, error) {
	if v.isNull() {
		return nil, nil
	}
	if v.kind != jsonObject {
		return nil, inputError("whm", "want an object {user, tokens}")
	}
	acct := &Account{}
	var err error
	if acct.User, err = optionalString(v.get("user"), "whm.user"); err != nil {
		return nil, err
	}
	data := v.get("tokens")
	if data.isNull() {
		return nil, inputError("whm.tokens", "missing: pass the api_token_list response or its data")
	}
	if data.kind != jsonObject {
		return nil, inputError("whm.tokens", "want the api_token_list response or its data, got "+describeKind(data))
	}
	// The full response is {data, metadata}; its data is {tokens: {name: {...}}}.
	if md := data.get("metadata"); !md.isNull() {
		if ok, known := cpanelBool(md.get("result")); known && !ok {
			reason := "no reason given"
			if r := md.get("reason"); r != nil && r.kind == jsonString {
				reason = r.s
			}
			return nil, inputError("whm.tokens", "WHM reported failure: "+reason)
		}
	}
	if inner := data.get("data"); !inner.isNull() {
		data = inner
	}
	tokens := data.get("tokens")
	if tokens.isNull() || tokens.kind != jsonObject {
		return nil, inputError("whm.tokens", "want data.tokens to be an object keyed by token name")
	}
	for _, m := range tokens.members {
		t, err := parseWHMToken(m.key, m.val)
		if err != nil {
			return nil, err
		}
		acct.Tokens = append(acct.Tokens, t)
	}
	return acct, nil
}

func parseWHMToken(name string, v *jsonValue) (Token, error) {
	t := Token{Name: name}
	if name == "" {
		return t, inputError("whm.tokens", "a token has an empty name")
	}
	path := tokenPath{whm: true, name: name}
	if v.kind != jsonObject {
		return t, inputError(path.field(""), "want a token object, got "+v.kind.String())
	}
	var err error
	if t.Created, err = unixTime(v.get("create_time"), path, ".create_time"); err != nil {
		return t, err
	}
	if t.Expires, err = unixTime(v.get("expires_at"), path, ".expires_at"); err != nil {
		return t, err
	}
	if t.WhitelistIPs, err = nameList(v.get("whitelist_ips"), path, ".whitelist_ips"); err != nil {
		return t, err
	}
	acls := v.get("acls")
	if !acls.isNull() {
		if t.ACLs, err = nameList(acls, path, ".acls"); err != nil {
			return t, err
		}
		if t.ACLs == nil {
			t.ACLs = []string{}
		}
	}
	// api_token_create: "none = inherit all", so an empty or missing ACL list is as broad as all.
	t.FullAccess = len(t.ACLs) == 0 || slices.Contains(t.ACLs, "all")
	return t, nil
}

// tokenPath locates a token in the input document for error messages. It becomes text only when
// there is an error: building the text for every token was a measurable share of an audit in the
// extension.
type tokenPath struct {
	whm   bool
	index int    // cPanel: position in the list
	name  string // once known
}

func (p tokenPath) field(f string) string {
	if p.whm {
		return "whm.tokens." + p.name + f
	}
	s := "cpanel.tokens[" + strconv.Itoa(p.index) + "]"
	if p.name != "" {
		s += " (" + strconv.Quote(p.name) + ")"
	}
	return s + f
}

// unwrapUAPI accepts UAPI data as it arrived: bare, inside the HTTP envelope {data, status,
// errors, ...}, or inside the uapi command-line envelope {result: {...}}. A failed call is
// reported with cPanel's own error text.
func unwrapUAPI(v *jsonValue, path, want string) (*jsonValue, error) {
	if v.isNull() {
		return nil, inputError(path, "missing: pass "+want)
	}
	if v.kind == jsonObject {
		if r := v.get("result"); r != nil && r.kind == jsonObject && v.get("data") == nil {
			v = r
		}
		if ok, known := cpanelBool(v.get("status")); known && !ok {
			return nil, inputError(path, "cPanel reported failure: "+joinStrings(v.get("errors")))
		}
		if d := v.get("data"); d != nil && (v.get("status") != nil || v.get("errors") != nil || v.get("metadata") != nil) {
			if d.kind == jsonNull {
				return nil, inputError(path, "the response has no data")
			}
			return d, nil
		}
	}
	if v.kind == jsonString {
		return nil, inputError(path, "want "+want+", got "+describeKind(v))
	}
	return v, nil
}

// parseFeatures reads Features::list_features ({feature: 1|0}), or a plain array of enabled
// feature names.
func parseFeatures(v *jsonValue) (map[string]bool, error) {
	v, err := unwrapUAPI(v, "cpanel.features", "the Features::list_features data")
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool)
	switch v.kind {
	case jsonObject:
		for _, m := range v.members {
			on, ok := cpanelBool(m.val)
			if !ok {
				return nil, inputError("cpanel.features."+m.key, "want 1 or 0")
			}
			out[m.key] = on
		}
	case jsonArray:
		for i, item := range v.items {
			if item.kind != jsonString {
				return nil, inputError("cpanel.features["+strconv.Itoa(i)+"]", "want a feature name")
			}
			out[item.s] = true
		}
	default:
		return nil, inputError("cpanel.features", "want {feature: 1|0}, got "+v.kind.String())
	}
	return out, nil
}

// parseInventory reads an inventory document with the same rules as inventory.Parse, which this
// build cannot call because it uses encoding/json. A differential test keeps the two in step.
func parseInventory(v *jsonValue) (*inventory.Inventory, error) {
	const path = "inventory"
	if v.kind != jsonObject {
		return nil, inputError(path, "want an inventory object, got "+v.kind.String())
	}
	var version *jsonValue
	var entries []*jsonValue
	for _, k := range sortedKeys(v) {
		val := v.get(k)
		switch k {
		case "version":
			version = val
		case "entries":
			switch val.kind {
			case jsonNull:
			case jsonArray:
				entries = val.items
			default:
				return nil, inputError(path+".entries", "want an array of objects")
			}
		default:
			return nil, inputError(path, "unknown key "+strconv.Quote(k))
		}
	}
	if version.isNull() {
		return nil, inputError(path, "version missing (want "+strconv.Itoa(inventory.Version)+")")
	}
	n, ok := strictInt(version)
	if !ok {
		return nil, inputError(path+".version", "want a whole number")
	}
	if n != inventory.Version {
		return nil, inputError(path, "unsupported version "+strconv.FormatInt(n, 10))
	}
	list := make([]inventory.Entry, 0, len(entries))
	for i, ev := range entries {
		e, err := parseInventoryEntry(ev)
		if err != nil {
			return nil, inputError(path, (&inventory.EntryError{Index: i, Name: e.Name, Err: err}).Error())
		}
		list = append(list, e)
	}
	inv, err := inventory.New(list)
	if err != nil {
		return nil, inputError(path, err.Error())
	}
	return inv, nil
}

func parseInventoryEntry(v *jsonValue) (inventory.Entry, error) {
	var e inventory.Entry
	if v.kind == jsonNull {
		return e, nil
	}
	if v.kind != jsonObject {
		return e, errors.New("want an object, got " + v.kind.String())
	}
	if n := v.get("name"); n != nil && n.kind == jsonString {
		e.Name = n.s // to label errors
	}
	var created string
	for _, k := range sortedKeys(v) {
		val := v.get(k)
		var dst *string
		switch k {
		case "fingerprint":
			dst = &e.Fingerprint
		case "cpanel_hash":
			dst = &e.CPanelHash
		case "kind":
			dst = (*string)(&e.Kind)
		case "host":
			dst = &e.Host
		case "user":
			dst = &e.User
		case "name":
			dst = &e.Name
		case "created_at":
			dst = &created
		case "port":
			if val.kind == jsonNull {
				continue
			}
			n, ok := strictInt(val)
			if !ok || n < math.MinInt32 || n > math.MaxInt32 {
				return e, errors.New("port: want a whole number")
			}
			e.Port = int(n)
			continue
		default:
			return e, errors.New("unknown key " + strconv.Quote(k))
		}
		switch val.kind {
		case jsonNull:
		case jsonString:
			*dst = val.s
		default:
			return e, errors.New(k + ": want a string")
		}
	}
	var err error
	e.CreatedAt, err = inventory.ParseCreatedAt(created)
	return e, err
}

// parseLeaked reads fingerprints: strings, or objects with a "fingerprint" key such as the leaks
// of a tokenscan JSON report.
func parseLeaked(v *jsonValue) ([]string, error) {
	if v.isNull() {
		return nil, nil
	}
	if v.kind != jsonArray {
		return nil, inputError("leaked", "want an array of fingerprints")
	}
	out := make([]string, 0, len(v.items))
	for i, item := range v.items {
		if item.kind == jsonObject {
			item = item.get("fingerprint")
		}
		if item.isNull() || item.kind != jsonString || !isHex(item.s, 64) {
			return nil, inputError("leaked["+strconv.Itoa(i)+"]", "want a 64-digit sha256 hex fingerprint")
		}
		out = append(out, strings.ToLower(item.s))
	}
	return out, nil
}

func optionalString(v *jsonValue, path string) (string, error) {
	if v.isNull() {
		return "", nil
	}
	if v.kind != jsonString {
		return "", inputError(path, "want a string, got "+v.kind.String())
	}
	return v.s, nil
}

func tokenName(v *jsonValue, path string) (string, error) {
	if v.isNull() || v.kind != jsonString || v.s == "" {
		return "", inputError(path+".name", "want the token's name")
	}
	return v.s, nil
}

// nameList reads a list of names: an array of strings, or an object {name: 1|0} keeping the
// names that are on (WHM sends ACLs that way). The result is sorted for stable output.
func nameList(v *jsonValue, at tokenPath, field string) ([]string, error) {
	var out []string
	switch {
	case v.isNull():
		return nil, nil
	case v.kind == jsonArray:
		for i, item := range v.items {
			if item.kind != jsonString {
				return nil, inputError(at.field(field+"["+strconv.Itoa(i)+"]"), "want a string")
			}
			out = append(out, item.s)
		}
	case v.kind == jsonObject:
		for _, m := range v.members {
			on, ok := cpanelBool(m.val)
			if !ok {
				return nil, inputError(at.field(field+"."+m.key), "want 1 or 0")
			}
			if on {
				out = append(out, m.key)
			}
		}
	case v.kind == jsonString && v.s != "":
		// A single value where a list was expected (WHM form parameters do this).
		out = []string{v.s}
	case v.kind == jsonString:
		return nil, nil
	default:
		return nil, inputError(at.field(field), "want a list, got "+v.kind.String())
	}
	return sortedSet(out), nil
}

// Unix times beyond year 9999 are malformed, not far-future expiries.
const maxUnix = 253402300799

// unixTime reads a Unix time in seconds. null, 0 and "" are the zero time: "never" for
// expires_at (cPanel uses null in lists and 0 on creation), "not reported" for create_time.
func unixTime(v *jsonValue, at tokenPath, field string) (time.Time, error) {
	if v.isNull() {
		return time.Time{}, nil
	}
	var lit string
	switch v.kind {
	case jsonNumber:
		lit = v.s
	case jsonString:
		lit = strings.TrimSpace(v.s)
		if lit == "" {
			return time.Time{}, nil
		}
	default:
		return time.Time{}, inputError(at.field(field), "want a Unix time in seconds, got "+v.kind.String())
	}
	if n, ok := smallUint(lit); ok {
		// The common case, a plain integer, without strconv's float machinery: in the
		// extension every function first called costs a compilation.
		if n == 0 {
			return time.Time{}, nil
		}
		if n <= maxUnix {
			return time.Unix(int64(n), 0).UTC(), nil
		}
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil || f < 0 || f > maxUnix || math.IsNaN(f) {
		return time.Time{}, inputError(at.field(field), "want a Unix time in seconds, got "+strconv.Quote(truncate(lit, 32)))
	}
	if f == 0 {
		return time.Time{}, nil
	}
	return time.Unix(int64(f), 0).UTC(), nil
}

// smallUint reads a plain decimal integer of at most 18 digits (no sign, fraction or exponent).
func smallUint(lit string) (uint64, bool) {
	if lit == "" || len(lit) > 18 {
		return 0, false
	}
	var n uint64
	for i := 0; i < len(lit); i++ {
		c := lit[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	return n, true
}

// cpanelBool reads cPanel's many spellings of a boolean: 1/0, "1"/"0", true/false. ok is false for
// null and for anything else.
func cpanelBool(v *jsonValue) (value, ok bool) {
	if v == nil {
		return false, false
	}
	switch v.kind {
	case jsonBool:
		return v.b, true
	case jsonNumber, jsonString:
		switch strings.TrimSpace(v.s) {
		case "1", "true":
			return true, true
		case "0", "false", "":
			return false, v.kind == jsonNumber || v.s != ""
		}
	}
	return false, false
}

// integer reads a whole number given as a number or a numeric string.
func integer(v *jsonValue) (int64, bool) {
	if v == nil || v.kind != jsonNumber && v.kind != jsonString {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(v.s), 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, false
	}
	return int64(f), true
}

// strictInt reads an integer literal the way encoding/json fills an int: no fraction, no
// exponent, no string.
func strictInt(v *jsonValue) (int64, bool) {
	if v == nil || v.kind != jsonNumber {
		return 0, false
	}
	n, err := strconv.ParseInt(v.s, 10, 64)
	return n, err == nil
}

// sortedSet sorts names and drops repeats. The lists are short (a token's features, ACLs or
// addresses): an insertion sort is a few instructions, where slices.Sort's pdqsort is a large
// function that the extension would compile on first use.
func sortedSet(names []string) []string {
	if len(names) > 32 {
		slices.Sort(names)
	} else {
		for i := 1; i < len(names); i++ {
			for j := i; j > 0 && names[j] < names[j-1]; j-- {
				names[j], names[j-1] = names[j-1], names[j]
			}
		}
	}
	return slices.Compact(names)
}

func sortedKeys(v *jsonValue) []string {
	keys := make([]string, 0, len(v.members))
	for _, m := range v.members {
		keys = append(keys, m.key)
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

func joinStrings(v *jsonValue) string {
	var parts []string
	if v != nil && v.kind == jsonArray {
		for _, item := range v.items {
			if item.kind == jsonString {
				parts = append(parts, item.s)
			}
		}
	}
	if len(parts) == 0 {
		return "no error message given"
	}
	return strings.Join(parts, "; ")
}

// describeKind names a value's type, recognising the login page an expired session returns.
func describeKind(v *jsonValue) string {
	if v.kind == jsonString && strings.HasPrefix(strings.TrimSpace(v.s), "<") {
		return "HTML (the cPanel session may have expired)"
	}
	return v.kind.String()
}

func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
