// Command demo shows tokenscan's main job on a repository it builds on the spot: a cPanel token
// committed by mistake, deleted in a later commit, and still found in history with the commit
// and author that introduced it. `make demo` runs it.
package main

import (
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	tokenscan := flag.String("tokenscan", "bin/tokenscan", "tokenscan binary to run")
	keep := flag.Bool("keep", false, "keep the demo repository instead of deleting it")
	flag.Parse()
	if err := run(*tokenscan, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
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
	token, err := randomToken()
	if err != nil {
		return err
	}

	step("Building a demo repository in %s", dir)
	g := &repo{dir: dir}
	g.git("init", "-q", "-b", "main")
	g.write("README.md", "# shop-deploy\n\nDeployment scripts for the shop.\n")
	g.write("deploy.sh", "#!/bin/sh\nset -eu\nrsync -az ./public/ deploy@shop.example.com:public_html/\n")
	g.commit("Alex Admin", "alex@shop.example.com", "2025-03-01T09:00:00Z", "Initial deployment script")

	g.write("deploy.sh", "#!/bin/sh\nset -eu\nrsync -az ./public/ deploy@shop.example.com:public_html/\n"+
		"# clear the cache through cPanel's API\n"+
		"curl -s -H 'Authorization: cpanel shopuser:"+token+"' \\\n"+
		"  'https://shop.example.com:2083/execute/Cache/purge'\n")
	g.commit("Dana Developer", "dana@shop.example.com", "2025-03-04T16:20:00Z", "Purge cache after deploy")

	g.write("deploy.sh", "#!/bin/sh\nset -eu\nrsync -az ./public/ deploy@shop.example.com:public_html/\n"+
		"curl -s -H \"Authorization: cpanel shopuser:${CPANEL_TOKEN}\" \\\n"+
		"  'https://shop.example.com:2083/execute/Cache/purge'\n")
	g.commit("Dana Developer", "dana@shop.example.com", "2025-03-05T10:02:00Z", "Read the cPanel token from the environment")
	if g.err != nil {
		return g.err
	}
	fmt.Println(g.out("log", "--format=  %h %an  %s"))
	fmt.Println("  The token was removed in the last commit, so the working tree is clean.")
	fmt.Println("  It is still in history, where anyone who clones the repository can read it.")

	step("Running: tokenscan --path %s", dir)
	cmd := exec.Command(bin, "--path", dir)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit) && exit.ExitCode() == 1:
		step("tokenscan exited 1: a leaked token was found, in the commit that added it, with its author.")
		fmt.Println("  The value is redacted in every report; the fingerprint identifies it without revealing it.")
		return nil
	case err == nil:
		return errors.New("tokenscan exited 0: the planted token was not found")
	default:
		return fmt.Errorf("running tokenscan: %w", err)
	}
}

func step(format string, args ...any) {
	fmt.Printf("\n==> "+format+"\n\n", args...)
}

// randomToken makes a fresh token-shaped value, so no real-looking token is stored in this repo.
func randomToken() (string, error) {
	const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	for {
		var b strings.Builder
		for range 32 {
			n, err := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
			if err != nil {
				return "", err
			}
			b.WriteByte(alphabet[n.Int64()])
		}
		// A random token is all-hex with probability 5e-12; rules rightly ignore such values.
		if strings.ContainsAny(b.String(), "GHIJKLMNOPQRSTUVWXYZ") {
			return b.String(), nil
		}
	}
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
