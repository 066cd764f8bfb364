package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"flag"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the test binary play the program, so the signal test runs the real main
// without a separate build.
func TestMain(m *testing.M) {
	if os.Getenv("CPANEL_SIM_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

const docToken = "JPQNSRU0DH448UJLGXH7KVJECC5QN9N9"

var loopbackFlags = []string{"--cpanel-https", "127.0.0.1:0", "--cpanel-http", "127.0.0.1:0",
	"--whm-https", "127.0.0.1:0", "--whm-http", "127.0.0.1:0"}

func TestSignalShutdown(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			caPath := filepath.Join(t.TempDir(), "ca.pem")
			args := append([]string{"--ca-out", caPath, "--account", "alice:pw",
				"--token", "cpanel:alice:deploy:" + docToken, "--cpanel-untrusted", "127.0.0.1:0"}, loopbackFlags...)
			cmd := exec.Command(os.Args[0], args...)
			cmd.Env = append(os.Environ(), "CPANEL_SIM_RUN_MAIN=1")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			urls := map[string]string{}
			sc := bufio.NewScanner(stdout)
			for len(urls) < 5 && sc.Scan() {
				f := strings.Fields(sc.Text())
				if len(f) != 3 {
					t.Fatalf("unexpected line %q", sc.Text())
				}
				urls[f[0]+" "+f[1]] = f[2]
			}
			base := urls["cpanel https"]
			if base == "" || urls["whm http"] == "" || urls["cpanel https-untrusted"] == "" {
				cmd.Process.Kill()
				t.Fatalf("listening URLs: %v\nstderr: %s", urls, stderr.String())
			}
			client := clientTrusting(t, caPath)
			req, _ := http.NewRequest(http.MethodGet, base+"/execute/Tokens/list", nil)
			req.Header.Set("Authorization", "cpanel alice:"+docToken)
			res, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != 200 || !strings.Contains(string(body), `"name":"deploy"`) {
				t.Errorf("list: %d %s", res.StatusCode, body)
			}
			if _, err := client.Get(urls["cpanel https-untrusted"] + "/"); err == nil {
				t.Error("untrusted listener passed verification")
			}

			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { io.Copy(io.Discard, stdout); done <- cmd.Wait() }()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("exit after %v: %v\nstderr: %s", sig, err, stderr.String())
				}
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("still running 10s after %v", sig)
			}
			if strings.Contains(stderr.String(), docToken) {
				t.Error("the token value reached the log")
			}
		})
	}
}

func clientTrusting(t *testing.T, caPath string) *http.Client {
	t.Helper()
	pem, err := os.ReadFile(caPath)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		t.Fatal("no certificate in the CA file")
	}
	return &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
}

func TestRunSeedFile(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan error, 1)
	args := append([]string{"--seed", "../../scanner/cpanel/cpaneltest/testdata/seed.json", "--tls=false",
		"--fault", `{"path":"/json-api/version","error_rate":1,"error_status":502}`}, loopbackFlags...)
	go func() { done <- run(ctx, args, &out, &errOut) }()
	deadline := time.Now().Add(5 * time.Second)
	for strings.Count(out.String(), "\n") < 2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || strings.Contains(out.String(), "https") {
		t.Fatalf("with --tls=false want exactly the two plain listeners, got %q (stderr %s)", lines, errOut.String())
	}
	whm := strings.Fields(lines[1])[2]
	req, _ := http.NewRequest(http.MethodGet, whm+"/json-api/version?api.version=1", nil)
	req.Header.Set("Authorization", "whm root:U7HMR63FHY282DQZ4H5BIH16JLYSO01M")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 502 {
		t.Errorf("fault from --fault not applied: HTTP %d", res.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("run: %v", err)
	}
}

func TestRunFlagErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"unknown flag", []string{"--nope"}},
		{"bad account", []string{"--account", "alice"}},
		{"token for unknown user", []string{"--token", "cpanel:ghost:x:" + docToken}},
		{"token with bad kind", []string{"--account", "a:b", "--token", "ftp:a:x:" + docToken}},
		{"token malformed", []string{"--account", "a:b", "--token", "cpanel:a:" + docToken}},
		{"missing seed", []string{"--seed", "/nonexistent/seed.json"}},
		{"bad fault", []string{"--fault", `{"latency":"soon"}`}},
		{"no listeners", []string{"--cpanel-https", "", "--cpanel-http", "", "--whm-https", "", "--whm-http", ""}},
		{"stray argument", []string{"serve"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := run(context.Background(), tt.args, &out, &errOut)
			if err == nil {
				t.Fatal("run succeeded")
			}
			if strings.Contains(err.Error()+errOut.String(), docToken) {
				t.Error("the error echoes a token value")
			}
		})
	}
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"-h"}, &out, &errOut); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: %v", err)
	}
}

// syncBuffer is a bytes.Buffer safe for the concurrent writes of run and reads of the test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
