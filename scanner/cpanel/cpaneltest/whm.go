package cpaneltest

import (
	"net/http"
	"net/netip"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// whmEnvelope is the body of every WHM API 1 answer.
type whmEnvelope struct {
	Data     any         `json:"data"`
	Metadata whmMetadata `json:"metadata"`
}

type whmMetadata struct {
	Command string `json:"command"`
	Reason  string `json:"reason"`
	Result  int    `json:"result"`
	Version int    `json:"version"`
}

// whmToken is a token as api_token_list and api_token_get_details describe it.
type whmToken struct {
	Name         string         `json:"name"`
	CreateTime   int64          `json:"create_time"`
	ExpiresAt    *int64         `json:"expires_at"`
	ACLs         map[string]int `json:"acls"`
	WhitelistIPs []string       `json:"whitelist_ips"`
}

// whmTokenWithList is a token as api_token_create and api_token_update answer: acls as a list.
type whmTokenWithList struct {
	Name         string   `json:"name"`
	CreateTime   int64    `json:"create_time"`
	ExpiresAt    *int64   `json:"expires_at"`
	ACLs         []string `json:"acls"`
	WhitelistIPs []string `json:"whitelist_ips"`
	Token        string   `json:"token,omitempty"`
}

// whmPagePath is the simulator's WHM Manage API Tokens page, under the session prefix. WHM's
// real route is not pinned down; clients must detect the page by its markers.
const whmPagePath = "/whm/api_tokens/index.html"

var whmFunctionPath = regexp.MustCompile(`^/json-api/([a-z0-9_]+)/?$`)

func (s *Sim) serveWHM(w http.ResponseWriter, r *http.Request) {
	if prefix, rest, c, ok, answered := s.sessionRequest(ServiceWHM, w, r); answered {
		return
	} else if ok {
		switch {
		case whmFunctionPath.MatchString(rest):
			s.serveWHMAPI(w, r, c, rest)
		case rest == "/" || rest == whmPagePath || rest == "/whm/api_tokens/" ||
			rest == "/whm/api_tokens/whm.js" || rest == "/whm/api_tokens/style.css":
			s.serveWHMPage(w, r, prefix, rest)
		default:
			http.NotFound(w, r)
		}
		return
	}
	switch p := r.URL.Path; {
	case p == "/login/" || p == "/login":
		s.serveLogin(ServiceWHM, w, r)
	case whmFunctionPath.MatchString(p):
		c, fail := s.authenticate(ServiceWHM, r)
		if fail != nil {
			if fail.status == http.StatusUnauthorized && r.Header.Get("Authorization") == "" {
				writeLoginPage(w, http.StatusUnauthorized, "")
				return
			}
			s.refuse(w, *fail)
			return
		}
		s.serveWHMAPI(w, r, c, p)
	case r.Header.Get("Authorization") != "":
		if _, fail := s.authenticate(ServiceWHM, r); fail != nil {
			s.refuse(w, *fail)
			return
		}
		s.refuse(w, authFailure{http.StatusForbidden, "API tokens can only call WHM API 1."})
	default:
		writeLoginPage(w, http.StatusOK, "")
	}
}

func (s *Sim) serveWHMAPI(w http.ResponseWriter, r *http.Request, c caller, path string) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		w.Header().Set("Allow", "GET, POST")
		writeText(w, http.StatusMethodNotAllowed, "Method not allowed")
		return
	}
	fn := whmFunctionPath.FindStringSubmatch(path)[1]
	p, err := readParams(r)
	if err != nil {
		writeJSON(w, whmFail(fn, failf("The request could not be read: %v", err)))
		return
	}
	if p.Get("api.version") != "1" {
		// WHM answers API 0 in an older format when api.version is missing; the simulator does
		// not speak it, and says so in API 1 form rather than pretend.
		writeJSON(w, whmFail(fn, failf("This server simulates WHM API 1 only: pass api.version=1.")))
		return
	}
	writeJSON(w, s.callWHM(c, fn, p))
}

func whmOK(fn string, data any) whmEnvelope {
	return whmEnvelope{Data: data, Metadata: whmMetadata{Command: fn, Reason: "OK", Result: 1, Version: 1}}
}

func whmFail(fn string, err error) whmEnvelope {
	return whmEnvelope{Metadata: whmMetadata{Command: fn, Reason: err.Error(), Result: 0, Version: 1}}
}

func (s *Sim) callWHM(c caller, fn string, p url.Values) whmEnvelope {
	u, ok := s.store.whmUser(c.user)
	if !ok {
		return whmFail(fn, failf("The user “%s” does not exist.", c.user))
	}
	switch fn {
	case "version":
		return whmOK(fn, map[string]string{"version": s.opts.Version})
	case "api_token_list":
		tokens := map[string]whmToken{}
		for _, t := range s.store.list(finding.KindWHM, c.user) {
			tokens[t.Name] = toWHMToken(t, u)
		}
		return whmOK(fn, map[string]any{"tokens": tokens})
	case "api_token_get_details":
		value := p.Get("token")
		if value == "" {
			return whmFail(fn, failf("Provide the “token” argument."))
		}
		rec, state := s.store.lookup(finding.KindWHM, c.user, value)
		if state != TokenActive {
			return whmOK(fn, nil)
		}
		return whmOK(fn, toWHMToken(rec.info(), u))
	case "api_token_create":
		return s.whmCreate(c, u, fn, p)
	case "api_token_update":
		return s.whmUpdate(c, u, fn, p)
	case "api_token_revoke":
		names := multiParam(p, "token_name")
		if len(names) == 0 {
			return whmFail(fn, failf("Provide the “token_name” argument."))
		}
		var missing []string
		for _, n := range names {
			if !s.store.revoke(finding.KindWHM, c.user, n) {
				missing = append(missing, "“"+n+"”")
			}
		}
		if missing != nil {
			return whmFail(fn, failf("The following API tokens do not exist: %s", strings.Join(missing, ", ")))
		}
		return whmOK(fn, nil)
	default:
		return whmFail(fn, failf("Unknown app (“%s”) requested for this version (1) of the API.", fn))
	}
}

func (s *Sim) whmCreate(c caller, u *whmUser, fn string, p url.Values) whmEnvelope {
	name := p.Get("token_name")
	if _, given := p["token_name"]; !given {
		return whmFail(fn, failf("Provide the “token_name” argument."))
	}
	acls, err := checkACLs(u, multiParam(p, "acl"))
	if err != nil {
		return whmFail(fn, err)
	}
	expires, err := parseExpiresAt(p.Get("expires_at"), s.clock.Now())
	if err != nil {
		return whmFail(fn, err)
	}
	ips := multiParam(p, "whitelist_ip")
	if _, err := parseWhitelist(ips); err != nil {
		return whmFail(fn, err)
	}
	value, err := s.store.mint(TokenSpec{Kind: finding.KindWHM, User: c.user, Name: name,
		ExpiresAt: expires, ACLs: acls, WhitelistIPs: ips})
	if err != nil {
		return whmFail(fn, err)
	}
	t, _ := s.tokenByName(finding.KindWHM, c.user, name)
	out := toWHMTokenList(t)
	out.Token = value
	return whmOK(fn, out)
}

// checkACLs validates requested privileges: none means all of the user's own, and a user can only
// hand out privileges it holds.
func checkACLs(u *whmUser, requested []string) ([]string, error) {
	if len(requested) == 0 {
		return nil, nil
	}
	out := make([]string, 0, len(requested))
	for _, a := range requested {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		if !u.hasACL(a) {
			return nil, failf("You cannot assign the “%s” privilege because you do not have it.", a)
		}
		if !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out, nil
}

func (s *Sim) whmUpdate(c caller, u *whmUser, fn string, p url.Values) whmEnvelope {
	name := p.Get("token_name")
	if name == "" {
		return whmFail(fn, failf("Provide the “token_name” argument."))
	}
	var upd whmUpdate
	if _, given := p["new_name"]; given {
		n := p.Get("new_name")
		upd.newName = &n
	}
	if req := multiParam(p, "acl"); req != nil {
		acls, err := checkACLs(u, req)
		if err != nil {
			return whmFail(fn, err)
		}
		if acls == nil {
			acls = u.effectiveACLs()
		}
		upd.acls = acls
	}
	if _, given := p["expires_at"]; given {
		e, err := parseExpiresAt(p.Get("expires_at"), s.clock.Now())
		if err != nil {
			return whmFail(fn, err)
		}
		upd.expiresAt = &e
	}
	if ips := multiParam(p, "whitelist_ip"); ips != nil {
		var parsed []netip.Prefix
		if !(len(ips) == 1 && ips[0] == "any") {
			var err error
			if parsed, err = parseWhitelist(ips); err != nil {
				return whmFail(fn, err)
			}
		}
		upd.whitelistIPs = &parsed
	}
	t, err := s.store.updateWHM(c.user, name, upd)
	if err != nil {
		return whmFail(fn, err)
	}
	return whmOK(fn, toWHMTokenList(t))
}

func expiresPtr(t time.Time) *int64 {
	if t.IsZero() {
		return nil
	}
	e := t.Unix()
	return &e
}

// toWHMToken renders acls as api_token_list does: every privilege the user could grant, 1 if the
// token has it.
func toWHMToken(t TokenInfo, u *whmUser) whmToken {
	acls := map[string]int{}
	if !u.hasACL("all") {
		// A reseller's list shows every privilege it could grant; root's "all" is not a
		// privilege the token lacks, so it is not listed as 0.
		for _, a := range u.effectiveACLs() {
			acls[a] = 0
		}
	}
	for _, a := range t.ACLs {
		acls[a] = 1
	}
	return whmToken{Name: t.Name, CreateTime: t.CreateTime.Unix(), ExpiresAt: expiresPtr(t.ExpiresAt),
		ACLs: acls, WhitelistIPs: t.WhitelistIPs}
}

func toWHMTokenList(t TokenInfo) whmTokenWithList {
	acls := slices.Clone(t.ACLs)
	sort.Strings(acls)
	if acls == nil {
		acls = []string{}
	}
	return whmTokenWithList{Name: t.Name, CreateTime: t.CreateTime.Unix(), ExpiresAt: expiresPtr(t.ExpiresAt),
		ACLs: acls, WhitelistIPs: t.WhitelistIPs}
}
