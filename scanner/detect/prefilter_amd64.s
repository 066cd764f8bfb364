#include "textflag.h"

// func classifyAVX2(p *byte, blocks int, tab *[4][32]byte, masks *uint64)
//
// For each 32 bytes, the set of each byte is the AND of two table lookups (VPSHUFB), by its low
// and its high nibble; a compare per class turns the sets into bytes of all ones or zeros, and
// VPMOVMSKB into a bit per byte. Two halves make a block's 64-bit mask.
TEXT ·classifyAVX2(SB), NOSPLIT, $0-32
	MOVQ p+0(FP), SI
	MOVQ blocks+8(FP), CX
	MOVQ tab+16(FP), DI
	MOVQ masks+24(FP), DX
	VMOVDQU 0(DI), Y1            // sets by low nibble
	VMOVDQU 32(DI), Y2           // sets by high nibble
	VMOVDQU 64(DI), Y3           // the token sets
	VMOVDQU 96(DI), Y4           // the hexLo sets
	MOVQ $0x0f0f0f0f0f0f0f0f, AX
	MOVQ AX, X0
	VPBROADCASTQ X0, Y0          // nibble mask
	VPXOR Y15, Y15, Y15          // zero
	TESTQ CX, CX
	JZ   done

loop:
	VMOVDQU 0(SI), Y5
	VPSRLW  $4, Y5, Y6
	VPAND   Y0, Y5, Y5
	VPAND   Y0, Y6, Y6
	VPSHUFB Y5, Y1, Y5
	VPSHUFB Y6, Y2, Y6
	VPAND   Y5, Y6, Y5           // sets of bytes 0-31
	VMOVDQU 32(SI), Y7
	VPSRLW  $4, Y7, Y8
	VPAND   Y0, Y7, Y7
	VPAND   Y0, Y8, Y8
	VPSHUFB Y7, Y1, Y7
	VPSHUFB Y8, Y2, Y8
	VPAND   Y7, Y8, Y7           // sets of bytes 32-63

	// span: in any set
	VPCMPEQB  Y15, Y5, Y6
	VPMOVMSKB Y6, AX
	VPCMPEQB  Y15, Y7, Y8
	VPMOVMSKB Y8, BX
	SHLQ $32, BX
	ORQ  BX, AX
	NOTQ AX
	MOVQ AX, 0(DX)

	// word: in a set below bit 7
	VPCMPGTB  Y15, Y5, Y6
	VPMOVMSKB Y6, AX
	VPCMPGTB  Y15, Y7, Y8
	VPMOVMSKB Y8, BX
	SHLQ $32, BX
	ORQ  BX, AX
	MOVQ AX, 8(DX)

	// token
	VPAND     Y3, Y5, Y6
	VPCMPEQB  Y15, Y6, Y6
	VPMOVMSKB Y6, AX
	VPAND     Y3, Y7, Y8
	VPCMPEQB  Y15, Y8, Y8
	VPMOVMSKB Y8, BX
	SHLQ $32, BX
	ORQ  BX, AX
	NOTQ AX
	MOVQ AX, 16(DX)

	// hexLo
	VPAND     Y4, Y5, Y6
	VPCMPEQB  Y15, Y6, Y6
	VPMOVMSKB Y6, AX
	VPAND     Y4, Y7, Y8
	VPCMPEQB  Y15, Y8, Y8
	VPMOVMSKB Y8, BX
	SHLQ $32, BX
	ORQ  BX, AX
	NOTQ AX
	MOVQ AX, 24(DX)

	ADDQ $64, SI
	ADDQ $32, DX
	DECQ CX
	JNZ  loop

done:
	VZEROUPPER
	RET
