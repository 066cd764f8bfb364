// Package mirror keeps bare copies of remote repositories in a local cache, so an organisation
// is cloned once and then only fetched, and remembers per repository which commits were scanned
// (by object id and token fingerprint, never a token value), so a re-run scans only what is new.
//
// Credentials reach git only in the environment of the git process: an HTTP Authorization
// header given as command-line-scope configuration (GIT_CONFIG_COUNT, GIT_CONFIG_KEY_n,
// GIT_CONFIG_VALUE_n). No token is ever part of a URL, an argument of a process, or a git
// config file in the cache.
package mirror

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Cache is a directory of bare mirrors and scan state, used by one process at a time.
type Cache struct {
	dir    string
	token  string
	unlock func()
}

// Remote names one repository to mirror.
type Remote struct {
	Host     string // e.g. github.com or 127.0.0.1:8080: the cache's namespace
	FullName string // owner/name
	URL      string // https clone URL, without credentials
}

// ErrLocked is returned by Open when another process holds the cache.
var ErrLocked = errors.New("the cache is in use by another tokenscan process")

// Open opens (creating it) the cache in dir. token, when not empty, is given to git for HTTPS
// authentication. Close releases the cache.
func Open(dir, token string) (*Cache, error) {
	if dir == "" {
		return nil, errors.New("mirror cache: no directory")
	}
	if err := checkGitVersion(); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(abs, 0o700); err != nil {
		return nil, fmt.Errorf("mirror cache: %w", err)
	}
	unlock, err := lockDir(filepath.Join(abs, "lock"))
	if err != nil {
		return nil, fmt.Errorf("mirror cache %s: %w", abs, err)
	}
	// Caches written before the token went in a header held an askpass helper (no secret).
	os.Remove(filepath.Join(abs, "askpass.sh"))
	return &Cache{dir: abs, token: token, unlock: unlock}, nil
}

// Dir is the cache's directory.
func (c *Cache) Dir() string { return c.dir }

// Close releases the cache for other processes.
func (c *Cache) Close() error {
	if c.unlock != nil {
		c.unlock()
		c.unlock = nil
	}
	return nil
}

var hostUnsafe = regexp.MustCompile(`[^A-Za-z0-9._-]`)

func (c *Cache) path(kind, host, fullName, suffix string) (string, error) {
	owner, name, ok := strings.Cut(fullName, "/")
	for _, part := range []string{owner, name} {
		if !ok || part == "" || part == "." || part == ".." || strings.ContainsAny(part, `/\`) || hostUnsafe.MatchString(part) {
			return "", fmt.Errorf("repository name %q cannot be a cache path", fullName)
		}
	}
	h := hostUnsafe.ReplaceAllString(strings.ToLower(host), "_")
	if h == "" {
		return "", errors.New("repository host is empty")
	}
	return filepath.Join(c.dir, kind, h, strings.ToLower(owner), strings.ToLower(name)+suffix), nil
}

// RepoDir is where the bare mirror of r lives.
func (c *Cache) RepoDir(r Remote) (string, error) { return c.path("repos", r.Host, r.FullName, ".git") }

// StatePath is where the scan state of r is kept.
func (c *Cache) StatePath(r Remote) (string, error) {
	return c.path("state", r.Host, r.FullName, ".json")
}

// OwnerStates returns the paths of the scan states kept for the repositories of owner on host,
// whatever their names: what earlier runs knew, to compare with what GitHub lists now.
func (c *Cache) OwnerStates(host, owner string) ([]string, error) {
	probe, err := c.path("state", host, owner+"/x", ".json")
	if err != nil {
		return nil, err
	}
	paths, err := filepath.Glob(filepath.Join(filepath.Dir(probe), "*.json"))
	if err != nil {
		return nil, err
	}
	return paths, nil
}

// SyncResult says what Sync did.
type SyncResult struct {
	Dir    string
	Cloned bool // the mirror was created by this call
}

// Sync brings the mirror of r up to date: on first use a new bare repository is filled by a
// fetch of every branch and tag and then moved into place, so an interrupted clone leaves
// nothing half-made; later a fetch adds what is new and prunes deleted refs.
func (c *Cache) Sync(ctx context.Context, r Remote) (SyncResult, error) {
	dir, err := c.RepoDir(r)
	if err != nil {
		return SyncResult{}, err
	}
	if _, err := os.Stat(filepath.Join(dir, "HEAD")); err == nil {
		return SyncResult{Dir: dir}, c.fetch(ctx, dir, r.URL, false)
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o700); err != nil {
		return SyncResult{}, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), ".clone-*")
	if err != nil {
		return SyncResult{}, err
	}
	defer os.RemoveAll(tmp)
	// No template: the user's (init.templateDir) may hold hooks and other files a mirror has
	// no use for, and copying the stock one is a dozen files per repository.
	if _, err := c.git(ctx, "", "init", "--quiet", "--bare", "--template=", tmp); err != nil {
		return SyncResult{}, err
	}
	if err := c.fetch(ctx, tmp, r.URL, true); err != nil {
		return SyncResult{}, err
	}
	os.RemoveAll(dir) // a leftover without HEAD is no mirror
	if err := os.Rename(tmp, dir); err != nil {
		return SyncResult{}, fmt.Errorf("moving the new mirror into place: %w", err)
	}
	return SyncResult{Dir: dir, Cloned: true}, nil
}

// fetch fetches every branch and tag of url into the bare repository dir. A first fetch keeps
// the pack it receives as it is: git would otherwise explode a pack of fewer than 100 objects
// (most small repositories) into loose objects, a file written per object: a third of the
// client's fetch CPU in the organisation benchmark, and slower reads afterwards. Later fetches
// keep git's default, so frequent small fetches do not pile up packs.
func (c *Cache) fetch(ctx context.Context, dir, url string, first bool) error {
	var args []string
	if first {
		args = append(args, "-c", "fetch.unpackLimit=1")
	}
	args = append(args, "fetch", "--quiet", "--prune", "--no-tags", "--no-write-fetch-head", "--no-recurse-submodules",
		url, "+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*")
	_, err := c.git(ctx, dir, args...)
	var gerr *GitError
	if errors.As(err, &gerr) && strings.Contains(gerr.Stderr, "could not read Username") {
		// The server asked for credentials (HTTP 401) after the header was sent, or with none.
		why := "the server refused the GitHub token (HTTP 401): check that it is valid and can read this repository"
		if c.token == "" {
			why = "the server wants credentials and no GitHub token was given (GITHUB_TOKEN or --github-token-file)"
		}
		return fmt.Errorf("fetching %s: %s: %w", url, why, err)
	}
	if err != nil {
		return fmt.Errorf("fetching %s: %w", url, err)
	}
	return nil
}

// GitError is a failed git command with what it said on stderr.
type GitError struct {
	Args   []string
	Stderr string
	Err    error
}

func (e *GitError) Error() string {
	msg := "git " + strings.Join(e.Args, " ") + ": " + e.Err.Error()
	if s := strings.TrimSpace(e.Stderr); s != "" {
		if len(s) > 2000 {
			s = s[:2000] + "…"
		}
		msg += ": " + s
	}
	return msg
}

func (e *GitError) Unwrap() error { return e.Err }

// minGit is the oldest git the mirror works with: 2.31 reads configuration from
// GIT_CONFIG_COUNT (how the token reaches git), 2.29 has fetch --no-write-fetch-head.
var minGit = [2]int{2, 31}

// checkGitVersion refuses a git older than minGit with an error that says so; an older git
// would otherwise fail every fetch with a credentials prompt it may not show. A version it
// cannot read (a vendor's own format) is let through.
func checkGitVersion() error {
	out, err := exec.Command("git", "version").Output()
	if err != nil {
		return fmt.Errorf("mirror cache: running git: %w", err)
	}
	v, ok := parseGitVersion(string(out))
	if ok && (v[0] < minGit[0] || v[0] == minGit[0] && v[1] < minGit[1]) {
		return fmt.Errorf("mirror cache: %s is too old: organisation and repository scans need git %d.%d or later",
			strings.TrimSpace(string(out)), minGit[0], minGit[1])
	}
	return nil
}

// parseGitVersion reads the major and minor version from `git version` output ("git version
// 2.39.5", "git version 2.39.3 (Apple Git-146)", "git version 2.45.1.windows.1").
func parseGitVersion(out string) (v [2]int, ok bool) {
	rest, found := strings.CutPrefix(strings.TrimSpace(out), "git version ")
	if !found {
		return v, false
	}
	parts := strings.SplitN(rest, ".", 3)
	if len(parts) < 2 {
		return v, false
	}
	for i := range v {
		digits := parts[i]
		if end := strings.IndexFunc(digits, func(r rune) bool { return r < '0' || r > '9' }); end >= 0 {
			digits = digits[:end] // "39rc0", "45 (Apple ..."
		}
		n, err := strconv.Atoi(digits)
		if err != nil || len(digits) > 4 {
			return v, false
		}
		v[i] = n
	}
	return v, true
}

// gitArgs are prepended to every network command. credential.helper= empties the list of
// helpers and core.askPass= unsets the prompt program, so that when the token is refused (or
// there is none) git fails at once instead of asking anyone, and no helper the user
// configured stores anything; automatic gc and maintenance would only slow a bulk fetch down.
// core.hooksPath=/dev/null runs no hook: a user's own hooks directory (core.hooksPath in their
// global configuration) would otherwise run its reference-transaction hook twice per fetch,
// user code in every mirror of the organisation.
var gitArgs = []string{"-c", "credential.helper=", "-c", "gc.auto=0", "-c", "maintenance.auto=false", "-c", "core.askPass=",
	"-c", "core.hooksPath=" + os.DevNull}

// git runs one git command in dir ("" for none) and returns its stdout.
func (c *Cache) git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	full := append(append([]string{}, gitArgs...), args...)
	cmd := exec.CommandContext(ctx, "git", full...)
	cmd.Dir = dir
	cmd.Env = c.env()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &limitedBuffer{max: 64 << 10, buf: &stderr}
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &GitError{Args: args, Stderr: stderr.String(), Err: err}
	}
	return stdout.Bytes(), nil
}

// env is the environment of git processes: ours, without variables that would point git at
// another repository, prompt, configure it or switch off the redaction of Authorization
// headers in its traces, plus the token as an HTTP header.
//
// The header goes with git's first request, so a fetch is one request fewer than with a
// credential prompt (which answers a 401 challenge), and no helper process runs. curl drops a
// custom Authorization header when a redirect leaves the host, which a credential prompt would
// have answered for the new host too.
func (c *Cache) env() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
			"GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_ASKPASS", "SSH_ASKPASS", "GIT_TRACE_REDACT", "GIT_CONFIG_PARAMETERS":
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "GIT_TERMINAL_PROMPT=0", "GCM_INTERACTIVE=never")
	if c.token == "" {
		return env
	}
	// An empty value first clears any extra headers the user's configuration adds. os/exec
	// keeps the last of repeated variables, so these replace any GIT_CONFIG_COUNT and keys of
	// the user's, and keys of theirs beyond the count are not read.
	auth := base64.StdEncoding.EncodeToString([]byte("x-access-token:" + c.token))
	return append(env, "GIT_CONFIG_COUNT=2",
		"GIT_CONFIG_KEY_0=http.extraHeader", "GIT_CONFIG_VALUE_0=",
		"GIT_CONFIG_KEY_1=http.extraHeader", "GIT_CONFIG_VALUE_1=Authorization: Basic "+auth)
}

// limitedBuffer keeps the first max bytes and drops the rest without failing the writer.
type limitedBuffer struct {
	max int
	buf *bytes.Buffer
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.buf.Len(); room > 0 {
		b.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

// writeFileAtomic writes data to a temporary file beside path, syncs it and renames it over
// path, so a crash leaves the old content or the new, never a mix.
func writeFileAtomic(path string, data []byte, mode os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Chmod(mode); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
