// Package report turns the outcome of a scan into what people and machines read: a human text
// report, a versioned JSON document (tokenscan.report/v1), SARIF 2.1.0 for code-scanning upload,
// and the process exit code. Every writer redacts token values unless the caller explicitly
// asks for them, so a report never becomes a leak of its own.
package report

import (
	"slices"
	"time"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// SchemaVersion names the JSON document format. It changes only when a change would break an
// existing consumer; added fields keep the version (see docs/report-json.md).
const SchemaVersion = "tokenscan.report/v1"

// Report is everything a scan produced: what was scanned, which tokens leaked and what became of
// them, and which parts of the scan failed. Partial failures sit beside the results rather than
// replacing them, so one unreachable host never hides the leaks found elsewhere.
type Report struct {
	Tool    Tool
	Scan    Scan
	Entries []Entry
	Errors  []ScanError
}

// Tool identifies the program that wrote the report.
type Tool struct {
	Name    string
	Version string
}

// Scan describes the run itself. Started and Finished are set by the caller from its own clock
// (writers never read the time), so tests can pin them.
type Scan struct {
	Sources  []string // what was scanned, e.g. "dir:.", "git:https://example.com/acme/site.git"
	Started  time.Time
	Finished time.Time
	Verify   bool // tokens were checked against their hosts (--verify or --revoke)
	Revoke   bool // revocation was asked for (--revoke); changes what the exit code demands
	Counts   Counts
}

// Counts says how much was looked at, so "no leaks" can be told apart from "nothing scanned".
type Counts struct {
	Files   int64
	Blobs   int64
	Commits int64
	Bytes   int64
	// Skipped counts files that were not scanned, by reason ("binary", "too-large", ...).
	Skipped map[string]int
}

// SkippedTotal is the number of skipped files over all reasons.
func (c Counts) SkippedTotal() int {
	n := 0
	for _, v := range c.Skipped {
		n += v
	}
	return n
}

// Entry is one leaked token and what tokenscan learnt about it.
type Entry struct {
	Leak   finding.Leak
	State  finding.State
	Detail string // why the state is what it is, e.g. the error behind "unknown"
	// Candidates are the token names that might belong to the leaked value when it could not be
	// resolved safely (state "unresolved"), best first, so a person can finish the job.
	Candidates []Candidate
}

// Candidate is a token name on the server that may be the leaked one.
type Candidate struct {
	Name       string
	CreateTime time.Time
	Score      float64 // higher is a better match; comparable only within one entry
	Reason     string  // why it is a candidate, e.g. "created 2 minutes before the commit"
}

// ScanError is a partial failure: one source or host that could not be handled while the rest
// of the scan went on.
type ScanError struct {
	Source  string // the source being scanned, if the failure belongs to one
	Host    string // the cPanel/WHM host being contacted, if the failure belongs to one
	Message string
}

// Error lets a ScanError travel as an error where that is convenient.
func (e ScanError) Error() string {
	switch {
	case e.Source != "" && e.Host != "":
		return e.Source + " (" + e.Host + "): " + e.Message
	case e.Source != "":
		return e.Source + ": " + e.Message
	case e.Host != "":
		return e.Host + ": " + e.Message
	}
	return e.Message
}

// Summary is the report in numbers, shared by the text and JSON writers.
type Summary struct {
	Leaks     int
	Locations int
	States    map[finding.State]int
	Errors    int
}

// Summary counts leaks, locations and states.
func (r *Report) Summary() Summary {
	s := Summary{States: make(map[finding.State]int)}
	for _, e := range r.Entries {
		s.Leaks++
		s.Locations += len(e.Leak.Locations)
		s.States[e.State]++
	}
	s.Errors = len(r.Errors)
	return s
}

// stateOrder lists states most urgent first; human output follows it so the token that needs a
// person's attention is read first.
var stateOrder = []finding.State{
	finding.StateLive,
	finding.StateRevokeFailed,
	finding.StateUnresolved,
	finding.StateUnknown,
	finding.StateUnchecked,
	finding.StateDead,
	finding.StateRevokedConfirmed,
}

// orderedStates returns the states present in counts, known ones in urgency order and any
// unknown future state after them, sorted, so output stays deterministic.
func orderedStates(counts map[finding.State]int) []finding.State {
	var out, extra []finding.State
	for _, s := range stateOrder {
		if counts[s] > 0 {
			out = append(out, s)
		}
	}
	for s, n := range counts {
		if n > 0 && !slices.Contains(stateOrder, s) {
			extra = append(extra, s)
		}
	}
	slices.Sort(extra)
	return append(out, extra...)
}

// stateName spells a state for output; the empty state is written "unchecked" because an empty
// string reads as missing data.
func stateName(s finding.State) string {
	if s == finding.StateUnchecked {
		return "unchecked"
	}
	return string(s)
}

// sortedKeys gives map output a stable order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
