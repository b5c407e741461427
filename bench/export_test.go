package bench

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
)

var binOnce struct {
	sync.Once
	path string
}

// BenchmarkExportGEXF exports the big store (a million events) to GEXF
// with the eventgraph binary in a subprocess, reporting its wall time, its
// peak resident memory (getrusage's ru_maxrss) and the file's size.
func BenchmarkExportGEXF(b *testing.B) {
	dir := bigStore(b)
	binOnce.Do(func() {
		d, err := tempDir("bin")
		if err != nil {
			b.Fatal(err)
		}
		binOnce.path = buildBinary(b, d)
	})
	out := filepath.Join(filepath.Dir(dir), "graph.gexf")
	var maxRSS int64
	var size int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(binOnce.path, "export", "--db", dir, "--format", "gexf", "--out", out)
		if os.Getenv("EVENTGRAPH_BENCH_GCTRACE") != "" {
			cmd.Env = append(os.Environ(), "GODEBUG=gctrace=1")
		}
		start := time.Now()
		msg, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("export: %v\n%s", err, msg)
		}
		if os.Getenv("EVENTGRAPH_BENCH_GCTRACE") != "" {
			b.Logf("%s", msg)
		}
		_ = time.Since(start)
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru.Maxrss > maxRSS {
			maxRSS = ru.Maxrss // KiB on Linux
		}
		if fi, err := os.Stat(out); err == nil {
			size = fi.Size()
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(maxRSS)/1024, "peak-RSS-MiB")
	b.ReportMetric(float64(size)/(1<<20), "file-MiB")
	b.ReportMetric(float64(big.events), "events")
	_ = os.Remove(out)
}
