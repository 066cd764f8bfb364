// Command tokenscan finds leaked cPanel and WHM API tokens in code and git history.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/tokenscan/tokenscan/scanner/report"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	io := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, OutIsTTY: isTerminal(os.Stdout), ErrIsTTY: isTerminal(os.Stderr)}
	rep, err := newRootCmd(io).execute(ctx, os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "tokenscan:", err)
	}
	// The one place that decides the exit code.
	code := report.ExitCode(rep, err)
	if rep == nil && err == nil {
		code = report.ExitClean
	}
	os.Exit(code)
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
