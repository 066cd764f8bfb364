package detect

import (
	"encoding/base64"
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

// denseText returns n files of about size bytes each of the text findCandidates works hardest
// on, that of files holding a keyword: base64 blobs (certificates, Kubernetes Secrets, lock-file
// hashes), upper- and lower-case hex, token-shaped values, long identifiers and some prose.
func denseText(n, size int) [][]byte {
	r := rand.New(rand.NewPCG(13, 17))
	pick := func(alpha string, k int) string {
		b := make([]byte, k)
		for i := range b {
			b[i] = alpha[r.IntN(len(alpha))]
		}
		return string(b)
	}
	const upper = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	blob := func(k int) string {
		b := make([]byte, k)
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		return base64.StdEncoding.EncodeToString(b)
	}
	words := strings.Fields("the token for this account is stored in the vault and rotated every ninety days by the deploy job see docs")
	idents := strings.Fields("cpanelApiTokenRotationSchedule remote_access_key_provider WHM_ACCESS_HASH_FILE_PATH getAuthorizationHeaderValue kubernetes_secret_manifest_template")
	files := make([][]byte, n)
	for f := range files {
		var b strings.Builder
		for b.Len() < size {
			switch x := r.IntN(100); {
			case x < 15:
				// PEM-style, wrapped
				s := blob(300 + r.IntN(1200))
				for len(s) > 64 {
					b.WriteString(s[:64] + "\n")
					s = s[64:]
				}
				b.WriteString(s + "\n")
			case x < 30:
				fmt.Fprintf(&b, "  %s: %s\n", idents[r.IntN(len(idents))], blob(16+r.IntN(200)))
			case x < 40:
				fmt.Fprintf(&b, "    \"integrity\": \"sha512-%s\",\n", blob(64))
			case x < 50:
				fmt.Fprintf(&b, "checksum %s  %s\n", pick("0123456789ABCDEF", []int{32, 40, 64}[r.IntN(3)]), pick("0123456789abcdef", []int{40, 64}[r.IntN(2)]))
			case x < 55:
				fmt.Fprintf(&b, "%s=%s\n", idents[r.IntN(len(idents))], pick(upper, 32))
			case x < 60:
				fmt.Fprintf(&b, "  token: %s\n", base64.StdEncoding.EncodeToString([]byte("cpanel bob:"+pick(upper, 32))))
			case x < 80:
				for k := 0; k < 4; k++ {
					fmt.Fprintf(&b, "%s.%s(%s_%d) ", idents[r.IntN(len(idents))], idents[r.IntN(len(idents))], idents[r.IntN(len(idents))], r.IntN(1000))
				}
				b.WriteString("\n")
			default:
				b.WriteString("# ")
				for k := 0; k < 12; k++ {
					b.WriteString(words[r.IntN(len(words))] + " ")
				}
				b.WriteString("\n")
			}
		}
		files[f] = []byte(b.String())
	}
	return files
}

// BenchmarkFindCandidates compares the prefilter's ways on dense text in the same run: probing
// (what runs without AVX2), and bitmasks classified with AVX2 (what runs with it) or in Go.
func BenchmarkFindCandidates(b *testing.B) {
	files := denseText(256, 16<<10)
	size := totalSize(files)
	d := newDetector(b)
	d.mustPrepare()
	run := func(name string, find func([]byte, func([]byte) bool) []candidate) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				for _, f := range files {
					find(f, d.acceptValue)
				}
			}
		})
	}
	run("probing", findCandidatesProbing)
	saved := useClassAVX2
	defer func() { useClassAVX2 = saved }()
	if saved {
		run("masks-avx2", findCandidatesMasks)
	}
	useClassAVX2 = false
	run("masks-go", findCandidatesMasks)
}
