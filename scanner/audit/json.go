package audit

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// This file is a small JSON reader and writer. encoding/json would bring reflect and fmt into the
// extension's WebAssembly module: measured, it adds ~0.3 MB gzip, a third of the size budget, for
// what is here a few hundred lines. The reader builds a generic tree, which also suits the lenient
// reading cPanel needs (1, "1" and true all mean yes).

type jsonKind uint8

const (
	jsonNull jsonKind = iota
	jsonBool
	jsonNumber
	jsonString
	jsonArray
	jsonObject
)

func (k jsonKind) String() string {
	switch k {
	case jsonNull:
		return "null"
	case jsonBool:
		return "a boolean"
	case jsonNumber:
		return "a number"
	case jsonString:
		return "a string"
	case jsonArray:
		return "an array"
	default:
		return "an object"
	}
}

// jsonValue is one parsed value. Numbers keep their literal text so that integers beyond 2^53
// are not rounded before the caller decides what they mean.
type jsonValue struct {
	kind    jsonKind
	b       bool
	s       string // string value, or number literal
	items   []*jsonValue
	members []jsonMember // in document order
}

type jsonMember struct {
	key string
	val *jsonValue
}

// get returns the value of key, the last one if the key repeats (as JSON.parse and encoding/json
// do, so that the extension's JavaScript and this reader agree on what a document says).
func (v *jsonValue) get(key string) *jsonValue {
	if v == nil || v.kind != jsonObject {
		return nil
	}
	for i := len(v.members) - 1; i >= 0; i-- {
		if v.members[i].key == key {
			return v.members[i].val
		}
	}
	return nil
}

// isNull reports whether v is absent or JSON null.
func (v *jsonValue) isNull() bool { return v == nil || v.kind == jsonNull }

// maxJSONDepth bounds nesting so that hostile input cannot exhaust the (small, in wasm) stack.
const maxJSONDepth = 64

type jsonParser struct {
	data  string
	pos   int
	depth int
	// Values come from slabs and containers are built on shared stacks and copied out at their
	// exact size: far fewer allocations than one per value and a slice grown element by element.
	slab    []jsonValue
	items   []*jsonValue
	members []jsonMember
}

// newValue hands out the next value from the current slab.
func (p *jsonParser) newValue(kind jsonKind) *jsonValue {
	if len(p.slab) == cap(p.slab) {
		// Enough for a typical token list in one slab; later slabs grow with the document.
		p.slab = make([]jsonValue, 0, max(64, min(len(p.data)/16, 4096)))
	}
	p.slab = append(p.slab, jsonValue{kind: kind})
	return &p.slab[len(p.slab)-1]
}

// parseJSON parses exactly one JSON value with optional surrounding whitespace.
func parseJSON(data []byte) (*jsonValue, error) {
	p := &jsonParser{data: string(data)}
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == '<' {
		return nil, errors.New("got HTML, not JSON (an expired cPanel session answers with its login page)")
	}
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos != len(p.data) {
		return nil, p.errorf("unexpected data after the JSON value")
	}
	return v, nil
}

func (p *jsonParser) errorf(msg string) error {
	return errors.New("invalid JSON at offset " + strconv.Itoa(p.pos) + ": " + msg)
}

func (p *jsonParser) skipSpace() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *jsonParser) value() (*jsonValue, error) {
	if p.pos >= len(p.data) {
		return nil, p.errorf("unexpected end of input")
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		v := p.newValue(jsonString)
		v.s = s
		return v, nil
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	case strings.HasPrefix(p.data[p.pos:], "true"):
		p.pos += 4
		v := p.newValue(jsonBool)
		v.b = true
		return v, nil
	case strings.HasPrefix(p.data[p.pos:], "false"):
		p.pos += 5
		return p.newValue(jsonBool), nil
	case strings.HasPrefix(p.data[p.pos:], "null"):
		p.pos += 4
		return p.newValue(jsonNull), nil
	default:
		return nil, p.errorf("unexpected character " + strconv.QuoteRune(rune(c)))
	}
}

func (p *jsonParser) enter() error {
	p.depth++
	if p.depth > maxJSONDepth {
		return p.errorf("nested deeper than " + strconv.Itoa(maxJSONDepth) + " levels")
	}
	return nil
}

func (p *jsonParser) object() (*jsonValue, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	p.pos++ // {
	v := p.newValue(jsonObject)
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		return v, nil
	}
	base := len(p.members) // on an error the parse is abandoned, so only success pops the stack
	for {
		p.skipSpace()
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return nil, p.errorf("want a quoted object key")
		}
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		p.skipSpace()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return nil, p.errorf("want ':' after object key")
		}
		p.pos++
		p.skipSpace()
		val, err := p.value()
		if err != nil {
			return nil, err
		}
		p.members = append(p.members, jsonMember{key: key, val: val})
		p.skipSpace()
		if p.pos >= len(p.data) {
			return nil, p.errorf("unexpected end of input in object")
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case '}':
			p.pos++
			v.members = append([]jsonMember(nil), p.members[base:]...)
			p.members = p.members[:base]
			return v, nil
		default:
			return nil, p.errorf("want ',' or '}' in object")
		}
	}
}

func (p *jsonParser) array() (*jsonValue, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	p.pos++ // [
	v := p.newValue(jsonArray)
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		return v, nil
	}
	base := len(p.items) // on an error the parse is abandoned, so only success pops the stack
	for {
		p.skipSpace()
		item, err := p.value()
		if err != nil {
			return nil, err
		}
		p.items = append(p.items, item)
		p.skipSpace()
		if p.pos >= len(p.data) {
			return nil, p.errorf("unexpected end of input in array")
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case ']':
			p.pos++
			v.items = append([]*jsonValue(nil), p.items[base:]...)
			p.items = p.items[:base]
			return v, nil
		default:
			return nil, p.errorf("want ',' or ']' in array")
		}
	}
}

// number checks the JSON number grammar and keeps the literal.
func (p *jsonParser) number() (*jsonValue, error) {
	start := p.pos
	digits := func() int {
		n := 0
		for p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
			p.pos++
			n++
		}
		return n
	}
	if p.data[p.pos] == '-' {
		p.pos++
	}
	intStart := p.pos
	if digits() == 0 {
		return nil, p.errorf("malformed number")
	}
	if p.data[intStart] == '0' && p.pos-intStart > 1 {
		return nil, p.errorf("number with leading zero")
	}
	if p.pos < len(p.data) && p.data[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			return nil, p.errorf("malformed number")
		}
	}
	if p.pos < len(p.data) && (p.data[p.pos] == 'e' || p.data[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.data) && (p.data[p.pos] == '+' || p.data[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			return nil, p.errorf("malformed number exponent")
		}
	}
	v := p.newValue(jsonNumber)
	v.s = p.data[start:p.pos]
	return v, nil
}

// str reads a quoted string. Invalid UTF-8 is an error rather than silently replaced: a token
// name that changed on the way would no longer match the page or the inventory.
func (p *jsonParser) str() (string, error) {
	p.pos++ // opening quote
	start := p.pos
	// Fast path: no escapes.
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if c == '"' {
			s := p.data[start:p.pos]
			if !utf8.ValidString(s) {
				return "", p.errorf("invalid UTF-8 in string")
			}
			p.pos++
			return s, nil
		}
		if c == '\\' || c < 0x20 {
			break
		}
		p.pos++
	}
	var b strings.Builder
	b.WriteString(p.data[start:p.pos])
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			s := b.String()
			if !utf8.ValidString(s) {
				return "", p.errorf("invalid UTF-8 in string")
			}
			return s, nil
		case c < 0x20:
			return "", p.errorf("control character in string")
		case c != '\\':
			b.WriteByte(c)
			p.pos++
			continue
		}
		p.pos++ // backslash
		if p.pos >= len(p.data) {
			break
		}
		e := p.data[p.pos]
		p.pos++
		switch e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, ok := p.hex4()
			if !ok {
				return "", p.errorf("malformed \\u escape")
			}
			if utf16.IsSurrogate(r) {
				// A high surrogate pairs with an escaped low one that follows; any other half is
				// replaced (JavaScript strings may carry lone halves), as encoding/json does.
				pair := utf8.RuneError
				if r < 0xdc00 && strings.HasPrefix(p.data[p.pos:], "\\u") {
					save := p.pos
					p.pos += 2
					if lo, ok := p.hex4(); ok && lo >= 0xdc00 && lo <= 0xdfff {
						pair = utf16.DecodeRune(r, lo)
					} else {
						p.pos = save
					}
				}
				r = pair
			}
			b.WriteRune(r)
		default:
			return "", p.errorf("unknown escape \\" + string(rune(e)))
		}
	}
	return "", p.errorf("unterminated string")
}

func (p *jsonParser) hex4() (rune, bool) {
	if p.pos+4 > len(p.data) {
		return 0, false
	}
	var r rune
	for _, c := range []byte(p.data[p.pos : p.pos+4]) {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	p.pos += 4
	return r, true
}

// jsonWriter builds compact JSON. Callers write keys and values in a fixed order, which is what
// makes the audit output deterministic.
type jsonWriter struct {
	b          []byte
	first      []bool // per open container: no element written yet
	pendingKey bool   // a key was written: the next value needs no separator
}

func (w *jsonWriter) sep() {
	if n := len(w.first); n > 0 {
		if !w.first[n-1] {
			w.b = append(w.b, ',')
		}
		w.first[n-1] = false
	}
}

func (w *jsonWriter) open(c byte) {
	w.value()
	w.b = append(w.b, c)
	w.first = append(w.first, true)
}

func (w *jsonWriter) close(c byte) {
	w.b = append(w.b, c)
	w.first = w.first[:len(w.first)-1]
}

func (w *jsonWriter) beginObject() { w.open('{') }
func (w *jsonWriter) endObject()   { w.close('}') }
func (w *jsonWriter) beginArray()  { w.open('[') }
func (w *jsonWriter) endArray()    { w.close(']') }

// key writes an object key; the value that follows must not add a separator of its own. Keys are
// the schema's own names (lower-case ASCII and '_', checked by a test), so they are not escaped.
// Not inlined: its dozens of call sites would each grow by a copy, and in the extension every byte
// of code is validated at start-up and compiled on first call.
//
//go:noinline
func (w *jsonWriter) key(k string) {
	w.sep()
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':')
	w.pendingKey = true
}

// value prepares for a value: after a key nothing, inside an array a separator if needed.
func (w *jsonWriter) value() {
	if w.pendingKey {
		w.pendingKey = false
		return
	}
	w.sep()
}

func (w *jsonWriter) str(s string) {
	w.value()
	w.quote(s)
}

func (w *jsonWriter) num(n int64) {
	w.value()
	w.b = strconv.AppendInt(w.b, n, 10)
}

func (w *jsonWriter) boolean(v bool) {
	w.value()
	w.b = strconv.AppendBool(w.b, v)
}

func (w *jsonWriter) null() {
	w.value()
	w.b = append(w.b, "null"...)
}

func (w *jsonWriter) strings(list []string) {
	w.beginArray()
	for _, s := range list {
		w.str(s)
	}
	w.endArray()
}

const hexDigits = "0123456789abcdef"

// quote escapes like encoding/json minus HTML escaping, plus U+2028/U+2029 so the output is
// also safe to paste into JavaScript source. Runs of safe bytes are copied in one append: the
// output is mostly long plain-language messages.
func (w *jsonWriter) quote(s string) {
	w.b = append(w.b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			w.b = append(w.b, s[start:i]...)
			switch c {
			case '"', '\\':
				w.b = append(w.b, '\\', c)
			case '\n':
				w.b = append(w.b, '\\', 'n')
			case '\r':
				w.b = append(w.b, '\\', 'r')
			case '\t':
				w.b = append(w.b, '\\', 't')
			default:
				w.b = append(w.b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			w.b = append(w.b, s[start:i]...)
			w.b = append(w.b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			w.b = append(w.b, s[start:i]...)
			w.b = append(w.b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	w.b = append(w.b, s[start:]...)
	w.b = append(w.b, '"')
}
