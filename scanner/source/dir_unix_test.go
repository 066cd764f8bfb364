//go:build unix

package source

import (
	"context"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"
)

func TestDirFIFOIsSkippedNotOpened(t *testing.T) {
	root := t.TempDir()
	// Opening a FIFO for reading blocks until a writer appears: if Dir or Read opened it,
	// this test would hang rather than pass.
	if err := syscall.Mkfifo(filepath.Join(root, "pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, root, "z.txt", "z")
	got := collectUnits(t, func(emit func(Unit) error) error {
		return Dir(context.Background(), root, Options{}, emit)
	})
	want := []unitResult{
		{Path: "pipe", Skip: ReasonNotRegular, Lines: "all"},
		{Path: "z.txt", Content: "z", Lines: "all"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
