package source

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// BenchmarkDirWalk walks a generated tree of 20,000 text files (about 90 MB in 200 directories)
// the way the scanner does: the walk emits Units, GOMAXPROCS workers call Read. MB/s is the
// reading throughput of walk plus reads, from the page cache after the first pass.
func BenchmarkDirWalk(b *testing.B) {
	const dirs, filesPerDir = 200, 100
	root := b.TempDir()
	line := "export CPANEL_HOST=server.example.com # some configuration text to fill lines\n"
	var total int64
	for d := range dirs {
		dir := filepath.Join(root, fmt.Sprintf("pkg%03d", d), "src")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		for f := range filesPerDir {
			content := strings.Repeat(line, 10+(d*filesPerDir+f)%100) // 0.8 to 8 KB
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("file%03d.go", f)), []byte(content), 0o644); err != nil {
				b.Fatal(err)
			}
			total += int64(len(content))
		}
	}
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		units := make(chan Unit, 256)
		var wg sync.WaitGroup
		var mu sync.Mutex
		var read int64
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				var n int64
				for u := range units {
					data, err := u.Read()
					if err != nil {
						b.Error(err)
						continue
					}
					n += int64(len(data))
				}
				mu.Lock()
				read += n
				mu.Unlock()
			})
		}
		err := Dir(context.Background(), root, Options{}, func(u Unit) error {
			units <- u
			return nil
		})
		close(units)
		wg.Wait()
		if err != nil {
			b.Fatal(err)
		}
		if read != total {
			b.Fatalf("read %d bytes, want %d", read, total)
		}
	}
}
