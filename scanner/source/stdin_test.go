package source

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

func TestStdin(t *testing.T) {
	tests := []struct {
		name    string
		input   string
		named   string
		max     int64
		want    []unitResult
		wantErr string
	}{
		{name: "default name", input: "TOKEN=abc\n", want: []unitResult{{Path: "<stdin>", Content: "TOKEN=abc\n", Lines: "all"}}},
		{name: "given name", input: "x", named: "paste.txt", want: []unitResult{{Path: "paste.txt", Content: "x", Lines: "all"}}},
		{name: "empty", input: "", want: []unitResult{{Path: "<stdin>", Lines: "all"}}},
		{name: "exactly the limit", input: "12345", max: 5, want: []unitResult{{Path: "<stdin>", Content: "12345", Lines: "all"}}},
		{name: "one byte over the limit is an error", input: "123456", max: 5, wantErr: "reading <stdin>: input is larger than the maximum file size of 5 bytes"},
		{name: "binary is skipped", input: "PK\x03\x04\x00\x00", want: []unitResult{{Path: "<stdin>", Skip: ReasonBinary, Lines: "all"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []unitResult
			var sizes []int64
			err := Stdin(strings.NewReader(tt.input), tt.named, Options{MaxFileSize: tt.max}, func(u Unit) error {
				if u.Origin.Source != SourceStdin {
					t.Errorf("source %q", u.Origin.Source)
				}
				sizes = append(sizes, u.Size)
				got = append(got, collectUnits(t, func(emit func(Unit) error) error { return emit(u) })...)
				return nil
			})
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				if len(got) != 0 {
					t.Errorf("emitted %+v despite the error", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
			if len(sizes) != 1 || sizes[0] != int64(len(tt.input)) {
				t.Errorf("sizes %v, want [%d]", sizes, len(tt.input))
			}
		})
	}
}

func TestStdinReadError(t *testing.T) {
	boom := errors.New("boom")
	err := Stdin(iotest.ErrReader(boom), "", Options{}, func(Unit) error {
		t.Error("emitted despite a read error")
		return nil
	})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "reading <stdin>") {
		t.Errorf("error %v, want it to wrap boom with context", err)
	}
}
