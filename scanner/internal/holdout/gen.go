// Package holdout generates an independent, labelled holdout corpus of files that
// do or do not leak cPanel/WHM API tokens (and legacy WHM access hashes). It was
// written without looking at tokenscan's rules or its main corpus, as a second
// author would, to estimate how well the detector generalises.
//
// Everything is derived from a seed with math/rand/v2, so a run is reproducible.
// Nothing is written to disk: Generate returns the files in memory.
package holdout

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"regexp"
	"sort"
	"strings"
)

// Case is one generated file.
type Case struct {
	Path     string
	Category string // template category, e.g. "pos/curl-header" or "neg/totp-secret"
	Positive bool   // the template is meant to leak at least one secret
	Data     []byte
	// Secrets are the labelled leaks, normalised (see Normalize).
	Secrets []string
}

// Normalize is how a reported secret and a label are compared: whitespace and
// literal \n / \r escapes removed (a multi-line WHM access hash compares equal to
// its one-line form).
func Normalize(s string) string {
	s = strings.ReplaceAll(s, `\n`, "")
	s = strings.ReplaceAll(s, `\r`, "")
	return strings.Join(strings.Fields(s), "")
}

type tmpl struct {
	cat  string
	path string
	body string
	n    int // instances; 0 means the default for the kind
}

const (
	alnum   = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	hexU    = "0123456789ABCDEF"
	hexL    = "0123456789abcdef"
	base32A = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
)

// DocExamples are the example tokens printed in cPanel's documentation.
var DocExamples = []string{
	"JPQNSRU0DH448UJLGXH7KVJECC5QN9N9",
	"U7HMR63FGY292DQZ4H5BFH16JLYMO01M",
	"U7HMR63FHY282DQZ4H5BIH16JLYSO01M",
	"GVJWD78FF12NMBFKYKPS9BJ483C0XSQH",
}

type gen struct {
	r *rand.Rand
}

func (g *gen) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }

func (g *gen) str(n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[g.r.IntN(len(alphabet))]
	}
	return string(b)
}

func (g *gen) token() string { return g.str(32, alnum) }

// accessHash is a legacy WHM remote access key: lower-case hex in 30 lines of 32.
func (g *gen) accessHashLines() []string {
	lines := make([]string, 30)
	for i := range lines {
		lines[i] = g.str(32, hexL)
	}
	return lines
}

var (
	brands = []string{"acmehost", "bluepeak", "nordweb", "sunrise-it", "pixelforge", "hostbarn", "kiwicloud",
		"webwerk", "redoak", "lumen-hosting", "tidalnet", "oakleaf", "brightline", "zenhost", "cobaltweb", "mapleserv"}
	tlds      = []string{"com", "net", "io", "co.uk", "de", "nl", "com.au", "org", "ca", "fr"}
	cpUsers   = []string{"john.doe", "my-shop", "acme", "shopfront", "jdoe", "blog2021", "clientx", "wpsite", "mktg", "bakery", "lawfirm", "devops", "nfarm", "petshop", "studio9", "kbrown", "agency", "rentals", "dental", "cafe42", "photog", "crm"}
	whmUsers  = []string{"root", "root", "root", "reseller1", "hostadmin", "resell", "wholesale", "ops"}
	tokNames  = []string{"deploy", "backup-cron", "ci", "github-actions", "ansible", "whmcs", "monitoring", "migration_2023", "letsencrypt-hook", "dns-sync", "billing", "terraform"}
	uapiCalls = []string{"execute/Email/list_pops", "execute/DomainInfo/list_domains", "execute/Mysql/list_databases",
		"execute/Backup/fullbackup_to_homedir", "execute/SSL/list_certs", "execute/Quota/get_quota_info",
		"execute/ZoneEdit/fetchzone_records?domain=@DOMAIN@", "execute/Ftp/list_ftp", "execute/Tokens/list",
		"execute/DNS/parse_zone?zone=@DOMAIN@", "execute/Email/add_pop?email=info&domain=@DOMAIN@&password=@PASS@"}
	whmCalls = []string{"json-api/listaccts?api.version=1", "json-api/version?api.version=1", "json-api/accountsummary?api.version=1&user=@USER@",
		"json-api/createacct?api.version=1&username=@USER@&domain=@DOMAIN@", "json-api/suspendacct?api.version=1&user=@USER@",
		"json-api/list_pkgs?api.version=1", "json-api/showbw?api.version=1", "json-api/api_token_list?api.version=1",
		"json-api/cpanel?cpanel_jsonapi_user=@USER@&cpanel_jsonapi_apiversion=3&cpanel_jsonapi_module=Email&cpanel_jsonapi_func=list_pops",
		"json-api/loadavg?api.version=1", "json-api/get_domain_info?api.version=1"}
)

var markerRe = regexp.MustCompile(`@[A-Z][A-Z0-9_]*@`)
var choiceRe = regexp.MustCompile(`«([^«»]*)»`)
var choiceName = regexp.MustCompile(`^([a-z][a-z0-9]*)=`)

// instance holds the values of one rendered file.
type instance struct {
	g       *gen
	n       int
	vals    map[string]string
	choices map[string]int
	labels  []string
}

func (in *instance) get(m string) string {
	if v, ok := in.vals[m]; ok {
		return v
	}
	v := in.value(m)
	in.vals[m] = v
	return v
}

func (in *instance) label(s string) { in.labels = append(in.labels, Normalize(s)) }

func (in *instance) kind() string { return in.get("@KIND@") }

func (in *instance) value(m string) string {
	g := in.g
	switch m {
	// ---- labelled secrets
	case "@TOK@", "@TOK2@", "@TOK3@":
		t := g.token()
		in.label(t)
		return t
	case "@B64TOK@":
		return base64.StdEncoding.EncodeToString([]byte(in.get("@TOK@")))
	case "@B64TOK2@":
		return base64.StdEncoding.EncodeToString([]byte(in.get("@TOK2@")))
	case "@B64TOKNL@": // as `echo TOKEN | base64` would produce (trailing newline)
		return base64.StdEncoding.EncodeToString([]byte(in.get("@TOK@") + "\n"))
	case "@HASHLINES@": // access hash, real new lines
		return strings.Join(in.hash(), "\n")
	case "@HASHESC@": // access hash, literal \n escapes inside a string
		return strings.Join(in.hash(), `\n`)
	case "@HASH1@": // access hash, one line
		return strings.Join(in.hash(), "")
	// ---- request shape, coordinated per file
	case "@KIND@":
		return g.pick("cpanel", "cpanel", "whm")
	case "@SCHEME@":
		return in.kind()
	case "@SCHEMEU@":
		return strings.ToUpper(in.kind())
	case "@SCHEMEC@":
		if in.kind() == "whm" {
			return "Whm"
		}
		return "Cpanel"
	case "@SCHEMEN@":
		if in.kind() == "whm" {
			return "WHM"
		}
		return "cPanel"
	case "@PORT@":
		if in.kind() == "whm" {
			return "2087"
		}
		return "2083"
	case "@ACCT@":
		if in.kind() == "whm" {
			return in.get("@WHMUSER@")
		}
		return in.get("@USER@")
	case "@EP@":
		if in.kind() == "whm" {
			return in.expand(g.pick(whmCalls...))
		}
		return in.expand(g.pick(uapiCalls...))
	case "@UAPI@":
		return in.expand(g.pick(uapiCalls...))
	case "@WHMAPI@":
		return in.expand(g.pick(whmCalls...))
	// ---- people and places
	case "@USER@", "@USER2@":
		return g.pick(cpUsers...) + g.pick("", "", "", fmt.Sprint(g.r.IntN(90)+10))
	case "@WHMUSER@":
		return g.pick(whmUsers...)
	case "@BRAND@":
		return g.pick(brands...)
	case "@DOMAIN@", "@DOMAIN2@":
		return g.pick(brands...) + "." + g.pick(tlds...)
	case "@HOST@", "@HOST2@":
		switch g.r.IntN(5) {
		case 0:
			return fmt.Sprintf("203.0.113.%d", g.r.IntN(250)+2)
		case 1:
			return "cpanel." + in.get("@DOMAIN@")
		case 2:
			return "whm." + in.get("@DOMAIN@")
		default:
			return fmt.Sprintf("%s%d.%s", g.pick("server", "srv", "host", "vps", "cp", "web"), g.r.IntN(60)+1, in.get("@DOMAIN@"))
		}
	case "@PLAINHOST@", "@PLAINHOST2@": // a host name that says nothing about cPanel/WHM
		return fmt.Sprintf("%s%d.%s", g.pick("server", "srv", "node", "vps", "app", "db"), g.r.IntN(60)+1, in.get("@DOMAIN@"))
	case "@IP@":
		return fmt.Sprintf("198.51.100.%d", g.r.IntN(250)+2)
	case "@EMAIL@":
		return g.pick("ops", "admin", "jane", "mike.t", "support", "it") + "@" + in.get("@DOMAIN@")
	case "@NAME@":
		return g.pick(tokNames...)
	case "@PASS@":
		return g.str(14, "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
	case "@TS@", "@TS2@":
		return fmt.Sprint(1_600_000_000 + g.r.IntN(150_000_000))
	case "@DATE@":
		return fmt.Sprintf("2024-%02d-%02d", g.r.IntN(12)+1, g.r.IntN(28)+1)
	case "@TIME@":
		return fmt.Sprintf("%02d:%02d:%02d", g.r.IntN(24), g.r.IntN(60), g.r.IntN(60))
	case "@N@":
		return fmt.Sprint(in.n)
	case "@NUM@", "@NUM2@":
		return fmt.Sprint(g.r.IntN(9000) + 100)
	case "@BT@":
		return "`"
	case "@BT3@":
		return "```"
	// ---- decoys (never labelled)
	case "@RND@", "@RND2@", "@RND3@":
		return g.token()
	case "@HEXU@", "@HEXU2@":
		return g.str(32, hexU)
	case "@HEXL@", "@HEXL2@":
		return g.str(32, hexL)
	case "@SHA1@":
		return g.str(40, hexL)
	case "@SHA256@":
		return g.str(64, hexL)
	case "@SHA512@", "@SHA512B@":
		return g.str(128, hexL)
	case "@GUID@", "@GUID2@":
		s := g.str(32, hexU)
		return s[:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:]
	case "@GUIDL@":
		s := g.str(32, hexL)
		return s[:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:]
	case "@GUIDND@":
		return g.str(32, hexU)
	case "@B32@", "@B32B@":
		return g.str(32, base32A)
	case "@B32_16@":
		return g.str(16, base32A)
	case "@DOC@", "@DOC2@":
		return g.pick(DocExamples...)
	case "@SEQ@":
		return g.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", "0123456789ABCDEFGHIJKLMNOPQRSTUV",
			"1234567890ABCDEFGHIJKLMNOPQRSTUV", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "ABCDABCDABCDABCDABCDABCDABCDABCD",
			"12345678901234567890123456789012", "A1B2C3D4E5F6G7H8I9J0K1L2M3N4O5P6", "ZYXWVUTSRQPONMLKJIHGFEDCBA987654",
			"0000000000000000000000000000000A", "XYZ123XYZ123XYZ123XYZ123XYZ123XY", "ABC123ABC123ABC123ABC123ABC123AB",
			"TOKEN0000000000000000000000000001")
	case "@R31@":
		return g.str(31, alnum)
	case "@R33@":
		return g.str(33, alnum)
	case "@R40@":
		return g.str(40, alnum)
	case "@R24@":
		return g.str(24, alnum)
	case "@CPSESS@", "@CPSESS2@":
		return fmt.Sprintf("%010d", g.r.Int64N(10_000_000_000))
	case "@MIXED32@": // mixed-case alnum, 32 chars
		return g.str(32, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
	case "@LOW32@":
		return g.str(32, "0123456789abcdefghijklmnopqrstuvwxyz")
	case "@B64BLOB@":
		var lines []string
		for range 18 {
			lines = append(lines, g.str(64, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"))
		}
		return strings.Join(lines, "\n")
	case "@LICENSE@":
		s := g.str(25, alnum)
		return s[:5] + "-" + s[5:10] + "-" + s[10:15] + "-" + s[15:20] + "-" + s[20:]
	case "@FILL_PY@":
		return in.filler(pyFill)
	case "@FILL_JS@":
		return in.filler(jsFill)
	case "@FILL_PHP@":
		return in.filler(phpFill)
	case "@FILL_SH@":
		return in.filler(shFill)
	case "@FILL_GO@":
		return in.filler(goFill)
	case "@FILL_YAML@":
		return in.filler(yamlFill)
	}
	panic("holdout: unknown marker " + m)
}

func (in *instance) hash() []string {
	if _, ok := in.vals["@@hash"]; !ok {
		lines := in.g.accessHashLines()
		in.vals["@@hash"] = strings.Join(lines, "\n")
		in.label(strings.Join(lines, ""))
	}
	return strings.Split(in.vals["@@hash"], "\n")
}

func (in *instance) filler(lines []string) string {
	n := 18 + in.g.r.IntN(25)
	var out []string
	for len(out) < n {
		out = append(out, in.expand(lines[in.g.r.IntN(len(lines))]))
	}
	return strings.Join(out, "\n")
}

// expand resolves choices «a¦b» and then markers.
func (in *instance) expand(s string) string {
	s = choiceRe.ReplaceAllStringFunc(s, func(c string) string {
		inner := c[len("«") : len(c)-len("»")]
		// The same choice text picks the same alternative throughout a file, and
		// «name=a¦b» choices sharing a name pick the same index.
		key := "«" + inner
		if m := choiceName.FindStringSubmatch(inner); m != nil {
			key, inner = "«#"+m[1], inner[len(m[0]):]
		}
		opts := strings.Split(inner, "¦")
		idx, ok := in.choices[key]
		if !ok {
			idx = in.g.r.IntN(len(opts))
			in.choices[key] = idx
		}
		return opts[idx%len(opts)]
	})
	for markerRe.MatchString(s) {
		s = markerRe.ReplaceAllStringFunc(s, in.get)
	}
	return s
}

func (g *gen) render(t tmpl, n int, positive bool) Case {
	in := &instance{g: g, n: n, vals: map[string]string{}, choices: map[string]int{}}
	body := in.expand(t.body)
	path := in.expand(t.path)
	seen := map[string]bool{}
	var secrets []string
	for _, l := range in.labels {
		if !seen[l] {
			seen[l] = true
			secrets = append(secrets, l)
		}
	}
	sort.Strings(secrets)
	if positive && len(secrets) == 0 {
		panic("holdout: positive template without secrets: " + t.cat)
	}
	if !positive && len(secrets) != 0 {
		panic("holdout: negative template with secrets: " + t.cat)
	}
	return Case{Path: path, Category: t.cat, Positive: positive, Data: []byte(body), Secrets: secrets}
}

// Generate builds the corpus for a seed.
func Generate(seed uint64) []Case {
	g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	var out []Case
	used := map[string]int{}
	add := func(ts []tmpl, positive bool, def int) {
		for _, t := range ts {
			n := t.n
			if n == 0 {
				n = def
			}
			for i := range n {
				c := g.render(t, i, positive)
				if used[c.Path] > 0 {
					base, ext := c.Path, ""
					if dot, slash := strings.LastIndex(c.Path, "."), strings.LastIndex(c.Path, "/"); dot > slash+1 {
						base, ext = c.Path[:dot], c.Path[dot:]
					}
					for k := used[c.Path]; ; k++ {
						if p := fmt.Sprintf("%s_%d%s", base, k, ext); used[p] == 0 {
							used[c.Path]++
							c.Path = p
							break
						}
					}
				}
				used[c.Path]++
				c.Category = map[bool]string{true: "pos/", false: "neg/"}[positive] + c.Category
				out = append(out, c)
			}
		}
	}
	add(positives, true, 4)
	add(negatives, false, 4)
	return out
}
