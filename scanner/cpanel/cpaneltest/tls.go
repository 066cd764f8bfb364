package cpaneltest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"time"
)

// TLSMode says how a listener speaks: plain HTTP, proper HTTPS, or HTTPS that a careful client
// must refuse.
type TLSMode string

const (
	TLSOff TLSMode = "http"  // plain HTTP, like ports 2082 and 2086
	TLSOn  TLSMode = "https" // certificate for the configured names, signed by the published CA
	// TLSWrongName serves a certificate from the published CA for a name the client did not dial.
	TLSWrongName TLSMode = "https-wrong-name"
	// TLSUntrusted serves a certificate for the right names from a CA that is never published.
	TLSUntrusted TLSMode = "https-untrusted"
	// TLSExpired serves a certificate from the published CA that expired yesterday.
	TLSExpired TLSMode = "https-expired"
)

// wrongCertName is the only name on the TLSWrongName certificate. .invalid never resolves.
const wrongCertName = "wrong-host.invalid"

// pki holds the CA generated at start and the leaf certificates of every TLS mode. Certificate
// validity uses the wall clock, not the simulator's Clock, because clients check it that way.
type pki struct {
	caPEM []byte
	pool  *x509.CertPool
	certs map[TLSMode]tls.Certificate
}

func newPKI(names []string) (*pki, error) {
	now := time.Now()
	ca, caKey, caDER, err := newCA("tokenscan cpanel-sim CA", now)
	if err != nil {
		return nil, err
	}
	rogue, rogueKey, _, err := newCA("tokenscan cpanel-sim untrusted CA", now)
	if err != nil {
		return nil, err
	}
	p := &pki{
		caPEM: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}),
		pool:  x509.NewCertPool(),
		certs: make(map[TLSMode]tls.Certificate),
	}
	p.pool.AddCert(ca)
	all := append([]string{"127.0.0.1", "::1", "localhost"}, names...)
	leaves := []struct {
		mode       TLSMode
		names      []string
		issuer     *x509.Certificate
		issuerKey  *ecdsa.PrivateKey
		notBefore  time.Time
		notAfter   time.Time
		commonName string
	}{
		{TLSOn, all, ca, caKey, now.Add(-time.Hour), now.Add(90 * 24 * time.Hour), "localhost"},
		{TLSWrongName, []string{wrongCertName}, ca, caKey, now.Add(-time.Hour), now.Add(90 * 24 * time.Hour), wrongCertName},
		{TLSUntrusted, all, rogue, rogueKey, now.Add(-time.Hour), now.Add(90 * 24 * time.Hour), "localhost"},
		{TLSExpired, all, ca, caKey, now.Add(-30 * 24 * time.Hour), now.Add(-24 * time.Hour), "localhost"},
	}
	for _, l := range leaves {
		c, err := newLeaf(l.commonName, l.names, l.issuer, l.issuerKey, l.notBefore, l.notAfter)
		if err != nil {
			return nil, fmt.Errorf("creating %s certificate: %w", l.mode, err)
		}
		p.certs[l.mode] = c
	}
	return p, nil
}

func serial() *big.Int {
	n, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	return n
}

func newCA(name string, now time.Time) (*x509.Certificate, *ecdsa.PrivateKey, []byte, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("generating CA key: %w", err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          serial(),
		Subject:               pkix.Name{CommonName: name, Organization: []string{"tokenscan test"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(365 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
		MaxPathLenZero:        true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("signing CA certificate: %w", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("parsing CA certificate: %w", err)
	}
	return cert, key, der, nil
}

func newLeaf(cn string, names []string, issuer *x509.Certificate, issuerKey *ecdsa.PrivateKey, notBefore, notAfter time.Time) (tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial(),
		Subject:      pkix.Name{CommonName: cn},
		NotBefore:    notBefore,
		NotAfter:     notAfter,
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	for _, n := range names {
		if ip := net.ParseIP(n); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, n)
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, issuer, &key.PublicKey, issuerKey)
	if err != nil {
		return tls.Certificate{}, err
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		return tls.Certificate{}, err
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, nil
}
