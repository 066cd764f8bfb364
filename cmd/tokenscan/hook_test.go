package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestHookInstallAndUninstallMessages(t *testing.T) {
	dir := newGitRepo(t)
	hooks := filepath.Join(dir, ".git", "hooks")
	writeFile(t, hooks, "pre-push", "#!/bin/sh\nexit 0\n")
	exe := func() (string, error) { return "/usr/local/bin/tokenscan", nil }
	ctx := context.Background()
	steps := []struct {
		name    string
		run     func(*HookOptions) error
		prePush bool
		want    string
	}{
		{"install", runHookInstallCtx(ctx), false, "tokenscan: installed the pre-commit hook " + hooks + "/pre-commit\n"},
		{"install again", runHookInstallCtx(ctx), false, "tokenscan: the pre-commit hook " + hooks + "/pre-commit is already installed\n"},
		{"install pre-push", runHookInstallCtx(ctx), true, "tokenscan: installed the pre-push hook " + hooks +
			"/pre-push; it runs the hook that was there before, now pre-push.tokenscan-chained\n"},
		{"uninstall", func(o *HookOptions) error { return runHookUninstall(ctx, o) }, false,
			"tokenscan: removed the pre-commit hook " + hooks + "/pre-commit\n" +
				"tokenscan: removed tokenscan's pre-push hook and restored the previous one at " + hooks + "/pre-push\n"},
		{"uninstall again", func(o *HookOptions) error { return runHookUninstall(ctx, o) }, false,
			"tokenscan: no tokenscan hooks are installed here\n"},
	}
	for _, s := range steps {
		var out bytes.Buffer
		opts := &HookOptions{IO: &IOStreams{Out: &out, ErrOut: &out}, Dir: ".", PrePush: s.prePush, Executable: exe}
		if err := s.run(opts); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if out.String() != s.want {
			t.Errorf("%s: output %q, want %q", s.name, out.String(), s.want)
		}
	}
	if data, err := os.ReadFile(filepath.Join(hooks, "pre-push")); err != nil || string(data) != "#!/bin/sh\nexit 0\n" {
		t.Errorf("previous pre-push hook not restored: %q, %v", data, err)
	}

	// --verify goes into the hook's protect command; installing again without it takes it out.
	for _, verify := range []bool{true, false} {
		var out bytes.Buffer
		if err := runHookInstall(ctx, &HookOptions{IO: &IOStreams{Out: &out}, Dir: ".", Verify: verify, Executable: exe}); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(filepath.Join(hooks, "pre-commit"))
		if got := bytes.Contains(data, []byte(`"$tokenscan" protect --staged --verify ||`)); got != verify {
			t.Errorf("--verify %v: the hook runs protect with --verify: %v\n%s", verify, got, data)
		}
	}
	if err := runHookUninstall(ctx, &HookOptions{IO: &IOStreams{Out: new(bytes.Buffer)}, Dir: "."}); err != nil {
		t.Fatal(err)
	}

	// Through the command line: the hook records the running binary.
	if r := runCLI(t, "", "hook", "install"); r.code != 0 || r.stdout == "" {
		t.Errorf("tokenscan hook install: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, "", "hook", "uninstall"); r.code != 0 {
		t.Errorf("tokenscan hook uninstall: exit %d, %q", r.code, r.stderr)
	}
	t.Chdir(t.TempDir())
	if r := runCLI(t, "", "hook", "install"); r.code != 2 {
		t.Errorf("hook install outside a repository: exit %d, want 2", r.code)
	}
}

func runHookInstallCtx(ctx context.Context) func(*HookOptions) error {
	return func(o *HookOptions) error { return runHookInstall(ctx, o) }
}
