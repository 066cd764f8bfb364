package benchdata

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// HistoryParams shapes a generated git repository.
type HistoryParams struct {
	Seed uint64 `json:"seed"`
	// Commits is the total number of commits, counting branch and merge commits.
	Commits int `json:"commits"`
	// InitialFiles hand-written files are in the root commit; later commits add files until
	// there are about MaxFiles.
	InitialFiles int `json:"initial_files"`
	MaxFiles     int `json:"max_files"`
	AvgFileBytes int `json:"avg_file_bytes"`
	// LargeFileBytes is the starting size of each generated file (lock file, minified bundle,
	// CSV export); one of them is rewritten every LargeEvery main-line commits.
	LargeFileBytes int `json:"large_file_bytes"`
	LargeEvery     int `json:"large_every"`
	// Branches feature branches are forked from main; about two in three are merged back.
	Branches int `json:"branches"`
	// TagEvery main-line commits get an annotated release tag.
	TagEvery int `json:"tag_every"`
	// Tokens planted tokens, RemovePercent of those on main deleted again by a later commit.
	Tokens        int `json:"tokens"`
	RemovePercent int `json:"remove_percent"`
}

// DefaultHistoryParams is the benchmark's repository; scale shrinks or grows commits and sizes.
func DefaultHistoryParams(scale float64) HistoryParams {
	return HistoryParams{
		Seed:           20240517,
		Commits:        max(20, int(5200*scale)),
		InitialFiles:   max(8, int(90*min(scale, 1))),
		MaxFiles:       max(16, int(380*min(scale, 1))),
		AvgFileBytes:   12 << 10,
		LargeFileBytes: max(4<<10, int(float64(1200<<10)*min(scale, 1))),
		LargeEvery:     80,
		Branches:       max(2, int(9*min(scale, 1))),
		TagEvery:       max(10, int(400*min(scale, 1))),
		Tokens:         max(3, int(50*min(scale, 1))),
		RemovePercent:  40,
	}
}

// EnsureHistory returns the cached repository for p, generating it if needed; progress and
// generation time go to log (may be nil).
func EnsureHistory(ctx context.Context, p HistoryParams, log io.Writer) (*Fixture, error) {
	root, err := CacheDir()
	if err != nil {
		return nil, err
	}
	return ensure(ctx, root, cacheKey("history", p), log, func(ctx context.Context, dir string) (*Manifest, error) {
		return GenerateHistory(ctx, dir, p)
	})
}

var authors = []string{
	"Alice Moreau <alice@example.com>", "Bogdan Petrov <bogdan@example.com>",
	"Chen Wei <chen.wei@example.com>", "Dana Okafor <dana@example.org>",
	"Emil Lindqvist <emil@example.net>", "Farah Haddad <farah@example.com>",
	"Gustavo Lima <glima@example.com>", "Hana Sato <hana.sato@example.org>",
	"deploy-bot <bot@example.com>",
}

// startTime is 2019-01-01T00:00:00Z; commit dates advance from it deterministically.
const startTime = 1546300800

type hfile struct {
	l    lang
	ctx  bool // has cPanel/WHM context lines
	data []byte
}

// with returns the next version of f.
func (f *hfile) with(data []byte) *hfile { return &hfile{l: f.l, ctx: f.ctx, data: data} }

// newFile writes a new hand-written file; only contextPercent of them mention cPanel/WHM.
func (h *histGen) newFile(l lang, size int) *hfile {
	ctx := h.g.r.IntN(100) < contextPercent
	h.g.context = ctx
	return &hfile{l: l, ctx: ctx, data: h.g.appendBody(nil, l, size)}
}

type plant struct {
	PlantedToken
	mark, removedMark int
	dueRemoval        int // commit ordinal at which to remove it; 0 never
}

// branch is the one feature branch open at a time. While it is open, main and the branch edit
// disjoint sets of files, so merging it back is a clean merge: main's tree plus the branch's files.
type branch struct {
	name        string
	forkMark    int
	head        int
	remaining   int
	merge       bool
	paths       []string // main's files at the fork
	files       map[string]*hfile
	touched     []string
	mainTouched map[string]bool
	live        map[string][]int // path -> planted tokens live on the branch
}

type histGen struct {
	p HistoryParams
	g *textGen
	w *bufio.Writer

	mark      int
	now       int64
	mainHead  int
	ordinal   int // commits written so far
	mainCount int

	files   map[string]*hfile
	paths   []string // main's hand-written files, oldest first
	large   []string // main's generated files
	live    map[string][]int
	br      *branch
	plants  []plant
	pending int // plants waiting for a non-merge commit

	plantAt    map[int]bool
	blobBytes  int64
	merges     int
	branches   []string
	tags       []string
	nextBranch int
	branchNo   int
}

// GenerateHistory creates a git repository in dir (created; must not exist) with one
// `git fast-import` stream, checks out main, and returns its manifest. The same parameters give
// the same commit ids.
func GenerateHistory(ctx context.Context, dir string, p HistoryParams) (*Manifest, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating repository directory: %w", err)
	}
	if err := runGit(ctx, dir, nil, "init", "-q", "-b", "main", "."); err != nil {
		return nil, err
	}
	for _, kv := range [][2]string{{"gc.auto", "0"}, {"core.autocrlf", "false"}, {"user.name", "benchdata"}, {"user.email", "benchdata@example.com"}} {
		if err := runGit(ctx, dir, nil, "config", kv[0], kv[1]); err != nil {
			return nil, err
		}
	}
	marksFile := filepath.Join(filepath.Dir(dir), "fast-import.marks")
	cmd := exec.CommandContext(ctx, "git", "fast-import", "--quiet", "--done", "--export-marks="+marksFile)
	cmd.Dir = dir
	cmd.Env = gitEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("starting git fast-import: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting git fast-import: %w", err)
	}
	h := newHistGen(p, stdin)
	genErr := h.run(ctx)
	if genErr == nil {
		genErr = h.w.Flush()
	}
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("git fast-import: %w: %s", err, stderr.String())
	}
	if genErr != nil {
		return nil, fmt.Errorf("writing fast-import stream: %w", genErr)
	}
	marks, err := readMarks(marksFile)
	os.Remove(marksFile)
	if err != nil {
		return nil, err
	}
	if err := runGit(ctx, dir, nil, "reset", "-q", "--hard", "main"); err != nil {
		return nil, err
	}

	m := &Manifest{
		Generator: GeneratorVersion, Params: p,
		Commits: h.ordinal, Merges: h.merges, BlobBytes: h.blobBytes,
		Branches: append([]string{"main"}, h.branches...), Tags: h.tags,
		Files: len(h.paths) + len(h.large), Tokens: []PlantedToken{},
	}
	for _, f := range h.files {
		m.Bytes += int64(len(f.data))
	}
	for _, pl := range h.plants {
		t := pl.PlantedToken
		t.Commit = marks[pl.mark]
		if pl.removedMark != 0 {
			t.RemovedIn = marks[pl.removedMark]
		}
		if t.Commit == "" {
			return nil, fmt.Errorf("no commit id for mark :%d", pl.mark)
		}
		m.Tokens = append(m.Tokens, t)
	}
	return m, nil
}

func newHistGen(p HistoryParams, w io.Writer) *histGen {
	h := &histGen{
		p: p, g: newTextGen(p.Seed, 0x686973746f7279), w: bufio.NewWriterSize(w, 1<<20),
		now: startTime, files: map[string]*hfile{}, live: map[string][]int{}, plantAt: map[int]bool{},
	}
	// Tokens are planted at distinct commit ordinals spread over the whole history.
	for _, i := range h.g.r.Perm(p.Commits - 1)[:min(p.Tokens, p.Commits-1)] {
		h.plantAt[i+1] = true
	}
	h.nextBranch = h.branchGap()
	return h
}

func (h *histGen) branchGap() int {
	gap := h.p.Commits / (h.p.Branches + 1)
	return h.ordinal + gap/4 + h.g.r.IntN(gap/2+1)
}

func (h *histGen) run(ctx context.Context) error {
	h.rootCommit()
	for h.ordinal < h.p.Commits {
		if err := ctx.Err(); err != nil {
			return err
		}
		if h.plantAt[h.ordinal] {
			h.pending++
		}
		switch {
		case h.br == nil && h.ordinal >= h.nextBranch && h.branchNo < h.p.Branches && h.p.Commits-h.ordinal > 40:
			h.openBranch()
			h.branchCommit()
		case h.br != nil && h.br.remaining > 0 && h.g.r.IntN(100) < 45:
			h.branchCommit()
		case h.br != nil && h.br.remaining == 0 && h.br.merge && h.g.r.IntN(100) < 25:
			h.mergeBranch()
		case h.br != nil && h.br.remaining == 0 && !h.br.merge:
			h.br = nil
			h.nextBranch = h.branchGap()
			h.mainCommit()
		default:
			h.mainCommit()
		}
	}
	if h.br != nil && h.br.merge && h.br.head != 0 {
		// Out of budget: leave the branch unmerged rather than exceed the commit count.
		h.br = nil
	}
	_, err := fmt.Fprintf(h.w, "done\n")
	return err
}

func (h *histGen) nextMark() int {
	h.mark++
	return h.mark
}

func (h *histGen) tick() {
	h.now += 300 + int64(h.g.r.IntN(24000))
}

func (h *histGen) newPath(l lang, prefix string) string {
	for {
		path := string(h.g.appendPath([]byte(prefix), l))
		if _, ok := h.files[path]; !ok && (h.br == nil || h.br.files[path] == nil) {
			return path
		}
	}
}

// commit writes one commit; changes are the paths whose content (from get) is written, or
// deleted when get returns nil.
func (h *histGen) commit(ref string, from, merge int, msg string, changes []string, get func(string) *hfile, newBlobs bool) int {
	h.tick()
	mark := h.nextMark()
	author := authors[h.g.r.IntN(len(authors))]
	fmt.Fprintf(h.w, "commit %s\nmark :%d\nauthor %s %d +0000\ncommitter %s %d +0000\ndata %d\n%s\n",
		ref, mark, author, h.now, author, h.now, len(msg), msg)
	if from != 0 {
		fmt.Fprintf(h.w, "from :%d\n", from)
	}
	if merge != 0 {
		fmt.Fprintf(h.w, "merge :%d\n", merge)
	}
	for _, path := range changes {
		f := get(path)
		if f == nil {
			fmt.Fprintf(h.w, "D %s\n", path)
			continue
		}
		fmt.Fprintf(h.w, "M 100644 inline %s\ndata %d\n", path, len(f.data))
		h.w.Write(f.data)
		h.w.WriteByte('\n')
		if newBlobs {
			h.blobBytes += int64(len(f.data))
		}
	}
	h.w.WriteByte('\n')
	h.ordinal++
	return mark
}

func (h *histGen) message(paths []string) string {
	var b []byte
	switch h.g.r.IntN(6) {
	case 0:
		b = append(b, "Fix "...)
	case 1:
		b = append(b, "Refactor "...)
	case 2:
		b = append(b, "Add "...)
	case 3:
		b = append(b, "Update "...)
	case 4:
		b = append(b, "Handle "...)
	default:
		b = append(b, "Clean up "...)
	}
	b = h.g.appendSentence(b, 2+h.g.r.IntN(4))
	if len(paths) > 0 {
		b = append(b, " in "...)
		b = append(b, filepath.Base(paths[0])...)
	}
	if h.g.r.IntN(3) == 0 {
		b = append(b, "\n\n"...)
		b = h.g.appendSentence(b, 10+h.g.r.IntN(20))
		b = append(b, '.')
	}
	return string(b)
}

func (h *histGen) rootCommit() {
	var changes []string
	for range h.p.InitialFiles {
		l := h.g.pickLang()
		path := h.newPath(l, "")
		h.files[path] = h.newFile(l, h.g.fileSize(h.p.AvgFileBytes))
		h.paths = append(h.paths, path)
		changes = append(changes, path)
	}
	for _, lf := range []struct {
		l    lang
		path string
	}{{langLockJSON, "web/package-lock.json"}, {langMinJS, "web/static/app.min.js"}, {langCSV, "data/checksums.csv"}} {
		h.g.context = false
		h.files[lf.path] = &hfile{l: lf.l, data: h.g.appendBody(nil, lf.l, h.p.LargeFileBytes)}
		h.large = append(h.large, lf.path)
		changes = append(changes, lf.path)
	}
	h.mainHead = h.commit("refs/heads/main", 0, 0, "Initial import", changes, h.mainFile, true)
	h.mainCount++
}

func (h *histGen) mainFile(path string) *hfile { return h.files[path] }

// mainEditable reports whether main may change path now (not claimed by the open branch).
func (h *histGen) mainEditable(path string) bool {
	return h.br == nil || !slices.Contains(h.br.touched, path)
}

// pickFile picks one of paths that ok accepts, preferring a hot set of old files; "" if none.
func (h *histGen) pickFile(paths []string, ok func(string) bool) string {
	if len(paths) == 0 {
		return ""
	}
	for range 20 {
		var i int
		if h.g.r.IntN(100) < 30 {
			i = h.g.r.IntN(min(40, len(paths)))
		} else {
			i = h.g.r.IntN(len(paths))
		}
		if ok(paths[i]) {
			return paths[i]
		}
	}
	return ""
}

func (h *histGen) editCount() int {
	n := h.g.r.IntN(100)
	switch {
	case n < 40:
		return 1
	case n < 70:
		return 2
	case n < 90:
		return 3
	}
	return 4
}

// edit changes a few lines of f: replaces, inserts or deletes 1-6 lines at one spot. If that
// would remove a protected token, it only inserts.
func (h *histGen) edit(f *hfile, protect []string) []byte {
	data, l := f.data, f.l
	h.g.context = f.ctx
	lines := bytes.Count(data, []byte{'\n'})
	at := h.g.r.IntN(lines + 1)
	drop := 0
	if at < lines {
		drop = h.g.r.IntN(min(5, lines-at) + 1)
	}
	add := h.g.r.IntN(7)
	if drop == 0 && add == 0 {
		add = 1
	}
	start := lineOffset(data, at)
	end := start + lineOffset(data[start:], drop)
	for _, tok := range protect {
		if bytes.Contains(data[start:end], []byte(tok)) {
			end = start
			add = max(add, 1)
			break
		}
	}
	out := make([]byte, 0, len(data)+add*80)
	out = append(out, data[:start]...)
	for range add {
		out = h.g.appendLine(out, l)
	}
	return append(out, data[end:]...)
}

func (h *histGen) tokensOf(live map[string][]int, path string) []string {
	var toks []string
	for _, i := range live[path] {
		toks = append(toks, h.plants[i].Value)
	}
	return toks
}

// plantLangs are the languages a token is planted in, weighted: .env files and YAML config
// dominate real leaks, then Authorization headers in code.
var plantLangs = []lang{
	langEnv, langEnv, langEnv, langYAML, langYAML, langJSON,
	langPHP, langPython, langJS, langGo, langShell,
}

// plantToken writes one token into a file of files (an existing one or a new one under prefix)
// and returns the index of the plant and the path.
func (h *histGen) plantToken(ref string, paths []string, get func(string) *hfile, set func(string, *hfile), ok func(string) bool, prefix string) (int, string) {
	l := plantLangs[h.g.r.IntN(len(plantLangs))]
	path := ""
	if h.g.r.IntN(100) < 70 {
		path = h.pickFile(paths, func(p string) bool { return ok(p) && get(p) != nil && get(p).l == l })
	}
	var f *hfile
	if path == "" {
		path = h.newPath(l, prefix)
		f = h.newFile(l, h.g.fileSize(h.p.AvgFileBytes/2))
	} else {
		f = get(path)
	}
	token := h.g.newToken()
	data, _, style := h.g.plantAtRandomLine(f.data, l, token)
	set(path, f.with(data))
	h.plants = append(h.plants, plant{PlantedToken: PlantedToken{Value: token, Style: style, Path: path, Ref: ref}})
	return len(h.plants) - 1, path
}

// recordPlants fills in the mark and final line number of plants made in a commit.
func (h *histGen) recordPlants(idx []int, mark int, get func(string) *hfile) {
	for _, i := range idx {
		pl := &h.plants[i]
		pl.mark = mark
		data := get(pl.Path).data
		pl.Line = bytes.Count(data[:bytes.Index(data, []byte(pl.Value))], []byte{'\n'}) + 1
	}
}

func addChange(changes []string, path string) []string {
	if slices.Contains(changes, path) {
		return changes
	}
	return append(changes, path)
}

func (h *histGen) mainCommit() {
	var changes, deleted []string
	var planted []int
	set := func(path string, f *hfile) {
		if _, ok := h.files[path]; !ok {
			h.paths = append(h.paths, path)
		}
		h.files[path] = f
		changes = addChange(changes, path)
		if h.br != nil {
			h.br.mainTouched[path] = true
		}
	}
	editable := func(path string) bool { return h.mainEditable(path) && !slices.Contains(deleted, path) }

	n := len(h.paths)
	switch r := h.g.r.IntN(100); {
	case n < h.p.MaxFiles/2 && r < 25, n < h.p.MaxFiles && r < 8, r < 2:
		l := h.g.pickLang()
		path := h.newPath(l, "")
		set(path, h.newFile(l, h.g.fileSize(h.p.AvgFileBytes)))
	case n > h.p.MaxFiles*7/10 && r > 96, r > 98:
		path := h.pickFile(h.paths, func(p string) bool { return editable(p) && len(h.live[p]) == 0 })
		if path != "" {
			h.deleteMain(path)
			deleted = append(deleted, path)
			changes = append(changes, path)
		}
	}
	for range h.editCount() {
		path := h.pickFile(h.paths, editable)
		if path == "" {
			continue
		}
		f := h.files[path]
		set(path, f.with(h.edit(f, h.tokensOf(h.live, path))))
	}
	if h.mainCount%h.p.LargeEvery == 0 {
		path := h.large[(h.mainCount/h.p.LargeEvery)%len(h.large)]
		set(path, h.files[path].with(h.regenerate(h.files[path])))
	}
	for ; h.pending > 0; h.pending-- {
		i, path := h.plantToken("refs/heads/main", h.paths, h.mainFile, set, editable, "")
		h.live[path] = append(h.live[path], i)
		planted = append(planted, i)
		if h.g.r.IntN(100) < h.p.RemovePercent {
			h.plants[i].dueRemoval = h.ordinal + 5 + h.g.r.IntN(max(1, min(400, h.p.Commits-h.ordinal-10)))
		}
	}
	var removed []int
	for i := range h.plants {
		pl := &h.plants[i]
		if pl.dueRemoval == 0 || pl.dueRemoval > h.ordinal || slices.Contains(planted, i) || !editable(pl.Path) {
			continue
		}
		if h.g.r.IntN(3) == 0 && len(h.live[pl.Path]) == 1 {
			h.deleteMain(pl.Path)
			deleted = append(deleted, pl.Path)
			changes = addChange(changes, pl.Path)
		} else {
			f := h.files[pl.Path]
			set(pl.Path, f.with(removeLine(f.data, pl.Value)))
			h.live[pl.Path] = slices.DeleteFunc(h.live[pl.Path], func(j int) bool { return j == i })
		}
		pl.dueRemoval = 0
		removed = append(removed, i)
	}
	h.mainHead = h.commit("refs/heads/main", 0, 0, h.message(changes), changes, h.mainFile, true)
	h.mainCount++
	h.recordPlants(planted, h.mainHead, h.mainFile)
	for _, i := range removed {
		h.plants[i].removedMark = h.mainHead
	}
	if h.mainCount%h.p.TagEvery == 0 {
		h.tag()
	}
}

func (h *histGen) deleteMain(path string) {
	delete(h.files, path)
	h.paths = slices.DeleteFunc(h.paths, func(p string) bool { return p == path })
	delete(h.live, path)
	if h.br != nil {
		h.br.mainTouched[path] = true
	}
}

// removeLine deletes the line that contains value.
func removeLine(data []byte, value string) []byte {
	i := bytes.Index(data, []byte(value))
	start := bytes.LastIndexByte(data[:i], '\n') + 1
	end := len(data)
	if j := bytes.IndexByte(data[i:], '\n'); j >= 0 {
		end = i + j + 1
	}
	return append(slices.Clip(data[:start]), data[end:]...)
}

// regenerate produces the next version of a generated file: a new minified build, a lock file
// with some entries bumped, or a CSV export with rows appended.
func (h *histGen) regenerate(f *hfile) []byte {
	switch f.l {
	case langMinJS:
		return h.g.appendBody(nil, f.l, len(f.data))
	case langCSV:
		out := slices.Clip(f.data)
		for range max(10, h.p.LargeFileBytes/8/75) {
			out = h.g.appendLine(out, f.l)
		}
		return out
	default:
		data := f.data
		for range 5 + h.g.r.IntN(20) {
			data = h.edit(f.with(data), nil)
		}
		return data
	}
}

func (h *histGen) tag() {
	name := fmt.Sprintf("v1.%d.0", len(h.tags))
	msg := "Release " + name
	h.tick()
	fmt.Fprintf(h.w, "tag %s\nfrom :%d\ntagger %s %d +0000\ndata %d\n%s\n",
		name, h.mainHead, authors[0], h.now, len(msg), msg)
	h.tags = append(h.tags, name)
}

func (h *histGen) openBranch() {
	h.branchNo++
	name := fmt.Sprintf("feature/%s-%s", h.g.word(), h.g.word())
	for slices.Contains(h.branches, name) {
		name += "-2"
	}
	h.br = &branch{
		name: name, forkMark: h.mainHead, remaining: 4 + h.g.r.IntN(min(24, h.p.Commits/(h.p.Branches+1)/4+1)),
		merge: h.branchNo%3 != 2, paths: slices.Clone(h.paths),
		files: map[string]*hfile{}, mainTouched: map[string]bool{}, live: map[string][]int{},
	}
	h.branches = append(h.branches, name)
}

func (h *histGen) branchFile(path string) *hfile {
	if f := h.br.files[path]; f != nil {
		return f
	}
	return h.files[path]
}

func (h *histGen) branchCommit() {
	br := h.br
	var changes []string
	var planted []int
	set := func(path string, f *hfile) {
		br.files[path] = f
		changes = addChange(changes, path)
		if !slices.Contains(br.touched, path) {
			br.touched = append(br.touched, path)
		}
	}
	editable := func(path string) bool { return !br.mainTouched[path] }
	prefix := "features/" + strings.TrimPrefix(br.name, "feature/") + "/"
	if h.g.r.IntN(100) < 30 {
		l := h.g.pickLang()
		set(h.newPath(l, prefix), h.newFile(l, h.g.fileSize(h.p.AvgFileBytes)))
	}
	for range max(1, h.editCount()-1) {
		path := h.pickFile(br.paths, editable)
		if path == "" {
			continue
		}
		f := h.branchFile(path)
		set(path, f.with(h.edit(f, append(h.tokensOf(h.live, path), h.tokensOf(br.live, path)...))))
	}
	for ; h.pending > 0; h.pending-- {
		i, path := h.plantToken("refs/heads/"+br.name, br.paths, h.branchFile, set, editable, prefix)
		br.live[path] = append(br.live[path], i)
		planted = append(planted, i)
	}
	from := 0
	if br.head == 0 {
		from = br.forkMark
	}
	br.head = h.commit("refs/heads/"+br.name, from, 0, h.message(changes), changes, h.branchFile, true)
	br.remaining--
	h.recordPlants(planted, br.head, h.branchFile)
}

// mergeBranch merges the open branch into main with a merge commit.
func (h *histGen) mergeBranch() {
	br := h.br
	for _, path := range br.touched {
		if _, ok := h.files[path]; !ok {
			h.paths = append(h.paths, path)
		}
		h.files[path] = br.files[path]
		h.live[path] = append(h.live[path], br.live[path]...)
	}
	msg := fmt.Sprintf("Merge branch '%s'", br.name)
	h.mainHead = h.commit("refs/heads/main", 0, br.head, msg, br.touched, h.mainFile, false)
	h.mainCount++
	h.merges++
	h.br = nil
	h.nextBranch = h.branchGap()
}

func runGit(ctx context.Context, dir string, stdout io.Writer, args ...string) error {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	cmd.Env = gitEnv()
	cmd.Stdout = stdout
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return nil
}

// gitEnv keeps the user's git configuration out of generation, so output does not depend on it.
func gitEnv() []string {
	env := []string{"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "LC_ALL=C"}
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "PATH=") || strings.HasPrefix(kv, "HOME=") || strings.HasPrefix(kv, "TMPDIR=") {
			env = append(env, kv)
		}
	}
	return env
}

func readMarks(path string) (map[int]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading fast-import marks: %w", err)
	}
	marks := map[int]string{}
	for line := range strings.Lines(string(data)) {
		k, v, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok || !strings.HasPrefix(k, ":") {
			continue
		}
		n, err := strconv.Atoi(k[1:])
		if err != nil {
			return nil, fmt.Errorf("parsing fast-import marks: %w", err)
		}
		marks[n] = v
	}
	return marks, nil
}
