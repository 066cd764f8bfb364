package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/tokenscan/tokenscan/scanner/hook"
)

// HookOptions is everything `tokenscan hook install|uninstall` needs.
type HookOptions struct {
	IO  *IOStreams
	Dir string
	// PrePush installs the pre-push hook instead of the pre-commit hook.
	PrePush bool
	// Verify makes the hook run protect --verify: a blocked commit or push says whether each
	// token still works.
	Verify bool
	// Executable is the tokenscan binary the installed hook runs.
	Executable func() (string, error)
}

const hookLong = `hook installs tokenscan as a git hook in the current repository.

The pre-commit hook runs "tokenscan protect --staged" before every commit; the pre-push hook
runs "tokenscan protect --pre-push" before every push. Hooks go where git looks for them:
core.hooksPath when it is set, and the main repository's hooks in a linked worktree.

An existing hook is never overwritten: it is renamed to <hook>.tokenscan-chained and runs after
tokenscan's check passes. Installing again only updates tokenscan's own hook (so install again
with or without --verify to change that). Uninstalling removes tokenscan's hooks and renames the
chained hooks back, leaving what was there before.

With --verify, the hook asks the cPanel/WHM host named in the file whether a token it found still
works, and says so; see tokenscan protect --help.`

func newHookCmd(ios *IOStreams) *cobra.Command {
	opts := &HookOptions{IO: ios, Dir: ".", Executable: os.Executable}
	cmd := &cobra.Command{
		Use:   "hook",
		Short: "Install or remove tokenscan's git hooks",
		Long:  hookLong,
		Args:  cobra.NoArgs,
	}
	install := &cobra.Command{
		Use:   "install [--pre-push] [--verify]",
		Short: "Install the pre-commit hook (or, with --pre-push, the pre-push hook)",
		Example: `  tokenscan hook install              # block commits that add a token
  tokenscan hook install --pre-push   # block pushes of commits that add a token
  tokenscan hook install --verify     # ... and say whether the token found still works`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runHookInstall(cmd.Context(), opts) },
	}
	install.Flags().BoolVar(&opts.PrePush, "pre-push", false, "install the pre-push hook instead of the pre-commit hook")
	install.Flags().BoolVar(&opts.Verify, "verify", false, "the hook says whether each token it finds still works (protect --verify)")
	uninstall := &cobra.Command{
		Use:   "uninstall",
		Short: "Remove tokenscan's hooks and restore the hooks they chained to",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return runHookUninstall(cmd.Context(), opts) },
	}
	cmd.AddCommand(install, uninstall)
	return cmd
}

func runHookInstall(ctx context.Context, opts *HookOptions) error {
	exe, err := opts.Executable()
	if err != nil {
		return fmt.Errorf("finding the tokenscan binary for the hook: %w", err)
	}
	if exe, err = filepath.Abs(exe); err != nil {
		return fmt.Errorf("finding the tokenscan binary for the hook: %w", err)
	}
	kind := hook.PreCommit
	if opts.PrePush {
		kind = hook.PrePush
	}
	var protectArgs []string
	if opts.Verify {
		protectArgs = append(protectArgs, "--verify")
	}
	res, err := hook.Install(ctx, opts.Dir, kind, exe, protectArgs...)
	if err != nil {
		return err
	}
	var msg string
	switch res.Action {
	case hook.Chained:
		msg = fmt.Sprintf("installed the %s hook %s; it runs the hook that was there before, now %s", kind, res.Path, filepath.Base(res.Chained))
	case hook.UpToDate:
		msg = fmt.Sprintf("the %s hook %s is already installed", kind, res.Path)
	default:
		msg = fmt.Sprintf("%s the %s hook %s", res.Action, kind, res.Path)
		if res.Chained != "" {
			msg += "; it runs " + filepath.Base(res.Chained) + " after its check"
		}
	}
	if res.Note != "" {
		msg += "\ntokenscan: note: " + res.Note
	}
	_, err = fmt.Fprintln(opts.IO.Out, "tokenscan: "+msg)
	return err
}

func runHookUninstall(ctx context.Context, opts *HookOptions) error {
	changed := false
	for _, kind := range hook.Kinds {
		res, err := hook.Uninstall(ctx, opts.Dir, kind)
		if err != nil {
			return err
		}
		var msg string
		switch res.Action {
		case hook.Removed:
			msg = fmt.Sprintf("removed the %s hook %s", kind, res.Path)
		case hook.Restored:
			msg = fmt.Sprintf("removed tokenscan's %s hook and restored the previous one at %s", kind, res.Path)
		default:
			continue
		}
		changed = true
		if _, err := fmt.Fprintln(opts.IO.Out, "tokenscan: "+msg); err != nil {
			return err
		}
	}
	if !changed {
		_, err := fmt.Fprintln(opts.IO.Out, "tokenscan: no tokenscan hooks are installed here")
		return err
	}
	return nil
}
