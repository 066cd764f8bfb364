package cpanel

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseUAPILenient(t *testing.T) {
	tests := []struct {
		name       string
		body       string
		wantStatus bool
		wantErr    string
		wantErrors []string
	}{
		{"number", `{"status":1,"data":[],"errors":null}`, true, "", nil},
		{"string", `{"status":"1","data":null}`, true, "", nil},
		{"bool", `{"status":true}`, true, "", nil},
		{"failure", `{"status":0,"errors":["This account does not have access to the “apitokens” feature."]}`, false, "",
			[]string{"This account does not have access to the “apitokens” feature."}},
		{"error as string", `{"status":"0","errors":"nope"}`, false, "", []string{"nope"}},
		{"extra keys", `{"status":1,"data":[],"metadata":{"transformed":1},"whitelist_ips":["1.2.3.4"],"x":{}}`, true, "", nil},
		{"cli wrapper", `{"apiversion":3,"func":"list","module":"Tokens","result":{"status":1,"data":[]}}`, true, "", nil},
		{"bom and space", "\xef\xbb\xbf  {\"status\":1}\n", true, "", nil},
		{"html login", "<!DOCTYPE html><html><head><title>cPanel Login</title></head><body><form><input type=\"password\"></form></body></html>", false, "session expired / login page, not JSON", nil},
		{"html error", "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", false, "a proxy or error page", nil},
		{"empty", "", false, "empty answer", nil},
		{"null", "null", false, "JSON null", nil},
		{"array", "[]", false, "not a JSON object", nil},
		{"no status", `{"data":[]}`, false, "no status field", nil},
		{"bad status", `{"status":"maybe"}`, false, "want a boolean", nil},
		{"truncated", `{"status":1,"data":[{"name":"a"`, false, "not a JSON object", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := ParseUAPI([]byte(tc.body))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want it to contain %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Status != tc.wantStatus {
				t.Errorf("status = %v, want %v", r.Status, tc.wantStatus)
			}
			if strings.Join(r.Errors, "|") != strings.Join(tc.wantErrors, "|") {
				t.Errorf("errors = %q, want %q", r.Errors, tc.wantErrors)
			}
			var apiErr *APIError
			if !tc.wantStatus && !errors.As(r.Err(), &apiErr) {
				t.Errorf("Err() = %v, want *APIError", r.Err())
			}
		})
	}
}

func TestParseUAPITokenList(t *testing.T) {
	r, err := ParseUAPI([]byte(`{"status":1,"data":[
		{"name":"deploy","create_time":1700000000,"expires_at":null,"has_full_access":1,"features":[]},
		{"name":"old","create_time":"1600000000","expires_at":"1650000000","has_full_access":"0","features":["ftpaccts"],"whitelist_ips":[]},
		{"name":"bare"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	list, err := parseUAPITokenList(r.Data)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 {
		t.Fatalf("got %d tokens", len(list))
	}
	if got := list[0]; got.Name != "deploy" || !got.CreateTime.Equal(time.Unix(1700000000, 0)) || !got.ExpiresAt.IsZero() || !got.HasFullAccess {
		t.Errorf("token 0 = %+v", got)
	}
	if got := list[1]; got.HasFullAccess || !got.ExpiresAt.Equal(time.Unix(1650000000, 0)) || len(got.Features) != 1 {
		t.Errorf("token 1 = %+v", got)
	}
	if !list[2].HasFullAccess {
		t.Error("a token without has_full_access should default to full access (the v120 behaviour)")
	}
	for _, bad := range []string{`{"name":"x"}`, `[{"create_time":1}]`, `[{"name":"x","create_time":1.5}]`, `[{"name":"x","has_full_access":"perhaps"}]`} {
		if _, err := parseUAPITokenList([]byte(bad)); err == nil {
			t.Errorf("parseUAPITokenList(%s) accepted", bad)
		}
	}
}

func TestParseWHM(t *testing.T) {
	r, err := ParseWHM([]byte(`{"data":{"tokens":{"b":{"create_time":"20","acls":{"all":1}},"a":{"name":"a","create_time":10,"expires_at":null,"whitelist_ips":null}}},
		"metadata":{"command":"api_token_list","reason":"OK","result":"1","version":1}}`))
	if err != nil || !r.Result {
		t.Fatalf("ParseWHM: %+v, %v", r, err)
	}
	list, err := parseWHMTokenList(r.Data)
	if err != nil || len(list) != 2 || list[0].Name != "a" || list[1].Name != "b" {
		t.Fatalf("list = %+v, %v", list, err)
	}
	fail, err := ParseWHM([]byte(`{"metadata":{"result":0,"reason":"The following API tokens do not exist: “x”"}}`))
	if err != nil || fail.Result || !strings.Contains(fail.Err().Error(), "do not exist") {
		t.Fatalf("failure = %+v, %v", fail, err)
	}
	tok, err := parseWHMTokenDetails([]byte(`null`))
	if tok != nil || err != nil {
		t.Errorf("details(null) = %v, %v", tok, err)
	}
	tok, err = parseWHMTokenDetails([]byte(`{"name":"billing","create_time":5,"acls":{"all":1}}`))
	if err != nil || tok.Name != "billing" {
		t.Errorf("details = %+v, %v", tok, err)
	}
	if _, err := ParseWHM([]byte(`{"cpanelresult":{}}`)); err == nil || !strings.Contains(err.Error(), "no metadata") {
		t.Errorf("API 0 answer: %v", err)
	}
	if _, err := ParseWHM([]byte(`<html><title>WHM Login</title>login</html>`)); err == nil || !strings.Contains(err.Error(), "login page") {
		t.Errorf("HTML: %v", err)
	}
}

func TestParseAuthnFile(t *testing.T) {
	m, err := ParseAuthnFile([]byte(`{"tokens":{"abc":{"name":"deploy","create_time":1,"acls":[]},"def":{}}}`))
	if err != nil || m["abc"] != "deploy" || len(m) != 1 {
		t.Fatalf("%v %v", m, err)
	}
	for _, bad := range []string{``, `{}`, `[]`, `{"tokens":[]}`} {
		if _, err := ParseAuthnFile([]byte(bad)); err == nil {
			t.Errorf("ParseAuthnFile(%q) accepted", bad)
		}
	}
}

// The parsers read whatever a server (or something pretending to be one) sends: they must
// never panic, and whatever they accept must be self-consistent.
func FuzzParseUAPI(f *testing.F) {
	for _, s := range []string{
		`{"status":1,"data":[{"name":"a","create_time":1,"expires_at":null,"has_full_access":1,"features":[]}]}`,
		`{"status":"0","errors":"x","data":null}`,
		`{"result":{"status":true,"data":[{"name":"b","create_time":"2"}]}}`,
		`<!DOCTYPE html><title>Login</title>`,
		`{"status":1,"data":{"x":1}}`,
		`{"status":1e400}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		r, err := ParseUAPI(body)
		if err != nil {
			if r != nil {
				t.Fatal("result and error")
			}
			return
		}
		if (r.Err() == nil) != r.Status {
			t.Fatal("Err disagrees with Status")
		}
		list, err := parseUAPITokenList(r.Data)
		if err == nil {
			for _, tok := range list {
				if tok.Name == "" {
					t.Fatal("token without name accepted")
				}
			}
		}
	})
}

func FuzzParseWHM(f *testing.F) {
	for _, s := range []string{
		`{"data":{"tokens":{"a":{"name":"a","create_time":1,"acls":{"all":1}}}},"metadata":{"result":1,"reason":"OK"}}`,
		`{"data":null,"metadata":{"result":"0","reason":["x"]}}`,
		`{"data":{"name":"n","create_time":"7"},"metadata":{"result":true}}`,
		`<html><head><title>WHM</title></head></html>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		r, err := ParseWHM(body)
		if err != nil {
			return
		}
		if (r.Err() == nil) != r.Result {
			t.Fatal("Err disagrees with Result")
		}
		if tok, err := parseWHMTokenDetails(r.Data); err == nil && tok != nil && tok.Name == "" {
			t.Fatal("details without name accepted")
		}
		if list, err := parseWHMTokenList(r.Data); err == nil {
			for _, tok := range list {
				_ = tok.ExpiredAt(time.Now())
			}
		}
	})
}
