package detect

import (
	"strconv"
	"strings"
)

// Choosing a keyword finder's anchors (chooseAnchors) for the embedded rules' keyword sets took
// 0.3ms of every pre-commit hook that reached the rules, on the CPU that also initialises
// tokenscan while git runs on the other. The anchors depend on the keywords and the number of
// buckets alone, so for the sets the embedded rules give they are worked out ahead, in
// anchors_embedded.go (TestEmbeddedAnchorsAreCurrent checks every entry against chooseAnchors,
// checks that the embedded rules ask for no other set, and regenerates the file with -update).
// Any other set (a user's rule file) is worked out when it is needed.

type anchorsEntry struct {
	key     string // anchorsKey of the keywords and the bucket count
	anchors []string
}

// anchorsKey identifies what chooseAnchors depends on, unambiguously (each keyword is
// length-prefixed, so no keyword's bytes can imitate a separator).
func anchorsKey(keywords [][]byte, buckets int) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(buckets))
	for _, k := range keywords {
		b.WriteByte(' ')
		b.WriteString(strconv.Itoa(len(k)))
		b.WriteByte(':')
		b.Write(k)
	}
	return b.String()
}

// anchorsAsked, when set (by tests), is told of every set anchors are asked for.
var anchorsAsked func(keywords [][]byte, buckets int)

// anchorsFor is chooseAnchors, from the precomputed table when it holds the set. The result is
// shared: callers only read it.
func anchorsFor(keywords [][]byte, buckets int) []string {
	if anchorsAsked != nil {
		anchorsAsked(keywords, buckets)
	}
	key := anchorsKey(keywords, buckets)
	for i := range embeddedAnchors {
		if e := &embeddedAnchors[i]; e.key == key {
			return e.anchors
		}
	}
	return chooseAnchors(keywords, buckets)
}
