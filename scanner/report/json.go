package report

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// jsonSchema is the JSON Schema of the tokenscan.report/v1 document, described in
// docs/report-json.md. It is embedded so the CLI can hand it to users and tests validate the
// writer against the very file that is published.
//
//go:embed tokenscan-report-v1.schema.json
var jsonSchema []byte

// JSONSchema returns the JSON Schema (draft 2020-12) of the document WriteJSON produces.
func JSONSchema() []byte { return bytes.Clone(jsonSchema) }

// The json* types are the wire format. They are separate from the model on purpose: the
// document is a published contract and must not change because a Go field was renamed.
type jsonReport struct {
	Schema  string      `json:"schema"`
	Tool    jsonTool    `json:"tool"`
	Scan    jsonScan    `json:"scan"`
	Summary jsonSummary `json:"summary"`
	Leaks   []jsonLeak  `json:"leaks"`
	Errors  []jsonError `json:"errors"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonScan struct {
	Sources  []string   `json:"sources"`
	Started  string     `json:"started,omitempty"`
	Finished string     `json:"finished,omitempty"`
	Verify   bool       `json:"verify"`
	Revoke   bool       `json:"revoke"`
	Counts   jsonCounts `json:"counts"`
}

type jsonCounts struct {
	Files   int64          `json:"files"`
	Blobs   int64          `json:"blobs"`
	Commits int64          `json:"commits"`
	Bytes   int64          `json:"bytes"`
	Skipped map[string]int `json:"skipped"`
}

type jsonSummary struct {
	Leaks     int            `json:"leaks"`
	Locations int            `json:"locations"`
	States    map[string]int `json:"states"`
	Errors    int            `json:"errors"`
}

type jsonLeak struct {
	RuleID         string          `json:"rule_id"`
	Description    string          `json:"description"`
	Fingerprint    string          `json:"fingerprint"`
	RedactedSecret string          `json:"redacted_secret"`
	Secret         string          `json:"secret,omitempty"`
	Target         *jsonTarget     `json:"target,omitempty"`
	State          string          `json:"state"`
	Detail         string          `json:"detail,omitempty"`
	Candidates     []jsonCandidate `json:"candidates,omitempty"`
	Locations      []jsonLocation  `json:"locations"`
}

type jsonTarget struct {
	Kind string `json:"kind,omitempty"`
	Host string `json:"host,omitempty"`
	Port int    `json:"port,omitempty"`
	User string `json:"user,omitempty"`
}

type jsonCandidate struct {
	Name    string   `json:"name"`
	Created string   `json:"created,omitempty"`
	Score   *float64 `json:"score,omitempty"`
	Reason  string   `json:"reason,omitempty"`
}

type jsonLocation struct {
	Source  string `json:"source"`
	Path    string `json:"path,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Commit  string `json:"commit,omitempty"`
	Author  string `json:"author,omitempty"`
	Email   string `json:"email,omitempty"`
	Date    string `json:"date,omitempty"`
	Message string `json:"message,omitempty"`
}

type jsonError struct {
	Source  string `json:"source,omitempty"`
	Host    string `json:"host,omitempty"`
	Message string `json:"message"`
}

// WriteJSON writes the tokenscan.report/v1 document, indented, with a trailing newline.
func WriteJSON(w io.Writer, r *Report, opts Options) error {
	if r == nil {
		return errNilReport
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// Paths and messages are read by people too; "<" is nicer than "\u003c", and the document
	// is never embedded in HTML by us.
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(toJSON(r, opts)); err != nil {
		return fmt.Errorf("encoding JSON report: %w", err)
	}
	if _, err := w.Write(escapeBidiJSON(buf.Bytes())); err != nil {
		return fmt.Errorf("writing JSON report: %w", err)
	}
	return nil
}

func toJSON(r *Report, opts Options) jsonReport {
	sc := newScrubber(r.Entries)
	sum := r.Summary()
	out := jsonReport{
		Schema: SchemaVersion,
		Tool:   jsonTool{Name: sc.clean(r.Tool.Name), Version: sc.clean(r.Tool.Version)},
		Scan: jsonScan{
			Sources:  make([]string, 0, len(r.Scan.Sources)),
			Started:  jsonTime(r.Scan.Started),
			Finished: jsonTime(r.Scan.Finished),
			Verify:   r.Scan.Verify || r.Scan.Revoke,
			Revoke:   r.Scan.Revoke,
			Counts: jsonCounts{
				Files:   r.Scan.Counts.Files,
				Blobs:   r.Scan.Counts.Blobs,
				Commits: r.Scan.Counts.Commits,
				Bytes:   r.Scan.Counts.Bytes,
				Skipped: make(map[string]int),
			},
		},
		Summary: jsonSummary{
			Leaks:     sum.Leaks,
			Locations: sum.Locations,
			States:    make(map[string]int),
			Errors:    sum.Errors,
		},
		Leaks:  make([]jsonLeak, 0, len(r.Entries)),
		Errors: make([]jsonError, 0, len(r.Errors)),
	}
	for _, s := range r.Scan.Sources {
		out.Scan.Sources = append(out.Scan.Sources, sc.clean(s))
	}
	// Cleaning can make two reasons equal (two invalid byte sequences both become U+FFFD), so
	// counts are added rather than overwritten.
	for reason, n := range r.Scan.Counts.Skipped {
		out.Scan.Counts.Skipped[sc.clean(reason)] += n
	}
	for st, n := range sum.States {
		out.Summary.States[stateName(st)] += n
	}
	for _, e := range r.Entries {
		out.Leaks = append(out.Leaks, jsonEntry(e, sc, opts.ShowSecrets))
	}
	for _, e := range r.Errors {
		out.Errors = append(out.Errors, jsonError{Source: sc.clean(e.Source), Host: sc.clean(e.Host), Message: sc.clean(e.Message)})
	}
	return out
}

func jsonEntry(e Entry, sc *scrubber, show bool) jsonLeak {
	l := e.Leak
	j := jsonLeak{
		RuleID:         sc.clean(l.RuleID),
		Description:    sc.clean(l.Description),
		Fingerprint:    sc.clean(string(fingerprint(l))),
		RedactedSecret: secretField(l, false),
		State:          stateName(e.State),
		Detail:         sc.clean(e.Detail),
		Locations:      make([]jsonLocation, 0, len(l.Locations)),
	}
	if show {
		j.Secret = secretField(l, true)
	}
	if !l.Target.IsZero() {
		j.Target = &jsonTarget{Kind: sc.clean(string(l.Target.Kind)), Host: sc.clean(l.Target.Host), Port: l.Target.Port, User: sc.clean(l.Target.User)}
	}
	for _, c := range e.Candidates {
		jc := jsonCandidate{Name: sc.clean(c.Name), Created: jsonTime(c.CreateTime), Reason: sc.clean(c.Reason)}
		// JSON has no NaN or infinity; a score that is not a number is left out, not invented.
		if !math.IsNaN(c.Score) && !math.IsInf(c.Score, 0) {
			score := c.Score
			jc.Score = &score
		}
		j.Candidates = append(j.Candidates, jc)
	}
	for _, o := range l.Locations {
		j.Locations = append(j.Locations, jsonOrigin(o, sc))
	}
	return j
}

func jsonOrigin(o finding.Origin, sc *scrubber) jsonLocation {
	return jsonLocation{
		Source:  sc.clean(o.Source),
		Path:    sc.clean(o.Path),
		Line:    max(o.Line, 0),
		Column:  max(o.Column, 0),
		Commit:  sc.clean(o.Commit),
		Author:  sc.clean(o.Author),
		Email:   sc.clean(o.Email),
		Date:    jsonTime(o.Date),
		Message: sc.clean(o.Message),
	}
}

// jsonTime writes instants in UTC, RFC 3339, so documents from different machines compare.
func jsonTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// fingerprint is the leak's own fingerprint, or the one its value implies when the caller left it
// out: every consumer keys on it, so it is never written empty when it can be known.
func fingerprint(l finding.Leak) finding.Fingerprint {
	if l.Fingerprint == "" && l.Secret != "" {
		return finding.FingerprintOf(l.Secret)
	}
	return l.Fingerprint
}
