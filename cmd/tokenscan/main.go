// Command tokenscan finds leaked cPanel and WHM API tokens in code and git history.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/tokenscan/tokenscan/scanner/detect"
	"github.com/tokenscan/tokenscan/scanner/earlygit"
	"github.com/tokenscan/tokenscan/scanner/report"
)

func main() {
	if earlygit.Pending() {
		if det, err := detect.New(detect.Options{}); err == nil {
			det.Warm()
			hookDetector = det
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	io := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, OutIsTTY: isTerminal(os.Stdout), ErrIsTTY: isTerminal(os.Stderr)}
	// TOKENSCAN_CPUPROFILE=FILE writes a CPU profile: performance work needs it on real repos.
	if path := os.Getenv("TOKENSCAN_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			if pprof.StartCPUProfile(f) == nil {
				defer pprof.StopCPUProfile()
			}
		}
	}
	rep, err := newRootCmd(io).execute(ctx, os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "tokenscan:", err)
	}
	// The one place that decides the exit code.
	code := report.ExitCode(rep, err)
	if rep == nil && err == nil {
		code = report.ExitClean
	}
	pprof.StopCPUProfile()
	earlygit.Discard() // a git started early that the command did not take over
	os.Exit(code)
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
