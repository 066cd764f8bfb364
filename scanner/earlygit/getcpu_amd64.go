//go:build linux

package earlygit

const sysGetcpu = 309 // the syscall package does not name it on amd64
