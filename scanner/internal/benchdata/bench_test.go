package benchdata

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The benchmarks compare tokenscan with the stock gitleaks CLI on the generated fixtures. Each
// iteration runs every command once, so ratios compare runs made on the same machine in the
// same process. Environment:
//
//	TOKENSCAN_BIN          tokenscan binary (default: build ./cmd/tokenscan once; "skip": gitleaks only)
//	TOKENSCAN_GITLEAKS     gitleaks binary (default: <repo>/bin/gitleaks, then $PATH)
//	TOKENSCAN_BENCH_DIR    fixture cache (default: <user cache dir>/tokenscan-bench)
//	TOKENSCAN_BENCH_SCALE  fixture size factor (default 1: 5,200 commits and a 200 MiB tree)
//	TOKENSCAN_BENCH_SKIP_DEFAULT=1  skip gitleaks with its default rules (the slowest runs)

var (
	toolsOnce sync.Once
	toolsVal  *benchTools
	toolsErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if toolsVal != nil {
		os.RemoveAll(toolsVal.tmp)
	}
	os.Exit(code)
}

type benchTools struct {
	tmp      string
	gitleaks string
	// tokenscan is empty when the CLI cannot be found; noTokenscan says why.
	tokenscan   string
	noTokenscan string
	rules       string
	rulesNote   string
}

// standInRules is used until rules/cpanel.toml exists, so the harness can run against gitleaks.
const standInRules = `title = "tokenscan benchmark stand-in rules"

[[rules]]
id = "cpanel-api-token-header"
description = "cPanel or WHM API token in an Authorization header"
regex = '''(?i)\b(?:cpanel|whm)\s+[a-z0-9._-]{1,64}:([0-9A-Z]{32})\b'''
secretGroup = 1
keywords = ["cpanel", "whm"]
`

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod not found above the working directory")
		}
		dir = parent
	}
}

func loadTools() (*benchTools, error) {
	root, err := moduleRoot()
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "tokenscan-bench-")
	if err != nil {
		return nil, err
	}
	t := &benchTools{tmp: tmp}

	t.gitleaks = os.Getenv("TOKENSCAN_GITLEAKS")
	if t.gitleaks == "" {
		if p := filepath.Join(root, "bin", "gitleaks"); fileExists(p) {
			t.gitleaks = p
		} else if p, err := exec.LookPath("gitleaks"); err == nil {
			t.gitleaks = p
		}
	} else if !fileExists(t.gitleaks) {
		return t, fmt.Errorf("TOKENSCAN_GITLEAKS=%s does not exist", t.gitleaks)
	}

	switch bin := os.Getenv("TOKENSCAN_BIN"); {
	case bin == "skip":
		t.noTokenscan = "tokenscan not measured: TOKENSCAN_BIN=skip"
	case bin != "":
		if !fileExists(bin) {
			return t, fmt.Errorf("TOKENSCAN_BIN=%s does not exist", bin)
		}
		t.tokenscan = bin
	case fileExists(filepath.Join(root, "cmd", "tokenscan")):
		t.tokenscan = filepath.Join(tmp, "tokenscan")
		cmd := exec.Command("go", "build", "-o", t.tokenscan, "./cmd/tokenscan")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			return t, fmt.Errorf("building ./cmd/tokenscan: %w\n%s", err, out)
		}
	default:
		t.noTokenscan = "tokenscan not measured: ./cmd/tokenscan does not exist yet and TOKENSCAN_BIN is not set"
	}

	t.rules = filepath.Join(root, "rules", "cpanel.toml")
	if !fileExists(t.rules) {
		t.rules = filepath.Join(tmp, "cpanel-stand-in.toml")
		t.rulesNote = "rules/cpanel.toml does not exist yet: using a stand-in header rule"
		if err := os.WriteFile(t.rules, []byte(standInRules), 0o644); err != nil {
			return t, err
		}
	}
	return t, nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// setup returns the tools, skipping the benchmark when gitleaks is missing.
func setup(b *testing.B) *benchTools {
	b.Helper()
	toolsOnce.Do(func() { toolsVal, toolsErr = loadTools() })
	if toolsErr != nil {
		b.Fatal(toolsErr)
	}
	if toolsVal.gitleaks == "" {
		b.Skip("gitleaks not found: set TOKENSCAN_GITLEAKS or run `make tools` (installs bin/gitleaks v8.30.1)")
	}
	if toolsVal.rulesNote != "" {
		b.Log(toolsVal.rulesNote)
	}
	if toolsVal.noTokenscan != "" {
		b.Log(toolsVal.noTokenscan)
	}
	return toolsVal
}

func benchScale(b *testing.B) float64 {
	s := os.Getenv("TOKENSCAN_BENCH_SCALE")
	if s == "" {
		return 1
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f <= 0 {
		b.Fatalf("TOKENSCAN_BENCH_SCALE=%q: want a positive number", s)
	}
	return f
}

// logWriter sends generator progress to the benchmark log.
type logWriter struct{ b *testing.B }

func (w logWriter) Write(p []byte) (int, error) {
	w.b.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// result is one measured process run.
type result struct {
	wall, cpu time.Duration
	rssMB     float64
}

// runMeasured runs a command to completion and measures it; exit codes in okCodes are success.
func runMeasured(dir string, env []string, stdout io.Writer, okCodes []int, name string, args ...string) (result, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	cmd.Stdout = stdout
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	res := result{wall: time.Since(start)}
	if cmd.ProcessState == nil {
		return res, fmt.Errorf("running %s: %w", filepath.Base(name), err)
	}
	res.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		res.rssMB = float64(ru.Maxrss) / 1024 // KiB on Linux
	}
	if code := cmd.ProcessState.ExitCode(); !slices.Contains(okCodes, code) {
		tail := stderr.String()
		if len(tail) > 2000 {
			tail = tail[len(tail)-2000:]
		}
		return res, fmt.Errorf("%s %s: exit code %d: %s", filepath.Base(name), strings.Join(args, " "), code, tail)
	}
	return res, nil
}

// scanEnv is the environment for scanners: ours, without anything that picks a gitleaks config.
func scanEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "GITLEAKS_CONFIG") || strings.HasPrefix(kv, "GOMAXPROCS=") {
			continue
		}
		env = append(env, kv)
	}
	return append(env, extra...)
}

// leakKey identifies one finding without holding the secret: sha256 of the secret, where it was.
type leakKey struct {
	fingerprint, commit, path string
}

func (k leakKey) String() string {
	commit := k.commit
	if len(commit) > 12 {
		commit = commit[:12]
	}
	return fmt.Sprintf("%s… %s %s", k.fingerprint[:min(12, len(k.fingerprint))], commit, k.path)
}

func fingerprint(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// normPath makes report paths comparable: relative to the scanned root, slash-separated.
func normPath(root, path string) string {
	if filepath.IsAbs(path) {
		if rel, err := filepath.Rel(root, path); err == nil {
			path = rel
		}
	}
	return filepath.ToSlash(strings.TrimPrefix(path, "./"))
}

func readGitleaksReport(path, root string) (map[leakKey]bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading gitleaks report: %w", err)
	}
	var findings []struct {
		Commit, File, Secret string
	}
	if err := json.Unmarshal(data, &findings); err != nil {
		return nil, fmt.Errorf("decoding gitleaks report: %w", err)
	}
	keys := map[leakKey]bool{}
	for _, f := range findings {
		keys[leakKey{fingerprint(f.Secret), f.Commit, normPath(root, f.File)}] = true
	}
	return keys, nil
}

// readTokenscanReport parses only the fields the harness needs from a tokenscan JSON report.
// source selects locations ("git" for history, "" for anything else).
func readTokenscanReport(path, root, source string) (map[leakKey]bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading tokenscan report: %w", err)
	}
	var report struct {
		Leaks []struct {
			Fingerprint string `json:"fingerprint"`
			Secret      string `json:"secret"`
			Locations   []struct {
				Source string `json:"source"`
				Path   string `json:"path"`
				Commit string `json:"commit"`
			} `json:"locations"`
		} `json:"leaks"`
	}
	if err := json.Unmarshal(data, &report); err != nil {
		return nil, fmt.Errorf("decoding tokenscan report: %w", err)
	}
	keys := map[leakKey]bool{}
	for _, l := range report.Leaks {
		fp := strings.ToLower(l.Fingerprint)
		if fp == "" && l.Secret != "" {
			fp = fingerprint(l.Secret)
		}
		for _, loc := range l.Locations {
			if (source == "git") != (loc.Source == "git") {
				continue
			}
			keys[leakKey{fp, loc.Commit, normPath(root, loc.Path)}] = true
		}
	}
	return keys, nil
}

// missingFrom lists, redacted and sorted, the keys of want that got lacks.
func missingFrom(want, got map[leakKey]bool) []string {
	var missing []string
	for k := range want {
		if !got[k] {
			missing = append(missing, k.String())
		}
	}
	slices.Sort(missing)
	return missing
}

// plantedFound counts the manifest's tokens present in a finding set.
func plantedFound(m *Manifest, found map[leakKey]bool) int {
	n := 0
	for _, t := range m.Tokens {
		if found[leakKey{fingerprint(t.Value), t.Commit, t.Path}] {
			n++
		}
	}
	return n
}

// countingWriter discards what it is given and counts it.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

// metrics averages per-iteration values before reporting them.
type metrics struct {
	sums  map[string]float64
	order []string
}

func (m *metrics) add(unit string, v float64) {
	if m.sums == nil {
		m.sums = map[string]float64{}
	}
	if _, ok := m.sums[unit]; !ok {
		m.order = append(m.order, unit)
	}
	m.sums[unit] += v
}

func (m *metrics) report(b *testing.B, iterations int) {
	for _, unit := range m.order {
		b.ReportMetric(m.sums[unit]/float64(iterations), unit)
	}
}

// BenchmarkHistory scans the generated repository's full history with tokenscan and with the
// stock gitleaks CLI (our rules, then its default rules), and times `git log -p` alone as the
// floor for a scanner that reads added lines. Every (commit, path, secret) that gitleaks finds
// with our rules must also be found by tokenscan.
func BenchmarkHistory(b *testing.B) {
	tools := setup(b)
	fx, err := EnsureHistory(context.Background(), DefaultHistoryParams(benchScale(b)), logWriter{b})
	if err != nil {
		b.Fatal(err)
	}
	m := fx.Manifest
	b.Logf("repository %s: %d commits (%d merges), %d branches, %d tags, %.1f MB of blobs, %d planted tokens; generated in %.1fs",
		fx.Dir, m.Commits, m.Merges, len(m.Branches), len(m.Tags), float64(m.BlobBytes)/1e6, len(m.Tokens), m.GenerationSeconds)
	skipDefault := os.Getenv("TOKENSCAN_BENCH_SKIP_DEFAULT") == "1"
	out := b.TempDir()
	env := scanEnv()
	warmPageCache(b, fx.Dir)

	var ms metrics
	iterations := 0
	for b.Loop() {
		iterations++
		var patch countingWriter
		gitlog, err := runMeasured(out, env, &patch, []int{0}, "git", "-C", fx.Dir, "log", "-p", "-U0", "--full-history", "--all")
		if err != nil {
			b.Fatal(err)
		}
		ms.add("gitlog-s", gitlog.wall.Seconds())
		ms.add("patch-MB", float64(patch.n)/1e6)
		gitlogFiltered, err := runMeasured(out, env, io.Discard, []int{0}, "git", "-C", fx.Dir, "log", "-p", "-U0", "--full-history", "--all", "--diff-filter=tuxdb")
		if err != nil {
			b.Fatal(err)
		}
		ms.add("gitlog-gitleaks-args-s", gitlogFiltered.wall.Seconds())

		var ours map[leakKey]bool
		var ts result
		if tools.tokenscan != "" {
			report := filepath.Join(out, "tokenscan.json")
			os.Remove(report)
			ts, err = runMeasured(out, env, io.Discard, []int{0, 1}, tools.tokenscan, "--path", fx.Dir, "--format", "json", "--report-path", report)
			if err != nil {
				b.Fatal(err)
			}
			if ours, err = readTokenscanReport(report, fx.Dir, "git"); err != nil {
				b.Fatal(err)
			}
			ms.add("tokenscan-s", ts.wall.Seconds())
			ms.add("tokenscan-cpu-s", ts.cpu.Seconds())
			ms.add("tokenscan-peak-RSS-MB", ts.rssMB)
			ms.add("tokenscan-patch-MB/s", float64(patch.n)/1e6/ts.wall.Seconds())
			ms.add("tokenscan/gitlog", ts.wall.Seconds()/gitlog.wall.Seconds())
			ms.add("tokenscan-findings", float64(len(ours)))
			ms.add("tokenscan-planted-found", float64(plantedFound(m, ours)))
		}

		report := filepath.Join(out, "gitleaks-ours.json")
		gl, err := runMeasured(out, env, io.Discard, []int{0}, tools.gitleaks, "git", "--config", tools.rules,
			"--report-format", "json", "--report-path", report, "--no-banner", "--exit-code", "0", fx.Dir)
		if err != nil {
			b.Fatal(err)
		}
		theirs, err := readGitleaksReport(report, fx.Dir)
		if err != nil {
			b.Fatal(err)
		}
		ms.add("gitleaks-ours-s", gl.wall.Seconds())
		ms.add("gitleaks-ours-peak-RSS-MB", gl.rssMB)
		ms.add("gitleaks-ours-findings", float64(len(theirs)))
		ms.add("gitleaks-ours-planted-found", float64(plantedFound(m, theirs)))
		if ours != nil {
			ms.add("gitleaks-ours/tokenscan", gl.wall.Seconds()/ts.wall.Seconds())
			if missing := missingFrom(theirs, ours); len(missing) > 0 {
				b.Fatalf("tokenscan missed %d of %d history findings that gitleaks reports with the same rules (sha256 of secret, commit, path):\n%s",
					len(missing), len(theirs), strings.Join(missing, "\n"))
			}
		}

		if !skipDefault {
			report := filepath.Join(out, "gitleaks-default.json")
			gd, err := runMeasured(out, env, io.Discard, []int{0}, tools.gitleaks, "git",
				"--report-format", "json", "--report-path", report, "--no-banner", "--exit-code", "0", fx.Dir)
			if err != nil {
				b.Fatal(err)
			}
			def, err := readGitleaksReport(report, fx.Dir)
			if err != nil {
				b.Fatal(err)
			}
			ms.add("gitleaks-default-s", gd.wall.Seconds())
			ms.add("gitleaks-default-findings", float64(len(def)))
			if ours != nil {
				ms.add("gitleaks-default/tokenscan", gd.wall.Seconds()/ts.wall.Seconds())
			}
		}
	}
	ms.report(b, iterations)
	b.ReportMetric(float64(len(m.Tokens)), "planted-tokens")
}

// BenchmarkWorkingTree scans the generated 200 MiB tree with `tokenscan --no-history` on one
// core and on all cores, and with `gitleaks dir` using our rules (one core, all cores) and its
// default rules (all cores). tokenscan runs three times per setting and its median counts.
// Throughput is reported per core: wall-clock MB/s for single-core
// runs, MB/s divided by GOMAXPROCS for all-core runs. Every (path, secret) gitleaks finds with
// our rules must also be found by tokenscan.
func BenchmarkWorkingTree(b *testing.B) {
	tools := setup(b)
	fx, err := EnsureWorkTree(context.Background(), DefaultWorkTreeParams(benchScale(b)), logWriter{b})
	if err != nil {
		b.Fatal(err)
	}
	m := fx.Manifest
	mb := float64(m.Bytes) / 1e6
	cores := runtime.NumCPU()
	b.Logf("working tree %s: %d files, %.1f MB, %d planted tokens; generated in %.1fs; %d cores",
		fx.Dir, m.Files, mb, len(m.Tokens), m.GenerationSeconds, cores)
	skipDefault := os.Getenv("TOKENSCAN_BENCH_SKIP_DEFAULT") == "1"
	out := b.TempDir()
	allCores := fmt.Sprintf("GOMAXPROCS=%d", cores)
	warmPageCache(b, fx.Dir)

	var ms metrics
	iterations := 0
	for b.Loop() {
		iterations++
		var ours map[leakKey]bool
		var ts1, tsN result
		if tools.tokenscan != "" {
			report := filepath.Join(out, "tokenscan.json")
			for _, run := range []struct {
				env  string
				res  *result
				name string
			}{{"GOMAXPROCS=1", &ts1, "1core"}, {allCores, &tsN, "allcores"}} {
				// A scan takes under a second, so one run is at the mercy of this VM's
				// neighbours; the median of three is reported (gitleaks takes minutes a run
				// and is run once).
				var runs []result
				for range 3 {
					os.Remove(report)
					r, err := runMeasured(out, scanEnv(run.env), io.Discard, []int{0, 1}, tools.tokenscan,
						"--path", fx.Dir, "--no-history", "--format", "json", "--report-path", report)
					if err != nil {
						b.Fatal(err)
					}
					if ours, err = readTokenscanReport(report, fx.Dir, ""); err != nil {
						b.Fatal(err)
					}
					runs = append(runs, r)
				}
				slices.SortFunc(runs, func(a, b result) int { return cmp.Compare(a.wall, b.wall) })
				*run.res = runs[1]
				ms.add("tokenscan-"+run.name+"-s", run.res.wall.Seconds())
				ms.add("tokenscan-"+run.name+"-peak-RSS-MB", run.res.rssMB)
			}
			ms.add("tokenscan-1core-MB/s", mb/ts1.wall.Seconds())
			ms.add("tokenscan-allcores-MB/s/core", mb/tsN.wall.Seconds()/float64(cores))
			ms.add("tokenscan-MB/cpu-s", mb/tsN.cpu.Seconds())
			ms.add("tokenscan-findings", float64(len(ours)))
			ms.add("tokenscan-planted-found", float64(plantedFound(m, ours)))
		}

		report := filepath.Join(out, "gitleaks-ours.json")
		var gl1, glN result
		var theirs map[leakKey]bool
		for _, run := range []struct {
			env  string
			res  *result
			name string
		}{{"GOMAXPROCS=1", &gl1, "1core"}, {allCores, &glN, "allcores"}} {
			*run.res, err = runMeasured(out, scanEnv(run.env), io.Discard, []int{0}, tools.gitleaks, "dir", "--config", tools.rules,
				"--report-format", "json", "--report-path", report, "--no-banner", "--exit-code", "0", fx.Dir)
			if err != nil {
				b.Fatal(err)
			}
			if theirs, err = readGitleaksReport(report, fx.Dir); err != nil {
				b.Fatal(err)
			}
			ms.add("gitleaks-ours-"+run.name+"-s", run.res.wall.Seconds())
		}
		ms.add("gitleaks-ours-1core-MB/s", mb/gl1.wall.Seconds())
		ms.add("gitleaks-ours-allcores-MB/s/core", mb/glN.wall.Seconds()/float64(cores))
		ms.add("gitleaks-ours-findings", float64(len(theirs)))
		ms.add("gitleaks-ours-planted-found", float64(plantedFound(m, theirs)))
		if ours != nil {
			ms.add("gitleaks-ours/tokenscan-1core", gl1.wall.Seconds()/ts1.wall.Seconds())
			ms.add("gitleaks-ours/tokenscan-allcores", glN.wall.Seconds()/tsN.wall.Seconds())
			if missing := missingFrom(theirs, ours); len(missing) > 0 {
				b.Fatalf("tokenscan missed %d of %d working-tree findings that gitleaks reports with the same rules (sha256 of secret, path):\n%s",
					len(missing), len(theirs), strings.Join(missing, "\n"))
			}
		}

		if !skipDefault {
			report := filepath.Join(out, "gitleaks-default.json")
			gd, err := runMeasured(out, scanEnv(allCores), io.Discard, []int{0}, tools.gitleaks, "dir",
				"--report-format", "json", "--report-path", report, "--no-banner", "--exit-code", "0", fx.Dir)
			if err != nil {
				b.Fatal(err)
			}
			def, err := readGitleaksReport(report, fx.Dir)
			if err != nil {
				b.Fatal(err)
			}
			ms.add("gitleaks-default-allcores-s", gd.wall.Seconds())
			ms.add("gitleaks-default-allcores-MB/s/core", mb/gd.wall.Seconds()/float64(cores))
			ms.add("gitleaks-default-findings", float64(len(def)))
			if ours != nil {
				ms.add("gitleaks-default/tokenscan-allcores", gd.wall.Seconds()/tsN.wall.Seconds())
			}
		}
	}
	ms.report(b, iterations)
	b.ReportMetric(float64(len(m.Tokens)), "planted-tokens")
}

// warmPageCache reads every file under dir once, untimed, so that the first tool measured does
// not pay for disk reads the later ones are spared: this machine reclaims idle page cache.
func warmPageCache(b *testing.B, dir string) {
	b.Helper()
	buf := make([]byte, 1<<20)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		for {
			if _, err := f.Read(buf); err != nil {
				if err == io.EOF {
					return nil
				}
				return err
			}
		}
	})
	if err != nil {
		b.Fatal(err)
	}
}
