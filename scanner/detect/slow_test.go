package detect

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// The work Scan does on inputs that once grew quadratically is bounded: these are benchmarks,
// not timed tests (make bench runs them; compare n against 4n: the time should grow about 4x).
//
//	go test ./scanner/detect -run '^$' -bench 'ScanQuadratic' -benchtime 1x

func randomTokens(n int) []string {
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	out := make([]string, n)
	for i := range out {
		b := make([]byte, 32)
		for j := range b {
			b[j] = alphabet[r.IntN(len(alphabet))]
		}
		out[i] = string(b)
	}
	return out
}

func BenchmarkScanQuadratic(b *testing.B) {
	d := newDetector(b)
	hex64 := strings.Repeat("0123456789abcdef", 4)
	for _, n := range []int{500, 2000} {
		inputs := map[string]string{
			// A match of the multi-line access-hash rule runs to the window's end, and the
			// window grows until it stops.
			"hash-lines": "whm\nhash = '" + strings.Repeat(hex64+"\n", n),
		}
		var sb, sql, csv, tf, open, cr, b64 strings.Builder
		b64.WriteString("cpanel ")
		sql.WriteString("INSERT INTO `tblservers` VALUES ")
		csv.WriteString("cpanel,token\n")
		for i, tok := range randomTokens(n) {
			fmt.Fprintf(&sb, "Authorization: cpanel shop:%s ", tok)
			fmt.Fprintf(&sql, "(%d,'%s'),", i, tok)
			fmt.Fprintf(&csv, "%s,", tok)
			fmt.Fprintf(&tf, `variable "cpanel_token" { default = "%s"}`, tok)
			fmt.Fprintf(&open, "cpanel_token { x = 1\n value = %s\n", tok)
			fmt.Fprintf(&cr, "pass=%s :2083\r", tok)
			fmt.Fprintf(&b64, "%s ", base64.StdEncoding.EncodeToString([]byte("CPANEL_TOKEN="+tok)))
		}
		// Thousands of tokens on one line: each finding's target was read from the line's start.
		inputs["headers-one-line"] = sb.String()
		// The same on one line of a composite rule's wide step (an SQL dump, a CSV row) and of a
		// multi-line rule: gitleaks ran the line allowlists over the whole line per finding.
		inputs["sql-one-line"] = sql.String()
		inputs["csv-one-line"] = csv.String()
		inputs["tf-one-line"] = tf.String()
		// A multi-line rule matching every other line: every window grew to the end of the file.
		inputs["open-blocks"] = open.String()
		// Lines ended by a carriage return alone: one line for gitleaks, and one an allowlist
		// (an OTP key) allows.
		inputs["cr-lines"] = "totp_seed: X\r" + cr.String()
		// Encoded tokens on one line: the decoding flavour checked each decoded line.
		inputs["base64-one-line"] = b64.String()
		for name, in := range inputs {
			b.Run(fmt.Sprintf("%s/n=%d", name, n), func(b *testing.B) {
				for range b.N {
					d.Scan("f", []byte(in))
				}
			})
		}
	}
}
