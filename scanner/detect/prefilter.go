package detect

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"math/bits"
	"sort"
)

// The prefilter finds the few places in a file where a rule could possibly report, without
// reading most of the bytes. Every secret our rules report is one of:
//   - a run of exactly 32 [0-9A-Z] bounded by non-word characters (cPanel and WHM tokens),
//   - a run of at least 24 lower-case hex digits (legacy WHM access hashes, often split over lines),
//   - either of those inside base64 or hex encoded text (Kubernetes Secrets), which the rules engine
//     decodes in place.
// All of them lie inside a run of "span" characters [0-9A-Za-z_+/-] of length >= 24, so the scan
// probes every 24th byte and only looks closer when the probe lands inside such a run.

const (
	tokenLen   = 32
	minHexRun  = 24
	minSpanRun = minHexRun // the shortest run any candidate needs
	minB64Run  = 40        // base64 of a 32-char token is 44 chars (43 + '=')
	maxB64Run  = 1 << 16   // decode at most 64 KiB of one base64 run looking for tokens
	maxDecode  = 2         // nested encodings followed (base64 of base64 of a header)
)

const (
	clsSpan  = 1 << iota // [0-9A-Za-z_+/-]: may be part of a token, hash or base64 text
	clsWord              // [0-9A-Za-z_]: \w, what \b in the rules looks at
	clsToken             // [0-9A-Z]
	clsHexLo             // [0-9a-f]
)

var class [256]uint8

func init() {
	for c := 0; c < 256; c++ {
		var k uint8
		switch {
		case c >= '0' && c <= '9':
			k = clsSpan | clsWord | clsToken | clsHexLo
		case c >= 'A' && c <= 'Z':
			k = clsSpan | clsWord | clsToken
		case c >= 'a' && c <= 'f':
			k = clsSpan | clsWord | clsHexLo
		case c >= 'g' && c <= 'z', c == '_':
			k = clsSpan | clsWord
		case c == '+', c == '/', c == '-':
			k = clsSpan
		}
		class[c] = k
	}
}

// candidate is a byte range that may hold a secret: either the value itself or an encoded run
// that decodes to one.
type candidate struct {
	start, end int
	kind       kind
}

// kind says what a candidate can become, so that rules whose secret cannot be one are not run.
type kind uint8

const (
	kindToken   kind = 1 << iota // a plain 32-character [0-9A-Z] value
	kindHex                      // a run of lower-case hex digits
	kindEncoded                  // visible only after decoding (base64, hex, percent-encoding)
)

// findCandidates returns candidate ranges in data, in order. accept filters plain token values
// (all-hex, low entropy, placeholders...) so that a file full of checksums costs nothing more.
func findCandidates(data []byte, accept func([]byte) bool) []candidate {
	var out []candidate
	if useClassAVX2 {
		out = findCandidatesMasks(data, accept)
	} else {
		// Classifying every byte in Go costs more than probing saves on sparse text.
		out = findCandidatesProbing(data, accept)
	}
	if escaped := escapedCandidates(data, accept); len(escaped) > 0 {
		out = append(out, escaped...)
		sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	}
	return out
}

// escapedCandidates finds tokens written partly in percent escapes (cpanel_token=%51%38ZK...,
// %51 being Q): a run of span bytes and %XX escapes that, percent-decoded, holds a candidate.
// gitleaks decodes percent-encoding before its rules run, so it finds such a token, and the byte
// classes the other passes look at do not. Only the runs around escapes are looked at: a printf
// "%08x" decodes to two bytes and is done with at once.
func escapedCandidates(data []byte, accept func([]byte) bool) []candidate {
	var out []candidate
	covered := 0 // escapes before this lie in a run already looked at
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '%')
		if j < 0 {
			return out
		}
		p := i + j
		i = p + 1
		if p < covered || p+2 >= len(data) || !isHex(data[p+1]) || !isHex(data[p+2]) {
			continue
		}
		start := p
		for start > 0 && class[data[start-1]]&clsSpan != 0 {
			start--
		}
		end, decoded := start, 0
		for end < len(data) {
			if data[end] == '%' && end+2 < len(data) && isHex(data[end+1]) && isHex(data[end+2]) {
				end += 3
			} else if class[data[end]]&clsSpan != 0 {
				end++
			} else {
				break
			}
			decoded++
		}
		covered, i = end, max(i, end)
		if decoded < minSpanRun {
			continue
		}
		plain := percentDecode(data[start:end])
		if len(findCandidatesDepth(plain, accept, 1)) > 0 {
			out = append(out, candidate{start: start, end: end, kind: kindEncoded})
		}
	}
}

// percentDecode replaces each %XX escape in b by the byte it stands for.
func percentDecode(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '%' && i+2 < len(b) && isHex(b[i+1]) && isHex(b[i+2]) {
			out = append(out, unhex(b[i+1])<<4|unhex(b[i+2]))
			i += 2
			continue
		}
		out = append(out, b[i])
	}
	return out
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}

// findCandidatesProbing is findCandidates byte by byte: it probes every minSpanRun-th byte and
// walks the runs the probes land in.
func findCandidatesProbing(data []byte, accept func([]byte) bool) []candidate {
	var out []candidate
	n := len(data)
	i := 0
	for i+minSpanRun <= n {
		p := i + minSpanRun - 1
		if class[data[p]]&clsSpan == 0 {
			i = p + 1
			continue
		}
		// Walk back from the probe; a non-span byte means no long run covers [i, p].
		q := p - 1
		for q >= i && class[data[q]]&clsSpan != 0 {
			q--
		}
		if q >= i {
			i = q + 1
			continue
		}
		// data[i..p] is all span: find the whole run.
		start := i
		for start > 0 && class[data[start-1]]&clsSpan != 0 {
			start--
		}
		end := p + 1
		for end < n && class[data[end]]&clsSpan != 0 {
			end++
		}
		out = spanCandidates(data, start, end, accept, out, 0)
		i = end + 1
	}
	return out
}

// findCandidatesMasks is findCandidates from bitmasks of the byte classes, 64 bytes to a word.
// Files with keywords are full of base64 blobs, hashes and long identifiers, and walking their
// runs byte by byte, once for the span and again for its words, was a tenth of a scan. It finds
// what findCandidatesDepth does at depth 0: a plain candidate is a word run bounded by non-word
// bytes that is all [0-9A-Z] and 32 long, or all [0-9a-f] and at least 24 long; the masks give
// the ends of both with a few word operations per block, so only the rare runs that qualify, and
// the span runs that hold none (for the decoders), are looked at one by one. A span run right
// after a '%' may hold a percent-escape-glued token and is left to spanCandidates.
func findCandidatesMasks(data []byte, accept func([]byte) bool) []candidate {
	var (
		out   []candidate
		masks [4 * maskBlocks]uint64
		// The previous block's masks, for the runs that cross into this one: sK has a bit for
		// each byte ending a run of at least K span bytes.
		ps, ps2, ps4, ps8, ps24 uint64
		words                   wordMasks // of this block once it is worked out, else of an earlier one
		raw                     [3]uint64 // w, t and h of the previous block, when it was quiet
		stale                   bool      // words is older than that
		hexStart                int       // where the last good hex run before this block began
		spanStart, found        int       // the open long span run, and len(out) at its start
		pct                     bool      // it follows a '%'
	)
	n := len(data)
	chunk := maskChunk
	for base := 0; base <= n; base += 64 * chunk {
		// The block holding position n is classified too, partial or empty: a run ending at n
		// is seen at n, where its bytes stop, like any other.
		blocks := min(chunk, (n-base)/64+1)
		full := min(blocks, (n-base)/64)
		classify(data[base:base+64*full], masks[:4*full])
		if full < blocks {
			classifyTail(data[base+64*full:], (*[4]uint64)(masks[4*full:]))
		}
		for b := 0; b < blocks; b++ {
			m := (*[4]uint64)(masks[4*b:])
			s, w, t, h := m[0], m[1], m[2], m[3]
			pos := base + 64*b

			s2 := s & shl(s, ps, 1)
			s4 := s2 & shl(s2, ps2, 2)
			s8 := s4 & shl(s4, ps4, 4)
			s16 := s8 & shl(s8, ps8, 8)
			s24 := s16 & shl(s8, ps8, 16)
			spanBegin := s24 &^ shl(s24, ps24, 1) // minSpanRun-1 bytes into a long span run
			spanEnd := shl(s24, ps24, 1) &^ s24   // just past one
			ps, ps2, ps4, ps8, ps24 = s, s2, s4, s8, s24
			if s24|spanEnd == 0 {
				// A quiet block: no long span run here, so no candidate either, as in most
				// blocks of prose and code. Its word masks are worked out only if the next
				// block needs them.
				raw, stale = [3]uint64{w, t, h}, true
				continue
			}
			if stale {
				// The runs reaching the end of a quiet block are shorter than minSpanRun, so
				// they began in it: its masks worked out as if nothing came before it are
				// right in the bytes this block looks back at, and so is the hex carry.
				words = wordMasks{}
				words.next(raw[0], raw[1], raw[2])
				if words.gStart != 0 {
					hexStart = pos - 64 + 63 - bits.LeadingZeros64(words.gStart)
				}
				stale = false
			}
			words.next(w, t, h)

			for ev := spanBegin | spanEnd | words.tok | words.hex; ev != 0; ev &= ev - 1 {
				i := bits.TrailingZeros64(ev)
				bit := uint64(1) << i
				p := pos + i
				if spanBegin&bit != 0 {
					spanStart, found = p-(minSpanRun-1), len(out)
					pct = spanStart > 0 && data[spanStart-1] == '%'
					continue
				}
				if pct {
					// spanCandidates looks at the whole run when it ends.
				} else if words.tok&bit != 0 {
					if accept(data[p-tokenLen : p]) {
						out = append(out, candidate{start: p - tokenLen, end: p, kind: kindToken})
					}
				} else if words.hex&bit != 0 { // 32 digits are a token, as in spanCandidates
					start := hexStart
					if before := words.gStart & (bit - 1); before != 0 {
						start = pos + 63 - bits.LeadingZeros64(before)
					}
					out = append(out, candidate{start: start, end: p, kind: kindHex})
				}
				if spanEnd&bit != 0 {
					if pct {
						out = spanCandidates(data, spanStart, p, accept, out, 0)
					} else if len(out) == found {
						out = encodedCandidate(data, spanStart, p, accept, out, 0)
					}
				}
			}
			if words.gStart != 0 {
				hexStart = pos + 63 - bits.LeadingZeros64(words.gStart)
			}
		}
	}
	return out
}

// wordMasks are what findCandidatesMasks works out about the word runs of a 64-byte block, bit
// i for byte i. The next block needs them for the runs that cross into it.
type wordMasks struct {
	w, t, h uint64 // word, token and hexLo bytes
	// tK: the bytes ending a run of at least K token bytes; tStart: the first token byte
	// after a non-word byte.
	t2, t4, t8, t16, t32, tStart uint64
	// g: good hex bytes, those of runs of hexLo bytes not preceded by a word byte; gK like tK;
	// gStart: the first byte of each good run.
	g, g2, g4, g8, g24, gStart uint64
	carry                      uint64 // a run of bad hex bytes goes on into the next block
	tok, hex                   uint64 // the bytes just past a token or hex candidate
}

// next moves m on to the next block, whose masks are w, t and h.
func (m *wordMasks) next(w, t, h uint64) {
	p := *m
	// Token runs: 32 [0-9A-Z] bytes, a non-word byte on either side.
	t2 := t & shl(t, p.t, 1)
	t4 := t2 & shl(t2, p.t2, 2)
	t8 := t4 & shl(t4, p.t4, 4)
	t16 := t8 & shl(t8, p.t8, 8)
	t32 := t16 & shl(t16, p.t16, 16)
	tStart := t &^ shl(w, p.w, 1)
	m.tok = shl(t32, p.t32, 1) & shl(tStart, p.tStart, tokenLen) &^ w
	m.t, m.t2, m.t4, m.t8, m.t16, m.t32, m.tStart = t, t2, t4, t8, t16, t32, tStart
	// Hex runs: a run of hexLo bytes is a whole word only when the byte before it is not a
	// word byte. Adding a bit at the start of each run preceded by one carries through the run
	// and clears it, leaving the good runs.
	bad := h &^ shl(h, p.h, 1) & shl(w, p.w, 1)
	sum, carry := bits.Add64(h, bad, p.carry)
	g := h & sum
	g2 := g & shl(g, p.g, 1)
	g4 := g2 & shl(g2, p.g2, 2)
	g8 := g4 & shl(g4, p.g4, 4)
	g16 := g8 & shl(g8, p.g8, 8)
	g24 := g16 & shl(g8, p.g8, 16)
	m.gStart = g &^ shl(g, p.g, 1)
	m.hex = shl(g24, p.g24, 1) &^ w
	m.g, m.g2, m.g4, m.g8, m.g24, m.carry = g, g2, g4, g8, g24, carry
	m.w, m.h = w, h
}

// shl shifts the mask x of a block left by k bits, bringing in the top bits of the mask prev of
// the block before: bit i of the result is about the byte k before byte i.
func shl(x, prev uint64, k uint) uint64 {
	return x<<k | prev>>(64-k)
}

// maskBlocks is how many 64-byte blocks findCandidatesMasks classifies at a time: 4 KiB of
// text, and 2 KiB of masks on the stack.
const maskBlocks = 64

// maskChunk is maskBlocks; tests make it smaller, so that runs cross chunks.
var maskChunk = maskBlocks

// classify sets masks[4*i:4*i+4] to the masks of the span, word, token and hexLo bytes in the
// 64-byte block data[64*i:], bit j for byte j; len(data) is 16 times len(masks). Without AVX2 it
// runs only in tests, which check the bitmasks on any machine.
func classify(data []byte, masks []uint64) {
	if len(masks) == 0 {
		return
	}
	if useClassAVX2 {
		classifyAVX2(&data[0], len(masks)/4, &nibbleClass, &masks[0])
		return
	}
	for i := 0; i < len(masks); i += 4 {
		classifyBlock((*[64]byte)(data[16*i:]), (*[4]uint64)(masks[i:]))
	}
}

// classifyTail sets m to the masks of at most 64 bytes of data, as classify does; the bytes
// past its end count as none of the classes, as NUL does.
func classifyTail(data []byte, m *[4]uint64) {
	var block [64]byte
	copy(block[:], data)
	classifyBlock(&block, m)
}

// classifyBlock sets m to the masks of the 64 bytes b without AVX2.
func classifyBlock(b *[64]byte, m *[4]uint64) {
	var s, w, t, h uint64
	for j := 0; j < 64; j += 8 {
		// Eight bytes' classes side by side; a multiplication gathers one bit of each into the
		// top byte, in order.
		x := uint64(class[b[j]]) | uint64(class[b[j+1]])<<8 | uint64(class[b[j+2]])<<16 | uint64(class[b[j+3]])<<24 |
			uint64(class[b[j+4]])<<32 | uint64(class[b[j+5]])<<40 | uint64(class[b[j+6]])<<48 | uint64(class[b[j+7]])<<56
		const ones, gather = 0x0101010101010101, 0x0102040810204080
		s |= (x & ones * gather >> 56) << j
		w |= (x >> 1 & ones * gather >> 56) << j
		t |= (x >> 2 & ones * gather >> 56) << j
		h |= (x >> 3 & ones * gather >> 56) << j
	}
	*m = [4]uint64{s, w, t, h}
}

// nibbleClass splits the span bytes into eight sets, one per bit, each all the bytes whose high
// nibble is in one set and low nibble in another, so that the set of a byte is the AND of two
// table lookups (VPSHUFB), by its low nibble (nibbleClass[0]) and by its high one
// (nibbleClass[1]). nibbleClass[2] and [3] are the sets of token and of hexLo bytes. Each row is
// 16 bytes repeated for both 128-bit lanes. The non-word bytes + - / are bit 7, so the word bytes
// are those whose set is above zero as a signed byte.
var nibbleClass = func() (t [4][32]byte) {
	sets := []string{"0123456789", "ABCDEFGHIJKLMNO", "PQRSTUVWXYZ", "abcdef", "ghijklmno", "pqrstuvwxyz", "_", "+-/"}
	for bit, set := range sets {
		for _, c := range []byte(set) {
			t[0][c&15] |= 1 << bit
			t[1][c>>4] |= 1 << bit
		}
	}
	for i := range 16 {
		t[2][i] = 0b0000_0111 // 0-9, A-O, P-Z
		t[3][i] = 0b0000_1001 // 0-9, a-f
	}
	for i := range t {
		copy(t[i][16:], t[i][:16])
	}
	return t
}()

// spanCandidates inspects one maximal span run data[start:end].
func spanCandidates(data []byte, start, end int, accept func([]byte) bool, out []candidate, depth int) []candidate {
	found := len(out)
	// Word runs inside the span (split on + / -) are where \b-bounded secrets live.
	w := start
	for w < end {
		for w < end && class[data[w]]&clsWord == 0 {
			w++
		}
		we := w
		upper, hexLo := true, true
		for we < end && class[data[we]]&clsWord != 0 {
			k := class[data[we]]
			upper = upper && k&clsToken != 0
			hexLo = hexLo && k&clsHexLo != 0
			we++
		}
		switch l := we - w; {
		case l == tokenLen && upper:
			if accept(data[w:we]) {
				out = append(out, candidate{start: w, end: we, kind: kindToken})
			}
		case l == tokenLen+2 && w > 0 && data[w-1] == '%' && isHex(data[w]) && isHex(data[w+1]) && allToken(data[w+2:we]):
			// percent-encoded separator glued to the token: cpanel%20bob%3ATOKEN
			if accept(data[w+2 : we]) {
				out = append(out, candidate{start: w + 2, end: we, kind: kindToken | kindEncoded})
			}
		case l >= minHexRun && hexLo:
			out = append(out, candidate{start: w, end: we, kind: kindHex})
		}
		w = we
	}
	if len(out) > found || depth >= maxDecode {
		return out
	}
	return encodedCandidate(data, start, end, accept, out, depth)
}

// encodedCandidate adds the span run data[start:end] as an encoded candidate when it decodes to
// text holding a candidate; for runs that hold no plain one.
func encodedCandidate(data []byte, start, end int, accept func([]byte) bool, out []candidate, depth int) []candidate {
	// Encoded text: only worth decoding when long enough to hold a token.
	runEnd := end
	for runEnd < len(data) && runEnd-end < 2 && data[runEnd] == '=' {
		runEnd++
	}
	if runEnd-start < minB64Run || runEnd-start > maxB64Run {
		return out
	}
	if decodedHasCandidate(data[start:runEnd], accept, depth) {
		out = append(out, candidate{start: start, end: runEnd, kind: kindEncoded})
	}
	return out
}

// decodedHasCandidate decodes a run as base64 (standard or URL alphabet) or hex and reports
// whether the decoded text holds a candidate of its own.
func decodedHasCandidate(run []byte, accept func([]byte) bool, depth int) bool {
	b64 := mayDecodeToRun(run, false) // the same for both alphabets
	for i, dec := range decoders {
		if i == hexDecoder && !mayDecodeToRun(run, true) || i != hexDecoder && !b64 {
			continue
		}
		plain, ok := dec(run)
		if !ok || len(plain) < minHexRun {
			continue
		}
		if len(findCandidatesDepth(plain, accept, depth+1)) > 0 {
			return true
		}
	}
	return false
}

func findCandidatesDepth(data []byte, accept func([]byte) bool, depth int) []candidate {
	var out []candidate
	n := len(data)
	for i := 0; i < n; {
		if class[data[i]]&clsSpan == 0 {
			i++
			continue
		}
		end := i
		for end < n && class[data[end]]&clsSpan != 0 {
			end++
		}
		if end-i >= minSpanRun {
			out = spanCandidates(data, i, end, accept, out, depth)
		}
		i = end
	}
	return out
}

// mayDecodeToRun reports whether decoding run could give minSpanRun consecutive ASCII bytes,
// without decoding it: every candidate needs that many span characters in a row. In base64 (either
// alphabet) a 4-character group decodes to three ASCII bytes only when its first character's
// value is below 32 and bit 3 of the second's and bit 1 of the third's are clear; minSpanRun
// bytes in a row need minSpanRun/3-1 such groups in a row. In hex a byte is ASCII only when its
// first digit is 0-7 (and a run with an odd length or a byte that is no hex digit does not
// decode at all). Random base64 (lock-file hashes) passes one group in eight, so this rejects
// it long before the decoder would have run. Each window of groups is tested from its last group
// back: most fail at once, and then no window holding that group can pass, so the search moves
// past it; in files full of base64 this test was the prefilter's largest cost.
func mayDecodeToRun(run []byte, hexRun bool) bool {
	if hexRun {
		if len(run)%2 != 0 {
			return false
		}
		for j := 0; 2*(j+minSpanRun) <= len(run); {
			k := j + minSpanRun - 1
			for ; k >= j; k-- {
				if c := run[2*k]; c < '0' || c > '7' {
					if !isHex(c) {
						return false
					}
					break
				}
			}
			if k < j {
				return true
			}
			j = k + 1
		}
		return false
	}
	const need = minSpanRun/3 - 1
	for j := 0; 4*(j+need) <= len(run); {
		k := j + need - 1
		for k >= j && b64Value[run[4*k]] < 32 && b64Value[run[4*k+1]]&8 == 0 && b64Value[run[4*k+2]]&2 == 0 {
			k--
		}
		if k < j {
			return true
		}
		j = k + 1
	}
	return false
}

// b64Value is a character's value in base64, the standard and the URL alphabet (their values
// differ only in the characters for 62 and 63, whose bits are the same); other bytes get 0xff.
var b64Value = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	const std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	for i := 0; i < len(std); i++ {
		t[std[i]] = byte(i)
	}
	t['-'], t['_'] = 62, 63
	return t
}()

const hexDecoder = 2 // index of the hex decoder in decoders

var decoders = []func([]byte) ([]byte, bool){
	func(b []byte) ([]byte, bool) { return decodeB64(base64.StdEncoding, base64.RawStdEncoding, b) },
	func(b []byte) ([]byte, bool) { return decodeB64(base64.URLEncoding, base64.RawURLEncoding, b) },
	func(b []byte) ([]byte, bool) {
		if len(b)%2 != 0 {
			return nil, false
		}
		out := make([]byte, len(b)/2)
		if _, err := hex.Decode(out, b); err != nil {
			return nil, false
		}
		return out, true
	},
}

func decodeB64(padded, raw *base64.Encoding, b []byte) ([]byte, bool) {
	enc := raw
	if bytes.HasSuffix(b, []byte("=")) {
		enc = padded
	}
	out := make([]byte, enc.DecodedLen(len(b)))
	n, err := enc.Decode(out, b)
	if err != nil {
		return nil, false
	}
	return out[:n], true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f'
}

func allToken(b []byte) bool {
	for _, c := range b {
		if class[c]&clsToken == 0 {
			return false
		}
	}
	return true
}
