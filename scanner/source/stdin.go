package source

import (
	"fmt"
	"io"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// Stdin reads r to the end and emits it as one Unit named name ("<stdin>" if empty).
// Unlike a file, a stream cannot be skipped and reread, so input larger than
// Options.MaxFileSize is an error, not a skip: the user piped it on purpose and must not get
// a clean "no tokens" for it. Binary input is emitted with a Read that reports the skip.
func Stdin(r io.Reader, name string, opt Options, emit func(Unit) error) error {
	s, err := opt.settings()
	if err != nil {
		return err
	}
	if name == "" {
		name = "<stdin>"
	}
	data, err := io.ReadAll(io.LimitReader(r, s.maxSize+1))
	if err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	if int64(len(data)) > s.maxSize {
		return fmt.Errorf("reading %s: input is larger than the maximum file size of %d bytes", name, s.maxSize)
	}
	origin := finding.Origin{Source: SourceStdin, Path: name}
	if IsBinary(data) {
		return emit(skipUnit(origin, int64(len(data)), &SkipError{Path: name, Reason: ReasonBinary}))
	}
	return emit(Unit{Origin: origin, Size: int64(len(data)), Read: func() ([]byte, error) { return data, nil }})
}
