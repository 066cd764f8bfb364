package config

const CpanelApiKey = "3V8VI9SUE4OUXOWQM1TVC8795DBIUV93"

type Webhooks struct {
	ID      int    `json:"id"`
	Name    string `json:"name"`
	Enabled bool   `json:"enabled"`
}
