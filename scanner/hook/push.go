package hook

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
)

// Update is one ref a push changes, seen from the receiving side: git hands a pre-push hook one
// per line as "<local ref> <local oid> <remote ref> <remote oid>" and a pre-receive hook as
// "<old oid> <new oid> <ref>".
type Update struct {
	Ref string // the ref on the receiving side
	Old string // its value there now; all zeros when the push creates it
	New string // its value after the push; all zeros when the push deletes it
}

// Creates reports whether the push creates the ref.
func (u Update) Creates() bool { return isZeroOID(u.Old) }

// Deletes reports whether the push deletes the ref, which adds no content.
func (u Update) Deletes() bool { return isZeroOID(u.New) }

// maxHookLine bounds one line of hook input: a ref name is at most a few hundred bytes.
const maxHookLine = 64 << 10

// ParsePrePush reads a pre-push hook's standard input.
func ParsePrePush(r io.Reader) ([]Update, error) {
	return parseLines(r, "pre-push", 4, "<local ref> <local object> <remote ref> <remote object>",
		func(f []string) Update { return Update{Ref: f[2], Old: f[3], New: f[1]} })
}

// ParsePreReceive reads a pre-receive (or post-receive) hook's standard input.
func ParsePreReceive(r io.Reader) ([]Update, error) {
	return parseLines(r, "pre-receive", 3, "<old object> <new object> <ref>",
		func(f []string) Update { return Update{Ref: f[2], Old: f[0], New: f[1]} })
}

func parseLines(r io.Reader, hook string, nfields int, shape string, mk func([]string) Update) ([]Update, error) {
	var out []Update
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxHookLine)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if line == "" {
			continue
		}
		f := strings.Split(line, " ")
		if len(f) != nfields {
			return nil, fmt.Errorf("reading %s input: line %d: want %q, got %d fields", hook, n, shape, len(f))
		}
		u := mk(f)
		if !isOID(u.Old) || !isOID(u.New) || len(u.Old) != len(u.New) {
			return nil, fmt.Errorf("reading %s input: line %d: %q is not %q with full object names", hook, n, truncate(line, 200), shape)
		}
		if u.Ref == "" {
			return nil, fmt.Errorf("reading %s input: line %d: empty ref name", hook, n)
		}
		out = append(out, u)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s input: %w", hook, err)
	}
	return out, nil
}

// PushRevisions returns the git log arguments that select the commits a push from the
// repository containing dir to remote (the name git passes a pre-push hook, or the URL when the
// push names no remote) would add to it, or nil when it adds none (only deletions).
//
// An updated ref adds the commits between the remote's value and the pushed one. A new ref, or
// one whose remote value is not here (the remote moved on since the last fetch), adds what none
// of that remote's tracking refs has: that is all the hook can know of what the remote already
// holds. Other remotes' refs count for nothing: a commit another remote has may be exactly the
// one that must not reach this one (a private repository's history pushed to a public one).
// All ranges go into one selection, "<new>... --not <old>...": every excluded commit is one the
// remote already has, so excluding it from every range loses nothing.
func PushRevisions(ctx context.Context, dir, remote string, updates []Update) ([]string, error) {
	var news, olds []string
	seen := map[string]bool{}
	remotes := false
	for _, u := range updates {
		if u.Deletes() {
			continue
		}
		if !seen[u.New] {
			seen[u.New] = true
			news = append(news, u.New)
		}
		if u.Creates() {
			remotes = true
		} else if !seen[u.Old] {
			seen[u.Old] = true
			olds = append(olds, u.Old)
		}
	}
	if len(news) == 0 {
		return nil, nil
	}
	present, err := presentObjects(ctx, dir, olds)
	if err != nil {
		return nil, err
	}
	args := append(append([]string(nil), news...), "--not")
	for _, o := range olds {
		if present[o] {
			args = append(args, o)
		} else {
			remotes = true
		}
	}
	// A remote's name cannot hold a glob character (git refuses them in ref names), and a URL
	// names no tracking refs, so the pattern matches that remote's tracking refs or nothing.
	if remotes && remote != "" && !strings.ContainsAny(remote, "*?[\\") {
		args = append(args, "--remotes="+remote)
	}
	return args, nil
}

// ReceiveRevisions returns the git log arguments that select the commits a push adds to the
// repository receiving it, or nil when it adds none. In a pre-receive hook no ref has moved yet,
// so "--all" is exactly what the repository held before the push.
func ReceiveRevisions(updates []Update) []string {
	var news []string
	seen := map[string]bool{}
	for _, u := range updates {
		if !u.Deletes() && !seen[u.New] {
			seen[u.New] = true
			news = append(news, u.New)
		}
	}
	if len(news) == 0 {
		return nil
	}
	return append(news, "--not", "--all")
}

// presentObjects says which of oids exist in the repository, with one git process.
func presentObjects(ctx context.Context, dir string, oids []string) (map[string]bool, error) {
	present := map[string]bool{}
	if len(oids) == 0 {
		return present, nil
	}
	out, err := git(ctx, dir, strings.NewReader(strings.Join(oids, "\n")+"\n"), "cat-file", "--batch-check")
	if err != nil {
		return nil, fmt.Errorf("looking up the remote's commits: %w", err)
	}
	// One line per request, in order: "<oid> <type> <size>" or "<oid> missing".
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) == 3 {
			present[f[0]] = true
		}
	}
	return present, nil
}

func isOID(s string) bool {
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

func isZeroOID(s string) bool { return strings.Trim(s, "0") == "" }

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
