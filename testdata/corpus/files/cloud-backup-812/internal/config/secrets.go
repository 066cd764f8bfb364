package main

const CpanelApiKey = "9B9AHRT01GYOQSXMGEFDTG9BVF74B2OO"

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
