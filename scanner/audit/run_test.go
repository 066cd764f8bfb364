package audit

import (
	"bytes"
	"encoding/json"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tokenscan/tokenscan/scanner/inventory"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// TestGolden pins the whole output format on a realistic input: cPanel's and WHM's answers as
// they arrive over HTTP, account features, an inventory and a leaked fingerprint.
func TestGolden(t *testing.T) {
	input, err := os.ReadFile(filepath.Join("testdata", "mixed.input.json"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := Run(input, []byte(`{"max_age_days":180}`))
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, out, "", "  "); err != nil {
		t.Fatalf("output is not valid JSON: %v\n%s", err, out)
	}
	pretty.WriteByte('\n')
	golden := filepath.Join("testdata", "mixed.golden.json")
	if *update {
		if err := os.WriteFile(golden, pretty.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(pretty.Bytes(), want) {
		t.Errorf("output differs from %s (go test -update rewrites it); got:\n%s", golden, pretty.Bytes())
	}
}

func TestRunJSONErrors(t *testing.T) {
	for _, tc := range []struct{ input, policy, want string }{
		{"<html>", "", "got HTML"},
		{string(cpanelDoc(nil, fullToken("ci", 1, nil))), `{"badge":"x"}`, `unknown key "badge"`},
	} {
		out := RunJSON([]byte(tc.input), []byte(tc.policy))
		var e struct {
			Schema string `json:"schema"`
			Error  string `json:"error"`
		}
		if err := json.Unmarshal(out, &e); err != nil {
			t.Fatalf("error output is not JSON: %v\n%s", err, out)
		}
		if e.Schema != Schema || !strings.Contains(e.Error, tc.want) {
			t.Errorf("RunJSON = %s, want schema and an error mentioning %q", out, tc.want)
		}
	}
}

func fuzzSeeds() [][]byte {
	created := time.Unix(daysAgo(200), 0).UTC()
	seeds := [][]byte{
		cpanelDoc(planFeatures, fullToken("ci", created.Unix(), nil), fullToken("old", daysAgo(50), daysAgo(1))),
		cpanelDoc(nil, obj{"name": "x", "has_full_access": "0", "features": []string{"ssh", "zoneedit"}, "expires_at": daysAhead(2)}),
		whmDoc(obj{"a": obj{"acls": obj{"all": 1}}, "b": obj{"acls": []string{"list-accts"}, "whitelist_ips": "192.0.2.1"}}),
		doc(obj{
			"host":      "server.example.com",
			"cpanel":    obj{"user": "bob", "tokens": obj{"data": []obj{fullToken("ci", created.Unix(), nil)}, "status": 1}},
			"inventory": inventoryDoc(invEntry(fpA, "cpanel", "bob", "ci", created)),
			"leaked":    []string{fpA},
		}),
	}
	if b, err := os.ReadFile(filepath.Join("testdata", "mixed.input.json")); err == nil {
		seeds = append(seeds, b)
	}
	return seeds
}

// FuzzRun feeds arbitrary input documents: no panic, and whatever is accepted gives valid,
// deterministic JSON with one report per listed token.
func FuzzRun(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s, []byte(""))
	}
	f.Add([]byte(`{"schema":"tokenscan.audit/v1","now":"2026-03-01T12:00:00Z","cpanel":{"tokens":[{"name":"a","expires_at":"1"}]}}`), []byte(`{"max_age_days":1,"expiry_warning_days":36500}`))
	f.Fuzz(func(t *testing.T, input, policy []byte) {
		out, err := Run(input, policy)
		if err != nil {
			if !json.Valid(ErrorJSON(err.Error())) {
				t.Fatalf("ErrorJSON is not valid JSON for %q", err)
			}
			return
		}
		if !json.Valid(out) {
			t.Fatalf("invalid output JSON:\n%s", out)
		}
		again, _ := Run(input, policy)
		if !bytes.Equal(out, again) {
			t.Fatal("output not deterministic")
		}
		in, err := ParseInput(input)
		if err != nil {
			t.Fatalf("Run accepted what ParseInput rejects: %v", err)
		}
		n := 0
		for _, a := range []*Account{in.CPanel, in.WHM} {
			if a != nil {
				n += len(a.Tokens)
			}
		}
		var decoded struct {
			Summary struct {
				Tokens int `json:"tokens"`
			} `json:"summary"`
			Tokens []struct {
				LastUsed string `json:"last_used"`
			} `json:"tokens"`
		}
		if err := json.Unmarshal(out, &decoded); err != nil {
			t.Fatal(err)
		}
		if decoded.Summary.Tokens != n || len(decoded.Tokens) != n {
			t.Fatalf("input lists %d tokens, output reports %d/%d", n, decoded.Summary.Tokens, len(decoded.Tokens))
		}
		for _, tok := range decoded.Tokens {
			if tok.LastUsed != "unknown" {
				t.Fatalf("last_used = %q", tok.LastUsed)
			}
		}
	})
}

// FuzzInventoryReaders keeps the audit's own inventory reader in step with inventory.Parse:
// both must accept and reject the same documents and read the same entries.
func FuzzInventoryReaders(f *testing.F) {
	f.Add([]byte(`{"version":1,"entries":[{"fingerprint":"` + fpA + `","kind":"cpanel","host":"h.example.com","port":2083,"user":"bob","name":"ci","created_at":"2026-01-02T15:04:05+02:00"}]}`))
	f.Add([]byte(`{"version":1,"entries":[{"fingerprint":"` + fpA + `","kind":"whm","host":"h","user":"root","name":"ci","port":null,"cpanel_hash":null},null]}`))
	f.Add([]byte(`{"version":1,"entries":[{"Fingerprint":"` + fpA + `","kind":"whm","host":"h","user":"root","name":"ci"}]}`))
	f.Add([]byte(`{"version":1,"entries":null,"version":2}`))
	f.Add([]byte(`{"version":1.0,"entries":[]}`))
	f.Add([]byte(`{"version":1,"entries":[{"fingerprint":"` + fpA + `","kind":"cpanel","host":"h","user":"bob","name":"a","port":"1"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		std, stdErr := inventory.Parse(data)
		v, err := parseJSON(data)
		if err != nil || v.kind == jsonNull {
			// null means "no inventory" to the audit; other reader-only rejections are the
			// deliberate strictness compareWithStd documents.
			return
		}
		ours, ourErr := parseInventory(v)
		if (stdErr == nil) != (ourErr == nil) {
			t.Fatalf("readers disagree on %q:\n inventory.Parse: %v\n audit reader:    %v", data, stdErr, ourErr)
		}
		if stdErr != nil {
			return
		}
		a, b := std.Entries(), ours.Entries()
		if len(a) != len(b) {
			t.Fatalf("entry counts differ: %d vs %d", len(a), len(b))
		}
		for i := range a {
			x, y := a[i], b[i]
			if !x.CreatedAt.Equal(y.CreatedAt) {
				t.Fatalf("entry %d created_at differs: %v vs %v", i, x.CreatedAt, y.CreatedAt)
			}
			x.CreatedAt, y.CreatedAt = time.Time{}, time.Time{}
			if x != y {
				t.Fatalf("entry %d differs:\n %+v\n %+v", i, x, y)
			}
		}
	})
}

// TestEngineStaysLight guards what the WebAssembly build depends on: the allowed imports only
// (no net/http, no encoding/json, no fmt: each costs size in the extension) and no clock reads.
func TestEngineStaysLight(t *testing.T) {
	allowed := map[string]bool{
		"errors": true, "math": true, "slices": true, "strconv": true, "strings": true, "time": true,
		"unicode/utf16": true, "unicode/utf8": true,
		"github.com/tokenscan/tokenscan/scanner/inventory": true,
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		for _, imp := range f.Imports {
			if path := strings.Trim(imp.Path.Value, `"`); !allowed[path] {
				t.Errorf("%s imports %s, which the WebAssembly build should not carry", name, path)
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == "time" && (sel.Sel.Name == "Now" || sel.Sel.Name == "Since" || sel.Sel.Name == "Until") {
					t.Errorf("%s: time.%s reads the clock; the audit takes the time from its input", fset.Position(sel.Pos()), sel.Sel.Name)
				}
			}
			return true
		})
	}
	if checked == 0 {
		t.Fatal("no source files found")
	}
}

// TestWriterKeysNeedNoEscaping backs jsonWriter.key, which writes keys without escaping: every key
// the output code writes must be a plain schema name.
func TestWriterKeysNeedNoEscaping(t *testing.T) {
	plain := func(s string) bool {
		for _, c := range s {
			if (c < 'a' || c > 'z') && c != '_' {
				return false
			}
		}
		return s != ""
	}
	for _, name := range severityNames {
		if !plain(name) {
			t.Errorf("severity name %q is written as a key but needs escaping", name)
		}
	}
	f, err := parser.ParseFile(token.NewFileSet(), "output.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var keys int
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "key" || len(call.Args) != 1 {
			return true
		}
		keys++
		switch arg := call.Args[0].(type) {
		case *ast.BasicLit:
			if s := strings.Trim(arg.Value, `"`); !plain(s) {
				t.Errorf("key %s needs escaping", arg.Value)
			}
		case *ast.CallExpr: // sev.String(): checked above
		default:
			t.Errorf("key %T: only literals and severity names are known not to need escaping", arg)
		}
		return true
	})
	if keys < 20 {
		t.Fatalf("found only %d key calls in output.go: did the writer move?", keys)
	}
}
