//go:build !amd64

package detect

// useClassAVX2 is false without the assembly; a variable, as on amd64, so tests can set it.
var useClassAVX2 = false

func classifyAVX2(p *byte, blocks int, tab *[4][32]byte, masks *uint64) {}
