package source

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// makeTree builds the tree most Dir tests walk.
func makeTree(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for rel, content := range map[string]string{
		"b.txt":                   "bee",
		"a.txt":                   "aye",
		"sub/z.go":                "package z",
		"sub/deeper/y.env":        "TOKEN=x",
		"sub/bundle.min.js":       "minified",
		".git/config":             "[core]",
		"nested/.git/HEAD":        "ref: refs/heads/main",
		"nested/keep.txt":         "kept",
		"node_modules/m/index.js": "module",
		"bin.dat":                 "\x7fELF\x00\x01",
		"big.txt":                 strings.Repeat("x", 101),
		"exact.txt":               strings.Repeat("y", 100),
		"docs/guide.md":           "guide",
		"docs/api/ref.md":         "ref",
		"space dir/un ☃.txt":      "snow",
	} {
		writeTestFile(t, root, rel, content)
	}
	if err := os.Symlink("a.txt", filepath.Join(root, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("sub", filepath.Join(root, "linkdir")); err != nil {
		t.Fatal(err)
	}
	return root
}

func TestDir(t *testing.T) {
	all := []unitResult{
		{Path: "a.txt", Content: "aye", Lines: "all"},
		{Path: "b.txt", Content: "bee", Lines: "all"},
		{Path: "big.txt", Skip: ReasonTooLarge, Lines: "all"},
		{Path: "bin.dat", Skip: ReasonBinary, Lines: "all"},
		{Path: "docs/api/ref.md", Content: "ref", Lines: "all"},
		{Path: "docs/guide.md", Content: "guide", Lines: "all"},
		{Path: "exact.txt", Content: strings.Repeat("y", 100), Lines: "all"},
		{Path: "link.txt", Skip: ReasonSymlink, Lines: "all"},
		{Path: "linkdir", Skip: ReasonSymlink, Lines: "all"},
		{Path: "nested/keep.txt", Content: "kept", Lines: "all"},
		{Path: "node_modules/m/index.js", Content: "module", Lines: "all"},
		{Path: "space dir/un ☃.txt", Content: "snow", Lines: "all"},
		{Path: "sub/bundle.min.js", Content: "minified", Lines: "all"},
		{Path: "sub/deeper/y.env", Content: "TOKEN=x", Lines: "all"},
		{Path: "sub/z.go", Content: "package z", Lines: "all"},
	}
	without := func(paths ...string) []unitResult {
		var out []unitResult
	next:
		for _, r := range all {
			for _, p := range paths {
				if r.Path == p {
					continue next
				}
			}
			out = append(out, r)
		}
		return out
	}
	tests := []struct {
		name    string
		exclude []string
		want    []unitResult
	}{
		{"everything, sorted, .git skipped", nil, all},
		{"basename glob at any depth", []string{"*.min.js"}, without("sub/bundle.min.js")},
		{"directory name at any depth", []string{"node_modules"}, without("node_modules/m/index.js")},
		{"anchored path glob is not recursive", []string{"docs/*.md"}, without("docs/guide.md")},
		{"double star", []string{"docs/**"}, without("docs/guide.md", "docs/api/ref.md")},
		{"leading double star", []string{"**/*.env"}, without("sub/deeper/y.env")},
		{"trailing slash matches directories only", []string{"sub/", "a.txt/"}, without("sub/bundle.min.js", "sub/deeper/y.env", "sub/z.go")},
		{"excluded symlink is not reported", []string{"link*"}, without("link.txt", "linkdir")},
		{"unicode and spaces", []string{"space dir/*☃*"}, without("space dir/un ☃.txt")},
	}
	root := makeTree(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := collectUnits(t, func(emit func(Unit) error) error {
				return Dir(context.Background(), root, Options{MaxFileSize: 100, Exclude: tt.exclude}, func(u Unit) error {
					if u.Origin.Source != SourceDir || u.Size != -1 {
						t.Errorf("%s: source %q size %d, want dir and -1", u.Origin.Path, u.Origin.Source, u.Size)
					}
					return emit(u)
				})
			})
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestDirDefaultMaxFileSize(t *testing.T) {
	root := t.TempDir()
	f, err := os.Create(filepath.Join(root, "huge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: DefaultMaxFileSize+1 bytes without writing them.
	if err := f.Truncate(DefaultMaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	got := collectUnits(t, func(emit func(Unit) error) error {
		return Dir(context.Background(), root, Options{}, emit)
	})
	want := []unitResult{{Path: "huge.txt", Skip: ReasonTooLarge, Lines: "all"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestDirRootIsFollowedSymlink(t *testing.T) {
	root := makeTree(t)
	link := filepath.Join(t.TempDir(), "root-link")
	if err := os.Symlink(root, link); err != nil {
		t.Fatal(err)
	}
	got := collectUnits(t, func(emit func(Unit) error) error {
		return Dir(context.Background(), link, Options{Exclude: []string{"*"}, MaxFileSize: 100}, emit)
	})
	if len(got) != 0 {
		t.Errorf("exclude * left %+v", got)
	}
	got = collectUnits(t, func(emit func(Unit) error) error {
		return Dir(context.Background(), link, Options{MaxFileSize: 100}, emit)
	})
	if len(got) != 15 {
		t.Errorf("walking through a root symlink found %d units, want 15: %+v", len(got), got)
	}
}

func TestDirErrors(t *testing.T) {
	root := makeTree(t)
	stop := errors.New("stop")
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		root    string
		opt     Options
		emit    func(Unit) error
		wantErr error
		wantMsg string
	}{
		{name: "missing root", root: filepath.Join(root, "nope"), wantErr: fs.ErrNotExist},
		{name: "root is a file", root: filepath.Join(root, "a.txt"), wantMsg: "not a directory"},
		{name: "bad pattern", root: root, opt: Options{Exclude: []string{"[a-"}}, wantMsg: `invalid exclude pattern "[a-"`},
		{name: "empty pattern", root: root, opt: Options{Exclude: []string{"/"}}, wantMsg: "invalid exclude pattern"},
		{name: "negative size", root: root, opt: Options{MaxFileSize: -1}, wantMsg: "must not be negative"},
		{name: "emit error is returned unchanged", root: root, emit: func(Unit) error { return stop }, wantErr: stop},
		{name: "cancelled", ctx: cancelled, root: root, wantErr: context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := tt.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			emit := tt.emit
			if emit == nil {
				emit = func(Unit) error { return nil }
			}
			err := Dir(ctx, tt.root, tt.opt, emit)
			if err == nil {
				t.Fatal("no error")
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("error %v is not %v", err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error %q does not mention %q", err, tt.wantMsg)
			}
		})
	}
}

func TestDirUnreadableDirectoryIsReportedNotFatal(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads directories regardless of permissions")
	}
	root := t.TempDir()
	writeTestFile(t, root, "locked/secret.txt", "x")
	writeTestFile(t, root, "open.txt", "y")
	locked := filepath.Join(root, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	got := collectUnits(t, func(emit func(Unit) error) error {
		return Dir(context.Background(), root, Options{}, emit)
	})
	want := []unitResult{
		{Path: "locked", Skip: "unreadable: permission denied", Lines: "all"},
		{Path: "open.txt", Content: "y", Lines: "all"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestFiles(t *testing.T) {
	root := makeTree(t)
	p := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }
	slash := func(rel string) string { return filepath.ToSlash(p(rel)) }
	var sizes []int64
	got := collectUnits(t, func(emit func(Unit) error) error {
		paths := []string{p("b.txt"), p("a.txt"), p("missing.txt"), p("sub"), p("big.txt"),
			p("bin.dat"), p("link.txt"), p("sub/bundle.min.js"), root + "/./sub/../b.txt"}
		return Files(context.Background(), paths, Options{MaxFileSize: 100, Exclude: []string{"*.min.js"}}, func(u Unit) error {
			if u.Origin.Source != SourceFile {
				t.Errorf("%s: source %q", u.Origin.Path, u.Origin.Source)
			}
			sizes = append(sizes, u.Size)
			return emit(u)
		})
	})
	want := []unitResult{
		{Path: slash("b.txt"), Content: "bee", Lines: "all"},
		{Path: slash("a.txt"), Content: "aye", Lines: "all"},
		{Path: slash("missing.txt"), Skip: "unreadable: no such file or directory", Lines: "all"},
		{Path: slash("sub"), Skip: ReasonNotRegular, Lines: "all"},
		{Path: slash("big.txt"), Skip: ReasonTooLarge, Lines: "all"},
		{Path: slash("bin.dat"), Skip: ReasonBinary, Lines: "all"},
		{Path: slash("link.txt"), Content: "aye", Lines: "all"}, // named symlinks are followed
		{Path: slash("b.txt"), Content: "bee", Lines: "all"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	wantSizes := []int64{3, 3, -1, -1, 101, 6, 3, 3}
	if !reflect.DeepEqual(sizes, wantSizes) {
		t.Errorf("sizes %v, want %v", sizes, wantSizes)
	}
}

func TestFilesMissingSkipUnwraps(t *testing.T) {
	var readErr error
	err := Files(context.Background(), []string{filepath.Join(t.TempDir(), "gone")}, Options{}, func(u Unit) error {
		_, readErr = u.Read()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var skip *SkipError
	if !errors.As(readErr, &skip) || !errors.Is(readErr, fs.ErrNotExist) {
		t.Errorf("read error %v: want a *SkipError wrapping fs.ErrNotExist", readErr)
	}
}

func TestReadFileGrownPastLimitAfterWalk(t *testing.T) {
	root := t.TempDir()
	writeTestFile(t, root, "f.txt", "small")
	var units []Unit
	if err := Dir(context.Background(), root, Options{MaxFileSize: 10}, func(u Unit) error {
		units = append(units, u)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// The walk saw a small file; by the time a worker reads it, it is too large.
	writeTestFile(t, root, "f.txt", "now much larger than ten bytes")
	_, err := units[0].Read()
	var skip *SkipError
	if !errors.As(err, &skip) || skip.Reason != ReasonTooLarge {
		t.Errorf("got %v, want too large skip", err)
	}
}

func TestReadContentBinarySniffBoundary(t *testing.T) {
	tests := []struct {
		name   string
		data   string
		binary bool
	}{
		{"NUL at the last sniffed byte", strings.Repeat("a", binarySniffLen-1) + "\x00", true},
		{"NUL just past the sniffed bytes", strings.Repeat("a", binarySniffLen) + "\x00", false},
		{"NUL first", "\x00abc", true},
		{"empty", "", false},
		{"invalid UTF-8 is still text", "caf\xe9 \xff\xfe", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsBinary([]byte(tt.data)); got != tt.binary {
				t.Errorf("IsBinary = %v, want %v", got, tt.binary)
			}
			data, err := readContent(strings.NewReader(tt.data), "p", -1, 1<<20)
			var skip *SkipError
			gotBinary := errors.As(err, &skip) && skip.Reason == ReasonBinary
			if gotBinary != tt.binary {
				t.Errorf("readContent skip %v, want binary=%v", err, tt.binary)
			}
			if !tt.binary && (err != nil || string(data) != tt.data) {
				t.Errorf("readContent = %q, %v; want the data back", data, err)
			}
		})
	}
}

// oneByteReader returns data a byte at a time, to exercise readContent's buffer growth and
// its sniffing across short reads.
type oneByteReader struct{ data []byte }

func (r *oneByteReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, io.EOF
	}
	p[0] = r.data[0]
	r.data = r.data[1:]
	return 1, nil
}

func TestReadContentShortReads(t *testing.T) {
	text := strings.Repeat("line of text\n", 1000)
	data, err := readContent(&oneByteReader{data: []byte(text)}, "p", -1, int64(len(text)))
	if err != nil || string(data) != text {
		t.Fatalf("got %d bytes, %v; want %d bytes", len(data), err, len(text))
	}
	_, err = readContent(&oneByteReader{data: []byte(text)}, "p", 10, int64(len(text)-1))
	var skip *SkipError
	if !errors.As(err, &skip) || skip.Reason != ReasonTooLarge {
		t.Errorf("one byte over the limit: %v, want too large", err)
	}
	_, err = readContent(&oneByteReader{data: []byte(text[:9000] + "\x00")}, "p", -1, 1<<20)
	if err != nil {
		t.Errorf("NUL after the sniffed prefix: %v, want text", err)
	}
}
