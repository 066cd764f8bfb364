package detect

import "golang.org/x/sys/cpu"

// useClassAVX2 is whether classifyAVX2 may be called; tests turn it off to check the portable path.
var useClassAVX2 = cpu.X86.HasAVX2

// classifyAVX2 is classify for the blocks 64-byte blocks at p, with the tables tab (nibbleClass),
// writing 4*blocks masks from masks on.
//
//go:noescape
func classifyAVX2(p *byte, blocks int, tab *[4][32]byte, masks *uint64)
