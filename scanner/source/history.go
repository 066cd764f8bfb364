package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// SourceGit is the Origin.Source of findings from git history.
const SourceGit = "git"

// History scanning reads each blob that any commit introduced exactly once, however many commits
// carry it, and then attributes every finding to the commits that added it. The alternative,
// scanning each commit's added lines (`git log -p`), makes git compute a diff per commit; reading
// blobs costs git only an object lookup and lets the detector see whole files, so a token and
// its context tens of lines away are always seen together. See the closing notes of the
// detection issue for the measurements behind the choice.

// HistoryOptions selects which part of history is scanned.
type HistoryOptions struct {
	// SinceCommit limits the scan to commits reachable from some ref but not from this one.
	SinceCommit string
	// LogOpts replaces the default revision selection (--all) with these git log arguments,
	// e.g. {"main~20..main"} or {"--since=2024-01-01", "--branches"}.
	LogOpts []string
	// MaxFileSize skips larger blobs; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Workers is how many blobs are scanned at once; 0 means 2.
	Workers int
	// Excluded, when set, says which paths are not reported (--exclude). A token that a commit
	// moves out of an excluded path is new where it lands.
	Excluded func(path string) bool
}

// ScanFunc scans one blob's content. path is one of the paths the blob was committed under. It is
// called from several goroutines at once.
type ScanFunc func(path string, data []byte) []finding.Finding

// HistoryStats counts what a history scan did.
type HistoryStats struct {
	Commits int64
	Blobs   int64 // blobs read and scanned
	Bytes   int64
	Skipped map[string]int // reason -> blobs not scanned
}

// commitInfo is one commit from the log.
type commitInfo struct {
	id, author, email, subject string
	date                       time.Time
	parents                    int
}

// change is one path a commit changed: the blobs before (one per parent for a merge) and after.
type change struct {
	commit   *commitInfo
	path     string
	olds     []string
	oldPaths []string // where each of olds was (a rename's source, a merge parent's name)
	new      string
}

var zeroOID = strings.Repeat("0", 40)

// History scans the history of the repository at dir and returns every finding attributed to
// the commit that introduced it.
func History(ctx context.Context, dir string, opt HistoryOptions, scan ScanFunc) ([]finding.Finding, HistoryStats, error) {
	stats := HistoryStats{Skipped: map[string]int{}}
	maxSize := opt.MaxFileSize
	if maxSize == 0 {
		maxSize = DefaultMaxFileSize
	}
	changes, commits, err := readLog(ctx, dir, logArgs(opt))
	if err != nil {
		return nil, stats, err
	}
	stats.Commits = int64(commits)

	// Each introduced blob once, under the first path it was seen with.
	var order []string
	pathOf := map[string]string{}
	for _, c := range changes {
		if _, seen := pathOf[c.new]; !seen {
			pathOf[c.new] = c.path
			order = append(order, c.new)
		}
	}
	results, err := scanBlobs(ctx, dir, order, pathOf, maxSize, max(opt.Workers, 0), scan, &stats)
	if err != nil {
		return nil, stats, err
	}

	// A parent blob outside the scanned range (with SinceCommit) must still be read to know
	// whether a token is new; only needed where the child has findings.
	var missing []string
	for _, c := range changes {
		if len(results[c.new]) == 0 {
			continue
		}
		for _, o := range c.olds {
			if _, ok := results[o]; !ok && o != zeroOID {
				if _, queued := pathOf[o]; !queued {
					pathOf[o] = c.path
					missing = append(missing, o)
				}
			}
		}
	}
	if len(missing) > 0 {
		more, err := scanBlobs(ctx, dir, missing, pathOf, maxSize, max(opt.Workers, 0), scan, &HistoryStats{Skipped: map[string]int{}})
		if err != nil {
			return nil, stats, err
		}
		for k, v := range more {
			results[k] = v
		}
	}
	return attribute(changes, results, opt.Excluded), stats, nil
}

func logArgs(opt HistoryOptions) []string {
	args := []string{"log"}
	switch {
	case len(opt.LogOpts) > 0:
		args = append(args, opt.LogOpts...)
	case opt.SinceCommit != "":
		args = append(args, "--all", "--not", opt.SinceCommit)
	default:
		args = append(args, "--all")
	}
	// The output format comes after the user's options, so that it wins over any of theirs
	// that would change it (-c and --cc reset --combined-all-paths; --format, --abbrev ...):
	// parseLog reads exactly this shape.
	return append(args, "--format=%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%at%x1f%s", "--raw", "--no-abbrev", "-c", "--combined-all-paths",
		"-z", "-M", "--no-color", "--no-ext-diff", "--no-textconv", "--")
}

func readLog(ctx context.Context, dir string, args []string) ([]change, int, error) {
	g, err := startGit(ctx, dir, args...)
	if err != nil {
		return nil, 0, err
	}
	changes, commits, perr := parseLog(bufio.NewReaderSize(g.stdout, 256<<10))
	if perr != nil {
		g.abort()
		return nil, 0, g.protocolError(perr)
	}
	if err := g.wait(); err != nil {
		return nil, 0, err
	}
	return changes, commits, nil
}

// parseLog reads `git log --raw -z -c` output in the format logArgs asks for: per commit a
// header record "\x1e<fields>\x00", then raw entries ":<modes> <oids> <status>\x00<path>\x00"
// (two paths for renames and copies). It keeps blob changes only: submodules (mode 160000),
// symlinks (120000) and deletions introduce no content.
func parseLog(r *bufio.Reader) ([]change, int, error) {
	var (
		changes []change
		cur     *commitInfo
		commits int
	)
	for {
		b, err := r.ReadByte()
		if err == io.EOF {
			return changes, commits, nil
		}
		if err != nil {
			return nil, 0, err
		}
		switch b {
		case '\n', 0: // separators; a commit without changes ends in an extra NUL
			continue
		case 0x1e:
			header, err := r.ReadString(0)
			if err != nil {
				return nil, 0, fmt.Errorf("truncated commit header: %w", err)
			}
			c, err := parseHeader(strings.TrimSuffix(header, "\x00"))
			if err != nil {
				return nil, 0, err
			}
			cur = c
			commits++
		case ':':
			if cur == nil {
				return nil, 0, errors.New("raw diff entry before any commit header")
			}
			meta, err := r.ReadString(0)
			if err != nil {
				return nil, 0, fmt.Errorf("truncated raw entry: %w", err)
			}
			ch, npaths, err := parseRaw(strings.TrimSuffix(meta, "\x00"))
			if err != nil {
				return nil, 0, err
			}
			paths := make([]string, npaths)
			for i := range paths {
				p, err := r.ReadString(0)
				if err != nil {
					return nil, 0, fmt.Errorf("truncated path in raw entry: %w", err)
				}
				paths[i] = strings.TrimSuffix(p, "\x00")
			}
			if ch != nil {
				// The last path is the new name; before it, a rename's source, or each
				// parent's name in a merge (--combined-all-paths).
				ch.commit, ch.path = cur, paths[npaths-1]
				ch.oldPaths = paths[:npaths-1]
				changes = append(changes, *ch)
			}
		default:
			return nil, 0, fmt.Errorf("unexpected byte %q in git log output", b)
		}
	}
}

func parseHeader(h string) (*commitInfo, error) {
	f := strings.SplitN(h, "\x1f", 6)
	if len(f) != 6 || len(f[0]) < 40 {
		return nil, fmt.Errorf("malformed commit header %q", truncate(h, 80))
	}
	secs, err := strconv.ParseInt(f[4], 10, 64)
	if err != nil {
		return nil, fmt.Errorf("malformed commit date %q in %s", f[4], f[0])
	}
	return &commitInfo{
		id: f[0], parents: len(strings.Fields(f[1])), author: f[2], email: f[3],
		date: time.Unix(secs, 0).UTC(), subject: f[5],
	}, nil
}

// parseRaw parses the part of a raw entry after the first ':'. A merge's combined entry has one
// more leading ':' and one mode and blob per parent. It returns nil for entries that introduce no
// blob, and how many paths follow.
func parseRaw(meta string) (*change, int, error) {
	parents := 1
	for strings.HasPrefix(meta, ":") {
		meta = meta[1:]
		parents++
	}
	f := strings.Fields(meta)
	// modes: parents+1, oids: parents+1, status
	if len(f) != 2*(parents+1)+1 {
		return nil, 0, fmt.Errorf("malformed raw entry %q", truncate(meta, 120))
	}
	status := f[len(f)-1]
	npaths := 1
	switch {
	case parents > 1:
		npaths = parents + 1 // --combined-all-paths: each parent's name, then the merge's
	case status[0] == 'R' || status[0] == 'C':
		npaths = 2
	}
	newMode := f[parents]
	newOID := f[2*parents+1]
	if len(newOID) < 40 || status[0] == 'D' || newOID == zeroOID || !strings.HasPrefix(newMode, "100") {
		return nil, npaths, nil
	}
	olds := append([]string(nil), f[parents+1:2*parents+1]...)
	return &change{olds: olds, new: newOID}, npaths, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// blobFinding is a finding inside one blob with the text of its line, which decides whether a
// commit added it (the line is new) or merely kept it.
type blobFinding struct {
	f    finding.Finding
	line string
}

// scanBlobs reads the blobs through pipelined `git cat-file --batch` processes, one per worker,
// and scans them. results has an entry (possibly empty) for every blob that was read.
func scanBlobs(ctx context.Context, dir string, oids []string, pathOf map[string]string, maxSize int64, workers int, scan ScanFunc, stats *HistoryStats) (map[string][]blobFinding, error) {
	if workers == 0 {
		workers = 2
	}
	results := make(map[string][]blobFinding, len(oids))
	var mu sync.Mutex
	g, ctx := errgroup.WithContext(ctx)
	for w := 0; w < workers; w++ {
		var part []string
		for i := w; i < len(oids); i += workers {
			part = append(part, oids[i])
		}
		if len(part) == 0 {
			continue
		}
		g.Go(func() error {
			return readBlobs(ctx, dir, part, maxSize, func(oid string, size int64, data []byte, skip string) {
				var found []blobFinding
				// A binary blob is read as its printable runs (BinaryText); a finding's line, which
				// attribution compares between a blob and its parents, is the run it is in.
				text, position := data, func(line, col int) (int, int) { return line, col }
				if skip == "" && IsBinary(data) {
					if t, ok := BinaryText(data); ok {
						text, position = t, BinaryPositions(data, t)
					} else {
						skip = ReasonBinary
					}
				}
				if skip == "" {
					line := lineTexts(text)
					for _, f := range scan(pathOf[oid], text) {
						bf := blobFinding{f: f, line: line(f.Origin.Line)}
						bf.f.Origin.Line, bf.f.Origin.Column = position(f.Origin.Line, f.Origin.Column)
						found = append(found, bf)
					}
				}
				mu.Lock()
				defer mu.Unlock()
				if skip != "" {
					stats.Skipped[skip]++
					return
				}
				stats.Blobs++
				stats.Bytes += size
				results[oid] = found
			})
		})
	}
	return results, g.Wait()
}

// readBlobs streams the blobs' contents. Requests are written from a separate goroutine so git
// never waits for us to ask for the next object.
func readBlobs(ctx context.Context, dir string, oids []string, maxSize int64, fn func(oid string, size int64, data []byte, skip string)) error {
	cf, err := startCatFile(ctx, dir)
	if err != nil {
		return err
	}
	writeErr := make(chan error, 1)
	go func() {
		err := cf.request(oids)
		cf.stdin.Close()
		writeErr <- err
	}()
	var buf []byte // reused: fn scans the content before the next read
	for _, oid := range oids {
		size, data, err := cf.next(oid, maxSize, &buf)
		if errors.Is(err, errObjectTooLarge) {
			fn(oid, size, nil, ReasonTooLarge)
			continue
		}
		if err != nil {
			cf.abort()
			return err
		}
		fn(oid, size, data, "")
	}
	if err := <-writeErr; err != nil {
		cf.abort()
		return err
	}
	return cf.wait()
}

// lineTexts returns a function giving the text of data's line n (from 1; the first for n < 1,
// "" past the last), without its line feed. Line starts are found once, on the first call: a
// blob with thousands of findings used to be searched from its start for each.
func lineTexts(data []byte) func(n int) string {
	var starts []int
	return func(n int) string {
		if starts == nil {
			starts = lineStarts(data)
		}
		n = max(n, 1)
		if n > len(starts) {
			return ""
		}
		line := data[starts[n-1]:]
		if j := bytes.IndexByte(line, '\n'); j >= 0 {
			line = line[:j]
		}
		return string(line)
	}
}

// attribute turns per-blob findings into per-commit findings: a commit introduced a finding when
// the line holding it is in the new blob but not, with that token, in any parent's blob.
func attribute(changes []change, results map[string][]blobFinding, excluded func(string) bool) []finding.Finding {
	type key struct {
		fp   finding.Fingerprint
		line string
	}
	var out []finding.Finding
	for _, c := range changes {
		found := results[c.new]
		if len(found) == 0 || excluded != nil && excluded(c.path) {
			continue
		}
		before := map[key]bool{}
		for i, o := range c.olds {
			if i < len(c.oldPaths) && excluded != nil && excluded(c.oldPaths[i]) {
				continue // moved here from where nothing is reported: new here
			}
			for _, bf := range results[o] {
				before[key{bf.f.Fingerprint, bf.line}] = true
			}
		}
		for _, bf := range found {
			if before[key{bf.f.Fingerprint, bf.line}] {
				continue
			}
			f := bf.f
			f.Origin.Source = SourceGit
			f.Origin.Path = c.path
			f.Origin.Commit = c.commit.id
			f.Origin.Author = c.commit.author
			f.Origin.Email = c.commit.email
			f.Origin.Date = c.commit.date
			f.Origin.Message = c.commit.subject
			out = append(out, f)
		}
	}
	return out
}
