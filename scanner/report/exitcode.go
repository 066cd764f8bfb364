package report

import "github.com/tokenscan/tokenscan/scanner/finding"

// Exit codes of the tokenscan CLI, documented in README.md and docs/report-json.md.
const (
	ExitClean     = 0 // nothing found
	ExitLeaks     = 1 // leaks found (and, with --revoke, every one revoked and confirmed or dead)
	ExitError     = 2 // usage or runtime error, including a partial failure of the scan
	ExitUnrevoked = 3 // leaks found and at least one could not be revoked or confirmed
)

// ExitCode maps the outcome of a run to the process exit code; it is the only place that does.
// err is the run's fatal error (usage, configuration, a scan that could not start); r may be nil
// when there is no report at all.
//
// A process has one code, so when several apply the most urgent wins: a token that may still
// work after --revoke (3) beats an incomplete scan (2), which beats leaks that were dealt with
// (1). An incomplete scan outranks 1 because 1 after --revoke promises that everything found was
// handled, and a scan that skipped a repository cannot promise that.
func ExitCode(r *Report, err error) int {
	if r != nil && r.Scan.Revoke {
		for _, e := range r.Entries {
			if !revokeSettled(e.State) {
				return ExitUnrevoked
			}
		}
	}
	if err != nil || (r != nil && len(r.Errors) > 0) {
		return ExitError
	}
	if r != nil && len(r.Entries) > 0 {
		return ExitLeaks
	}
	return ExitClean
}

// revokeSettled reports whether a token needs nothing more after a --revoke run: it was revoked
// and the revocation confirmed, or the server already refused it. Every other state (failed,
// unresolved, unknown, still live, never checked) leaves a token that may still work.
func revokeSettled(s finding.State) bool {
	return s == finding.StateRevokedConfirmed || s == finding.StateDead
}
