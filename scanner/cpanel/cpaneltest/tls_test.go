package cpaneltest

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

func TestTLSModes(t *testing.T) {
	s, err := New(Options{Hostnames: []string{"cpanel.example.test"}})
	must(t, err)
	t.Cleanup(func() { s.Close() })
	tests := []struct {
		mode    TLSMode
		wantErr bool
	}{
		{TLSOn, false},
		{TLSWrongName, true},
		{TLSUntrusted, true},
		{TLSExpired, true},
	}
	for _, tt := range tests {
		t.Run(string(tt.mode), func(t *testing.T) {
			ep, err := s.Listen(ServiceCPanel, tt.mode, "127.0.0.1:0")
			must(t, err)
			res, err := s.Client().Get(ep.URL + "/")
			if err == nil {
				res.Body.Close()
			}
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error: %v", err, tt.wantErr)
			}
			if !tt.wantErr {
				return
			}
			var verr *tls.CertificateVerificationError
			if !errors.As(err, &verr) {
				t.Errorf("err = %v, want a certificate verification error", err)
			}
		})
	}
}

func TestServerCertificateNames(t *testing.T) {
	s, err := New(Options{Hostnames: []string{"cpanel.example.test"}})
	must(t, err)
	path := filepath.Join(t.TempDir(), "ca.pem")
	must(t, s.WriteCA(path))
	pem, err := os.ReadFile(path)
	must(t, err)
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		t.Fatal("CA file holds no certificate")
	}
	leaf := s.pki.certs[TLSOn].Leaf
	for _, name := range []string{"127.0.0.1", "::1", "localhost", "cpanel.example.test"} {
		if _, err := leaf.Verify(x509.VerifyOptions{DNSName: name, Roots: pool}); err != nil {
			t.Errorf("certificate not valid for %s: %v", name, err)
		}
	}
	if _, err := leaf.Verify(x509.VerifyOptions{DNSName: "other.example", Roots: pool}); err == nil {
		t.Error("certificate valid for a name it should not carry")
	}
	// A client trusting only the system roots refuses the simulator: nothing passes by accident.
	ep, err := s.Listen(ServiceWHM, TLSOn, "127.0.0.1:0")
	must(t, err)
	defer s.Close()
	if res, err := http.Get(ep.URL + "/"); err == nil {
		res.Body.Close()
		t.Error("system roots trusted the simulator's CA")
	}
}
