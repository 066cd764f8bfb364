package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"github.com/tokenscan/tokenscan/rules"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// SARIF constants. The $schema URI is the one GitHub's code-scanning documentation uses.
const (
	sarifVersion   = "2.1.0"
	sarifSchemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

	// Keys of result.partialFingerprints. The token key lets a code-scanning service (and us)
	// recognise the same token across runs and files; the location key keeps the one-result-
	// per-location results distinct, so a service that merges equal fingerprints does not fold
	// forty sightings into one. "/v1" versions each recipe, as SARIF recommends.
	fingerprintKeyToken    = "tokenFingerprint/v1"
	fingerprintKeyLocation = "tokenLocation/v1"

	defaultRuleID          = "cpanel-token-leak"
	defaultRuleDescription = "Leaked cPanel/WHM API token"
)

// sarifLog and the types below are the subset of SARIF 2.1.0 that tokenscan writes.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name    string      `json:"name"`
	Version string      `json:"version,omitempty"`
	Rules   []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string              `json:"id"`
	ShortDescription     sarifText           `json:"shortDescription"`
	FullDescription      sarifText           `json:"fullDescription"`
	Help                 sarifMultiformat    `json:"help"`
	DefaultConfiguration sarifConfiguration  `json:"defaultConfiguration"`
	Properties           sarifRuleProperties `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifMultiformat struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProperties struct {
	Tags      []string `json:"tags"`
	Precision string   `json:"precision"`
	// GitHub reads this to rank security alerts (critical is 9.0 and above): a working admin
	// token for a hosting account is as bad as findings get.
	SecuritySeverity string `json:"security-severity"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	StartTimeUTC               string              `json:"startTimeUtc,omitempty"`
	EndTimeUTC                 string              `json:"endTimeUtc,omitempty"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level      string              `json:"level"`
	Message    sarifText           `json:"message"`
	Properties *sarifErrorLocation `json:"properties,omitempty"`
}

type sarifErrorLocation struct {
	Source string `json:"source,omitempty"`
	Host   string `json:"host,omitempty"`
}

type sarifResult struct {
	RuleID              string                `json:"ruleId"`
	RuleIndex           int                   `json:"ruleIndex"`
	Level               string                `json:"level"`
	Message             sarifText             `json:"message"`
	Locations           []sarifLocation       `json:"locations,omitempty"`
	PartialFingerprints map[string]string     `json:"partialFingerprints"`
	Properties          sarifResultProperties `json:"properties"`
}

type sarifResultProperties struct {
	State          string `json:"state"`
	RedactedSecret string `json:"redactedSecret"`
	Detail         string `json:"detail,omitempty"`
	Target         string `json:"target,omitempty"`
	Source         string `json:"source,omitempty"`
	Commit         string `json:"commit,omitempty"`
	Author         string `json:"author,omitempty"`
	Date           string `json:"date,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// WriteSARIF writes a SARIF 2.1.0 log for code-scanning upload: one rule per detection rule, one
// result per location (so every sighting is annotated in place), the token fingerprint in
// partialFingerprints, and partial failures as tool execution notifications. Token values are
// always redacted here, --show-secrets or not.
func WriteSARIF(w io.Writer, r *Report) error {
	if r == nil {
		return errNilReport
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(toSARIF(r)); err != nil {
		return fmt.Errorf("encoding SARIF report: %w", err)
	}
	if _, err := w.Write(escapeBidiJSON(buf.Bytes())); err != nil {
		return fmt.Errorf("writing SARIF report: %w", err)
	}
	return nil
}

func toSARIF(r *Report) sarifLog {
	sc := newScrubber(r.Entries)
	name := sc.clean(r.Tool.Name)
	if name == "" {
		name = "tokenscan"
	}
	inv := sarifInvocation{
		ExecutionSuccessful: len(r.Errors) == 0,
		StartTimeUTC:        jsonTime(r.Scan.Started),
		EndTimeUTC:          jsonTime(r.Scan.Finished),
	}
	for _, e := range r.Errors {
		n := sarifNotification{Level: "error", Message: sarifText{Text: nonEmpty(sc.cleanTerminal(e.Error()), "unknown error")}}
		if e.Source != "" || e.Host != "" {
			n.Properties = &sarifErrorLocation{Source: sc.clean(e.Source), Host: sc.clean(e.Host)}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	run := sarifRun{
		Tool:        sarifTool{Driver: sarifDriver{Name: name, Version: sc.clean(r.Tool.Version), Rules: []sarifRule{}}},
		Invocations: []sarifInvocation{inv},
		Results:     []sarifResult{},
	}
	ruleIndex := make(map[string]int)
	for _, e := range r.Entries {
		id := nonEmpty(sc.clean(e.Leak.RuleID), defaultRuleID)
		idx, ok := ruleIndex[id]
		if !ok {
			idx = len(run.Tool.Driver.Rules)
			ruleIndex[id] = idx
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleFor(id, nonEmpty(sc.clean(e.Leak.Description), defaultRuleDescription)))
		}
		run.Results = append(run.Results, sarifResults(e, id, idx, sc)...)
	}
	return sarifLog{Schema: sarifSchemaURI, Version: sarifVersion, Runs: []sarifRun{run}}
}

func sarifRuleFor(id, description string) sarifRule {
	return sarifRule{
		ID:               id,
		ShortDescription: sarifText{Text: description},
		FullDescription: sarifText{Text: description + ". Anyone who can read the repository, a clone, a fork " +
			"or a CI log of it can act as the token's cPanel or WHM account until the token is revoked."},
		Help:                 ruleHelp(id),
		DefaultConfiguration: sarifConfiguration{Level: "error"},
		Properties: sarifRuleProperties{
			Tags:             []string{"security", "secret", "cpanel"},
			Precision:        "very-high",
			SecuritySeverity: "9.0",
		},
	}
}

// ruleHelp is the rule's own advice (rules.Help: what this kind of leak is and what to do about
// it) followed by the steps every leaked token needs; a rule tokenscan does not know gets the
// steps alone.
func ruleHelp(id string) sarifMultiformat {
	own, ok := rules.Help(id)
	if !ok {
		return sarifMultiformat{Text: helpText, Markdown: helpMarkdown}
	}
	return sarifMultiformat{Text: own + "\n\n" + helpText, Markdown: own + "\n\n" + helpMarkdown}
}

// The help is plain remediation advice; it is inline rather than a helpUri because reports are
// often read where no documentation site is reachable.
const helpText = `A cPanel or WHM API token was committed. Deleting the line does not help: the value stays in git history, clones and forks.

1. Revoke the token: cPanel > Security > Manage API Tokens, WHM > Development > Manage API Tokens, or run tokenscan --revoke.
2. Check the account's access logs for use of the token since the commit that introduced it.
3. Create a replacement with the fewest privileges and an expiry date, and keep it in a secret store or CI secret, never in the repository.`

const helpMarkdown = `A **cPanel or WHM API token** was committed. Deleting the line does not help: the value stays in git history, clones and forks.

1. **Revoke the token**: cPanel *Security » Manage API Tokens*, WHM *Development » Manage API Tokens*, or run ` + "`tokenscan --revoke`" + `.
2. **Check the access logs** of the account for use of the token since the commit that introduced it.
3. **Create a replacement** with the fewest privileges and an expiry date, and keep it in a secret store or CI secret, never in the repository.`

// sarifLevel ranks a result by what is known of its token: anything that may still work is an
// error, a token the server already refused a warning (it is still a leak to clean up), a
// confirmed revocation a note.
func sarifLevel(s finding.State) string {
	switch s {
	case finding.StateRevokedConfirmed:
		return "note"
	case finding.StateDead:
		return "warning"
	}
	return "error"
}

func sarifResults(e Entry, ruleID string, ruleIndex int, sc *scrubber) []sarifResult {
	l := e.Leak
	fp := string(fingerprint(l))
	props := sarifResultProperties{
		State:          stateName(e.State),
		RedactedSecret: secretField(l, false),
		Detail:         sc.clean(e.Detail),
		Target:         sc.clean(targetText(l.Target)),
	}
	base := sarifResult{
		RuleID:    ruleID,
		RuleIndex: ruleIndex,
		Level:     sarifLevel(e.State),
	}
	if len(l.Locations) == 0 {
		// A leak with no location is a caller bug, but dropping it would hide a token.
		res := base
		res.Message = sarifText{Text: sc.cleanTerminal(sarifMessage(e, finding.Origin{}, 0))}
		res.PartialFingerprints = map[string]string{fingerprintKeyToken: fp}
		res.Properties = props
		return []sarifResult{res}
	}
	out := make([]sarifResult, 0, len(l.Locations))
	for i, o := range l.Locations {
		res := base
		res.Message = sarifText{Text: sc.cleanTerminal(sarifMessage(e, o, i+1))}
		res.Locations = []sarifLocation{sarifLocationOf(o, len(l.Secret), sc)}
		res.PartialFingerprints = map[string]string{
			fingerprintKeyToken:    fp,
			fingerprintKeyLocation: locationHash(fp, o),
		}
		p := props
		p.Source = sc.clean(o.Source)
		p.Commit = sc.clean(o.Commit)
		p.Author = sc.clean(author(o))
		p.Date = jsonTime(o.Date)
		res.Properties = p
		out = append(out, res)
	}
	return out
}

// sarifMessage says what a code-scanning reviewer needs in one paragraph. n is the 1-based
// index of the location, 0 when there is none. Messages are shown to people, so the caller
// escapes control characters in them as the text report does.
func sarifMessage(e Entry, o finding.Origin, n int) string {
	l := e.Leak
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s (fingerprint %s) is %s.",
		nonEmpty(l.Description, defaultRuleDescription), secretField(l, false), fingerprint(l).Short(), stateText(e.State))
	if e.Detail != "" {
		fmt.Fprintf(&b, " Detail: %s.", strings.TrimSuffix(e.Detail, "."))
	}
	if o.Commit != "" {
		fmt.Fprintf(&b, " Seen in commit %s", shortSHA(o.Commit))
		if who := author(o); who != "" {
			fmt.Fprintf(&b, " by %s", who)
		}
		if !o.Date.IsZero() {
			fmt.Fprintf(&b, " on %s", o.Date.UTC().Format(time.DateOnly))
		}
		b.WriteString(".")
	}
	if len(l.Locations) > 1 && n > 0 {
		fmt.Fprintf(&b, " Location %d of %d of this token.", n, len(l.Locations))
	}
	return b.String()
}

// stateText phrases a state for a sentence.
func stateText(s finding.State) string {
	switch s {
	case finding.StateUnchecked:
		return "not verified"
	case finding.StateLive:
		return "live: the server accepted it"
	case finding.StateDead:
		return "dead: the server refused it"
	case finding.StateUnknown:
		return "of unknown status: the check failed"
	case finding.StateRevokedConfirmed:
		return "revoked, and the server now refuses it"
	case finding.StateRevokeFailed:
		return "still to be revoked: revocation or its confirmation failed"
	case finding.StateUnresolved:
		return "live, but its name on the server could not be resolved safely, so it was not revoked"
	}
	return string(s)
}

func sarifLocationOf(o finding.Origin, secretLen int, sc *scrubber) sarifLocation {
	p := o.Path
	if p == "" {
		p = o.Source
	}
	loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{
		ArtifactLocation: sarifArtifactLocation{URI: pathURI(sc.clean(p))},
	}}
	if o.Line > 0 {
		reg := &sarifRegion{StartLine: o.Line}
		if o.Column > 0 {
			reg.StartColumn = o.Column
			if secretLen > 0 {
				reg.EndColumn = o.Column + secretLen
			}
		}
		loc.PhysicalLocation.Region = reg
	}
	return loc
}

// pathURI turns a repository path into a relative URI reference as code scanning expects: every
// byte that is not allowed in a path segment is percent-encoded, and ':' is too, because in a
// first segment it would read as a URI scheme. Leading "//" would start an authority, so runs of
// leading slashes are folded to one.
func pathURI(p string) string {
	if p == "" {
		return "unknown"
	}
	if strings.HasPrefix(p, "//") {
		p = "/" + strings.TrimLeft(p, "/")
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if isPathChar(c) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// isPathChar reports RFC 3986 pchar characters other than ':' and '%', plus '/'.
func isPathChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~!$&'()*+,;=@/", c) >= 0
}

// locationHash identifies one sighting of one token: the same token at the same place in the
// same commit hashes the same across runs.
func locationHash(fp string, o finding.Origin) string {
	h := sha256.New()
	for _, part := range []string{fp, o.Source, o.Path, strconv.Itoa(o.Line), strconv.Itoa(o.Column), o.Commit} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

func nonEmpty(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
