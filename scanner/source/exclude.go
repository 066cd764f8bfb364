package source

import (
	"fmt"
	"path"
	"strings"
)

// excludePattern is one compiled Options.Exclude glob.
type excludePattern struct {
	segments []string // path segments; "**" matches any number of them
	basename bool     // no "/" in the pattern: match the last path element at any depth
	dirOnly  bool     // trailing "/": match directories only
}

type excludeSet []excludePattern

// compileExcludes validates patterns up front, so a typo is an error before the walk rather
// than a silently ignored pattern (path.Match reports bad patterns only when it gets to them).
func compileExcludes(patterns []string) (excludeSet, error) {
	set := make(excludeSet, 0, len(patterns))
	for _, raw := range patterns {
		p := raw
		var ep excludePattern
		if strings.HasSuffix(p, "/") {
			ep.dirOnly = true
			p = strings.TrimRight(p, "/")
		}
		// A leading "/" anchors in .gitignore; our slash patterns are always anchored, so
		// accept it for people who write it out of habit.
		p = strings.TrimPrefix(p, "/")
		if p == "" {
			return nil, fmt.Errorf("invalid exclude pattern %q: empty", raw)
		}
		ep.basename = !strings.Contains(p, "/")
		ep.segments = strings.Split(p, "/")
		for _, seg := range ep.segments {
			if seg == "**" {
				continue
			}
			if _, err := path.Match(seg, ""); err != nil {
				return nil, fmt.Errorf("invalid exclude pattern %q: %w", raw, err)
			}
		}
		set = append(set, ep)
	}
	return set, nil
}

// excluded reports whether the slash-separated relative path rel (a directory if isDir) matches
// any pattern. Patterns follow .gitignore's shape without its negations: "*.min.js" or
// "node_modules" (no slash) match a name at any depth; "docs/*.md", "vendor/**" and
// "**/testdata/*.json" match the whole path, "**" standing for any number of directories;
// a trailing slash matches directories only.
func (set excludeSet) excluded(rel string, isDir bool) bool {
	if len(set) == 0 {
		return false
	}
	var segments []string // split lazily: most patterns are basename patterns
	for _, p := range set {
		if p.dirOnly && !isDir {
			continue
		}
		if p.basename {
			if p.segments[0] == "**" {
				return true
			}
			if ok, _ := path.Match(p.segments[0], path.Base(rel)); ok {
				return true
			}
			continue
		}
		if segments == nil {
			segments = strings.Split(rel, "/")
		}
		if matchSegments(p.segments, segments) {
			return true
		}
	}
	return false
}

// ExcludeMatcher compiles Options.Exclude patterns into a test of a slash-separated path (as
// excludedPath): for findings whose content was scanned where no walk could skip it, such as
// the blobs of git history, which are read once however many paths carry them.
func ExcludeMatcher(patterns []string) (func(path string) bool, error) {
	set, err := compileExcludes(patterns)
	if err != nil {
		return nil, err
	}
	return set.excludedPath, nil
}

// excludedPath is excluded for a path whose directories were not walked one by one (a staged
// path, a named file): a file is excluded when it or any directory above it matches.
func (set excludeSet) excludedPath(rel string) bool {
	if len(set) == 0 {
		return false
	}
	for i := 0; i < len(rel); i++ {
		if rel[i] == '/' && i > 0 && set.excluded(rel[:i], true) {
			return true
		}
	}
	return set.excluded(rel, false)
}

func matchSegments(pattern, name []string) bool {
	for len(pattern) > 0 {
		if pattern[0] == "**" {
			for len(pattern) > 1 && pattern[1] == "**" {
				pattern = pattern[1:] // "**/**" is "**"; collapsing avoids exponential retries
			}
			for i := 0; i <= len(name); i++ {
				if matchSegments(pattern[1:], name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pattern[0], name[0]); !ok {
			return false
		}
		pattern, name = pattern[1:], name[1:]
	}
	return len(name) == 0
}
