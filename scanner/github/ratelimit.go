package github

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DefaultMaxWait is how long a call may wait for the primary rate limit to reset by default:
// long enough to ride out the end of an hourly window in a scheduled job, short enough that a
// job that has used up its budget says so instead of hanging for an hour.
const DefaultMaxWait = 15 * time.Minute

// DefaultAttemptTimeout bounds one request to the API, rate-limit waits excluded: long enough
// for GitHub's slowest list pages, short enough that a stalled connection does not hang a job.
const DefaultAttemptTimeout = 2 * time.Minute

// maxSecondaryRetries bounds retries after secondary-limit answers for one request.
const maxSecondaryRetries = 5

// secondaryFallback is the wait when a secondary-limit answer names no time: GitHub's
// documentation asks for at least a minute.
const secondaryFallback = time.Minute

// RateLimitError is a primary rate limit whose reset, or a secondary limit whose pause, is further
// away than the caller agreed to wait. It says when to try again.
type RateLimitError struct {
	Limit     int // requests per hour; not known for a secondary limit
	Reset     time.Time
	Wait      time.Duration
	MaxWait   time.Duration
	Secondary bool
}

func (e *RateLimitError) Error() string {
	if e.Secondary {
		return fmt.Sprintf("GitHub secondary rate limit: GitHub asks for a pause until %s, in %s, longer than the %s this run may wait (--github-max-wait): run again later",
			e.Reset.UTC().Format(time.TimeOnly+" UTC"), e.Wait.Round(time.Second), e.MaxWait)
	}
	return fmt.Sprintf("GitHub API rate limit used up (%d requests per hour); it resets at %s, in %s, longer than the %s this run may wait (--github-max-wait): run again after the reset",
		e.Limit, e.Reset.UTC().Format(time.TimeOnly+" UTC"), e.Wait.Round(time.Second), e.MaxWait)
}

// Transport keeps requests inside GitHub's rate limits. It reads the X-RateLimit-* headers of
// every answer; when the budget is used up it holds the next request until the reset, if that
// is within MaxWait, and otherwise fails it with *RateLimitError rather than hammering the API.
// A secondary-limit answer (403 or 429 with Retry-After, or naming the secondary limit) pauses
// every request of this transport for the time GitHub asks plus jitter, then retries, so
// parallel callers do not come back in a burst; a pause longer than MaxWait fails them with
// *RateLimitError instead. Each attempt is timed on its own, after its wait: a timeout around
// the whole call would cut waits that MaxWait allows.
type Transport struct {
	Base           http.RoundTripper
	MaxWait        time.Duration // 0 means DefaultMaxWait; negative means never wait
	AttemptTimeout time.Duration // 0 means DefaultAttemptTimeout; covers reading the answer
	OnWait         func(reason string, d time.Duration)

	// Now, Sleep and Jitter are the clock, the waiting and the randomness; tests replace them.
	Now    func() time.Time
	Sleep  func(ctx context.Context, d time.Duration) error
	Jitter func(d time.Duration) time.Duration

	mu          sync.Mutex
	limit       int
	remaining   int
	reset       time.Time
	known       bool
	pausedUntil time.Time
}

func (t *Transport) now() time.Time {
	if t.Now != nil {
		return t.Now()
	}
	return time.Now()
}

func (t *Transport) sleep(ctx context.Context, d time.Duration) error {
	if t.Sleep != nil {
		return t.Sleep(ctx, d)
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// jitter spreads retries: up to a second plus a tenth of the wait.
func (t *Transport) jitter(d time.Duration) time.Duration {
	if t.Jitter != nil {
		return t.Jitter(d)
	}
	return rand.N(time.Second + d/10)
}

func (t *Transport) maxWait() time.Duration {
	if t.MaxWait == 0 {
		return DefaultMaxWait
	}
	return max(t.MaxWait, 0)
}

func (t *Transport) attemptTimeout() time.Duration {
	if t.AttemptTimeout <= 0 {
		return DefaultAttemptTimeout
	}
	return t.AttemptTimeout
}

// attemptBody ends an attempt's timeout once its answer is read and closed. An answer that
// stops coming within the attempt's time fails as a request that was never answered does: not
// as a cancellation of the caller's context, which discovery would take for the whole run's.
type attemptBody struct {
	io.ReadCloser
	cancel          context.CancelFunc
	caller, attempt context.Context
	timeout         time.Duration
}

func (b *attemptBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil && err != io.EOF && b.caller.Err() == nil && b.attempt.Err() != nil {
		err = fmt.Errorf("GitHub did not finish answering within %s", b.timeout)
	}
	return n, err
}

func (b *attemptBody) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}

// RoundTrip implements http.RoundTripper.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	ctx := req.Context()
	for attempt := 0; ; attempt++ {
		if err := t.waitTurn(ctx); err != nil {
			return nil, err
		}
		timeout := t.attemptTimeout()
		actx, cancel := context.WithTimeout(ctx, timeout)
		r := req.WithContext(actx)
		if attempt > 0 {
			if req.Body != nil && req.GetBody == nil {
				cancel()
				return nil, fmt.Errorf("retrying %s %s after a rate limit: the request body cannot be sent twice", req.Method, req.URL.Path)
			}
			r = req.Clone(actx)
			if req.GetBody != nil {
				body, err := req.GetBody()
				if err != nil {
					cancel()
					return nil, err
				}
				r.Body = body
			}
		}
		resp, err := base.RoundTrip(r)
		if err != nil {
			cancel()
			if ctx.Err() == nil && actx.Err() != nil {
				// Not wrapped: the caller's context is alive, and a request that stalled is a
				// failure of what it asked for, not a cancellation of the whole run.
				return nil, fmt.Errorf("GitHub did not answer within %s", timeout)
			}
			return nil, err
		}
		resp.Body = &attemptBody{ReadCloser: resp.Body, cancel: cancel, caller: ctx, attempt: actx, timeout: timeout}
		t.observe(resp)
		if resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusTooManyRequests {
			return resp, nil
		}
		wait, secondary := t.secondaryWait(resp)
		primary := resp.Header.Get("X-RateLimit-Remaining") == "0" && !secondary
		if (!secondary && !primary) || attempt >= maxSecondaryRetries {
			return resp, nil
		}
		io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
		resp.Body.Close()
		if secondary {
			accepted := wait <= t.maxWait()
			if accepted {
				// Jitter spreads the retries, but never past what the caller agreed to wait.
				wait = min(wait+t.jitter(wait), t.maxWait())
			}
			// A pause too long is recorded as well: waitTurn then refuses this request and the
			// others of this transport rather than send them into the same limit.
			t.mu.Lock()
			if until := t.now().Add(wait); until.After(t.pausedUntil) {
				t.pausedUntil = until
			}
			t.mu.Unlock()
			if accepted && t.OnWait != nil {
				t.OnWait("GitHub secondary rate limit", wait)
			}
		}
		// A primary limit is waited for (or refused) by waitTurn, which now knows the reset.
	}
}

// waitTurn holds a request while a secondary-limit pause lasts or the primary budget is used up.
func (t *Transport) waitTurn(ctx context.Context) error {
	for {
		t.mu.Lock()
		now := t.now()
		pause := t.pausedUntil.Sub(now)
		var primary time.Duration
		if t.known && t.remaining <= 0 && t.reset.After(now) {
			// One second past the reset: the server's clock and ours are not the same clock.
			primary = t.reset.Sub(now) + time.Second
		}
		limit, reset, pausedUntil := t.limit, t.reset, t.pausedUntil
		t.mu.Unlock()
		switch {
		case pause > t.maxWait():
			return &RateLimitError{Reset: pausedUntil, Wait: pause, MaxWait: t.maxWait(), Secondary: true}
		case pause > 0:
			if err := t.sleep(ctx, pause); err != nil {
				return err
			}
		case primary > 0:
			if primary > t.maxWait() {
				return &RateLimitError{Limit: limit, Reset: reset, Wait: primary, MaxWait: t.maxWait()}
			}
			if t.OnWait != nil {
				t.OnWait("GitHub API rate limit", primary)
			}
			if err := t.sleep(ctx, primary); err != nil {
				return err
			}
			t.mu.Lock()
			// Assume the window was renewed; the next answer's headers correct it.
			if !t.reset.After(t.now()) {
				t.known = false
			}
			t.mu.Unlock()
		default:
			return nil
		}
	}
}

// observe records the primary budget an answer reports.
func (t *Transport) observe(resp *http.Response) {
	h := resp.Header
	rem, err1 := strconv.Atoi(h.Get("X-RateLimit-Remaining"))
	reset, err2 := strconv.ParseInt(h.Get("X-RateLimit-Reset"), 10, 64)
	if err1 != nil || err2 != nil {
		return
	}
	limit, _ := strconv.Atoi(h.Get("X-RateLimit-Limit"))
	t.mu.Lock()
	t.limit, t.remaining, t.reset, t.known = limit, rem, time.Unix(reset, 0), true
	t.mu.Unlock()
}

// secondaryWait tells a secondary-limit answer from other refusals and says how long to wait.
// GitHub marks it with Retry-After, or only in the message and documentation link.
func (t *Transport) secondaryWait(resp *http.Response) (time.Duration, bool) {
	if v := resp.Header.Get("Retry-After"); v != "" {
		if secs, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && secs >= 0 {
			return time.Duration(secs) * time.Second, true
		}
		if when, err := http.ParseTime(v); err == nil {
			return max(when.Sub(t.now()), 0), true
		}
	}
	if resp.Header.Get("X-RateLimit-Remaining") == "0" {
		return 0, false
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	if err == nil && bytes.Contains(bytes.ToLower(body), []byte("secondary rate limit")) {
		return secondaryFallback, true
	}
	return 0, false
}
