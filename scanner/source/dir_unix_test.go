//go:build unix

package source

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
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

// TestReadRegularFileWithoutSize: a file that reports no size (procfs, sysfs) is read to its
// end, not taken for empty: reading stops at the measured size only when there is one.
func TestReadRegularFileWithoutSize(t *testing.T) {
	const name = "/proc/self/status"
	if fi, err := os.Stat(name); err != nil || fi.Size() != 0 {
		t.Skip("no procfs file reporting size 0 here")
	}
	data, err := readRegularFile(name, "status", 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "Pid:") {
		t.Fatalf("read %d bytes of %s: %q", len(data), name, data)
	}
}

// TestReadRegularFileReadsWhatWasMeasured: a file is read whole, at its measured size, across
// buffer sizes around the pools' and the binary sniff's boundaries.
func TestReadRegularFileReadsWhatWasMeasured(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []int{0, 1, 4095, 4096, 4097, binarySniffLen - 1, binarySniffLen, binarySniffLen + 1, 100000} {
		want := strings.Repeat("a", n)
		p := filepath.Join(dir, fmt.Sprint(n))
		if err := os.WriteFile(p, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := readRegularFile(p, p, 1<<20)
		if err != nil || string(got) != want {
			t.Fatalf("%d bytes: read %d, %v", n, len(got), err)
		}
	}
}
