package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// ANSI styles for the text report; used only when Options.Color is set.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[33m"
	ansiGreen  = "\x1b[32m"
	ansiDim    = "\x1b[2m"
)

// shortSHALen matches git's default abbreviation, so a reader can paste it into git show.
const shortSHALen = 7

// WriteText writes the human report: one block per token (grouped, redacted), every place it was
// seen, partial failures, and a one-line summary at the end where a terminal leaves the eye.
func WriteText(w io.Writer, r *Report, opts Options) error {
	if r == nil {
		return errNilReport
	}
	t := textWriter{sc: newScrubber(r.Entries), color: opts.Color}
	t.header(r)
	for _, e := range r.Entries {
		t.entry(e, opts.ShowSecrets)
	}
	t.errors(r.Errors)
	t.summary(r)
	if _, err := w.Write(t.buf.Bytes()); err != nil {
		return fmt.Errorf("writing text report: %w", err)
	}
	return nil
}

type textWriter struct {
	buf   bytes.Buffer
	sc    *scrubber
	color bool
}

func (t *textWriter) printf(format string, args ...any) { fmt.Fprintf(&t.buf, format, args...) }

// style wraps s in an ANSI style when colour was asked for.
func (t *textWriter) style(code, s string) string {
	if !t.color || s == "" {
		return s
	}
	return code + s + ansiReset
}

// c cleans untrusted text for the terminal.
func (t *textWriter) c(s string) string { return t.sc.cleanTerminal(s) }

func (t *textWriter) header(r *Report) {
	name := r.Tool.Name
	if name == "" {
		name = "tokenscan"
	}
	t.printf("%s", t.c(name))
	if r.Tool.Version != "" {
		t.printf(" %s", t.c(r.Tool.Version))
	}
	t.printf("\n")
	for _, s := range r.Scan.Sources {
		t.printf("scanned: %s\n", t.c(s))
	}
	switch {
	case r.Scan.Revoke:
		t.printf("mode: verify and revoke\n")
	case r.Scan.Verify:
		t.printf("mode: verify\n")
	}
}

func stateStyle(s finding.State) string {
	switch s {
	case finding.StateLive, finding.StateRevokeFailed, finding.StateUnresolved, finding.StateUnknown:
		return ansiRed
	case finding.StateRevokedConfirmed:
		return ansiGreen
	case finding.StateDead:
		return ansiDim
	}
	return ansiYellow
}

func (t *textWriter) entry(e Entry, showSecret bool) {
	l := e.Leak
	secret := t.c(secretField(l, false))
	if showSecret {
		// The raw value is printed on purpose here: the user asked for it. It is still cleaned
		// of control characters, which a real token never contains.
		secret = escapeControls(secretField(l, true))
	}
	t.printf("\n%s  %s  fingerprint %s\n", t.style(ansiBold, secret), t.c(l.RuleID), t.c(fingerprint(l).Short()))
	t.printf("  state:      %s\n", t.style(stateStyle(e.State), stateName(e.State)))
	if e.Detail != "" {
		t.printf("  detail:     %s\n", t.c(e.Detail))
	}
	if tg := targetText(l.Target); tg != "" {
		t.printf("  target:     %s\n", t.c(tg))
	}
	t.printf("  locations:  %d\n", len(l.Locations))
	for _, o := range l.Locations {
		t.printf("    %s\n", t.location(o))
	}
	if len(e.Candidates) > 0 {
		t.printf("  candidates:\n")
		for _, cand := range e.Candidates {
			t.printf("    %s\n", t.candidate(cand))
		}
	}
}

func targetText(tg finding.Target) string {
	if tg.IsZero() {
		return ""
	}
	var b strings.Builder
	if tg.Kind != "" {
		b.WriteString(string(tg.Kind))
	}
	addr := tg.Host
	if tg.User != "" {
		addr = tg.User + "@" + addr
	}
	if tg.Port != 0 {
		addr = fmt.Sprintf("%s:%d", addr, tg.Port)
	}
	if addr != "" {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(addr)
	}
	return b.String()
}

// location renders one sighting as "path:line:col  commit abc1234  Name <email>  2024-01-02",
// leaving out what is unknown.
func (t *textWriter) location(o finding.Origin) string {
	where := o.Path
	if where == "" {
		where = o.Source
	}
	if where == "" {
		where = "(unknown location)"
	}
	where = t.c(where)
	if o.Line > 0 {
		where += fmt.Sprintf(":%d", o.Line)
		if o.Column > 0 {
			where += fmt.Sprintf(":%d", o.Column)
		}
	}
	parts := []string{where}
	switch {
	case o.Commit != "":
		parts = append(parts, "commit "+t.c(shortSHA(o.Commit)))
	case o.Path != "" && o.Source != "":
		// Without a commit, say where the file was read (working tree, staged, ...): the same
		// path often appears once from history and once from the checkout.
		parts = append(parts, "("+t.c(o.Source)+")")
	}
	if who := author(o); who != "" {
		parts = append(parts, t.c(who))
	}
	if !o.Date.IsZero() {
		parts = append(parts, o.Date.UTC().Format(time.DateOnly))
	}
	return strings.Join(parts, "  ")
}

func shortSHA(sha string) string {
	r := []rune(sha)
	if len(r) > shortSHALen {
		return string(r[:shortSHALen])
	}
	return sha
}

func author(o finding.Origin) string {
	switch {
	case o.Author != "" && o.Email != "":
		return o.Author + " <" + o.Email + ">"
	case o.Email != "":
		return "<" + o.Email + ">"
	}
	return o.Author
}

func (t *textWriter) candidate(c Candidate) string {
	parts := []string{t.c(c.Name)}
	if !c.CreateTime.IsZero() {
		parts = append(parts, "created "+c.CreateTime.UTC().Format(time.RFC3339))
	}
	parts = append(parts, fmt.Sprintf("score %.2f", c.Score))
	if c.Reason != "" {
		parts = append(parts, t.c(c.Reason))
	}
	return strings.Join(parts, "  ")
}

func (t *textWriter) errors(errs []ScanError) {
	if len(errs) == 0 {
		return
	}
	t.printf("\n%s\n", t.style(ansiRed, "errors:"))
	for _, e := range errs {
		t.printf("  %s\n", t.c(e.Error()))
	}
}

// summary is the one line a person (or a CI log tail) reads first.
func (t *textWriter) summary(r *Report) {
	s := r.Summary()
	var parts []string
	if s.Leaks == 0 {
		parts = append(parts, "no leaks found")
	} else {
		var states []string
		for _, st := range orderedStates(s.States) {
			states = append(states, fmt.Sprintf("%d %s", s.States[st], stateName(st)))
		}
		parts = append(parts, fmt.Sprintf("%s (%s) in %s",
			plural(s.Leaks, "leak", "leaks"), strings.Join(states, ", "), plural(s.Locations, "location", "locations")))
	}
	c := r.Scan.Counts
	scanned := []string{plural64(c.Files, "file", "files")}
	if c.Blobs > 0 {
		scanned = append(scanned, plural64(c.Blobs, "blob", "blobs"))
	}
	if c.Commits > 0 {
		scanned = append(scanned, plural64(c.Commits, "commit", "commits"))
	}
	scanned = append(scanned, humanBytes(c.Bytes))
	parts = append(parts, "scanned "+strings.Join(scanned, ", "))
	if n := c.SkippedTotal(); n > 0 {
		var reasons []string
		for _, reason := range sortedKeys(c.Skipped) {
			if c.Skipped[reason] > 0 {
				reasons = append(reasons, fmt.Sprintf("%s %d", t.c(reason), c.Skipped[reason]))
			}
		}
		parts = append(parts, fmt.Sprintf("skipped %d (%s)", n, strings.Join(reasons, ", ")))
	}
	if s.Errors > 0 {
		parts = append(parts, t.style(ansiRed, plural(s.Errors, "error", "errors")))
	}
	if !r.Scan.Started.IsZero() && !r.Scan.Finished.IsZero() {
		parts = append(parts, "took "+r.Scan.Finished.Sub(r.Scan.Started).Round(time.Millisecond).String())
	}
	t.printf("\n%s\n", strings.Join(parts, "; "))
}

func plural(n int, one, many string) string { return plural64(int64(n), one, many) }

func plural64(n int64, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// humanBytes uses binary units, as du -h and git count-objects -H do.
func humanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < 5; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}
