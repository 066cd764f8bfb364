// Package source finds the content tokenscan scans and says where it came from: a directory
// tree, named files, standard input or the staged changes of a git repository. It never
// interprets content; it hands out Units whose Read is called by scan workers, so reading
// runs in parallel with walking.
package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/bits"
	"sync"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// DefaultMaxFileSize is the size above which content is skipped as "too large" when
// Options.MaxFileSize is zero. Tokens live in config files and source code; a file this big is
// almost always an artifact (archive, dump, bundle) that would cost more than it is worth.
const DefaultMaxFileSize = 25 << 20

// Origin sources, as written to finding.Origin.Source.
const (
	SourceDir    = "dir"
	SourceFile   = "file"
	SourceStdin  = "stdin"
	SourceStaged = "staged"
)

// Skip reasons. Reasons that depend on an error ("unreadable: ...") are built from it.
const (
	ReasonBinary     = "binary"
	ReasonTooLarge   = "too large"
	ReasonNotRegular = "not regular file"
	ReasonSymlink    = "symlink"
	ReasonSubmodule  = "submodule"
	ReasonUnmerged   = "unmerged"
)

// Options configure every source.
type Options struct {
	// MaxFileSize is the largest content, in bytes, that is read; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Exclude lists glob patterns of paths not to scan at all (not even reported as skipped,
	// since the user asked for it). See Dir for the pattern syntax.
	Exclude []string
	// AddedTokenShapedOnly makes Staged read only the changes that could be reported: where
	// an added line holds a run of SpanRun token characters. The others are emitted with no
	// content (nothing on their added lines can be a finding), so a pre-commit hook with a
	// thousand staged files asks git for the few that matter; and once every change still
	// to come is known from the work tree to hold no such run at all, the rest of git's
	// patch output is not read (their Lines are then empty).
	AddedTokenShapedOnly bool
}

// settings is Options validated once, so walks do not re-check patterns per file.
type settings struct {
	maxSize          int64
	exclude          excludeSet
	tokenShapedBlobs bool
	everyPatch       bool // read every staged patch section, even those proveClean lets it skip (tests)
}

func (o Options) settings() (settings, error) {
	s := settings{maxSize: o.MaxFileSize, tokenShapedBlobs: o.AddedTokenShapedOnly}
	if s.maxSize == 0 {
		s.maxSize = DefaultMaxFileSize
	}
	if s.maxSize < 0 {
		return settings{}, fmt.Errorf("invalid maximum file size %d: must not be negative", o.MaxFileSize)
	}
	var err error
	if s.exclude, err = compileExcludes(o.Exclude); err != nil {
		return settings{}, err
	}
	return s, nil
}

// Unit is one piece of content to scan and where it came from.
type Unit struct {
	// Origin.Source is SourceDir, SourceFile, SourceStdin or SourceStaged; Origin.Path is
	// slash-separated and relative to the scan root (the repository root for staged content,
	// the path as given for Files, the stream name for Stdin). Line, Column and git fields are
	// left for the detector and history scanning.
	Origin finding.Origin
	// Size is the content length in bytes when the source knows it before reading, and -1
	// otherwise: Dir leaves it unknown because learning it would cost a stat per file on the
	// walk, which Read does anyway, in parallel.
	Size int64
	// Read returns the content. It is called once, by a scan worker. Content that must not be
	// scanned yields a *SkipError; every skipped file is still emitted as a Unit so the caller
	// counts and reports it instead of losing it silently.
	Read func() ([]byte, error)
	// Release, when set, takes back what Read returned once nothing refers to it any more, so
	// the source can reuse the memory: a directory scan reads hundreds of megabytes, and fresh
	// buffers cost a page fault per 4 KB and zeroing on top of the read. Callers must not keep
	// any part of the content (findings copy what they need) after calling it.
	Release func([]byte)
	// Lines, when non-nil, restricts what is reported to these 1-based lines (a staged
	// change's added lines). The whole content is still scanned so a token's context (host,
	// user) on unchanged lines is seen. A nil Lines means every line counts. Lines are counted
	// as git counts them: line n starts after the (n-1)th '\n'.
	Lines *LineSet
	// Position, when set, maps a line and column of what Read returned to the file's own: Read
	// returned a text rendering of binary content (BinaryText). Lines applies to the file's.
	Position func(line, col int) (int, int)
}

// SkipError says why content was not scanned. Callers count and report skips; they are not
// failures of the scan, except that an "unreadable: ..." skip may deserve a non-zero exit.
type SkipError struct {
	Path   string
	Reason string // ReasonBinary, ReasonTooLarge, ... or "unreadable: <cause>"
	Err    error  // the underlying error for unreadable content, so errors.Is(err, fs.ErrPermission) works
}

func (e *SkipError) Error() string { return "skipped " + e.Path + ": " + e.Reason }

func (e *SkipError) Unwrap() error { return e.Err }

// skipUnit is a Unit whose Read reports why it is skipped.
func skipUnit(origin finding.Origin, size int64, skip *SkipError) Unit {
	return Unit{Origin: origin, Size: size, Read: func() ([]byte, error) { return nil, skip }}
}

// unreadable turns an I/O error into a skip that names its cause without repeating the path,
// which the SkipError already carries.
func unreadable(path string, err error) *SkipError {
	cause := err
	var pe *fs.PathError
	if errors.As(err, &pe) {
		cause = pe.Err
	}
	return &SkipError{Path: path, Reason: "unreadable: " + cause.Error(), Err: err}
}

// binarySniffLen is how much of the content IsBinary looks at. It is git's own limit
// (FIRST_FEW_BYTES in xdiff-interface.c), so a file git diffs as text is never skipped here as
// binary, and staged line information and our verdict agree.
const binarySniffLen = 8000

// IsBinary reports whether data looks binary: a NUL byte within the first 8000 bytes. This is
// the heuristic git, GNU grep and diff use: text in any ASCII-compatible encoding (UTF-8,
// Latin-1, ...) never contains NUL, while nearly every binary format does early (headers,
// padding). Looking only at the start keeps the check O(1) per file. The known miss is UTF-16
// text, which is full of NULs; tokens in UTF-16 files are not found.
func IsBinary(data []byte) bool {
	if len(data) > binarySniffLen {
		data = data[:binarySniffLen]
	}
	return bytes.IndexByte(data, 0) >= 0
}

// readContent reads at most maxSize bytes of one file or stream. It checks for binary content
// as soon as the first binarySniffLen bytes are in, so a large binary costs 8 KB of I/O, not
// all of it. sizeHint (-1 if unknown) sizes the buffer so a file of known size is read without
// reallocation; one spare byte lets EOF be seen without growing.
func readContent(r io.Reader, path string, sizeHint, maxSize int64) ([]byte, error) {
	capacity := int64(512)
	if sizeHint >= 0 {
		capacity = min(sizeHint, maxSize) + 1
	}
	return readInto(make([]byte, 0, capacity), r, path, maxSize)
}

// readInto is readContent into buffer data (empty, with the capacity wanted).
func readInto(data []byte, r io.Reader, path string, maxSize int64) ([]byte, error) {
	return readUpTo(data, r, path, maxSize, 0)
}

// readUpTo is readInto that stops once it has read size bytes (when size > 0) instead of
// reading on to the end: size is what fstat said of the open file, and asking the kernel once
// more only to hear "end of file" was one system call in five of a directory scan. A short
// read still reads on; a file that grew since it was measured is read as it was measured.
// Files that report no size (some virtual files) are read to the end.
func readUpTo(data []byte, r io.Reader, path string, maxSize, size int64) ([]byte, error) {
	limited := io.LimitReader(r, maxSize+1)
	sniffed := false
	for size <= 0 || int64(len(data)) < size {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := limited.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if !sniffed && (len(data) >= binarySniffLen || err == io.EOF) {
			sniffed = true
			if IsBinary(data) {
				return nil, &SkipError{Path: path, Reason: ReasonBinary}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, unreadable(path, err)
		}
	}
	if !sniffed && IsBinary(data) {
		return nil, &SkipError{Path: path, Reason: ReasonBinary}
	}
	if int64(len(data)) > maxSize {
		return nil, &SkipError{Path: path, Reason: ReasonTooLarge}
	}
	return data, nil
}

// readRegularFile reads the file at name, shown as path in skips. It re-checks type and size
// on the open file: the walk saw only a directory entry, and the file may have grown or been
// replaced since.
func readRegularFile(name, path string, maxSize int64) ([]byte, error) {
	f, err := openFile(name)
	if err != nil {
		return nil, unreadable(path, err)
	}
	defer f.Close()
	regular, size, err := f.stat()
	if err != nil {
		return nil, unreadable(path, err)
	}
	if !regular {
		return nil, &SkipError{Path: path, Reason: ReasonNotRegular}
	}
	if size > maxSize {
		return nil, &SkipError{Path: path, Reason: ReasonTooLarge}
	}
	buf := getBuffer(int(size + 1))
	data, err := readUpTo(buf, f, path, maxSize, size)
	if err != nil {
		putBuffer(buf)
	}
	return data, err
}

// Read buffers are pooled by power-of-two capacity, from 4 KB to 4 MB; larger files get their
// own allocation.
const (
	minPooledShift = 12
	maxPooledShift = 22
)

var bufferPools [maxPooledShift - minPooledShift + 1]sync.Pool

func getBuffer(n int) []byte {
	shift := max(bits.Len(uint(n-1)), minPooledShift)
	if shift > maxPooledShift {
		return make([]byte, 0, n)
	}
	if b, ok := bufferPools[shift-minPooledShift].Get().(*[]byte); ok {
		return (*b)[:0]
	}
	return make([]byte, 0, 1<<shift)
}

// putBuffer takes back a buffer from getBuffer (or content read into one) for reuse.
func putBuffer(b []byte) {
	c := cap(b)
	if c == 0 || c&(c-1) != 0 {
		return // not one of ours: grown by append, or sized for a large file
	}
	shift := bits.Len(uint(c)) - 1
	if shift < minPooledShift || shift > maxPooledShift {
		return
	}
	b = b[:0]
	bufferPools[shift-minPooledShift].Put(&b)
}
