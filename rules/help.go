package rules

// help holds the remediation text shown in SARIF and text reports, per rule ID. A rule without an
// entry gets the generic text; rules_test.go insists every embedded rule has its own.
var help = map[string]string{
	"cpanel-api-token-header": "A cPanel or WHM API token is written into an `Authorization` header. " +
		"The token can do everything its account can. Revoke it (cPanel » Security » Manage API Tokens, " +
		"or `tokenscan revoke`), create a new one with an expiry date, and load it from a secret store " +
		"or environment variable instead of the source. Removing the line does not remove it from git history.",
	"cpanel-api-token-assignment": "A cPanel or WHM API token is assigned to a configuration key or constant. " +
		"Revoke it, issue a replacement with an expiry date, and read it from the environment or a secret " +
		"manager. If this is not a real token, add `tokenscan:allow` to the line or its fingerprint to `.tokenscanignore`.",
	"cpanel-api-token-block-default": "A cPanel or WHM API token is the default value of a configuration block " +
		"(a Terraform variable, for example). Defaults end up in state files and logs: revoke the token, issue a " +
		"replacement with an expiry date, and pass it in through a secret variable instead.",
	"cpanel-api-token-in-context": "A 32-character value under a secret-like key sits next to cPanel/WHM API use " +
		"(an Authorization header, port 2083/2087 or a cPanel host). Treat it as a cPanel/WHM API token: revoke, " +
		"replace, and move it out of the code. If it is something else, mark the line with `tokenscan:allow`.",
	"cpanel-api-token-prose": "A cPanel or WHM API token is written out in a comment or note. Comments are read by " +
		"everyone with access to the code: revoke the token, issue a replacement, and keep it in a secret store.",
	"cpanel-api-token-csv": "A file of cPanel/WHM accounts holds their API tokens in a column. Revoke every token in it, " +
		"issue replacements, and keep the list in a secret store or password manager rather than in the repository.",
	"cpanel-api-token-create-response": "A saved response of a cPanel/WHM token-creation call (UAPI " +
		"Tokens::create_full_access, WHM api_token_create) holds the new token. Responses kept as fixtures or " +
		"logs keep the token alive: revoke it, and keep fixtures to made-up values (or mark them `tokenscan:allow`).",
	"cpanel-api-token-whmcs-servers": "A WHMCS database dump holds a server's cPanel/WHM API token (WHMCS stores it in " +
		"tblservers.accesshash). Anyone with the dump controls that server's accounts: revoke the token in WHM, issue a new " +
		"one for WHMCS, and keep database dumps out of repositories (or encrypt them).",
	"whmcs-servers-context": "Context rule: a SQL line writing WHMCS's tblservers table. Never reported on its own.",
	"create-time-context":   "Context rule: the create_time of a token-creation response. Never reported on its own.",
	"csv-header-context":    "Context rule: a CSV header naming a cPanel/WHM column and a token column. Never reported on its own.",
	"cpanel-context":        "Context rule: marks cPanel/WHM API use so that nearby generic secrets are recognised. Never reported on its own.",
	"whm-access-hash-header": "A legacy WHM remote access key (access hash) is in an `Authorization: WHM` header. " +
		"It grants root-level WHM API access. Reset it in WHM (Remote Access Key » Generate New Key), " +
		"switch the integration to a WHM API token with limited ACLs and an IP allowlist, and purge it from history.",
	"whm-access-hash-in-context": "A long hex value under a generic key is sent as a legacy WHM access hash nearby " +
		"(`Authorization: WHM root:` + variable). Reset the remote access key in WHM, move the integration to a " +
		"scoped WHM API token, and purge the value from history.",
	"whm-context": "Context rule: marks WHM API use so that a nearby access hash is recognised. Never reported on its own.",
	"whm-access-hash-assignment": "A legacy WHM remote access key (access hash) is stored in the code. " +
		"Reset it in WHM, move the integration to a scoped WHM API token, and purge the value from history.",
}

const genericHelp = "A cPanel/WHM credential was found. Revoke it, replace it with a scoped, expiring token, and keep it out of source control."

func helpFor(id string) string {
	if h, ok := Help(id); ok {
		return h
	}
	return genericHelp
}

// Help returns the remediation text of an embedded rule, in Markdown, and false for a rule it
// does not know (a user's own rule file).
func Help(id string) (string, bool) {
	h, ok := help[id]
	return h, ok
}
