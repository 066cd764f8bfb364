package remediate

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/tokenscan/tokenscan/scanner/finding"
)

// Audit actions, one JSON line each.
const (
	ActionRoute   = "route"   // decided where (or that nowhere) the token may be sent
	ActionVerify  = "verify"  // first check of the leaked value
	ActionResolve = "resolve" // looked for the token's name
	ActionRevoke  = "revoke"  // asked the server to revoke a name
	ActionConfirm = "confirm" // re-checked the leaked value after a revoke
)

// AuditEvent is one line of the audit log (--audit-log). It names a token only by fingerprint.
type AuditEvent struct {
	Time        time.Time           `json:"time"`
	Action      string              `json:"action"`
	Kind        finding.Kind        `json:"kind,omitempty"`
	Host        string              `json:"host,omitempty"`
	Port        int                 `json:"port,omitempty"`
	User        string              `json:"user,omitempty"`
	Fingerprint finding.Fingerprint `json:"fingerprint"`
	Name        string              `json:"name,omitempty"`   // token name revoked or resolved
	Method      string              `json:"method,omitempty"` // how the name was found
	Outcome     string              `json:"outcome"`
	Detail      string              `json:"detail,omitempty"`
}

// AuditLog writes AuditEvents as JSON lines. It is safe for concurrent use; a nil *AuditLog
// records nothing.
type AuditLog struct {
	mu     sync.Mutex
	w      io.Writer
	closer io.Closer
	now    func() time.Time
	err    error
}

// NewAuditLog writes to w; now stamps events (nil: time.Now).
func NewAuditLog(w io.Writer, now func() time.Time) *AuditLog {
	if now == nil {
		now = time.Now
	}
	return &AuditLog{w: w, now: now}
}

// OpenAuditLog appends to the file at path, creating it readable by its owner only: fingerprints
// are not secrets, but the log maps hosts and users to leaks.
func OpenAuditLog(path string) (*AuditLog, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("opening audit log: %w", err)
	}
	a := NewAuditLog(f, nil)
	a.closer = f
	return a, nil
}

// tokenShape finds anything shaped like a cPanel/WHM token; details are free text built from
// server messages, and a server that echoes a value must not put it in the log. Compiled on first
// use, like the other patterns of this package: most runs of the binary never revoke anything.
var tokenShape = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[0-9A-Z]{32}`) })

// Record writes one event. A write error is kept for Close and stops further writes.
func (a *AuditLog) Record(e AuditEvent) {
	if a == nil {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.err != nil {
		return
	}
	if e.Time.IsZero() {
		e.Time = a.now().UTC()
	}
	e.Detail = tokenShape().ReplaceAllStringFunc(e.Detail, finding.Redact)
	b, err := json.Marshal(e)
	if err != nil {
		a.err = err
		return
	}
	if _, err := a.w.Write(append(b, '\n')); err != nil {
		a.err = fmt.Errorf("writing audit log: %w", err)
	}
}

// Close reports the first write error and closes the file OpenAuditLog opened.
func (a *AuditLog) Close() error {
	if a == nil {
		return nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	var cerr error
	if a.closer != nil {
		cerr = a.closer.Close()
	}
	return errors.Join(a.err, cerr)
}

// scrub replaces a secret, in every form it may be written, with its redacted form.
func scrub(s, secret string) string {
	if secret == "" {
		return s
	}
	s = strings.ReplaceAll(s, secret, finding.Redact(secret))
	if compact := strings.Join(strings.Fields(secret), ""); compact != secret && compact != "" {
		s = strings.ReplaceAll(s, compact, finding.Redact(compact))
	}
	return s
}
