//go:build linux

package earlygit

import "syscall"

const sysGetcpu = syscall.SYS_GETCPU
