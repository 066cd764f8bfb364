package remediate

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/tokenscan/tokenscan/scanner/cpanel"
	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/inventory"
	"github.com/tokenscan/tokenscan/scanner/report"
)

// Ways a token name was resolved, most exact first. Every one of them identifies the token
// whose value leaked, not merely a likely one; ranking only ever produces candidates.
const (
	MethodWHMDetails      = "whm-get-details"  // WHM api_token_get_details with the value itself
	MethodInventory       = "inventory"        // --inventory: fingerprint -> name, checked against the list
	MethodAuthnFile       = "authn-file"       // the server's token file: sha512 of the value -> name
	MethodSingleToken     = "single-token"     // the account has exactly one token
	MethodSingleCandidate = "single-candidate" // one token left once expired and inventoried-as-other ones are excluded
	MethodGiven           = "given"            // the user named the token (tokenscan revoke --name)
	MethodElimination     = "elimination"      // destructive mode: revoke candidates until the value is refused
)

// expiryMargin keeps clock skew between tokenscan and the server from excluding a token that
// only just expired by our clock but not by the server's.
const expiryMargin = 24 * time.Hour

type resolution struct {
	name       string
	method     string
	why        string // when unresolved: what was tried and why it did not settle
	candidates []report.Candidate
}

// resolveName finds the name of the token whose value is secret, by the most exact means
// available. It never guesses: when nothing exact applies it returns ranked candidates.
func (r *remediator) resolveName(ctx context.Context, e *report.Entry, t finding.Target, secret string) resolution {
	var notes []string
	fp := e.Leak.Fingerprint

	if t.Kind == finding.KindWHM {
		tok, err := r.opts.Remote.TokenDetails(ctx, t, secret)
		switch {
		case err != nil:
			notes = append(notes, "api_token_get_details failed: "+err.Error())
		case tok == nil:
			notes = append(notes, "api_token_get_details does not know the value")
		default:
			return resolution{name: tok.Name, method: MethodWHMDetails}
		}
	}

	list, listErr := r.opts.Remote.ListTokens(ctx, t, secret)
	byName := map[string]cpanel.Token{}
	for _, tok := range list {
		byName[tok.Name] = tok
	}

	if inv := r.opts.Inventory; inv != nil {
		ent, ok := inv.ByFingerprint(string(fp))
		switch {
		case !ok:
			notes = append(notes, "the fingerprint is not in the inventory")
		case !sameAccount(ent, t):
			notes = append(notes, fmt.Sprintf("the inventory records this fingerprint for %s %s@%s, not this account; not used", ent.Kind, ent.User, ent.Host))
		case listErr != nil:
			notes = append(notes, fmt.Sprintf("the inventory names %q but the token list could not be read to check it", ent.Name))
		default:
			listed, present := byName[ent.Name]
			switch {
			case !present:
				notes = append(notes, fmt.Sprintf("the inventory names %q but the account has no token of that name (renamed?)", ent.Name))
			case !ent.CreatedAt.IsZero() && !listed.CreateTime.IsZero() && !sameSecond(ent.CreatedAt, listed.CreateTime):
				notes = append(notes, fmt.Sprintf("the inventory names %q created %s, but the token of that name was created %s (name reused); not used",
					ent.Name, ent.CreatedAt.UTC().Format(time.RFC3339), listed.CreateTime.UTC().Format(time.RFC3339)))
			default:
				return resolution{name: ent.Name, method: MethodInventory}
			}
		}
	}

	if dir := r.opts.AuthnDir; dir != "" {
		name, found, err := cpanel.LookupAuthn(dir, t.Kind, t.User, secret)
		switch {
		case err != nil:
			notes = append(notes, "server token file: "+err.Error())
		case !found:
			notes = append(notes, "the server token file does not hold the value")
		default:
			return resolution{name: name, method: MethodAuthnFile}
		}
	}

	if listErr != nil {
		return resolution{why: joinNotes("could not list the account's tokens: "+listErr.Error(), notes)}
	}
	switch len(list) {
	case 0:
		// A live token that its own account does not list: the server is inconsistent, or the
		// list is filtered (e.g. limited-access tokens). Nothing to choose from.
		return resolution{why: joinNotes("the account lists no tokens although the value is accepted", notes)}
	case 1:
		return resolution{name: list[0].Name, method: MethodSingleToken}
	}

	now := r.opts.Now()
	var plausible []cpanel.Token
	excluded := 0
	for _, tok := range list {
		if tok.ExpiredAt(now.Add(-expiryMargin)) || r.knownOther(t, tok, fp) {
			excluded++
			continue
		}
		plausible = append(plausible, tok)
	}
	if len(plausible) == 1 {
		return resolution{name: plausible[0].Name, method: MethodSingleCandidate}
	}
	cands := rankCandidates(plausible, e.Leak)
	why := fmt.Sprintf("%d tokens on the account and none can be tied to the leaked value exactly", len(list))
	if excluded > 0 {
		why += fmt.Sprintf(" (%d ruled out: expired, or recorded in the inventory with another value)", excluded)
	}
	why += "; nothing was revoked. Revoke the right one by hand (candidates below, best first), " +
		"or record tokens in an --inventory when they are created"
	return resolution{why: joinNotes(why, notes), candidates: cands}
}

// knownOther reports whether the inventory proves that tok holds another value than the leaked
// one: an entry of that name and creation time with a different fingerprint.
func (r *remediator) knownOther(t finding.Target, tok cpanel.Token, fp finding.Fingerprint) bool {
	if r.opts.Inventory == nil || tok.CreateTime.IsZero() {
		return false
	}
	for _, ent := range r.opts.Inventory.ByName(inventory.Kind(t.Kind), t.Host, t.User, tok.Name) {
		if ent.Fingerprint != string(fp) && !ent.CreatedAt.IsZero() && sameSecond(ent.CreatedAt, tok.CreateTime) {
			return true
		}
	}
	return false
}

func sameAccount(ent inventory.Entry, t finding.Target) bool {
	return string(ent.Kind) == string(t.Kind) && ent.User == t.User &&
		inventory.NormalizeHost(ent.Host) == inventory.NormalizeHost(strings.Trim(t.Host, "[]"))
}

// sameSecond compares creation times at cPanel's resolution (unix seconds).
func sameSecond(a, b time.Time) bool { return a.Unix() == b.Unix() }

func joinNotes(head string, notes []string) string {
	if len(notes) == 0 {
		return head
	}
	return head + " (" + strings.Join(notes, "; ") + ")"
}

// rankCandidates orders the tokens that may hold the leaked value, best first. Two signals,
// both only hints: a token created shortly before the leak's first commit (a token cannot leak
// before it exists, and people commit a token soon after creating it), and a name sharing words
// with where it leaked (deploy.sh and "deploy-ci"). Commit dates can be wrong, so a token
// created after the commit is ranked down, never ruled out.
func rankCandidates(tokens []cpanel.Token, leak finding.Leak) []report.Candidate {
	first := firstSeen(leak)
	words := leakWords(leak)
	out := make([]report.Candidate, 0, len(tokens))
	for _, tok := range tokens {
		c := report.Candidate{Name: tok.Name, CreateTime: tok.CreateTime}
		var reasons []string
		if !first.IsZero() && !tok.CreateTime.IsZero() {
			if d := first.Sub(tok.CreateTime); d >= 0 {
				c.Score += 2
				if d <= 7*24*time.Hour {
					c.Score++
				}
				reasons = append(reasons, "created "+humanDuration(d)+" before the leak's first commit")
			} else {
				c.Score -= 2
				reasons = append(reasons, "created "+humanDuration(-d)+" after the leak's first commit")
			}
		}
		var shared []string
		for _, w := range splitWords(tok.Name) {
			if words[w] && !slices.Contains(shared, w) {
				shared = append(shared, w)
			}
		}
		if len(shared) > 0 {
			c.Score += 1.5 * float64(min(len(shared), 3))
			reasons = append(reasons, fmt.Sprintf("name shares %q with where it leaked", strings.Join(shared, ", ")))
		}
		if tok.ExpiresAt.IsZero() {
			reasons = append(reasons, "never expires")
		}
		c.Reason = strings.Join(reasons, "; ")
		out = append(out, c)
	}
	slices.SortStableFunc(out, func(a, b report.Candidate) int {
		switch {
		case a.Score != b.Score:
			if a.Score > b.Score {
				return -1
			}
			return 1
		case !a.CreateTime.Equal(b.CreateTime):
			return b.CreateTime.Compare(a.CreateTime) // newer first: closer to the leak
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

func firstSeen(l finding.Leak) time.Time {
	var first time.Time
	for _, o := range l.Locations {
		if !o.Date.IsZero() && (first.IsZero() || o.Date.Before(first)) {
			first = o.Date
		}
	}
	return first
}

// ignoredWords are too common in paths and messages to say anything about a token's name.
var ignoredWords = map[string]bool{
	"the": true, "and": true, "for": true, "with": true, "from": true, "into": true, "com": true,
	"www": true, "http": true, "https": true, "add": true, "added": true, "update": true, "fix": true,
	"api": true, "token": true, "tokens": true, "key": true, "cpanel": true, "whm": true,
}

// leakWords collects the words of the paths and commit messages where the token was seen.
func leakWords(l finding.Leak) map[string]bool {
	words := map[string]bool{}
	for _, o := range l.Locations {
		p := o.Path
		if i := strings.LastIndexByte(p, '.'); i > strings.LastIndexByte(p, '/') {
			p = p[:i] // the extension says nothing about the token
		}
		for _, w := range splitWords(p + " " + o.Message) {
			words[w] = true
		}
	}
	return words
}

// splitWords lower-cases and splits on anything not a letter or digit and on camelCase humps;
// words shorter than three letters are dropped.
func splitWords(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) >= 3 {
			if w := strings.ToLower(string(cur)); !ignoredWords[w] {
				out = append(out, w)
			}
		}
		cur = cur[:0]
	}
	var prev rune
	for _, r := range s {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
		prev = r
	}
	flush()
	return out
}

func humanDuration(d time.Duration) string {
	switch {
	case d >= 48*time.Hour:
		return fmt.Sprintf("%d days", int(d.Hours()/24))
	case d >= 2*time.Hour:
		return fmt.Sprintf("%d hours", int(d.Hours()))
	case d >= 2*time.Minute:
		return fmt.Sprintf("%d minutes", int(d.Minutes()))
	}
	return "moments"
}
