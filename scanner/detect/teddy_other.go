//go:build !amd64

package detect

// useTeddy is false without the assembly; a variable, as on amd64, so tests can set it.
var useTeddy = false

const teddyReach = 32 + gram - 1

func teddyScan(p *byte, n int, tab *[2 * gram][32]byte) (off int, mask uint32) { return 0, 0 }
