package detect

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestNibbleClassMatchesClass(t *testing.T) {
	for c := 0; c < 256; c++ {
		set := nibbleClass[0][c&15] & nibbleClass[1][c>>4]
		if set&(set-1) != 0 {
			t.Errorf("%q is in sets %08b", byte(c), set)
		}
		var k uint8
		if set != 0 {
			k |= clsSpan
		}
		if int8(set) > 0 {
			k |= clsWord
		}
		if set&nibbleClass[2][c&15] != 0 {
			k |= clsToken
		}
		if set&nibbleClass[3][c&15] != 0 {
			k |= clsHexLo
		}
		if k != class[c] {
			t.Errorf("%q: classes %04b from the nibble tables, want %04b", byte(c), k, class[c])
		}
	}
	for i := range nibbleClass {
		if string(nibbleClass[i][:16]) != string(nibbleClass[i][16:]) {
			t.Errorf("nibbleClass[%d] differs between lanes", i)
		}
	}
}

func TestClassifyAVX2MatchesPortable(t *testing.T) {
	if !useClassAVX2 {
		t.Skip("no AVX2 here: the portable path is the one in use")
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		blocks := r.IntN(12)
		data := make([]byte, 64*blocks)
		for i := range data {
			data[i] = byte(r.IntN(256))
		}
		got := make([]uint64, 4*blocks)
		want := make([]uint64, 4*blocks)
		classify(data, got)
		useClassAVX2 = false
		classify(data, want)
		useClassAVX2 = true
		if !slices.Equal(got, want) {
			t.Fatalf("classify(%q) = %x, portable %x", data, got, want)
		}
	}
}

// prefilterPieces are what prefilter test inputs are made of: runs of each class and of the
// ones beside them, the bytes around runs, and encodings that decode to a candidate.
var prefilterAlphabets = []string{
	"0123456789",
	"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
	"0123456789ABCDEF",
	"0123456789abcdef",
	"abcdef",
	"ghijklmnopqrstuvwxyz",
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_",
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
	"_+/-",
	" \n\t.:\"=%",
	"\x80\xc3\xa9\xff",
}

var prefilterSeparators = []string{" ", "\n", "_", "+", "/", "-", "=", "==", "%", "%3A", "%3a", "\xc3\xa9", "\xff", ".", "a", "Z", "7", ""}

var prefilterLengths = []int{1, 2, 3, 8, 22, 23, 24, 25, 30, 31, 32, 33, 34, 35, 39, 40, 41, 43, 44, 45, 63, 64, 65}

func prefilterToken(r *rand.Rand) string {
	const upper = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	b := make([]byte, tokenLen)
	for i := range b {
		b[i] = upper[r.IntN(len(upper))]
	}
	return string(b)
}

// prefilterText returns a random input of about n bytes built from runs whose lengths sit around
// every threshold of the prefilter.
func prefilterText(r *rand.Rand, n int) []byte {
	var b []byte
	for len(b) < n {
		switch x := r.IntN(20); {
		case x < 12:
			alpha := prefilterAlphabets[r.IntN(len(prefilterAlphabets))]
			l := prefilterLengths[r.IntN(len(prefilterLengths))]
			if r.IntN(4) == 0 {
				l = r.IntN(100)
			}
			for range l {
				b = append(b, alpha[r.IntN(len(alpha))])
			}
		case x < 15:
			b = append(b, prefilterSeparators[r.IntN(len(prefilterSeparators))]...)
		case x < 16:
			b = append(b, " "[:r.IntN(2)]+prefilterToken(r)+" "[:r.IntN(2)]...)
		case x < 17:
			b = append(b, "%3A"+prefilterToken(r)...)
		case x < 18:
			b = append(b, base64.StdEncoding.EncodeToString([]byte("cpanel bob:"+prefilterToken(r)))...)
		case x < 19:
			b = append(b, base64.URLEncoding.EncodeToString([]byte(base64.StdEncoding.EncodeToString([]byte("whm root:"+prefilterToken(r)))))...)
		default:
			b = append(b, hex.EncodeToString([]byte("token "+prefilterToken(r)+" "))...)
		}
	}
	return b
}

// prefilterAccepts are the accept functions the implementations are compared with: one that
// takes every value and one that refuses some, by content.
var prefilterAccepts = []func([]byte) bool{
	func([]byte) bool { return true },
	func(v []byte) bool { return (v[0]+v[len(v)-1])%3 != 0 },
}

// prefilterModes runs f with each way findCandidatesMasks may run here: classifying with AVX2
// and in Go, in chunks of the usual size and of few blocks.
func prefilterModes(f func(mode string)) {
	savedAVX2, savedChunk := useClassAVX2, maskChunk
	defer func() { useClassAVX2, maskChunk = savedAVX2, savedChunk }()
	for _, avx2 := range []bool{true, false} {
		if avx2 && !savedAVX2 {
			continue
		}
		for _, chunk := range []int{maskBlocks, 1, 3} {
			useClassAVX2, maskChunk = avx2, chunk
			f(fmt.Sprintf("avx2=%v chunk=%d", avx2, chunk))
		}
	}
}

// checkFindCandidates fails unless findCandidatesMasks, in every mode, returns what probing does
// for data and calls accept with the same values in the same order.
func checkFindCandidates(t testing.TB, data []byte) {
	t.Helper()
	for ai, accept := range prefilterAccepts {
		var wantCalls []string
		want := findCandidatesProbing(data, func(v []byte) bool {
			wantCalls = append(wantCalls, string(v))
			return accept(v)
		})
		prefilterModes(func(mode string) {
			var gotCalls []string
			got := findCandidatesMasks(data, func(v []byte) bool {
				gotCalls = append(gotCalls, string(v))
				return accept(v)
			})
			if !slices.Equal(got, want) {
				t.Fatalf("%s accept %d: findCandidatesMasks(%q)\n = %v\nwant %v", mode, ai, data, got, want)
			}
			if !slices.Equal(gotCalls, wantCalls) {
				t.Fatalf("%s accept %d: findCandidatesMasks(%q) called accept with\n%q\nwant %q", mode, ai, data, gotCalls, wantCalls)
			}
		})
	}
}

func TestFindCandidatesMasksMatchesProbing(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	iters := 3000
	if testing.Short() {
		iters = 300
	}
	kinds := map[kind]int{}
	for i := range iters {
		n := r.IntN(400)
		if i%50 == 0 {
			n = 4000 + r.IntN(4500) // across the usual chunk size
		}
		data := prefilterText(r, n)
		data = data[:min(len(data), n+r.IntN(8))] // end anywhere, even inside a run
		checkFindCandidates(t, data)
		for _, c := range findCandidatesProbing(data, prefilterAccepts[0]) {
			kinds[c.kind]++
		}
	}
	for _, k := range []kind{kindToken, kindHex, kindEncoded, kindToken | kindEncoded} {
		if kinds[k] < iters/20 {
			t.Fatalf("only %d candidates of kind %b in %d inputs (%v): the inputs do not exercise the prefilter", kinds[k], k, iters, kinds)
		}
	}
}

// TestFindCandidatesAlignment puts runs of each kind and length around the thresholds at every
// offset of a few blocks, between each kind of neighbour, and at the end of the input.
func TestFindCandidatesAlignment(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	runs := map[string]func(l int) string{
		"token": func(l int) string { return strings.Repeat(prefilterToken(r), 3)[:l] },
		"digits": func(l int) string {
			return strings.Repeat("8301946275", 10)[:l]
		},
		"hexLo": func(l int) string { return strings.Repeat("4f2a9c81d07b3e65", 10)[:l] },
		"percent": func(l int) string {
			return "%3a" + strings.Repeat(prefilterToken(r), 3)[:max(l-2, 0)]
		},
		"base64": func(l int) string {
			return base64.StdEncoding.EncodeToString([]byte("cpanel bob:" + prefilterToken(r) + strings.Repeat("x", 40)))[:l]
		},
	}
	lengths := []int{23, 24, 25, 31, 32, 33, 34, 40, 44, 64}
	before := []string{"", " ", "_", "+", "a"}
	after := []string{"", " ", "_", "/", "==", "g"}
	for name, run := range runs {
		for _, l := range lengths {
			for off := 0; off < 2*64+2; off++ {
				for _, b := range before {
					for _, a := range after {
						pad := off - len(b)
						if pad < 0 {
							continue
						}
						data := []byte(strings.Repeat(". ", pad)[:pad] + b + run(l) + a)
						checkFindCandidates(t, data)
						if name == "hexLo" && b == " " && a == " " && l >= minHexRun && len(findCandidatesProbing(data, prefilterAccepts[0])) != 1 {
							t.Fatalf("no hex candidate in %q", data)
						}
					}
				}
			}
		}
	}
}

func FuzzFindCandidates(f *testing.F) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 20 {
		f.Add(prefilterText(r, r.IntN(300)))
	}
	f.Add([]byte(" cpanel%20bob%3A" + prefilterToken(r) + " "))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFindCandidates(t, data)
	})
}

// mayDecodeToRunScan is mayDecodeToRun as it was, testing every group in turn.
func mayDecodeToRunScan(run []byte, hexRun bool) bool {
	if hexRun {
		n := 0
		for i := 0; i+1 < len(run); i += 2 {
			if run[i] <= '7' {
				if n++; n >= minSpanRun {
					return true
				}
			} else {
				n = 0
			}
		}
		return false
	}
	need := minSpanRun/3 - 1
	n := 0
	for i := 0; i+3 < len(run); i += 4 {
		if b64Value[run[i]] < 32 && b64Value[run[i+1]]&8 == 0 && b64Value[run[i+2]]&2 == 0 {
			if n++; n >= need {
				return true
			}
		} else {
			n = 0
		}
	}
	return false
}

// TestMayDecodeToRunSkipsExactly: skipping past failed groups finds what testing each does, but
// for hex runs that cannot decode anyway.
func TestMayDecodeToRunSkipsExactly(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	alphabets := []string{
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_",
		"ABCDEFabcdef0123456789",
		"ABCDEFabcdef0123456789+",
		"0123456789abcdef",
		"01234567",
		"01234567ABC",
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef",
	}
	positives := [2]int{}
	for range 200000 {
		alpha := alphabets[r.IntN(len(alphabets))]
		run := make([]byte, r.IntN(120))
		for i := range run {
			run[i] = alpha[r.IntN(len(alpha))]
		}
		if r.IntN(4) == 0 {
			// ASCII, encoded, in a run with other text around it
			text := make([]byte, r.IntN(60))
			for i := range text {
				text[i] = byte(' ' + r.IntN(95))
			}
			at := r.IntN(len(run) + 1)
			run = slices.Concat(run[:at], []byte(base64.StdEncoding.EncodeToString(text)), run[at:])
		}
		if r.IntN(3) == 0 {
			run = append(run, "=="[:r.IntN(3)]...)
		}
		for h, hexRun := range []bool{false, true} {
			got, want := mayDecodeToRun(run, hexRun), mayDecodeToRunScan(run, hexRun)
			if hexRun && want && !got {
				// Only when the hex decoder fails.
				if _, err := hex.DecodeString(string(run)); err == nil {
					t.Fatalf("mayDecodeToRun(%q, hex) = false, but it decodes", run)
				}
				continue
			}
			if got != want {
				t.Fatalf("mayDecodeToRun(%q, %v) = %v, want %v", run, hexRun, got, want)
			}
			if got {
				positives[h]++
			}
		}
	}
	if positives[0] < 1000 || positives[1] < 1000 {
		t.Fatalf("only %v positives: the test no longer exercises the check", positives)
	}
}
