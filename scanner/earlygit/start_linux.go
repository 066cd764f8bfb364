//go:build linux

package earlygit

import "syscall"

func init() {
	if hookInvocation() {
		Prestart()
	}
}

// Prestart starts git as init does for a hook, and keeps it for Take. On a two-CPU machine git
// gets a CPU to itself until Rejoin (see affinity_linux.go).
func Prestart() (pid int, err error) {
	Discard()
	p, err := Start()
	if err != nil {
		return 0, err
	}
	started = p
	separate(p.Pid)
	return p.Pid, nil
}

// Kill kills the process and reaps it, closes the pipes and rejoins the CPUs (Rejoin).
func (p *Proc) Kill() {
	syscall.Kill(p.Pid, syscall.SIGKILL)
	var ws syscall.WaitStatus
	for {
		if _, err := syscall.Wait4(p.Pid, &ws, 0, nil); err != syscall.EINTR {
			break
		}
	}
	Rejoin()
	syscall.Close(p.Stdout)
	syscall.Close(p.Stderr)
}

// hookInvocation reports whether the process was invoked as `tokenscan protect --staged`, as
// the hooks tokenscan installs and its pre-commit framework hooks run it, with any other protect
// flags (none of them changes the git command). A wrong guess costs one git process, killed
// unused. The command line comes from /proc: the os package, which holds it, initialises much
// later.
func hookInvocation() bool {
	fd, err := syscall.Open("/proc/self/cmdline", syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return false
	}
	defer syscall.Close(fd)
	var buf [4096]byte
	n := 0
	for n < len(buf) {
		m, err := syscall.Read(fd, buf[n:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil || m <= 0 {
			break
		}
		n += m
	}
	return stagedProtect(split(buf[:n]))
}

// stagedProtect reports whether a command line (program name first) runs protect --staged.
func stagedProtect(args []string) bool {
	if len(args) < 3 || args[1] != "protect" {
		return false
	}
	staged := false
	for _, a := range args[2:] {
		switch a {
		case "--staged", "--staged=true":
			staged = true
		case "--pre-push", "--pre-receive", "-h", "--help", "--":
			return false
		}
	}
	return staged
}

// split splits a NUL-terminated argument list.
func split(b []byte) []string {
	var out []string
	for len(b) > 0 {
		i := 0
		for i < len(b) && b[i] != 0 {
			i++
		}
		out = append(out, string(b[:i]))
		if i == len(b) {
			break
		}
		b = b[i+1:]
	}
	return out
}

// Start starts git with Args in the working directory, with the environment os/exec would give
// it (the inherited one plus Env, the last of duplicate keys kept). It finds git on PATH as
// os/exec does, but gives up on a relative PATH entry (which os/exec refuses too).
func Start() (*Proc, error) {
	path, ok := lookGit()
	if !ok {
		return nil, syscall.ENOENT
	}
	dir, err := syscall.Getwd()
	if err != nil {
		return nil, err
	}
	env := dedupEnv(append(syscall.Environ(), Env...))
	null, err := syscall.Open("/dev/null", syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, err
	}
	defer syscall.Close(null)
	var out [2]int
	if err := syscall.Pipe2(out[:], syscall.O_CLOEXEC); err != nil {
		return nil, err
	}
	var errp [2]int
	if err := syscall.Pipe2(errp[:], syscall.O_CLOEXEC); err != nil {
		syscall.Close(out[0])
		syscall.Close(out[1])
		return nil, err
	}
	argv := append([]string{"git"}, Args...)
	pid, err := syscall.ForkExec(path, argv, &syscall.ProcAttr{
		Env:   env,
		Files: []uintptr{uintptr(null), uintptr(out[1]), uintptr(errp[1])},
	})
	syscall.Close(out[1])
	syscall.Close(errp[1])
	if err != nil {
		syscall.Close(out[0])
		syscall.Close(errp[0])
		return nil, err
	}
	return &Proc{Path: path, Argv: argv, Environ: env, Dir: dir, Pid: pid, Stdout: out[0], Stderr: errp[0]}, nil
}

// lookGit finds git on PATH as exec.LookPath does, as long as the PATH entries it looks in are
// absolute ("." or a relative entry, which os/exec refuses to take git from, ends the search).
func lookGit() (string, bool) {
	path, _ := syscall.Getenv("PATH")
	for _, dir := range splitList(path) {
		if dir == "" || dir[0] != '/' {
			return "", false
		}
		for len(dir) > 1 && dir[len(dir)-1] == '/' {
			dir = dir[:len(dir)-1]
		}
		file := dir + "/git"
		if dir == "/" {
			file = "/git"
		}
		var st syscall.Stat_t
		if syscall.Stat(file, &st) == nil && st.Mode&syscall.S_IFMT != syscall.S_IFDIR && syscall.Access(file, 1) == nil {
			return file, true
		}
	}
	return "", false
}

func splitList(path string) []string {
	out := []string{}
	for {
		i := 0
		for i < len(path) && path[i] != ':' {
			i++
		}
		out = append(out, path[:i])
		if i == len(path) {
			return out
		}
		path = path[i+1:]
	}
}

// dedupEnv keeps the last value of each key, in the order of those last occurrences, and drops
// entries holding a NUL byte, as os/exec does on Unix.
func dedupEnv(env []string) []string {
	saw := make(map[string]bool, len(env))
	out := make([]string, 0, len(env))
	for i := len(env) - 1; i >= 0; i-- {
		kv := env[i]
		if index(kv, 0) >= 0 {
			continue
		}
		eq := index(kv, '=')
		if eq == 0 { // a key that starts with "=" (seen on Windows)
			eq = index(kv[1:], '=') + 1
		}
		if eq < 0 {
			if kv != "" {
				out = append(out, kv) // not key=value: kept as it is
			}
			continue
		}
		if k := kv[:eq]; !saw[k] {
			saw[k] = true
			out = append(out, kv)
		}
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

func index(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}
