package detect

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
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
	for i, dec := range decoders {
		if !mayDecodeToRun(run, i == hexDecoder) {
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
// first digit is 0-7. Random base64 (lock-file hashes) passes one group in eight, so this
// rejects it long before the decoder would have run.
func mayDecodeToRun(run []byte, hexRun bool) bool {
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
