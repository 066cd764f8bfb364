package benchdata

import (
	"math/rand/v2"
	"strconv"
)

// lang is the kind of text a generated file holds; it decides the file extension and line shapes.
type lang int

const (
	langGo lang = iota
	langPython
	langPHP
	langJS
	langYAML
	langEnv
	langJSON
	langShell
	langMarkdown
	numSourceLangs
)

// Generated (machine-written) file kinds. They are large and change in bulk.
const (
	langCSV lang = numSourceLangs + iota
	langLockJSON
	langMinJS
)

var langExt = map[lang]string{
	langGo: ".go", langPython: ".py", langPHP: ".php", langJS: ".js", langYAML: ".yaml",
	langEnv: ".env", langJSON: ".json", langShell: ".sh", langMarkdown: ".md",
	langCSV: ".csv", langLockJSON: ".json", langMinJS: ".min.js",
}

// langWeights is the mix of hand-written files in both fixtures (percent).
var langWeights = []struct {
	l lang
	w int
}{
	{langGo, 20}, {langPython, 15}, {langPHP, 16}, {langJS, 15}, {langYAML, 10},
	{langEnv, 3}, {langJSON, 8}, {langShell, 6}, {langMarkdown, 7},
}

var words = []string{
	"account", "addon", "alias", "api", "audit", "backup", "billing", "bucket", "cache", "cert",
	"client", "config", "cron", "database", "deploy", "dns", "domain", "email", "event", "export",
	"filter", "forward", "ftp", "handler", "host", "import", "invoice", "job", "limit", "log",
	"mailbox", "metrics", "mysql", "node", "order", "package", "parked", "php", "plan", "pool",
	"quota", "queue", "record", "redirect", "release", "report", "request", "reseller", "response",
	"retry", "route", "schema", "server", "session", "site", "ssl", "stats", "subdomain", "sync",
	"task", "tenant", "theme", "ticket", "timeout", "upload", "user", "vhost", "webhook", "worker", "zone",
}

var userNames = []string{"deploy", "root", "admin", "billing", "webmaster", "ci", "reseller1", "acme", "shop", "hosting"}

var hostNames = []string{
	"server1.example.com", "cp.example.net", "whm.hosting.test", "panel.acme.test",
	"srv42.example.org", "cpanel.shop.test", "203.0.113.17", "198.51.100.8",
}

const (
	upperAlnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	upperHex   = "0123456789ABCDEF"
	lowerHex   = "0123456789abcdef"
	base32Set  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	base64Set  = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
)

// contextPercent of hand-written files mention cPanel/WHM at all (API calls, env references,
// docs); in the rest, only chance hits in random strings trigger a scanner's keywords.
const contextPercent = 12

// textGen writes code-like text from one seeded source, so the same seed gives the same bytes.
type textGen struct {
	r *rand.Rand
	// context enables the lines that mention cPanel/WHM without leaking a token.
	context bool
}

func newTextGen(seed1, seed2 uint64) *textGen {
	return &textGen{r: rand.New(rand.NewPCG(seed1, seed2))}
}

func (g *textGen) word() string { return words[g.r.IntN(len(words))] }

func (g *textGen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *textGen) appendSnake(b []byte) []byte {
	b = append(b, g.word()...)
	b = append(b, '_')
	return append(b, g.word()...)
}

func (g *textGen) appendCamel(b []byte, upperFirst bool) []byte {
	w1, w2 := g.word(), g.word()
	if upperFirst {
		b = append(b, w1[0]-'a'+'A')
	} else {
		b = append(b, w1[0])
	}
	b = append(b, w1[1:]...)
	b = append(b, w2[0]-'a'+'A')
	return append(b, w2[1:]...)
}

func (g *textGen) appendUpperSnake(b []byte) []byte {
	for i, w := range []string{g.word(), g.word()} {
		if i > 0 {
			b = append(b, '_')
		}
		for j := 0; j < len(w); j++ {
			b = append(b, w[j]-'a'+'A')
		}
	}
	return b
}

func (g *textGen) appendChars(b []byte, set string, n int) []byte {
	for range n {
		b = append(b, set[g.r.IntN(len(set))])
	}
	return b
}

func (g *textGen) appendSentence(b []byte, n int) []byte {
	for i := range n {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, g.word()...)
	}
	return b
}

func (g *textGen) appendInt(b []byte, n int) []byte {
	return strconv.AppendInt(b, int64(g.r.IntN(n)), 10)
}

// appendGUID writes an upper-case GUID, a common decoy beside real tokens.
func (g *textGen) appendGUID(b []byte) []byte {
	for i, n := range []int{8, 4, 4, 4, 12} {
		if i > 0 {
			b = append(b, '-')
		}
		b = g.appendChars(b, upperHex, n)
	}
	return b
}

// appendDecoy writes a 32-character upper-case value that looks like a token but has no cPanel
// context: an MD5 checksum in upper-case hex, a base32 string, or a random upper-case ID.
func (g *textGen) appendDecoy(b []byte) []byte {
	switch g.r.IntN(3) {
	case 0:
		return g.appendChars(b, upperHex, 32)
	case 1:
		return g.appendChars(b, base32Set, 32)
	default:
		return g.appendChars(b, upperAlnum, 32)
	}
}

// newToken returns a cPanel/WHM-shaped API token: 32 characters of [0-9A-Z].
func (g *textGen) newToken() string {
	return string(g.appendChars(make([]byte, 0, 32), upperAlnum, 32))
}

func indent(b []byte, l lang, depth int) []byte {
	for range depth {
		switch l {
		case langGo:
			b = append(b, '\t')
		case langPython, langPHP:
			b = append(b, "    "...)
		default:
			b = append(b, "  "...)
		}
	}
	return b
}

// appendLine appends one line (with its newline) of the given language.
func (g *textGen) appendLine(b []byte, l lang) []byte {
	r := g.r.IntN(100)
	switch l {
	case langGo:
		b = indent(b, l, 1+g.r.IntN(2))
		switch {
		case r < 14:
			b = append(b, "if err != nil {\n"...)
			b = indent(b, l, 2)
			b = append(b, "return fmt.Errorf(\""...)
			b = g.appendSentence(b, 2+g.r.IntN(3))
			b = append(b, ": %w\", err)\n\t}"...)
		case r < 30:
			b = g.appendCamel(b, false)
			b = append(b, ", err := s."...)
			b = g.appendCamel(b, true)
			b = append(b, "(ctx, "...)
			b = g.appendCamel(b, false)
			b = append(b, ')')
		case r < 42:
			b = append(b, "// "...)
			b = g.appendSentence(b, 4+g.r.IntN(9))
		case r < 52:
			b = append(b, "func (s *"...)
			b = g.appendCamel(b, true)
			b = append(b, ") "...)
			b = g.appendCamel(b, true)
			b = append(b, "(ctx context.Context, id string) (*"...)
			b = g.appendCamel(b, true)
			b = append(b, ", error) {"...)
		case r < 60:
			b = append(b, "const "...)
			b = g.appendCamel(b, false)
			b = append(b, "Checksum = \""...)
			b = g.appendDecoy(b)
			b = append(b, '"')
		case r < 63 && g.rare():
			b = append(b, "req.Header.Set(\"Authorization\", \"cpanel \"+s.user+\":\"+s.token)"...)
		case r < 75:
			b = append(b, "slog.Info(\""...)
			b = g.appendSentence(b, 3)
			b = append(b, "\", \""...)
			b = g.appendSnake(b)
			b = append(b, "\", "...)
			b = g.appendCamel(b, false)
			b = append(b, ')')
		case r < 85:
			b = append(b, "return "...)
			b = g.appendCamel(b, false)
			b = append(b, ", nil"...)
		default:
			b = append(b, '}')
		}
	case langPython:
		b = indent(b, l, g.r.IntN(3))
		switch {
		case r < 15:
			b = append(b, "def "...)
			b = g.appendSnake(b)
			b = append(b, "(self, "...)
			b = g.appendSnake(b)
			b = append(b, "):"...)
		case r < 35:
			b = append(b, "self."...)
			b = g.appendSnake(b)
			b = append(b, " = "...)
			b = g.appendSnake(b)
			b = append(b, '(')
			b = g.appendInt(b, 1000)
			b = append(b, ')')
		case r < 45:
			b = append(b, "# "...)
			b = g.appendSentence(b, 4+g.r.IntN(8))
		case r < 52:
			b = g.appendUpperSnake(b)
			b = append(b, "_ID = \""...)
			b = g.appendDecoy(b)
			b = append(b, '"')
		case r < 55 && g.rare():
			b = append(b, "resp = requests.get(f\"https://{host}:2083/execute/"...)
			b = g.appendCamel(b, true)
			b = append(b, "\", headers={\"Authorization\": f\"cpanel {user}:{os.environ['CPANEL_TOKEN']}\"})"...)
		case r < 75:
			b = append(b, "logger.info(\""...)
			b = g.appendSentence(b, 3+g.r.IntN(4))
			b = append(b, " %s\", "...)
			b = g.appendSnake(b)
			b = append(b, ')')
		default:
			b = append(b, "return "...)
			b = g.appendSnake(b)
		}
	case langPHP:
		b = indent(b, l, 1+g.r.IntN(2))
		switch {
		case r < 20:
			b = append(b, '$')
			b = g.appendCamel(b, false)
			b = append(b, " = $this->"...)
			b = g.appendCamel(b, false)
			b = append(b, "->"...)
			b = g.appendCamel(b, false)
			b = append(b, "($"...)
			b = g.appendCamel(b, false)
			b = append(b, ");"...)
		case r < 30 && g.rare():
			b = append(b, "$result = $this->cpanel->uapi('"...)
			b = g.appendCamel(b, true)
			b = append(b, "', '"...)
			b = g.appendSnake(b)
			b = append(b, "', ['domain' => $domain]);"...)
		case r < 40:
			b = append(b, "// "...)
			b = g.appendSentence(b, 4+g.r.IntN(8))
		case r < 47:
			b = append(b, "const "...)
			b = g.appendUpperSnake(b)
			b = append(b, "_ETAG = '"...)
			b = g.appendDecoy(b)
			b = append(b, "';"...)
		case r < 50 && g.rare():
			b = append(b, "$headers = ['Authorization: cpanel ' . $user . ':' . getenv('CPANEL_TOKEN')];"...)
		case r < 60:
			b = append(b, "public function "...)
			b = g.appendCamel(b, false)
			b = append(b, "(Request $request): JsonResponse"...)
		case r < 80:
			b = append(b, "return response()->json(['"...)
			b = g.appendSnake(b)
			b = append(b, "' => $"...)
			b = g.appendCamel(b, false)
			b = append(b, "]);"...)
		default:
			b = append(b, '}')
		}
	case langJS:
		b = indent(b, l, g.r.IntN(3))
		switch {
		case r < 15:
			b = append(b, "const "...)
			b = g.appendCamel(b, false)
			b = append(b, " = await "...)
			b = g.appendCamel(b, false)
			b = append(b, "(req.params."...)
			b = g.appendCamel(b, false)
			b = append(b, ");"...)
		case r < 25:
			b = append(b, "export function "...)
			b = g.appendCamel(b, false)
			b = append(b, "("...)
			b = g.appendCamel(b, false)
			b = append(b, ", options = {}) {"...)
		case r < 35:
			b = append(b, "// "...)
			b = g.appendSentence(b, 4+g.r.IntN(8))
		case r < 42:
			b = append(b, "const "...)
			b = g.appendUpperSnake(b)
			b = append(b, " = '"...)
			b = g.appendDecoy(b)
			b = append(b, "';"...)
		case r < 44 && g.rare():
			b = append(b, "headers: { Authorization: `cpanel ${user}:${process.env.CPANEL_TOKEN}` },"...)
		case r < 60:
			b = append(b, "if (!"...)
			b = g.appendCamel(b, false)
			b = append(b, ") { throw new Error('"...)
			b = g.appendSentence(b, 3)
			b = append(b, "'); }"...)
		case r < 75:
			b = g.appendCamel(b, false)
			b = append(b, ": "...)
			b = g.appendInt(b, 100000)
			b = append(b, ',')
		default:
			b = append(b, "});"...)
		}
	case langYAML:
		b = indent(b, l, g.r.IntN(3))
		switch {
		case r < 40:
			b = g.appendSnake(b)
			b = append(b, ": "...)
			b = append(b, g.word()...)
		case r < 55:
			b = append(b, "- name: "...)
			b = g.appendSentence(b, 3)
		case r < 62:
			b = g.appendSnake(b)
			b = append(b, "_sha: "...)
			b = g.appendDecoy(b)
		case r < 65 && g.rare():
			b = append(b, "cpanel_token: \"{{ lookup('env', 'CPANEL_TOKEN') }}\""...)
		case r < 70:
			b = append(b, "image: registry.example.com/"...)
			b = append(b, g.word()...)
			b = append(b, ':')
			b = g.appendChars(b, lowerHex, 12)
		case r < 80:
			b = append(b, "# "...)
			b = g.appendSentence(b, 5)
		default:
			b = g.appendSnake(b)
			b = append(b, ": "...)
			b = g.appendInt(b, 65536)
		}
	case langEnv:
		switch {
		case r < 50:
			b = g.appendUpperSnake(b)
			b = append(b, '=')
			b = append(b, g.word()...)
		case r < 65:
			b = g.appendUpperSnake(b)
			b = append(b, "_ID="...)
			b = g.appendDecoy(b)
		case r < 70 && g.rare():
			b = append(b, "CPANEL_TOKEN=${VAULT_CPANEL_TOKEN}"...)
		case r < 75 && g.rare():
			b = append(b, "CPANEL_HOST="...)
			b = append(b, g.pick(hostNames)...)
		case r < 85:
			b = append(b, "# "...)
			b = g.appendSentence(b, 4)
		default:
			b = g.appendUpperSnake(b)
			b = append(b, "_PORT="...)
			b = g.appendInt(b, 65536)
		}
	case langJSON:
		b = indent(b, l, 1+g.r.IntN(3))
		switch {
		case r < 50:
			b = append(b, '"')
			b = g.appendCamel(b, false)
			b = append(b, "\": \""...)
			b = g.appendSentence(b, 1+g.r.IntN(3))
			b = append(b, "\","...)
		case r < 60:
			b = append(b, "\"etag\": \""...)
			b = g.appendDecoy(b)
			b = append(b, "\","...)
		case r < 65:
			b = append(b, "\"id\": \""...)
			b = g.appendGUID(b)
			b = append(b, "\","...)
		default:
			b = append(b, '"')
			b = g.appendCamel(b, false)
			b = append(b, "\": "...)
			b = g.appendInt(b, 100000)
			b = append(b, ',')
		}
	case langShell:
		switch {
		case r < 25:
			b = append(b, "echo \""...)
			b = g.appendSentence(b, 4)
			b = append(b, "\" >&2"...)
		case r < 32 && g.rare():
			b = append(b, "curl -sk -H \"Authorization: whm root:${WHM_TOKEN}\" \"https://${HOST}:2087/json-api/"...)
			b = g.appendSnake(b)
			b = append(b, "?api.version=1\""...)
		case r < 45:
			b = append(b, "# "...)
			b = g.appendSentence(b, 5)
		case r < 52:
			b = append(b, "expected_md5="...)
			b = g.appendChars(b, upperHex, 32)
		default:
			b = append(b, "  "...)
			b = append(b, g.word()...)
			b = append(b, " --"...)
			b = append(b, g.word()...)
			b = append(b, "=\"$"...)
			b = g.appendUpperSnake(b)
			b = append(b, '"')
		}
	case langMarkdown:
		switch {
		case r < 10:
			b = append(b, "## "...)
			b = g.appendSentence(b, 3)
		case r < 15 && g.rare():
			b = append(b, "Create a token in cPanel under Security > Manage API Tokens and export it as `CPANEL_TOKEN`."...)
		case r < 20 && g.rare():
			b = append(b, "    curl -H \"Authorization: cpanel $USER:$CPANEL_TOKEN\" https://$HOST:2083/execute/"...)
			b = g.appendCamel(b, true)
		default:
			b = g.appendSentence(b, 8+g.r.IntN(10))
			b = append(b, '.')
		}
	case langCSV:
		b = g.appendInt(b, 10000000)
		b = append(b, ',')
		b = g.appendGUID(b)
		b = append(b, ',')
		b = append(b, g.word()...)
		b = append(b, ".tar.gz,"...)
		b = g.appendChars(b, upperHex, 32)
		b = append(b, ',')
		b = g.appendInt(b, 1<<30)
	case langLockJSON:
		b = append(b, "    \"node_modules/"...)
		b = append(b, g.word()...)
		b = append(b, '-')
		b = append(b, g.word()...)
		b = append(b, "\": {\n      \"version\": \""...)
		b = g.appendInt(b, 20)
		b = append(b, '.')
		b = g.appendInt(b, 40)
		b = append(b, '.')
		b = g.appendInt(b, 30)
		b = append(b, "\",\n      \"resolved\": \"https://registry.npmjs.org/"...)
		b = append(b, g.word()...)
		b = append(b, "/-/"...)
		b = append(b, g.word()...)
		b = append(b, ".tgz\",\n      \"integrity\": \"sha512-"...)
		b = g.appendChars(b, base64Set, 86)
		b = append(b, "==\"\n    },"...)
	case langMinJS:
		// One long line of minified code.
		n := 2000 + g.r.IntN(30000)
		start := len(b)
		for len(b)-start < n {
			switch g.r.IntN(6) {
			case 0:
				b = append(b, "function "...)
				b = g.appendChars(b, "abcdefghijklmnopqrstuvwxyz", 1+g.r.IntN(2))
				b = append(b, "(e,t,n){return "...)
			case 1:
				b = append(b, "var "...)
				b = g.appendChars(b, "abcdefghijklmnopqrstuvwxyz", 1)
				b = append(b, "=\""...)
				b = g.appendChars(b, base64Set, 8+g.r.IntN(40))
				b = append(b, "\";"...)
			case 2:
				b = append(b, "e."...)
				b = g.appendCamel(b, false)
				b = append(b, "=t;"...)
			case 3:
				b = append(b, "{id:\""...)
				b = g.appendDecoy(b)
				b = append(b, "\"},"...)
			default:
				b = append(b, "n&&n("...)
				b = g.appendInt(b, 1000)
				b = append(b, ")}"...)
			}
		}
	}
	return append(b, '\n')
}

// appendBody appends lines of language l until at least size bytes were added.
func (g *textGen) appendBody(b []byte, l lang, size int) []byte {
	start := len(b)
	switch l {
	case langCSV:
		b = append(b, "id,guid,artifact,md5,size\n"...)
	case langLockJSON:
		b = append(b, "{\n  \"name\": \"web\",\n  \"lockfileVersion\": 3,\n  \"packages\": {\n"...)
	case langJSON:
		b = append(b, "{\n"...)
	case langPHP:
		b = append(b, "<?php\n\nnamespace App\\"...)
		b = g.appendCamel(b, true)
		b = append(b, ";\n\n"...)
	case langGo:
		b = append(b, "package "...)
		b = append(b, g.word()...)
		b = append(b, "\n\nimport (\n\t\"context\"\n\t\"fmt\"\n\t\"log/slog\"\n)\n\n"...)
	case langShell:
		b = append(b, "#!/usr/bin/env bash\nset -euo pipefail\n\n"...)
	}
	for len(b)-start < size {
		b = g.appendLine(b, l)
	}
	switch l {
	case langLockJSON:
		b = append(b, "    \"\": {}\n  }\n}\n"...)
	case langJSON:
		b = append(b, "  \"end\": true\n}\n"...)
	}
	return b
}

// appendPlantedLine appends one line that leaks token in a form typical for language l, and
// reports the context style used ("header", "env", "yaml", "json").
func (g *textGen) appendPlantedLine(b []byte, l lang, token string) ([]byte, string) {
	user := g.pick(userNames)
	host := g.pick(hostNames)
	style := "header"
	switch l {
	case langEnv:
		style = "env"
		switch g.r.IntN(4) {
		case 0:
			b = append(b, "CPANEL_TOKEN="...)
			b = append(b, token...)
		case 1:
			b = append(b, "WHM_API_TOKEN="...)
			b = append(b, token...)
		case 2:
			b = append(b, "CPANEL_API_TOKEN=\""...)
			b = append(b, token...)
			b = append(b, '"')
		default:
			b = append(b, "export CPANEL_TOKEN="...)
			b = append(b, token...)
		}
	case langYAML:
		style = "yaml"
		b = indent(b, l, g.r.IntN(2))
		switch g.r.IntN(3) {
		case 0:
			b = append(b, "cpanel_token: "...)
			b = append(b, token...)
		case 1:
			b = append(b, "whm_api_token: \""...)
			b = append(b, token...)
			b = append(b, '"')
		default:
			b = append(b, "cpanel_api_token: '"...)
			b = append(b, token...)
			b = append(b, '\'')
		}
	case langJSON:
		style = "json"
		b = append(b, "  \"cpanel_api_token\": \""...)
		b = append(b, token...)
		b = append(b, "\","...)
	case langPHP:
		b = append(b, "    curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: cpanel "...)
		b = append(b, user...)
		b = append(b, ':')
		b = append(b, token...)
		b = append(b, "']);"...)
	case langPython:
		b = append(b, "HEADERS = {\"Authorization\": \"cpanel "...)
		b = append(b, user...)
		b = append(b, ':')
		b = append(b, token...)
		b = append(b, "\"}"...)
	case langJS:
		b = append(b, "  headers: { Authorization: 'whm root:"...)
		b = append(b, token...)
		b = append(b, "' },"...)
	case langGo:
		b = append(b, "\treq.Header.Set(\"Authorization\", \"cpanel "...)
		b = append(b, user...)
		b = append(b, ':')
		b = append(b, token...)
		b = append(b, "\")"...)
	default:
		b = append(b, "curl -sk -H 'Authorization: cpanel "...)
		b = append(b, user...)
		b = append(b, ':')
		b = append(b, token...)
		b = append(b, "' \"https://"...)
		b = append(b, host...)
		b = append(b, ":2083/execute/Email/list_pops\""...)
	}
	return append(b, '\n'), style
}

// pickLang draws a hand-written file language from langWeights.
func (g *textGen) pickLang() lang {
	n := g.r.IntN(100)
	for _, lw := range langWeights {
		if n < lw.w {
			return lw.l
		}
		n -= lw.w
	}
	return langGo
}

var dirNames = []string{
	"cmd/api", "internal/billing", "internal/dns", "internal/mail", "pkg/cpanel", "app/Http/Controllers",
	"app/Services", "src/components", "src/api", "scripts", "deploy", "config", "tools/migrate",
	"docs", "ansible/roles/cpanel/tasks", "web/src/lib", "services/provisioner", "lib/whm",
}

// appendPath writes a fresh relative path for a file of language l.
func (g *textGen) appendPath(b []byte, l lang) []byte {
	if l == langEnv {
		b = append(b, g.pick([]string{"", "deploy/", "config/", "docker/"})...)
		b = append(b, ".env."...)
		return append(b, g.word()...)
	}
	b = append(b, g.pick(dirNames)...)
	b = append(b, '/')
	b = append(b, g.word()...)
	b = append(b, '_')
	b = append(b, g.word()...)
	return append(b, langExt[l]...)
}

// fileSize draws a hand-written file size: log-uniform-ish around avg, between avg/16 and 4*avg.
func (g *textGen) fileSize(avg int) int {
	lo, hi := avg/16, avg*4
	// Product of two uniforms skews small, mean ~ avg.
	f := g.r.Float64() * g.r.Float64() * 4
	n := int(float64(avg) * f)
	return min(max(n, lo), hi)
}

// rare gates lines that give cPanel/WHM context: only in context files, and thinly there.
func (g *textGen) rare() bool { return g.context && g.r.IntN(5) == 0 }
