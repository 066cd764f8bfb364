package hook

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

var (
	oidA = strings.Repeat("a", 40)
	oidB = strings.Repeat("b", 40)
	zero = strings.Repeat("0", 40)
)

func TestParsePrePush(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Update
		wantErr  string
	}{
		{"empty", "", nil, ""},
		{"update", "refs/heads/main " + oidA + " refs/heads/main " + oidB + "\n",
			[]Update{{Ref: "refs/heads/main", Old: oidB, New: oidA}}, ""},
		{"new branch, no final newline", "refs/heads/f " + oidA + " refs/heads/f " + zero,
			[]Update{{Ref: "refs/heads/f", Old: zero, New: oidA}}, ""},
		{"deletion", "(delete) " + zero + " refs/heads/old " + oidB + "\n",
			[]Update{{Ref: "refs/heads/old", Old: oidB, New: zero}}, ""},
		{"several, blank line, CRLF", "HEAD " + oidA + " refs/heads/a " + zero + "\r\n\nrefs/tags/v1 " + oidB + " refs/tags/v1 " + zero + "\n",
			[]Update{{Ref: "refs/heads/a", Old: zero, New: oidA}, {Ref: "refs/tags/v1", Old: zero, New: oidB}}, ""},
		{"sha256", "refs/heads/main " + strings.Repeat("c", 64) + " refs/heads/main " + strings.Repeat("0", 64) + "\n",
			[]Update{{Ref: "refs/heads/main", Old: strings.Repeat("0", 64), New: strings.Repeat("c", 64)}}, ""},
		{"pre-receive shape", oidB + " " + oidA + " refs/heads/main\n", nil, "line 1: want"},
		{"short object name", "refs/heads/main abc123 refs/heads/main " + oidB + "\n", nil, "full object names"},
		{"upper-case object name", "refs/heads/main " + strings.ToUpper(oidA) + " refs/heads/main " + oidB + "\n", nil, "full object names"},
		{"mixed lengths", "refs/heads/main " + oidA + " refs/heads/main " + strings.Repeat("b", 64) + "\n", nil, "full object names"},
		{"overlong line", strings.Repeat("x", maxHookLine+1), nil, "too long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParsePrePush(strings.NewReader(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestParsePreReceive(t *testing.T) {
	got, err := ParsePreReceive(strings.NewReader(zero + " " + oidA + " refs/heads/new\n" + oidB + " " + zero + " refs/heads/gone\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Update{{Ref: "refs/heads/new", Old: zero, New: oidA}, {Ref: "refs/heads/gone", Old: oidB, New: zero}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if !got[0].Creates() || got[0].Deletes() || got[1].Creates() || !got[1].Deletes() {
		t.Errorf("Creates/Deletes wrong for %+v", got)
	}
	if _, err := ParsePreReceive(strings.NewReader("refs/heads/main " + oidA + " refs/heads/main " + oidB + "\n")); err == nil {
		t.Error("pre-push input to ParsePreReceive: want an error")
	}
}

func TestPushRevisions(t *testing.T) {
	isolateGit(t)
	ctx := context.Background()
	remote, other := t.TempDir(), t.TempDir()
	gitIn(t, remote, "init", "-q", "--bare")
	gitIn(t, other, "init", "-q", "--bare")
	repo := newRepo(t)
	gitIn(t, repo, "remote", "add", "origin", remote)
	gitIn(t, repo, "remote", "add", "private", other)
	gitIn(t, repo, "push", "-q", "origin", "main")
	pushed := gitIn(t, repo, "rev-parse", "HEAD")
	local := commitFile(t, repo, "a.txt", "a\n")
	// What another remote has is no reason to skip a commit pushed to this one.
	gitIn(t, repo, "push", "-q", "private", "main")
	unknown := strings.Repeat("e", 40) // a remote value this clone never fetched

	tests := []struct {
		name    string
		updates []Update
		want    []string
		remote  string // default origin
	}{
		{"nothing", nil, nil, ""},
		{"only deletions", []Update{{Ref: "refs/heads/x", Old: pushed, New: zero}}, nil, ""},
		{"update", []Update{{Ref: "refs/heads/main", Old: pushed, New: local}}, []string{local, "--not", pushed}, ""},
		{"new branch", []Update{{Ref: "refs/heads/f", Old: zero, New: local}}, []string{local, "--not", "--remotes=origin"}, ""},
		{"new branch, to a URL", []Update{{Ref: "refs/heads/f", Old: zero, New: local}}, []string{local, "--not", "--remotes=" + remote}, remote},
		{"remote moved on", []Update{{Ref: "refs/heads/main", Old: unknown, New: local}}, []string{local, "--not", "--remotes=origin"}, ""},
		{"same commit to two refs", []Update{
			{Ref: "refs/heads/main", Old: pushed, New: local},
			{Ref: "refs/heads/copy", Old: zero, New: local},
			{Ref: "refs/heads/gone", Old: pushed, New: zero},
		}, []string{local, "--not", pushed, "--remotes=origin"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.remote == "" {
				tt.remote = "origin"
			}
			got, err := PushRevisions(ctx, repo, tt.remote, tt.updates)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			// The selection holds the new commit: neither origin nor a URL has it, whatever
			// another remote has.
			if got != nil {
				if log := gitIn(t, repo, append([]string{"log", "--format=%H"}, got...)...); !strings.Contains(log, local) {
					t.Errorf("git log %q does not select the pushed commit %s", got, local)
				}
			}
		})
	}
}

func TestReceiveRevisions(t *testing.T) {
	if got := ReceiveRevisions([]Update{{Ref: "refs/heads/x", Old: oidA, New: zero}}); got != nil {
		t.Errorf("deletion only: got %q, want nothing", got)
	}
	got := ReceiveRevisions([]Update{{Ref: "a", Old: zero, New: oidA}, {Ref: "b", Old: oidB, New: oidA}, {Ref: "c", Old: zero, New: oidB}})
	if want := []string{oidA, oidB, "--not", "--all"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
