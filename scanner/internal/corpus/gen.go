package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

const tokenAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

// gen is the random source of one case family plus the corpus-wide registry of paths and values
// already handed out, so every path is unique and no token is planted in two files.
type gen struct {
	r    *rand.Rand
	used map[string]bool
	// inFile records the noise snippets already placed in the file being built, so one file does
	// not repeat a section or function.
	inFile map[string]bool
}

func newGen(r *rand.Rand, used map[string]bool) *gen { return &gen{r: r, used: used} }

func (g *gen) intn(n int) int { return g.r.IntN(n) }

// between returns a number in [lo, hi].
func between(g *gen, lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func pick[T any](g *gen, xs ...T) T { return xs[g.r.IntN(len(xs))] }

// randString draws n characters from alphabet.
func (g *gen) randString(alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[g.r.IntN(len(alphabet))]
	}
	return string(b)
}

// fresh draws values until one was never handed out before.
func (g *gen) fresh(draw func() string) string {
	for {
		v := draw()
		if !g.used["v:"+v] {
			g.used["v:"+v] = true
			return v
		}
	}
}

// rawToken is a new random 32-character [0-9A-Z] string, exactly like a real API token.
func (g *gen) rawToken() string {
	return g.fresh(func() string { return g.randString(tokenAlphabet, 32) })
}

func (g *gen) hex(n int, upper bool) string {
	s := g.randString("0123456789abcdef", n)
	if upper {
		s = strings.ToUpper(s)
	}
	return s
}

func (g *gen) guid() string {
	h := g.hex(32, true)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// base32Secret is a TOTP-style secret (RFC 4648 base32 alphabet, no padding).
func (g *gen) base32Secret(n int) string {
	return g.fresh(func() string { return g.randString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", n) })
}

var projectWords = []string{
	"acme", "billing", "shop", "portal", "hosting", "panel", "deploy", "ops", "infra", "backup",
	"mailer", "site", "client", "reseller", "provision", "sync", "legacy", "api", "tools", "wp",
	"crm", "store", "agency", "studio", "cloud", "stack", "automation", "migrate", "dns", "cron",
}

// path returns a unique slash path "<project>/<rel>".
func (g *gen) path(rel string) string {
	for {
		p := pick(g, projectWords...) + "-" + pick(g, projectWords...) + fmt.Sprintf("-%03d", g.intn(1000)) + "/" + rel
		if !g.used["p:"+p] {
			g.used["p:"+p] = true
			return p
		}
	}
}

var (
	domains    = []string{"example.com", "example.net", "example.org", "acme-hosting.net", "brightweb.io", "hostgrid.co.uk", "webfarm.de", "clientsites.com.au", "nordichost.se", "sunrise-media.com"}
	hostPrefix = []string{"server1", "srv2", "cp", "host", "web01", "vps", "shared3", "box", "node7", "s14"}
	cpUsers    = []string{"bob", "acmeshop", "jdoe", "wpadmin", "clientx", "shopuser", "sales24", "devteam", "alice", "marketing", "blog01", "mkelly", "web-shop", "j.smith"}
	whmUsers   = []string{"root", "root", "root", "reseller1", "resell2", "whmadmin"}
	words      = []string{"orders", "invoices", "users", "reports", "sessions", "accounts", "domains", "mailboxes", "queue", "assets", "metrics", "webhooks"}
	names      = []string{"sync", "fetch", "update", "load", "process", "render", "build", "check", "collect", "export", "rotate", "notify"}
)

func (g *gen) domain() string { return pick(g, domains...) }

// host is a cPanel server name, sometimes a service subdomain, sometimes a documentation IP.
func (g *gen) host() string {
	switch g.intn(6) {
	case 0:
		return fmt.Sprintf("203.0.113.%d", between(g, 2, 250))
	case 1:
		return pick(g, "cpanel.", "whm.") + g.domain()
	default:
		return pick(g, hostPrefix...) + "." + g.domain()
	}
}

func (g *gen) cpUser() string  { return pick(g, cpUsers...) }
func (g *gen) whmUser() string { return pick(g, whmUsers...) }

// api describes one of the two token flavours and how it is called.
type api struct {
	scheme string // header scheme: cpanel or whm
	user   string
	port   int
	path   string
	upper  string // CPANEL or WHM, for variable names
	lower  string // cpanel or whm
}

var (
	uapiCalls = []string{"/execute/Email/list_pops", "/execute/DomainInfo/list_domains", "/execute/Mysql/list_databases", "/execute/SSL/list_certs", "/execute/Backup/fullbackup_to_homedir", "/execute/Fileman/list_files?dir=public_html", "/execute/StatsBar/get_stats?display=diskusage", "/execute/ZoneEdit/fetchzone_records?domain="}
	whmCalls  = []string{"/json-api/listaccts?api.version=1", "/json-api/createacct?api.version=1", "/json-api/suspendacct?api.version=1", "/json-api/version?api.version=1", "/json-api/listpkgs?api.version=1", "/json-api/accountsummary?api.version=1", "/json-api/showbw?api.version=1"}
)

func (g *gen) api() api {
	if g.chance(0.55) {
		p := pick(g, uapiCalls...)
		if strings.HasSuffix(p, "=") {
			p += g.domain()
		}
		return api{scheme: "cpanel", user: g.cpUser(), port: pick(g, 2083, 2083, 2083, 2082), path: p, upper: "CPANEL", lower: "cpanel"}
	}
	return api{scheme: "whm", user: g.whmUser(), port: pick(g, 2087, 2087, 2087, 2086), path: pick(g, whmCalls...), upper: "WHM", lower: "whm"}
}

// url builds the request URL for a host; proto follows the port.
func (a api) url(host string) string {
	proto := "https"
	if a.port == 2082 || a.port == 2086 {
		proto = "http"
	}
	return fmt.Sprintf("%s://%s:%d%s", proto, host, a.port, a.path)
}

// builder collects one file's labels while its content is generated.
type builder struct {
	g       *gen
	secrets []Secret
	decoys  []Decoy
}

func (g *gen) file() *builder {
	g.inFile = map[string]bool{}
	return &builder{g: g}
}

// token draws a new API token and labels it.
func (b *builder) token() string {
	t := b.g.rawToken()
	b.secrets = append(b.secrets, Secret{Value: t, Normalized: t, Kind: KindAPIToken})
	return t
}

// decoy labels a planted near-miss and returns it.
func (b *builder) decoy(category, v string) string {
	for _, d := range b.decoys {
		if d.Value == v {
			return v
		}
	}
	b.decoys = append(b.decoys, Decoy{Value: v, Category: category})
	return v
}

func (b *builder) build(path, category, content string) File {
	return File{
		Path:     path,
		Category: category,
		Positive: len(b.secrets) > 0,
		Secrets:  b.secrets,
		Decoys:   b.decoys,
		Content:  []byte(content),
	}
}

// fill replaces the neutral placeholders used by noise snippets.
func (g *gen) fill(s string) string {
	w := pick(g, words...)
	n := pick(g, names...)
	return strings.NewReplacer(
		"{word}", w,
		"{Word}", strings.ToUpper(w[:1])+w[1:],
		"{name}", n,
		"{Name}", strings.ToUpper(n[:1])+n[1:],
		"{n}", fmt.Sprint(between(g, 2, 90)),
		"{port}", fmt.Sprint(pick(g, 5432, 3306, 6379, 8080, 9000)),
		"{domain}", g.domain(),
		"{ver}", fmt.Sprintf("%d.%d.%d", between(g, 0, 4), between(g, 0, 20), between(g, 0, 9)),
		"{sha}", g.hex(40, false),
	).Replace(s)
}

// noise returns n filler snippets of language lang, separated by blank lines. Snippets never
// mention cPanel or WHM and hold no 32-character upper-case run.
func (g *gen) noise(lang string, n int) string {
	return strings.Join(g.snippets(lang, func(parts []string, _ int) bool { return len(parts) < n }), "\n\n")
}

// noiseLines returns filler of at least n lines, used to put distance between a definition and
// its use.
func (g *gen) noiseLines(lang string, n int) string {
	return strings.Join(g.snippets(lang, func(_ []string, lines int) bool { return lines < n }), "\n\n")
}

// snippets draws filled snippets from the pool of lang while more(parts, lineCount) holds. It
// walks a fresh permutation of the pool, so a snippet repeats only once the pool is used up.
func (g *gen) snippets(lang string, more func(parts []string, lines int) bool) []string {
	pool := noisePools[lang]
	if len(pool) == 0 {
		panic("corpus: no noise pool for " + lang)
	}
	var parts []string
	lines := 0
	var order []int
	for more(parts, lines) {
		if len(order) == 0 {
			order = g.r.Perm(len(pool))
			fresh := order[:0:0]
			for _, i := range order {
				if !g.inFile[pool[i]] {
					fresh = append(fresh, i)
				}
			}
			if len(fresh) > 0 {
				order = fresh
			}
		}
		g.inFile[pool[order[0]]] = true
		s := g.fill(pool[order[0]])
		order = order[1:]
		parts = append(parts, s)
		lines += strings.Count(s, "\n") + 2
	}
	return parts
}

// comment prefixes each line of text with the line-comment syntax of lang.
func comment(lang, text string) string {
	prefix := "# "
	switch lang {
	case "js", "ts", "go", "java", "cs", "php":
		prefix = "// "
	case "ini":
		prefix = "; "
	case "xml", "md":
		return "<!-- " + text + " -->"
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = prefix + l
	}
	return strings.Join(lines, "\n")
}

// plantDecoy returns a comment line of language lang carrying a random near-miss, labelled as a
// decoy, so positive files also exercise precision.
func (b *builder) plantDecoy(lang string) string {
	g := b.g
	switch g.intn(7) {
	case 0:
		return comment(lang, "checksum of the release bundle (md5): "+b.decoy("hex32", g.hex(32, true)))
	case 1:
		return comment(lang, "request id "+b.decoy("guid", g.guid())+" from the support ticket")
	case 2:
		return comment(lang, "e.g. Authorization: cpanel username:"+b.decoy("doc-example", pick(g, DocExampleTokens...))+" (from the docs)")
	case 3:
		return comment(lang, "build "+b.decoy("hex32", g.hex(32, true))+" deployed by CI")
	case 4:
		return comment(lang, "2FA backup seed for the shared mailbox: "+b.decoy("totp", g.base32Secret(32)))
	case 5:
		return comment(lang, "placeholder in docs: "+b.decoy("sequential-fake", pick(g, sequentialFakes...)))
	default:
		return comment(lang, "correlation "+b.decoy("guid", strings.ReplaceAll(g.guid(), "-", "")))
	}
}

// maybeDecoy plants a decoy with probability p, else returns "".
func (b *builder) maybeDecoy(lang string, p float64) string {
	if b.g.chance(p) {
		return b.plantDecoy(lang) + "\n"
	}
	return ""
}

// tpl substitutes «key» markers in s with the values that follow it in kv (key, value, ...).
// Guillemets keep the markers clear of the braces, dollars and percents of the languages shown.
func tpl(s string, kv ...string) string {
	pairs := make([]string, 0, len(kv))
	for i := 0; i+1 < len(kv); i += 2 {
		pairs = append(pairs, "«"+kv[i]+"»", kv[i+1])
	}
	out := strings.NewReplacer(pairs...).Replace(s)
	if strings.Contains(out, "«") {
		panic("corpus: unfilled template marker in " + out)
	}
	return out
}
