package audit

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// toAny converts the reader's tree to what encoding/json produces with UseNumber, so the two
// readers can be compared value for value.
func toAny(v *jsonValue) any {
	switch v.kind {
	case jsonNull:
		return nil
	case jsonBool:
		return v.b
	case jsonNumber:
		return json.Number(v.s)
	case jsonString:
		return v.s
	case jsonArray:
		out := make([]any, 0, len(v.items))
		for _, item := range v.items {
			out = append(out, toAny(item))
		}
		return out
	default:
		out := make(map[string]any)
		for _, m := range v.members {
			out[m.key] = toAny(m.val) // last key wins, like encoding/json
		}
		return out
	}
}

func stdDecode(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("data after the value")
	}
	return v, nil
}

// compareWithStd checks that the reader accepts what encoding/json accepts and yields the same
// value. The reader is deliberately stricter in three places: invalid UTF-8 (encoding/json
// replaces it), nesting beyond maxJSONDepth, and a document that starts like HTML.
func compareWithStd(t *testing.T, data []byte) {
	t.Helper()
	want, stdErr := stdDecode(data)
	got, err := parseJSON(data)
	if stdErr != nil {
		if err == nil {
			t.Fatalf("reader accepted what encoding/json rejects (%v): %q", stdErr, data)
		}
		return
	}
	if err != nil {
		if !utf8.Valid(data) || strings.Contains(err.Error(), "nested deeper") || strings.Contains(err.Error(), "HTML") {
			return
		}
		t.Fatalf("reader rejected valid JSON %q: %v", data, err)
	}
	if g := toAny(got); !reflect.DeepEqual(g, want) {
		t.Fatalf("reader and encoding/json disagree on %q:\n got  %#v\n want %#v", data, g, want)
	}
}

var jsonSamples = []string{
	`{}`, `[]`, `null`, `true`, `false`, `0`, `-0`, `1.5e-3`, `-12.0E+2`, `"x"`,
	`{"a":1,"a":2}`, ` [1, "2", [null, {"b": false}]] `,
	`"\u00e9\ud83d\ude00\"\\\/\b\f\n\r\t"`, `"\ud800"`, `"\ud800\u0041"`, `"\udc00x"`,
	`01`, `1.`, `.5`, `-`, `1e`, `+1`, `[1,]`, `{"a":1,}`, `{"a" 1}`, `{a:1}`, `[1 2]`, `"\x"`,
	"\"a\tb\"", `"\u12"`, `{"a":1}x`, `[`, `{"a":`, `tru`, `nul`, `"abc`, "\"\xff\"",
	`<html>`, `{"schema":"tokenscan.audit/v1"}`,
}

func TestReaderMatchesEncodingJSON(t *testing.T) {
	for _, s := range jsonSamples {
		compareWithStd(t, []byte(s))
	}
}

func FuzzReader(f *testing.F) {
	for _, s := range jsonSamples {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		compareWithStd(t, data)
	})
}

func FuzzWriterQuote(f *testing.F) {
	for _, s := range []string{"", "plain", "quote\" back\\slash", "\x00\x1f\n\t", "é😀", "\u2028\u2029", "bad\xff utf8", "<script>&"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w := &jsonWriter{}
		w.str(s)
		var back string
		if err := json.Unmarshal(w.b, &back); err != nil {
			t.Fatalf("writer produced invalid JSON %q for %q: %v", w.b, s, err)
		}
		// encoding/json is the reference for invalid UTF-8: one U+FFFD per bad byte.
		std, _ := json.Marshal(s)
		var want string
		if err := json.Unmarshal(std, &want); err != nil {
			t.Fatal(err)
		}
		if back != want {
			t.Fatalf("round trip %q -> %q -> %q", s, w.b, back)
		}
	})
}

func TestWriterStructure(t *testing.T) {
	w := &jsonWriter{}
	w.beginObject()
	w.key("a")
	w.beginArray()
	w.num(1)
	w.str("two")
	w.beginObject()
	w.endObject()
	w.null()
	w.boolean(true)
	w.endArray()
	w.key("b")
	w.strings(nil)
	w.key("c")
	w.strings([]string{"x", "y"})
	w.endObject()
	const want = `{"a":[1,"two",{},null,true],"b":[],"c":["x","y"]}`
	if string(w.b) != want {
		t.Fatalf("got  %s\nwant %s", w.b, want)
	}
}
