package cpaneltest

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"html/template"
	"math/big"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Session is a browser session as the admin API hands it out: the session path prefix and the
// cookie that must accompany it.
type Session struct {
	Prefix string // "/cpsess" + 10 digits
	Cookie *http.Cookie
}

type session struct {
	id      string
	service Service
	user    string
	secret  string
	expires time.Time
}

// sessionStore keeps browser sessions. A session is bound to its service: a cPanel session is
// not valid on the WHM port and vice versa, as cpsrvd keeps them apart.
type sessionStore struct {
	mu    sync.Mutex
	clock Clock
	ttl   time.Duration
	byID  map[string]*session
}

func newSessionStore(clock Clock, ttl time.Duration) *sessionStore {
	return &sessionStore{clock: clock, ttl: ttl, byID: make(map[string]*session)}
}

// cookieName is what cpsrvd calls the session cookie on each service.
func cookieName(svc Service) string {
	if svc == ServiceWHM {
		return "whostmgrsession"
	}
	return "cpsession"
}

func (st *sessionStore) create(svc Service, user string) *session {
	st.mu.Lock()
	defer st.mu.Unlock()
	for {
		n, _ := rand.Int(rand.Reader, big.NewInt(1e10))
		id := fmt.Sprintf("%010d", n.Int64())
		if _, taken := st.byID[id]; taken {
			continue
		}
		secret := make([]byte, 16)
		rand.Read(secret)
		s := &session{id: id, service: svc, user: user, secret: hex.EncodeToString(secret),
			expires: st.clock.Now().Add(st.ttl)}
		st.byID[id] = s
		return s
	}
}

func (s *session) cookie(secure bool) *http.Cookie {
	return &http.Cookie{
		Name:     cookieName(s.service),
		Value:    url.QueryEscape(s.user + ":" + s.secret),
		Path:     "/",
		HttpOnly: true,
		Secure:   secure,
		SameSite: http.SameSiteLaxMode,
	}
}

// check returns the live session for id if the request carries its cookie, and extends it: the
// TTL is an idle timeout.
func (st *sessionStore) check(svc Service, id string, r *http.Request) *session {
	c, err := r.Cookie(cookieName(svc))
	if err != nil {
		return nil
	}
	val, err := url.QueryUnescape(c.Value)
	if err != nil {
		return nil
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	s := st.byID[id]
	if s == nil || s.service != svc {
		return nil
	}
	now := st.clock.Now()
	if !now.Before(s.expires) {
		delete(st.byID, id)
		return nil
	}
	if subtle.ConstantTimeCompare([]byte(val), []byte(s.user+":"+s.secret)) != 1 {
		return nil
	}
	s.expires = now.Add(st.ttl)
	c2 := *s
	return &c2
}

func (st *sessionStore) remove(id string) {
	st.mu.Lock()
	delete(st.byID, id)
	st.mu.Unlock()
}

func (st *sessionStore) expireAll() {
	st.mu.Lock()
	clear(st.byID)
	st.mu.Unlock()
}

var loginPage = template.Must(template.New("login").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>cPanel Login</title>
<meta name="robots" content="noindex">
</head>
<body id="login" class="login">
<main id="login-wrapper">
<h1>cpanel-sim</h1>
{{if .Message}}<div id="login-status" class="error-notice" role="alert">{{.Message}}</div>{{end}}
<form id="login_form" action="/login/" method="post">
<label for="user">Username</label>
<input name="user" id="user" type="text" autocomplete="username" required>
<label for="pass">Password</label>
<input name="pass" id="pass" type="password" autocomplete="current-password" required>
<input name="goto_uri" type="hidden" value="{{.Goto}}">
<button id="login_submit" type="submit">Log in</button>
</form>
</main>
</body>
</html>
`))

// writeLoginPage answers with the HTML login form, which is what cpsrvd shows for a missing or
// expired session instead of JSON.
func writeLoginPage(w http.ResponseWriter, status int, message string) {
	writeLoginPageGoto(w, status, message, "")
}

func writeLoginPageGoto(w http.ResponseWriter, status int, message, gotoURI string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	loginPage.Execute(w, struct{ Message, Goto string }{message, gotoURI})
}

// serveLogin handles GET (the form) and POST (user, pass, optional goto_uri) of /login/.
func (s *Sim) serveLogin(svc Service, w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		writeLoginPageGoto(w, http.StatusOK, "", r.URL.Query().Get("goto_uri"))
		return
	}
	p, err := readParams(r)
	if err != nil {
		writeLoginPage(w, http.StatusBadRequest, "The login request could not be read.")
		return
	}
	user, pass := p.Get("user"), p.Get("pass")
	if !s.passwordOK(svc, user, pass) {
		info := requestInfo(r)
		info.Auth, info.User = "password", user
		writeLoginPageGoto(w, http.StatusUnauthorized, "The login is invalid.", p.Get("goto_uri"))
		return
	}
	sess := s.sessions.create(svc, user)
	info := requestInfo(r)
	info.Auth, info.User = "password", user
	http.SetCookie(w, sess.cookie(r.TLS != nil))
	http.Redirect(w, r, "/cpsess"+sess.id+safeGoto(svc, p.Get("goto_uri")), http.StatusFound)
}

// safeGoto keeps the post-login redirect on this server: only an absolute path is followed.
func safeGoto(svc Service, g string) string {
	if strings.HasPrefix(g, "/") && !strings.HasPrefix(g, "//") && !strings.Contains(g, "\\") {
		if _, rest, ok := splitSessionPath(g); ok {
			return rest
		}
		return g
	}
	if svc == ServiceWHM {
		return whmPagePath
	}
	return "/frontend/jupiter/index.html"
}

func (s *Sim) passwordOK(svc Service, user, pass string) bool {
	var want string
	if svc == ServiceWHM {
		u, ok := s.store.whmUser(user)
		if !ok {
			return false
		}
		want = u.Password
	} else {
		a, ok := s.store.account(user)
		if !ok {
			return false
		}
		want = a.Password
	}
	return want != "" && subtle.ConstantTimeCompare([]byte(pass), []byte(want)) == 1
}

// serveLogout ends the session named by the cookie's path and shows the login page.
func (s *Sim) serveLogout(svc Service, id string, w http.ResponseWriter) {
	s.sessions.remove(id)
	http.SetCookie(w, &http.Cookie{Name: cookieName(svc), Value: "", Path: "/", MaxAge: -1})
	writeLoginPage(w, http.StatusOK, "You have logged out.")
}

// sessionRefused answers a session-path request whose session is missing, expired or not
// backed by the right cookie: the login page, 401 for API paths and 200 for pages, the two
// behaviours seen from cpsrvd.
func sessionRefused(w http.ResponseWriter, rest string) {
	status := http.StatusOK
	if strings.HasPrefix(rest, "/execute/") || strings.HasPrefix(rest, "/json-api/") {
		status = http.StatusUnauthorized
	}
	writeLoginPage(w, status, "Your session has expired. Log in again.")
}

// sessionRequest handles what every service does first with a /cpsess<id>/ path: logout, a
// refused or expired session (answered with the login page), and recording the caller. ok
// reports a live session: prefix is its /cpsess<id> and rest the path the service serves;
// answered reports the request was already answered here.
func (s *Sim) sessionRequest(svc Service, w http.ResponseWriter, r *http.Request) (prefix, rest string, c caller, ok, answered bool) {
	id, rest, isSession := splitSessionPath(r.URL.Path)
	if !isSession {
		return "", "", caller{}, false, false
	}
	if rest == "/logout/" || rest == "/logout" {
		s.serveLogout(svc, id, w)
		return "", rest, caller{}, false, true
	}
	sess := s.sessions.check(svc, id, r)
	if sess == nil {
		sessionRefused(w, rest)
		return "", rest, caller{}, false, true
	}
	info := requestInfo(r)
	info.Auth, info.User = "session", sess.user
	return "/cpsess" + id, rest, caller{user: sess.user, via: "session"}, true, false
}
