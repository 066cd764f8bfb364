package source

import (
	"reflect"
	"testing"
)

func TestLineSet(t *testing.T) {
	tests := []struct {
		name     string
		ranges   []LineRange
		want     string
		len      int
		in, out  []int
		rangesOf []LineRange
	}{
		{name: "empty", want: "none", len: 0, out: []int{0, 1, 2}},
		{name: "single line", ranges: []LineRange{{3, 3}}, want: "3", len: 1, in: []int{3}, out: []int{2, 4}},
		{name: "unsorted, overlapping and adjacent ranges merge",
			ranges: []LineRange{{10, 12}, {1, 2}, {3, 4}, {11, 15}, {20, 20}},
			want:   "1-4,10-15,20", len: 11, in: []int{1, 4, 10, 15, 20}, out: []int{0, 5, 9, 16, 19, 21},
			rangesOf: []LineRange{{1, 4}, {10, 15}, {20, 20}}},
		{name: "contained range", ranges: []LineRange{{1, 10}, {2, 3}}, want: "1-10", len: 10, in: []int{1, 10}, out: []int{11}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := NewLineSet(tt.ranges...)
			if err != nil {
				t.Fatal(err)
			}
			if s.String() != tt.want || s.Len() != tt.len {
				t.Errorf("got %q (len %d), want %q (len %d)", s, s.Len(), tt.want, tt.len)
			}
			for _, l := range tt.in {
				if !s.Contains(l) {
					t.Errorf("does not contain %d", l)
				}
			}
			for _, l := range tt.out {
				if s.Contains(l) {
					t.Errorf("contains %d", l)
				}
			}
			if tt.rangesOf != nil && !reflect.DeepEqual(s.Ranges(), tt.rangesOf) {
				t.Errorf("Ranges() = %v, want %v", s.Ranges(), tt.rangesOf)
			}
		})
	}
}

func TestLineSetNilMeansAll(t *testing.T) {
	var s *LineSet
	if !s.Contains(1) || !s.Contains(1<<30) || s.Len() != -1 || s.String() != "all" || s.Ranges() != nil {
		t.Errorf("nil set: Contains(1)=%v Len=%d String=%q", s.Contains(1), s.Len(), s)
	}
}

func TestNewLineSetRejectsInvalidRanges(t *testing.T) {
	for _, r := range []LineRange{{0, 1}, {-1, 3}, {5, 4}} {
		if _, err := NewLineSet(LineRange{1, 2}, r); err == nil {
			t.Errorf("range %v accepted", r)
		}
	}
}
