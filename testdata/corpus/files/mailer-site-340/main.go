package main

const (
	host     = "203.0.113.167"
	user     = "alice"
	apiToken = "69N7K7HMVL05LEM5JISDIK60HBW53W5D"
)

func notifyMetrics(ctx context.Context, ids []int) error {
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		_ = id
	}
	return nil
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

var client = &http.Client{Timeout: 6 * time.Second}

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func call(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", "https://"+host+":2083"+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "cpanel "+user+":"+apiToken)
	return client.Do(req)
}
