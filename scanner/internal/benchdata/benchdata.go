// Package benchdata generates the deterministic fixtures that tokenscan's speed is measured on (a
// large git history and a large working tree, both seeded with planted cPanel/WHM tokens among
// look-alike decoys) and holds the benchmarks that compare tokenscan with the stock gitleaks CLI.
//
// Run the benchmarks with
//
//	go test -run '^$' -bench . -benchtime 1x ./scanner/internal/benchdata/
//
// Fixtures are generated on first use and cached under $TOKENSCAN_BENCH_DIR (default: the user
// cache directory's tokenscan-bench), keyed by GeneratorVersion and the parameters. See
// bench_test.go for the environment variables that pick the binaries and the fixture size.
package benchdata

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// GeneratorVersion names the byte-for-byte output of the generators. Change it whenever a change
// to this package alters what is generated, so cached fixtures are rebuilt.
const GeneratorVersion = "benchdata-v2"

// ManifestName is the file, next to a generated fixture, that lists what was planted in it.
const ManifestName = "manifest.json"

// PlantedToken is one token written into a fixture on purpose. Tokens are synthetic: they were
// never valid credentials, so the manifest may hold their values.
type PlantedToken struct {
	Value string `json:"value"`
	// Style is the context the token was written in: header, env, yaml or json.
	Style string `json:"style"`
	Path  string `json:"path"`
	Line  int    `json:"line"`
	// Commit and Ref say where a history token was introduced; empty for working-tree tokens.
	Commit string `json:"commit,omitempty"`
	Ref    string `json:"ref,omitempty"`
	// RemovedIn is the commit that deleted the line or the file again, if any.
	RemovedIn string `json:"removed_in,omitempty"`
}

// Manifest describes a generated fixture.
type Manifest struct {
	Generator string `json:"generator"`
	Params    any    `json:"params"`
	// Files and Bytes describe the working tree (for a repository: the checked-out HEAD).
	Files int   `json:"files"`
	Bytes int64 `json:"bytes"`
	// History shape; zero for a plain working tree.
	Commits   int            `json:"commits,omitempty"`
	Merges    int            `json:"merges,omitempty"`
	BlobBytes int64          `json:"blob_bytes,omitempty"`
	Branches  []string       `json:"branches,omitempty"`
	Tags      []string       `json:"tags,omitempty"`
	Tokens    []PlantedToken `json:"tokens"`
	// GenerationSeconds is how long the generator took on the machine that built the cache.
	GenerationSeconds float64 `json:"generation_seconds"`
}

// ReadManifest loads the manifest stored next to a generated fixture.
func ReadManifest(path string) (*Manifest, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading manifest: %w", err)
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("decoding manifest %s: %w", path, err)
	}
	return &m, nil
}

func writeManifest(path string, m *Manifest) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding manifest: %w", err)
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// CacheDir is where generated fixtures are kept: $TOKENSCAN_BENCH_DIR, or tokenscan-bench under
// the user cache directory.
func CacheDir() (string, error) {
	if d := os.Getenv("TOKENSCAN_BENCH_DIR"); d != "" {
		return d, nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("finding the user cache directory (set TOKENSCAN_BENCH_DIR): %w", err)
	}
	return filepath.Join(base, "tokenscan-bench"), nil
}

// Fixture is a generated data set on disk.
type Fixture struct {
	// Dir is the repository or working tree to scan.
	Dir string
	// ManifestPath is the manifest beside Dir.
	ManifestPath string
	Manifest     *Manifest
	// Generated is true when this call built the fixture rather than finding it cached.
	Generated bool
}

// cacheKey names a fixture by generator version and parameters, so changing either regenerates.
func cacheKey(kind string, params any) string {
	data, _ := json.Marshal(params)
	sum := sha256.Sum256(append([]byte(GeneratorVersion+"\x00"+kind+"\x00"), data...))
	return fmt.Sprintf("%s-%s-%s", kind, GeneratorVersion, hex.EncodeToString(sum[:6]))
}

// ensure returns the cached fixture under root/key, or builds it with gen into a temporary
// directory that is renamed into place only when complete. gen writes the fixture into
// filepath.Join(tmp, "data") and returns its manifest.
func ensure(ctx context.Context, root, key string, log io.Writer, gen func(ctx context.Context, dataDir string) (*Manifest, error)) (*Fixture, error) {
	final := filepath.Join(root, key)
	fx := &Fixture{Dir: filepath.Join(final, "data"), ManifestPath: filepath.Join(final, ManifestName)}
	if m, err := ReadManifest(fx.ManifestPath); err == nil {
		fx.Manifest = m
		return fx, nil
	}
	// A directory without a manifest is an interrupted or damaged entry.
	if err := os.RemoveAll(final); err != nil {
		return nil, fmt.Errorf("removing incomplete fixture %s: %w", final, err)
	}
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, fmt.Errorf("creating bench cache %s: %w", root, err)
	}
	// Leftovers of killed generators; an hour's grace leaves a concurrent generator alone.
	leftovers, _ := filepath.Glob(filepath.Join(root, key+".tmp-*"))
	for _, dir := range leftovers {
		if fi, err := os.Stat(dir); err == nil && time.Since(fi.ModTime()) > time.Hour {
			os.RemoveAll(dir)
		}
	}
	tmp, err := os.MkdirTemp(root, key+".tmp-")
	if err != nil {
		return nil, fmt.Errorf("creating bench cache entry: %w", err)
	}
	defer os.RemoveAll(tmp)
	start := time.Now()
	if log != nil {
		fmt.Fprintf(log, "benchdata: generating %s ...\n", key)
	}
	m, err := gen(ctx, filepath.Join(tmp, "data"))
	if err != nil {
		return nil, fmt.Errorf("generating %s: %w", key, err)
	}
	m.GenerationSeconds = time.Since(start).Seconds()
	if err := writeManifest(filepath.Join(tmp, ManifestName), m); err != nil {
		return nil, err
	}
	if err := os.Rename(tmp, final); err != nil {
		// Another process may have finished the same fixture first: use theirs.
		m, readErr := ReadManifest(fx.ManifestPath)
		if readErr != nil {
			return nil, fmt.Errorf("moving generated fixture into place: %w", err)
		}
		fx.Manifest = m
		return fx, nil
	}
	if log != nil {
		fmt.Fprintf(log, "benchdata: generated %s in %.1fs (%d files, %.1f MB, %d commits, %.1f MB of blobs)\n",
			key, m.GenerationSeconds, m.Files, float64(m.Bytes)/1e6, m.Commits, float64(m.BlobBytes)/1e6)
	}
	fx.Manifest = m
	fx.Generated = true
	return fx, nil
}
