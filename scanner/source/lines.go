package source

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// LineRange is an inclusive range of 1-based line numbers.
type LineRange struct{ First, Last int }

// LineSet is a set of 1-based line numbers. It is stored as sorted, disjoint ranges because
// added lines come in hunks: a 10,000-line new file is one range, not 10,000 entries.
// A nil *LineSet means "every line" (see Unit.Lines); an empty non-nil set contains none.
type LineSet struct {
	ranges []LineRange
}

// NewLineSet returns the set of the given ranges, in any order, overlapping or not. Ranges with
// First < 1 or Last < First are invalid and rejected, since they can only come from a bug.
func NewLineSet(ranges ...LineRange) (*LineSet, error) {
	for _, r := range ranges {
		if r.First < 1 || r.Last < r.First {
			return nil, fmt.Errorf("invalid line range %d-%d", r.First, r.Last)
		}
	}
	rs := slices.Clone(ranges)
	sort.Slice(rs, func(i, j int) bool { return rs[i].First < rs[j].First })
	s := &LineSet{}
	for _, r := range rs {
		s.add(r)
	}
	return s, nil
}

// add appends a valid range at or after the last one, merging overlapping and adjacent ranges
// so Ranges is canonical (two sets with the same lines compare equal).
func (s *LineSet) add(r LineRange) {
	if n := len(s.ranges); n > 0 && r.First <= s.ranges[n-1].Last+1 {
		s.ranges[n-1].Last = max(s.ranges[n-1].Last, r.Last)
		return
	}
	s.ranges = append(s.ranges, r)
}

// Contains reports whether line is in the set. A nil set contains every line.
func (s *LineSet) Contains(line int) bool {
	if s == nil {
		return true
	}
	i := sort.Search(len(s.ranges), func(i int) bool { return s.ranges[i].Last >= line })
	return i < len(s.ranges) && s.ranges[i].First <= line
}

// Len is the number of lines in the set; -1 for a nil set, which has no bound.
func (s *LineSet) Len() int {
	if s == nil {
		return -1
	}
	n := 0
	for _, r := range s.ranges {
		n += r.Last - r.First + 1
	}
	return n
}

// Ranges returns the set as sorted, disjoint, non-adjacent ranges; nil for a nil set.
func (s *LineSet) Ranges() []LineRange {
	if s == nil {
		return nil
	}
	return slices.Clone(s.ranges)
}

// String renders the set as "1-3,7" ("all" for nil, "none" for empty), for tests and logs.
func (s *LineSet) String() string {
	if s == nil {
		return "all"
	}
	if len(s.ranges) == 0 {
		return "none"
	}
	parts := make([]string, len(s.ranges))
	for i, r := range s.ranges {
		if r.First == r.Last {
			parts[i] = fmt.Sprint(r.First)
		} else {
			parts[i] = fmt.Sprintf("%d-%d", r.First, r.Last)
		}
	}
	return strings.Join(parts, ",")
}
