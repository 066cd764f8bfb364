package cpaneltest

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestFaults(t *testing.T) {
	f := newFixture(t, Options{FaultSeed: 1})
	alice := cpAuth("alice", docToken1)

	t.Run("5xx on one path, both path forms", func(t *testing.T) {
		remove, err := f.SetFault(Fault{Service: ServiceCPanel, Path: "/execute/Tokens/list", ErrorRate: 1, ErrorStatus: 503})
		must(t, err)
		defer remove()
		if res := f.uapi(t, alice, "Tokens/list", nil); res.status != 503 || !strings.HasPrefix(res.header.Get("Content-Type"), "text/html") {
			t.Errorf("HTTP %d %s, want 503 HTML", res.status, res.header.Get("Content-Type"))
		}
		sess, _ := f.NewSession(ServiceCPanel, "alice")
		if res := do(t, f.Client(), http.MethodPost, f.CPanelURL()+sess.Prefix+"/execute/Tokens/list", "", nil, sess.Cookie); res.status != 503 {
			t.Errorf("session path: HTTP %d, want 503", res.status)
		}
		if res := f.uapi(t, alice, "Features/list_features", nil); res.status != 200 {
			t.Errorf("other path affected: HTTP %d", res.status)
		}
		if res := f.whm(t, whmAuth("root", docToken3), "version", nil); res.status != 200 {
			t.Errorf("other service affected: HTTP %d", res.status)
		}
	})

	t.Run("error rate is a share", func(t *testing.T) {
		remove, err := f.SetFault(Fault{Path: "/execute/*", ErrorRate: 0.5})
		must(t, err)
		defer remove()
		fails := 0
		for range 200 {
			if f.uapi(t, alice, "Tokens/list", nil).status == 500 {
				fails++
			}
		}
		if fails < 60 || fails > 140 {
			t.Errorf("%d of 200 failed at rate 0.5", fails)
		}
	})

	t.Run("count limits a fault", func(t *testing.T) {
		remove, err := f.SetFault(Fault{Path: "/execute/Tokens/list", ErrorRate: 1, Count: 2})
		must(t, err)
		defer remove()
		var got []int
		for range 4 {
			got = append(got, f.uapi(t, alice, "Tokens/list", nil).status)
		}
		if got[0] != 500 || got[1] != 500 || got[2] != 200 || got[3] != 200 {
			t.Errorf("statuses %v, want two 500s then 200s", got)
		}
	})

	t.Run("HTML instead of JSON", func(t *testing.T) {
		remove, err := f.SetFault(Fault{Path: "/json-api/*", HTML: true})
		must(t, err)
		defer remove()
		res := f.whm(t, whmAuth("root", docToken3), "api_token_list", nil)
		var v any
		if res.status != 200 || json.Unmarshal(res.body, &v) == nil {
			t.Errorf("HTTP %d, body parses as JSON: %.100s", res.status, res.body)
		}
	})

	t.Run("latency", func(t *testing.T) {
		remove, err := f.SetFault(Fault{Path: "/execute/Tokens/list", Latency: 150 * time.Millisecond})
		must(t, err)
		defer remove()
		start := time.Now()
		if res := f.uapi(t, alice, "Tokens/list", nil); res.status != 200 {
			t.Fatalf("HTTP %d", res.status)
		}
		if d := time.Since(start); d < 150*time.Millisecond {
			t.Errorf("answered after %v, before the injected latency", d)
		}
	})

	t.Run("hang until the client gives up", func(t *testing.T) {
		remove, err := f.SetFault(Fault{Path: "/execute/Tokens/revoke", Hang: true})
		must(t, err)
		defer remove()
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, f.CPanelURL()+"/execute/Tokens/revoke", strings.NewReader("name=deploy"))
		req.Header.Set("Authorization", alice)
		_, err = f.Client().Do(req)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v, want the client's deadline", err)
		}
		if len(f.Tokens("", "alice")) != 1 {
			t.Error("a hung revoke still revoked the token")
		}
	})

	t.Run("invalid faults are refused", func(t *testing.T) {
		for _, bad := range []Fault{{ErrorRate: 2}, {ErrorStatus: 404, ErrorRate: 1}, {Service: "ftp"}, {Latency: -time.Second}} {
			if _, err := f.SetFault(bad); err == nil {
				t.Errorf("accepted %+v", bad)
			}
		}
	})
}

func TestHangReleasedOnClose(t *testing.T) {
	s, err := New(Options{})
	must(t, err)
	must(t, s.AddAccount(Account{User: "alice"}))
	ep, err := s.Listen(ServiceCPanel, TLSOff, "127.0.0.1:0")
	must(t, err)
	_, err = s.SetFault(Fault{Hang: true})
	must(t, err)
	done := make(chan error, 1)
	go func() {
		res, err := http.Get(ep.URL + "/execute/Tokens/list")
		if err == nil {
			res.Body.Close()
		}
		done <- err
	}()
	time.Sleep(100 * time.Millisecond)
	closed := make(chan error, 1)
	go func() { closed <- s.Close() }()
	select {
	case err := <-closed:
		if err != nil {
			t.Errorf("Close: %v", err)
		}
	case <-time.After(4 * time.Second):
		t.Fatal("Close blocked on a hung request")
	}
	<-done
}

func TestFaultJSON(t *testing.T) {
	var f Fault
	must(t, json.Unmarshal([]byte(`{"service":"whm","path":"/json-api/*","latency":"1.5s","error_rate":0.25}`), &f))
	if f.Latency != 1500*time.Millisecond || f.Service != ServiceWHM || f.ErrorRate != 0.25 {
		t.Errorf("parsed %+v", f)
	}
	b, err := json.Marshal(f)
	must(t, err)
	var back Fault
	must(t, json.Unmarshal(b, &back))
	if back != f {
		t.Errorf("round trip %s gave %+v", b, back)
	}
	if err := json.Unmarshal([]byte(`{"latency":"soon"}`), &f); err == nil {
		t.Error("bad latency accepted")
	}
}
