package report_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tokenscan/tokenscan/scanner/report"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/report")

const goldenDir = "../../testdata/report"

// The vendored SARIF schema and the digest it had when it was taken from its npm package (see
// testdata/report/SARIF-SCHEMA.md); the digest stops anyone from "fixing" a failing test by
// editing the schema.
const (
	sarifSchemaFile   = goldenDir + "/sarif-schema-2.1.0-rtm.5.json"
	sarifSchemaSHA256 = "2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8"
	reportSchemaURL   = "https://github.com/tokenscan/tokenscan/scanner/report/tokenscan-report-v1.schema.json"
)

var (
	schemasOnce             sync.Once
	sarifSchema, jsonSchema *jsonschema.Schema
	sarifSchemaErr, jsonErr error
	errSchemaDigest         = errors.New("vendored SARIF schema does not match its recorded SHA-256")
)

// schemas compiles both schemas once per test binary: the fuzz target validates every input.
func schemas(t testing.TB) (sarif, tokenscanJSON *jsonschema.Schema) {
	t.Helper()
	schemasOnce.Do(func() {
		sarifSchema, sarifSchemaErr = compileSARIFSchema()
		jsonSchema, jsonErr = compileReportSchema()
	})
	if sarifSchemaErr != nil {
		t.Fatalf("SARIF schema: %v", sarifSchemaErr)
	}
	if jsonErr != nil {
		t.Fatalf("report schema: %v", jsonErr)
	}
	return sarifSchema, jsonSchema
}

func compileSARIFSchema() (*jsonschema.Schema, error) {
	raw, err := os.ReadFile(sarifSchemaFile)
	if err != nil {
		return nil, err
	}
	if sum := sha256.Sum256(raw); hex.EncodeToString(sum[:]) != sarifSchemaSHA256 {
		return nil, errSchemaDigest
	}
	abs, err := filepath.Abs(sarifSchemaFile)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	return c.Compile(abs)
}

func compileReportSchema() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(report.JSONSchema()))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(reportSchemaURL, doc); err != nil {
		return nil, err
	}
	return c.Compile(reportSchemaURL)
}

func validate(t testing.TB, sch *jsonschema.Schema, out []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("output does not validate: %v\n%s", err, out)
	}
}

func TestGolden(t *testing.T) {
	sarifSch, jsonSch := schemas(t)
	tests := []struct {
		golden string
		report func() *report.Report
		format report.Format
		opts   report.Options
	}{
		{"full.txt", fullReport, report.FormatText, report.Options{}},
		{"full-color.txt", fullReport, report.FormatText, report.Options{Color: true}},
		{"full.json", fullReport, report.FormatJSON, report.Options{}},
		{"full.sarif", fullReport, report.FormatSARIF, report.Options{}},
		{"clean.txt", cleanReport, report.FormatText, report.Options{}},
		{"clean.json", cleanReport, report.FormatJSON, report.Options{}},
		{"clean.sarif", cleanReport, report.FormatSARIF, report.Options{}},
		{"hostile.txt", hostileReport, report.FormatText, report.Options{}},
		{"hostile.json", hostileReport, report.FormatJSON, report.Options{}},
		{"hostile.sarif", hostileReport, report.FormatSARIF, report.Options{}},
		{"show-secrets.txt", showSecretsReport, report.FormatText, report.Options{ShowSecrets: true}},
		{"show-secrets.json", showSecretsReport, report.FormatJSON, report.Options{ShowSecrets: true}},
		// SARIF ignores ShowSecrets; the golden file proves the value stays redacted.
		{"show-secrets.sarif", showSecretsReport, report.FormatSARIF, report.Options{ShowSecrets: true}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.golden)
			f, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := report.Write(f, tt.format, tt.report(), tt.opts); err != nil {
				t.Fatalf("Write: %v", err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			switch tt.format {
			case report.FormatJSON:
				validate(t, jsonSch, got)
			case report.FormatSARIF:
				validate(t, sarifSch, got)
			}
			want := filepath.Join(goldenDir, tt.golden)
			if *update {
				if err := os.WriteFile(want, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			wantBytes, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("%v (run go test ./scanner/report -update to create it)", err)
			}
			if !bytes.Equal(got, wantBytes) {
				t.Errorf("output differs from %s (run with -update to accept):\n--- got ---\n%s\n--- want ---\n%s", want, got, wantBytes)
			}
		})
	}
}

// TestSchemasRejectInvalid proves the validators are awake: a schema that accepted anything would
// make every validation above pass.
func TestSchemasRejectInvalid(t *testing.T) {
	sarifSch, jsonSch := schemas(t)
	tests := []struct {
		name   string
		schema *jsonschema.Schema
		doc    string
		valid  bool
	}{
		// The valid baselines show that each rejection below is for the one defect it names.
		{"SARIF baseline", sarifSch, `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},"results":[{"message":{"text":"m"},"level":"error","locations":[{"physicalLocation":{"artifactLocation":{"uri":"a%5Cb"},"region":{"startLine":1}}}]}]}]}`, true},
		{"report baseline", jsonSch, `{"schema":"tokenscan.report/v1","tool":{"name":"t","version":"1"},"scan":{"sources":[],"verify":false,"revoke":false,"counts":{"files":0,"blobs":0,"commits":0,"bytes":0,"skipped":{}}},"summary":{"leaks":0,"locations":0,"states":{"live":1},"errors":0},"leaks":[],"errors":[]}`, true},
		{"SARIF unknown level", sarifSch, `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},"results":[{"message":{"text":"m"},"level":"critical"}]}]}`, false},
		{"SARIF wrong version", sarifSch, `{"version":"2.0.0","runs":[]}`, false},
		{"SARIF line 0", sarifSch, `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},"results":[{"message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a"},"region":{"startLine":0}}}]}]}]}`, false},
		{"SARIF bad URI", sarifSch, `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},"results":[{"message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a\\b"}}}]}]}]}`, false},
		{"report without schema", jsonSch, `{"tool":{"name":"t","version":"1"},"scan":{"sources":[],"verify":false,"revoke":false,"counts":{"files":0,"blobs":0,"commits":0,"bytes":0,"skipped":{}}},"summary":{"leaks":0,"locations":0,"states":{},"errors":0},"leaks":[],"errors":[]}`, false},
		{"report with unknown state", jsonSch, `{"schema":"tokenscan.report/v1","tool":{"name":"t","version":"1"},"scan":{"sources":[],"verify":false,"revoke":false,"counts":{"files":0,"blobs":0,"commits":0,"bytes":0,"skipped":{}}},"summary":{"leaks":0,"locations":0,"states":{"gone":1},"errors":0},"leaks":[],"errors":[]}`, false},
	}
	for _, tt := range tests {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(tt.doc))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if err := tt.schema.Validate(inst); (err == nil) != tt.valid {
			t.Errorf("%s: valid=%v, want %v (%v)", tt.name, err == nil, tt.valid, err)
		}
	}
}
