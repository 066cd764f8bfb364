package cpaneltest

import (
	"embed"
	"html/template"
	"net/http"
	"path"
	"strconv"
)

// The pages are plain HTML and JavaScript embedded in the binary: a stand-in for cPanel's
// AngularJS Manage API Tokens app that keeps the markers a browser extension relies on
// (body id and data-app-key, table id, tr.data-row with the token name as id, danger/warning
// classes, 20 rows a page, a filter, the three hash routes) and loads its data the same way, by
// POSTing the session-path Tokens/list.

//go:embed assets/*.html assets/*.js assets/*.css
var assets embed.FS

var pageTemplates = template.Must(template.ParseFS(assets, "assets/*.html"))

type pageData struct {
	Prefix     string // /cpsess<10 digits>
	User       string
	ServerTime string // unix seconds of the simulator clock, so the page agrees with the server
	Theme      string
}

func (s *Sim) renderPage(w http.ResponseWriter, name string, d pageData) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Frame-Options", "SAMEORIGIN")
	if err := pageTemplates.ExecuteTemplate(w, name, d); err != nil {
		s.log.Error("rendering page", "page", name, "err", err)
	}
}

func serveAsset(w http.ResponseWriter, name string) {
	b, err := assets.ReadFile("assets/" + name)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	switch path.Ext(name) {
	case ".js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	case ".css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b)
}

func (s *Sim) pageData(r *http.Request, prefix string) pageData {
	return pageData{Prefix: prefix, User: requestInfo(r).User, ServerTime: strconv.FormatInt(s.clock.Now().Unix(), 10)}
}

func (s *Sim) serveHome(w http.ResponseWriter, r *http.Request, prefix string) {
	s.renderPage(w, "home.html", s.pageData(r, prefix))
}

// serveTokensPage serves the Manage API Tokens page of any theme, or one of its assets.
func (s *Sim) serveTokensPage(w http.ResponseWriter, r *http.Request, prefix, rest string) {
	m := themePage.FindStringSubmatch(rest)
	switch m[2] {
	case "app.js":
		serveAsset(w, "app.js")
	case "style.css":
		serveAsset(w, "style.css")
	default:
		d := s.pageData(r, prefix)
		d.Theme = m[1]
		s.renderPage(w, "api_tokens.html", d)
	}
}

func (s *Sim) serveWHMPage(w http.ResponseWriter, r *http.Request, prefix, rest string) {
	switch path.Base(rest) {
	case "whm.js":
		serveAsset(w, "whm.js")
	case "style.css":
		serveAsset(w, "style.css")
	default:
		if rest == "/" {
			http.Redirect(w, r, prefix+whmPagePath, http.StatusFound)
			return
		}
		s.renderPage(w, "whm_api_tokens.html", s.pageData(r, prefix))
	}
}
