package source

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"

	"github.com/tokenscan/tokenscan/scanner/earlygit"
	"github.com/tokenscan/tokenscan/scanner/finding"
)

// Staged emits what is staged in the repository containing repoDir: for each added, modified,
// renamed, copied or type-changed path, its content in the index (not the working tree, so a
// partially staged file is scanned as it will be committed), with Lines set to the lines the
// change adds. A rename without content change has an empty Lines, so nothing in it is new.
// Deletions emit nothing. Submodules, symlinks and unmerged paths are emitted as skipped, as are
// binary and too-large blobs. In a repository without commits everything staged is new. Paths
// are relative to the repository root, in git's path order.
//
// When git shows a file as binary (a .gitattributes "binary" or "-diff") but its content is
// text by IsBinary, git gives no added lines: Lines is then nil and the whole file is reported,
// because missing a token is worse than reporting one that was already committed.
//
// With Options.AddedTokenShapedOnly, a change whose added lines hold no token-shaped run is
// emitted with empty content and its blob is not read.
//
// The index content of a file is usually its work-tree content (git add copies one into the
// other), and reading a file costs far less than starting a process. So a blob is read from
// the work tree whenever the file there is that blob byte for byte, which its git object id,
// computed here, proves; only the others (a partially staged file, one changed or deleted
// since, a symlink where a file is staged, content a clean filter or core.autocrlf changed on
// the way in) come from git cat-file --batch, started when the first of them is wanted. So one
// git process runs when every staged file is as it was staged, and two at most however many
// files are staged. Memory stays bounded by what emit holds on to, plus maxHeldWorkTree of
// work-tree content read ahead: the patch is streamed, only its hunk headers are kept, and
// each blob is read just before its Unit is emitted.
// The environment is inherited, so inside a pre-commit hook the index being committed is read.
//
// Staged is StartStaged followed by Emit.
func Staged(ctx context.Context, repoDir string, opt Options, emit func(Unit) error) error {
	st, err := StartStaged(ctx, repoDir, opt)
	if err != nil {
		return err
	}
	return st.Emit(emit)
}

// StagedScan is a scan of the staged changes whose git diff is already running. It lets a
// caller start git first and do its own preparation (compiling rules, starting workers) while
// git works: in a pre-commit hook, starting a process is a large part of the time.
// Exactly one of Emit or Abort must be called.
type StagedScan struct {
	ctx  context.Context // the one git runs under: its end kills git, and then errors mean nothing
	dir  string          // where git runs
	top  string          // the top of the work tree, where the paths git prints start
	s    settings
	diff *gitStream
	// blobs is nil until a blob the work tree cannot give is wanted: in most commits none is,
	// and the cheapest process is the one not started.
	blobs *catFile
	// workTree is top, opened when the first blob is wanted (nil if that failed: every blob
	// then comes from git). Opening it as a Root keeps every read inside the work tree, even
	// where a directory on the way has been replaced by a symlink since it was staged.
	workTree       *os.Root
	workTreeOpened bool
}

// StartStaged checks its arguments and starts the git diff of a Staged scan of the repository
// containing repoDir; the returned scan's Emit emits what Staged would.
func StartStaged(ctx context.Context, repoDir string, opt Options) (*StagedScan, error) {
	s, err := opt.settings()
	if err != nil {
		return nil, err
	}
	top, err := WorkTreeTop(repoDir)
	if err != nil {
		return nil, fmt.Errorf("listing staged changes: %w", err)
	}
	diff := adoptStarted(ctx, repoDir)
	if diff == nil {
		if diff, err = startGit(ctx, repoDir, earlygit.Args...); err != nil {
			return nil, fmt.Errorf("listing staged changes: %w", err)
		}
	}
	return &StagedScan{ctx: ctx, dir: repoDir, top: top, s: s, diff: diff}, nil
}

// Abort stops the git processes of a scan that will not be emitted.
func (st *StagedScan) Abort() {
	st.diff.abort()
	if st.blobs != nil {
		st.blobs.abort()
	}
}

// Emit reads the staged changes and calls emit for each, as Staged describes; it waits for the
// git processes and reports how they ended.
func (st *StagedScan) Emit(emit func(Unit) error) error {
	ctx, diff := st.ctx, st.diff
	var changes []stagedChange
	keep := func(c stagedChange) error {
		if c.status != 'D' && !st.s.exclude.excludedPath(c.path) {
			changes = append(changes, c)
		}
		return nil
	}
	br := bufio.NewReaderSize(diff.stdout, 64<<10)
	raw, err := parseRawEntries(br)
	stopped := false
	if err == nil {
		clean := st.proveClean(raw)
		stopped, err = readPatches(br, raw, clean.from, keep)
		clean.stop()
	}
	if err != nil {
		st.Abort()
		if ctx.Err() != nil {
			return ctx.Err() // git was killed; what it printed on the way out means nothing
		}
		return fmt.Errorf("listing staged changes: %w", diff.protocolError(err))
	}
	// git takes up to a millisecond to exit after its last byte (a hook waits for little else
	// by then), so the changes are emitted meanwhile. How it ended is still checked before
	// anything is returned: a failed git makes the whole listing an error, as before.
	ended := make(chan error, 1)
	go func() {
		if stopped {
			diff.abort() // the patches left hold nothing wanted; git need not write them
			ended <- nil
			return
		}
		ended <- diff.wait()
	}()
	err = st.emitChanges(changes, emit)
	if st.workTree != nil {
		st.workTree.Close()
	}
	if st.blobs != nil {
		if err != nil {
			st.blobs.abort()
		} else if cerr := st.blobs.close(); cerr != nil {
			err = fmt.Errorf("reading staged blobs: %w", cerr)
		}
	}
	if gitErr := <-ended; gitErr != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("listing staged changes: %w", gitErr)
	}
	return err
}

// maxHeldWorkTree bounds the work-tree content emitChanges holds while it waits for cat-file.
const maxHeldWorkTree = 8 << 20

// emitChanges emits a Unit per change, in order. A change whose blob the work tree gives is
// emitted at once. The first whose blob it does not give starts a batch: the work tree is
// tried for the changes after it too, holding what it gives, until maxHeldWorkTree is held or
// the changes end, and the batch's blobs that must come from git are sent to cat-file at once,
// from another goroutine, and the replies read in order: one round trip per batch instead of
// one per file, also when no blob is in the work tree (core.autocrlf on Windows).
func (st *StagedScan) emitChanges(changes []stagedChange, emit func(Unit) error) error {
	s := st.s
	for _, c := range changes {
		if c.needsBlob(s) && !validOID(c.newOID) {
			return fmt.Errorf("reading staged blob %q: invalid object name %q", c.path, c.newOID)
		}
	}
	for i := 0; i < len(changes); {
		c := changes[i]
		if !c.needsBlob(s) {
			if err := emit(unreadUnit(c)); err != nil {
				return err
			}
			i++
			continue
		}
		data, ok, err := st.readWorkTree(c)
		if err != nil {
			return err
		}
		if ok {
			if err := emit(blobUnit(c, data)); err != nil {
				return err
			}
			i++
			continue
		}

		wanted := []string{c.newOID}
		held := map[int][]byte{}
		heldSize := 0
		end := i + 1
		for ; end < len(changes) && heldSize < maxHeldWorkTree; end++ {
			if d := changes[end]; d.needsBlob(s) {
				data, ok, err := st.readWorkTree(d)
				switch {
				case err != nil:
					return err
				case ok:
					held[end] = data
					heldSize += len(data)
				default:
					wanted = append(wanted, d.newOID)
				}
			}
		}
		blobs, err := st.catFile()
		if err != nil {
			return err
		}
		sent := make(chan error, 1)
		go func() { sent <- blobs.request(wanted) }()
		for j := i; j < end; j++ {
			d := changes[j]
			var u Unit
			if data, ok := held[j]; ok {
				u = blobUnit(d, data)
			} else if !d.needsBlob(s) {
				u = unreadUnit(d)
			} else {
				size, data, err := blobs.next(d.newOID, s.maxSize, nil)
				switch {
				case errors.Is(err, errObjectTooLarge):
					u = skipUnit(stagedOrigin(d), size, &SkipError{Path: d.path, Reason: ReasonTooLarge})
				case err != nil:
					return fmt.Errorf("reading staged blob %q: %w", d.path, err)
				default:
					u = blobUnit(d, data)
				}
			}
			if err := emit(u); err != nil {
				return err
			}
		}
		if err := <-sent; err != nil {
			return fmt.Errorf("reading staged blobs: %w", err)
		}
		i = end
	}
	return nil
}

func stagedOrigin(c stagedChange) finding.Origin {
	return finding.Origin{Source: SourceStaged, Path: c.path}
}

// unreadUnit is the Unit of a change whose blob is not read: a skipped one, or one whose added
// lines hold nothing token-shaped, which is checked by its patch alone.
func unreadUnit(c stagedChange) Unit {
	if reason := c.skipReason(); reason != "" {
		return skipUnit(stagedOrigin(c), -1, &SkipError{Path: c.path, Reason: reason})
	}
	return Unit{Origin: stagedOrigin(c), Size: 0, Lines: c.lines, Read: func() ([]byte, error) { return nil, nil }}
}

// blobUnit is the Unit of a change with its staged content.
func blobUnit(c stagedChange, data []byte) Unit {
	size := int64(len(data))
	if IsBinary(data) {
		// git shows a binary change without lines, so the whole file is what it adds.
		text, ok := BinaryText(data)
		if !ok {
			return skipUnit(stagedOrigin(c), size, &SkipError{Path: c.path, Reason: ReasonBinary})
		}
		return Unit{Origin: stagedOrigin(c), Size: size, Read: func() ([]byte, error) { return text, nil },
			Position: BinaryPositions(data, text)}
	}
	return Unit{Origin: stagedOrigin(c), Size: size, Lines: c.lines, Read: func() ([]byte, error) { return data, nil }}
}

// proveClean starts proving, from the last change backwards, that changes cannot add a
// token-shaped line, so that their patch sections need not be read: from() is the index from
// which on every change is proven so (len(changes) until the last one is), and it only
// decreases, until a change that can is found. git writes patches far slower than their
// files are read: 60 ms for the patches of 1,000 small files, against 11 ms for the raw part,
// which comes first. The proof runs beside the reading of the patches, and the two meet: with
// a token-shaped run in the 6th of 1,000 staged files, it proves the other 994 files clean in
// about the time git takes for their patches, so neither alone is waited for to the end.
//
// A change is clean when its staged content is in the work tree (its object id proves it), is
// not binary, and holds no token-shaped run anywhere (hasSpanRun): then none of its added lines
// holds one, which is all its patch would be read for. Changes whose content is not read at
// all (skipped kinds, excluded paths, deletions) are clean too; every other change (content
// only git has, binary content, a token-shaped run) needs its patch. A text file that git
// shows as binary (by attribute) would be scanned whole; clean, it is not read: without a
// token-shaped run nothing in it can be reported. Only a token-shaped-only scan stops early;
// the others want every change's added lines.
//
// Which sections are read thus depends on timing; what is emitted does not: a section is
// skipped only for a change proven clean, whose unit has no content to scan either way.
func (st *StagedScan) proveClean(changes []stagedChange) *cleanProof {
	p := &cleanProof{quit: make(chan struct{}), done: make(chan struct{})}
	p.first.Store(int64(len(changes)))
	if !st.s.tokenShapedBlobs || st.s.everyPatch {
		close(p.done)
		return p
	}
	root := st.workTreeRoot()
	if root == nil {
		close(p.done)
		return p
	}
	go func() {
		defer close(p.done)
		for i := len(changes) - 1; i >= 0; i-- {
			select {
			case <-p.quit:
				return
			default:
			}
			if st.ctx.Err() != nil || !st.clean(root, changes[i]) {
				return // it needs its patch (or the scan is cancelled, and git is being killed)
			}
			p.first.Store(int64(i))
		}
	}()
	return p
}

// cleanProof is the progress of proveClean.
type cleanProof struct {
	first      atomic.Int64 // every change from this index on is clean
	quit, done chan struct{}
}

func (p *cleanProof) from() int { return int(p.first.Load()) }

// stop ends the proof and waits for it, so that its reads of the work tree are over.
func (p *cleanProof) stop() {
	select {
	case <-p.done:
	default:
		close(p.quit)
		<-p.done
	}
}

func (st *StagedScan) clean(root *os.Root, c stagedChange) bool {
	if c.status == 'D' || st.s.exclude.excludedPath(c.path) || c.skipReason() != "" {
		return true
	}
	// A large file is not read for this: its patch costs git less than reading and hashing it
	// here, and a large text file almost always holds a token-shaped run somewhere anyway.
	data, ok := readWorkTreeBlob(root, c.path, c.newOID, min(st.s.maxSize, maxCleanCheck))
	return ok && !IsBinary(data) && !hasSpanRun(data)
}

// maxCleanCheck is the largest staged file proveClean reads.
const maxCleanCheck = 1 << 20

// catFile returns the scan's cat-file process, starting it the first time.
func (st *StagedScan) catFile() (*catFile, error) {
	if st.blobs == nil {
		blobs, err := startCatFile(st.ctx, st.dir)
		if err != nil {
			if st.ctx.Err() != nil {
				return nil, st.ctx.Err()
			}
			return nil, fmt.Errorf("reading staged blobs: %w", err)
		}
		st.blobs = blobs
	}
	return st.blobs, nil
}

// readWorkTree returns c's staged content from the work tree, with ok false when it must come
// from git instead. The only error is ctx's: nothing that goes wrong in the work tree is a
// failure, just a reason to ask git.
func (st *StagedScan) readWorkTree(c stagedChange) (data []byte, ok bool, err error) {
	if err := st.ctx.Err(); err != nil {
		return nil, false, err
	}
	root := st.workTreeRoot()
	if root == nil {
		return nil, false, nil
	}
	data, ok = readWorkTreeBlob(root, c.path, c.newOID, st.s.maxSize)
	return data, ok, nil
}

// workTreeRoot returns the work tree opened as a Root, opening it the first time; nil if that
// failed.
func (st *StagedScan) workTreeRoot() *os.Root {
	if !st.workTreeOpened {
		st.workTreeOpened = true
		if root, err := os.OpenRoot(st.top); err == nil {
			st.workTree = root
		}
	}
	return st.workTree
}

// readWorkTreeBlob returns the content of the file at the slash-separated path under root if
// it is the blob oid, and ok false otherwise. Only a regular file is read, never through a
// symlink at path: a symlink where a file was staged means the work tree changed since, and
// git would not follow it either. Content over maxSize is left to git, which knows the blob's
// size without reading it.
func readWorkTreeBlob(root *os.Root, path, oid string, maxSize int64) (data []byte, ok bool) {
	name := filepath.FromSlash(path)
	lfi, err := root.Lstat(name)
	if err != nil || !lfi.Mode().IsRegular() || lfi.Size() > maxSize {
		return nil, false
	}
	f, err := root.Open(name)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	// What was opened must be what Lstat saw, not a symlink put in its place since.
	if fi, err := f.Stat(); err != nil || !os.SameFile(lfi, fi) {
		return nil, false
	}
	// One byte more than Lstat measured: a file that changed size since is left to git.
	data = make([]byte, lfi.Size()+1)
	n, err := io.ReadFull(f, data) // a short read, EOF at once for an empty file
	if err != io.ErrUnexpectedEOF && err != io.EOF || int64(n) != lfi.Size() || !isBlob(oid, data[:n]) {
		return nil, false
	}
	return data[:n], true
}

// isBlob reports whether data is the content of the git blob named oid. A blob's name is the
// hash of "blob <size>\x00" followed by the content: SHA-1, or SHA-256 in a repository created
// with --object-format=sha256, which the name's length tells. (Content that differs but hashes
// alike would take a SHA-1 collision crafted by whoever writes the work tree, who can commit
// with --no-verify anyway.)
func isBlob(oid string, data []byte) bool {
	var h hash.Hash
	switch len(oid) {
	case 2 * sha1.Size:
		h = sha1.New()
	case 2 * sha256.Size:
		h = sha256.New()
	default:
		return false
	}
	h.Write(strconv.AppendInt([]byte("blob "), int64(len(data)), 10))
	h.Write([]byte{0})
	h.Write(data)
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0])) == oid
}

// WorkTreeTop checks, without starting git, that dir is in a work tree, and returns the top of
// that work tree, absolute: where hooks run, .tokenscanignore lives and the paths git diff
// --no-relative prints start. A bare repository has no index to commit from, and git diff
// --cached there quietly reports nothing staged. A hook runs on every commit, and one git
// process fewer is a noticeable part of its time.
//
// The top is found the way git finds it: GIT_WORK_TREE if set (git exports it to hooks when it
// was given one), else, if GIT_DIR is set (git exports it to hooks in a linked work tree), the
// directory git runs in, else the directory holding .git. With GIT_DIR set nothing is checked:
// git itself knows best. Where git would still see another top (core.worktree), reads from the
// work tree only miss: what is read is used only when it hashes to the staged blob.
func WorkTreeTop(dir string) (string, error) {
	top := os.Getenv("GIT_WORK_TREE")
	if top != "" && !filepath.IsAbs(top) {
		top = filepath.Join(dir, top) // git resolves it from where it runs, which is dir
	}
	if os.Getenv("GIT_DIR") != "" {
		if top == "" {
			top = dir
		}
		return filepath.Abs(top)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(abs); err != nil {
		return "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			if top == "" {
				top = d
			}
			return filepath.Abs(top)
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("%q is not in a git work tree (not a git repository, or a bare one)", dir)
		}
	}
}

// Git file modes, as octal in raw diff output.
const (
	modeTypeMask  = 0o170000
	modeRegular   = 0o100000
	modeSymlink   = 0o120000
	modeSubmodule = 0o160000
)

// stagedChange is one entry of the raw diff with the added lines from its patch.
type stagedChange struct {
	oldMode, newMode uint32
	oldOID, newOID   string
	status           byte     // A C D M R T U, as git prints it
	path             string   // the new path of a rename or copy
	lines            *LineSet // added lines; nil when git showed the content as binary
	// tokenShaped says an added line holds a run a token could be in (see spanRun); without
	// one no finding can be reported on an added line, and the blob is not read.
	tokenShaped bool
}

// needsBlob says whether c's content must be read: always, unless only token-shaped
// additions are wanted; then only when it is scanned whole (git showed it as binary, so its
// added lines are unknown) or an added line holds a token-shaped run.
func (c stagedChange) needsBlob(s settings) bool {
	return c.skipReason() == "" && (!s.tokenShapedBlobs || c.lines == nil || c.tokenShaped)
}

func (c stagedChange) skipReason() string {
	switch {
	case c.status == 'U':
		return ReasonUnmerged
	case c.newMode&modeTypeMask == modeSubmodule:
		return ReasonSubmodule
	case c.newMode&modeTypeMask == modeSymlink:
		return ReasonSymlink
	case c.newMode&modeTypeMask != modeRegular:
		return ReasonNotRegular
	}
	return ""
}

// typeChanged reports a change between kinds of entry (file, symlink, submodule), which git
// prints as a deletion followed by a creation: two patch sections for one raw entry.
func (c stagedChange) typeChanged() bool {
	return c.oldMode != 0 && c.newMode != 0 && c.oldMode&modeTypeMask != c.newMode&modeTypeMask
}

// diffFormatError is git diff output that does not have the expected shape. It is never
// ignored: a misparsed diff would attach added lines to the wrong file.
type diffFormatError struct{ msg string }

func (e *diffFormatError) Error() string { return "unexpected git diff output: " + e.msg }

func formatErrorf(format string, args ...any) error {
	return &diffFormatError{msg: fmt.Sprintf(format, args...)}
}

// parseStagedDiff reads `git diff --raw --patch -z -U0 --full-index` output and calls fn for
// each raw entry, in order, with the added lines from its patch section. Sections are matched
// to entries by position, which is how git prints them, and checked against the entry's object
// ids wherever the section has an index line. Errors from fn are returned unchanged.
func parseStagedDiff(r io.Reader, fn func(stagedChange) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	changes, err := parseRawEntries(br)
	if err != nil {
		return err
	}
	_, err = readPatches(br, changes, func() int { return len(changes) }, fn)
	return err
}

// readPatches reads the patch sections of the raw entries changes, in order, and calls fn for
// each entry with its added lines. Before each section it asks clean for the index from which
// on no entry can add a token-shaped line (proveClean); once it has reached that index, the
// remaining sections are not read: those entries go to fn with no added lines, and stopped is
// true (git is still writing; the caller stops it instead of waiting).
func readPatches(br *bufio.Reader, changes []stagedChange, clean func() int, fn func(stagedChange) error) (stopped bool, err error) {
	p := &patchReader{r: br}
	for i, c := range changes {
		if i >= clean() {
			for _, c := range changes[i:] {
				c.lines = &LineSet{}
				if err := fn(c); err != nil {
					return true, err
				}
			}
			return true, nil
		}
		if c.lines, c.tokenShaped, err = p.sectionsFor(c); err != nil {
			return false, err
		}
		if err := fn(c); err != nil {
			return false, err
		}
	}
	line, err := p.next()
	if err != io.EOF {
		if err != nil {
			return false, err
		}
		return false, formatErrorf("patch section %.60q without a raw entry", line)
	}
	return false, nil
}

// parseRawEntries reads the NUL-separated raw records up to the empty field that separates
// them from the patch (or the end of output, if there is no change at all).
func parseRawEntries(br *bufio.Reader) ([]stagedChange, error) {
	var changes []stagedChange
	for {
		field, err := readField(br)
		if err == io.EOF && field == nil {
			if len(changes) > 0 {
				return nil, formatErrorf("output ends after %d raw entries without a patch", len(changes))
			}
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		if len(field) == 0 {
			return changes, nil
		}
		c, npaths, err := parseRawRecord(field)
		if err != nil {
			return nil, err
		}
		paths := make([]string, npaths)
		for i := range paths {
			p, err := readField(br)
			if err == io.EOF || (err == nil && len(p) == 0) {
				return nil, formatErrorf("raw entry %q: missing path", field)
			}
			if err != nil {
				return nil, err
			}
			paths[i] = string(p)
		}
		c.path = paths[npaths-1]
		changes = append(changes, c)
	}
}

// readField reads up to the next NUL. A final field without its NUL is truncated output.
func readField(br *bufio.Reader) ([]byte, error) {
	b, err := br.ReadBytes(0)
	if err == io.EOF {
		if len(b) == 0 {
			return nil, io.EOF
		}
		return nil, formatErrorf("truncated raw output %.60q", b)
	}
	if err != nil {
		return nil, err
	}
	return b[:len(b)-1], nil
}

// parseRawRecord parses ":100644 100644 <old oid> <new oid> R086" and says how many paths
// follow it (two for renames and copies).
func parseRawRecord(rec []byte) (stagedChange, int, error) {
	bad := func(why string) (stagedChange, int, error) {
		return stagedChange{}, 0, formatErrorf("raw entry %.120q: %s", rec, why)
	}
	if len(rec) == 0 || rec[0] != ':' {
		return bad("does not start with ':'")
	}
	f := bytes.Split(rec[1:], []byte(" "))
	if len(f) != 5 {
		return bad("want 5 fields")
	}
	var c stagedChange
	for i, m := range []*uint32{&c.oldMode, &c.newMode} {
		v, err := strconv.ParseUint(string(f[i]), 8, 32)
		if err != nil || len(f[i]) != 6 {
			return bad("bad mode")
		}
		*m = uint32(v)
	}
	c.oldOID, c.newOID = string(f[2]), string(f[3])
	if !isObjectID(c.oldOID) || !isObjectID(c.newOID) || len(c.oldOID) != len(c.newOID) {
		return bad("bad object id")
	}
	status := f[4]
	if len(status) == 0 {
		return bad("no status")
	}
	c.status = status[0]
	if _, err := strconv.ParseUint("0"+string(status[1:]), 10, 16); err != nil {
		return bad("bad similarity score")
	}
	switch c.status {
	case 'R', 'C':
		return c, 2, nil
	case 'A', 'D', 'M', 'T', 'U':
		if len(status) > 1 {
			return bad("score on a status that has none")
		}
		return c, 1, nil
	}
	return bad("unknown status")
}

// isObjectID accepts full SHA-1 and SHA-256 object names.
func isObjectID(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// maxPatchLine is how much of a patch line is kept. Headers are short (paths are not parsed
// from them) and hunk content is only counted, so a 50 MB minified line costs no memory.
const maxPatchLine = 8 << 10

// patchReader walks the patch part line by line with one line of lookahead.
type patchReader struct {
	r       *bufio.Reader
	peeked  []byte
	hasPeek bool
	buf     []byte
}

// next returns the next line without its newline, truncated to maxPatchLine; io.EOF at the end.
func (p *patchReader) next() ([]byte, error) {
	if p.hasPeek {
		p.hasPeek = false
		return p.peeked, nil
	}
	p.buf = p.buf[:0]
	for {
		chunk, err := p.r.ReadSlice('\n')
		if room := maxPatchLine - len(p.buf); room > 0 {
			p.buf = append(p.buf, chunk[:min(len(chunk), room)]...)
		}
		switch {
		case err == nil:
			return bytes.TrimSuffix(p.buf, []byte("\n")), nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF && len(p.buf) > 0:
			return nil, formatErrorf("patch ends inside line %.60q", p.buf)
		default:
			return nil, err
		}
	}
}

func (p *patchReader) unread(line []byte) {
	p.peeked = append(p.peeked[:0], line...)
	p.hasPeek = true
}

// section is what one "diff --git" block says.
type section struct {
	unmerged       bool
	hasIndex       bool
	oldOID, newOID string
	binary         bool
	lines          *LineSet
	tokenShaped    bool // an added line holds a spanRun
}

// sectionsFor reads the patch section(s) of c and returns its added lines, and whether one of
// them holds a token-shaped run.
func (p *patchReader) sectionsFor(c stagedChange) (*LineSet, bool, error) {
	if c.status == 'U' {
		s, err := p.section()
		if err != nil {
			return nil, false, err
		}
		if !s.unmerged {
			return nil, false, formatErrorf("expected unmerged-path note for %q", c.path)
		}
		return nil, false, nil
	}
	if c.typeChanged() {
		zero := zeroID(len(c.oldOID))
		if _, err := p.expectSection(c, c.oldOID, zero); err != nil {
			return nil, false, err
		}
		s, err := p.expectSection(c, zero, c.newOID)
		return s.lines, s.tokenShaped, err
	}
	s, err := p.expectSection(c, c.oldOID, c.newOID)
	return s.lines, s.tokenShaped, err
}

func zeroID(n int) string { return string(bytes.Repeat([]byte("0"), n)) }

// expectSection reads a section and checks it belongs to c. A section without an index line
// (a pure rename or mode change) cannot be checked; it still must not contain hunks, since
// git prints no index line only when the content did not change.
func (p *patchReader) expectSection(c stagedChange, oldOID, newOID string) (section, error) {
	s, err := p.section()
	if err != nil {
		return section{}, err
	}
	switch {
	case s.unmerged:
		return section{}, formatErrorf("unmerged-path note where the patch of %q was expected", c.path)
	case s.hasIndex && (s.oldOID != oldOID || s.newOID != newOID):
		return section{}, formatErrorf("patch for %s..%s where the patch of %q (%s..%s) was expected",
			s.oldOID, s.newOID, c.path, oldOID, newOID)
	case !s.hasIndex && s.lines.Len() > 0:
		return section{}, formatErrorf("patch of %q has hunks but no index line", c.path)
	}
	return s, nil
}

// section reads one "diff --git" block (header, then hunks) or one "* Unmerged path" note.
func (p *patchReader) section() (section, error) {
	line, err := p.next()
	if err == io.EOF {
		return section{}, formatErrorf("patch ends before all raw entries had their section")
	}
	if err != nil {
		return section{}, err
	}
	if bytes.HasPrefix(line, []byte("* Unmerged path ")) {
		return section{unmerged: true}, nil
	}
	if !bytes.HasPrefix(line, []byte("diff --git ")) {
		return section{}, formatErrorf("expected a diff header, got %.60q", line)
	}
	s := section{lines: &LineSet{}}
	inHeader := true
	for {
		line, err := p.next()
		if err == io.EOF {
			return s, nil
		}
		if err != nil {
			return section{}, err
		}
		switch {
		case bytes.HasPrefix(line, []byte("diff --git ")), bytes.HasPrefix(line, []byte("* Unmerged path ")):
			p.unread(line)
			return s, nil
		case bytes.HasPrefix(line, []byte("@@ ")):
			inHeader = false
			h, err := parseHunkHeader(line)
			if err != nil {
				return section{}, err
			}
			if h.newCount > 0 {
				r := LineRange{First: h.newStart, Last: h.newStart + h.newCount - 1}
				if n := len(s.lines.ranges); n > 0 && r.First <= s.lines.ranges[n-1].Last {
					return section{}, formatErrorf("hunk %.60q overlaps or precedes the one before", line)
				}
				s.lines.add(r)
			}
			shaped, err := p.skipHunkBody(h)
			if err != nil {
				return section{}, err
			}
			s.tokenShaped = s.tokenShaped || shaped
		case len(line) > 0 && line[0] == '\\':
			// "\ No newline at end of file" after a hunk's last line.
		case !inHeader:
			return section{}, formatErrorf("unexpected line %.60q after a hunk", line)
		case bytes.HasPrefix(line, []byte("index ")):
			if err := s.parseIndexLine(line); err != nil {
				return section{}, err
			}
		case bytes.HasPrefix(line, []byte("Binary files ")), bytes.Equal(line, []byte("GIT binary patch")):
			s.binary, s.lines = true, nil
		}
		// Other header lines (modes, similarity, rename from/to, ---/+++) carry nothing we
		// need: paths come from the raw part, where they are not quoted.
	}
}

// parseIndexLine parses "index <old>..<new>[ <mode>]".
func (s *section) parseIndexLine(line []byte) error {
	rest := bytes.TrimPrefix(line, []byte("index "))
	if i := bytes.IndexByte(rest, ' '); i >= 0 {
		rest = rest[:i]
	}
	oldID, newID, ok := bytes.Cut(rest, []byte(".."))
	if !ok || !isObjectID(string(oldID)) || !isObjectID(string(newID)) {
		return formatErrorf("bad index line %.60q", line)
	}
	s.hasIndex, s.oldOID, s.newOID = true, string(oldID), string(newID)
	return nil
}

// skipHunkBody consumes exactly the lines a hunk header announced. Counting, rather than
// looking for the next "@@" or "diff --git", is what makes content lines that happen to look
// like headers harmless.
func (p *patchReader) skipHunkBody(h hunkHeader) (tokenShaped bool, err error) {
	oldLeft, newLeft := h.oldCount, h.newCount
	for oldLeft > 0 || newLeft > 0 {
		line, err := p.next()
		if err == io.EOF {
			return false, formatErrorf("patch ends inside a hunk")
		}
		if err != nil {
			return false, err
		}
		if len(line) == 0 {
			line = []byte(" ") // a blank context line printed bare (diff.suppressBlankEmpty)
		}
		switch line[0] {
		case '-':
			oldLeft--
		case '+':
			newLeft--
			tokenShaped = tokenShaped || hasSpanRun(line[1:])
		case ' ':
			oldLeft--
			newLeft--
		case '\\':
		default:
			return false, formatErrorf("unexpected line %.60q inside a hunk", line)
		}
		if oldLeft < 0 || newLeft < 0 {
			return false, formatErrorf("hunk has more lines than its header says")
		}
	}
	return tokenShaped, nil
}

// SpanRun is the shortest run of [0-9A-Za-z_+/-] that can hold something the detector reports:
// a 32-character token, a 24-digit piece of an access hash, or base64 or hex encoding of one
// (package detect derives the same bound, and its tests check the two agree). A finding is
// reported on the line where its secret starts, so an added line without such a run cannot
// be where a finding is reported.
const SpanRun = 24

func hasSpanRun(line []byte) bool {
	run := 0
	for _, c := range line {
		if c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == '+' || c == '/' || c == '-' {
			if run++; run >= SpanRun {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

type hunkHeader struct {
	oldStart, oldCount, newStart, newCount int
}

// maxLineNumber bounds line numbers and counts in hunk headers so that arithmetic on them
// cannot overflow; no text file has a billion lines.
const maxLineNumber = 1 << 30

// parseHunkHeader parses "@@ -<start>[,<count>] +<start>[,<count>] @@[ context]". A missing
// count means 1. A zero new count is a pure deletion, whose start is the line before it.
func parseHunkHeader(line []byte) (hunkHeader, error) {
	bad := func() (hunkHeader, error) { return hunkHeader{}, formatErrorf("bad hunk header %.60q", line) }
	rest, ok := bytes.CutPrefix(line, []byte("@@ -"))
	if !ok {
		return bad()
	}
	oldRange, rest, ok := bytes.Cut(rest, []byte(" +"))
	if !ok {
		return bad()
	}
	newRange, rest, ok := bytes.Cut(rest, []byte(" @@"))
	if !ok || (len(rest) > 0 && rest[0] != ' ') {
		return bad()
	}
	var h hunkHeader
	if h.oldStart, h.oldCount, ok = parseHunkRange(oldRange); !ok {
		return bad()
	}
	if h.newStart, h.newCount, ok = parseHunkRange(newRange); !ok {
		return bad()
	}
	if (h.newCount > 0 && h.newStart < 1) || (h.oldCount > 0 && h.oldStart < 1) || (h.oldCount == 0 && h.newCount == 0) {
		return bad()
	}
	return h, nil
}

func parseHunkRange(b []byte) (start, count int, ok bool) {
	startText, countText, hasCount := bytes.Cut(b, []byte(","))
	if start, ok = parseLineNumber(startText); !ok {
		return 0, 0, false
	}
	count = 1
	if hasCount {
		if count, ok = parseLineNumber(countText); !ok {
			return 0, 0, false
		}
	}
	return start, count, true
}

// parseLineNumber accepts plain decimal digits only (no sign, no spaces) up to maxLineNumber.
func parseLineNumber(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 10 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n <= maxLineNumber
}
