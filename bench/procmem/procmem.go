// Package procmem samples the memory of a running process from
// /proc/<pid>/status, for the benchmarks that run eventgraph (or anything
// else) in a subprocess and report its peak resident memory. getrusage's
// ru_maxrss would be wrong there: the kernel carries the parent's peak — the
// benchmark process — into a child started with vfork+exec.
package procmem

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// Peaks are the highest values seen of a process's /proc status lines, in
// KiB: VmHWM (its peak resident set, as the kernel keeps it), RssAnon (heap,
// stacks, caches) and RssFile (file-backed pages: memory-mapped files).
type Peaks struct{ HWM, Anon, File int64 }

// Read samples /proc/<pid>/status once.
func Read(pid int) (Peaks, error) {
	var pk Peaks
	st, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return pk, err
	}
	for _, line := range strings.Split(string(st), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		v, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case "VmHWM:":
			pk.HWM = v
		case "RssAnon:":
			pk.Anon = v
		case "RssFile:":
			pk.File = v
		}
	}
	return pk, nil
}

// Sample reads /proc/<pid>/status every 10 ms until done is closed or the
// process is gone, and returns the peaks seen.
func Sample(pid int, done <-chan struct{}) Peaks {
	var pk Peaks
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		if p, err := Read(pid); err == nil {
			pk = Peaks{HWM: max(pk.HWM, p.HWM), Anon: max(pk.Anon, p.Anon), File: max(pk.File, p.File)}
		}
		select {
		case <-done:
			return pk
		case <-tick.C:
		}
	}
}
