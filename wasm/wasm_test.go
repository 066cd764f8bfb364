//go:build !js

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tokenscan/tokenscan/scanner/audit"
)

// hundredTokenInput is a busy account: 90 cPanel tokens covering every cPanel finding and 10 WHM
// tokens, in the HTTP envelopes the extension passes through unchanged.
func hundredTokenInput(now time.Time) []byte {
	day := int64(24 * time.Hour / time.Second)
	at := func(days int) int64 { return now.Unix() + int64(days)*day }
	var cp []map[string]any
	for i := range 90 {
		tok := map[string]any{
			"name":            fmt.Sprintf("token-%03d", i),
			"create_time":     at(-(i*5 + 1)),
			"expires_at":      at(i%20 - 5),
			"has_full_access": 1,
			"features":        []string{},
		}
		if i%3 == 0 {
			tok["expires_at"] = nil
		}
		if i%4 == 0 {
			tok["has_full_access"] = "0"
			tok["features"] = []string{"webmail", "zoneedit"}
		}
		cp = append(cp, tok)
	}
	whm := map[string]any{}
	for i := range 10 {
		tok := map[string]any{
			"acls":          map[string]int{"all": i % 2, "list-accts": 1},
			"whitelist_ips": nil,
			"expires_at":    at(30),
			"create_time":   at(-i * 40),
		}
		if i%3 == 0 {
			tok["whitelist_ips"] = []string{"192.0.2.10"}
		}
		whm[fmt.Sprintf("whm-%02d", i)] = tok
	}
	b, err := json.Marshal(map[string]any{
		"schema": audit.Schema,
		"now":    now.Format(time.RFC3339),
		"host":   "server.example.com",
		"cpanel": map[string]any{
			"user":     "bob",
			"tokens":   map[string]any{"data": cp, "errors": nil, "status": 1, "metadata": map[string]any{}},
			"features": map[string]any{"data": map[string]int{"apitokens": 1, "filemanager": 1, "zoneedit": 1, "webmail": 1}, "status": 1},
		},
		"whm": map[string]any{
			"user":   "root",
			"tokens": map[string]any{"data": map[string]any{"tokens": whm}, "metadata": map[string]any{"result": 1, "reason": "OK"}},
		},
	})
	if err != nil {
		panic(err)
	}
	return b
}

type nodeOutput struct {
	Version struct {
		Schema string `json:"schema"`
		Go     string `json:"go"`
	} `json:"version"`
	Result json.RawMessage              `json:"result"`
	Bad    map[string]map[string]string `json:"bad"`
	Again  json.RawMessage              `json:"again"`
}

// TestWasmUnderNode builds the real module and drives it through wasm_exec.js in Node, the way
// the extension's service worker does, and checks that it answers exactly what the native audit
// answers.
func TestWasmUnderNode(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("skipping: node not found in PATH; the WebAssembly end-to-end test needs Node.js (apt-get install nodejs)")
	}
	if testing.Short() {
		t.Skip("skipping the WebAssembly build in -short mode")
	}
	dir := t.TempDir()
	wasmPath := filepath.Join(dir, "tokenscan.wasm")
	build := exec.Command("go", "build", "-ldflags=-s -w", "-o", wasmPath, ".")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the wasm: %v\n%s", err, out)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	glue := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js")

	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	input := hundredTokenInput(now)
	inputPath := filepath.Join(dir, "input.json")
	if err := os.WriteFile(inputPath, input, 0o600); err != nil {
		t.Fatal(err)
	}
	policy := `{"max_age_days":120}`
	policyPath := filepath.Join(dir, "policy.json")
	if err := os.WriteFile(policyPath, []byte(policy), 0o600); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(node, filepath.Join("testdata", "run.mjs"), glue, wasmPath, inputPath, policyPath)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var got nodeOutput
	if err := json.Unmarshal(stdout, &got); err != nil {
		t.Fatalf("node output is not JSON: %v\n%s", err, stdout)
	}

	if got.Version.Schema != audit.Schema || got.Version.Go != runtime.Version() {
		t.Errorf("version() = %+v, want schema %s built with %s", got.Version, audit.Schema, runtime.Version())
	}

	native, err := audit.Run(input, []byte(policy))
	if err != nil {
		t.Fatalf("native audit: %v", err)
	}
	var fromWasm, fromNative map[string]any
	if err := json.Unmarshal(got.Result, &fromWasm); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(native, &fromNative); err != nil {
		t.Fatal(err)
	}
	if e, ok := fromWasm["error"]; ok {
		t.Fatalf("wasm audit failed: %v", e)
	}
	if !reflect.DeepEqual(fromWasm, fromNative) {
		t.Fatalf("wasm and native results differ:\nwasm:   %s\nnative: %s", got.Result, native)
	}

	// Independent of the native run: the facts the badge rests on.
	var res struct {
		Summary struct {
			Tokens  int    `json:"tokens"`
			Flagged int    `json:"flagged"`
			Worst   string `json:"worst"`
			Badge   string `json:"badge"`
		} `json:"summary"`
		Tokens []struct {
			Name     string `json:"name"`
			LastUsed string `json:"last_used"`
		} `json:"tokens"`
	}
	if err := json.Unmarshal(got.Result, &res); err != nil {
		t.Fatal(err)
	}
	if res.Summary.Tokens != 100 || len(res.Tokens) != 100 {
		t.Fatalf("want 100 tokens audited, got summary %d, list %d", res.Summary.Tokens, len(res.Tokens))
	}
	if res.Summary.Worst != "critical" || res.Summary.Flagged == 0 || res.Summary.Badge != fmt.Sprint(res.Summary.Flagged) {
		t.Errorf("summary = %+v, want worst critical and a badge equal to the flagged count", res.Summary)
	}
	for _, tok := range res.Tokens {
		if tok.LastUsed != "unknown" {
			t.Fatalf("token %s: last_used = %q, want unknown", tok.Name, tok.LastUsed)
		}
	}

	for call, want := range map[string]string{
		"html":         "got HTML",
		"notString":    "inputJSON must be a string",
		"noArgs":       "inputJSON must be a string",
		"badPolicy":    `unknown key "max_age"`,
		"policyObject": "policyJSON must be a string",
	} {
		e := got.Bad[call]
		if e["schema"] != audit.Schema || !strings.Contains(e["error"], want) {
			t.Errorf("bad call %s answered %v, want an error mentioning %q", call, e, want)
		}
	}
	var again map[string]any
	if err := json.Unmarshal(got.Again, &again); err != nil || !reflect.DeepEqual(again, fromNative["summary"]) {
		t.Errorf("after the bad calls the module answered %s, want the same summary as before", got.Again)
	}
}
