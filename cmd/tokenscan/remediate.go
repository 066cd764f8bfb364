package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/tokenscan/tokenscan/scanner/cpanel"
	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/inventory"
	"github.com/tokenscan/tokenscan/scanner/remediate"
	"github.com/tokenscan/tokenscan/scanner/report"
)

// The flag that allows revoking tokens that may be innocent. Its name is the warning: nobody
// should be able to pass it without reading what it does.
const destroyFlag = "revoke-by-elimination-destroys-innocent-tokens"

// RemediationOptions are the verify/revoke flags, shared by the scan and the incident commands.
type RemediationOptions struct {
	Verify          bool
	Revoke          bool
	DestroyInnocent bool
	CAFile          string
	InsecureHosts   []string
	InventoryPath   string
	AuthnDir        string
	HostMap         []string
	HostMapFile     string
	AuditLog        string
	APITimeout      time.Duration

	// NewRemote builds the cPanel/WHM client from the options; nil means cpanel.New. Tests use
	// it to trust a simulator's CA without a file.
	NewRemote func(cpanel.Options) (remediate.Remote, error)

	// Loaded by prepare before the scan starts, so a bad flag fails fast rather than after it.
	hostMap   *remediate.HostMap
	inventory *inventory.Inventory
	authnDir  string
}

// addConnectionFlags registers how tokenscan reaches cPanel/WHM hosts and what it records.
func addConnectionFlags(cmd *cobra.Command, o *RemediationOptions) {
	f := cmd.Flags()
	f.StringVar(&o.CAFile, "ca-file", "", "PEM `file` of CA certificates to trust besides the system roots")
	f.StringSliceVar(&o.InsecureHosts, "insecure-hosts", nil, "do not verify TLS certificates of these `hosts` (comma-separated; never the default)")
	f.StringVar(&o.AuditLog, "audit-log", "", "append one JSON line per verify/resolve/revoke/confirm action to `file` (fingerprints only)")
	f.DurationVar(&o.APITimeout, "api-timeout", cpanel.DefaultTimeout, "time limit of each cPanel/WHM request (retried on network errors and 5xx)")
}

// addResolveFlags registers how a token's name is found for revocation.
func addResolveFlags(cmd *cobra.Command, o *RemediationOptions) {
	f := cmd.Flags()
	f.StringVar(&o.InventoryPath, "inventory", "", "token inventory `file` (fingerprint -> host, user, name; see docs/inventory.md)")
	f.StringVar(&o.AuthnDir, "authn-dir", "", "cPanel's token directory, read to match a value to a name (default "+cpanel.DefaultAuthnDir+" when it exists; \"none\" to skip)")
	f.BoolVar(&o.DestroyInnocent, destroyFlag, false, "when a name cannot be resolved, revoke candidate tokens one by one until the leaked one is refused; every token revoked before it is innocent and gone for good")
}

// addRemediationFlags registers --verify, --revoke and their companions on the scan, and checks
// them (and loads the files they name) before the scan starts.
func addRemediationFlags(cmd *cobra.Command, o *RemediationOptions) {
	f := cmd.Flags()
	f.BoolVar(&o.Verify, "verify", false, "check each leaked token against the cPanel/WHM host its leak names (or --host-map gives)")
	f.BoolVar(&o.Revoke, "revoke", false, "verify, then revoke live tokens and re-check that they are refused (implies --verify)")
	f.StringArrayVar(&o.HostMap, "host-map", nil, "route leaks that name no host: `RULE` is PATH-GLOB=cpanel://USER@HOST[:PORT] (also whm://, https://; repeatable)")
	f.StringVar(&o.HostMapFile, "host-map-file", "", "read --host-map rules from `file`, one per line (# comments)")
	addConnectionFlags(cmd, o)
	addResolveFlags(cmd, o)
	prev := cmd.PreRunE
	cmd.PreRunE = func(c *cobra.Command, args []string) error {
		if prev != nil {
			if err := prev(c, args); err != nil {
				return err
			}
		}
		return o.prepare(true)
	}
}

// prepare checks flag combinations and loads the host map and inventory. scan says whether the
// scan-only flags apply.
func (o *RemediationOptions) prepare(scan bool) error {
	if scan && !o.Verify && !o.Revoke {
		for _, f := range []struct {
			set  bool
			name string
		}{
			{len(o.HostMap) > 0, "--host-map"}, {o.HostMapFile != "", "--host-map-file"}, {o.InventoryPath != "", "--inventory"},
			{o.AuditLog != "", "--audit-log"}, {o.CAFile != "", "--ca-file"}, {len(o.InsecureHosts) > 0, "--insecure-hosts"},
			{o.DestroyInnocent, "--" + destroyFlag}, {o.AuthnDir != "", "--authn-dir"},
		} {
			if f.set {
				return usageError{fmt.Errorf("%s needs --verify or --revoke", f.name)}
			}
		}
		return nil
	}
	if o.DestroyInnocent && !o.Revoke {
		return usageError{fmt.Errorf("--%s needs --revoke", destroyFlag)}
	}
	if o.APITimeout <= 0 {
		return usageError{errors.New("--api-timeout must be positive")}
	}
	var file io.Reader
	if o.HostMapFile != "" {
		f, err := os.Open(o.HostMapFile)
		if err != nil {
			return fmt.Errorf("reading host map: %w", err)
		}
		defer f.Close()
		file = f
	}
	hm, err := remediate.ParseHostMap(o.HostMap, file)
	if err != nil {
		return usageError{err}
	}
	o.hostMap = hm
	if o.InventoryPath != "" {
		data, err := os.ReadFile(o.InventoryPath)
		if err != nil {
			return fmt.Errorf("reading inventory: %w", err)
		}
		if o.inventory, err = inventory.Parse(data); err != nil {
			return fmt.Errorf("%s: %w", o.InventoryPath, err)
		}
	}
	switch o.AuthnDir {
	case "none":
		o.authnDir = ""
	case "":
		if st, err := os.Stat(cpanel.DefaultAuthnDir); err == nil && st.IsDir() {
			o.authnDir = cpanel.DefaultAuthnDir
		}
	default:
		if _, err := os.Stat(o.AuthnDir); err != nil {
			return fmt.Errorf("--authn-dir: %w", err)
		}
		o.authnDir = o.AuthnDir
	}
	return nil
}

// run verifies (and with Revoke, revokes) the entries in place and adds partial failures to the
// report's errors. tokenName, when set, skips name resolution (tokenscan revoke --name).
func (o *RemediationOptions) run(ctx context.Context, rep *report.Report, tokenName string) error {
	remote, err := o.remote()
	if err != nil {
		return err
	}
	var audit *remediate.AuditLog
	if o.AuditLog != "" {
		if audit, err = remediate.OpenAuditLog(o.AuditLog); err != nil {
			return err
		}
	}
	errs := remediate.Run(ctx, rep.Entries, remediate.Options{
		Remote:                remote,
		Revoke:                o.Revoke,
		DestroyInnocentTokens: o.DestroyInnocent,
		Inventory:             o.inventory,
		AuthnDir:              o.authnDir,
		HostMap:               o.hostMap,
		TokenName:             tokenName,
		Audit:                 audit,
	})
	rep.Errors = append(rep.Errors, errs...)
	if err := audit.Close(); err != nil {
		rep.Errors = append(rep.Errors, report.ScanError{Message: err.Error()})
	}
	return nil
}

// remote is the cPanel/WHM client the options describe.
func (o *RemediationOptions) remote() (remediate.Remote, error) {
	newRemote := o.NewRemote
	if newRemote == nil {
		newRemote = func(opts cpanel.Options) (remediate.Remote, error) { return cpanel.New(opts) }
	}
	return newRemote(cpanel.Options{CAFile: o.CAFile, InsecureHosts: o.InsecureHosts, Timeout: o.APITimeout})
}

// remediateReport is the scan's --verify/--revoke step, between building the report and writing it.
func remediateReport(ctx context.Context, opts *ScanOptions, rep *report.Report) error {
	o := &opts.RemediationOptions
	if !o.Verify && !o.Revoke {
		return nil
	}
	rep.Scan.Verify, rep.Scan.Revoke = true, o.Revoke
	if len(rep.Entries) == 0 {
		return nil
	}
	if err := o.run(ctx, rep, ""); err != nil {
		return err
	}
	rep.Scan.Finished = opts.Now()
	return nil
}

// IncidentOptions is what `tokenscan verify` and `tokenscan revoke` need: one token, read from
// standard input (never from the command line, where ps and shell history would keep it), and
// the account it belongs to.
type IncidentOptions struct {
	IO          *IOStreams
	Now         func() time.Time
	Kind        string
	Host        string
	Port        int
	User        string
	Name        string
	Format      string
	Revoke      bool
	Remediation RemediationOptions
}

const verifyLong = `verify checks whether one cPanel or WHM API token still works, without a scan. The token is
read from standard input, never from the command line (where ps and shell history would keep it),
and sent only to the host given with --host, over verified HTTPS.

The state is printed as a one-token report: live, dead (the server refuses it) or unknown (the
check itself failed; see the detail).`

const revokeLong = `revoke revokes one cPanel or WHM API token and proves it: the token is read from standard input,
its name is resolved (WHM's own lookup, --inventory, the server's token files, or the account
having a single token), it is revoked, and the value is checked again. It is reported
revoked-confirmed only when the server then refuses it. If the name cannot be resolved nothing is
revoked and the candidates are listed; pass --name when you know it.

Exit codes: 1 revoked and confirmed (or already dead), 3 not revoked or not confirmed, 2 errors.`

func newVerifyCmd(r *rootCmd, ios *IOStreams) *cobra.Command {
	return newIncidentCmd(r, ios, false)
}

func newRevokeCmd(r *rootCmd, ios *IOStreams) *cobra.Command {
	return newIncidentCmd(r, ios, true)
}

func newIncidentCmd(r *rootCmd, ios *IOStreams, revoke bool) *cobra.Command {
	opts := &IncidentOptions{IO: ios, Now: time.Now, Revoke: revoke}
	cmd := &cobra.Command{
		Use:   "verify --kind cpanel|whm --host HOST --user USER < token",
		Short: "Check whether one token (read from standard input) is live",
		Long:  verifyLong,
		Example: `  # Paste the token, then press Ctrl-D
  tokenscan verify --kind cpanel --host cp.example.com --user shop
  pass show cpanel/shop | tokenscan verify --kind cpanel --host cp.example.com --user shop`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			rep, err := runIncident(cmd.Context(), opts)
			r.report = rep
			return err
		},
	}
	if revoke {
		cmd.Use = "revoke --kind cpanel|whm --host HOST --user USER [--name NAME] < token"
		cmd.Short = "Revoke one token (read from standard input) and confirm it no longer works"
		cmd.Long = revokeLong
		cmd.Example = `  pass show cpanel/shop | tokenscan revoke --kind cpanel --host cp.example.com --user shop
  tokenscan revoke --kind whm --host whm.example.com --user root --audit-log incident.jsonl < token.txt
  tokenscan revoke --kind cpanel --host cp.example.com --user shop --inventory tokens.json < token.txt`
	}
	f := cmd.Flags()
	f.StringVar(&opts.Kind, "kind", "cpanel", "token kind: cpanel (UAPI) or whm (WHM API 1)")
	f.StringVar(&opts.Host, "host", "", "the cPanel/WHM host the token belongs to (required)")
	f.IntVar(&opts.Port, "port", 0, "port (default 2083 for cpanel, 2087 for whm)")
	f.StringVar(&opts.User, "user", "", "the cPanel account, or WHM root/reseller, the token belongs to (required)")
	f.StringVarP(&opts.Format, "format", "f", "text", "report format: text, json or sarif")
	addConnectionFlags(cmd, &opts.Remediation)
	if revoke {
		f.StringVar(&opts.Name, "name", "", "the token's name, when you know it (skips name resolution)")
		addResolveFlags(cmd, &opts.Remediation)
	}
	return cmd
}

// tokenValue is a cPanel/WHM API token. The patterns here are compiled on first use: most runs
// (a pre-commit hook, tokenscan version) never need them.
var tokenValue = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9A-Z]{32}$`) })

// accessHashValue is a legacy WHM remote access key: long hex, often split over lines.
var accessHashValue = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9a-fA-F\s]{32,}$`) })

func runIncident(ctx context.Context, opts *IncidentOptions) (*report.Report, error) {
	format, err := report.ParseFormat(opts.Format)
	if err != nil {
		return nil, usageError{err}
	}
	kind := finding.Kind(strings.ToLower(opts.Kind))
	if kind != finding.KindCPanel && kind != finding.KindWHM {
		return nil, usageError{fmt.Errorf("--kind must be cpanel or whm, not %q", opts.Kind)}
	}
	if opts.Host == "" || opts.User == "" {
		return nil, usageError{errors.New("--host and --user are required: the token is sent to that host only")}
	}
	host := strings.ToLower(strings.TrimSpace(opts.Host))
	if h, p, ok := strings.Cut(host, ":"); ok && opts.Port == 0 && !strings.Contains(p, ":") {
		if n, err := strconv.Atoi(p); err == nil {
			host, opts.Port = h, n
		}
	}
	target := finding.Target{Kind: kind, Host: host, Port: opts.Port, User: opts.User}
	if _, err := cpanel.BaseURL(target); err != nil {
		return nil, usageError{err}
	}
	ro := &opts.Remediation
	ro.Verify, ro.Revoke = true, opts.Revoke
	if opts.Name != "" && !inventory.ValidName(opts.Name) {
		return nil, usageError{fmt.Errorf("--name %q is not a token name (1-50 of A-Z a-z 0-9 _ -)", opts.Name)}
	}
	if err := ro.prepare(false); err != nil {
		return nil, err
	}
	secret, err := readToken(opts.IO.In, kind)
	if err != nil {
		return nil, usageError{err}
	}
	fp := finding.FingerprintOf(secret)
	rep := &report.Report{
		Tool: report.Tool{Name: "tokenscan", Version: version},
		Scan: report.Scan{Sources: []string{"stdin"}, Started: opts.Now(), Verify: true, Revoke: opts.Revoke},
		Entries: []report.Entry{{Leak: finding.Leak{
			RuleID:      string(kind) + "-token-stdin",
			Description: "token given on standard input",
			Secret:      secret,
			Fingerprint: fp,
			Target:      target,
			Locations:   []finding.Origin{{Source: "stdin"}},
		}}},
	}
	if err := ro.run(ctx, rep, opts.Name); err != nil {
		return nil, err
	}
	rep.Scan.Finished = opts.Now()
	if err := report.Write(opts.IO.Out, format, rep, report.Options{Color: opts.IO.OutIsTTY && os.Getenv("NO_COLOR") == ""}); err != nil {
		return rep, err
	}
	return rep, nil
}

// readToken reads the token from standard input. Errors describe what was read without
// repeating it: a user who pasted the wrong secret must not see it echoed into a log.
func readToken(in io.Reader, kind finding.Kind) (string, error) {
	if in == nil {
		return "", errors.New("no standard input: pipe the token in")
	}
	data, err := io.ReadAll(io.LimitReader(in, 64<<10))
	if err != nil {
		return "", fmt.Errorf("reading the token from standard input: %w", err)
	}
	s := strings.TrimSpace(string(data))
	switch {
	case s == "":
		return "", errors.New("standard input is empty: pipe the token in (it is never taken from the command line)")
	case tokenValue().MatchString(s):
		return s, nil
	case kind == finding.KindWHM && accessHashValue().MatchString(s):
		return s, nil
	}
	return "", fmt.Errorf("standard input does not hold a %s API token (32 characters of 0-9 A-Z); got %d characters", kind, len(s))
}
