package benchdata

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// WorkTreeParams shapes a generated working tree (a plain directory, no .git).
type WorkTreeParams struct {
	Seed uint64 `json:"seed"`
	// Bytes is the total size to reach; the result is slightly larger.
	Bytes int64 `json:"bytes"`
	// AvgFileBytes is the typical size of a hand-written source or config file.
	AvgFileBytes int `json:"avg_file_bytes"`
	// LargeFiles lock files, minified bundles and CSV exports of LargeFileBytes each.
	LargeFiles     int `json:"large_files"`
	LargeFileBytes int `json:"large_file_bytes"`
	// Tokens is the number of planted tokens (each in a different file).
	Tokens int `json:"tokens"`
}

// DefaultWorkTreeParams is the benchmark's working tree: 200 MiB times scale.
func DefaultWorkTreeParams(scale float64) WorkTreeParams {
	return WorkTreeParams{
		Seed:           20240601,
		Bytes:          int64(200 * (1 << 20) * scale),
		AvgFileBytes:   16 << 10,
		LargeFiles:     max(1, int(24*scale)),
		LargeFileBytes: 1 << 20,
		Tokens:         30,
	}
}

// EnsureWorkTree returns the cached working tree for p, generating it if needed; progress and
// generation time go to log (may be nil).
func EnsureWorkTree(ctx context.Context, p WorkTreeParams, log io.Writer) (*Fixture, error) {
	root, err := CacheDir()
	if err != nil {
		return nil, err
	}
	return ensure(ctx, root, cacheKey("worktree", p), log, func(ctx context.Context, dir string) (*Manifest, error) {
		return GenerateWorkTree(ctx, dir, p)
	})
}

type plannedFile struct {
	path  string
	l     lang
	size  int
	ctx   bool
	seed  uint64
	token string // planted token, if any
}

// GenerateWorkTree writes a working tree for p into dir (created; must not exist or be empty).
// The same parameters always give the same bytes: every file has its own seed, drawn in order
// from p.Seed, so files can be written in parallel.
func GenerateWorkTree(ctx context.Context, dir string, p WorkTreeParams) (*Manifest, error) {
	g := newTextGen(p.Seed, 0x776f726b74726565)
	var plan []plannedFile
	seen := map[string]bool{}
	var planned int64
	uniquePath := func(path string) string {
		for i := 2; seen[path]; i++ {
			ext := filepath.Ext(path)
			path = fmt.Sprintf("%s_%d%s", path[:len(path)-len(ext)], i, ext)
		}
		seen[path] = true
		return path
	}
	largeKinds := []struct {
		l    lang
		name string
	}{{langLockJSON, "package-lock.json"}, {langMinJS, "bundle.min.js"}, {langCSV, "checksums.csv"}}
	for i := range p.LargeFiles {
		k := largeKinds[i%len(largeKinds)]
		path := uniquePath(fmt.Sprintf("services/svc%02d/%s", i, k.name))
		size := p.LargeFileBytes/2 + g.r.IntN(p.LargeFileBytes)
		plan = append(plan, plannedFile{path: path, l: k.l, size: size, seed: g.r.Uint64()})
		planned += int64(size)
	}
	services := max(4, int(p.Bytes/(4<<20)))
	for planned < p.Bytes {
		l := g.pickLang()
		prefix := fmt.Appendf(nil, "services/svc%02d/", g.r.IntN(services))
		path := uniquePath(string(g.appendPath(prefix, l)))
		size := g.fileSize(p.AvgFileBytes)
		ctx := g.r.IntN(100) < contextPercent
		plan = append(plan, plannedFile{path: path, l: l, size: size, ctx: ctx, seed: g.r.Uint64()})
		planned += int64(size)
	}
	// Planted tokens go into distinct hand-written files.
	handWritten := len(plan) - p.LargeFiles
	if p.Tokens > handWritten {
		return nil, fmt.Errorf("%d tokens need at least as many hand-written files, planned %d", p.Tokens, handWritten)
	}
	for _, i := range g.r.Perm(handWritten)[:p.Tokens] {
		plan[p.LargeFiles+i].token = g.newToken()
	}

	dirs := map[string]bool{}
	for _, f := range plan {
		dirs[filepath.Dir(f.path)] = true
	}
	for _, d := range slices.Sorted(maps.Keys(dirs)) {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return nil, fmt.Errorf("creating working tree: %w", err)
		}
	}

	sizes := make([]int64, len(plan))
	tokens := make([]PlantedToken, len(plan))
	errs := make([]error, len(plan))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				f := plan[i]
				fg := newTextGen(f.seed, uint64(i))
				fg.context = f.ctx
				buf := fg.appendBody(make([]byte, 0, f.size+f.size/8), f.l, f.size)
				if f.token != "" {
					var style string
					var line int
					buf, line, style = fg.plantAtRandomLine(buf, f.l, f.token)
					tokens[i] = PlantedToken{Value: f.token, Style: style, Path: f.path, Line: line}
				}
				sizes[i] = int64(len(buf))
				errs[i] = os.WriteFile(filepath.Join(dir, f.path), buf, 0o644)
			}
		})
	}
	for i := range plan {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("writing working tree: %w", err)
	}
	m := &Manifest{Generator: GeneratorVersion, Params: p, Files: len(plan), Tokens: []PlantedToken{}}
	for i := range plan {
		m.Bytes += sizes[i]
		if tokens[i].Value != "" {
			m.Tokens = append(m.Tokens, tokens[i])
		}
	}
	slices.SortFunc(m.Tokens, func(a, b PlantedToken) int { return strings.Compare(a.Path, b.Path) })
	return m, nil
}

// plantAtRandomLine inserts a line leaking token at a random line boundary of data and returns
// the new data, the 1-based line number of the leak and its style.
func (g *textGen) plantAtRandomLine(data []byte, l lang, token string) ([]byte, int, string) {
	lines := bytes.Count(data, []byte{'\n'})
	at := g.r.IntN(lines + 1) // insert before line at+1
	off := lineOffset(data, at)
	planted, style := g.appendPlantedLine(nil, l, token)
	out := make([]byte, 0, len(data)+len(planted))
	out = append(out, data[:off]...)
	out = append(out, planted...)
	out = append(out, data[off:]...)
	return out, at + 1, style
}

// lineOffset returns the byte offset where 0-based line n of data starts (len(data) past the end).
func lineOffset(data []byte, n int) int {
	off := 0
	for range n {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return len(data)
		}
		off += i + 1
	}
	return off
}
