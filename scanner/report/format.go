package report

import (
	"errors"
	"fmt"
	"io"
)

// Format is an output format of the CLI's --format flag.
type Format string

const (
	FormatText  Format = "text"
	FormatJSON  Format = "json"
	FormatSARIF Format = "sarif"
)

// Formats lists the formats in the order help text shows them.
var Formats = []Format{FormatText, FormatJSON, FormatSARIF}

// ParseFormat checks a --format value.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown report format %q (want text, json or sarif)", s)
}

// Options are the caller's choices for rendering. The zero value is the safe default: redacted,
// no colour.
type Options struct {
	// ShowSecrets puts the raw token value in the text and JSON reports (--show-secrets). SARIF
	// ignores it: SARIF exists to be uploaded to a code-scanning service, and a token must not
	// travel there.
	ShowSecrets bool
	// Color adds ANSI colour to the text report. The caller decides (a TTY, NO_COLOR); the
	// writer never inspects the terminal itself.
	Color bool
}

var errNilReport = errors.New("writing report: no report")

// Write renders r in format f.
func Write(w io.Writer, f Format, r *Report, opts Options) error {
	switch f {
	case FormatText:
		return WriteText(w, r, opts)
	case FormatJSON:
		return WriteJSON(w, r, opts)
	case FormatSARIF:
		return WriteSARIF(w, r)
	}
	return fmt.Errorf("writing report: unknown format %q", f)
}
