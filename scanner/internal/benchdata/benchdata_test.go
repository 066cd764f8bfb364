package benchdata

import (
	"bytes"
	"context"
	"crypto/sha256"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func tinyHistoryParams() HistoryParams {
	p := DefaultHistoryParams(0.03)
	p.Tokens = 8
	p.Branches = 3
	p.TagEvery = 40
	p.LargeEvery = 20
	return p
}

func tinyWorkTreeParams() WorkTreeParams {
	p := DefaultWorkTreeParams(0.01)
	p.Tokens = 5
	return p
}

func requireGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
}

func gitOut(t *testing.T, dir string, args ...string) string {
	t.Helper()
	var out bytes.Buffer
	if err := runGit(context.Background(), dir, &out, args...); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func TestHistoryIsDeterministic(t *testing.T) {
	requireGit(t)
	p := tinyHistoryParams()
	var refs [2]string
	var manifests [2]*Manifest
	for i := range refs {
		dir := filepath.Join(t.TempDir(), "repo")
		m, err := GenerateHistory(context.Background(), dir, p)
		if err != nil {
			t.Fatal(err)
		}
		refs[i] = gitOut(t, dir, "show-ref", "--head")
		manifests[i] = m
	}
	if refs[0] != refs[1] {
		t.Fatalf("same seed gave different refs:\n%s\nvs\n%s", refs[0], refs[1])
	}
	if len(manifests[0].Tokens) != len(manifests[1].Tokens) {
		t.Fatalf("same seed planted %d then %d tokens", len(manifests[0].Tokens), len(manifests[1].Tokens))
	}
	for i, tok := range manifests[0].Tokens {
		if tok != manifests[1].Tokens[i] {
			t.Fatalf("token %d differs between runs: %+v vs %+v", i, tok, manifests[1].Tokens[i])
		}
	}

	other := p
	other.Seed++
	dir := filepath.Join(t.TempDir(), "repo")
	if _, err := GenerateHistory(context.Background(), dir, other); err != nil {
		t.Fatal(err)
	}
	if gitOut(t, dir, "show-ref", "--head") == refs[0] {
		t.Fatal("a different seed gave the same refs")
	}
}

func TestHistoryShape(t *testing.T) {
	requireGit(t)
	p := tinyHistoryParams()
	dir := filepath.Join(t.TempDir(), "repo")
	m, err := GenerateHistory(context.Background(), dir, p)
	if err != nil {
		t.Fatal(err)
	}
	commits, _ := strconv.Atoi(strings.TrimSpace(gitOut(t, dir, "rev-list", "--all", "--count")))
	if commits != p.Commits || m.Commits != p.Commits {
		t.Errorf("repository has %d commits, manifest %d, want %d", commits, m.Commits, p.Commits)
	}
	merges, _ := strconv.Atoi(strings.TrimSpace(gitOut(t, dir, "rev-list", "--all", "--merges", "--count")))
	if merges == 0 || merges != m.Merges {
		t.Errorf("repository has %d merge commits, manifest %d, want > 0", merges, m.Merges)
	}
	branches := strings.Fields(gitOut(t, dir, "for-each-ref", "--format=%(refname:short)", "refs/heads"))
	if len(branches) < 3 || len(branches) != len(m.Branches) {
		t.Errorf("branches %v, manifest %v, want >= 3", branches, m.Branches)
	}
	unmerged := strings.Fields(gitOut(t, dir, "branch", "--no-merged", "main", "--format=%(refname:short)"))
	if len(unmerged) == 0 {
		t.Errorf("every branch is merged into main; want some left unmerged")
	}
	tags := strings.Fields(gitOut(t, dir, "tag"))
	if len(tags) == 0 || len(tags) != len(m.Tags) {
		t.Errorf("tags %v, manifest %v, want > 0", tags, m.Tags)
	}
	if status := gitOut(t, dir, "status", "--porcelain"); status != "" {
		t.Errorf("working tree is not a clean checkout of main:\n%s", status)
	}
	if m.BlobBytes < int64(p.Commits)*int64(p.AvgFileBytes)/4 {
		t.Errorf("only %d bytes of blobs for %d commits", m.BlobBytes, p.Commits)
	}
	if len(m.Tokens) != p.Tokens {
		t.Errorf("manifest lists %d tokens, want %d", len(m.Tokens), p.Tokens)
	}
	var removed, onBranch int
	for _, tok := range m.Tokens {
		if tok.RemovedIn != "" {
			removed++
		}
		if tok.Ref != "refs/heads/main" {
			onBranch++
		}
	}
	t.Logf("%d commits, %d merges, %d branches, %d tags, %.1f MB blobs, %d tokens (%d removed later, %d planted on branches)",
		commits, merges, len(branches), len(tags), float64(m.BlobBytes)/1e6, len(m.Tokens), removed, onBranch)
	if removed == 0 {
		t.Error("no planted token is removed by a later commit")
	}
}

// TestHistoryTokensAreWhereManifestSays checks each planted token against git itself: the line
// is in the blob at the recorded commit, its parent does not have it, and the removing commit
// no longer has it.
func TestHistoryTokensAreWhereManifestSays(t *testing.T) {
	requireGit(t)
	dir := filepath.Join(t.TempDir(), "repo")
	m, err := GenerateHistory(context.Background(), dir, tinyHistoryParams())
	if err != nil {
		t.Fatal(err)
	}
	for _, tok := range m.Tokens {
		blob := gitOut(t, dir, "show", tok.Commit+":"+tok.Path)
		lines := strings.Split(blob, "\n")
		if tok.Line < 1 || tok.Line > len(lines) || !strings.Contains(lines[tok.Line-1], tok.Value) {
			t.Errorf("token for %s:%d in %s is not on that line", tok.Path, tok.Line, tok.Commit[:12])
			continue
		}
		if strings.Count(blob, tok.Value) != 1 {
			t.Errorf("token for %s in %s occurs more than once", tok.Path, tok.Commit[:12])
		}
		var parentBlob bytes.Buffer
		_ = runGit(context.Background(), dir, &parentBlob, "show", tok.Commit+"^:"+tok.Path)
		if strings.Contains(parentBlob.String(), tok.Value) {
			t.Errorf("token for %s is already in the parent of %s", tok.Path, tok.Commit[:12])
		}
		branches := gitOut(t, dir, "branch", "--contains", tok.Commit, "--format=%(refname)")
		if !strings.Contains(branches, tok.Ref) {
			t.Errorf("commit %s is not on %s", tok.Commit[:12], tok.Ref)
		}
		if tok.RemovedIn != "" {
			var after bytes.Buffer
			_ = runGit(context.Background(), dir, &after, "show", tok.RemovedIn+":"+tok.Path)
			if strings.Contains(after.String(), tok.Value) {
				t.Errorf("token for %s still present in removing commit %s", tok.Path, tok.RemovedIn[:12])
			}
		}
	}
	// The stream gitleaks reads must show each token as an added line of its commit.
	patch := gitOut(t, dir, "log", "-p", "-U0", "--full-history", "--all", "--format=commit %H")
	for _, tok := range m.Tokens {
		i := strings.Index(patch, "commit "+tok.Commit)
		if i < 0 {
			t.Fatalf("commit %s missing from git log", tok.Commit[:12])
		}
		section := patch[i+1:]
		if j := strings.Index(section, "\ncommit "); j >= 0 {
			section = section[:j]
		}
		if !strings.Contains(section, "\n+") || !containsAddedLine(section, tok.Value) {
			t.Errorf("token for %s is not an added line of %s in git log -p", tok.Path, tok.Commit[:12])
		}
	}
}

func containsAddedLine(patch, value string) bool {
	for line := range strings.Lines(patch) {
		if strings.HasPrefix(line, "+") && strings.Contains(line, value) {
			return true
		}
	}
	return false
}

func treeDigest(t *testing.T, dir string) [32]byte {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		h.Write([]byte(rel + "\x00"))
		h.Write(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return [32]byte(h.Sum(nil))
}

func TestWorkTreeIsDeterministicAndTokensAreWhereManifestSays(t *testing.T) {
	p := tinyWorkTreeParams()
	var digests [2][32]byte
	var m *Manifest
	for i := range digests {
		dir := filepath.Join(t.TempDir(), "tree")
		var err error
		m, err = GenerateWorkTree(context.Background(), dir, p)
		if err != nil {
			t.Fatal(err)
		}
		digests[i] = treeDigest(t, dir)
		if i == 0 {
			checkTreeTokens(t, dir, m)
		}
	}
	if digests[0] != digests[1] {
		t.Fatal("same seed gave different working trees")
	}
	if m.Bytes < p.Bytes {
		t.Errorf("tree has %d bytes, want >= %d", m.Bytes, p.Bytes)
	}
	if len(m.Tokens) != p.Tokens {
		t.Errorf("manifest lists %d tokens, want %d", len(m.Tokens), p.Tokens)
	}
}

func checkTreeTokens(t *testing.T, dir string, m *Manifest) {
	t.Helper()
	for _, tok := range m.Tokens {
		data, err := os.ReadFile(filepath.Join(dir, tok.Path))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		if tok.Line < 1 || tok.Line > len(lines) || !strings.Contains(lines[tok.Line-1], tok.Value) {
			t.Errorf("token for %s:%d is not on that line", tok.Path, tok.Line)
		}
	}
}

// TestDecoysHaveNoTokenContext guards the premise of the fixtures: in hand-written files, no
// 32-character upper-case value shares a line with cPanel/WHM context. (Generated files hold
// random base64, where "whm" occurs by chance, as it does in real bundles.)
func TestDecoysHaveNoTokenContext(t *testing.T) {
	g := newTextGen(1, 2)
	g.context = true
	for l := range numSourceLangs {
		body := g.appendBody(nil, l, 64<<10)
		for line := range strings.Lines(string(body)) {
			lower := strings.ToLower(line)
			if !strings.Contains(lower, "cpanel") && !strings.Contains(lower, "whm") {
				continue
			}
			if hasUpperRun(line, 32) {
				t.Errorf("decoy line with cPanel context and a 32-character value: %q", line)
			}
		}
	}
}

func hasUpperRun(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			run++
			if run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func TestCacheReusesFixture(t *testing.T) {
	t.Setenv("TOKENSCAN_BENCH_DIR", t.TempDir())
	p := tinyWorkTreeParams()
	first, err := EnsureWorkTree(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	second, err := EnsureWorkTree(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !first.Generated || second.Generated || first.Dir != second.Dir {
		t.Fatalf("cache not reused: first generated=%v, second generated=%v, %s vs %s",
			first.Generated, second.Generated, first.Dir, second.Dir)
	}
	p.Seed++
	third, err := EnsureWorkTree(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !third.Generated || third.Dir == first.Dir {
		t.Fatal("changed parameters reused the old fixture")
	}
}
