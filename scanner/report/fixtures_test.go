package report_test

import (
	"strings"
	"time"

	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/report"
)

// fakeToken builds a value of the real token shape (32 characters of [0-9A-Z]) at run time, so
// no token-shaped literal sits in the source for our own scanners to trip over.
func fakeToken(tag string) string {
	return tag + strings.Repeat("X", 32-len(tag))
}

var (
	started  = time.Date(2025, 3, 14, 9, 26, 53, 0, time.UTC)
	finished = started.Add(2*time.Second + 718*time.Millisecond)
	day      = func(d int) time.Time { return time.Date(2024, 11, d, 15, 4, 5, 0, time.UTC) }
)

func leak(secret, rule string, target finding.Target, locs ...finding.Origin) finding.Leak {
	desc := "cPanel API token"
	if rule == "whm-api-token" {
		desc = "WHM API token"
	}
	return finding.Leak{
		RuleID:      rule,
		Description: desc,
		Secret:      secret,
		Fingerprint: finding.FingerprintOf(secret),
		Target:      target,
		Locations:   locs,
	}
}

func gitOrigin(path string, line int, commit, author string, date time.Time) finding.Origin {
	return finding.Origin{
		Source:  "git",
		Path:    path,
		Line:    line,
		Column:  15,
		Commit:  commit,
		Author:  author,
		Email:   strings.ToLower(strings.Fields(author)[0]) + "@example.com",
		Date:    date,
		Message: "Add deploy settings",
	}
}

// fullReport has one leak in every state, several locations, candidates and partial failures:
// the report a --revoke run over a few sources produces on a bad day.
func fullReport() *report.Report {
	cp := finding.Target{Kind: finding.KindCPanel, Host: "cp.example.com", Port: 2083, User: "acme"}
	whm := finding.Target{Kind: finding.KindWHM, Host: "whm.example.net", Port: 2087, User: "root"}
	return &report.Report{
		Tool: report.Tool{Name: "tokenscan", Version: "0.9.0"},
		Scan: report.Scan{
			Sources:  []string{"dir:.", "git:https://git.example.com/acme/site.git"},
			Started:  started,
			Finished: finished,
			Verify:   true,
			Revoke:   true,
			Counts: report.Counts{
				Files: 412, Blobs: 1893, Commits: 57, Bytes: 9_876_543,
				Skipped: map[string]int{"binary": 12, "too-large": 2},
			},
		},
		Entries: []report.Entry{
			{
				Leak: leak(fakeToken("LIVE"), "cpanel-api-token", cp,
					gitOrigin("config/deploy.php", 12, "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b", "Jane Doe", day(2)),
					finding.Origin{Source: "dir", Path: "config/deploy.php", Line: 12, Column: 15},
				),
				State:  finding.StateRevokeFailed,
				Detail: "revoking token \"ci-deploy\" on cp.example.com: HTTP 503 Service Unavailable",
			},
			{
				Leak:  leak(fakeToken("GONE"), "whm-api-token", whm, gitOrigin(".env.production", 3, "aaaabbbbccccddddeeeeffff0000111122223333", "Sam Smith", day(5))),
				State: finding.StateRevokedConfirmed,
			},
			{
				Leak:   leak(fakeToken("AMBIG"), "cpanel-api-token", cp, gitOrigin("scripts/backup.sh", 7, "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432", "Jane Doe", day(9))),
				State:  finding.StateUnresolved,
				Detail: "2 tokens could have this value; none was revoked",
				Candidates: []report.Candidate{
					{Name: "backup-nightly", CreateTime: day(9).Add(-3 * time.Minute), Score: 0.9, Reason: "created 3 minutes before the commit"},
					{Name: "backup-old", CreateTime: day(1), Score: 0.35, Reason: "same prefix in the name"},
				},
			},
			{
				Leak:   leak(fakeToken("UNKN"), "cpanel-api-token", finding.Target{Kind: finding.KindCPanel, Host: "cp2.example.com"}, finding.Origin{Source: "stdin", Line: 1, Column: 1}),
				State:  finding.StateUnknown,
				Detail: "verifying on cp2.example.com: dial tcp: connection refused",
			},
			{
				Leak:  leak(fakeToken("DEAD"), "cpanel-api-token", finding.Target{}, finding.Origin{Source: "dir", Path: "docs/example.md", Line: 40, Column: 9}),
				State: finding.StateDead,
			},
		},
		Errors: []report.ScanError{
			{Source: "git:https://git.example.com/acme/private.git", Message: "cloning https://deploy:hunter2@git.example.com/acme/private.git: authentication failed"},
			{Host: "cp3.example.com", Message: "x509: certificate signed by unknown authority"},
		},
	}
}

// cleanReport is a scan that found nothing.
func cleanReport() *report.Report {
	return &report.Report{
		Tool: report.Tool{Name: "tokenscan", Version: "0.9.0"},
		Scan: report.Scan{
			Sources:  []string{"staged"},
			Started:  started,
			Finished: started.Add(84 * time.Millisecond),
			Counts:   report.Counts{Files: 3, Bytes: 2048},
		},
	}
}

// hostileReport carries what a malicious repository can put in front of the writers: the token
// itself in a path, an author and a commit message; terminal escapes; bidi overrides; invalid
// UTF-8; characters that are not allowed in a URI.
func hostileReport() *report.Report {
	secret := fakeToken("EVIL")
	return &report.Report{
		Tool: report.Tool{Name: "tokenscan", Version: "0.9.0"},
		Scan: report.Scan{Sources: []string{"git:" + secret}, Counts: report.Counts{Files: 1, Skipped: map[string]int{"bad\xffreason": 1}}},
		Entries: []report.Entry{{
			Leak: leak(secret, "cpanel-api-token", finding.Target{},
				finding.Origin{
					Source:  "git",
					Path:    "we:ird/dir name/" + secret + ".txt",
					Line:    2,
					Column:  1,
					Commit:  "\x1b]0;pwned\x07deadbeef",
					Author:  "Mallory \x1b[2J\u202eevil\u202c",
					Email:   "m@example.com\r\nX-Injected: 1",
					Message: "oops, committed " + secret + " \xff\xfe",
					Date:    day(13),
				},
				finding.Origin{Source: "git", Path: "//server/share\\x.env", Line: 9},
			),
			Detail: "server echoed " + secret + " back",
		}},
		Errors: []report.ScanError{{Host: "cp.example.com", Message: "got " + secret + " in \x1b[31mHTML\x1b[0m"}},
	}
}

// showSecretsReport uses values that are not token-shaped, so the golden files of
// --show-secrets hold nothing a secret scanner would flag.
func showSecretsReport() *report.Report {
	return &report.Report{
		Tool: report.Tool{Name: "tokenscan", Version: "0.9.0"},
		Scan: report.Scan{Sources: []string{"file:wp-config.php"}, Counts: report.Counts{Files: 1, Bytes: 3100}},
		Entries: []report.Entry{{
			Leak:  leak("example-value-not-a-token", "cpanel-api-token", finding.Target{}, finding.Origin{Source: "file", Path: "wp-config.php", Line: 31, Column: 22}),
			State: finding.StateUnchecked,
		}},
	}
}
