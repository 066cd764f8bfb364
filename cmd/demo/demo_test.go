package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/tokenscan/tokenscan/scanner/gittest"
)

// TestDemo runs `make demo`'s story end to end, so that the README's first command keeps
// working: a broken demo (the org re-run fetching again) once went unnoticed because nothing
// ran it.
func TestDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds tokenscan and runs the whole demo")
	}
	gittest.Isolate(t, "Demo Test", "demo@example.com")
	bin := filepath.Join(t.TempDir(), "tokenscan")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/tokenscan/tokenscan/cmd/tokenscan").CombinedOutput(); err != nil {
		t.Fatalf("building tokenscan: %v\n%s", err, out)
	}
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer devnull.Close()
	stdout := os.Stdout
	os.Stdout = devnull // the demo narrates; the test only wants its verdict
	defer func() { os.Stdout = stdout }()
	if err := run(bin, false); err != nil {
		t.Fatal(err)
	}
	if err := runOrg(bin); err != nil {
		t.Fatal(err)
	}
}
