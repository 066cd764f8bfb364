#include "textflag.h"

// func foldAVX2(dst, src *byte, n int)
//
// Writes n bytes of src folded to ASCII lower case to dst, 32 at a time; n is a multiple of 32.
// A byte is upper case when it is above '@' and below '[' as a signed byte, so bytes >= 0x80
// (negative) are left alone; folding adds 0x20 (sets bit 5, clear in 'A'..'Z').
TEXT ·foldAVX2(SB), NOSPLIT, $0-24
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ n+16(FP), CX
	MOVL $0x40404040, AX
	MOVL AX, X1
	VPBROADCASTD X1, Y1          // '@'
	MOVL $0x5b5b5b5b, AX
	MOVL AX, X2
	VPBROADCASTD X2, Y2          // '['
	MOVL $0x20202020, AX
	MOVL AX, X3
	VPBROADCASTD X3, Y3          // the case bit
	TESTQ CX, CX
	JZ   done

loop:
	VMOVDQU (SI), Y0
	VPCMPGTB Y1, Y0, Y4          // c > '@'
	VPCMPGTB Y0, Y2, Y5          // '[' > c
	VPAND    Y4, Y5, Y4
	VPAND    Y3, Y4, Y4
	VPOR     Y4, Y0, Y0
	VMOVDQU  Y0, (DI)
	ADDQ $32, SI
	ADDQ $32, DI
	SUBQ $32, CX
	JNZ  loop

done:
	VZEROUPPER
	RET
