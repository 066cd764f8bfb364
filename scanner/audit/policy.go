package audit

import (
	"errors"
	"strconv"
)

// Severity ranks findings. The zero value, SeverityNone, means "nothing to report".
type Severity uint8

const (
	SeverityNone Severity = iota
	SeverityLow
	SeverityMedium
	SeverityHigh
	SeverityCritical
)

var severityNames = [...]string{"none", "low", "medium", "high", "critical"}

func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return "severity(" + strconv.Itoa(int(s)) + ")"
}

// ParseSeverity reads a severity name as written in policies and output.
func ParseSeverity(name string) (Severity, error) {
	for i, n := range severityNames {
		if n == name && i != int(SeverityNone) {
			return Severity(i), nil
		}
	}
	return SeverityNone, errors.New("unknown severity " + strconv.Quote(name) + " (want low, medium, high or critical)")
}

// Tier says how much of an account a cPanel feature hands to whoever holds a token that can use
// it. Tiering is a judgement; it lives in featureTiers and nowhere else.
type Tier uint8

const (
	TierOther    Tier = iota // nothing known to be dangerous
	TierHijack               // can redirect or intercept mail or web traffic, or weaken login
	TierTakeover             // can run code, read all data or mint new credentials: the account is lost
)

func (t Tier) String() string {
	switch t {
	case TierTakeover:
		return "account takeover"
	case TierHijack:
		return "mail or traffic hijack"
	}
	return "other"
}

// featureTiers is the one table of risky cPanel features (reference/cpanel-api.md, "Risk of what
// a token can reach"). Features not listed are TierOther. It is an array rather than a map so that
// it is static data: a map literal is built by code at start-up, which the extension's WebAssembly
// module pays for on every service-worker start.
var featureTiers = [...]struct {
	name string
	tier Tier
}{
	// Takeover: each of these alone lets the holder run code as the account, read or replace
	// all of its files and databases, or create further credentials.
	{"filemanager", TierTakeover},
	{"backup", TierTakeover},
	{"ssh", TierTakeover},
	{"apitokens", TierTakeover}, // a token can mint a new token that outlives its own revocation
	{"cron", TierTakeover},
	{"mysql", TierTakeover},
	{"postgres", TierTakeover},
	{"phpmyadmin", TierTakeover},
	{"phppgadmin", TierTakeover}, // the PostgreSQL twin of phpmyadmin
	{"webdisk", TierTakeover},
	{"ftpaccts", TierTakeover},
	{"user_manager", TierTakeover},
	{"team_manager", TierTakeover},
	{"version_control", TierTakeover},
	{"passengerapps", TierTakeover},

	// Hijack: DNS, mail routing, TLS keys, login protection and request routing.
	{"zoneedit", TierHijack},
	{"simplezoneedit", TierHijack},
	{"changemx", TierHijack},
	{"dnssec", TierHijack},
	{"forwarders", TierHijack},
	{"emaildomainfwd", TierHijack},
	{"autoresponders", TierHijack},
	{"blockers", TierHijack},
	{"popaccts", TierHijack},
	{"sslmanager", TierHijack}, // reads and installs private keys
	{"sslinstall", TierHijack},
	{"tls_wizard", TierHijack},
	{"twofactorauth", TierHijack},
	{"password", TierHijack},
	{"redirects", TierHijack},
	{"handlers", TierHijack},
	{"mime", TierHijack},
	{"webprotect", TierHijack},
	{"modsecurity", TierHijack},
}

// FeatureTier returns the tier of a cPanel feature name.
func FeatureTier(feature string) Tier {
	for _, f := range featureTiers {
		if f.name == feature {
			return f.tier
		}
	}
	return TierOther
}

// Policy is what the audit holds tokens to. Use DefaultPolicy and change fields; the zero value
// disables the age and expiry-warning checks and sets no badge threshold.
type Policy struct {
	// MaxAgeDays flags tokens created longer ago than this as stale; 0 disables the check.
	MaxAgeDays int
	// RequireExpiry flags tokens that never expire.
	RequireExpiry bool
	// ExpiryWarningDays flags tokens that expire within this many days; 0 disables the check.
	ExpiryWarningDays int
	// BadgeThreshold is the lowest severity the badge counts.
	BadgeThreshold Severity
}

// DefaultPolicy is the documented default: 90 days maximum age, expiry required, a warning 7 days
// before expiry, and a badge that counts high and critical tokens.
func DefaultPolicy() Policy {
	return Policy{MaxAgeDays: 90, RequireExpiry: true, ExpiryWarningDays: 7, BadgeThreshold: SeverityHigh}
}

// maxPolicyDays keeps day counts far from time.Duration overflow (~292 years).
const maxPolicyDays = 36500

// Validate reports a policy that cannot be applied.
func (p Policy) Validate() error {
	if p.MaxAgeDays < 0 || p.MaxAgeDays > maxPolicyDays {
		return errors.New("policy: max_age_days must be 0 (off) to " + strconv.Itoa(maxPolicyDays) + ", got " + strconv.Itoa(p.MaxAgeDays))
	}
	if p.ExpiryWarningDays < 0 || p.ExpiryWarningDays > maxPolicyDays {
		return errors.New("policy: expiry_warning_days must be 0 (off) to " + strconv.Itoa(maxPolicyDays) + ", got " + strconv.Itoa(p.ExpiryWarningDays))
	}
	if p.BadgeThreshold < SeverityLow || p.BadgeThreshold > SeverityCritical {
		return errors.New("policy: badge_threshold must be low, medium, high or critical")
	}
	return nil
}

// ParsePolicy reads a policy JSON object over DefaultPolicy: keys left out keep their default,
// and empty input or null means the defaults. Unknown keys are errors, because a misspelt key
// would otherwise silently leave a default in force.
func ParsePolicy(data []byte) (Policy, error) {
	p := DefaultPolicy()
	if len(trimSpace(data)) == 0 {
		return p, nil
	}
	v, err := parseJSON(data)
	if err != nil {
		return p, errors.New("policy: " + err.Error())
	}
	if v.kind == jsonNull {
		return p, nil
	}
	if v.kind != jsonObject {
		return p, errors.New("policy: want a JSON object, got " + v.kind.String())
	}
	for _, m := range v.members {
		switch m.key {
		case "schema":
			if m.val.kind != jsonString || m.val.s != Schema {
				return p, errors.New("policy: schema must be " + strconv.Quote(Schema))
			}
		case "max_age_days":
			p.MaxAgeDays, err = policyDays(m.key, m.val)
		case "expiry_warning_days":
			p.ExpiryWarningDays, err = policyDays(m.key, m.val)
		case "require_expiry":
			var ok bool
			p.RequireExpiry, ok = cpanelBool(m.val)
			if !ok || m.val.isNull() {
				err = errors.New("policy: require_expiry: want true or false")
			}
		case "badge_threshold":
			if m.val.kind != jsonString {
				err = errors.New("policy: badge_threshold: want a severity name")
				break
			}
			p.BadgeThreshold, err = ParseSeverity(m.val.s)
			if err != nil {
				err = errors.New("policy: badge_threshold: " + err.Error())
			}
		default:
			err = errors.New("policy: unknown key " + strconv.Quote(m.key) +
				" (known: max_age_days, require_expiry, expiry_warning_days, badge_threshold)")
		}
		if err != nil {
			return p, err
		}
	}
	return p, p.Validate()
}

func policyDays(key string, v *jsonValue) (int, error) {
	n, ok := integer(v)
	if !ok || v.isNull() || n < 0 || n > maxPolicyDays {
		return 0, errors.New("policy: " + key + ": want a whole number of days from 0 (off) to " + strconv.Itoa(maxPolicyDays))
	}
	return int(n), nil
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\n' || b[0] == '\r') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}
