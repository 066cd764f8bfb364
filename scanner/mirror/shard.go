package mirror

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
)

// Shard is one part of a deterministic partition of repositories: shard Index of Count, Index
// from 1. Every runner of a CI matrix that computes the same partition of the same list takes
// a disjoint part, and together they cover all of it. The zero Shard is the whole list.
type Shard struct {
	Index int
	Count int
}

// ParseShard reads "i/n", 1 <= i <= n.
func ParseShard(s string) (Shard, error) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return Shard{}, fmt.Errorf("shard %q: want I/N with 1 <= I <= N, e.g. 2/4", s)
	}
	return Shard{Index: i, Count: n}, nil
}

// Contains reports whether the repository fullName (owner/name) belongs to this shard. The
// choice depends only on the name (FNV-1a, case-folded, as GitHub names are), never on the
// order or length of the list, so adding a repository does not move the others.
func (s Shard) Contains(fullName string) bool {
	if s.Count <= 1 {
		return true
	}
	h := fnv.New64a()
	h.Write([]byte(strings.ToLower(fullName)))
	return int(h.Sum64()%uint64(s.Count)) == s.Index-1
}

func (s Shard) String() string {
	if s.Count <= 1 {
		return "all"
	}
	return strconv.Itoa(s.Index) + "/" + strconv.Itoa(s.Count)
}
