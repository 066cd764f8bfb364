package remediate

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/inventory"
)

// HostRule routes leaks found in matching paths to a host the user named (--host-map). It is the
// only way a token found without a host is ever sent anywhere: tokenscan has no default host.
type HostRule struct {
	Glob    string         // matched against each location's path; see MatchPath
	Target  finding.Target // Host always set; Port, User optional
	KindSet bool           // Target.Kind was given explicitly (cpanel:// or whm://, or a 208x port)
	Spec    string         // the rule as written, for messages
}

// HostMap is an ordered list of rules; the first match wins.
type HostMap struct {
	Rules []HostRule
}

// ParseHostRule reads one rule: PATH-GLOB=SCHEME://[USER@]HOST[:PORT], where SCHEME is cpanel,
// whm or https (kind then follows the port: 2087 means whm, 2083 cpanel, anything else keeps the
// leak's own kind). Plain http is refused: the token would cross the network in clear text.
func ParseHostRule(spec string) (HostRule, error) {
	i := strings.LastIndex(spec, "=")
	if i <= 0 {
		return HostRule{}, fmt.Errorf("host map %q: want PATH-GLOB=cpanel://USER@HOST[:PORT]", spec)
	}
	glob, raw := strings.TrimSpace(spec[:i]), strings.TrimSpace(spec[i+1:])
	if _, err := path.Match(strings.ReplaceAll(glob, "**", "*"), ""); err != nil {
		return HostRule{}, fmt.Errorf("host map %q: bad glob: %w", spec, err)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return HostRule{}, fmt.Errorf("host map %q: %w", spec, err)
	}
	r := HostRule{Glob: glob, Spec: spec}
	switch strings.ToLower(u.Scheme) {
	case "cpanel":
		r.Target.Kind, r.KindSet = finding.KindCPanel, true
	case "whm":
		r.Target.Kind, r.KindSet = finding.KindWHM, true
	case "https":
	case "http":
		return HostRule{}, fmt.Errorf("host map %q: plain http would send the token in clear text; use https:// (tokenscan always uses TLS)", spec)
	default:
		return HostRule{}, fmt.Errorf("host map %q: scheme must be cpanel://, whm:// or https://", spec)
	}
	if u.Opaque != "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return HostRule{}, fmt.Errorf("host map %q: want only [USER@]HOST[:PORT] after the scheme", spec)
	}
	if _, has := u.User.Password(); has {
		return HostRule{}, fmt.Errorf("host map %q: no password here; the leaked token is the credential", spec)
	}
	r.Target.User = u.User.Username()
	r.Target.Host = strings.ToLower(u.Hostname())
	if err := validHost(r.Target.Host); err != nil {
		return HostRule{}, fmt.Errorf("host map %q: %w", spec, err)
	}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return HostRule{}, fmt.Errorf("host map %q: bad port %q", spec, p)
		}
		r.Target.Port = n
	}
	if !r.KindSet {
		switch r.Target.Port {
		case 2086, 2087:
			r.Target.Kind, r.KindSet = finding.KindWHM, true
		case 2082, 2083:
			r.Target.Kind, r.KindSet = finding.KindCPanel, true
		}
	}
	return r, nil
}

func validHost(h string) error {
	if h == "" {
		return errors.New("no host")
	}
	if net.ParseIP(h) != nil {
		return nil
	}
	for _, c := range h {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-') {
			return fmt.Errorf("host %q is not a host name", h)
		}
	}
	return nil
}

// ParseHostMap reads rules given on the command line (repeatable --host-map) and lines of a
// --host-map-file; in a file, blank lines and lines starting with # are ignored.
func ParseHostMap(specs []string, file io.Reader) (*HostMap, error) {
	m := &HostMap{}
	for _, s := range specs {
		r, err := ParseHostRule(s)
		if err != nil {
			return nil, err
		}
		m.Rules = append(m.Rules, r)
	}
	if file != nil {
		sc := bufio.NewScanner(file)
		for n := 1; sc.Scan(); n++ {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			r, err := ParseHostRule(line)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			m.Rules = append(m.Rules, r)
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("reading host map: %w", err)
		}
	}
	return m, nil
}

// MatchPath matches a location path against a glob: * and ? within one path segment, ** across
// any number of segments. A glob without a slash matches the file name at any depth, as in
// .gitignore. Standard input (no path) is "-".
func MatchPath(glob, p string) bool {
	p = strings.TrimPrefix(p, "./")
	if p == "" {
		p = "-"
	}
	if !strings.Contains(glob, "/") {
		if ok, _ := path.Match(glob, path.Base(p)); ok {
			return true
		}
		ok, _ := path.Match(glob, p)
		return ok
	}
	return matchSegments(strings.Split(glob, "/"), strings.Split(p, "/"))
}

func matchSegments(glob, name []string) bool {
	for len(glob) > 0 {
		if glob[0] == "**" {
			for i := 0; i <= len(name); i++ {
				if matchSegments(glob[1:], name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(glob[0], name[0]); !ok {
			return false
		}
		glob, name = glob[1:], name[1:]
	}
	return len(name) == 0
}

// Route decides where a leak's token may be sent. The leak's own host always wins; a rule fills
// only what the leak leaves open, and a rule for another host is never used for a leak that names
// one. why explains a leak that cannot be routed; the token then goes nowhere.
func (m *HostMap) Route(l finding.Leak) (t finding.Target, rule string, why string) {
	t = l.Target
	if t.Kind == "" {
		t.Kind = finding.KindCPanel
	}
	var match *HostRule
	if m != nil {
		for i := range m.Rules {
			r := &m.Rules[i]
			if t.Host != "" && inventory.NormalizeHost(r.Target.Host) != inventory.NormalizeHost(t.Host) {
				continue
			}
			if matchesAny(r.Glob, l.Locations) {
				match = r
				break
			}
		}
	}
	if t.Host == "" {
		if match == nil {
			return t, "", "not checked: the leak names no cPanel/WHM host and no --host-map rule matches where it was found (" +
				locationList(l.Locations) + "); the token was not sent anywhere"
		}
		t.Host, t.Port = match.Target.Host, match.Target.Port
		if match.KindSet {
			t.Kind = match.Target.Kind
		}
	}
	if t.User == "" && match != nil {
		t.User = match.Target.User
	}
	if match != nil {
		rule = match.Spec
	}
	if t.User == "" {
		return t, rule, fmt.Sprintf("not checked: no %s user for %s: the leak names none and no --host-map rule gives one (PATH-GLOB=%s://USER@%s); the token was not sent anywhere",
			t.Kind, t.Host, t.Kind, t.Host)
	}
	return t, rule, ""
}

func matchesAny(glob string, locs []finding.Origin) bool {
	for _, o := range locs {
		if MatchPath(glob, o.Path) {
			return true
		}
	}
	return false
}

func locationList(locs []finding.Origin) string {
	seen := map[string]bool{}
	var out []string
	for _, o := range locs {
		p := o.Path
		if p == "" {
			p = "-"
		}
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
		if len(out) == 3 {
			break
		}
	}
	return strings.Join(out, ", ")
}
