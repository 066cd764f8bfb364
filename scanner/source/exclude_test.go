package source

import "testing"

func TestExcluded(t *testing.T) {
	tests := []struct {
		pattern string
		path    string
		isDir   bool
		want    bool
	}{
		{"*.min.js", "a.min.js", false, true},
		{"*.min.js", "deep/er/a.min.js", false, true},
		{"*.min.js", "a.min.js.map", false, false},
		{"node_modules", "x/node_modules", true, true},
		{"node_modules", "node_modules_old", true, false},
		{"docs/*.md", "docs/a.md", false, true},
		{"docs/*.md", "docs/sub/a.md", false, false},
		{"docs/*.md", "x/docs/a.md", false, false},
		{"/docs/*.md", "docs/a.md", false, true},
		{"vendor/**", "vendor", true, true},
		{"vendor/**", "vendor/a/b/c.go", false, true},
		{"vendor/**", "vendored/a.go", false, false},
		{"**/testdata/*.json", "testdata/a.json", false, true},
		{"**/testdata/*.json", "a/b/testdata/a.json", false, true},
		{"**/testdata/*.json", "a/b/testdata/c/a.json", false, false},
		{"a/**/b", "a/b", false, true},
		{"a/**/b", "a/x/y/b", false, true},
		{"a/**/**/b", "a/x/b", false, true},
		{"build/", "build", true, true},
		{"build/", "build", false, false},
		{"**", "anything/at/all", false, true},
		{"?.txt", "a.txt", false, true},
		{"[ab].txt", "c.txt", false, false},
		{"*.txt", "dir/with space/ü.txt", false, true},
	}
	for _, tt := range tests {
		set, err := compileExcludes([]string{tt.pattern})
		if err != nil {
			t.Fatalf("%q: %v", tt.pattern, err)
		}
		if got := set.excluded(tt.path, tt.isDir); got != tt.want {
			t.Errorf("pattern %q, path %q (dir %v): excluded = %v, want %v", tt.pattern, tt.path, tt.isDir, got, tt.want)
		}
	}
}

func TestCompileExcludesRejectsBadPatterns(t *testing.T) {
	for _, p := range []string{"[", "a/[b", "\\", "", "//"} {
		if _, err := compileExcludes([]string{"ok", p}); err == nil {
			t.Errorf("pattern %q accepted", p)
		}
	}
}
