package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/tokenscan/tokenscan/scanner/audit"
	"github.com/tokenscan/tokenscan/scanner/cpanel"
	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/inventory"
	"github.com/tokenscan/tokenscan/scanner/report"
)

// AuditOptions is what `tokenscan audit` needs; runAudit does the work.
type AuditOptions struct {
	IO     *IOStreams
	Now    func() time.Time
	Getenv func(string) string

	Host string
	Port int
	User string
	WHM  bool

	Format        string
	FailOn        string
	IgnoreKinds   []string
	PolicyPath    string
	MaxAgeDays    *int // nil: the policy's
	ExpiryWarning *int // nil: the policy's
	InventoryPath string
	LeakedPaths   []string

	CAFile        string
	InsecureHosts []string
	APITimeout    time.Duration

	// NewClient builds the cPanel/WHM client; nil means cpanel.New. Tests use it to trust a
	// simulator's CA without a file.
	NewClient func(cpanel.Options) (auditSource, error)
}

// auditSource is the part of the cPanel/WHM client the audit reads from.
type auditSource interface {
	TokenListData(ctx context.Context, t finding.Target, secret string) (json.RawMessage, error)
	FeatureListData(ctx context.Context, t finding.Target, secret string) (json.RawMessage, error)
}

// Environment variables that carry the auditing token, so that it never appears on a command line.
const (
	envCPanelToken = "CPANEL_TOKEN"
	envWHMToken    = "WHM_TOKEN"
)

// failOnNone turns the exit-code gate off: findings are reported, the exit code stays 0.
const failOnNone = "none"

const auditLong = `audit rates every API token of one cPanel account (or WHM user, with --whm) against a posture
policy: full access, risky features, WHM tokens with every privilege or no IP allowlist, never
expiring, older than the maximum age, expiring soon, expired but still listed, and leaked. It is
the same engine the browser extension runs on the Manage API Tokens page (docs/audit.md).

The auditing token is read from $CPANEL_TOKEN ($WHM_TOKEN with --whm) or, when that is unset, from
standard input; never from the command line, where ps and shell history would keep it. It is sent
only to --host, over verified HTTPS, and only to list: Tokens::list and Features::list_features
(cPanel) or api_token_list (WHM). Nothing is changed on the server.

Token values are never known to the audit, so the output carries names only. A token counts as
leaked when --inventory links its name to a fingerprint that a tokenscan JSON report given with
--leaked lists.

cPanel does not record when a token was last used: the audit says "usage unknown" and judges by
age and expiry instead.

Exit codes:
  0  no finding at or above --fail-on
  1  at least one finding at or above --fail-on (default: the policy's badge_threshold, high)
  2  usage or runtime error (the token was refused, the answer was a login page, ...)`

const auditExample = `  # Scheduled hygiene in CI: fail when a token is high or critical
  CPANEL_TOKEN=$AUDIT_TOKEN tokenscan audit --host cp.example.com --user shop

  # WHM (root or a reseller), as SARIF
  WHM_TOKEN=$ROOT_TOKEN tokenscan audit --whm --host whm.example.com --user root --format sarif > audit.sarif

  # A stricter policy, and leaks found by a scan
  tokenscan audit --host cp.example.com --user shop --max-age-days 30 \
      --inventory tokens.json --leaked scan.json --fail-on medium < token.txt

  # Every cPanel v120 token has full access (critical): gate CI on everything else
  tokenscan audit --host cp.example.com --user shop --ignore-kind full_access < token.txt`

func newAuditCmd(r *rootCmd, ios *IOStreams) *cobra.Command {
	opts := &AuditOptions{IO: ios, Now: time.Now, Getenv: os.Getenv}
	var maxAge, warnDays int
	cmd := &cobra.Command{
		Use:     "audit --host HOST --user USER [--whm] [--port PORT]",
		Short:   "Rate every API token of a cPanel account or WHM user against a posture policy",
		Long:    auditLong,
		Example: auditExample,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if cmd.Flags().Changed("max-age-days") {
				opts.MaxAgeDays = &maxAge
			}
			if cmd.Flags().Changed("expiry-warning-days") {
				opts.ExpiryWarning = &warnDays
			}
			rep, err := runAudit(cmd.Context(), opts)
			r.report = rep
			return err
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Host, "host", "", "the cPanel/WHM host to audit (required; HOST or HOST:PORT)")
	f.IntVar(&opts.Port, "port", 0, "port (default 2083 for cPanel, 2087 with --whm)")
	f.StringVar(&opts.User, "user", "", "the cPanel account, or with --whm root or the reseller (required)")
	f.BoolVar(&opts.WHM, "whm", false, "audit the WHM API tokens of --user (WHM API 1) instead of a cPanel account's")
	f.StringVarP(&opts.Format, "format", "f", "text", "output format: text (a table), json (tokenscan.audit/v1) or sarif")
	f.StringVar(&opts.FailOn, "fail-on", "", "exit 1 when a finding is at least this `SEVERITY`: low, medium, high, critical or none (default: the policy's badge_threshold, high)")
	f.StringSliceVar(&opts.IgnoreKinds, "ignore-kind", nil, "finding `kinds` still reported but not failing the run (comma-separated, e.g. full_access)")
	f.StringVar(&opts.PolicyPath, "policy", "", "policy JSON `file` (docs/audit.md); --max-age-days and --expiry-warning-days override it")
	f.IntVar(&maxAge, "max-age-days", 0, "flag tokens created more than `N` days ago as stale; 0 turns the check off (default 90)")
	f.IntVar(&warnDays, "expiry-warning-days", 0, "flag tokens expiring within `N` days; 0 turns the check off (default 7)")
	f.StringVar(&opts.InventoryPath, "inventory", "", "token inventory `file` (docs/inventory.md): links token names to fingerprints")
	f.StringArrayVar(&opts.LeakedPaths, "leaked", nil, "tokenscan JSON report `file` whose leaks mark tokens as leaked (needs --inventory; repeatable)")
	f.StringVar(&opts.CAFile, "ca-file", "", "PEM `file` of CA certificates to trust besides the system roots")
	f.StringSliceVar(&opts.InsecureHosts, "insecure-hosts", nil, "do not verify TLS certificates of these `hosts` (comma-separated; never the default)")
	f.DurationVar(&opts.APITimeout, "api-timeout", cpanel.DefaultTimeout, "time limit of each cPanel/WHM request (retried on network errors and 5xx)")
	return cmd
}

// auditPlan is the checked command line: everything runAudit needs before it talks to a server.
type auditPlan struct {
	format  report.Format
	target  finding.Target
	policy  audit.Policy
	failOn  audit.Severity // SeverityNone: never fail on findings
	ignored map[audit.FindingKind]bool
	inv     *inventory.Inventory
	leaked  []string
}

func runAudit(ctx context.Context, opts *AuditOptions) (*report.Report, error) {
	plan, err := planAudit(opts)
	if err != nil {
		return nil, err
	}
	secret, err := auditToken(opts, plan.target.Kind)
	if err != nil {
		return nil, usageError{err}
	}
	newClient := opts.NewClient
	if newClient == nil {
		newClient = func(o cpanel.Options) (auditSource, error) { return cpanel.New(o) }
	}
	client, err := newClient(cpanel.Options{CAFile: opts.CAFile, InsecureHosts: opts.InsecureHosts, Timeout: opts.APITimeout})
	if err != nil {
		return nil, err
	}
	in, err := fetchAuditInput(ctx, opts, plan, client, secret)
	if err != nil {
		return nil, err
	}
	res, err := audit.Audit(in, plan.policy)
	if err != nil {
		return nil, err
	}
	failing := failingTokens(res, plan)
	if err := writeAudit(opts.IO.Out, plan, res, failing); err != nil {
		return nil, err
	}
	if plan.format != report.FormatText {
		fmt.Fprintln(opts.IO.ErrOut, "tokenscan audit: "+auditVerdict(res, plan, failing))
	}
	return auditExitReport(plan.target, failing), nil
}

func planAudit(opts *AuditOptions) (*auditPlan, error) {
	plan := &auditPlan{ignored: map[audit.FindingKind]bool{}}
	var err error
	if plan.format, err = report.ParseFormat(opts.Format); err != nil {
		return nil, usageError{err}
	}
	if opts.Host == "" || opts.User == "" {
		return nil, usageError{errors.New("--host and --user are required: the token is sent to that host only")}
	}
	kind := finding.KindCPanel
	if opts.WHM {
		kind = finding.KindWHM
	}
	host, port := strings.ToLower(strings.TrimSpace(opts.Host)), opts.Port
	if h, p, ok := strings.Cut(host, ":"); ok && port == 0 && !strings.Contains(p, ":") {
		if n, err := strconv.Atoi(p); err == nil {
			host, port = h, n
		}
	}
	plan.target = finding.Target{Kind: kind, Host: host, Port: port, User: opts.User}
	if _, err := cpanel.BaseURL(plan.target); err != nil {
		return nil, usageError{err}
	}
	if opts.APITimeout <= 0 {
		return nil, usageError{errors.New("--api-timeout must be positive")}
	}

	var policyJSON []byte
	if opts.PolicyPath != "" {
		if policyJSON, err = os.ReadFile(opts.PolicyPath); err != nil {
			return nil, fmt.Errorf("reading policy: %w", err)
		}
	}
	if plan.policy, err = audit.ParsePolicy(policyJSON); err != nil {
		if opts.PolicyPath != "" {
			return nil, fmt.Errorf("%s: %w", opts.PolicyPath, err)
		}
		return nil, err
	}
	if opts.MaxAgeDays != nil {
		plan.policy.MaxAgeDays = *opts.MaxAgeDays
	}
	if opts.ExpiryWarning != nil {
		plan.policy.ExpiryWarningDays = *opts.ExpiryWarning
	}
	if err := plan.policy.Validate(); err != nil {
		return nil, usageError{fmt.Errorf("%w (from --max-age-days / --expiry-warning-days)", err)}
	}
	switch opts.FailOn {
	case "":
		plan.failOn = plan.policy.BadgeThreshold
	case failOnNone:
		plan.failOn = audit.SeverityNone
	default:
		if plan.failOn, err = audit.ParseSeverity(opts.FailOn); err != nil {
			return nil, usageError{fmt.Errorf("--fail-on: %w, or none", err)}
		}
		// The summary's flagged count then means what the exit code means.
		plan.policy.BadgeThreshold = plan.failOn
	}
	for _, k := range opts.IgnoreKinds {
		kind := audit.FindingKind(strings.TrimSpace(k))
		if !knownFindingKind(kind) {
			return nil, usageError{fmt.Errorf("--ignore-kind: unknown finding kind %q (known: %s)", k, strings.Join(findingKindNames(), ", "))}
		}
		plan.ignored[kind] = true
	}

	if len(opts.LeakedPaths) > 0 && opts.InventoryPath == "" {
		return nil, usageError{errors.New("--leaked needs --inventory: a token list holds names, not values, and only the inventory links a leaked fingerprint to a token name")}
	}
	if opts.InventoryPath != "" {
		data, err := os.ReadFile(opts.InventoryPath)
		if err != nil {
			return nil, fmt.Errorf("reading inventory: %w", err)
		}
		if plan.inv, err = inventory.Parse(data); err != nil {
			return nil, fmt.Errorf("%s: %w", opts.InventoryPath, err)
		}
	}
	for _, path := range opts.LeakedPaths {
		fps, err := readLeakedFingerprints(path)
		if err != nil {
			return nil, err
		}
		plan.leaked = append(plan.leaked, fps...)
	}
	return plan, nil
}

// readLeakedFingerprints reads the fingerprints of a tokenscan JSON report's leaks.
func readLeakedFingerprints(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading --leaked report: %w", err)
	}
	var doc struct {
		Schema *string `json:"schema"`
		Leaks  []struct {
			Fingerprint string `json:"fingerprint"`
		} `json:"leaks"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: not a tokenscan JSON report: %w", path, err)
	}
	if doc.Schema == nil || *doc.Schema != report.SchemaVersion {
		return nil, fmt.Errorf("%s: not a tokenscan JSON report (want schema %q; write one with --format json)", path, report.SchemaVersion)
	}
	out := make([]string, 0, len(doc.Leaks))
	for i, l := range doc.Leaks {
		fp := strings.ToLower(l.Fingerprint)
		if len(fp) != 64 || strings.Trim(fp, "0123456789abcdef") != "" {
			return nil, fmt.Errorf("%s: leak %d has no valid fingerprint", path, i)
		}
		out = append(out, fp)
	}
	return out, nil
}

// auditToken takes the auditing token from the environment, or else from standard input. Errors
// describe what was found without repeating it.
func auditToken(opts *AuditOptions, kind finding.Kind) (string, error) {
	name := envCPanelToken
	if kind == finding.KindWHM {
		name = envWHMToken
	}
	v := strings.TrimSpace(opts.Getenv(name))
	if v == "" {
		s, err := readToken(opts.IO.In, kind)
		if err != nil {
			return "", fmt.Errorf("%w (or set $%s)", err, name)
		}
		return s, nil
	}
	if tokenValue().MatchString(v) || kind == finding.KindWHM && accessHashValue().MatchString(v) {
		return v, nil
	}
	return "", fmt.Errorf("$%s does not hold a %s API token (32 characters of 0-9 A-Z); got %d characters", name, kind, len(v))
}

// fetchAuditInput lists the tokens (and for cPanel the account's features) and builds the
// engine's input from the answers as they arrived, so the CLI reads them exactly as the
// extension does.
func fetchAuditInput(ctx context.Context, opts *AuditOptions, plan *auditPlan, client auditSource, secret string) (audit.Input, error) {
	t := plan.target
	tokens, err := client.TokenListData(ctx, t, secret)
	if err != nil {
		return audit.Input{}, explainAuditError(err, t)
	}
	account := map[string]any{"user": t.User, "tokens": tokens}
	if t.Kind == finding.KindCPanel {
		features, err := client.FeatureListData(ctx, t, secret)
		if err == nil {
			account["features"] = features
		} else {
			// The list is what matters; without features the engine rates full access as if the
			// account had every feature, and its notes say so.
			fmt.Fprintf(opts.IO.ErrOut, "tokenscan audit: warning: %v; rating as if the account had every feature\n", err)
		}
	}
	doc := map[string]any{
		"schema":       audit.Schema,
		"now":          opts.Now().UTC().Format(time.RFC3339),
		"host":         t.Host,
		string(t.Kind): account,
	}
	data, err := json.Marshal(doc)
	if err != nil {
		return audit.Input{}, fmt.Errorf("building the audit input: %w", err)
	}
	in, err := audit.ParseInput(data)
	if err != nil {
		return audit.Input{}, fmt.Errorf("reading the %s answer of %s: %w", t.Kind, t.Host, err)
	}
	in.Inventory, in.Leaked = plan.inv, plan.leaked
	return in, nil
}

// explainAuditError adds what to do to the failures a user can fix.
func explainAuditError(err error, t finding.Target) error {
	var (
		refused  *cpanel.RefusedError
		page     *cpanel.HTMLError
		redirect *cpanel.RedirectError
		apiErr   *cpanel.APIError
	)
	port := "2083"
	if t.Kind == finding.KindWHM {
		port = "2087"
	}
	switch {
	case errors.As(err, &refused):
		return fmt.Errorf("%w: the auditing token itself is not accepted for %s (wrong, revoked or expired, or another user's token); create a new one to audit with", err, t.User)
	case errors.As(err, &page), errors.As(err, &redirect):
		return fmt.Errorf("%w: the server answered with a web page instead of the API; check --host and --port (%s's API is on %s) and that no proxy or login portal sits in between", err, t.Kind, port)
	case errors.As(err, &apiErr) && t.Kind == finding.KindCPanel && strings.Contains(err.Error(), "apitokens"):
		return fmt.Errorf("%w: the account %s lacks the apitokens feature, so cPanel will not list its tokens; enable API Tokens for its feature list in WHM » Feature Manager", err, t.User)
	}
	return err
}

// failingTokens are the reports with a finding at or above the fail-on severity, not counting
// ignored kinds.
func failingTokens(res audit.Result, plan *auditPlan) []audit.TokenReport {
	if plan.failOn == audit.SeverityNone {
		return nil
	}
	var out []audit.TokenReport
	for _, t := range res.Tokens {
		for _, f := range t.Findings {
			if f.Severity >= plan.failOn && !plan.ignored[f.Kind] {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

// auditExitReport carries the outcome to main, which maps reports to exit codes in one place:
// an entry per failing token is exit 1, no report is exit 0. Token values are never known here,
// so the entries carry only where each token lives.
func auditExitReport(t finding.Target, failing []audit.TokenReport) *report.Report {
	if len(failing) == 0 {
		return nil
	}
	rep := &report.Report{Tool: report.Tool{Name: "tokenscan", Version: version}}
	for _, tok := range failing {
		rep.Entries = append(rep.Entries, report.Entry{Leak: finding.Leak{
			RuleID:      "token-posture",
			Description: "token " + strconv.Quote(tok.Name) + " at or above --fail-on",
			Target:      t,
		}})
	}
	return rep
}

func auditVerdict(res audit.Result, plan *auditPlan, failing []audit.TokenReport) string {
	s := res.Summary
	msg := fmt.Sprintf("%s, %s", plural(s.Tokens, "token"), plural(s.Findings, "finding"))
	if plan.failOn == audit.SeverityNone {
		return msg + "; --fail-on none"
	}
	msg += fmt.Sprintf("; %d at or above %s", len(failing), plan.failOn)
	if len(plan.ignored) > 0 {
		msg += " (ignoring " + strings.Join(sortedKinds(plan.ignored), ", ") + ")"
	}
	return msg
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// allFindingKinds is the schema's list, in the order docs/audit.md gives them.
var allFindingKinds = []audit.FindingKind{
	audit.KindLeaked, audit.KindFullAccess, audit.KindWHMAllACL, audit.KindRiskyFeatures, audit.KindNoIPAllowlist,
	audit.KindNeverExpires, audit.KindExpiringSoon, audit.KindStale, audit.KindExpiredPresent,
}

func knownFindingKind(k audit.FindingKind) bool {
	for _, known := range allFindingKinds {
		if k == known {
			return true
		}
	}
	return false
}

func findingKindNames() []string {
	out := make([]string, len(allFindingKinds))
	for i, k := range allFindingKinds {
		out[i] = string(k)
	}
	return out
}

func sortedKinds(set map[audit.FindingKind]bool) []string {
	var out []string
	for _, k := range allFindingKinds {
		if set[k] {
			out = append(out, string(k))
		}
	}
	return out
}

func writeAudit(w io.Writer, plan *auditPlan, res audit.Result, failing []audit.TokenReport) error {
	switch plan.format {
	case report.FormatJSON:
		out, err := res.MarshalJSON()
		if err != nil {
			return err
		}
		_, err = w.Write(append(out, '\n'))
		return err
	case report.FormatSARIF:
		return writeAuditSARIF(w, plan, res)
	}
	return writeAuditText(w, plan, res, failing)
}

// writeAuditText is the table for people: one row per token, then what to do about each finding.
// Names come from the server, so anything unprintable in them is escaped.
func writeAuditText(w io.Writer, plan *auditPlan, res audit.Result, failing []audit.TokenReport) error {
	t := plan.target
	label := "cPanel account"
	if t.Kind == finding.KindWHM {
		label = "WHM user"
	}
	base, _ := cpanel.BaseURL(t)
	p := res.Policy
	var b strings.Builder
	fmt.Fprintf(&b, "API tokens of %s %s at %s, %s\n", label, printable(t.User), strings.TrimPrefix(base, "https://"), res.Now.UTC().Format("2006-01-02 15:04 UTC"))
	fmt.Fprintf(&b, "policy: max age %s, expiry %s, warn %s before expiry\n\n",
		daysOrOff(p.MaxAgeDays), map[bool]string{true: "required", false: "not required"}[p.RequireExpiry], daysOrOff(p.ExpiryWarningDays))
	if len(res.Tokens) == 0 {
		b.WriteString("no API tokens\n")
	} else {
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "SEVERITY\tNAME\tCREATED\tEXPIRES\tFINDINGS")
		for _, tok := range res.Tokens {
			kinds := make([]string, 0, len(tok.Findings))
			for _, f := range tok.Findings {
				kinds = append(kinds, string(f.Kind))
			}
			if len(kinds) == 0 {
				kinds = append(kinds, "-")
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", tok.Severity, printable(tok.Name), day(tok.Created, "unknown"), day(tok.Expires, "never"), strings.Join(kinds, ", "))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	for _, tok := range res.Tokens {
		if len(tok.Findings) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n%s (%s)\n", printable(tok.Name), tok.Severity)
		for _, f := range tok.Findings {
			fmt.Fprintf(&b, "  %-8s  %s: %s\n", f.Severity, f.Kind, printable(f.Message))
			fmt.Fprintf(&b, "  %-8s  fix: %s\n", "", printable(f.Remediation))
		}
	}
	if len(res.Notes) > 0 {
		b.WriteString("\nnotes:\n")
		for _, n := range res.Notes {
			fmt.Fprintf(&b, "  %s\n", printable(n))
		}
	}
	fmt.Fprintf(&b, "\n%s\n", auditVerdict(res, plan, failing))
	_, err := io.WriteString(w, b.String())
	return err
}

func daysOrOff(n int) string {
	if n == 0 {
		return "off"
	}
	return plural(n, "day")
}

func day(t time.Time, zero string) string {
	if t.IsZero() {
		return zero
	}
	return t.UTC().Format("2006-01-02")
}

// printable escapes control and other invisible characters, so that a hostile server cannot
// drive the terminal through a token name.
func printable(s string) string {
	for _, r := range s {
		if !unicode.IsPrint(r) {
			q := strconv.QuoteToGraphic(s)
			return q[1 : len(q)-1]
		}
	}
	return s
}

// SARIF for code-scanning services. The audit has no files, so each result names its token with
// a logical location (kind://user@host/name) and carries a stable fingerprint of token and kind.
type auditSARIF struct {
	Schema  string          `json:"$schema"`
	Version string          `json:"version"`
	Runs    []auditSARIFRun `json:"runs"`
}

type auditSARIFRun struct {
	Tool struct {
		Driver struct {
			Name           string           `json:"name"`
			Version        string           `json:"version,omitempty"`
			InformationURI string           `json:"informationUri,omitempty"`
			Rules          []auditSARIFRule `json:"rules"`
		} `json:"driver"`
	} `json:"tool"`
	Results []auditSARIFResult `json:"results"`
}

type auditSARIFRule struct {
	ID                   string            `json:"id"`
	ShortDescription     sarifMessage      `json:"shortDescription"`
	DefaultConfiguration map[string]string `json:"defaultConfiguration"`
	Properties           map[string]any    `json:"properties"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type auditSARIFResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []any             `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          map[string]any    `json:"properties"`
}

// auditRuleText and auditRuleScore describe each finding kind; the score is GitHub's
// security-severity for the kind's worst case.
var auditRuleText = map[audit.FindingKind]string{
	audit.KindLeaked:         "API token whose value has leaked",
	audit.KindFullAccess:     "cPanel API token with full access",
	audit.KindWHMAllACL:      "WHM API token with every privilege",
	audit.KindRiskyFeatures:  "Limited cPanel API token with risky features",
	audit.KindNoIPAllowlist:  "WHM API token usable from any IP address",
	audit.KindNeverExpires:   "API token that never expires",
	audit.KindExpiringSoon:   "API token expiring soon",
	audit.KindStale:          "API token older than the maximum age",
	audit.KindExpiredPresent: "Expired API token still listed",
}

var auditRuleScore = map[audit.FindingKind]string{
	audit.KindLeaked: "9.8", audit.KindFullAccess: "9.0", audit.KindWHMAllACL: "9.0", audit.KindRiskyFeatures: "9.0",
	audit.KindNoIPAllowlist: "5.5", audit.KindNeverExpires: "5.0", audit.KindExpiringSoon: "3.0", audit.KindStale: "3.0",
	audit.KindExpiredPresent: "2.0",
}

func sarifLevel(s audit.Severity) string {
	switch {
	case s >= audit.SeverityHigh:
		return "error"
	case s == audit.SeverityMedium:
		return "warning"
	}
	return "note"
}

func writeAuditSARIF(w io.Writer, plan *auditPlan, res audit.Result) error {
	var run auditSARIFRun
	run.Tool.Driver.Name = "tokenscan"
	run.Tool.Driver.Version = version
	run.Tool.Driver.InformationURI = "https://github.com/tokenscan/tokenscan/blob/main/docs/audit.md"
	ruleIndex := map[audit.FindingKind]int{}
	for i, k := range allFindingKinds {
		ruleIndex[k] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, auditSARIFRule{
			ID:                   "token-posture/" + string(k),
			ShortDescription:     sarifMessage{Text: auditRuleText[k]},
			DefaultConfiguration: map[string]string{"level": "warning"},
			Properties:           map[string]any{"tags": []string{"security", "cpanel", "api-token"}, "security-severity": auditRuleScore[k]},
		})
	}
	t := plan.target
	run.Results = []auditSARIFResult{}
	for _, tok := range res.Tokens {
		fqn := string(t.Kind) + "://" + t.User + "@" + t.Host + "/" + tok.Name
		for _, f := range tok.Findings {
			sum := sha256.Sum256([]byte(fqn + "\x00" + string(f.Kind)))
			props := map[string]any{"severity": f.Severity.String(), "token": tok.Name, "remediation": f.Remediation, "evidence": f.Evidence}
			if plan.ignored[f.Kind] {
				props["ignored"] = true
			}
			run.Results = append(run.Results, auditSARIFResult{
				RuleID:    "token-posture/" + string(f.Kind),
				RuleIndex: ruleIndex[f.Kind],
				Level:     sarifLevel(f.Severity),
				Message:   sarifMessage{Text: tok.Name + ": " + f.Message},
				Locations: []any{map[string]any{"logicalLocations": []map[string]string{
					{"name": tok.Name, "fullyQualifiedName": fqn, "kind": "resource"},
				}}},
				PartialFingerprints: map[string]string{"tokenPosture/v1": hex.EncodeToString(sum[:])},
				Properties:          props,
			})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(auditSARIF{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []auditSARIFRun{run}})
}
