package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"

	"github.com/tokenscan/tokenscan/rules"
	"github.com/tokenscan/tokenscan/scanner"
	"github.com/tokenscan/tokenscan/scanner/detect"
	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/github"
	"github.com/tokenscan/tokenscan/scanner/mirror"
	"github.com/tokenscan/tokenscan/scanner/report"
	"github.com/tokenscan/tokenscan/scanner/source"
)

// OrgOptions are the flags of a GitHub-wide scan (--org, --user, --repo).
type OrgOptions struct {
	Orgs          []string
	Users         []string
	Repos         []string
	IncludeRepos  []string
	ExcludeRepos  []string
	SkipArchived  bool
	SkipForks     bool
	Visibility    []string
	GitHubURL     string
	TokenFile     string
	Alerts        bool
	CacheDir      string
	Full          bool
	Shard         string
	Jobs          int
	MaxWait       time.Duration
	ProgressEvery time.Duration

	// Getenv reads GITHUB_TOKEN; nil means os.Getenv.
	Getenv func(string) string
}

// SourceGitHubAlert is the Origin.Source of a finding that came from a secret-scanning alert.
const SourceGitHubAlert = "github-alert"

func (o *OrgOptions) active() bool {
	return len(o.Orgs) > 0 || len(o.Users) > 0 || len(o.Repos) > 0
}

// addOrgFlags registers the GitHub-wide scan flags.
func addOrgFlags(cmd *cobra.Command, o *OrgOptions) {
	f := cmd.Flags()
	f.StringArrayVar(&o.Orgs, "org", nil, "scan every repository of this GitHub `organisation` (repeatable)")
	f.StringArrayVar(&o.Users, "user", nil, "scan every repository this GitHub `user` owns (private ones only with that user's own token; repeatable)")
	f.StringArrayVar(&o.Repos, "repo", nil, "scan this GitHub repository, `OWNER/NAME` (repeatable)")
	f.StringArrayVar(&o.IncludeRepos, "include-repo", nil, "with --org/--user: only repositories matching this `glob` (NAME or OWNER/NAME; repeatable)")
	f.StringArrayVar(&o.ExcludeRepos, "exclude-repo", nil, "with --org/--user: skip repositories matching this `glob` (repeatable)")
	f.BoolVar(&o.SkipArchived, "skip-archived", false, "skip archived repositories")
	f.BoolVar(&o.SkipForks, "skip-forks", false, "skip forks")
	f.StringSliceVar(&o.Visibility, "visibility", nil, "only repositories of these visibilities: public, private, internal (comma-separated)")
	f.StringVar(&o.GitHubURL, "github-url", github.DefaultURL, "GitHub or GitHub Enterprise Server `URL`")
	f.StringVar(&o.TokenFile, "github-token-file", "", "read the GitHub token from `file` (default: the GITHUB_TOKEN environment variable)")
	f.BoolVar(&o.Alerts, "github-alerts", false, "also verify/revoke the values of open GitHub secret-scanning alerts (custom patterns for cPanel tokens)")
	f.StringVar(&o.CacheDir, "cache-dir", "", "where mirrors and scan state are kept (default: the user cache directory's tokenscan/)")
	f.BoolVar(&o.Full, "full", false, "scan every commit again, not only those new since the last run")
	f.StringVar(&o.Shard, "shard", "", "scan only shard `I/N` of the repositories (a stable partition by name, for CI matrices)")
	f.IntVar(&o.Jobs, "jobs", 4, "repositories fetched, and repositories scanned, at once")
	f.DurationVar(&o.MaxWait, "github-max-wait", github.DefaultMaxWait, "longest wait for GitHub's API rate limit to reset before giving up")
	f.DurationVar(&o.ProgressEvery, "progress-interval", 10*time.Second, "how often progress is printed when standard error is not a terminal")
}

// orgScan is one run of a GitHub-wide scan.
type orgScan struct {
	opts   *ScanOptions
	gh     *github.Client
	cache  *mirror.Cache
	det    *detect.Detector
	host   string
	engine string
	maxSz  int64
	prog   *progress
	// excluded says which paths --exclude leaves out; nil when none.
	excluded func(path string) bool

	workers int

	mu      sync.Mutex
	counts  report.Counts
	errs    []report.ScanError
	found   []finding.Finding
	mirrors map[string]string // full name -> mirror directory
}

// repoJob is one repository on its way through the fetch and scan pools.
type repoJob struct {
	repo      github.Repo
	remote    mirror.Remote
	dir       string
	statePath string
	state     *mirror.State
	syncErr   error
	fetched   bool
	fetchedAt time.Time
	// unchanged: GitHub reports no push since the last complete scan, so the mirror was not
	// fetched and still holds exactly the tips that scan recorded.
	unchanged bool
	// vanished: GitHub no longer lists the repository; only its state and mirror are left.
	vanished bool
}

// pushedAtSlack is how long after GitHub's pushed_at a fetch must start before the fetch is
// trusted to hold that push. pushed_at has a resolution of one second, so a second push within
// the same second, after our fetch, would leave it unchanged and be skipped for good; the
// slack also covers clock skew between GitHub and this machine. A repository pushed to within
// it is fetched again next time (a fetch that finds nothing is cheap).
const pushedAtSlack = time.Minute

// runOrgScan is the scan for --org, --user and --repo: discover, fetch, scan, verify, report.
func runOrgScan(ctx context.Context, opts *ScanOptions) (*report.Report, error) {
	o := &opts.OrgOptions
	format, err := report.ParseFormat(opts.Format)
	if err != nil {
		return nil, usageError{err}
	}
	if opts.Staged || opts.NoHistory || opts.SinceCommit != "" || opts.LogOpts != "" {
		return nil, usageError{errors.New("--org, --user and --repo scan whole histories; --staged, --no-history, --since-commit and --log-opts do not apply")}
	}
	maxSize, err := parseSize(opts.MaxFileSize)
	if err != nil {
		return nil, usageError{fmt.Errorf("--max-file-size: %w", err)}
	}
	var shard mirror.Shard
	if o.Shard != "" {
		if shard, err = mirror.ParseShard(o.Shard); err != nil {
			return nil, usageError{fmt.Errorf("--shard: %w", err)}
		}
	}
	filter := github.Filter{Include: o.IncludeRepos, Exclude: o.ExcludeRepos, SkipArchived: o.SkipArchived, SkipForks: o.SkipForks, Visibility: o.Visibility}
	if err := filter.Validate(); err != nil {
		return nil, usageError{err}
	}
	for _, r := range o.Repos {
		if !github.ValidFullName(r) {
			return nil, usageError{fmt.Errorf("--repo %q: want OWNER/NAME", r)}
		}
	}
	if o.Jobs < 1 {
		return nil, usageError{errors.New("--jobs must be at least 1")}
	}
	token, err := o.token()
	if err != nil {
		return nil, err
	}
	ignore, err := loadIgnores(opts)
	if err != nil {
		return nil, err
	}
	cacheDir := o.CacheDir
	if cacheDir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return nil, fmt.Errorf("finding a cache directory (pass --cache-dir): %w", err)
		}
		cacheDir = filepath.Join(base, "tokenscan")
	}
	started := opts.Now()
	prog := newProgress(opts.IO.ErrOut, opts.IO.ErrIsTTY, opts.Quiet, o.ProgressEvery)
	client, err := github.New(github.Options{URL: o.GitHubURL, Token: token, MaxWait: o.MaxWait, OnWait: prog.waiting,
		UserAgent: "tokenscan/" + version})
	if err != nil {
		return nil, usageError{fmt.Errorf("--github-url: %w", err)}
	}
	webURL, _ := url.Parse(client.WebURL())
	cache, err := mirror.Open(cacheDir, token)
	if err != nil {
		return nil, err
	}
	defer cache.Close()
	det, err := detect.New(detect.Options{})
	if err != nil {
		return nil, err
	}
	s := &orgScan{opts: opts, gh: client, cache: cache, det: det, host: webURL.Host, engine: engineID(opts.Exclude), maxSz: maxSize,
		prog: prog, counts: report.Counts{Skipped: map[string]int{}}, mirrors: map[string]string{}}
	if len(opts.Exclude) > 0 {
		if s.excluded, err = source.ExcludeMatcher(opts.Exclude); err != nil {
			return nil, usageError{err}
		}
	}

	repos, fails, err := client.Discover(ctx, github.Query{Orgs: o.Orgs, Users: o.Users, Repos: o.Repos})
	if err != nil {
		return nil, err
	}
	for _, f := range fails {
		s.errs = append(s.errs, report.ScanError{Source: f.Source, Message: f.Err.Error()})
	}
	// A repository named with --repo is wanted by name: the filters, which narrow listings,
	// would otherwise drop it without a word.
	named := map[string]bool{}
	for _, r := range o.Repos {
		named[strings.ToLower(r)] = true
	}
	var selected []github.Repo
	for _, r := range repos {
		if !r.Disabled && (named[strings.ToLower(r.FullName)] || filter.Match(r)) && shard.Contains(r.FullName) {
			selected = append(selected, r)
		}
	}
	largestFirst(selected)
	s.workers = opts.Workers
	if s.workers <= 0 {
		s.workers = max(1, runtime.GOMAXPROCS(0)/o.Jobs)
	}
	prog.start(len(selected))
	s.run(ctx, selected, o.Jobs)
	if ctx.Err() == nil {
		// Only the name patterns: what a state knows of a repository is its name.
		s.vanished(ctx, completeOwners(o, fails), repos, github.Filter{Include: filter.Include, Exclude: filter.Exclude}, shard)
	}
	if o.Alerts && ctx.Err() == nil {
		s.alerts(ctx, selected)
	}
	prog.stop()
	// Interrupted (Ctrl-C, or a CI job's time limit sending SIGINT/SIGTERM): the report still
	// says what was found until then, and that the sweep is incomplete. Nothing is verified or
	// revoked after an interruption.
	interrupted := ctx.Err() != nil
	if interrupted {
		s.errs = append(s.errs, report.ScanError{Message: "interrupted (" + context.Cause(ctx).Error() +
			") before the sweep finished: this report holds only what was scanned until then; nothing was verified or revoked"})
	}

	rep := &report.Report{
		Tool:   report.Tool{Name: "tokenscan", Version: version},
		Scan:   report.Scan{Started: started, Counts: s.counts},
		Errors: s.errs,
	}
	for _, r := range selected {
		rep.Scan.Sources = append(rep.Scan.Sources, "github:"+s.host+"/"+r.FullName)
	}
	for _, l := range finding.Group(s.found) {
		if !ignore[l.Fingerprint] {
			rep.Entries = append(rep.Entries, report.Entry{Leak: l})
		}
	}
	rep.Scan.Finished = opts.Now()
	if !interrupted {
		if err := remediateReport(ctx, opts, rep); err != nil {
			return nil, err
		}
	}
	if err := writeReport(opts, format, rep); err != nil {
		return rep, err
	}
	if !opts.Quiet && (opts.ReportPath != "" || format != report.FormatText) {
		printStatus(opts.IO.ErrOut, rep)
	}
	return rep, nil
}

// token reads the GitHub token: --github-token-file, else GITHUB_TOKEN. It is never a flag
// value, where ps and shell history would keep it.
func (o *OrgOptions) token() (string, error) {
	if o.TokenFile != "" {
		data, err := os.ReadFile(o.TokenFile)
		if err != nil {
			return "", fmt.Errorf("reading --github-token-file: %w", err)
		}
		t := strings.TrimSpace(string(data))
		if t == "" || strings.ContainsAny(t, " \t\r\n") {
			return "", usageError{fmt.Errorf("--github-token-file %s does not hold one token", o.TokenFile)}
		}
		return t, nil
	}
	getenv := o.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	if t := strings.TrimSpace(getenv("GITHUB_TOKEN")); t != "" {
		if strings.ContainsAny(t, " \t\r\n") {
			return "", usageError{errors.New("GITHUB_TOKEN does not hold one token (it has white space inside)")}
		}
		return t, nil
	}
	return "", usageError{errors.New("a GitHub token is needed: set GITHUB_TOKEN or pass --github-token-file")}
}

// engineID names the rules, program and path exclusions that produce a scan, for the incremental
// state: a repository scanned by another engine is scanned again in full, so a path excluded
// last time is not left unscanned when --exclude changes.
func engineID(exclude []string) string {
	sum := sha256.Sum256(rules.TOML)
	id := "rules:" + hex.EncodeToString(sum[:8]) + " tokenscan:" + version
	if len(exclude) > 0 {
		ex := sha256.Sum256([]byte(strings.Join(slices.Sorted(slices.Values(exclude)), "\x00")))
		id += " exclude:" + hex.EncodeToString(ex[:8])
	}
	return id
}

// run fetches and scans the repositories through two bounded pools: network work (clone and
// fetch) and CPU work (scanning) each have their own limit, so a slow fetch never idles the CPU
// and a large scan never stops the next fetches. One repository's failure is recorded and the
// others go on.
// largestFirst orders repositories for fetching and scanning, largest first: a big repository
// started last would finish alone while the other jobs sit idle (longest-processing-time-first
// scheduling). GitHub's size is a rough guide; equal sizes keep the listing's order.
func largestFirst(repos []github.Repo) {
	sort.SliceStable(repos, func(i, j int) bool { return repos[i].SizeKB > repos[j].SizeKB })
}

func (s *orgScan) run(ctx context.Context, repos []github.Repo, jobs int) {
	ready := make(chan *repoJob, len(repos))
	go func() {
		var net errgroup.Group
		net.SetLimit(jobs)
		for _, r := range repos {
			if ctx.Err() != nil {
				break
			}
			net.Go(func() error {
				j := &repoJob{repo: r}
				s.sync(ctx, j)
				ready <- j
				return nil
			})
		}
		net.Wait()
		close(ready)
	}()
	var cpu errgroup.Group
	cpu.SetLimit(jobs)
	for j := range ready {
		cpu.Go(func() error {
			s.scan(ctx, j)
			s.prog.repoDone()
			return nil
		})
	}
	cpu.Wait()
}

func (s *orgScan) fail(source string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.errs = append(s.errs, report.ScanError{Source: source, Message: err.Error()})
}

// sync prepares a repository's mirror: fetched, or left as it is when GitHub says nothing was
// pushed since the last complete scan.
func (s *orgScan) sync(ctx context.Context, j *repoJob) {
	r := j.repo
	j.remote = mirror.Remote{Host: s.host, FullName: r.FullName, URL: r.CloneURL}
	var err error
	if j.dir, err = s.cache.RepoDir(j.remote); err == nil {
		j.statePath, err = s.cache.StatePath(j.remote)
	}
	if err != nil {
		j.syncErr = err
		s.fail(r.FullName, err)
		return
	}
	st, err := mirror.LoadState(j.statePath)
	if err != nil && !errors.Is(err, mirror.ErrStateCorrupt) {
		j.syncErr = err
		s.fail(r.FullName, err)
		return
	}
	if err != nil {
		// The full scan finds again what the history still holds; only tokens of history
		// rewritten since are known to the state alone, and the note says what was lost.
		s.prog.note(fmt.Sprintf("%s: %v; scanning it in full (tokens found earlier in history rewritten since are forgotten)", r.FullName, err))
	}
	j.state = st
	_, statErr := os.Stat(filepath.Join(j.dir, "HEAD"))
	if !s.opts.Full && statErr == nil && !r.PushedAt.IsZero() && st.PushedAt.Equal(r.PushedAt) && st.Engine == s.engine {
		j.unchanged = true
		return
	}
	if err := s.gh.CheckCloneURL(r.CloneURL); err != nil {
		j.syncErr = err
		s.fail(r.FullName, err)
		return
	}
	s.prog.current("fetching " + r.FullName)
	j.fetchedAt = s.opts.Now()
	if _, err := s.cache.Sync(ctx, j.remote); err != nil {
		j.syncErr = err
		s.fail(r.FullName, err)
		return
	}
	j.fetched = true
}

// scan scans what is new in a repository, re-reads the tokens found in earlier runs so they are
// verified again, and records the new state. With nothing new it reads no blob at all.
func (s *orgScan) scan(ctx context.Context, j *repoJob) {
	if j.state == nil || ctx.Err() != nil {
		return
	}
	if _, err := os.Stat(filepath.Join(j.dir, "HEAD")); err != nil {
		return // never cloned: the sync error says why
	}
	name := j.repo.FullName
	s.mu.Lock()
	s.mirrors[strings.ToLower(name)] = j.dir
	s.mu.Unlock()
	st := j.state
	fresh := s.opts.Full || st.Engine != s.engine
	// An unchanged repository's tips are the ones its last scan recorded: a re-run with no new
	// push, the usual case, starts no git process for it.
	tips := st.Scanned
	if !j.unchanged || fresh {
		var err error
		if tips, err = mirror.Tips(ctx, j.dir); err != nil {
			s.fail(name, err)
			return
		}
	}
	var scanned []string
	if !fresh {
		scanned = st.Scanned
		// Only a scan needs to know which commits scanned before are still in the mirror (they
		// bound it); a re-run with no new tip, the usual case, spares the git process.
		if hasNew(tips, scanned) {
			var err error
			if scanned, err = mirror.Existing(ctx, j.dir, scanned); err != nil {
				s.fail(name, err)
				return
			}
		}
	}
	// Only --full forgets: a token known from history rewritten since cannot be found again by
	// any rescan, and a new engine (rules, version, --exclude) is no reason to drop it. What
	// --exclude leaves out is not reported, but stays in the state for runs without it.
	remembered := st.Leaks
	if s.opts.Full {
		remembered = nil
	}
	known := excludeKnown(remembered, s.excluded)
	var found []finding.Leak
	complete := j.syncErr == nil
	scannedNow := j.syncErr == nil && hasNew(tips, scanned)
	if scannedNow {
		s.prog.current("scanning " + name)
		logOpts := []string{"--all"}
		if len(scanned) > 0 {
			logOpts = append(append(logOpts, "--not"), scanned...)
		}
		res, err := scanner.Scan(ctx, scanner.Options{Path: j.dir, HistoryOnly: true, LogOpts: logOpts,
			MaxFileSize: s.maxSz, Exclude: s.opts.Exclude, Workers: s.workers, Detector: s.det})
		if err != nil {
			s.fail(name, err)
			return
		}
		found = res.Leaks
		s.mu.Lock()
		addCounts(&s.counts, res.Counts)
		for _, e := range res.Errors {
			e.Source = name + "/" + e.Source
			s.errs = append(s.errs, e)
		}
		s.mu.Unlock()
		complete = len(res.Errors) == 0
	}
	leaks, forgotten := s.carry(ctx, j, known, found)
	s.addFound(name, leaks)
	if !complete || (!scannedNow && !j.fetched && !fresh) {
		return // scan again next time what failed this time; or nothing changed
	}
	pushedAt := j.repo.PushedAt
	if j.fetched && j.fetchedAt.Before(pushedAt.Add(pushedAtSlack)) {
		pushedAt = time.Time{}
	}
	remembered = slices.DeleteFunc(slices.Clone(remembered), func(k mirror.KnownLeak) bool { return forgotten[k.Fingerprint] })
	next := &mirror.State{Repo: name, Engine: s.engine, PushedAt: pushedAt, Scanned: tips, Leaks: mirror.MergeLeaks(remembered, knownOf(found))}
	next.Updated = s.opts.Now().UTC()
	if err := mirror.SaveState(j.statePath, next); err != nil {
		s.fail(name, err)
	}
}

// addFound records the leaks of repository name for the report and shows them.
func (s *orgScan) addFound(name string, leaks []finding.Leak) {
	s.mu.Lock()
	for _, l := range leaks {
		for _, loc := range l.Locations {
			loc.Path = name + "/" + loc.Path
			s.found = append(s.found, finding.Finding{RuleID: l.RuleID, Description: l.Description, Secret: l.Secret,
				Fingerprint: l.Fingerprint, Target: l.Target, Origin: loc})
		}
	}
	s.mu.Unlock()
	for _, l := range leaks {
		s.prog.leak(name, l)
	}
}

// vanished carries the known leaks of repositories that earlier runs scanned and GitHub no
// longer lists for the owners swept (deleted, renamed, or out of the token's sight): a token
// leaked there may still work, so it is read back from the local mirror and verified (or
// revoked) like any other, instead of dropping out of the report. owners are those whose
// listing was complete (after a failed page, unlisted is not gone); listed is every repository
// discovery returned, before filters; filter's name patterns and shard bound the ones this run
// owns.
func (s *orgScan) vanished(ctx context.Context, owners []string, listed []github.Repo, filter github.Filter, shard mirror.Shard) {
	// A disabled repository is listed but cannot be fetched: what its state knows is carried
	// too, whether its owner is swept or it is named with --repo.
	seen, disabled := map[string]bool{}, map[string]bool{}
	var paths []string
	for _, r := range listed {
		if !r.Disabled {
			seen[strings.ToLower(r.FullName)] = true
			continue
		}
		disabled[strings.ToLower(r.FullName)] = true
		if p, err := s.cache.StatePath(mirror.Remote{Host: s.host, FullName: r.FullName}); err == nil {
			paths = append(paths, p)
		}
	}
	for _, owner := range owners {
		ps, err := s.cache.OwnerStates(s.host, owner)
		if err != nil {
			s.fail(owner, fmt.Errorf("listing what earlier runs scanned: %w", err))
			continue
		}
		for _, p := range ps {
			// A state is named after its repository, lower-cased: a listed one is not read.
			if !seen[strings.ToLower(owner)+"/"+strings.TrimSuffix(filepath.Base(p), ".json")] {
				paths = append(paths, p)
			}
		}
	}
	slices.Sort(paths)
	for _, p := range slices.Compact(paths) {
		st, err := mirror.LoadState(p) // a missing file is an empty state
		if err != nil {
			s.prog.note(fmt.Sprintf("%v: what an earlier run found there is not checked again", err))
			continue
		}
		name, known := st.Repo, excludeKnown(st.Leaks, s.excluded)
		repoOwner, repoName, _ := strings.Cut(name, "/")
		if len(known) == 0 || seen[strings.ToLower(name)] || !shard.Contains(name) ||
			!strings.EqualFold(filepath.Base(filepath.Dir(p)), repoOwner) ||
			!filter.Match(github.Repo{FullName: name, Owner: repoOwner, Name: repoName}) {
			continue
		}
		j := &repoJob{repo: github.Repo{FullName: name}, remote: mirror.Remote{Host: s.host, FullName: name}, state: st, statePath: p, vanished: true}
		if j.dir, err = s.cache.RepoDir(j.remote); err != nil {
			s.fail(name, err)
			continue
		}
		why := "no longer listed by GitHub"
		if disabled[strings.ToLower(name)] {
			why = "disabled on GitHub (it cannot be fetched)"
		}
		s.prog.note(fmt.Sprintf("%s: %s; %s found there before checked again from the local mirror (delete %s to forget them)",
			name, why, countNoun(len(known), "token", "tokens"), p))
		leaks, forgotten := s.carry(ctx, j, known, nil)
		s.addFound(name, leaks)
		if len(forgotten) > 0 {
			// Its engine stays: the repository was not scanned with this one. Only what was
			// forgotten leaves the state, so the note is not repeated on every run.
			st.Leaks = slices.DeleteFunc(st.Leaks, func(k mirror.KnownLeak) bool { return forgotten[k.Fingerprint] })
			if err := mirror.SaveState(p, st); err != nil {
				s.fail(name, err)
			}
		}
	}
}

// completeOwners is the organisations and users swept whose listing discovery finished.
func completeOwners(o *OrgOptions, fails []*github.SourceError) []string {
	failed := map[string]bool{}
	for _, f := range fails {
		failed[strings.ToLower(f.Source)] = true
	}
	var out []string
	for _, org := range o.Orgs {
		if !failed["org:"+strings.ToLower(org)] {
			out = append(out, org)
		}
	}
	for _, u := range o.Users {
		if !failed["user:"+strings.ToLower(u)] {
			out = append(out, u)
		}
	}
	return out
}

// excludeKnown is known without the locations at paths --exclude leaves out, and without the
// leaks left with none.
func excludeKnown(known []mirror.KnownLeak, excluded func(string) bool) []mirror.KnownLeak {
	if excluded == nil {
		return known
	}
	var out []mirror.KnownLeak
	for _, k := range known {
		k.Locations = slices.DeleteFunc(slices.Clone(k.Locations), func(o finding.Origin) bool { return excluded(o.Path) })
		if len(k.Locations) > 0 {
			out = append(out, k)
		}
	}
	return out
}

func hasNew(tips, scanned []string) bool {
	seen := make(map[string]bool, len(scanned))
	for _, s := range scanned {
		seen[s] = true
	}
	for _, t := range tips {
		if !seen[t] {
			return true
		}
	}
	return false
}

func addCounts(dst *report.Counts, c report.Counts) {
	dst.Files += c.Files
	dst.Blobs += c.Blobs
	dst.Commits += c.Commits
	dst.Bytes += c.Bytes
	for k, v := range c.Skipped {
		dst.Skipped[k] += v
	}
}

func knownOf(leaks []finding.Leak) []mirror.KnownLeak {
	out := make([]mirror.KnownLeak, 0, len(leaks))
	for _, l := range leaks {
		out = append(out, mirror.KnownLeak{Fingerprint: l.Fingerprint, RuleID: l.RuleID, Locations: l.Locations})
	}
	return out
}

// carry returns the leaks of this run: the ones just found, with the locations of earlier runs
// added, and the ones only known from earlier runs, whose values are read back from the mirror
// (the state holds none) so they can be verified again. A token that could be live is never
// dropped from a report because its commit was scanned last week.
func (s *orgScan) carry(ctx context.Context, j *repoJob, known []mirror.KnownLeak, found []finding.Leak) (leaks []finding.Leak, forgotten map[finding.Fingerprint]bool) {
	byFP := map[finding.Fingerprint]int{}
	out := slices.Clone(found)
	for i, l := range out {
		byFP[l.Fingerprint] = i
	}
	var refs []mirror.FileRef
	var pending []mirror.KnownLeak
	for _, k := range known {
		if i, ok := byFP[k.Fingerprint]; ok {
			merged := mirror.MergeLeaks([]mirror.KnownLeak{{Fingerprint: k.Fingerprint, Locations: out[i].Locations}}, []mirror.KnownLeak{k})
			out[i].Locations = merged[0].Locations
			continue
		}
		pending = append(pending, k)
		for _, loc := range k.Locations {
			refs = append(refs, mirror.FileRef{Commit: loc.Commit, Path: loc.Path})
		}
	}
	if len(pending) == 0 {
		return out, nil
	}
	files, _, err := mirror.ReadFiles(ctx, j.dir, refs, s.maxSz)
	if err != nil {
		s.fail(j.repo.FullName, fmt.Errorf("reading back tokens found in earlier runs: %w", err))
	}
	newEngine := j.state != nil && j.state.Engine != s.engine
	for _, k := range pending {
		l, read, ok := s.recover(k, files)
		switch {
		case ok:
			out = append(out, l)
		case read && newEngine:
			// The file is there and this tokenscan's rules no longer see a token in it (a
			// false positive fixed since): forgotten, with a word, rather than an error forever.
			if forgotten == nil {
				forgotten = map[finding.Fingerprint]bool{}
			}
			forgotten[k.Fingerprint] = true
			s.prog.note(fmt.Sprintf("%s: token %s found by an earlier tokenscan is not matched by these rules; forgotten",
				j.repo.FullName, k.Fingerprint.Short()))
		default:
			forget := "run once with --full to forget it"
			if j.vanished {
				forget = "delete " + j.statePath + " to forget it"
			}
			s.fail(j.repo.FullName, fmt.Errorf("token %s found in an earlier run can no longer be read from the mirror (history rewritten?); it was not verified again: revoke it by hand if it may still work, then %s",
				k.Fingerprint.Short(), forget))
		}
	}
	return out, forgotten
}

func (s *orgScan) recover(k mirror.KnownLeak, files map[mirror.FileRef][]byte) (l finding.Leak, read, ok bool) {
	for _, loc := range k.Locations {
		data, found := files[mirror.FileRef{Commit: loc.Commit, Path: loc.Path}]
		if !found {
			continue
		}
		read = true
		for _, f := range s.det.Scan(loc.Path, data) {
			if f.Fingerprint == k.Fingerprint {
				return finding.Leak{RuleID: f.RuleID, Description: f.Description, Secret: f.Secret, Fingerprint: f.Fingerprint,
					Target: f.Target, Locations: slices.Clone(k.Locations)}, true, true
			}
		}
	}
	return finding.Leak{}, read, false
}

// alerts turns open secret-scanning alerts of the selected repositories into findings. The
// token's context (host, user) is read from the mirror at the alert's location when there is
// one; otherwise the leak can still be routed with --host-map.
func (s *orgScan) alerts(ctx context.Context, repos []github.Repo) {
	selected := map[string]bool{}
	for _, r := range repos {
		selected[strings.ToLower(r.FullName)] = true
	}
	var all []github.Alert
	limited := false // a rate limit ends the listing; what was listed is still used
	o := &s.opts.OrgOptions
	orgs := map[string]bool{}
	for _, org := range o.Orgs {
		orgs[strings.ToLower(org)] = true
		as, err := s.gh.OrgAlerts(ctx, org)
		if err != nil {
			s.fail("github-alerts:"+org, err)
			if limited = github.RateLimited(err); limited {
				break // every later call would fail alike: one error says it
			}
			continue
		}
		all = append(all, as...)
	}
	for _, r := range repos {
		if limited {
			break
		}
		if orgs[strings.ToLower(r.Owner)] {
			continue
		}
		as, err := s.gh.RepoAlerts(ctx, r.FullName)
		var nf *github.NotFoundError
		if errors.As(err, &nf) {
			// GitHub answers 404 where secret scanning is off: nothing to take, nothing failed.
			s.mu.Lock()
			s.counts.Skipped["github alerts: secret scanning off"]++
			s.mu.Unlock()
			continue
		}
		if err != nil {
			s.fail("github-alerts:"+r.FullName, err)
			limited = github.RateLimited(err)
			continue
		}
		all = append(all, as...)
	}
	for i := range all {
		a := &all[i]
		if !selected[strings.ToLower(a.Repo)] {
			continue
		}
		if !tokenValue().MatchString(a.Secret) {
			s.mu.Lock()
			s.counts.Skipped["github alert: not a cPanel/WHM token"]++
			s.mu.Unlock()
			continue
		}
		if err := s.gh.Locate(ctx, a); err != nil {
			s.fail("github-alerts:"+a.Repo, err)
		}
		s.addAlert(ctx, a)
	}
}

func (s *orgScan) addAlert(ctx context.Context, a *github.Alert) {
	fp := finding.FingerprintOf(a.Secret)
	f := finding.Finding{RuleID: "github-secret-scanning", Description: "GitHub secret scanning alert: " + a.TypeName,
		Secret: a.Secret, Fingerprint: fp}
	s.mu.Lock()
	dir := s.mirrors[strings.ToLower(a.Repo)]
	s.mu.Unlock()
	var origins []finding.Origin
	for _, loc := range a.Locations {
		origins = append(origins, finding.Origin{Source: SourceGitHubAlert, Path: a.Repo + "/" + loc.Path, Line: loc.Line, Column: loc.Column,
			Commit: loc.Commit, Message: fmt.Sprintf("secret scanning alert #%d", a.Number)})
		if dir == "" || !f.Target.IsZero() {
			continue
		}
		ref := mirror.FileRef{Commit: loc.Commit, Path: loc.Path}
		files, _, err := mirror.ReadFiles(ctx, dir, []mirror.FileRef{ref}, s.maxSz)
		if err != nil {
			continue
		}
		for _, df := range s.det.Scan(loc.Path, files[ref]) {
			if df.Fingerprint == fp {
				f.Target = df.Target
			}
		}
	}
	if len(origins) == 0 {
		origins = append(origins, finding.Origin{Source: SourceGitHubAlert, Path: a.Repo, Message: fmt.Sprintf("secret scanning alert #%d", a.Number)})
	}
	s.mu.Lock()
	for _, o := range origins {
		f.Origin = o
		s.found = append(s.found, f)
	}
	s.mu.Unlock()
	s.prog.leak(a.Repo, finding.Leak{Fingerprint: fp, Locations: origins})
}

// progress reports a long scan on standard error: a redrawn line on a terminal, a plain line
// every interval otherwise, a line per newly found token either way; nothing with --quiet.
type progress struct {
	w        io.Writer
	tty      bool
	quiet    bool
	interval time.Duration

	mu      sync.Mutex
	total   int
	done    int
	leaks   map[finding.Fingerprint]bool
	now     string
	began   time.Time
	drawn   bool
	stopped chan struct{}
	ticker  *time.Ticker
	wg      sync.WaitGroup
}

func newProgress(w io.Writer, tty, quiet bool, interval time.Duration) *progress {
	if interval <= 0 {
		interval = 10 * time.Second
	}
	return &progress{w: w, tty: tty, quiet: quiet, interval: interval, leaks: map[finding.Fingerprint]bool{}}
}

func (p *progress) start(total int) {
	p.mu.Lock()
	p.total, p.began = total, time.Now()
	p.mu.Unlock()
	if p.quiet {
		return
	}
	every := p.interval
	if p.tty {
		every = 200 * time.Millisecond
	}
	p.stopped = make(chan struct{})
	p.ticker = time.NewTicker(every)
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		for {
			select {
			case <-p.ticker.C:
				p.mu.Lock()
				p.printLocked()
				p.mu.Unlock()
			case <-p.stopped:
				return
			}
		}
	}()
	p.mu.Lock()
	if !p.tty {
		fmt.Fprintf(p.w, "tokenscan: scanning %d repositories\n", total)
	}
	p.mu.Unlock()
}

func (p *progress) stop() {
	if p.quiet || p.stopped == nil {
		return
	}
	p.ticker.Stop()
	close(p.stopped)
	p.wg.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clearLocked()
	fmt.Fprintf(p.w, "tokenscan: %d/%d repositories done, %d leaked tokens, %s\n", p.done, p.total, len(p.leaks), time.Since(p.began).Round(time.Second))
}

func (p *progress) line() string {
	s := fmt.Sprintf("[%d/%d repositories] %d leaked tokens", p.done, p.total, len(p.leaks))
	if p.now != "" {
		s += " · " + p.now
	}
	return s
}

func (p *progress) printLocked() {
	if p.tty {
		fmt.Fprintf(p.w, "\r\x1b[K%s", p.line())
		p.drawn = true
		return
	}
	fmt.Fprintf(p.w, "tokenscan: %s, %s\n", p.line(), time.Since(p.began).Round(time.Second))
}

func (p *progress) clearLocked() {
	if p.tty && p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

func (p *progress) current(what string) {
	p.mu.Lock()
	p.now = what
	p.mu.Unlock()
}

func (p *progress) repoDone() {
	p.mu.Lock()
	p.done++
	p.mu.Unlock()
}

// leak prints a token the first time any repository shows it: findings stream as they are
// made, while the report (which needs them all, deduplicated) comes at the end.
func (p *progress) leak(repo string, l finding.Leak) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.leaks[l.Fingerprint] {
		return
	}
	p.leaks[l.Fingerprint] = true
	if p.quiet {
		return
	}
	p.clearLocked()
	where := repo
	if len(l.Locations) > 0 {
		o := l.Locations[0]
		where = o.Path
		if !strings.HasPrefix(where, repo+"/") {
			where = repo + "/" + where
		}
		if o.Commit != "" {
			where += " (commit " + o.Commit[:min(len(o.Commit), 7)] + ")"
		}
	}
	fmt.Fprintf(p.w, "tokenscan: leaked token %s in %s\n", l.Fingerprint.Short(), where)
}

// waiting is told about rate-limit pauses, which would otherwise look like a hang.
func (p *progress) waiting(reason string, d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.quiet {
		return
	}
	p.clearLocked()
	fmt.Fprintf(p.w, "tokenscan: waiting %s for the %s\n", d.Round(time.Second), reason)
}

// note prints something the user should know that is neither a leak nor a failure.
func (p *progress) note(msg string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.quiet {
		return
	}
	p.clearLocked()
	fmt.Fprintf(p.w, "tokenscan: %s\n", msg)
}
