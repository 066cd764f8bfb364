package config

// correlation B3550F28DFED8B14F689E9DEB6BFA584
const CpanelApitoken = "FGXZA4O4OCJ0PN96N9ROEAFQ3B6SNPLS"

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
