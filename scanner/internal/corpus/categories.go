package corpus

import "strings"

// categoryDescription explains a category in labels.json, so a failure report reads on its own.
func categoryDescription(c string) string {
	family, detail, _ := strings.Cut(c, "/")
	switch family {
	case "header":
		return "token sent in an `Authorization: cpanel|whm user:TOKEN` header (" + detail + ")"
	case "assign":
		return "token assigned to a key or constant named for cPanel/WHM/UAPI (" + detail + ")"
	case "indirect":
		return "token under a generic name (token, api_key, $pass, secret), used 10-60 lines later in a cpanel/whm header or against :2083/:2087 (" + detail + ")"
	case "split":
		return "cPanel/WHM config block with separate host, user and generically named token keys (" + detail + ")"
	case "base64":
		return "Kubernetes Secret whose data holds the base64 of a token; labelled with the decoded token"
	case "accesshash":
		return "legacy WHM access hash in `Authorization: WHM user:<hex>`; compare secret_normalized"
	}
	switch detail {
	case "hex32":
		return "upper-case 32-digit hex (MD5 sums, ETags), some next to cPanel words"
	case "guid":
		return "GUIDs with and without dashes"
	case "totp":
		return "base32 TOTP secrets (otpauth URIs, totp/2fa keys), some 32 chars long and next to cPanel words"
	case "placeholder":
		return "placeholders and references in token position: env lookups, template variables, YOUR_TOKEN, 32 X's"
	case "placeholder-word32":
		return "32-char upper-case placeholders spelled in words (YOURCPANELAPITOKENGOESHERE000000)"
	case "doc-example":
		return "the example tokens printed in cPanel's documentation, in docs, fixtures and code"
	case "sequential-fake":
		return "obviously made-up values: alphabets, repeats, keyboard runs"
	case "wrong-length":
		return "31- or 33-character [0-9A-Z] runs in cPanel/WHM token position"
	case "no-context":
		return "random 32-char [0-9A-Z] values with no cPanel/WHM context: licence keys, vouchers, other vendors' keys, lock files, minified JS, CSV"
	case "sha512-store":
		return "cPanel's own token store: lower-case SHA-512 hex keys, not token values"
	case "session-url":
		return "browser session paths (/cpsess<10 digits>/), not tokens"
	}
	return ""
}
