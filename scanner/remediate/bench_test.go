package remediate

import (
	"context"
	"crypto/x509"
	"fmt"
	"testing"
	"time"

	"github.com/tokenscan/tokenscan/scanner/cpanel"
	"github.com/tokenscan/tokenscan/scanner/cpanel/cpaneltest"
	"github.com/tokenscan/tokenscan/scanner/finding"
	"github.com/tokenscan/tokenscan/scanner/inventory"
	"github.com/tokenscan/tokenscan/scanner/report"
)

// BenchmarkRevoke100Tokens10Hosts is the performance goal: 100 leaked tokens on 10 hosts
// that each answer after 50 ms, verified, resolved, revoked and confirmed, in at most 5 s of
// wall time (reported as wall-s; the benchmark asserts nothing about time). Per host: eight
// cPanel accounts, each with its leaked token (resolved through the inventory) and two innocent
// ones, and two leaked WHM root tokens (resolved through api_token_get_details).
func BenchmarkRevoke100Tokens10Hosts(b *testing.B) {
	const hosts, latency = 10, 50 * time.Millisecond
	sims := make([]*cpaneltest.Sim, hosts)
	pool := x509.NewCertPool()
	for h := range sims {
		sims[h] = cpaneltest.StartTest(b, cpaneltest.Options{})
		pool.AppendCertsFromPEM(sims[h].CAPEM())
		for a := range 8 {
			if err := sims[h].AddAccount(cpaneltest.Account{User: fmt.Sprintf("user%d", a)}); err != nil {
				b.Fatal(err)
			}
		}
		if err := sims[h].AddWHMUser(cpaneltest.WHMUser{User: "root"}); err != nil {
			b.Fatal(err)
		}
		if _, err := sims[h].SetFault(cpaneltest.Fault{Latency: latency}); err != nil {
			b.Fatal(err)
		}
	}
	var total time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		client, err := cpanel.New(cpanel.Options{RootCAs: pool})
		if err != nil {
			b.Fatal(err)
		}
		var entries []report.Entry
		var inv []inventory.Entry
		for h, sim := range sims {
			cp := targetOf(b, sim.CPanelURL(), finding.KindCPanel, "")
			whm := targetOf(b, sim.WHMURL(), finding.KindWHM, "root")
			for a := range 8 {
				user := fmt.Sprintf("user%d", a)
				name := fmt.Sprintf("leaked%d", i)
				v := sim.MustMint(b, cpaneltest.TokenSpec{User: user, Name: name})
				for k := range 2 {
					sim.MustMint(b, cpaneltest.TokenSpec{User: user, Name: fmt.Sprintf("innocent%d-%d", i, k)})
				}
				t := cp
				t.User = user
				entries = append(entries, leakEntry(v, t, fmt.Sprintf("host%d/%s.sh", h, user)))
				inv = append(inv, inventory.Entry{Fingerprint: string(finding.FingerprintOf(v)), Kind: inventory.KindCPanel,
					Host: cp.Host, User: user, Name: name})
			}
			for k := range 2 {
				v := sim.MustMint(b, cpaneltest.TokenSpec{Kind: finding.KindWHM, User: "root", Name: fmt.Sprintf("whm%d-%d", i, k)})
				entries = append(entries, leakEntry(v, whm, fmt.Sprintf("host%d/whm%d.php", h, k)))
			}
		}
		// The inventory holds one entry per fingerprint; hosts share 127.0.0.1 but not values.
		index, err := inventory.New(inv)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		Run(context.Background(), entries, Options{Remote: client, Revoke: true, Inventory: index})
		elapsed := time.Since(start)
		b.StopTimer()
		total += elapsed
		for _, e := range entries {
			if e.State != finding.StateRevokedConfirmed {
				b.Fatalf("%s: %s (%s)", e.Leak.Locations[0].Path, e.State, e.Detail)
			}
		}
		client.CloseIdleConnections()
		b.StartTimer()
	}
	b.ReportMetric(total.Seconds()/float64(b.N), "wall-s")
	b.ReportMetric(100, "tokens")
}
