//go:build !amd64

package detect

func foldAVX2(dst, src *byte, n int) { panic("foldAVX2 without AVX2") }
