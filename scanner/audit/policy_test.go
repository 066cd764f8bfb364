package audit

import (
	"strings"
	"testing"
)

func TestParsePolicy(t *testing.T) {
	def := DefaultPolicy()
	tests := []struct {
		name    string
		in      string
		want    Policy
		wantErr string
	}{
		{"empty is default", "", def, ""},
		{"null is default", "null", def, ""},
		{"empty object is default", "{}", def, ""},
		{"override some", `{"max_age_days":30,"badge_threshold":"critical"}`,
			Policy{MaxAgeDays: 30, RequireExpiry: true, ExpiryWarningDays: 7, BadgeThreshold: SeverityCritical}, ""},
		{"turn checks off", `{"max_age_days":0,"require_expiry":false,"expiry_warning_days":"0"}`,
			Policy{MaxAgeDays: 0, RequireExpiry: false, ExpiryWarningDays: 0, BadgeThreshold: SeverityHigh}, ""},
		{"require_expiry as 1", `{"require_expiry":1}`, def, ""},
		{"with schema", `{"schema":"tokenscan.audit/v1","badge_threshold":"low"}`,
			Policy{MaxAgeDays: 90, RequireExpiry: true, ExpiryWarningDays: 7, BadgeThreshold: SeverityLow}, ""},

		{"misspelt key", `{"max_age_day":30}`, def, `unknown key "max_age_day"`},
		{"negative days", `{"max_age_days":-1}`, def, "max_age_days: want a whole number of days"},
		{"fractional days", `{"max_age_days":1.5}`, def, "max_age_days"},
		{"absurd days", `{"expiry_warning_days":100000}`, def, "expiry_warning_days"},
		{"null days", `{"max_age_days":null}`, def, "max_age_days"},
		{"unknown severity", `{"badge_threshold":"severe"}`, def, `unknown severity "severe"`},
		{"none is not a threshold", `{"badge_threshold":"none"}`, def, "unknown severity"},
		{"threshold as number", `{"badge_threshold":3}`, def, "badge_threshold: want a severity name"},
		{"require_expiry text", `{"require_expiry":"yes"}`, def, "require_expiry: want true or false"},
		{"not an object", `[1]`, def, "policy: want a JSON object"},
		{"broken", `{"max_age_days":`, def, "policy: invalid JSON"},
		{"wrong schema", `{"schema":"other"}`, def, "schema"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParsePolicy([]byte(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Fatalf("policy = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestPolicyRoundTrip(t *testing.T) {
	p := Policy{MaxAgeDays: 45, RequireExpiry: false, ExpiryWarningDays: 14, BadgeThreshold: SeverityMedium}
	out, err := p.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParsePolicy(out)
	if err != nil {
		t.Fatalf("ParsePolicy(%s): %v", out, err)
	}
	if back != p {
		t.Fatalf("round trip %+v -> %s -> %+v", p, out, back)
	}
}

func TestFeatureTiers(t *testing.T) {
	// Spot checks against reference/cpanel-api.md, plus: every tiered name is a real feature.
	for name, want := range map[string]Tier{
		"filemanager": TierTakeover, "apitokens": TierTakeover, "ssh": TierTakeover, "backup": TierTakeover,
		"zoneedit": TierHijack, "changemx": TierHijack, "forwarders": TierHijack, "password": TierHijack,
		"webmail": TierOther, "bandwidth": TierOther, "no-such-feature": TierOther,
	} {
		if got := FeatureTier(name); got != want {
			t.Errorf("FeatureTier(%q) = %v, want %v", name, got, want)
		}
	}
	seen := make(map[string]bool)
	for _, f := range featureTiers {
		if !knownFeatures[f.name] {
			t.Errorf("tiered feature %q is not in cpanel-features.txt", f.name)
		}
		if seen[f.name] {
			t.Errorf("feature %q is tiered twice", f.name)
		}
		seen[f.name] = true
	}
}

// knownFeatures are the core feature names of reference/cpanel-features.txt.
var knownFeatures = func() map[string]bool {
	m := make(map[string]bool)
	for _, f := range strings.Fields(`addoncgi addondomains agora analog api_shell apitokens autoresponders autossl
		awstats backup bandwidth bbs blockers boxtrapper caldavcarddav cgi changemx chat clamavconnector_scan clock
		countdown counter cpanelpro_images cpanelpro_leechprotect cpanelpro_support cron csvimport defaultaddress
		dirselector diskusageviewer dnssec dynamicdns emailarchive emailauth emaildomainfwd emailtrace errlog errpgs
		fantastico filemanager filerestoration forwarders ftpaccts ftpsetup getstart greylist handlers hotlink
		indexmanager ipdeny lastvisits lists market mime modules-perl modules-php-pear modules-ruby modsecurity
		multiphp multiphp_ini_editor mysql nettools optimizews parkeddomains passengerapps password pgp php-config
		phpmyadmin phppgadmin popaccts email_disk_usage postgres rawlog redirects ror scgiwrap searchsubmit
		serverstatus setlang simplezoneedit sitepublisher spamassassin spambox ssh sslinstall sslmanager statselect
		style subdomains subdomainstats team_manager theme-switch tls_wizard traceaddy twofactorauth updatecontact
		updatenotificationprefs user_manager version_control videotut webalizer webdisk webmail webprotect zoneedit`) {
		m[f] = true
	}
	return m
}()
