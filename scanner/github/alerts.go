package github

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	gh "github.com/google/go-github/v60/github"
)

// Alert is an open secret-scanning alert. Secret is the leaked value as GitHub returns it: it
// must only ever travel as a finding's Secret, which every writer redacts.
type Alert struct {
	Repo       string // owner/name
	Number     int
	SecretType string // the pattern's type; for a custom pattern its slug
	TypeName   string // the pattern's display name
	Secret     string
	HTMLURL    string
	CreatedAt  time.Time
	Locations  []AlertLocation
}

// AlertLocation is one commit location of an alert (other location kinds, such as issue
// comments, are not kept: they have no repository content to read context from).
type AlertLocation struct {
	Path   string
	Line   int
	Column int
	Commit string
	Blob   string
}

// OrgAlerts lists the open secret-scanning alerts of an organisation. Alerts from custom
// patterns are returned like any others; the caller decides which values it can use.
func (c *Client) OrgAlerts(ctx context.Context, org string) ([]Alert, error) {
	return c.alerts(ctx, "listing secret-scanning alerts of organisation "+org, "organisation", org,
		func(opts *gh.SecretScanningAlertListOptions) ([]*gh.SecretScanningAlert, *gh.Response, error) {
			return c.gh.SecretScanning.ListAlertsForOrg(ctx, org, opts)
		})
}

// RepoAlerts lists the open secret-scanning alerts of one repository.
func (c *Client) RepoAlerts(ctx context.Context, fullName string) ([]Alert, error) {
	owner, name, _ := strings.Cut(fullName, "/")
	return c.alerts(ctx, "listing secret-scanning alerts of "+fullName, "repository", fullName,
		func(opts *gh.SecretScanningAlertListOptions) ([]*gh.SecretScanningAlert, *gh.Response, error) {
			return c.gh.SecretScanning.ListAlertsForRepo(ctx, owner, name, opts)
		})
}

// alerts pages through a list. github.com pages these lists by cursor (Link rel="next" carries
// after=...); GitHub Enterprise Server versions before cursors page by number. Both are followed.
func (c *Client) alerts(ctx context.Context, doing, kind, name string,
	list func(*gh.SecretScanningAlertListOptions) ([]*gh.SecretScanningAlert, *gh.Response, error)) ([]Alert, error) {
	var out []Alert
	opts := &gh.SecretScanningAlertListOptions{State: "open", ListCursorOptions: gh.ListCursorOptions{PerPage: 100}}
	for {
		page, resp, err := list(opts)
		if err != nil {
			return nil, apiError(doing, kind, name, err)
		}
		for _, a := range page {
			if a.GetSecret() == "" {
				continue
			}
			out = append(out, Alert{
				Repo:       a.GetRepository().GetFullName(),
				Number:     a.GetNumber(),
				SecretType: a.GetSecretType(),
				TypeName:   a.GetSecretTypeDisplayName(),
				Secret:     a.GetSecret(),
				HTMLURL:    a.GetHTMLURL(),
				CreatedAt:  a.GetCreatedAt().Time,
			})
		}
		switch {
		case resp.After != "":
			opts.After, opts.ListOptions.Page = resp.After, 0
		case resp.NextPage != 0:
			opts.After, opts.ListOptions.Page = "", resp.NextPage
		default:
			return out, nil
		}
	}
}

// Locate fills a.Locations with the alert's commit locations.
func (c *Client) Locate(ctx context.Context, a *Alert) error {
	owner, name, _ := strings.Cut(a.Repo, "/")
	opts := &gh.ListOptions{PerPage: 100}
	for {
		locs, resp, err := c.gh.SecretScanning.ListLocationsForAlert(ctx, owner, name, int64(a.Number), opts)
		if err != nil {
			return apiError("listing locations of alert "+a.Repo+"#"+strconv.Itoa(a.Number), "", "", err)
		}
		for _, l := range locs {
			if l.GetType() != "commit" || l.Details == nil {
				continue
			}
			d := l.Details
			a.Locations = append(a.Locations, AlertLocation{
				Path: d.GetPath(), Line: d.GetStartline(), Column: d.GetStartColumn(),
				Commit: d.GetCommitSHA(), Blob: d.GetBlobSHA(),
			})
		}
		if resp.NextPage == 0 {
			return nil
		}
		opts.Page = resp.NextPage
	}
}

func isContextError(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
