// Package cpanel is tokenscan's client for the two APIs a cPanel & WHM server offers to a token:
// cPanel UAPI (port 2083) and WHM API 1 (port 2087). It checks whether a leaked token is live,
// lists and revokes tokens, and looks a value up in cPanel's own token files, so that scanner/
// remediate can revoke a leaked token and prove it.
//
// The client is defensive by design: a token is sent only over verified HTTPS (unless the caller
// opts a host out), only to the host it is given, never through a redirect, and never in a URL
// (parameters travel in a form body, so no error message or proxy log can echo them). Answers
// are parsed leniently (1, "1" and true are the same) and anything that is not the JSON envelope
// the call promises — an HTML login page above all — is named as such instead of being read as
// "no tokens". Verify is tri-state, as TruffleHog's detectors are: Live, Dead, or Unknown with the
// error that prevented an answer.
package cpanel
