package cpaneltest

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Fault makes matching requests misbehave the way real servers and the networks in front of
// them do. Faults apply to the header-authenticated and the session-path form of an endpoint
// alike: Path is matched after the /cpsess<10 digits> prefix is removed.
type Fault struct {
	// Service restricts the fault to one listener kind; empty matches both.
	Service Service `json:"service,omitempty"`
	// Path is an exact path such as /execute/Tokens/list, or a prefix ending in "*" such as
	// /json-api/*; empty matches every path.
	Path string `json:"path,omitempty"`
	// Latency delays the answer.
	Latency time.Duration `json:"-"`
	// ErrorRate is the share of matching requests (0..1) answered with ErrorStatus and an HTML
	// error page, as cpsrvd or a proxy does.
	ErrorRate float64 `json:"error_rate,omitempty"`
	// ErrorStatus is the status of injected errors; default 500.
	ErrorStatus int `json:"error_status,omitempty"`
	// Hang holds the request open until the client gives up (or the simulator closes).
	Hang bool `json:"hang,omitempty"`
	// HTML answers 200 with an HTML page where JSON was expected (a login or proxy page).
	HTML bool `json:"html,omitempty"`
	// Count limits the fault to the first Count matching requests; 0 means every request.
	Count int `json:"count,omitempty"`
}

// UnmarshalJSON reads latency as a Go duration string ("250ms"), the form seed files use.
func (f *Fault) UnmarshalJSON(b []byte) error {
	type plain Fault
	aux := struct {
		*plain
		Latency string `json:"latency,omitempty"`
	}{plain: (*plain)(f)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	if aux.Latency != "" {
		d, err := time.ParseDuration(aux.Latency)
		if err != nil {
			return fmt.Errorf("fault latency: %w", err)
		}
		f.Latency = d
	}
	return nil
}

// MarshalJSON writes latency as a duration string so a seed round-trips.
func (f Fault) MarshalJSON() ([]byte, error) {
	type plain Fault
	aux := struct {
		plain
		Latency string `json:"latency,omitempty"`
	}{plain: plain(f)}
	if f.Latency != 0 {
		aux.Latency = f.Latency.String()
	}
	return json.Marshal(aux)
}

func (f *Fault) validate() error {
	if f.ErrorRate < 0 || f.ErrorRate > 1 {
		return fmt.Errorf("fault for %q: error_rate %v is outside 0..1", f.Path, f.ErrorRate)
	}
	if f.ErrorStatus != 0 && (f.ErrorStatus < 500 || f.ErrorStatus > 599) {
		return fmt.Errorf("fault for %q: error_status %d is not a 5xx status", f.Path, f.ErrorStatus)
	}
	if f.Service != "" && f.Service != ServiceCPanel && f.Service != ServiceWHM {
		return fmt.Errorf("fault for %q: unknown service %q", f.Path, f.Service)
	}
	if f.Latency < 0 || f.Count < 0 {
		return fmt.Errorf("fault for %q: latency and count must not be negative", f.Path)
	}
	return nil
}

func (f *Fault) matches(svc Service, path string) bool {
	if f.Service != "" && f.Service != svc {
		return false
	}
	if prefix, ok := strings.CutSuffix(f.Path, "*"); ok {
		return strings.HasPrefix(path, prefix)
	}
	return f.Path == "" || f.Path == path
}

type activeFault struct {
	Fault
	used int
}

// faultSet is the list of injected faults. Randomness comes from a seeded generator so that a
// failing test can be replayed.
type faultSet struct {
	mu     sync.Mutex
	faults []*activeFault
	rnd    *rand.Rand
}

func newFaultSet(seed uint64) *faultSet {
	if seed == 0 {
		seed = rand.Uint64()
	}
	return &faultSet{rnd: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

func (fs *faultSet) add(f Fault) (remove func(), err error) {
	if err := f.validate(); err != nil {
		return nil, err
	}
	af := &activeFault{Fault: f}
	fs.mu.Lock()
	fs.faults = append(fs.faults, af)
	fs.mu.Unlock()
	return func() {
		fs.mu.Lock()
		defer fs.mu.Unlock()
		for i, x := range fs.faults {
			if x == af {
				fs.faults = append(fs.faults[:i], fs.faults[i+1:]...)
				return
			}
		}
	}, nil
}

func (fs *faultSet) clear() {
	fs.mu.Lock()
	fs.faults = nil
	fs.mu.Unlock()
}

// decision is what the faults matching one request add up to.
type decision struct {
	latency     time.Duration
	hang        bool
	errorStatus int
	html        bool
}

func (fs *faultSet) decide(svc Service, path string) decision {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	var d decision
	for _, f := range fs.faults {
		if !f.matches(svc, path) || (f.Count > 0 && f.used >= f.Count) {
			continue
		}
		f.used++
		d.latency += f.Latency
		d.hang = d.hang || f.Hang
		d.html = d.html || f.HTML
		if d.errorStatus == 0 && f.ErrorRate > 0 && fs.rnd.Float64() < f.ErrorRate {
			d.errorStatus = f.ErrorStatus
			if d.errorStatus == 0 {
				d.errorStatus = http.StatusInternalServerError
			}
		}
	}
	return d
}

// apply carries out a decision and reports whether the request was answered by the fault.
func (d decision) apply(w http.ResponseWriter, r *http.Request, closing <-chan struct{}) bool {
	if d.latency > 0 {
		t := time.NewTimer(d.latency)
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.Context().Done():
			return true
		case <-closing:
			return true
		}
	}
	if d.hang {
		select {
		case <-r.Context().Done():
		case <-closing:
		}
		return true
	}
	if d.errorStatus != 0 {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(d.errorStatus)
		fmt.Fprintf(w, "<!DOCTYPE html>\n<html><head><title>%d %s</title></head><body><h1>%s</h1><p>The server encountered an internal error.</p></body></html>\n",
			d.errorStatus, http.StatusText(d.errorStatus), http.StatusText(d.errorStatus))
		return true
	}
	if d.html {
		writeLoginPage(w, http.StatusOK, "")
		return true
	}
	return false
}
