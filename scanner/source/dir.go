package source

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// Dir emits every file under root, in sorted order (each directory's entries by name, depth
// first), so two scans of the same tree report in the same order.
//
// It follows grep -r: a symlink given as root is followed, symlinks met during the walk are not
// (they could loop or lead out of the tree) and are emitted as skipped (ReasonSymlink), as are
// devices, FIFOs and sockets (ReasonNotRegular), unreadable directories ("unreadable: ...") and,
// from Read, binary and too-large files. Directories named .git are not entered: history is
// scanned from git objects, not from its packed files. Paths matching Options.Exclude are left
// out silently; an excluded directory is not entered.
//
// The walk only reads directories; each file is opened and measured by its Unit's Read, which
// the caller runs in its workers, so on a large tree the walk is never the bottleneck.
// Dir returns emit's error unchanged, ctx's error if it is cancelled, and an error if root is
// not a readable directory.
func Dir(ctx context.Context, root string, opt Options, emit func(Unit) error) error {
	s, err := opt.settings()
	if err != nil {
		return err
	}
	fi, err := os.Stat(root)
	if err != nil {
		return fmt.Errorf("scanning directory: %w", err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("scanning directory %q: not a directory", root)
	}
	w := &dirWalker{ctx: ctx, root: root, settings: s, emit: emit}
	return w.walk("")
}

type dirWalker struct {
	ctx  context.Context
	root string
	settings
	emit func(Unit) error
}

// walk scans the directory at rel ("" for the root).
func (w *dirWalker) walk(rel string) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	dir := filepath.Join(w.root, filepath.FromSlash(rel))
	entries, err := os.ReadDir(dir) // sorted by name; entries read before an error are kept
	if err != nil {
		if rel == "" {
			return fmt.Errorf("scanning directory: %w", err)
		}
		// One unreadable directory must not hide the rest of the tree.
		if err := w.emit(skipUnit(w.origin(rel), -1, unreadable(rel, err))); err != nil {
			return err
		}
	}
	for _, e := range entries {
		name := e.Name()
		relPath := path.Join(rel, name)
		isDir := e.IsDir()
		if (isDir && name == ".git") || w.exclude.excluded(relPath, isDir) {
			continue
		}
		typ := e.Type()
		switch {
		case isDir:
			err = w.walk(relPath)
		case typ&fs.ModeSymlink != 0:
			err = w.emit(skipUnit(w.origin(relPath), -1, &SkipError{Path: relPath, Reason: ReasonSymlink}))
		case typ.IsRegular():
			name, maxSize := filepath.Join(dir, name), w.maxSize
			err = w.emit(Unit{
				Origin:  w.origin(relPath),
				Size:    -1,
				Read:    func() ([]byte, error) { return readRegularFile(name, relPath, maxSize) },
				Release: putBuffer,
			})
		default:
			err = w.emit(skipUnit(w.origin(relPath), -1, &SkipError{Path: relPath, Reason: ReasonNotRegular}))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (w *dirWalker) origin(rel string) finding.Origin {
	return finding.Origin{Source: SourceDir, Path: rel}
}

// Files emits one Unit per path, in the order given; each path is reported as given
// (cleaned, slash-separated). Like a command-line argument to grep, a symlink is followed.
// A path that is missing, a directory or otherwise not a regular file is emitted as skipped
// rather than failing the call, so one bad argument does not hide results for the others.
// Options.Exclude applies to the paths as given, including their directories.
func Files(ctx context.Context, paths []string, opt Options, emit func(Unit) error) error {
	s, err := opt.settings()
	if err != nil {
		return err
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		shown := filepath.ToSlash(filepath.Clean(p))
		origin := finding.Origin{Source: SourceFile, Path: shown}
		fi, statErr := os.Stat(p)
		var u Unit
		switch {
		case s.exclude.excludedPath(shown):
			continue
		case statErr != nil:
			u = skipUnit(origin, -1, unreadable(shown, statErr))
		case !fi.Mode().IsRegular():
			u = skipUnit(origin, -1, &SkipError{Path: shown, Reason: ReasonNotRegular})
		case fi.Size() > s.maxSize:
			u = skipUnit(origin, fi.Size(), &SkipError{Path: shown, Reason: ReasonTooLarge})
		default:
			name, maxSize := p, s.maxSize
			u = Unit{
				Origin:  origin,
				Size:    fi.Size(),
				Read:    func() ([]byte, error) { return readRegularFile(name, shown, maxSize) },
				Release: putBuffer,
			}
		}
		if err := emit(u); err != nil {
			return err
		}
	}
	return nil
}
