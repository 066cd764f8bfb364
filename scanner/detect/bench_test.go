package detect

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/tokenscan/tokenscan/rules"
	glDetect "github.com/zricethezav/gitleaks/v8/detect"
)

// codeLike returns n files of about size bytes each of deterministic, code-shaped text with the
// decoys a real tree has (upper-case hex checksums, GUIDs, random IDs) and a token every few files.
func codeLike(n, size int) [][]byte {
	r := rand.New(rand.NewPCG(7, 11))
	const upper = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	const hexU = "0123456789ABCDEF"
	pick := func(alpha string, k int) string {
		b := make([]byte, k)
		for i := range b {
			b[i] = alpha[r.IntN(len(alpha))]
		}
		return string(b)
	}
	words := strings.Fields("func return if else for range err nil ctx user config handler request response value index count buffer client server token data result error string int bool map slice append len make")
	files := make([][]byte, n)
	for f := range files {
		var b strings.Builder
		for b.Len() < size {
			switch x := r.IntN(100); {
			case x < 2:
				fmt.Fprintf(&b, "\tchecksum := %q // md5\n", pick(hexU, 32))
			case x < 3:
				fmt.Fprintf(&b, "\tid = \"%s-%s-%s-%s-%s\"\n", pick(hexU, 8), pick(hexU, 4), pick(hexU, 4), pick(hexU, 4), pick(hexU, 12))
			case x < 4 && r.IntN(10) == 0:
				fmt.Fprintf(&b, "\tlicence := %q\n", pick(upper, 32))
			default:
				b.WriteString("\t")
				for k := 0; k < 6+r.IntN(6); k++ {
					b.WriteString(words[r.IntN(len(words))])
					b.WriteString([]string{" ", ".", "(", ", ", " := ", "_"}[r.IntN(6)])
				}
				b.WriteString("\n")
			}
		}
		if f%50 == 0 {
			fmt.Fprintf(&b, "curl -H 'Authorization: cpanel bob:%s' https://h.example.com:2083/execute/Tokens/list\n", pick(upper, 32))
		}
		files[f] = []byte(b.String())
	}
	return files
}

func totalSize(files [][]byte) int64 {
	var n int64
	for _, f := range files {
		n += int64(len(f))
	}
	return n
}

// BenchmarkScan measures tokenscan's detector against the gitleaks detector running the same
// rules on the same files, in the same run; compare the MB/s of the two sub-benchmarks.
func BenchmarkScan(b *testing.B) {
	files := codeLike(400, 16<<10)
	size := totalSize(files)
	ours, theirs := -1, -1 // -1: that sub-benchmark was filtered out
	b.Run("tokenscan", func(b *testing.B) {
		d := newDetector(b)
		b.SetBytes(size)
		for b.Loop() {
			ours = 0
			for i, f := range files {
				ours += len(d.Scan(fmt.Sprint(i), f))
			}
		}
	})
	b.Run("gitleaks-same-rules", func(b *testing.B) {
		cfg, err := rules.Default()
		if err != nil {
			b.Fatal(err)
		}
		gl := glDetect.NewDetector(cfg)
		gl.MaxDecodeDepth = 5
		b.SetBytes(size)
		for b.Loop() {
			theirs = 0
			for i, f := range files {
				theirs += len(gl.Detect(glDetect.Fragment{Raw: string(f), FilePath: fmt.Sprint(i)}))
			}
		}
	})
	if ours != -1 && theirs != -1 && ours != theirs {
		b.Fatalf("tokenscan found %d, gitleaks %d on the same files", ours, theirs)
	}
}
