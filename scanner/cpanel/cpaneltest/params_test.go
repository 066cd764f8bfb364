package cpaneltest

import (
	"encoding/base64"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

func TestParseParams(t *testing.T) {
	tests := []struct {
		name  string
		query string
		body  string
		want  url.Values
	}{
		{"query only", "name=a&expires_at=1", "", url.Values{"name": {"a"}, "expires_at": {"1"}}},
		{"body after query", "name=q", "name=b", url.Values{"name": {"q", "b"}}},
		{"escapes", "new_name=a%2Db+c", "", url.Values{"new_name": {"a-b c"}}},
		{"broken pair skipped", "a=%zz&b=2", "", url.Values{"b": {"2"}}},
		{"empty key skipped", "=x&&c", "", url.Values{"c": {""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseParams(tt.query, []byte(tt.body)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMultiParam(t *testing.T) {
	tests := []struct {
		query string
		want  []string
	}{
		{"", nil},
		{"acl=all", []string{"all"}},
		{"acl-2=c&acl-0=a&acl-10=d&acl-1=b", []string{"a", "b", "c", "d"}},
		{"acl=x&acl-0=y", []string{"x", "y"}},
		{"acls-0=no&acl-x=no", nil},
		{"acl=", []string{""}},
	}
	for _, tt := range tests {
		if got := multiParam(parseParams(tt.query, nil), "acl"); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %#v, want %#v", tt.query, got, tt.want)
		}
	}
}

func TestParseAuthorization(t *testing.T) {
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	tests := []struct {
		header  string
		want    credentials
		wantErr bool
	}{
		{"cpanel alice:" + docToken1, credentials{"cpanel", "alice", docToken1}, false},
		{"CPANEL alice:" + docToken1, credentials{"cpanel", "alice", docToken1}, false},
		{"whm root:" + docToken3, credentials{"whm", "root", docToken3}, false},
		{"WHM root:abc\ndef  0123", credentials{"whm", "root", "abcdef0123"}, false},
		{"cpanel alice:a:b", credentials{"cpanel", "alice", "a:b"}, false},
		{"Basic " + b64("alice:pw:x"), credentials{"basic", "alice", "pw:x"}, false},
		{"", credentials{}, true},
		{"cpanel", credentials{}, true},
		{"cpanel :" + docToken1, credentials{}, true},
		{"cpanel alice:", credentials{}, true},
		{"Bearer " + docToken1, credentials{}, true},
		{"Basic !!!", credentials{}, true},
	}
	for _, tt := range tests {
		got, err := parseAuthorization(tt.header)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("%q: got %+v, %v; want %+v, error %v", redactTokens(tt.header), got, err, tt.want, tt.wantErr)
		}
	}
}

func FuzzParseParams(f *testing.F) {
	for _, s := range []string{"name=a&expires_at=1", "acl-0=a&acl-1=b", "a=%zz", "=&=&", "token_name-999999=x"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, query, body string) {
		v := parseParams(query, []byte(body))
		for k := range v {
			if k == "" {
				t.Fatal("empty key kept")
			}
		}
		for _, base := range []string{"acl", "whitelist_ip", "token_name"} {
			got := multiParam(v, base)
			if _, present := v[base]; present && got == nil {
				t.Fatalf("%s present but multiParam returned nil", base)
			}
		}
	})
}

func FuzzParseAuthorization(f *testing.F) {
	for _, s := range []string{"cpanel alice:" + docToken1, "WHM root:ab cd", "Basic YTpi", "whm :", "cpanel a:b:c", " x "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		c, err := parseAuthorization(h)
		if err != nil {
			if c != (credentials{}) {
				t.Fatalf("error with credentials %+v", c)
			}
			return
		}
		if c.User == "" || c.Secret == "" || strings.Contains(c.User, ":") {
			t.Fatalf("accepted %q as %+v", h, c)
		}
		switch c.Scheme {
		case "cpanel", "basic":
		case "whm":
			if strings.ContainsAny(c.Secret, " \t\r\n") {
				t.Fatalf("whm secret kept whitespace: %q", c.Secret)
			}
		default:
			t.Fatalf("unexpected scheme %q", c.Scheme)
		}
	})
}
