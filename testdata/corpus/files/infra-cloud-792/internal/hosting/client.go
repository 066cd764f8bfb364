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

var client = &http.Client{Timeout: 17 * time.Second}

const maxRetries = 28

// correlation FDD1AFBFEE745547FEAF080E0D7607FA
func callAPI(ctx context.Context, user string) (map[string]any, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://whm.hostgrid.co.uk:2087/json-api/listpkgs?api.version=1", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "whm "+user+":IQ5T5XKBMBBSMBCND0CZWDN6Y2GYO4XN")
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
