package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

const (
	oidA = "1111111111111111111111111111111111111111"
	oidB = "2222222222222222222222222222222222222222"
	oidC = "3333333333333333333333333333333333333333"
	oid0 = "0000000000000000000000000000000000000000"
)

func TestParseHunkHeader(t *testing.T) {
	tests := []struct {
		line string
		want hunkHeader
		ok   bool
	}{
		{"@@ -1 +1 @@", hunkHeader{1, 1, 1, 1}, true},
		{"@@ -0,0 +1,3 @@", hunkHeader{0, 0, 1, 3}, true},
		{"@@ -3,0 +4 @@ func context()", hunkHeader{3, 0, 4, 1}, true},
		{"@@ -5,2 +4,0 @@", hunkHeader{5, 2, 4, 0}, true},
		{"@@ -1,1073741824 +1,1073741824 @@", hunkHeader{1, 1 << 30, 1, 1 << 30}, true},
		{"@@ -1 +1 @@@", hunkHeader{}, false},
		{"@@ -1,1073741825 +1 @@", hunkHeader{}, false},
		{"@@ -99999999999999999999 +1 @@", hunkHeader{}, false},
		{"@@ -0,0 +0,0 @@", hunkHeader{}, false},
		{"@@ -0,0 +0,1 @@", hunkHeader{}, false},
		{"@@ -1 +-1 @@", hunkHeader{}, false},
		{"@@ -1 ++1 @@", hunkHeader{}, false},
		{"@@ -1, +1 @@", hunkHeader{}, false},
		{"@@ -1 +1", hunkHeader{}, false},
		{"@@@ -1 -1 +1 @@@", hunkHeader{}, false},
		{"@@ -a +1 @@", hunkHeader{}, false},
		{"", hunkHeader{}, false},
	}
	for _, tt := range tests {
		got, err := parseHunkHeader([]byte(tt.line))
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseHunkHeader(%q) = %+v, %v; want %+v, ok=%v", tt.line, got, err, tt.want, tt.ok)
		}
	}
}

// diffOutput assembles raw records and a patch the way git prints them.
func diffOutput(raw []string, patch string) string {
	var b strings.Builder
	for _, r := range raw {
		b.WriteString(r)
		b.WriteByte(0)
	}
	if len(raw) > 0 {
		b.WriteByte(0)
	}
	b.WriteString(patch)
	return b.String()
}

type parsedChange struct {
	status byte
	path   string
	lines  string
}

func parseForTest(input string) ([]parsedChange, error) {
	var got []parsedChange
	err := parseStagedDiff(strings.NewReader(input), func(c stagedChange) error {
		got = append(got, parsedChange{c.status, c.path, c.lines.String()})
		return nil
	})
	return got, err
}

func TestParseStagedDiff(t *testing.T) {
	modified := ":100644 100644 " + oidA + " " + oidB + " M"
	added := ":000000 100644 " + oid0 + " " + oidC + " A"
	tests := []struct {
		name    string
		input   string
		want    []parsedChange
		wantErr string
	}{
		{name: "no output", input: ""},
		{
			name: "two files, several hunks, no-newline marker",
			input: diffOutput([]string{modified, "m.txt", added, "n.txt"},
				"diff --git a/m.txt b/m.txt\nindex "+oidA+".."+oidB+" 100644\n--- a/m.txt\n+++ b/m.txt\n"+
					"@@ -2 +2 @@ ctx\n-b\n+B\n@@ -5,0 +6,2 @@\n+f\n+g\n\\ No newline at end of file\n"+
					"diff --git a/n.txt b/n.txt\nnew file mode 100644\nindex "+oid0+".."+oidC+"\n--- /dev/null\n+++ b/n.txt\n@@ -0,0 +1 @@\n+x\n"),
			want: []parsedChange{{'M', "m.txt", "2,6-7"}, {'A', "n.txt", "1"}},
		},
		{
			name: "hunk content that looks like headers",
			input: diffOutput([]string{modified, "m.txt"},
				"diff --git a/m.txt b/m.txt\nindex "+oidA+".."+oidB+"\n@@ -1 +1,3 @@\n--- a/x\n+diff --git a/y b/y\n+@@ -1 +1,99 @@\n+* Unmerged path z\n"),
			want: []parsedChange{{'M', "m.txt", "1-3"}},
		},
		{
			name:  "rename with score and binary",
			input: diffOutput([]string{":100644 100644 " + oidA + " " + oidB + " R087", "old", "new"}, "diff --git a/old b/new\nsimilarity index 87%\nrename from old\nrename to new\nindex "+oidA+".."+oidB+"\nBinary files a/old and b/new differ\n"),
			want:  []parsedChange{{'R', "new", "all"}},
		},
		{
			name:  "pure rename has no index line and no lines",
			input: diffOutput([]string{":100644 100644 " + oidA + " " + oidA + " R100", "a b", "c\nd"}, "diff --git a/a b b/c\\nd\nsimilarity index 100%\nrename from a b\nrename to \"c\\nd\"\n"),
			want:  []parsedChange{{'R', "c\nd", "none"}},
		},
		{
			name: "type change is two sections",
			input: diffOutput([]string{":120000 100644 " + oidA + " " + oidB + " T", "l"},
				"diff --git a/l b/l\ndeleted file mode 120000\nindex "+oidA+".."+oid0+"\n@@ -1 +0,0 @@\n-x\n\\ No newline at end of file\n"+
					"diff --git a/l b/l\nnew file mode 100644\nindex "+oid0+".."+oidB+"\n@@ -0,0 +1,2 @@\n+a\n+b\n"),
			want: []parsedChange{{'T', "l", "1-2"}},
		},
		{
			name:  "unmerged",
			input: diffOutput([]string{":100644 000000 " + oidA + " " + oid0 + " U", "c"}, "* Unmerged path c\n"),
			want:  []parsedChange{{'U', "c", "all"}},
		},
		{
			name:    "section for another object",
			input:   diffOutput([]string{modified, "m.txt"}, "diff --git a/m.txt b/m.txt\nindex "+oidA+".."+oidC+"\n@@ -1 +1 @@\n-a\n+b\n"),
			wantErr: "where the patch of \"m.txt\"",
		},
		{
			name:    "hunks without an index line",
			input:   diffOutput([]string{modified, "m.txt"}, "diff --git a/m.txt b/m.txt\n@@ -1 +1 @@\n-a\n+b\n"),
			wantErr: "hunks but no index line",
		},
		{
			name:    "missing section",
			input:   diffOutput([]string{modified, "m.txt", added, "n.txt"}, "diff --git a/m.txt b/m.txt\nindex "+oidA+".."+oidB+"\n@@ -1 +1 @@\n-a\n+b\n"),
			wantErr: "before all raw entries had their section",
		},
		{
			name:    "extra section",
			input:   diffOutput([]string{modified, "m.txt"}, "diff --git a/m.txt b/m.txt\nindex "+oidA+".."+oidB+"\ndiff --git a/n b/n\n"),
			wantErr: "without a raw entry",
		},
		{
			name:    "hunk shorter than announced",
			input:   diffOutput([]string{modified, "m.txt"}, "diff --git a/m.txt b/m.txt\nindex "+oidA+".."+oidB+"\n@@ -1 +1,2 @@\n-a\n+b\n"),
			wantErr: "patch ends inside a hunk",
		},
		{
			name:    "hunk longer than announced",
			input:   diffOutput([]string{modified, "m.txt"}, "diff --git a/m.txt b/m.txt\nindex "+oidA+".."+oidB+"\n@@ -1 +1 @@\n-a\n+b\n+c\n"),
			wantErr: "after a hunk",
		},
		{
			name:    "overlapping hunks",
			input:   diffOutput([]string{modified, "m.txt"}, "diff --git a/m.txt b/m.txt\nindex "+oidA+".."+oidB+"\n@@ -1 +5 @@\n-a\n+b\n@@ -2 +3 @@\n-a\n+b\n"),
			wantErr: "overlaps or precedes",
		},
		{
			name:    "truncated last line",
			input:   diffOutput([]string{modified, "m.txt"}, "diff --git a/m.txt b/m.txt\nindex "+oidA+".."+oidB+"\n@@ -1 +1 @@\n-a\n+b"),
			wantErr: "patch ends inside line",
		},
		{name: "raw without patch", input: modified + "\x00m.txt\x00", wantErr: "without a patch"},
		{name: "truncated raw", input: modified + "\x00m.t", wantErr: "truncated raw output"},
		{name: "raw missing path", input: modified + "\x00\x00", wantErr: "missing path"},
		{name: "bad status", input: diffOutput([]string{":100644 100644 " + oidA + " " + oidB + " Q", "m"}, ""), wantErr: "unknown status"},
		{name: "score on modify", input: diffOutput([]string{":100644 100644 " + oidA + " " + oidB + " M50", "m"}, ""), wantErr: "score on a status"},
		{name: "abbreviated oid", input: diffOutput([]string{":100644 100644 1111111 2222222 M", "m"}, ""), wantErr: "bad object id"},
		{name: "bad mode", input: diffOutput([]string{":10064x 100644 " + oidA + " " + oidB + " M", "m"}, ""), wantErr: "bad mode"},
		{name: "garbage", input: "fatal: something\n", wantErr: "truncated raw output"},
		{name: "garbage field", input: "fatal: something\x00", wantErr: "does not start with ':'"},
		{name: "patch that is not a patch", input: diffOutput([]string{modified, "m"}, "Submodule m 1111..2222:\n"), wantErr: "expected a diff header"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseForTest(tt.input)
			if tt.wantErr != "" {
				var ferr *diffFormatError
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.As(err, &ferr) {
					t.Fatalf("error %v, want a format error mentioning %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseStagedDiffLongLines(t *testing.T) {
	long := strings.Repeat("x", 3*maxPatchLine+17)
	input := diffOutput([]string{":000000 100644 " + oid0 + " " + oidC + " A", "n"},
		"diff --git a/n b/n\nindex "+oid0+".."+oidC+"\n@@ -0,0 +1,3 @@\n+"+long+"\n+"+long+"\n+short\n")
	got, err := parseForTest(input)
	if err != nil || len(got) != 1 || got[0].lines != "1-3" {
		t.Errorf("got %v, %v; want lines 1-3", got, err)
	}
}

// fakeCatFile builds a catFile that talks to canned output instead of git.
func fakeCatFile(output string) (*catFile, *bytes.Buffer) {
	requests := &bytes.Buffer{}
	g := &gitStream{args: []string{"cat-file", "--batch"}, stderr: &cappedBuffer{}}
	return &catFile{gitStream: g, stdin: nopWriteCloser{requests}, out: bufio.NewReader(strings.NewReader(output))}, requests
}

type nopWriteCloser struct{ io.Writer }

func (nopWriteCloser) Close() error { return nil }

func TestCatFileProtocol(t *testing.T) {
	tests := []struct {
		name     string
		output   string
		max      int64
		wantData string
		wantSize int64
		wantErr  string
	}{
		{name: "blob", output: oidA + " blob 5\nhello\n", max: 10, wantData: "hello", wantSize: 5},
		{name: "empty blob", output: oidA + " blob 0\n\n", max: 10, wantSize: 0},
		{name: "too large is read past", output: oidA + " blob 5\nhello\n", max: 4, wantSize: 5, wantErr: errObjectTooLarge.Error()},
		{name: "missing", output: oidA + " missing\n", max: 10, wantErr: "object " + oidA + " is missing"},
		{name: "truncated content", output: oidA + " blob 50\nhello", max: 100, wantErr: "truncated"},
		{name: "no newline after content", output: oidA + " blob 5\nhelloX", max: 10, wantErr: "missing newline"},
		{name: "not a blob", output: oidA + " tree 3\nabc\n", max: 10, wantErr: "is a tree, not a blob"},
		{name: "header for another object", output: oidB + " blob 1\na\n", max: 10, wantErr: "unexpected header"},
		{name: "bad size", output: oidA + " blob -1\n", max: 10, wantErr: "bad size"},
		{name: "no output", output: "", max: 10, wantErr: "reading header"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, requests := fakeCatFile(tt.output)
			size, data, err := c.blob(oidA, tt.max)
			if requests.String() != oidA+"\n" {
				t.Errorf("request %q", requests)
			}
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				if errors.Is(err, errObjectTooLarge) && size != tt.wantSize {
					t.Errorf("size %d, want %d", size, tt.wantSize)
				}
				return
			}
			if err != nil || string(data) != tt.wantData || size != tt.wantSize {
				t.Errorf("got %q (%d), %v; want %q (%d)", data, size, err, tt.wantData, tt.wantSize)
			}
		})
	}
}

func TestCatFileNextReusesBuffer(t *testing.T) {
	c, _ := fakeCatFile(oidA + " blob 5\nhello\n" + oidB + " blob 3\nabc\n" + oidC + " blob 9\nlonger...\n")
	var buf []byte
	for _, want := range []struct{ oid, data string }{{oidA, "hello"}, {oidB, "abc"}, {oidC, "longer..."}} {
		_, data, err := c.next(want.oid, 100, &buf)
		if err != nil || string(data) != want.data {
			t.Fatalf("%s: %q, %v; want %q", want.oid, data, err, want.data)
		}
		if &data[0] != &buf[0] {
			t.Errorf("%s: content does not alias the caller's buffer", want.oid)
		}
	}
}

func TestCatFileReadsManyObjectsInOneProcess(t *testing.T) {
	isolateGit(t)
	repo := newTestRepo(t)
	var oids []string
	for i := range 50 {
		writeTestFile(t, repo, fmt.Sprintf("f%02d", i), strings.Repeat(fmt.Sprint(i), i))
		oids = append(oids, gitIn(t, repo, "hash-object", "-w", fmt.Sprintf("f%02d", i)))
	}
	c, err := startCatFile(context.Background(), repo)
	if err != nil {
		t.Fatal(err)
	}
	for i, oid := range oids {
		_, data, err := c.blob(oid, 1<<20)
		if want := strings.Repeat(fmt.Sprint(i), i); err != nil || string(data) != want {
			t.Fatalf("object %d: %q, %v; want %q", i, data, err, want)
		}
	}
	if err := c.close(); err != nil {
		t.Fatal(err)
	}
}

func TestGitErrorNamesCommandAndStderr(t *testing.T) {
	isolateGit(t)
	_, err := runGit(context.Background(), t.TempDir(), "rev-parse", "--verify", "HEAD")
	var gerr *GitError
	if !errors.As(err, &gerr) {
		t.Fatalf("error %v is not a *GitError", err)
	}
	for _, want := range []string{"git rev-parse --verify HEAD", "exit status 128", "not a git repository"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

// blob asks for one object and reads its reply: the simplest use of request and next.
func (c *catFile) blob(oid string, maxSize int64) (int64, []byte, error) {
	if !validOID(oid) {
		return 0, nil, fmt.Errorf("invalid object name %q", oid)
	}
	if err := c.request([]string{oid}); err != nil {
		return 0, nil, err
	}
	return c.next(oid, maxSize, nil)
}
