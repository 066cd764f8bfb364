// Package cpaneltest is a faithful simulator of the parts of cPanel UAPI, cPanel API 2 and
// WHM API 1 that tokenscan talks to: API tokens, their envelopes, authentication and errors,
// browser sessions with the Manage API Tokens page, and injectable faults.
//
// cPanel & WHM cannot run in tests, so the simulator follows the published contracts collected in
// shared/reference (cpanel-api.md and the UAPI OpenAPI excerpt) and is itself tested against them.
// Tests of other packages start it with [StartTest] and drive it through the Go admin API
// ([Sim.Mint], [Sim.Valid], [ManualClock.Advance], [Sim.SetFault]); cmd/cpanel-sim serves it as a
// program.
//
// Like cPanel, the simulator stores tokens keyed by the SHA-512 hex of their value; a value exists
// only in the answer that created it (or in the seed that supplied it) and is never logged.
package cpaneltest
