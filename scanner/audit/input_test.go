package audit

import (
	"strings"
	"testing"
	"time"
)

func TestParseInputErrors(t *testing.T) {
	tok := fullToken("ci", daysAgo(1), nil)
	deep := strings.Repeat("[", 100) + strings.Repeat("]", 100)
	tests := []struct {
		name  string
		input string
		want  string
	}{
		{"empty", "  \n", "audit input: empty"},
		{"html login page", "<!DOCTYPE html><html><body>Login</body></html>", "got HTML, not JSON"},
		{"not json", "tokens please", "invalid JSON at offset 0"},
		{"truncated", string(cpanelDoc(nil, tok))[:40], "invalid JSON"},
		{"trailing garbage", string(cpanelDoc(nil, tok)) + "}", "unexpected data after the JSON value"},
		{"array", "[]", "want a JSON object, got an array"},
		{"no schema", `{"now":"2026-03-01T12:00:00Z","cpanel":{"tokens":[]}}`, `schema: want "tokenscan.audit/v1"`},
		{"other schema", `{"schema":"tokenscan.audit/v2","now":"2026-03-01T12:00:00Z","cpanel":{"tokens":[]}}`, "schema"},
		{"no now", string(doc(obj{"now": nil, "cpanel": obj{"tokens": []obj{}}})), "now: required"},
		{"now not RFC 3339", string(doc(obj{"now": "1 March 2026", "cpanel": obj{"tokens": []obj{}}})), "now: want an RFC 3339 time"},
		{"now as number", string(doc(obj{"now": 1772366400, "cpanel": obj{"tokens": []obj{}}})), "now: required"},
		{"no lists", string(doc(obj{})), "no token list"},
		{"cpanel without tokens", string(doc(obj{"cpanel": obj{"user": "bob"}})), "cpanel.tokens: missing"},
		{"cpanel tokens is HTML text", string(doc(obj{"cpanel": obj{"tokens": "<html><body>login"}})), "HTML (the cPanel session may have expired)"},
		{"cpanel tokens is a number", string(doc(obj{"cpanel": obj{"tokens": 3}})), "want the Tokens::list data array, got a number"},
		{"cpanel failure envelope", string(doc(obj{"cpanel": obj{"tokens": obj{"status": 0, "errors": []string{"The feature “apitokens” is not enabled."}, "data": nil}}})),
			"cPanel reported failure: The feature “apitokens” is not enabled."},
		{"cpanel envelope without data", string(doc(obj{"cpanel": obj{"tokens": obj{"status": 1, "data": nil, "errors": nil}}})), "the response has no data"},
		{"token not an object", string(cpanelDoc(nil, nil)), "cpanel.tokens[0]: want a token object, got null"},
		{"token without name", string(cpanelDoc(nil, obj{"has_full_access": 1})), "cpanel.tokens[0].name: want the token's name"},
		{"duplicate names", string(cpanelDoc(nil, tok, tok)), `token name "ci" appears twice`},
		{"bad full access flag", string(cpanelDoc(nil, obj{"name": "ci", "has_full_access": "yes"})), `cpanel.tokens[0] ("ci").has_full_access: want 1, 0, true or false`},
		{"create_time text", string(cpanelDoc(nil, obj{"name": "ci", "create_time": "yesterday"})), `create_time: want a Unix time in seconds, got "yesterday"`},
		{"negative expiry", string(cpanelDoc(nil, obj{"name": "ci", "expires_at": -5})), "expires_at: want a Unix time"},
		{"expiry past year 9999", string(cpanelDoc(nil, obj{"name": "ci", "expires_at": 1e15})), "expires_at: want a Unix time"},
		{"expiry as object", string(cpanelDoc(nil, obj{"name": "ci", "expires_at": obj{}})), "expires_at: want a Unix time in seconds, got an object"},
		{"features not a list", string(cpanelDoc(nil, obj{"name": "ci", "has_full_access": 0, "features": 7})), "features: want a list, got a number"},
		{"account features wrong", string(cpanelDoc("all", tok)), "cpanel.features: want the Features::list_features data, got a string"},
		{"account feature value wrong", string(cpanelDoc(obj{"ssh": "maybe"}, tok)), "cpanel.features.ssh: want 1 or 0"},
		{"cpanel user not string", string(doc(obj{"cpanel": obj{"user": 5, "tokens": []obj{}}})), "cpanel.user: want a string"},
		{"whm failure", string(doc(obj{"whm": obj{"tokens": obj{"metadata": obj{"result": 0, "reason": "Access denied"}, "data": nil}}})), "WHM reported failure: Access denied"},
		{"whm no tokens object", string(doc(obj{"whm": obj{"tokens": obj{"data": obj{}}}})), "data.tokens to be an object keyed by token name"},
		{"whm token not object", string(whmDoc(obj{"ci": "x"})), "whm.tokens.ci: want a token object, got a string"},
		{"whm acl value", string(whmDoc(obj{"ci": obj{"acls": obj{"all": "sure"}}})), "whm.tokens.ci.acls.all: want 1 or 0"},
		{"leaked not a list", string(doc(obj{"cpanel": obj{"tokens": []obj{}}, "leaked": fpA})), "leaked: want an array"},
		{"leaked bad hex", string(doc(obj{"cpanel": obj{"tokens": []obj{}}, "leaked": []string{fpA, "abc"}})), "leaked[1]: want a 64-digit sha256 hex fingerprint"},
		{"leaked is a token value", string(doc(obj{"cpanel": obj{"tokens": []obj{}}, "leaked": []string{valueA}})), "leaked[0]"},
		{"inventory without host", string(doc(obj{"cpanel": obj{"user": "bob", "tokens": []obj{}}, "inventory": inventoryDoc(invEntry(fpA, "cpanel", "bob", "ci", time.Time{}))})),
			"host: required with an inventory"},
		{"inventory without user", string(doc(obj{"host": "h", "cpanel": obj{"tokens": []obj{}}, "inventory": inventoryDoc(invEntry(fpA, "cpanel", "bob", "ci", time.Time{}))})),
			"cpanel.user: required with an inventory"},
		{"inventory bad entry", string(doc(obj{"host": "h", "cpanel": obj{"user": "bob", "tokens": []obj{}}, "inventory": inventoryDoc(invEntry("abc", "cpanel", "bob", "ci", time.Time{}))})),
			`inventory: inventory entry 0 ("ci"): fingerprint: want 64 lower-case hex`},
		{"inventory wrong version", string(doc(obj{"host": "h", "cpanel": obj{"user": "bob", "tokens": []obj{}}, "inventory": obj{"version": 2}})), "unsupported version 2"},
		{"inventory unknown key", string(doc(obj{"host": "h", "cpanel": obj{"user": "bob", "tokens": []obj{}}, "inventory": obj{"version": 1, "tokens": []string{}}})), `unknown key "tokens"`},
		{"too deep", `{"schema":"tokenscan.audit/v1","x":` + deep + `}`, "nested deeper than 64 levels"},
		{"invalid utf-8", "{\"schema\":\"tokenscan.audit/v1\",\"now\":\"2026-03-01T12:00:00Z\",\"cpanel\":{\"tokens\":[{\"name\":\"c\xffi\"}]}}", "invalid UTF-8"},
		{"control character in string", "{\"schema\":\"a\nb\"}", "control character in string"},
		{"bad escape", `{"schema":"\q"}`, `unknown escape \q`},
		{"leading zero", `{"n":01}`, "leading zero"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseInput([]byte(tt.input))
			if err == nil {
				t.Fatalf("ParseInput accepted %s", tt.input)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %q does not contain %q", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "audit input: ") {
				t.Errorf("error %q does not say it is about the audit input", err)
			}
		})
	}
}

// TestParseInputShapes feeds the same tokens in every shape cPanel and WHM deliver them in.
func TestParseInputShapes(t *testing.T) {
	created := daysAgo(3)
	data := []obj{{"name": "ci", "create_time": created, "expires_at": nil, "has_full_access": 1, "features": []string{}, "whitelist_ips": nil, "future_key": obj{"x": 1}}}
	whmTokens := obj{"ci": obj{"name": "ci", "acls": obj{"all": 1}, "whitelist_ips": nil, "expires_at": nil, "create_time": created}}
	tests := []struct {
		name  string
		input []byte
	}{
		{"cpanel bare data", doc(obj{"cpanel": obj{"tokens": data}})},
		{"cpanel HTTP envelope", doc(obj{"cpanel": obj{"tokens": obj{"data": data, "errors": nil, "messages": nil, "warnings": nil, "metadata": obj{}, "status": 1}}})},
		{"cpanel uapi CLI envelope", doc(obj{"cpanel": obj{"tokens": obj{"apiversion": 3, "func": "list", "module": "Tokens", "result": obj{"data": data, "status": 1}}}})},
		{"cpanel status as string", doc(obj{"cpanel": obj{"tokens": obj{"data": data, "status": "1"}}})},
		{"whm full response", doc(obj{"whm": obj{"tokens": obj{"data": obj{"tokens": whmTokens}, "metadata": obj{"command": "api_token_list", "result": 1, "reason": "OK", "version": 1}}}})},
		{"whm data only", doc(obj{"whm": obj{"tokens": obj{"tokens": whmTokens}}})},
		{"unknown top-level keys", doc(obj{"cpanel": obj{"tokens": data, "extra": true}, "client": "extension 1.0"})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := ParseInput(tt.input)
			if err != nil {
				t.Fatalf("ParseInput: %v", err)
			}
			acct := in.CPanel
			if acct == nil {
				acct = in.WHM
			}
			if acct == nil || len(acct.Tokens) != 1 {
				t.Fatalf("want one token, got %+v", acct)
			}
			tok := acct.Tokens[0]
			if tok.Name != "ci" || !tok.FullAccess || !tok.Expires.IsZero() || tok.Created.Unix() != created {
				t.Fatalf("token = %+v", tok)
			}
		})
	}
}

func TestLenientScalars(t *testing.T) {
	tests := []struct {
		json      string
		value, ok bool
	}{
		{`1`, true, true}, {`0`, false, true}, {`"1"`, true, true}, {`"0"`, false, true},
		{`true`, true, true}, {`false`, false, true}, {`"true"`, true, true},
		{`null`, false, false}, {`2`, false, false}, {`"yes"`, false, false}, {`""`, false, false}, {`[]`, false, false},
	}
	for _, tt := range tests {
		v, err := parseJSON([]byte(tt.json))
		if err != nil {
			t.Fatal(err)
		}
		if value, ok := cpanelBool(v); value != tt.value || ok != tt.ok {
			t.Errorf("cpanelBool(%s) = %v, %v; want %v, %v", tt.json, value, ok, tt.value, tt.ok)
		}
	}
	times := []struct {
		json string
		want int64 // 0: the zero time
	}{
		{`1549471343`, 1549471343}, {`"1549471343"`, 1549471343}, {`1549471343.9`, 1549471343},
		{`1.549471343e9`, 1549471343}, {`null`, 0}, {`0`, 0}, {`""`, 0}, {`"0"`, 0}, {`" 42 "`, 42},
		{`253402300799`, 253402300799}, {`"000000000000000000001"`, 1},
	}
	for _, tt := range times {
		v, err := parseJSON([]byte(tt.json))
		if err != nil {
			t.Fatal(err)
		}
		got, err := unixTime(v, tokenPath{}, ".x")
		if err != nil {
			t.Errorf("unixTime(%s): %v", tt.json, err)
			continue
		}
		if tt.want == 0 && !got.IsZero() || tt.want != 0 && got.Unix() != tt.want {
			t.Errorf("unixTime(%s) = %v, want %d", tt.json, got, tt.want)
		}
	}
	for _, bad := range []string{`253402300800`, `-1`, `"1e400"`, `"12ab"`, `"NaN"`, `"9999999999999999999999"`} {
		v, err := parseJSON([]byte(bad))
		if err != nil {
			t.Fatal(err)
		}
		if got, err := unixTime(v, tokenPath{index: 2, name: "ci"}, ".expires_at"); err == nil {
			t.Errorf("unixTime(%s) = %v, want an error", bad, got)
		} else if !strings.Contains(err.Error(), `cpanel.tokens[2] ("ci").expires_at: want a Unix time`) {
			t.Errorf("unixTime(%s): error %q does not name the place", bad, err)
		}
	}
}
