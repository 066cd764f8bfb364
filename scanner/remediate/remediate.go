// Package remediate turns found leaks into settled ones: it checks each leaked token against the
// host it belongs to, and with revocation asked for, finds the token's name, revokes it and
// proves the revocation by re-checking the leaked value. It fills report.Entry State, Detail and
// Candidates; the cPanel/WHM conversation itself is scanner/cpanel's.
//
// The rules it keeps: a token goes only to the host its leak names or a --host-map rule gives;
// nothing is revoked unless asked, and nothing innocent unless the destructive elimination mode
// was chosen; "revoked-confirmed" is written only after the leaked value was refused; accounts are
// worked on concurrently and one host's failure is reported beside, never instead of, the others.
package remediate

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/tokenscan/tokenscan/scanner/cpanel"
	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/inventory"
	"github.com/tokenscan/tokenscan/scanner/report"
)

// Remote is what remediation needs from a cPanel/WHM client; *cpanel.Client implements it.
type Remote interface {
	Verify(ctx context.Context, t finding.Target, secret string) (finding.State, error)
	ListTokens(ctx context.Context, t finding.Target, secret string) ([]cpanel.Token, error)
	TokenDetails(ctx context.Context, t finding.Target, secret string) (*cpanel.Token, error)
	Revoke(ctx context.Context, t finding.Target, secret, name string) error
}

// DefaultParallel is how many accounts are worked on at once.
const DefaultParallel = 16

// Options say what to do and with what.
type Options struct {
	Remote Remote
	// Revoke revokes live tokens (--revoke); otherwise they are only verified.
	Revoke bool
	// DestroyInnocentTokens allows revocation by elimination when a name cannot be resolved:
	// candidates are revoked one by one, best first, until the leaked value is refused. Every
	// candidate revoked before that is an innocent token, gone for good.
	DestroyInnocentTokens bool
	// Inventory maps fingerprints to token names (--inventory); nil for none.
	Inventory *inventory.Inventory
	// AuthnDir is cPanel's token directory (--authn-dir); "" to skip it.
	AuthnDir string
	// HostMap routes leaks that name no host (--host-map); nil routes none.
	HostMap *HostMap
	// TokenName, when set, is the name to revoke without resolving it (tokenscan revoke --name).
	TokenName string
	// Audit receives one event per action; nil for none.
	Audit *AuditLog
	// Parallel bounds accounts worked on at once; default DefaultParallel. Tokens of one account
	// are handled in turn, because revoking one changes what the next one's resolution sees.
	Parallel int
	// Now is the clock for expiry checks; default time.Now.
	Now func() time.Time
}

type remediator struct {
	opts Options
	mu   sync.Mutex
	errs []report.ScanError
}

// Run remediates entries in place and returns the partial failures to add to the report's
// errors (one per host and message). Entries without a token value, or that cannot be routed to
// a host, become "unknown" with the reason; nothing is sent for them.
func Run(ctx context.Context, entries []report.Entry, opts Options) []report.ScanError {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Parallel <= 0 {
		opts.Parallel = DefaultParallel
	}
	r := &remediator{opts: opts}
	type account struct {
		target  finding.Target
		entries []int
	}
	var accounts []*account
	index := map[string]*account{}
	for i := range entries {
		e := &entries[i]
		if e.Leak.Secret == "" {
			e.State, e.Detail = finding.StateUnknown, "not checked: the token value is not available"
			continue
		}
		t, rule, why := opts.HostMap.Route(e.Leak)
		ev := r.event(ActionRoute, t, e.Leak.Fingerprint)
		if why != "" {
			e.State, e.Detail = finding.StateUnknown, why
			ev.Outcome, ev.Detail = "unroutable", why
			opts.Audit.Record(ev)
			continue
		}
		ev.Outcome = "leak"
		if rule != "" {
			ev.Outcome, ev.Detail = "host-map", rule
		}
		opts.Audit.Record(ev)
		e.Leak.Target = t
		key := fmt.Sprintf("%s|%s|%d|%s", t.Kind, inventory.NormalizeHost(t.Host), t.Port, t.User)
		a, ok := index[key]
		if !ok {
			a = &account{target: t}
			index[key] = a
			accounts = append(accounts, a)
		}
		a.entries = append(a.entries, i)
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(opts.Parallel)
	for _, a := range accounts {
		g.Go(func() error {
			for _, i := range a.entries {
				r.one(gctx, &entries[i], a.target)
			}
			return nil // failures are per entry; one account never cancels another
		})
	}
	g.Wait()
	return r.errs
}

func (r *remediator) event(action string, t finding.Target, fp finding.Fingerprint) AuditEvent {
	return AuditEvent{Action: action, Kind: t.Kind, Host: t.Host, Port: t.Port, User: t.User, Fingerprint: fp}
}

// hostError records a partial failure once per host and message.
func (r *remediator) hostError(t finding.Target, msg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	e := report.ScanError{Host: t.Host, Message: msg}
	if !slices.Contains(r.errs, e) {
		r.errs = append(r.errs, e)
	}
}

// verify checks the leaked value and logs it under action (verify or confirm).
func (r *remediator) verify(ctx context.Context, action string, e *report.Entry, t finding.Target) (finding.State, error) {
	st, err := r.opts.Remote.Verify(ctx, t, e.Leak.Secret)
	ev := r.event(action, t, e.Leak.Fingerprint)
	ev.Outcome = string(st)
	if err != nil {
		ev.Detail = scrub(err.Error(), e.Leak.Secret)
	}
	r.opts.Audit.Record(ev)
	return st, err
}

// one settles one entry: verify, then (with Revoke) resolve, revoke and confirm.
func (r *remediator) one(ctx context.Context, e *report.Entry, t finding.Target) {
	secret := e.Leak.Secret
	set := func(st finding.State, detail string) {
		e.State, e.Detail = st, scrub(detail, secret)
	}
	st, err := r.verify(ctx, ActionVerify, e, t)
	switch st {
	case finding.StateDead:
		set(finding.StateDead, "the server refuses this token (revoked, expired, or never valid for this account); nothing to revoke")
		return
	case finding.StateLive:
	default:
		msg := "could not check the token"
		if err != nil {
			msg = scrub(err.Error(), secret)
		}
		set(finding.StateUnknown, msg)
		r.hostError(t, msg)
		return
	}
	if !r.opts.Revoke {
		set(finding.StateLive, "the server accepts this token: revoke it (--revoke) and find out who used it")
		return
	}
	if !tokenShaped(secret) {
		set(finding.StateUnresolved, "the server accepts this value, but it is a legacy WHM access hash, not an API token: "+
			"it has no name to revoke; regenerate the remote access key in WHM")
		return
	}

	var res resolution
	if r.opts.TokenName != "" {
		res = resolution{name: r.opts.TokenName, method: MethodGiven}
	} else {
		res = r.resolveName(ctx, e, t, secret)
	}
	ev := r.event(ActionResolve, t, e.Leak.Fingerprint)
	ev.Name, ev.Method = res.name, res.method
	if res.name != "" {
		ev.Outcome = "resolved"
	} else {
		ev.Outcome, ev.Detail = "unresolved", scrub(res.why, secret)
	}
	r.opts.Audit.Record(ev)

	if res.name == "" {
		e.Candidates = res.candidates
		if r.opts.DestroyInnocentTokens && len(res.candidates) > 0 {
			r.eliminate(ctx, e, t, res.candidates)
			return
		}
		set(finding.StateUnresolved, res.why)
		return
	}
	r.revokeAndConfirm(ctx, e, t, res)
}

// revoke asks the server to revoke name and logs it.
func (r *remediator) revoke(ctx context.Context, e *report.Entry, t finding.Target, name, method string) error {
	err := r.opts.Remote.Revoke(ctx, t, e.Leak.Secret, name)
	ev := r.event(ActionRevoke, t, e.Leak.Fingerprint)
	ev.Name, ev.Method, ev.Outcome = name, method, "ok"
	if err != nil {
		ev.Outcome, ev.Detail = "error", scrub(err.Error(), e.Leak.Secret)
	}
	r.opts.Audit.Record(ev)
	return err
}

// revokeAndConfirm revokes a resolved name and re-checks the value. The revoke call's own answer
// decides nothing: a revoke that timed out may have worked, and one that "worked" may have hit
// another token; only the re-check says which.
func (r *remediator) revokeAndConfirm(ctx context.Context, e *report.Entry, t finding.Target, res resolution) {
	secret := e.Leak.Secret
	rerr := r.revoke(ctx, e, t, res.name, res.method)
	st, verr := r.verify(ctx, ActionConfirm, e, t)
	detail := ""
	switch {
	case st == finding.StateDead:
		e.State = finding.StateRevokedConfirmed
		detail = fmt.Sprintf("revoked token %q (name found by %s); the leaked value is now refused", res.name, res.method)
		if rerr != nil {
			detail += " (the revoke call itself reported: " + rerr.Error() + ")"
		}
	case st == finding.StateLive && rerr != nil:
		e.State = finding.StateRevokeFailed
		detail = "revocation failed and the token is still accepted: " + rerr.Error()
	case st == finding.StateLive:
		e.State = finding.StateRevokeFailed
		detail = fmt.Sprintf("the server revoked %q (name found by %s) but the leaked value is still accepted: that name belonged to another token", res.name, res.method)
	default:
		e.State = finding.StateRevokeFailed
		detail = fmt.Sprintf("asked the server to revoke %q but could not re-check the leaked value, so the revocation is not confirmed", res.name)
		if rerr != nil {
			detail += "; revoke: " + rerr.Error()
		}
		if verr != nil {
			detail += "; re-check: " + verr.Error()
		}
	}
	e.Detail = scrub(detail, secret)
	if e.State == finding.StateRevokeFailed {
		r.hostError(t, e.Detail)
	}
}

// eliminate is the destructive mode: revoke candidates best first, re-checking the leaked value
// after each, and stop as soon as it is refused or can no longer be checked.
func (r *remediator) eliminate(ctx context.Context, e *report.Entry, t finding.Target, cands []report.Candidate) {
	secret := e.Leak.Secret
	var revoked []string
	for _, c := range cands {
		rerr := r.revoke(ctx, e, t, c.Name, MethodElimination)
		if rerr == nil {
			revoked = append(revoked, c.Name)
		}
		st, verr := r.verify(ctx, ActionConfirm, e, t)
		switch st {
		case finding.StateDead:
			e.State = finding.StateRevokedConfirmed
			detail := fmt.Sprintf("revoked by elimination (--revoke-by-elimination-destroys-innocent-tokens): the leaked value was refused after revoking %q", c.Name)
			if innocent := revoked[:max(len(revoked)-1, 0)]; len(innocent) > 0 {
				detail += fmt.Sprintf("; innocent tokens revoked before it: %s", strings.Join(quoteAll(innocent), ", "))
			}
			e.Detail = scrub(detail, secret)
			return
		case finding.StateLive:
			continue
		default:
			e.State = finding.StateRevokeFailed
			detail := fmt.Sprintf("elimination stopped: after revoking %q the leaked value could not be re-checked", c.Name)
			if verr != nil {
				detail += ": " + verr.Error()
			}
			if len(revoked) > 0 {
				detail += "; revoked so far: " + strings.Join(quoteAll(revoked), ", ")
			}
			e.Detail = scrub(detail, secret)
			r.hostError(t, e.Detail)
			return
		}
	}
	e.State = finding.StateRevokeFailed
	e.Detail = scrub(fmt.Sprintf("elimination revoked every candidate (%s) and the leaked value is still accepted",
		strings.Join(quoteAll(revoked), ", ")), secret)
	r.hostError(t, e.Detail)
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

var apiTokenShape = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9A-Z]{32}$`) })

// tokenShaped tells an API token (which has a name) from a legacy WHM access hash (which does not).
func tokenShaped(secret string) bool { return apiTokenShape().MatchString(secret) }
