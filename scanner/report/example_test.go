package report_test

import (
	"fmt"
	"os"
	"time"

	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/report"
)

// A CLI builds the Report from its scan, renders it in the chosen format and exits with the
// code that ExitCode derives from it.
func Example() {
	secret := fakeToken("DEMO")
	r := &report.Report{
		Tool: report.Tool{Name: "tokenscan", Version: "0.9.0"},
		Scan: report.Scan{Sources: []string{"dir:."}, Verify: true, Counts: report.Counts{Files: 12, Bytes: 40960}},
		Entries: []report.Entry{{
			Leak: finding.Leak{
				RuleID:      "cpanel-api-token",
				Secret:      secret,
				Fingerprint: finding.FingerprintOf(secret),
				Locations: []finding.Origin{{
					Source: "git", Path: ".env", Line: 3, Commit: "0123456789abcdef", Author: "Ann",
					Date: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC),
				}},
			},
			State: finding.StateLive,
		}},
	}
	format, err := report.ParseFormat("text")
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := report.Write(os.Stdout, format, r, report.Options{}); err != nil {
		fmt.Println(err)
	}
	fmt.Println("exit code:", report.ExitCode(r, nil))
	// Output:
	// tokenscan 0.9.0
	// scanned: dir:.
	// mode: verify
	//
	// DEMO****************************  cpanel-api-token  fingerprint e7fb84a910ab
	//   state:      live
	//   locations:  1
	//     .env:3  commit 0123456  Ann  2024-05-01
	//
	// 1 leak (1 live) in 1 location; scanned 12 files, 40.0 KiB
	// exit code: 1
}
