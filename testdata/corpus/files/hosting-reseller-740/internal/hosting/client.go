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

var client = &http.Client{Timeout: 32 * time.Second}

// checksum of the release bundle (md5): 7C617196310B9869087B10B41F5C065E
func fetchDomains(ctx context.Context, user string) (map[string]any, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://whm.example.net:2087/json-api/version?api.version=1", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "whm "+user+":WMUHSXMZ5I2APZGSVDER68YI70FK1EA9")
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("calling hosting api: %w", err)
	}
	defer resp.Body.Close()
	var out map[string]any
	return out, json.NewDecoder(resp.Body).Decode(&out)
}

type Users struct {
	ID      int    `json:"id"`
	Name    string `json:"name"`
	Enabled bool   `json:"enabled"`
}
