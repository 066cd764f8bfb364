//go:build !amd64

package detect

const (
	useTeddy   = false
	teddyReach = 32 + gram - 1
)

func teddyScan(p *byte, n int, tab *[2 * gram][32]byte) (off int, mask uint32) { return 0, 0 }
