package cpaneltest

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// maxBodyBytes caps a request body; cPanel's own limits are larger, but no token call needs more.
const maxBodyBytes = 1 << 20

// readParams merges the query string and, for POST, a form body: cPanel accepts both and the
// Manage API Tokens page POSTs forms.
func readParams(r *http.Request) (url.Values, error) {
	var body []byte
	if r.Method == http.MethodPost && r.Body != nil {
		ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		switch ct {
		case "", "application/x-www-form-urlencoded":
			b, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBodyBytes))
			if err != nil {
				return nil, fmt.Errorf("reading form body: %w", err)
			}
			body = b
		case "multipart/form-data":
			if err := r.ParseMultipartForm(maxBodyBytes); err != nil {
				return nil, fmt.Errorf("reading multipart body: %w", err)
			}
			v := parseParams(r.URL.RawQuery, nil)
			for k, vs := range r.MultipartForm.Value {
				v[k] = append(v[k], vs...)
			}
			return v, nil
		}
	}
	return parseParams(r.URL.RawQuery, body), nil
}

// parseParams parses a query string and a url-encoded body leniently, as cPanel does: a broken
// pair is skipped instead of failing the whole call. Body values follow query values.
func parseParams(rawQuery string, body []byte) url.Values {
	out := url.Values{}
	for _, part := range []string{rawQuery, string(body)} {
		for pair := range strings.SplitSeq(part, "&") {
			if pair == "" {
				continue
			}
			k, v, _ := strings.Cut(pair, "=")
			key, err1 := url.QueryUnescape(k)
			val, err2 := url.QueryUnescape(v)
			if err1 != nil || err2 != nil || key == "" {
				continue
			}
			out[key] = append(out[key], val)
		}
	}
	return out
}

var indexedParam = regexp.MustCompile(`^(.+)-(\d{1,6})$`)

// multiParam collects a repeated parameter the cPanel way: `base`, then `base-0`, `base-1`, ...
// in numeric order (gaps allowed). It returns nil when none is present, so callers can tell
// "not given" from "given empty".
func multiParam(v url.Values, base string) []string {
	type indexed struct {
		n   int
		val []string
	}
	var found bool
	var out []string
	if vs, ok := v[base]; ok {
		found = true
		out = append(out, vs...)
	}
	var rest []indexed
	for k, vs := range v {
		m := indexedParam.FindStringSubmatch(k)
		if m == nil || m[1] != base {
			continue
		}
		n, _ := strconv.Atoi(m[2])
		rest = append(rest, indexed{n, vs})
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i].n < rest[j].n })
	for _, r := range rest {
		found = true
		out = append(out, r.val...)
	}
	if !found {
		return nil
	}
	if out == nil {
		out = []string{}
	}
	return out
}

// credentials is a parsed Authorization header. Secret is a token, an access hash or a
// password depending on Scheme; it must never be logged.
type credentials struct {
	Scheme string // "cpanel", "whm" or "basic"
	User   string
	Secret string
}

var errNoCredentials = errors.New("no Authorization header")

// parseAuthorization reads `cpanel user:TOKEN`, `whm user:TOKEN`, `WHM user:ACCESSHASH` and
// `Basic base64(user:pass)`. The user part ends at the first colon, as on cPanel. Whitespace
// inside a WHM secret is dropped because access hashes are pasted over several lines.
func parseAuthorization(h string) (credentials, error) {
	h = strings.TrimSpace(h)
	if h == "" {
		return credentials{}, errNoCredentials
	}
	scheme, rest, ok := strings.Cut(h, " ")
	if !ok {
		return credentials{}, errors.New("authorization header has no credentials after the scheme")
	}
	rest = strings.TrimSpace(rest)
	c := credentials{Scheme: strings.ToLower(scheme)}
	switch c.Scheme {
	case "basic":
		raw, err := base64.StdEncoding.DecodeString(rest)
		if err != nil {
			return credentials{}, errors.New("authorization header: bad base64 in basic credentials")
		}
		rest = string(raw)
	case "cpanel", "whm":
	default:
		return credentials{}, fmt.Errorf("authorization header: unsupported scheme %q", scheme)
	}
	user, secret, ok := strings.Cut(rest, ":")
	if !ok || user == "" || secret == "" {
		return credentials{}, errors.New("authorization header: expected user:secret")
	}
	if c.Scheme == "whm" {
		secret = strings.Join(strings.Fields(secret), "")
	}
	c.User, c.Secret = user, secret
	return c, nil
}
