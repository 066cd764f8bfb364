package cpaneltest

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/tokenscan/tokenscan/scanner/finding"
	"gopkg.in/yaml.v3"
)

// The reference OpenAPI excerpt sits beside the repository (also in CI).
const openAPIPath = "../../../../shared/reference/cpanel-uapi-tokens.openapi.yml"

// uapiSchemas compiles the `result` schemas of the UAPI Tokens functions from the reference
// OpenAPI file. The excerpt lacks the document header, so the named schemas are collected
// wherever they sit, turned from OpenAPI 3.0 Schema Objects into JSON Schema 2020-12 (nullable
// becomes a "null" type, refs point into $defs, examples are dropped) and compiled with a real
// validator.
type uapiSchemas struct {
	defs     map[string]any
	compiler *jsonschema.Compiler
}

func loadUAPISchemas(t *testing.T) *uapiSchemas {
	t.Helper()
	raw, err := os.ReadFile(openAPIPath)
	if err != nil {
		abs, _ := filepath.Abs(openAPIPath)
		t.Skipf("CONTRACT TEST SKIPPED: the reference OpenAPI file is missing at %s (%v); "+
			"the simulator's UAPI answers are NOT being checked against cPanel's published schemas", abs, err)
	}
	var doc any
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("parsing %s: %v", openAPIPath, err)
	}
	defs := map[string]any{}
	collectSchemas(doc, defs)
	if len(defs) == 0 {
		t.Fatalf("no inline_response_* schemas found in %s", openAPIPath)
	}
	converted := map[string]any{}
	for k, v := range defs {
		converted[k] = toJSONSchema(v)
	}
	root := map[string]any{"$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": converted}
	b, err := json.Marshal(root)
	if err != nil {
		t.Fatal(err)
	}
	res, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("mem://cpanel/uapi.json", res); err != nil {
		t.Fatal(err)
	}
	return &uapiSchemas{defs: defs, compiler: c}
}

func collectSchemas(node any, out map[string]any) {
	switch n := node.(type) {
	case map[string]any:
		for k, v := range n {
			if strings.HasPrefix(k, "inline_response_") {
				if m, ok := v.(map[string]any); ok {
					out[k] = m
					continue
				}
			}
			collectSchemas(v, out)
		}
	case []any:
		for _, v := range n {
			collectSchemas(v, out)
		}
	}
}

func toJSONSchema(node any) any {
	switch n := node.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, v := range n {
			switch k {
			case "example", "nullable", "description":
			case "$ref":
				ref, _ := v.(string)
				out[k] = strings.Replace(ref, "#/components/schemas/", "#/$defs/", 1)
			default:
				out[k] = toJSONSchema(v)
			}
		}
		if n["nullable"] == true {
			if typ, ok := n["type"].(string); ok {
				out["type"] = []any{typ, "null"}
			}
		}
		return out
	case []any:
		out := make([]any, len(n))
		for i, v := range n {
			out[i] = toJSONSchema(v)
		}
		return out
	default:
		return n
	}
}

// resultSchemaFor finds the wrapper schema of Tokens::fn by its module/func examples and
// returns the name of the `result` schema it refers to, so the mapping comes from the file.
func (u *uapiSchemas) resultSchemaFor(t *testing.T, fn string) string {
	t.Helper()
	for _, v := range u.defs {
		props, _ := v.(map[string]any)["properties"].(map[string]any)
		if props == nil {
			continue
		}
		mod, _ := props["module"].(map[string]any)
		f, _ := props["func"].(map[string]any)
		res, _ := props["result"].(map[string]any)
		if mod == nil || f == nil || res == nil || mod["example"] != "Tokens" || f["example"] != fn {
			continue
		}
		ref, _ := res["$ref"].(string)
		return strings.TrimPrefix(ref, "#/components/schemas/")
	}
	t.Fatalf("no schema for Tokens::%s in %s", fn, openAPIPath)
	return ""
}

func (u *uapiSchemas) validate(t *testing.T, schema string, body []byte) {
	t.Helper()
	sch, err := u.compiler.Compile("mem://cpanel/uapi.json#/$defs/" + schema)
	if err != nil {
		t.Fatalf("compiling %s: %v", schema, err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("answer is not JSON: %v\n%s", err, body)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("answer does not match %s:\n%s\n%v", schema, body, err)
	}
}

// genericResult is the schema the file gives a function whose data is an object or null
// (rename's). Failed calls of every function are checked against it: the per-function schemas
// describe successful data only, and on failure cPanel sends data null.
const genericResult = "inline_response_200_120_result"

func TestUAPIContract(t *testing.T) {
	schemas := loadUAPISchemas(t)
	f := newFixture(t, Options{LimitedAccessTokens: true})
	must(t, f.SeedToken(TokenSpec{User: "alice", Name: "expired", Value: docToken2,
		CreateTime: t0.Add(-72 * time.Hour), ExpiresAt: t0.Add(-time.Hour)}))
	f.MustMint(t, TokenSpec{User: "alice", Name: "limited", Features: []string{"apitokens", "filemanager"}})
	alice := cpAuth("alice", docToken1)

	tests := []struct {
		name   string
		auth   string
		fn     string
		params url.Values
		schema string // "" means the file's schema for the function
		status float64
	}{
		{"list", alice, "Tokens/list", nil, "", 1},
		{"create", alice, "Tokens/create_full_access", url.Values{"name": {"ci"}}, "", 1},
		{"create with expiry", alice, "Tokens/create_full_access",
			url.Values{"name": {"ci2"}, "expires_at": {"1900000000"}}, "", 1},
		{"rename", alice, "Tokens/rename", url.Values{"name": {"ci"}, "new_name": {"ci-renamed"}}, "", 1},
		{"revoke", alice, "Tokens/revoke", url.Values{"name": {"ci-renamed"}}, "", 1},
		{"revoke missing", alice, "Tokens/revoke", url.Values{"name": {"nope"}}, "", 1},
		{"list after changes", alice, "Tokens/list", nil, "", 1},
		{"features", alice, "Features/list_features", nil, genericResult, 1},
		{"error: bad name", alice, "Tokens/create_full_access", url.Values{"name": {"a b"}}, genericResult, 0},
		{"error: duplicate", alice, "Tokens/create_full_access", url.Values{"name": {"deploy"}}, genericResult, 0},
		{"error: past expiry", alice, "Tokens/create_full_access",
			url.Values{"name": {"x"}, "expires_at": {"1000"}}, genericResult, 0},
		{"error: rename same", alice, "Tokens/rename", url.Values{"name": {"deploy"}, "new_name": {"deploy"}}, genericResult, 0},
		{"error: revoke without name", alice, "Tokens/revoke", nil, genericResult, 0},
		{"error: no feature", cpAuth("bob", docToken4), "Tokens/list", nil, genericResult, 0},
		{"error: unknown function", alice, "Tokens/update", nil, genericResult, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := f.uapi(t, tt.auth, tt.fn, tt.params)
			if res.status != 200 {
				t.Fatalf("HTTP %d, want 200: %s", res.status, res.body)
			}
			if got := res.json(t)["status"]; got != tt.status {
				t.Fatalf("status = %v, want %v: %s", got, tt.status, res.body)
			}
			schema := tt.schema
			if schema == "" {
				schema = schemas.resultSchemaFor(t, strings.TrimPrefix(tt.fn, "Tokens/"))
			}
			schemas.validate(t, schema, res.body)
		})
	}
}

// TestUAPIContractValidatorBites proves the schema check is live: answers shaped wrongly, as a
// careless simulator might send them, are rejected.
func TestUAPIContractValidatorBites(t *testing.T) {
	schemas := loadUAPISchemas(t)
	listSchema := schemas.resultSchemaFor(t, "list")
	bad := []string{
		`{"data":[{"name":"x","create_time":"yesterday","expires_at":null,"has_full_access":1,"features":[]}],"errors":null,"messages":null,"warnings":null,"metadata":{"transformed":1},"status":1}`,
		`{"data":[{"name":"x","create_time":1,"expires_at":null,"has_full_access":2,"features":[]}],"errors":null,"messages":null,"warnings":null,"metadata":{},"status":1}`,
		`{"data":{},"errors":null,"messages":null,"warnings":null,"metadata":{},"status":1}`,
		`{"data":[],"errors":"boom","messages":null,"warnings":null,"metadata":{},"status":1}`,
		`{"data":[],"errors":null,"messages":null,"warnings":null,"metadata":{"transformed":0},"status":1}`,
	}
	sch, err := schemas.compiler.Compile("mem://cpanel/uapi.json#/$defs/" + listSchema)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bad {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(inst) == nil {
			t.Errorf("schema %s accepted a malformed answer: %s", listSchema, b)
		}
	}
}

// whmSchema is the WHM API 1 shape documented in shared/reference/cpanel-api.md (and the
// api_token_list sample in cPanel's docs), written by hand because no OpenAPI file for WHM is
// kept beside the reference.
const whmSchema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$defs": {
    "unix": {"type": "integer", "minimum": 0},
    "metadata": {
      "type": "object",
      "required": ["command", "reason", "result", "version"],
      "properties": {
        "command": {"type": "string", "minLength": 1},
        "reason": {"type": "string", "minLength": 1},
        "result": {"enum": [0, 1]},
        "version": {"const": 1}
      }
    },
    "envelope": {
      "type": "object",
      "required": ["metadata"],
      "properties": {"metadata": {"$ref": "#/$defs/metadata"}}
    },
    "ips": {"type": ["array", "null"], "items": {"type": "string"}, "maxItems": 100},
    "name": {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,50}$"},
    "listed": {
      "type": "object",
      "required": ["name", "create_time", "expires_at", "acls", "whitelist_ips"],
      "properties": {
        "name": {"$ref": "#/$defs/name"},
        "create_time": {"$ref": "#/$defs/unix"},
        "expires_at": {"type": ["integer", "null"]},
        "acls": {"type": "object", "additionalProperties": {"enum": [0, 1]}},
        "whitelist_ips": {"$ref": "#/$defs/ips"}
      }
    },
    "written": {
      "type": "object",
      "required": ["name", "create_time", "expires_at", "acls", "whitelist_ips"],
      "properties": {
        "name": {"$ref": "#/$defs/name"},
        "create_time": {"$ref": "#/$defs/unix"},
        "expires_at": {"type": ["integer", "null"]},
        "acls": {"type": "array", "items": {"type": "string"}},
        "whitelist_ips": {"$ref": "#/$defs/ips"},
        "token": {"type": "string", "pattern": "^[0-9A-Z]{32}$"}
      }
    },
    "failure": {
      "allOf": [{"$ref": "#/$defs/envelope"}],
      "properties": {"data": {"type": "null"}, "metadata": {"properties": {"result": {"const": 0}}}}
    },
    "version": {
      "allOf": [{"$ref": "#/$defs/envelope"}],
      "required": ["data"],
      "properties": {"data": {"type": "object", "required": ["version"], "properties": {"version": {"type": "string", "pattern": "^11\\.[0-9]+\\.[0-9]+\\.[0-9]+$"}}}}
    },
    "api_token_list": {
      "allOf": [{"$ref": "#/$defs/envelope"}],
      "required": ["data"],
      "properties": {"data": {"type": "object", "required": ["tokens"], "properties": {
        "tokens": {"type": "object", "additionalProperties": {"$ref": "#/$defs/listed"}}}}}
    },
    "api_token_get_details": {
      "allOf": [{"$ref": "#/$defs/envelope"}],
      "required": ["data"],
      "properties": {"data": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/listed"}]}}
    },
    "api_token_create": {
      "allOf": [{"$ref": "#/$defs/envelope"}],
      "required": ["data"],
      "properties": {"data": {"allOf": [{"$ref": "#/$defs/written"}], "required": ["token"]}}
    },
    "api_token_update": {
      "allOf": [{"$ref": "#/$defs/envelope"}],
      "required": ["data"],
      "properties": {"data": {"$ref": "#/$defs/written"}}
    },
    "api_token_revoke": {"allOf": [{"$ref": "#/$defs/envelope"}]}
  }
}`

func TestWHMContract(t *testing.T) {
	res, err := jsonschema.UnmarshalJSON(strings.NewReader(whmSchema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	must(t, c.AddResource("mem://whm.json", res))
	f := newFixture(t, Options{})
	root := whmAuth("root", docToken3)
	tests := []struct {
		name   string
		fn     string
		params url.Values
		schema string
		result float64
	}{
		{"version", "version", nil, "version", 1},
		{"list", "api_token_list", nil, "api_token_list", 1},
		{"create", "api_token_create", url.Values{"token_name": {"ci"}, "acl-0": {"list-accts"},
			"acl-1": {"create-acct"}, "whitelist_ip-0": {"127.0.0.1"}, "expires_at": {"1900000000"}}, "api_token_create", 1},
		{"list with two", "api_token_list", nil, "api_token_list", 1},
		{"details of own token", "api_token_get_details", url.Values{"token": {docToken3}}, "api_token_get_details", 1},
		{"details of unknown token", "api_token_get_details", url.Values{"token": {docToken2}}, "api_token_get_details", 1},
		{"update", "api_token_update", url.Values{"token_name": {"ci"}, "new_name": {"ci2"}, "whitelist_ip": {"any"}}, "api_token_update", 1},
		{"revoke", "api_token_revoke", url.Values{"token_name-0": {"ci2"}}, "api_token_revoke", 1},
		{"failure: revoke missing", "api_token_revoke", url.Values{"token_name": {"nope"}}, "failure", 0},
		{"failure: bad name", "api_token_create", url.Values{"token_name": {"bad name"}}, "failure", 0},
		{"failure: unknown function", "listaccts_nope", nil, "failure", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := f.whm(t, root, tt.fn, tt.params)
			if r.status != 200 {
				t.Fatalf("HTTP %d: %s", r.status, r.body)
			}
			meta, _ := r.json(t)["metadata"].(map[string]any)
			if meta["result"] != tt.result || meta["command"] != tt.fn {
				t.Fatalf("metadata = %v, want result %v for %s", meta, tt.result, tt.fn)
			}
			sch, err := c.Compile("mem://whm.json#/$defs/" + tt.schema)
			if err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(r.body))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(inst); err != nil {
				t.Errorf("answer does not match %s:\n%s\n%v", tt.schema, r.body, err)
			}
		})
	}
	if got := f.Tokens(finding.KindWHM, "root"); len(got) != 1 || got[0].Name != "billing" {
		t.Errorf("after the run root's tokens = %+v, want only billing", got)
	}
}
