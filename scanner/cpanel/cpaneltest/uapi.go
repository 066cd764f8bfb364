package cpaneltest

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// uapiEnvelope is the body of every /execute answer over HTTP: the `result` object of the uapi
// command-line format, without the outer apiversion/func/module wrapper.
type uapiEnvelope struct {
	Data     any      `json:"data"`
	Errors   []string `json:"errors"`
	Messages []string `json:"messages"`
	Warnings []string `json:"warnings"`
	Metadata any      `json:"metadata"`
	Status   int      `json:"status"`
}

// uapiToken is one entry of Tokens::list.
type uapiToken struct {
	Name          string   `json:"name"`
	CreateTime    int64    `json:"create_time"`
	ExpiresAt     *int64   `json:"expires_at"`
	HasFullAccess int      `json:"has_full_access"`
	Features      []string `json:"features"`
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache, no-store, must-revalidate, private")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func uapiOK(data, metadata any) uapiEnvelope {
	if metadata == nil {
		metadata = map[string]any{}
	}
	return uapiEnvelope{Data: data, Metadata: metadata, Status: 1}
}

func uapiFail(err error) uapiEnvelope {
	return uapiEnvelope{Errors: []string{err.Error()}, Metadata: map[string]any{}, Status: 0}
}

var executePath = regexp.MustCompile(`^/execute/([A-Za-z0-9_]+)/([A-Za-z0-9_]+)/?$`)

// themePage matches the Manage API Tokens page and its assets under any theme name, since older
// themes put another name where jupiter is.
var themePage = regexp.MustCompile(`^/frontend/([a-z0-9_]+)/api_tokens/(index\.html|app\.js|style\.css)?$`)

func (s *Sim) serveCPanel(w http.ResponseWriter, r *http.Request) {
	if prefix, rest, c, ok, answered := s.sessionRequest(ServiceCPanel, w, r); answered {
		return
	} else if ok {
		switch {
		case strings.HasPrefix(rest, "/execute/"):
			s.serveUAPI(w, r, c, rest)
		case rest == "/json-api/cpanel":
			s.serveAPI2(w, r, c)
		case rest == "/" || rest == "/frontend/jupiter/index.html":
			s.serveHome(w, r, prefix)
		case themePage.MatchString(rest):
			s.serveTokensPage(w, r, prefix, rest)
		default:
			http.NotFound(w, r)
		}
		return
	}
	switch p := r.URL.Path; {
	case p == "/login/" || p == "/login":
		s.serveLogin(ServiceCPanel, w, r)
	case strings.HasPrefix(p, "/execute/"), p == "/json-api/cpanel":
		c, fail := s.authenticate(ServiceCPanel, r)
		if fail != nil {
			if fail.status == http.StatusUnauthorized && r.Header.Get("Authorization") == "" {
				writeLoginPage(w, http.StatusUnauthorized, "")
				return
			}
			s.refuse(w, *fail)
			return
		}
		if p == "/json-api/cpanel" {
			s.serveAPI2(w, r, c)
		} else {
			s.serveUAPI(w, r, c, p)
		}
	case r.Header.Get("Authorization") != "":
		// Tokens open UAPI and API 2 only; everything else refuses them.
		if _, fail := s.authenticate(ServiceCPanel, r); fail != nil {
			s.refuse(w, *fail)
			return
		}
		s.refuse(w, authFailure{http.StatusForbidden, "API tokens can only call UAPI and cPanel API 2."})
	default:
		writeLoginPageGoto(w, http.StatusOK, "", "")
	}
}

// moduleFeature is the account feature each simulated module requires; "" requires none.
var moduleFeature = map[string]string{
	"Tokens":   "apitokens",
	"Features": "",
}

func (s *Sim) serveUAPI(w http.ResponseWriter, r *http.Request, c caller, path string) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		w.Header().Set("Allow", "GET, POST")
		writeText(w, http.StatusMethodNotAllowed, "Method not allowed")
		return
	}
	m := executePath.FindStringSubmatch(path)
	if m == nil {
		writeJSON(w, uapiFail(errors.New("The API request path is invalid: use /execute/Module/function.")))
		return
	}
	module, fn := m[1], m[2]
	feature, known := moduleFeature[module]
	if !known {
		writeJSON(w, uapiFail(failf("Failed to load module “%s”: the module does not exist.", module)))
		return
	}
	if feature != "" {
		if err := s.featureAllowed(c, feature); err != nil {
			writeJSON(w, uapiFail(err))
			return
		}
	}
	p, err := readParams(r)
	if err != nil {
		writeJSON(w, uapiFail(failf("The request could not be read: %v", err)))
		return
	}
	writeJSON(w, s.callUAPI(c, module, fn, p))
}

// featureAllowed applies the two gates cPanel puts in front of a module: the account's feature
// list, and (on servers with limited-access tokens) the token's own list.
func (s *Sim) featureAllowed(c caller, feature string) error {
	a, ok := s.store.account(c.user)
	if !ok || !a.has(feature) {
		return failf("This account does not have access to the “%s” feature.", feature)
	}
	if c.token != nil && !c.token.hasFullAccess && !slices.Contains(c.token.features, feature) {
		return failf("The API token does not have access to the “%s” feature.", feature)
	}
	return nil
}

func (s *Sim) callUAPI(c caller, module, fn string, p url.Values) uapiEnvelope {
	switch module + "::" + fn {
	case "Tokens::list":
		list := s.store.list(finding.KindCPanel, c.user)
		data := make([]uapiToken, 0, len(list))
		for _, t := range list {
			data = append(data, toUAPIToken(t))
		}
		return uapiOK(data, map[string]any{"transformed": 1})
	case "Tokens::create_full_access":
		name := p.Get("name")
		if _, given := p["name"]; !given {
			return uapiFail(failf("Provide the “name” argument."))
		}
		expires, err := parseExpiresAt(p.Get("expires_at"), s.clock.Now())
		if err != nil {
			return uapiFail(err)
		}
		value, err := s.store.mint(TokenSpec{Kind: finding.KindCPanel, User: c.user, Name: name, ExpiresAt: expires})
		if err != nil {
			return uapiFail(err)
		}
		info, _ := s.tokenByName(finding.KindCPanel, c.user, name)
		return uapiOK(map[string]any{"token": value, "create_time": info.CreateTime.Unix()}, nil)
	case "Tokens::rename":
		if err := s.store.rename(finding.KindCPanel, c.user, p.Get("name"), p.Get("new_name")); err != nil {
			return uapiFail(err)
		}
		return uapiOK(nil, nil)
	case "Tokens::revoke":
		name := p.Get("name")
		if name == "" {
			return uapiFail(failf("Provide the “name” argument."))
		}
		// v120 answers 0 for a name that does not exist, although the docs promise 1.
		removed := 0
		if s.store.revoke(finding.KindCPanel, c.user, name) {
			removed = 1
		}
		return uapiOK(removed, nil)
	case "Features::list_features":
		return uapiOK(s.store.accountFeatures(c.user), nil)
	case "Features::get_feature_metadata":
		return uapiOK(featureMetadata(), nil)
	default:
		return uapiFail(failf("The system could not find the function “%s” in the module “%s”.", fn, module))
	}
}

func toUAPIToken(t TokenInfo) uapiToken {
	u := uapiToken{Name: t.Name, CreateTime: t.CreateTime.Unix(), HasFullAccess: 1, Features: []string{}}
	if !t.ExpiresAt.IsZero() {
		e := t.ExpiresAt.Unix()
		u.ExpiresAt = &e
	}
	if !t.HasFullAccess {
		u.HasFullAccess = 0
		u.Features = append(u.Features, t.Features...)
	}
	return u
}

func featureMetadata() []map[string]any {
	var out []map[string]any
	for line := range strings.Lines(featureList) {
		id, name, ok := strings.Cut(strings.TrimSpace(line), ":")
		if ok && id != "" {
			out = append(out, map[string]any{"id": id, "name": name, "is_plugin": 0})
		}
	}
	return out
}

// serveAPI2 answers cPanel API 2 (/json-api/cpanel) after authentication. Only the envelope is
// simulated: tokenscan uses API 2 solely to tell whether a token is accepted there.
func (s *Sim) serveAPI2(w http.ResponseWriter, r *http.Request, c caller) {
	p, err := readParams(r)
	if err != nil {
		writeText(w, http.StatusBadRequest, "The request could not be read.")
		return
	}
	module, fn := p.Get("cpanel_jsonapi_module"), p.Get("cpanel_jsonapi_func")
	result := map[string]any{
		"apiversion": 2,
		"module":     module,
		"func":       fn,
	}
	switch {
	case p.Get("cpanel_jsonapi_apiversion") != "2":
		result["event"] = map[string]any{"result": 0}
		result["error"] = "This server simulates only cPanel API 2: pass cpanel_jsonapi_apiversion=2."
	case module == "" || fn == "":
		result["event"] = map[string]any{"result": 0}
		result["error"] = "Provide the “cpanel_jsonapi_module” and “cpanel_jsonapi_func” arguments."
	default:
		result["event"] = map[string]any{"result": 1}
		result["data"] = []any{}
		result["postevent"] = map[string]any{"result": 1}
		result["preevent"] = map[string]any{"result": 1}
	}
	writeJSON(w, map[string]any{"cpanelresult": result})
}
