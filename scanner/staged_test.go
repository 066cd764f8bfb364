package scanner

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tokenscan/tokenscan/scanner/gittest"
)

// A staged scan reports tokens on added lines only: a token committed before and still in the
// edited file is not reported, one added is, and one that was committed before but whose line
// the edit moves is reported exactly when git's diff shows that line as added.
func TestStagedScanReportsAddedLinesOnly(t *testing.T) {
	gittest.Isolate(t, "Test Author", "author@example.com")
	const (
		old   = "Q8ZK2M4T7W1RXN5BH9CJ3PVL6YD0FGS2"
		added = "7HN2QK9XW4MZ1RB8T5VLC3JP6YGD0SFE"
	)
	repo := t.TempDir()
	gittest.Git(t, repo, "init", "-q", "-b", "main")
	write := func(content string) {
		if err := os.WriteFile(filepath.Join(repo, "deploy.php"), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	oldLine := "$cpanel_api_token = '" + old + "';"
	write("<?php\n" + oldLine + "\n$host = 'cp.example.com';\n")
	gittest.Git(t, repo, "add", "-A")
	gittest.Git(t, repo, "commit", "-q", "-m", "base")

	scan := func() []string {
		t.Helper()
		res, err := Scan(context.Background(), Options{Path: repo, Staged: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Errors) > 0 {
			t.Fatalf("scan errors: %v", res.Errors)
		}
		var secrets []string
		for _, l := range res.Leaks {
			secrets = append(secrets, l.Secret)
		}
		slices.Sort(secrets)
		return secrets
	}

	// An edit below the committed token, and a new token.
	write("<?php\n" + oldLine + "\n$host = 'cp.example.com';\n$cpanel_api_token2 = '" + added + "';\n")
	gittest.Git(t, repo, "add", "-A")
	if got := scan(); !slices.Equal(got, []string{added}) {
		t.Errorf("edit with a new token: reported %v, want only the new one", got)
	}

	// The committed token's line moves below others: git shows it as deleted and added.
	write("<?php\n$host = 'cp.example.com';\n$user = 'bob';\n" + oldLine + "\n")
	gittest.Git(t, repo, "add", "-A")
	moved := slices.Contains(strings.Split(gittest.Git(t, repo, "diff", "--cached", "-U0"), "\n"), "+"+oldLine)
	got := scan()
	if moved && !slices.Equal(got, []string{old}) || !moved && len(got) != 0 {
		t.Errorf("moved token line (git shows it added: %v): reported %v", moved, got)
	}
}
