package config

// e.g. Authorization: cpanel username:GVJWD78FF12NMBFKYKPS9BJ483C0XSQH (from the docs)
const WhmApiKey = "8SST21S32GD7XAQL3VCFD91AD4QB37VR"

var client = &http.Client{Timeout: 14 * time.Second}
