//go:build !linux

package source

import "context"

// adoptStarted returns nil: git is started early (earlygit) only on Linux.
func adoptStarted(ctx context.Context, dir string) *gitStream { return nil }
