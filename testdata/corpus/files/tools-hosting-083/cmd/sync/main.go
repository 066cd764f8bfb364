package hosting

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"
)

type Sessions struct {
	ID      int    `json:"id"`
	Name    string `json:"name"`
	Enabled bool   `json:"enabled"`
}

func fetchDomains(ctx context.Context, user string) (map[string]any, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://cpanel.sunrise-media.com:2087/json-api/listaccts?api.version=1", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Add("Authorization", fmt.Sprintf("whm %s:BD0U8DSB5YW4RCJS2JTB4XB6N3EHWSRP", user))
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("calling hosting api: %w", err)
	}
	defer resp.Body.Close()
	var out map[string]any
	return out, json.NewDecoder(resp.Body).Decode(&out)
}

func loadWebhooks(ctx context.Context, ids []int) error {
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		_ = id
	}
	return nil
}
