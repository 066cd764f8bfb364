package githubtest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"
)

// Commit is one commit to add to a bare repository with CommitTo.
type Commit struct {
	Branch  string            // default main
	Files   map[string]string // path -> content; an empty content deletes the path
	Message string
	Author  string // "Name <email>"; default "Dev <dev@example.com>"
	When    time.Time
}

// CommitTo adds c on top of its branch in the bare repository dir, through git fast-import (no
// work tree, no hooks), and returns the new commit's id.
func CommitTo(dir string, c Commit) (string, error) {
	if c.Branch == "" {
		c.Branch = "main"
	}
	if c.Author == "" {
		c.Author = "Dev <dev@example.com>"
	}
	if c.When.IsZero() {
		c.When = time.Now()
	}
	if c.Message == "" {
		c.Message = "update"
	}
	ref := "refs/heads/" + c.Branch
	parent := ""
	if out, err := gitIn(dir, nil, "rev-parse", "--verify", "-q", ref); err == nil {
		parent = strings.TrimSpace(string(out))
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "commit %s\nmark :1\n", ref)
	stamp := fmt.Sprintf("%s %d +0000", c.Author, c.When.Unix())
	fmt.Fprintf(&b, "author %s\ncommitter %s\ndata %d\n%s\n", stamp, stamp, len(c.Message), c.Message)
	if parent != "" {
		fmt.Fprintf(&b, "from %s\n", parent)
	}
	paths := make([]string, 0, len(c.Files))
	for p := range c.Files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		content := c.Files[p]
		if content == "" {
			fmt.Fprintf(&b, "D %s\n", p)
			continue
		}
		fmt.Fprintf(&b, "M 100644 inline %s\ndata %d\n%s\n", p, len(content), content)
	}
	b.WriteString("\n")
	if _, err := gitIn(dir, &b, "fast-import", "--quiet", "--force"); err != nil {
		return "", err
	}
	out, err := gitIn(dir, nil, "rev-parse", ref)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// BlobID returns the blob id of path at commit in the bare repository dir.
func BlobID(dir, commit, path string) (string, error) {
	out, err := gitIn(dir, nil, "rev-parse", commit+":"+path)
	return strings.TrimSpace(string(out)), err
}

func gitIn(dir string, stdin *bytes.Buffer, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull)
	if stdin != nil {
		cmd.Stdin = stdin
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, stderr.String())
	}
	return out, nil
}
