//go:build linux

package earlygit

import (
	"sync/atomic"
	"syscall"
	"unsafe"
)

// On a machine with two CPUs a hook fills both: git on one, tokenscan's initialisation on the
// other. In a Go program's first milliseconds the runtime's sysmon thread wakes about every
// 100µs; finding no idle CPU it preempts git, about fifty times a hook (perf sched). So while
// the early git runs, it gets one CPU to itself and tokenscan's threads keep the other; when git
// has exited, Rejoin gives tokenscan's threads both again (threads started meanwhile inherit
// the one CPU, and are included). Measured on the hook benchmark, 2 CPUs: 1.2-1.7ms of ~17ms
// saved with 10 staged files, 3ms of ~50 with 1,000.
//
// With three or more CPUs there is an idle one for sysmon, and confining either side could
// only cost, so nothing is done; nor on one CPU. Every failure leaves the CPUs as they were or,
// at worst, a thread confined to one CPU: slower, never wrong.

// cpuMask is a CPU set as the kernel's affinity calls take it (glibc's cpu_set_t: 1,024 CPUs).
type cpuMask [16]uint64

func (m *cpuMask) has(cpu int) bool {
	return cpu >= 0 && cpu < 64*len(m) && m[cpu/64]&(1<<(cpu%64)) != 0
}

func (m *cpuMask) count() int {
	n := 0
	for _, w := range m {
		for ; w != 0; w &= w - 1 {
			n++
		}
	}
	return n
}

var (
	separated atomic.Bool
	shared    cpuMask // the CPUs tokenscan's threads had before separate; set before separated
)

// splitCPUs decides how to separate: given the CPUs allowed and the one the caller runs on, it
// returns the one CPU tokenscan keeps and the one git gets, if there are exactly two.
func splitCPUs(allowed cpuMask, current int) (ours, git cpuMask, ok bool) {
	if allowed.count() != 2 || !allowed.has(current) {
		return ours, git, false
	}
	ours[current/64] = 1 << (current % 64)
	git = allowed
	git[current/64] &^= ours[current/64]
	return ours, git, true
}

// separate gives the git process pid the other of two CPUs, and tokenscan's threads the one
// the caller runs on.
func separate(pid int) {
	cpu, ok := getcpu()
	if !ok {
		return
	}
	var allowed cpuMask
	if !affinity(syscall.SYS_SCHED_GETAFFINITY, 0, &allowed) {
		return
	}
	ours, git, ok := splitCPUs(allowed, cpu)
	if !ok || !affinity(syscall.SYS_SCHED_SETAFFINITY, pid, &git) {
		return
	}
	shared = allowed
	separated.Store(true)
	eachThread(func(tid int) { affinity(syscall.SYS_SCHED_SETAFFINITY, tid, &ours) })
}

// Rejoin gives tokenscan's threads back the CPUs they had before git was started early. It is
// called once git has exited (or been killed); calls after the first do nothing. The threads
// are listed twice: a listing can miss a thread started while another ends (found in review),
// which would then keep one CPU.
func Rejoin() {
	if separated.CompareAndSwap(true, false) {
		for range 2 {
			eachThread(func(tid int) { affinity(syscall.SYS_SCHED_SETAFFINITY, tid, &shared) })
		}
	}
}

// Separated reports whether git started early has a CPU to itself now.
func Separated() bool { return separated.Load() }

// affinity gets or sets (call) the CPUs of thread or process tid (0: the calling thread).
func affinity(call uintptr, tid int, m *cpuMask) bool {
	_, _, e := syscall.RawSyscall(call, uintptr(tid), unsafe.Sizeof(*m), uintptr(unsafe.Pointer(m)))
	return e == 0
}

// getcpu returns the CPU the calling thread runs on.
func getcpu() (int, bool) {
	if sysGetcpu == 0 {
		return 0, false
	}
	var cpu uint32
	if _, _, e := syscall.RawSyscall(sysGetcpu, uintptr(unsafe.Pointer(&cpu)), 0, 0); e != 0 {
		return 0, false
	}
	return int(cpu), true
}

// eachThread calls f with the id of each of the process's threads.
func eachThread(f func(tid int)) {
	fd, err := syscall.Open("/proc/self/task", syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return
	}
	defer syscall.Close(fd)
	var buf [16 << 10]byte // one read lists a few hundred threads
	var names []string
	for {
		n, err := syscall.ReadDirent(fd, buf[:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil || n <= 0 {
			return
		}
		_, _, names = syscall.ParseDirent(buf[:n], -1, names[:0])
		for _, name := range names {
			if tid, ok := atoi(name); ok {
				f(tid)
			}
		}
	}
}

func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}
