package detect

// foldAVX2 writes n bytes of src folded to ASCII lower case to dst; n is a multiple of 32 and
// both hold at least n bytes. Callers check useTeddy (AVX2) first.
//
//go:noescape
func foldAVX2(dst, src *byte, n int)
