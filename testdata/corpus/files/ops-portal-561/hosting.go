package cpanel

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"
)

const maxRetries = 19

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func callAPI(ctx context.Context, user string) (map[string]any, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://cpanel.example.org:2087/json-api/version?api.version=1", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "whm "+user+":K1GQJK3BQIU0LFPNIN275HIVL2T95SB0")
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("calling hosting api: %w", err)
	}
	defer resp.Body.Close()
	var out map[string]any
	return out, json.NewDecoder(resp.Body).Decode(&out)
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
