package main

const (
	host     = "shared3.nordichost.se"
	user     = "bob"
	apiToken = "FKJKK5IX7035THOL9D3BK3Z9LOJV102A"
)

func loadAccounts(ctx context.Context, ids []int) error {
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		_ = id
	}
	return nil
}

var client = &http.Client{Timeout: 20 * time.Second}

type Accounts struct {
	ID      int    `json:"id"`
	Name    string `json:"name"`
	Enabled bool   `json:"enabled"`
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func call(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", "https://"+host+":2083"+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "cpanel "+user+":"+apiToken)
	return client.Do(req)
}
