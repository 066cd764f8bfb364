// Package audit rates the cPanel and WHM API tokens of an account against a posture policy:
// full or risky access, expired but still present, never expiring, stale, expiring soon, leaked,
// WHM tokens with every ACL or no IP allowlist. It is a pure function of its input (the current
// time included) with no network or heavy dependencies, because the same code runs in the CLI and,
// compiled to WebAssembly, in the browser extension.
package audit

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tokenscan/tokenscan/scanner/inventory"
)

// FindingKind names one kind of problem. The values are part of the output schema.
type FindingKind string

// Finding kinds, in the order a token's findings of equal severity are listed.
const (
	KindLeaked         FindingKind = "leaked"
	KindFullAccess     FindingKind = "full_access"
	KindWHMAllACL      FindingKind = "whm_all_acl"
	KindRiskyFeatures  FindingKind = "risky_features"
	KindNoIPAllowlist  FindingKind = "no_ip_allowlist"
	KindNeverExpires   FindingKind = "never_expires"
	KindExpiringSoon   FindingKind = "expiring_soon"
	KindStale          FindingKind = "stale"
	KindExpiredPresent FindingKind = "expired"
)

var kindOrder = []FindingKind{
	KindLeaked, KindFullAccess, KindWHMAllACL, KindRiskyFeatures, KindNoIPAllowlist,
	KindNeverExpires, KindExpiringSoon, KindStale, KindExpiredPresent,
}

// Finding is one problem with one token, written for the person who has to fix it.
type Finding struct {
	Kind        FindingKind
	Severity    Severity
	Message     string   // what is wrong, in plain language
	Remediation string   // the next step
	Evidence    []string // the facts from the input the finding rests on
}

// TokenReport is the audit of one token.
type TokenReport struct {
	Kind         inventory.Kind
	User         string
	Name         string
	Created      time.Time // zero: not reported
	Expires      time.Time // zero: never
	FullAccess   bool
	Features     []string
	ACLs         []string // WHM only
	WhitelistIPs []string // WHM only
	Fingerprint  string   // from the inventory; empty when not known
	Severity     Severity // the worst of Findings
	Findings     []Finding
}

// Summary is what the toolbar badge shows.
type Summary struct {
	Tokens    int
	Findings  int
	Threshold Severity
	// Flagged counts tokens whose worst finding is at or above Threshold: the badge number.
	Flagged int
	Worst   Severity
	// BySeverity counts tokens by their worst finding, indexed by Severity.
	BySeverity [SeverityCritical + 1]int
}

// Badge is the text for the toolbar badge: the flagged count, or empty when nothing is flagged.
func (s Summary) Badge() string {
	if s.Flagged == 0 {
		return ""
	}
	return strconv.Itoa(s.Flagged)
}

// Result is a whole audit. Its JSON form (MarshalJSON) is the tokenscan.audit/v1 output.
type Result struct {
	Now     time.Time
	Policy  Policy
	Summary Summary
	Tokens  []TokenReport // worst first, then cPanel before WHM, then by name
	Notes   []string      // what the audit could not know
}

// UsageUnknownNote is always part of the result: neither cPanel nor WHM records when a token was
// last used, and the audit must not pretend otherwise.
const UsageUnknownNote = "Usage unknown: cPanel and WHM record no last use of a token, so whether a token is still " +
	"used cannot be known from the server; age and expiry are the only signals."

// createTimeSlack is how far an inventory entry's recorded creation time may be from the list's
// create_time and still be the same token (the recorder's clock may differ from the server's).
const createTimeSlack = 10 * time.Minute

// Audit rates every token in the input under policy p. It never reads the clock: in.Now is the
// time every age and expiry is measured against.
func Audit(in Input, p Policy) (Result, error) {
	if err := p.Validate(); err != nil {
		return Result{}, err
	}
	if err := in.validate(); err != nil {
		return Result{}, err
	}
	a := auditor{in: in, p: p, leaked: make(map[string]bool, len(in.Leaked))}
	for _, fp := range in.Leaked {
		a.leaked[strings.ToLower(fp)] = true
	}
	res := Result{Now: in.Now, Policy: p}
	n := 0
	for _, acct := range []*Account{in.CPanel, in.WHM} {
		if acct != nil {
			n += len(acct.Tokens)
		}
	}
	reports := make([]TokenReport, 0, n)
	var unmatched int
	for _, acct := range []struct {
		kind inventory.Kind
		a    *Account
	}{{inventory.KindCPanel, in.CPanel}, {inventory.KindWHM, in.WHM}} {
		if acct.a == nil {
			continue
		}
		for _, t := range acct.a.Tokens {
			r := a.token(acct.kind, acct.a, t)
			if r.Fingerprint == "" {
				unmatched++
			}
			reports = append(reports, r)
		}
	}
	// Sorting indices rather than the reports themselves: moving the large structs was a visible
	// cost in the extension, where the first audit runs in V8's baseline tier.
	order := make([]int, len(reports))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		x, y := &reports[i], &reports[j]
		if x.Severity != y.Severity {
			return int(y.Severity) - int(x.Severity)
		}
		if c := strings.Compare(string(x.Kind), string(y.Kind)); c != 0 {
			return c
		}
		return strings.Compare(x.Name, y.Name)
	})
	if len(order) > 0 {
		res.Tokens = make([]TokenReport, len(order))
		for i, o := range order {
			res.Tokens[i] = reports[o]
		}
	}
	res.Summary = summarize(res.Tokens, p.BadgeThreshold)
	res.Notes = append(res.Notes, UsageUnknownNote)
	if in.CPanel != nil && in.CPanel.Features == nil && slices.ContainsFunc(in.CPanel.Tokens, func(t Token) bool { return t.FullAccess }) {
		res.Notes = append(res.Notes, "Account features were not supplied: full-access cPanel tokens are rated as if the "+
			"account had every feature. Pass Features::list_features for a finer rating.")
	}
	if len(in.Leaked) > 0 && unmatched > 0 {
		res.Notes = append(res.Notes, "Leak matching needs a recorded fingerprint: "+strconv.Itoa(unmatched)+" of "+
			strconv.Itoa(len(res.Tokens))+" tokens have none in the inventory, so a leak of those cannot be seen here.")
	}
	return res, nil
}

type auditor struct {
	in     Input
	p      Policy
	leaked map[string]bool
	// The full_access finding depends only on the account, so it is built once per account.
	fullFor *Account
	full    Finding
}

func (a *auditor) fullAccess(acct *Account) Finding {
	if a.fullFor != acct {
		a.fullFor, a.full = acct, fullAccessFinding(acct.Features)
		a.full.Evidence = slices.Clip(a.full.Evidence)
	}
	return a.full
}

func (a *auditor) token(kind inventory.Kind, acct *Account, t Token) TokenReport {
	r := TokenReport{
		Kind: kind, User: acct.User, Name: t.Name, Created: t.Created, Expires: t.Expires,
		FullAccess: t.FullAccess, Features: t.Features, ACLs: t.ACLs, WhitelistIPs: t.WhitelistIPs,
	}
	var fs []Finding
	fp, invEvidence := a.fingerprint(kind, acct.User, t)
	r.Fingerprint = fp
	if fp != "" && a.leaked[fp] {
		fs = append(fs, leakedFinding(kind, fp, invEvidence))
	}
	now := a.in.Now
	if !t.Expires.IsZero() && !t.Expires.After(now) {
		// An expired token no longer authenticates, so what it could reach no longer matters;
		// only its presence does.
		fs = append(fs, expiredFinding(kind, t, now))
	} else {
		if kind == inventory.KindCPanel {
			if t.FullAccess {
				fs = append(fs, a.fullAccess(acct))
			} else if f, ok := riskyFeaturesFinding(t, acct.Features); ok {
				fs = append(fs, f)
			}
		} else {
			if t.FullAccess {
				fs = append(fs, whmAllFinding(acct.User, t))
			}
			if len(t.WhitelistIPs) == 0 {
				fs = append(fs, noAllowlistFinding())
			}
		}
		if t.Expires.IsZero() && a.p.RequireExpiry {
			fs = append(fs, neverExpiresFinding(kind))
		}
		if !t.Expires.IsZero() && a.p.ExpiryWarningDays > 0 && t.Expires.Sub(now) <= days(a.p.ExpiryWarningDays) {
			fs = append(fs, expiringSoonFinding(t, now))
		}
		if !t.Created.IsZero() && a.p.MaxAgeDays > 0 && now.Sub(t.Created) > days(a.p.MaxAgeDays) {
			fs = append(fs, staleFinding(kind, t, now, a.p.MaxAgeDays))
		}
	}
	// Worst first, then in kindOrder: an insertion sort, since a token has at most a handful.
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && findingBefore(&fs[j], &fs[j-1]); j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
	for _, f := range fs {
		r.Severity = max(r.Severity, f.Severity)
	}
	r.Findings = fs
	return r
}

func findingBefore(x, y *Finding) bool {
	if x.Severity != y.Severity {
		return x.Severity > y.Severity
	}
	return slices.Index(kindOrder, x.Kind) < slices.Index(kindOrder, y.Kind)
}

// fingerprint finds the token's inventory entry. A name can be reused after a revocation, so an
// entry counts only if its recorded creation time agrees with the list's; with several plausible
// entries the token gets no fingerprint rather than a guessed one, because a wrong match would
// call an innocent token leaked.
func (a *auditor) fingerprint(kind inventory.Kind, user string, t Token) (string, []string) {
	if a.in.Inventory == nil {
		return "", nil
	}
	var timed, untimed []inventory.Entry
	for _, e := range a.in.Inventory.ByName(kind, a.in.Host, user, t.Name) {
		switch {
		case e.CreatedAt.IsZero() || t.Created.IsZero():
			untimed = append(untimed, e)
		case absDuration(e.CreatedAt.Sub(t.Created)) <= createTimeSlack:
			timed = append(timed, e)
		}
	}
	var e inventory.Entry
	switch {
	case len(timed) == 1:
		e = timed[0]
	case len(timed) == 0 && len(untimed) == 1:
		e = untimed[0]
	default:
		return "", nil
	}
	ev := "inventory entry: " + string(e.Kind) + " " + e.User + "@" + e.Host + " token " + strconv.Quote(e.Name)
	if !e.CreatedAt.IsZero() {
		ev += " created " + stamp(e.CreatedAt)
	}
	return e.Fingerprint, []string{ev}
}

func leakedFinding(kind inventory.Kind, fp string, invEvidence []string) Finding {
	return Finding{
		Kind:     KindLeaked,
		Severity: SeverityCritical,
		Message: "This token's value has leaked (fingerprint " + fp[:12] + "): anyone who saw the leak can " +
			"use it until it is revoked.",
		Remediation: "Revoke it now (Manage API Tokens » Revoke, or tokenscan --revoke), create a replacement for the " +
			"integration that used it, and check the " + kindLabel(kind) + " account for changes made with it.",
		Evidence: append([]string{"fingerprint: " + fp + " is in the known-leaked list"}, invEvidence...),
	}
}

func expiredFinding(kind inventory.Kind, t Token, now time.Time) Finding {
	return Finding{
		Kind:     KindExpiredPresent,
		Severity: SeverityLow,
		Message: "Expired " + ago(now.Sub(t.Expires)) + " (" + stamp(t.Expires) + ") but still listed. It no longer " +
			"works, and " + kindLabel(kind) + " never removes expired tokens by itself.",
		Remediation: "Revoke it to keep the list to tokens that are really in use.",
		Evidence:    []string{"expires_at: " + stamp(t.Expires)},
	}
}

func fullAccessFinding(features map[string]bool) Finding {
	f := Finding{
		Kind:     KindFullAccess,
		Evidence: []string{"has_full_access: 1"},
		Remediation: "Keep it only if an integration needs it, and then only where that integration runs. cPanel " +
			"cannot narrow a token or change its expiry: create a replacement with an expiry date, switch the " +
			"integration to it, and revoke this one. Disable account features nothing uses.",
	}
	if features == nil {
		f.Severity = SeverityCritical
		f.Message = "Full-access token: it can do anything the account can. The account's features were not " +
			"supplied, so it is rated as if they included taking over the account."
		f.Evidence = append(f.Evidence, "account features: not supplied")
		return f
	}
	takeover, hijack := accountTiers(features)
	switch {
	case len(takeover) > 0:
		f.Severity = SeverityCritical
		f.Message = "Full-access token on an account whose features allow a takeover: whoever holds it can " +
			"read and change every file, database and setting, and create new tokens."
	case len(hijack) > 0:
		f.Severity = SeverityHigh
		f.Message = "Full-access token on an account whose features can redirect mail or web traffic: whoever " +
			"holds it can hijack the domain's mail or visitors."
	default:
		f.Severity = SeverityMedium
		f.Message = "Full-access token: it can call every API the account can."
	}
	f.Evidence = append(f.Evidence, tierEvidence("account", takeover, hijack)...)
	return f
}

func riskyFeaturesFinding(t Token, features map[string]bool) (Finding, bool) {
	takeover, hijack := tokenTiers(features, t.Features)
	f := Finding{
		Kind:     KindRiskyFeatures,
		Evidence: append([]string{"has_full_access: 0", "token features: " + list(t.Features)}, tierEvidence("token", takeover, hijack)...),
		Remediation: "cPanel cannot change a token's features: create a replacement with only the features the " +
			"integration needs, switch over, and revoke this one.",
	}
	switch {
	case len(takeover) > 0:
		f.Severity = SeverityCritical
		f.Message = "Limited token, but its features allow taking over the account: " + list(takeover) + "."
	case len(hijack) > 0:
		f.Severity = SeverityHigh
		f.Message = "Limited token, but its features can redirect mail or web traffic: " + list(hijack) + "."
	default:
		return Finding{}, false
	}
	if features == nil {
		f.Evidence = append(f.Evidence, "account features: not supplied, every token feature assumed enabled")
	}
	return f, true
}

// accountTiers sorts the account's enabled features into the risky tiers. It walks the tier table
// rather than the account's map: only tiered features matter, and map iteration is a large piece
// of runtime code for the extension to compile on first use.
func accountTiers(account map[string]bool) (takeover, hijack []string) {
	var enabled []string
	for _, f := range featureTiers {
		if account[f.name] {
			enabled = append(enabled, f.name)
		}
	}
	return tiers(enabled)
}

// tokenTiers sorts a limited token's features into the risky tiers, leaving out those the account
// has disabled (a token cannot use what the account lacks). Unknown account features: all count.
func tokenTiers(account map[string]bool, token []string) (takeover, hijack []string) {
	var usable []string
	for _, name := range token {
		if account == nil || account[name] {
			usable = append(usable, name)
		}
	}
	return tiers(usable)
}

func tiers(features []string) (takeover, hijack []string) {
	for _, name := range features {
		switch FeatureTier(name) {
		case TierTakeover:
			takeover = append(takeover, name)
		case TierHijack:
			hijack = append(hijack, name)
		}
	}
	return sortedSet(takeover), sortedSet(hijack)
}

func tierEvidence(whose string, takeover, hijack []string) []string {
	var ev []string
	if len(takeover) > 0 {
		ev = append(ev, whose+" features allowing account takeover: "+list(takeover))
	}
	if len(hijack) > 0 {
		ev = append(ev, whose+" features allowing mail or traffic hijack: "+list(hijack))
	}
	if len(ev) == 0 {
		ev = append(ev, whose+" features: none in the risky tiers")
	}
	return ev
}

func whmAllFinding(user string, t Token) Finding {
	ev := "acls: all"
	if !slices.Contains(t.ACLs, "all") {
		ev = "acls: none listed, so the token inherits every privilege of " + userLabel(user)
	}
	scope := "every privilege of " + userLabel(user)
	if user == "root" {
		scope = "full control of the server (root)"
	}
	return Finding{
		Kind:     KindWHMAllACL,
		Severity: SeverityCritical,
		Message:  "WHM token with every privilege: whoever holds it has " + scope + ".",
		Remediation: "Narrow it to the ACLs the integration needs (WHM » Manage API Tokens, or api_token_update " +
			"with acl-N), or replace it with a narrower token and revoke this one.",
		Evidence: []string{ev},
	}
}

func noAllowlistFinding() Finding {
	return Finding{
		Kind:        KindNoIPAllowlist,
		Severity:    SeverityMedium,
		Message:     "Usable from any IP address: the token has no IP allowlist, so a leaked copy works from anywhere.",
		Remediation: "Restrict it to the addresses the integration connects from (api_token_update with whitelist_ip-N).",
		Evidence:    []string{"whitelist_ips: none"},
	}
}

func neverExpiresFinding(kind inventory.Kind) Finding {
	f := Finding{
		Kind:     KindNeverExpires,
		Severity: SeverityMedium,
		Message:  "Never expires: if it leaks, it works until someone notices and revokes it.",
		Evidence: []string{"expires_at: null (never)"},
	}
	if kind == inventory.KindWHM {
		f.Remediation = "Give it an expiry date (WHM » Manage API Tokens, or api_token_update with expires_at)."
	} else {
		f.Remediation = "cPanel cannot add an expiry to an existing token: create a replacement with an expiry " +
			"date, switch the integration to it, and revoke this one."
	}
	return f
}

func expiringSoonFinding(t Token, now time.Time) Finding {
	return Finding{
		Kind:     KindExpiringSoon,
		Severity: SeverityLow,
		Message:  "Expires in " + span(t.Expires.Sub(now)) + " (" + stamp(t.Expires) + ").",
		Remediation: "If an integration still uses it, create a replacement now and switch over before it stops " +
			"working; otherwise let it expire and revoke it.",
		Evidence: []string{"expires_at: " + stamp(t.Expires)},
	}
}

func staleFinding(kind inventory.Kind, t Token, now time.Time, maxDays int) Finding {
	return Finding{
		Kind:     KindStale,
		Severity: SeverityLow,
		Message: "Created " + ago(now.Sub(t.Created)) + ", longer ago than the " + strconv.Itoa(maxDays) + "-day " +
			"limit. Usage unknown: " + kindLabel(kind) + " does not record when a token was last used.",
		Remediation: "Find out whether anything still uses it. If something does, rotate it (create a " +
			"replacement, switch over, revoke this one); if nothing does, revoke it.",
		Evidence: []string{"create_time: " + stamp(t.Created), "last used: unknown (not recorded by " + kindLabel(kind) + ")"},
	}
}

func summarize(tokens []TokenReport, threshold Severity) Summary {
	s := Summary{Tokens: len(tokens), Threshold: threshold}
	for _, t := range tokens {
		s.Findings += len(t.Findings)
		s.BySeverity[t.Severity]++
		s.Worst = max(s.Worst, t.Severity)
		if t.Severity != SeverityNone && t.Severity >= threshold {
			s.Flagged++
		}
	}
	return s
}

func kindLabel(k inventory.Kind) string {
	if k == inventory.KindWHM {
		return "WHM"
	}
	return "cPanel"
}

func userLabel(user string) string {
	if user == "" {
		return "its user"
	}
	return strconv.Quote(user)
}

func days(n int) time.Duration { return time.Duration(n) * 24 * time.Hour }

func absDuration(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// span writes a duration the way a person would say it: days, or hours when under two days.
func span(d time.Duration) string {
	if h := int(d / time.Hour); h < 48 {
		if h == 1 {
			return "1 hour"
		}
		if h < 1 {
			return "less than an hour"
		}
		return strconv.Itoa(h) + " hours"
	}
	return strconv.Itoa(int(d/(24*time.Hour))) + " days"
}

func ago(d time.Duration) string { return span(d) + " ago" }

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func list(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}
