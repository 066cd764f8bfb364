//go:build !linux

package earlygit

import "errors"

var errUnsupported = errors.New("earlygit: only on Linux")

// Kill is never called: git is started early only on Linux, where /proc gives the command line
// before the os package has initialised.
func (p *Proc) Kill() {}

// Prestart does nothing on this system.
func Prestart() (pid int, err error) { return 0, errUnsupported }

// Rejoin does nothing on this system.
func Rejoin() {}

// Separated is false on this system.
func Separated() bool { return false }
