// Command cpanel-sim serves the tokenscan cPanel/WHM simulator (scanner/cpanel/cpaneltest) on
// real sockets, for manual runs, demos and end-to-end tests in other processes (browser,
// workerd). It prints one line per listening URL on stdout and stops cleanly on SIGINT/SIGTERM.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/tokenscan/tokenscan/scanner/cpanel/cpaneltest"
	"github.com/tokenscan/tokenscan/scanner/finding"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "cpanel-sim:", err)
		os.Exit(2)
	}
}

// listMultiFlag collects a repeatable flag.
type listMultiFlag []string

func (l *listMultiFlag) String() string     { return strings.Join(*l, ",") }
func (l *listMultiFlag) Set(v string) error { *l = append(*l, v); return nil }

type config struct {
	cpanelHTTPS, cpanelHTTP, whmHTTPS, whmHTTP string
	wrongName, untrusted, expired              string
	tls                                        bool
	seed, caOut, version, logLevel             string
	limited                                    bool
	hostnames, accounts, whmUsers, tokens      listMultiFlag
	faults                                     listMultiFlag
}

func parseFlags(args []string, stderr io.Writer) (*config, error) {
	var c config
	fs := flag.NewFlagSet("cpanel-sim", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.cpanelHTTPS, "cpanel-https", "127.0.0.1:2083", "cPanel HTTPS listen address (empty: off)")
	fs.StringVar(&c.cpanelHTTP, "cpanel-http", "127.0.0.1:2082", "cPanel plain HTTP listen address (empty: off)")
	fs.StringVar(&c.whmHTTPS, "whm-https", "127.0.0.1:2087", "WHM HTTPS listen address (empty: off)")
	fs.StringVar(&c.whmHTTP, "whm-http", "127.0.0.1:2086", "WHM plain HTTP listen address (empty: off)")
	fs.StringVar(&c.wrongName, "cpanel-wrong-name", "", "extra cPanel HTTPS listener whose certificate names another host")
	fs.StringVar(&c.untrusted, "cpanel-untrusted", "", "extra cPanel HTTPS listener with a certificate from an unpublished CA")
	fs.StringVar(&c.expired, "cpanel-expired", "", "extra cPanel HTTPS listener with an expired certificate")
	fs.BoolVar(&c.tls, "tls", true, "open the HTTPS listeners (false: plain HTTP only)")
	fs.StringVar(&c.seed, "seed", "", "seed JSON `file` with accounts, WHM users, tokens and faults")
	fs.StringVar(&c.caOut, "ca-out", "", "write the CA certificate (PEM) to this `file` for clients")
	fs.StringVar(&c.version, "whm-version", "", "version reported by WHM's version function")
	fs.StringVar(&c.logLevel, "log-level", "info", "debug, info, warn or error (stderr; token values are never logged)")
	fs.BoolVar(&c.limited, "limited-access-tokens", false, "simulate an older server with limited-access cPanel tokens")
	fs.Var(&c.hostnames, "hostname", "extra certificate name (repeatable)")
	fs.Var(&c.accounts, "account", "cPanel account `user:password` with every feature (repeatable)")
	fs.Var(&c.whmUsers, "whm-user", "WHM user `user:password` with all privileges (repeatable)")
	fs.Var(&c.tokens, "token", "known token `kind:user:name:VALUE`, kind cpanel or whm (repeatable)")
	fs.Var(&c.faults, "fault", "fault as seed JSON, e.g. '{\"path\":\"/execute/Tokens/list\",\"latency\":\"2s\"}' (repeatable)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments: %q", fs.Args())
	}
	return &c, nil
}

// buildSeed merges the seed file and the seeding flags into one seed.
func buildSeed(c *config) (*cpaneltest.Seed, error) {
	seed := &cpaneltest.Seed{}
	if c.seed != "" {
		s, err := cpaneltest.LoadSeed(c.seed)
		if err != nil {
			return nil, err
		}
		seed = s
	}
	seed.Hostnames = append(seed.Hostnames, c.hostnames...)
	seed.LimitedAccessTokens = seed.LimitedAccessTokens || c.limited
	for _, a := range c.accounts {
		user, pass, ok := strings.Cut(a, ":")
		if !ok {
			return nil, fmt.Errorf("--account %q: want user:password", a)
		}
		seed.Accounts = append(seed.Accounts, cpaneltest.SeedAccount{Account: cpaneltest.Account{User: user, Password: pass}})
	}
	for _, u := range c.whmUsers {
		user, pass, ok := strings.Cut(u, ":")
		if !ok {
			return nil, fmt.Errorf("--whm-user %q: want user:password", u)
		}
		seed.WHMUsers = append(seed.WHMUsers, cpaneltest.SeedWHMUser{WHMUser: cpaneltest.WHMUser{User: user, Password: pass}})
	}
	for _, t := range c.tokens {
		parts := strings.Split(t, ":")
		if len(parts) != 4 {
			// The value is deliberately not echoed: it is a secret even in a simulator's flags.
			return nil, errors.New("--token: want kind:user:name:VALUE")
		}
		st := cpaneltest.SeedToken{TokenSpec: cpaneltest.TokenSpec{Name: parts[2], Value: parts[3]}}
		if err := addSeedToken(seed, finding.Kind(parts[0]), parts[1], st); err != nil {
			return nil, err
		}
	}
	for _, f := range c.faults {
		var fault cpaneltest.Fault
		if err := json.Unmarshal([]byte(f), &fault); err != nil {
			return nil, fmt.Errorf("--fault %q: %w", f, err)
		}
		seed.Faults = append(seed.Faults, fault)
	}
	return seed, nil
}

func addSeedToken(seed *cpaneltest.Seed, kind finding.Kind, user string, t cpaneltest.SeedToken) error {
	switch kind {
	case finding.KindCPanel:
		for i := range seed.Accounts {
			if seed.Accounts[i].User == user {
				seed.Accounts[i].Tokens = append(seed.Accounts[i].Tokens, t)
				return nil
			}
		}
	case finding.KindWHM:
		for i := range seed.WHMUsers {
			if seed.WHMUsers[i].User == user {
				seed.WHMUsers[i].Tokens = append(seed.WHMUsers[i].Tokens, t)
				return nil
			}
		}
	default:
		return fmt.Errorf("--token: kind %q is neither cpanel nor whm", kind)
	}
	return fmt.Errorf("--token: no %s user %q (add it with --account, --whm-user or the seed)", kind, user)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.logLevel)); err != nil {
		return fmt.Errorf("--log-level: %w", err)
	}
	seed, err := buildSeed(c)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	sim, err := cpaneltest.New(cpaneltest.Options{
		Logger:  logger,
		Version: c.version,
		Seed:    seed,
	})
	if err != nil {
		return err
	}
	defer sim.Close()
	if c.caOut != "" {
		if err := sim.WriteCA(c.caOut); err != nil {
			return err
		}
	}
	type listener struct {
		svc  cpaneltest.Service
		mode cpaneltest.TLSMode
		addr string
		tls  bool
	}
	for _, l := range []listener{
		{cpaneltest.ServiceCPanel, cpaneltest.TLSOn, c.cpanelHTTPS, true},
		{cpaneltest.ServiceCPanel, cpaneltest.TLSOff, c.cpanelHTTP, false},
		{cpaneltest.ServiceWHM, cpaneltest.TLSOn, c.whmHTTPS, true},
		{cpaneltest.ServiceWHM, cpaneltest.TLSOff, c.whmHTTP, false},
		{cpaneltest.ServiceCPanel, cpaneltest.TLSWrongName, c.wrongName, true},
		{cpaneltest.ServiceCPanel, cpaneltest.TLSUntrusted, c.untrusted, true},
		{cpaneltest.ServiceCPanel, cpaneltest.TLSExpired, c.expired, true},
	} {
		if l.addr == "" || (l.tls && !c.tls) {
			continue
		}
		ep, err := sim.Listen(l.svc, l.mode, l.addr)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s %s %s\n", ep.Service, ep.Mode, ep.URL)
	}
	if len(sim.Endpoints()) == 0 {
		return errors.New("no listener configured")
	}
	<-ctx.Done()
	logger.Info("shutting down")
	return sim.Close()
}
