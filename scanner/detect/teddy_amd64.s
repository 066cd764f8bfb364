#include "textflag.h"

// func teddyScan(p *byte, n int, tab *[6][32]byte) (off int, mask uint32)
//
// For each position i of a 32-byte block, the buckets of the triple text[i], text[i+1],
// text[i+2] are the AND of six table lookups (VPSHUFB), one per nibble of each byte.
TEXT ·teddyScan(SB), NOSPLIT, $0-36
	MOVQ p+0(FP), SI
	MOVQ n+8(FP), DX
	MOVQ tab+16(FP), DI
	VMOVDQU 0(DI), Y1            // first byte, by low nibble
	VMOVDQU 32(DI), Y2           // first byte, by high nibble
	VMOVDQU 64(DI), Y3           // second byte, by low nibble
	VMOVDQU 96(DI), Y4           // second byte, by high nibble
	VMOVDQU 128(DI), Y12         // third byte, by low nibble
	VMOVDQU 160(DI), Y13         // third byte, by high nibble
	MOVQ $0x0f0f0f0f0f0f0f0f, AX
	MOVQ AX, X0
	VPBROADCASTQ X0, Y0          // nibble mask
	VPXOR Y11, Y11, Y11          // zero
	XORQ BX, BX

loop:
	LEAQ 34(BX), CX
	CMPQ CX, DX
	JA   done
	VMOVDQU (SI)(BX*1), Y5
	VPAND   Y0, Y5, Y7
	VPSRLW  $4, Y5, Y8
	VPAND   Y0, Y8, Y8
	VPSHUFB Y7, Y1, Y7
	VPSHUFB Y8, Y2, Y8
	VPAND   Y7, Y8, Y7
	VMOVDQU 1(SI)(BX*1), Y6
	VPAND   Y0, Y6, Y9
	VPSRLW  $4, Y6, Y10
	VPAND   Y0, Y10, Y10
	VPSHUFB Y9, Y3, Y9
	VPSHUFB Y10, Y4, Y10
	VPAND   Y9, Y10, Y9
	VPAND   Y7, Y9, Y7
	VMOVDQU 2(SI)(BX*1), Y5
	VPAND   Y0, Y5, Y9
	VPSRLW  $4, Y5, Y10
	VPAND   Y0, Y10, Y10
	VPSHUFB Y9, Y12, Y9
	VPSHUFB Y10, Y13, Y10
	VPAND   Y9, Y10, Y9
	VPAND   Y7, Y9, Y7
	VPCMPEQB Y11, Y7, Y7
	VPMOVMSKB Y7, AX
	NOTL AX
	TESTL AX, AX
	JNZ  found
	ADDQ $32, BX
	JMP  loop

found:
	VZEROUPPER
	MOVQ BX, off+24(FP)
	MOVL AX, mask+32(FP)
	RET

done:
	VZEROUPPER
	MOVQ BX, off+24(FP)
	MOVL $0, mask+32(FP)
	RET
