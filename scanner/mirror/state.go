package mirror

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// StateVersion is the format of a state file; a file of another version is ignored (the
// repository is scanned in full again), never misread.
const StateVersion = 1

// State is what tokenscan remembers about one repository between runs. It holds object ids and
// token fingerprints only: a leak is remembered by where it is, and its value is read back from
// the mirror when it has to be verified again.
type State struct {
	Version int    `json:"version"`
	Repo    string `json:"repo"`
	// Engine identifies the rules and scanner that produced Scanned; a different engine may find
	// what this one missed, so a change means a full rescan.
	Engine string `json:"engine"`
	// PushedAt is GitHub's pushed_at when the mirror was last fetched: unchanged means nothing
	// was pushed since, and the fetch can be skipped.
	PushedAt time.Time `json:"pushed_at,omitzero"`
	// Scanned are commit ids whose whole history has been scanned (the ref tips of the last
	// complete scan). The next scan covers what is reachable from the refs but not from these.
	Scanned []string `json:"scanned"`
	// Leaks are the tokens found so far, by fingerprint and location.
	Leaks []KnownLeak `json:"leaks,omitempty"`
	// Updated is when the state was written.
	Updated time.Time `json:"updated"`
}

// KnownLeak is a token found in an earlier run: its fingerprint, the rule that found it and
// where (paths relative to the repository).
type KnownLeak struct {
	Fingerprint finding.Fingerprint `json:"fingerprint"`
	RuleID      string              `json:"rule_id"`
	Locations   []finding.Origin    `json:"locations"`
}

// ErrStateCorrupt is returned by LoadState for a file that is not a state; the caller scans the
// repository in full and overwrites it.
var ErrStateCorrupt = errors.New("scan state is unreadable")

// LoadState reads the state at path. A missing file is an empty state; a file of another format
// version is too.
func LoadState(path string) (*State, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return &State{Version: StateVersion}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading scan state: %w", err)
	}
	var st State
	if err := json.Unmarshal(data, &st); err != nil {
		return &State{Version: StateVersion}, fmt.Errorf("%w: %s: %v", ErrStateCorrupt, path, err)
	}
	if st.Version != StateVersion {
		return &State{Version: StateVersion}, nil
	}
	// States written before SaveState dropped commit messages may hold one with a token in it:
	// the file is rewritten without them on first read, whatever the run then does with it. A
	// cache that cannot be written (read-only, restored) still works; the run just cannot clean it.
	stale := false
	for _, l := range st.Leaks {
		for i := range l.Locations {
			if l.Locations[i].Message != "" {
				l.Locations[i].Message, stale = "", true
			}
		}
	}
	if stale {
		_ = SaveState(path, &st) // best effort, as said above
	}
	return &st, nil
}

// SaveState writes st to path atomically.
func SaveState(path string, st *State) error {
	st.Version = StateVersion
	st.Scanned = slices.Compact(slices.Sorted(slices.Values(st.Scanned)))
	// A commit message is free text that can hold the very token (a commit made with
	// "purge with cpanel dave:<token>"), and a state holds fingerprints only. Nothing reads a
	// known leak's message back; the report of a new run shows the messages of what it scans.
	saved := *st
	saved.Leaks = make([]KnownLeak, len(st.Leaks))
	for i, l := range st.Leaks {
		l.Locations = slices.Clone(l.Locations)
		for j := range l.Locations {
			l.Locations[j].Message = ""
		}
		saved.Leaks[i] = l
	}
	data, err := json.MarshalIndent(&saved, "", "  ")
	if err != nil {
		return err
	}
	if err := writeFileAtomic(path, append(data, '\n'), 0o600); err != nil {
		return fmt.Errorf("writing scan state: %w", err)
	}
	return nil
}

// MergeLeaks returns known with the leaks of found added: locations are unioned per fingerprint,
// so a token seen again in a new commit keeps its old locations too.
func MergeLeaks(known []KnownLeak, found []KnownLeak) []KnownLeak {
	out := slices.Clone(known)
	index := map[finding.Fingerprint]int{}
	for i, k := range out {
		index[k.Fingerprint] = i
	}
	type locKey struct {
		path, commit string
		line, col    int
	}
	for _, f := range found {
		i, ok := index[f.Fingerprint]
		if !ok {
			index[f.Fingerprint] = len(out)
			out = append(out, KnownLeak{Fingerprint: f.Fingerprint, RuleID: f.RuleID, Locations: slices.Clone(f.Locations)})
			continue
		}
		seen := map[locKey]bool{}
		for _, o := range out[i].Locations {
			seen[locKey{o.Path, o.Commit, o.Line, o.Column}] = true
		}
		for _, o := range f.Locations {
			if k := (locKey{o.Path, o.Commit, o.Line, o.Column}); !seen[k] {
				seen[k] = true
				out[i].Locations = append(out[i].Locations, o)
			}
		}
	}
	return out
}
