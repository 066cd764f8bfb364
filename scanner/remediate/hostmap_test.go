package remediate

import (
	"strings"
	"testing"
	"time"

	"github.com/tokenscan/tokenscan/scanner/cpanel"
	"github.com/tokenscan/tokenscan/scanner/finding"
)

func TestParseHostRule(t *testing.T) {
	tests := []struct {
		spec    string
		want    finding.Target
		kindSet bool
		wantErr string
	}{
		{"config/*.env=cpanel://bob@cp.example.com:2083", finding.Target{Kind: finding.KindCPanel, Host: "cp.example.com", Port: 2083, User: "bob"}, true, ""},
		{"**=whm://root@WHM.example.com", finding.Target{Kind: finding.KindWHM, Host: "whm.example.com", User: "root"}, true, ""},
		{"*.php=https://cp.example.com:2087", finding.Target{Kind: finding.KindWHM, Host: "cp.example.com", Port: 2087}, true, ""},
		{"*.php=https://cpanel.example.com", finding.Target{Host: "cpanel.example.com"}, false, ""},
		{"a=https://[::1]:2083", finding.Target{Kind: finding.KindCPanel, Host: "::1", Port: 2083}, true, ""},
		{"a=http://cp.example.com:2082", finding.Target{}, false, "clear text"},
		{"a=ftp://x", finding.Target{}, false, "scheme"},
		{"a=cpanel://u:pw@x", finding.Target{}, false, "no password"},
		{"a=cpanel://x/path?q=1", finding.Target{}, false, ""},
		{"a=cpanel://x:99999", finding.Target{}, false, "bad port"},
		{"cpanel://x", finding.Target{}, false, "PATH-GLOB="},
		{"[=cpanel://x", finding.Target{}, false, "bad glob"},
		{"a=cpanel://ex ample.com", finding.Target{}, false, ""},
	}
	for _, tc := range tests {
		r, err := ParseHostRule(tc.spec)
		if tc.want == (finding.Target{}) {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%q: err %v, want %q", tc.spec, err, tc.wantErr)
			}
			continue
		}
		if err != nil || r.Target != tc.want || r.KindSet != tc.kindSet {
			t.Errorf("%q = %+v (kind set %v), %v; want %+v", tc.spec, r.Target, r.KindSet, err, tc.want)
		}
	}
	m, err := ParseHostMap(nil, strings.NewReader("# comment\n\n*.env=cpanel://a@h.example\n"))
	if err != nil || len(m.Rules) != 1 {
		t.Fatalf("file: %+v %v", m, err)
	}
	if _, err := ParseHostMap(nil, strings.NewReader("ok=cpanel://a@h\nbad\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("bad file line: %v", err)
	}
}

func TestMatchPath(t *testing.T) {
	tests := []struct {
		glob, path string
		want       bool
	}{
		{"*.env", "config/prod.env", true},
		{"*.env", "prod.env", true},
		{"config/*.env", "config/prod.env", true},
		{"config/*.env", "x/config/prod.env", false},
		{"**/config/*.env", "x/config/prod.env", true},
		{"**/config/*.env", "config/prod.env", true},
		{"deploy/**", "deploy/a/b/c.sh", true},
		{"deploy/**", "other/a.sh", false},
		{"-", "", true},
		{"**", "anything/at/all", true},
		{"*.sh", "a.shx", false},
	}
	for _, tc := range tests {
		if got := MatchPath(tc.glob, tc.path); got != tc.want {
			t.Errorf("MatchPath(%q, %q) = %v", tc.glob, tc.path, got)
		}
	}
}

func TestRoute(t *testing.T) {
	m, err := ParseHostMap([]string{
		"*.env=cpanel://bob@cp.example.com",
		"*.php=https://whm.example.com:2087",
		"*.ini=cpanel://carol@leak.example.com",
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	leak := func(target finding.Target, path string) finding.Leak {
		return finding.Leak{Target: target, Locations: []finding.Origin{{Path: path}}}
	}
	tests := []struct {
		name    string
		leak    finding.Leak
		want    finding.Target
		wantWhy string
	}{
		{"leak names everything", leak(finding.Target{Kind: finding.KindCPanel, Host: "leak.example.com", Port: 2083, User: "u"}, "a.env"),
			finding.Target{Kind: finding.KindCPanel, Host: "leak.example.com", Port: 2083, User: "u"}, ""},
		{"host from the map", leak(finding.Target{Kind: finding.KindCPanel}, "x/prod.env"),
			finding.Target{Kind: finding.KindCPanel, Host: "cp.example.com", User: "bob"}, ""},
		{"kind from the map's port", leak(finding.Target{Kind: finding.KindCPanel, User: "root"}, "x.php"),
			finding.Target{Kind: finding.KindWHM, Host: "whm.example.com", Port: 2087, User: "root"}, ""},
		{"a rule for another host never redirects a leak", leak(finding.Target{Kind: finding.KindCPanel, Host: "leak2.example.com"}, "a.env"),
			finding.Target{}, "no cpanel user"},
		{"user from a rule for the same host", leak(finding.Target{Kind: finding.KindCPanel, Host: "LEAK.example.com."}, "a.ini"),
			finding.Target{Kind: finding.KindCPanel, Host: "LEAK.example.com.", User: "carol"}, ""},
		{"nothing matches", leak(finding.Target{Kind: finding.KindCPanel, User: "u"}, "notes.txt"),
			finding.Target{}, "names no cPanel/WHM host"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _, why := m.Route(tc.leak)
			if tc.wantWhy != "" {
				if !strings.Contains(why, tc.wantWhy) {
					t.Fatalf("why = %q, want %q", why, tc.wantWhy)
				}
				return
			}
			if why != "" || got != tc.want {
				t.Fatalf("Route = %+v, %q; want %+v", got, why, tc.want)
			}
		})
	}
	var none *HostMap
	if _, _, why := none.Route(leak(finding.Target{Kind: finding.KindCPanel, User: "u"}, "a")); why == "" {
		t.Error("a nil host map routed a hostless leak")
	}
}

func TestRankCandidates(t *testing.T) {
	leak := finding.Leak{Locations: []finding.Origin{{Path: "scripts/deployCache.sh", Date: commitDate, Message: "Purge cache after deploy"}}}
	tokens := []cpanel.Token{
		{Name: "backup", CreateTime: commitDate.Add(48 * time.Hour)},
		{Name: "monitoring", CreateTime: commitDate.Add(-60 * 24 * time.Hour)},
		{Name: "cache-purge", CreateTime: commitDate.Add(-3 * time.Hour)},
		{Name: "old-deploy", CreateTime: commitDate.Add(-90 * 24 * time.Hour)},
	}
	got := rankCandidates(tokens, leak)
	var names []string
	for _, c := range got {
		names = append(names, c.Name)
	}
	if want := "cache-purge,old-deploy,monitoring,backup"; strings.Join(names, ",") != want {
		t.Fatalf("order %v, want %s", names, want)
	}
	if !strings.Contains(got[0].Reason, "3 hours before") || !strings.Contains(got[0].Reason, `"cache, purge"`) {
		t.Errorf("reason %q", got[0].Reason)
	}
	if !strings.Contains(got[3].Reason, "after the leak's first commit") {
		t.Errorf("reason %q", got[3].Reason)
	}
}
