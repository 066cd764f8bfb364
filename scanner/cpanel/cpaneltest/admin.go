package cpaneltest

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// This file is the admin API: what a test (or cmd/cpanel-sim) does to the server from behind,
// the way root would on a real machine. It is Go only; nothing here is reachable over HTTP.

// StartTest starts a simulator with HTTPS and HTTP listeners for both services on loopback and
// closes it when the test ends.
func StartTest(tb testing.TB, opts Options) *Sim {
	tb.Helper()
	s, err := New(opts)
	if err != nil {
		tb.Fatalf("starting cPanel simulator: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	for _, l := range []struct {
		svc  Service
		mode TLSMode
	}{{ServiceCPanel, TLSOn}, {ServiceCPanel, TLSOff}, {ServiceWHM, TLSOn}, {ServiceWHM, TLSOff}} {
		if _, err := s.Listen(l.svc, l.mode, "127.0.0.1:0"); err != nil {
			tb.Fatalf("starting cPanel simulator: %v", err)
		}
	}
	return s
}

// AddAccount creates a cPanel account.
func (s *Sim) AddAccount(a Account) error { return s.store.addAccount(a) }

// AddWHMUser creates root or a reseller.
func (s *Sim) AddWHMUser(u WHMUser) error { return s.store.addWHMUser(u) }

// SetFeature switches an account feature on or off (WHM's Feature Manager).
func (s *Sim) SetFeature(user, feature string, on bool) error {
	return s.store.setFeature(user, feature, on)
}

// SeedToken stores a token whose value (or only its SHA-512) is known in advance, as if it had
// been created earlier. Name rules apply; expiry may lie in the past.
func (s *Sim) SeedToken(spec TokenSpec) error { return s.store.seedToken(spec) }

// Mint creates a token as the create functions would and returns its value: the only place a
// test learns a generated value. spec.Value and spec.Hash are ignored; a past ExpiresAt is
// allowed here (a token that expired since).
func (s *Sim) Mint(spec TokenSpec) (string, error) {
	spec.Value, spec.Hash = "", ""
	v, err := s.store.mint(spec)
	if err != nil {
		return "", fmt.Errorf("minting %s token %q for %s: %w", normalizeKind(spec.Kind), spec.Name, spec.User, err)
	}
	return v, nil
}

// MustMint is Mint for tests.
func (s *Sim) MustMint(tb testing.TB, spec TokenSpec) string {
	tb.Helper()
	v, err := s.Mint(spec)
	if err != nil {
		tb.Fatal(err)
	}
	return v
}

// State says what the server would make of value presented by user: active, expired or unknown
// (never existed, or revoked).
func (s *Sim) State(kind finding.Kind, user, value string) TokenState {
	_, st := s.store.lookup(normalizeKind(kind), user, value)
	return st
}

// Valid reports whether the server would accept value from user right now.
func (s *Sim) Valid(kind finding.Kind, user, value string) bool {
	return s.State(kind, user, value) == TokenActive
}

// Tokens lists what the server stores for a user, oldest first.
func (s *Sim) Tokens(kind finding.Kind, user string) []TokenInfo {
	return s.store.list(normalizeKind(kind), user)
}

// tokenByName finds a stored token by name.
func (s *Sim) tokenByName(kind finding.Kind, user, name string) (TokenInfo, bool) {
	for _, t := range s.store.list(kind, user) {
		if t.Name == name {
			return t, true
		}
	}
	return TokenInfo{}, false
}

// Revoke removes a token by name behind the API's back and reports whether it existed.
func (s *Sim) Revoke(kind finding.Kind, user, name string) bool {
	return s.store.revoke(normalizeKind(kind), user, name)
}

// Now is the simulator's current time.
func (s *Sim) Now() time.Time { return s.clock.Now() }

// Clock is the simulator's clock; with a *ManualClock in Options, advance that to expire tokens
// and sessions.
func (s *Sim) Clock() Clock { return s.clock }

// NewSession logs user in on svc without the login form, for browser tests.
func (s *Sim) NewSession(svc Service, user string) (Session, error) {
	if svc == ServiceWHM {
		if _, ok := s.store.whmUser(user); !ok {
			return Session{}, fmt.Errorf("creating WHM session: %w: %q", errNoSuchUser, user)
		}
	} else if _, ok := s.store.account(user); !ok {
		return Session{}, fmt.Errorf("creating cPanel session: %w: %q", errNoSuchUser, user)
	}
	sess := s.sessions.create(svc, user)
	return Session{Prefix: "/cpsess" + sess.id, Cookie: sess.cookie(false)}, nil
}

// ExpireSessions ends every browser session, as a server restart or timeout would.
func (s *Sim) ExpireSessions() { s.sessions.expireAll() }

// SetFault injects a fault until the returned function is called.
func (s *Sim) SetFault(f Fault) (remove func(), err error) { return s.faults.add(f) }

// ClearFaults removes every injected fault.
func (s *Sim) ClearFaults() { s.faults.clear() }

// AddSessionCookie is a helper for clients without a jar: it sets the session's cookie on req.
func (sess Session) AddSessionCookie(req *http.Request) { req.AddCookie(sess.Cookie) }
