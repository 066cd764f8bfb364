//go:build linux && !amd64 && !arm64

package earlygit

const sysGetcpu = 0 // CPUs are not separated here (see affinity_linux.go)
