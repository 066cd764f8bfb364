// Command demo shows tokenscan's main job on a repository it builds on the spot: a cPanel token
// committed by mistake, deleted in a later commit, and still found in history with the commit
// and author that introduced it. It then revokes that token for real: the cPanel simulator runs
// in this process, mints the token that gets leaked, and `tokenscan --revoke` revokes it and
// proves that the server refuses it afterwards. With -org it then sweeps a whole GitHub
// organisation (org.go) as the scheduled CI job would. `make demo` runs it; nothing is manual.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/tokenscan/tokenscan/scanner/cpanel/cpaneltest"
	"github.com/tokenscan/tokenscan/scanner/finding"
)

func main() {
	tokenscan := flag.String("tokenscan", "bin/tokenscan", "tokenscan binary to run")
	keep := flag.Bool("keep", false, "keep the demo repository instead of deleting it")
	org := flag.Bool("org", false, "then sweep a whole GitHub organisation (GitHub fake, git server, cPanel simulator)")
	flag.Parse()
	if err := run(*tokenscan, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
	if *org {
		if err := runOrg(*tokenscan); err != nil {
			fmt.Fprintln(os.Stderr, "demo:", err)
			os.Exit(1)
		}
	}
}

func run(tokenscan string, keep bool) error {
	bin, err := filepath.Abs(tokenscan)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "tokenscan-demo-")
	if err != nil {
		return err
	}
	if !keep {
		defer os.RemoveAll(dir)
	}
	leakDate := time.Date(2025, 3, 4, 16, 20, 0, 0, time.UTC)
	sim, err := startSimulator(dir, leakDate)
	if err != nil {
		return err
	}
	defer sim.Close()
	token, host := sim.leaked, sim.host

	step("Building a demo repository in %s", dir)
	g := &repo{dir: dir}
	g.git("init", "-q", "-b", "main")
	g.write("README.md", "# shop-deploy\n\nDeployment scripts for the shop.\n")
	g.write("deploy.sh", "#!/bin/sh\nset -eu\nrsync -az ./public/ deploy@shop.example.com:public_html/\n")
	g.commit("Alex Admin", "alex@shop.example.com", "2025-03-01T09:00:00Z", "Initial deployment script")

	g.write("deploy.sh", "#!/bin/sh\nset -eu\nrsync -az ./public/ deploy@shop.example.com:public_html/\n"+
		"# clear the cache through cPanel's API\n"+
		"curl -s -H 'Authorization: cpanel shopuser:"+token+"' \\\n"+
		"  'https://"+host+"/execute/Cache/purge'\n")
	g.commit("Dana Developer", "dana@shop.example.com", leakDate.Format(time.RFC3339), "Purge cache after deploy")

	g.write("deploy.sh", "#!/bin/sh\nset -eu\nrsync -az ./public/ deploy@shop.example.com:public_html/\n"+
		"curl -s -H \"Authorization: cpanel shopuser:${CPANEL_TOKEN}\" \\\n"+
		"  'https://"+host+"/execute/Cache/purge'\n")
	g.commit("Dana Developer", "dana@shop.example.com", "2025-03-05T10:02:00Z", "Read the cPanel token from the environment")
	if g.err != nil {
		return g.err
	}
	fmt.Println(g.out("log", "--format=  %h %an  %s"))
	fmt.Println("  The token was removed in the last commit, so the working tree is clean.")
	fmt.Println("  It is still in history, where anyone who clones the repository can read it.")

	step("Running: tokenscan --path %s", dir)
	if code, err := runTokenscan(bin, "--path", dir); err != nil {
		return err
	} else if code != 1 {
		return fmt.Errorf("tokenscan exited %d, want 1: the planted token was not found", code)
	}
	step("tokenscan exited 1: a leaked token was found, in the commit that added it, with its author.")
	fmt.Println("  The value is redacted in every report; the fingerprint identifies it without revealing it.")

	fmt.Printf("\n  Finding it is half the job. The URL in the leak points at %s, where a cPanel\n", host)
	fmt.Println("  simulator runs for this demo (cPanel itself cannot run here). Is the token still live,")
	fmt.Println("  and can tokenscan revoke it? cPanel revokes tokens by name, and no API maps a value to a name.")

	caArgs := []string{"--path", dir, "--ca-file", sim.caFile}
	step("Running: tokenscan --path %s --revoke --ca-file %s", dir, sim.caFile)
	code, err := runTokenscan(bin, append(caArgs, "--revoke")...)
	if err != nil {
		return err
	}
	if code != 3 {
		return fmt.Errorf("tokenscan --revoke without an inventory exited %d, want 3 (unresolved)", code)
	}
	step("tokenscan exited 3: the token is live, but shopuser has three tokens and nothing says which one leaked.")
	fmt.Println("  So it revoked nothing, and ranked the candidates (created just before the commit, a name")
	fmt.Println("  like the file it leaked in) for a person to decide. Guessing would revoke an innocent token.")

	fmt.Println("\n  The browser extension records every token it sees created (fingerprint -> name) in an")
	fmt.Printf("  inventory, never the value. Here is the one it would have written: %s\n", sim.inventory)
	step("Running: tokenscan --path %s --revoke --ca-file %s --inventory %s --audit-log %s", dir, sim.caFile, sim.inventory, sim.auditLog)
	code, err = runTokenscan(bin, append(caArgs, "--revoke", "--inventory", sim.inventory, "--audit-log", sim.auditLog)...)
	if err != nil {
		return err
	}
	if code != 1 {
		return fmt.Errorf("tokenscan --revoke --inventory exited %d, want 1 (revoked and confirmed)", code)
	}
	step("tokenscan exited 1: the leak is revoked and confirmed. Checking with the server ourselves:")
	status, err := sim.tryToken(token)
	if err != nil {
		return err
	}
	fmt.Printf("  POST %s/execute/Tokens/list with the leaked token -> HTTP %d %s\n", sim.url, status, http.StatusText(status))
	if status != http.StatusUnauthorized && status != http.StatusForbidden {
		return fmt.Errorf("the revoked token still authenticates (HTTP %d)", status)
	}
	for name, v := range sim.innocent {
		if !sim.Valid(finding.KindCPanel, "shopuser", v) {
			return fmt.Errorf("the innocent token %q was revoked", name)
		}
	}
	fmt.Println("  The leaked token no longer authenticates; the account's other two tokens still work.")
	step("The audit log (%s): every action, tokens named by fingerprint only", sim.auditLog)
	if err := printFile(sim.auditLog); err != nil {
		return err
	}
	return nil
}

func step(format string, args ...any) {
	fmt.Printf("\n==> "+format+"\n\n", args...)
}

// runTokenscan runs the CLI with its output on ours and returns its exit code.
func runTokenscan(bin string, args ...string) (int, error) {
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, nil
	case errors.As(err, &exit):
		return exit.ExitCode(), nil
	}
	return 0, fmt.Errorf("running tokenscan: %w", err)
}

// demoSim is the in-process cPanel server the leak points at, with what the demo needs to know.
type demoSim struct {
	*cpaneltest.Sim
	url       string            // https://127.0.0.1:port
	host      string            // 127.0.0.1:port, as it appears in the leaked URL
	leaked    string            // the value that gets committed
	innocent  map[string]string // name -> value of the account's other tokens
	caFile    string            // the simulator's CA, for tokenscan --ca-file
	inventory string            // what the browser extension would have recorded
	auditLog  string
}

// startSimulator starts a cPanel simulator on a free loopback port with account shopuser and
// three tokens, one of which (cache-purge, created half an hour before the commit) will leak.
// Its files go to a directory beside the repository, so they are not part of what is scanned.
func startSimulator(repoDir string, leakDate time.Time) (*demoSim, error) {
	files := repoDir + "-sim"
	if err := os.MkdirAll(files, 0o700); err != nil {
		return nil, err
	}
	s, err := cpaneltest.New(cpaneltest.Options{})
	if err != nil {
		return nil, err
	}
	ep, err := s.Listen(cpaneltest.ServiceCPanel, cpaneltest.TLSOn, "127.0.0.1:0")
	if err != nil {
		s.Close()
		return nil, err
	}
	u, err := url.Parse(ep.URL)
	if err != nil {
		s.Close()
		return nil, err
	}
	d := &demoSim{Sim: s, url: ep.URL, host: u.Host, innocent: map[string]string{},
		caFile: filepath.Join(files, "cpanel-sim-ca.pem"), inventory: filepath.Join(files, "inventory.json"),
		auditLog: filepath.Join(files, "audit.jsonl")}
	fail := func(err error) (*demoSim, error) {
		s.Close()
		return nil, err
	}
	if err := s.AddAccount(cpaneltest.Account{User: "shopuser"}); err != nil {
		return fail(err)
	}
	tokens := []struct {
		name    string
		created time.Time
	}{
		{"backup-nightly", leakDate.Add(-40 * 24 * time.Hour)},
		{"monitoring", leakDate.Add(-9 * 24 * time.Hour)},
		{"cache-purge", leakDate.Add(-30 * time.Minute)},
	}
	for _, t := range tokens {
		v, err := s.Mint(cpaneltest.TokenSpec{User: "shopuser", Name: t.name, CreateTime: t.created})
		if err != nil {
			return fail(err)
		}
		d.innocent[t.name] = v
	}
	d.leaked = d.innocent["cache-purge"]
	delete(d.innocent, "cache-purge")
	if err := s.WriteCA(d.caFile); err != nil {
		return fail(err)
	}
	inv := fmt.Sprintf(`{"version": 1, "entries": [{"fingerprint": %q, "kind": "cpanel", "host": %q, "port": %s, "user": "shopuser", "name": "cache-purge", "created_at": %q}]}`+"\n",
		finding.FingerprintOf(d.leaked), u.Hostname(), u.Port(), leakDate.Add(-30*time.Minute).Format(time.RFC3339))
	if err := os.WriteFile(d.inventory, []byte(inv), 0o600); err != nil {
		return fail(err)
	}
	return d, nil
}

// Close stops the simulator and removes its files.
func (d *demoSim) Close() error {
	err := d.Sim.Close()
	os.RemoveAll(filepath.Dir(d.caFile))
	return err
}

// tryToken makes a request with the token, independently of tokenscan, and returns the status.
func (d *demoSim) tryToken(token string) (int, error) {
	req, err := http.NewRequest(http.MethodPost, d.url+"/execute/Tokens/list", nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", "cpanel shopuser:"+token)
	resp, err := d.Client().Do(req)
	if err != nil {
		return 0, fmt.Errorf("checking the token: %w", err)
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

func printFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fmt.Println("  " + sc.Text())
	}
	return sc.Err()
}

// repo runs git in a directory, keeping the first error.
type repo struct {
	dir string
	err error
	env []string
}

func (r *repo) write(name, content string) {
	if r.err == nil {
		r.err = os.WriteFile(filepath.Join(r.dir, name), []byte(content), 0o644)
	}
}

func (r *repo) commit(name, email, date, msg string) {
	r.env = []string{"GIT_AUTHOR_NAME=" + name, "GIT_AUTHOR_EMAIL=" + email, "GIT_AUTHOR_DATE=" + date,
		"GIT_COMMITTER_NAME=" + name, "GIT_COMMITTER_EMAIL=" + email, "GIT_COMMITTER_DATE=" + date}
	r.git("add", "-A")
	r.git("commit", "-q", "-m", msg)
}

func (r *repo) git(args ...string) { r.out(args...) }

func (r *repo) out(args ...string) string {
	if r.err != nil {
		return ""
	}
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	cmd.Env = append(os.Environ(), append([]string{"GIT_CONFIG_GLOBAL=" + os.DevNull, "GIT_CONFIG_NOSYSTEM=1"}, r.env...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.err = fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return strings.TrimRight(string(out), "\n")
}
