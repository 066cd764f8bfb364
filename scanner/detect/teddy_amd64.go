package detect

import "golang.org/x/sys/cpu"

// useTeddy is whether teddyScan may be called; tests turn it off to check the portable path.
var useTeddy = cpu.X86.HasAVX2

// teddyReach is how many bytes from a position teddyScan reads: a 32-byte block and the
// gram-1 bytes after it.
const teddyReach = 32 + gram - 1

// teddyScan looks at the byte triples starting in successive 32-byte blocks of the n bytes at
// p, as long as a whole block and the two bytes after it are there. It returns the offset of the
// first block holding a triple in some bucket of tab and the mask of such positions in it, or,
// when no block does, the offset where it stopped and a zero mask.
//
//go:noescape
func teddyScan(p *byte, n int, tab *[2 * gram][32]byte) (off int, mask uint32)
