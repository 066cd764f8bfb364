package cpaneltest

import (
	"crypto/subtle"
	"net"
	"net/http"
	"net/netip"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// caller is who a request acts as once authenticated. token is set only for token auth; it is a
// copy of the stored record, without the value.
type caller struct {
	user  string
	via   string
	token *tokenRecord
}

// authFailure is an HTTP-level refusal, the way cpsrvd answers bad credentials: a status and an
// HTML page, never a JSON envelope.
type authFailure struct {
	status int
	reason string // for the request log only
}

func (s *Sim) refuse(w http.ResponseWriter, f authFailure) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(f.status)
	title := "Access denied"
	if f.status == http.StatusForbidden {
		title = "Forbidden"
	}
	w.Write([]byte("<!DOCTYPE html>\n<html><head><title>" + title + "</title></head><body><h1>" + title +
		"</h1><p>" + f.reason + "</p></body></html>\n"))
}

// authenticate checks the Authorization header for svc. It fills the request record (scheme,
// user, token fingerprint) whatever the outcome.
func (s *Sim) authenticate(svc Service, r *http.Request) (caller, *authFailure) {
	info := requestInfo(r)
	creds, err := parseAuthorization(r.Header.Get("Authorization"))
	if err != nil {
		if err == errNoCredentials {
			return caller{}, &authFailure{http.StatusUnauthorized, "Log in or send an Authorization header."}
		}
		return caller{}, &authFailure{http.StatusUnauthorized, "The Authorization header could not be read."}
	}
	info.Auth, info.User = creds.Scheme, creds.User
	switch {
	case creds.Scheme == "basic":
		if !s.passwordOK(svc, creds.User, creds.Secret) {
			return caller{}, &authFailure{http.StatusUnauthorized, "The login is invalid."}
		}
		return caller{user: creds.User, via: "password"}, nil
	case svc == ServiceCPanel && creds.Scheme == "cpanel":
		return s.tokenCaller(finding.KindCPanel, creds, r)
	case svc == ServiceWHM && creds.Scheme == "whm":
		if tokenValuePattern.MatchString(creds.Secret) {
			return s.tokenCaller(finding.KindWHM, creds, r)
		}
		info.Auth = "accesshash"
		u, ok := s.store.whmUser(creds.User)
		if !ok || u.AccessHash == "" ||
			subtle.ConstantTimeCompare([]byte(creds.Secret), []byte(u.AccessHash)) != 1 {
			return caller{}, &authFailure{http.StatusUnauthorized, "The access hash is invalid."}
		}
		return caller{user: creds.User, via: "accesshash"}, nil
	default:
		// A cPanel token on the WHM port or the reverse: cpsrvd does not know the scheme there.
		return caller{}, &authFailure{http.StatusUnauthorized, "This authorization scheme is not accepted on this port."}
	}
}

func (s *Sim) tokenCaller(kind finding.Kind, creds credentials, r *http.Request) (caller, *authFailure) {
	info := requestInfo(r)
	info.Fingerprint = finding.FingerprintOf(creds.Secret)
	rec, state := s.store.lookup(kind, creds.User, creds.Secret)
	switch state {
	case TokenActive:
	case TokenExpired:
		return caller{}, &authFailure{http.StatusUnauthorized, "The API token has expired."}
	default:
		return caller{}, &authFailure{http.StatusUnauthorized, "The API token is not valid."}
	}
	if len(rec.whitelistIPs) > 0 && !ipAllowed(rec.whitelistIPs, r.RemoteAddr) {
		return caller{}, &authFailure{http.StatusForbidden, "The API token may not be used from this address."}
	}
	return caller{user: creds.User, via: "token", token: rec}, nil
}

func ipAllowed(allowed []netip.Prefix, remoteAddr string) bool {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		host = remoteAddr
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	a = a.Unmap()
	for _, p := range allowed {
		if p.Contains(a) {
			return true
		}
	}
	return false
}
