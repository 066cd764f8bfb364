package main

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/tokenscan/tokenscan/scanner/cpanel/cpaneltest"
	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/github/githubtest"
)

// runOrg is the organisation story: a GitHub organisation (the GitHub fake, with real git
// repositories behind git http-backend) where two repositories' histories hide tokens of two
// cPanel accounts, swept by `tokenscan --org demo --revoke` the way a scheduled CI job runs it,
// and swept again to show that a run with nothing new costs nothing.
func runOrg(tokenscan string) error {
	bin, err := filepath.Abs(tokenscan)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "tokenscan-demo-org-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	sim, err := cpaneltest.New(cpaneltest.Options{})
	if err != nil {
		return err
	}
	defer sim.Close()
	ep, err := sim.Listen(cpaneltest.ServiceCPanel, cpaneltest.TLSOn, "127.0.0.1:0")
	if err != nil {
		return err
	}
	host := ep.URL[len("https://"):]
	caFile := filepath.Join(dir, "cpanel-sim-ca.pem")
	if err := sim.WriteCA(caFile); err != nil {
		return err
	}
	leaked := map[string]string{}
	for _, user := range []string{"shopuser", "blogadmin"} {
		if err := sim.AddAccount(cpaneltest.Account{User: user}); err != nil {
			return err
		}
		v, err := sim.Mint(cpaneltest.TokenSpec{User: user, Name: "deploy", CreateTime: time.Now().Add(-72 * time.Hour)})
		if err != nil {
			return err
		}
		leaked[user] = v
	}

	secret := make([]byte, 18)
	rand.Read(secret)
	ghToken := "ghp_" + hex.EncodeToString(secret)
	tokenFile := filepath.Join(dir, "github-token")
	if err := os.WriteFile(tokenFile, []byte(ghToken), 0o600); err != nil {
		return err
	}
	gh, err := githubtest.New(githubtest.Options{Token: ghToken, GitRoot: filepath.Join(dir, "github")})
	if err != nil {
		return err
	}
	defer gh.Close()

	step("Building a GitHub organisation \"demo\" at %s (GitHub fake + git http-backend)", gh.URL())
	when := time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC)
	type change struct {
		files map[string]string
		msg   string
	}
	repos := []struct {
		name     string
		archived bool
		changes  []change
	}{
		{"shop-deploy", false, []change{
			{map[string]string{"README.md": "# shop-deploy\n"}, "Initial commit"},
			{map[string]string{"purge.sh": "curl -s -H 'Authorization: cpanel shopuser:" + leaked["shopuser"] + "' https://" + host + "/execute/Cache/purge\n"}, "Purge the cache after deploy"},
			{map[string]string{"purge.sh": "curl -s -H \"Authorization: cpanel shopuser:$CPANEL_TOKEN\" https://" + host + "/execute/Cache/purge\n"}, "Token from the environment"},
		}},
		{"blog", false, []change{
			{map[string]string{"backup.sh": "#!/bin/sh\ncurl -s -H 'Authorization: cpanel blogadmin:" + leaked["blogadmin"] + "' https://" + host + "/execute/Backup/fullbackup_to_homedir\n"}, "Nightly backup"},
		}},
		{"docs", false, []change{{map[string]string{"index.md": "# Handbook\n"}, "Docs"}}},
		{"website", false, []change{{map[string]string{"index.html": "<h1>Shop</h1>\n"}, "Site"}}},
		{"legacy-crm", true, []change{{map[string]string{"crm.php": "<?php // retired\n"}, "Last commit"}}},
	}
	for _, r := range repos {
		// GitHub's pushed_at is when the last push happened: here, the last commit's date. (Left
		// to the fake, it would be now, and a scan within tokenscan's one-minute slack of a push
		// rightly fetches again next time, in case a second push came in the same second.)
		pushed := when.Add(time.Duration(len(r.changes)) * 6 * time.Hour)
		bare, err := gh.AddRepo(githubtest.Repo{Owner: "demo", Name: r.name, Archived: r.archived, PushedAt: pushed})
		if err != nil {
			return err
		}
		for _, c := range r.changes {
			when = when.Add(6 * time.Hour)
			if _, err := githubtest.CommitTo(bare, githubtest.Commit{Files: c.files, Message: c.msg, When: when, Author: "Dana Developer <dana@shop.example.com>"}); err != nil {
				return err
			}
		}
		state := ""
		if r.archived {
			state = " (archived)"
		}
		fmt.Printf("  demo/%s%s: %d commits\n", r.name, state, len(r.changes))
	}
	fmt.Println("  Two repositories leaked a token of a different cPanel account; one of them deleted it again.")

	cache := filepath.Join(dir, "cache")
	args := []string{"--org", "demo", "--github-url", gh.URL(), "--github-token-file", tokenFile, "--cache-dir", cache,
		"--skip-archived", "--revoke", "--ca-file", caFile, "--progress-interval", "1s"}
	step("Running: tokenscan --org demo --github-url %s --github-token-file FILE --skip-archived --revoke --ca-file %s", gh.URL(), caFile)
	code, err := runTokenscan(bin, args...)
	if err != nil {
		return err
	}
	if code != 1 {
		return fmt.Errorf("tokenscan --org --revoke exited %d, want 1 (every leak revoked and confirmed)", code)
	}
	for user, v := range leaked {
		if sim.Valid(finding.KindCPanel, user, v) {
			return fmt.Errorf("%s's leaked token still works", user)
		}
	}
	step("tokenscan exited 1: both tokens revoked, and the simulator confirms they no longer authenticate.")
	fmt.Println("  The GitHub token reached git only in its environment, as an HTTP header of its first request:")
	fmt.Println("  it is in no URL, no command line and no file of the cache.")

	step("Running the same sweep again, as the next scheduled run would (nothing was pushed)")
	gh.ResetRequests()
	code, err = runTokenscan(bin, args...)
	if err != nil {
		return err
	}
	gitRequests := 0
	for _, r := range gh.Requests() {
		if r.Kind == "git" {
			gitRequests++
		}
	}
	if code != 1 || gitRequests != 0 {
		return fmt.Errorf("re-run: exit %d and %d git requests, want 1 and none", code, gitRequests)
	}
	step("tokenscan exited 1 without fetching or scanning a commit: the remembered tokens were read back from the mirror, re-verified, and are dead.")
	return nil
}
