//go:build !unix

package mirror

// lockDir is a no-op where advisory locks are not available: do not share a cache between
// concurrent runs there.
func lockDir(string) (func(), error) { return func() {}, nil }
