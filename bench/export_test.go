package bench

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"eventgraph/bench/procmem"
)

var binOnce struct {
	sync.Once
	path string
}

// BenchmarkExportGEXF exports the big store (a million events) to GEXF
// with the eventgraph binary in a subprocess, reporting its wall time, its
// peak resident memory and the file's size. The peak is the subprocess's
// VmHWM, read from /proc every 10 ms until it exits, with the peaks of its
// anonymous memory (heap, caches) and of its file-backed pages (the
// database's memory-mapped files) beside it. getrusage's ru_maxrss would
// be wrong here: the kernel carries the parent's peak — this benchmark
// process, which built the store — into a child started with vfork+exec.
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
	var maxRSS, maxAnon, maxFile int64 // KiB
	var size int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(binOnce.path, "export", "--db", dir, "--format", "gexf", "--out", out)
		if os.Getenv("EVENTGRAPH_BENCH_GCTRACE") != "" {
			cmd.Env = append(os.Environ(), "GODEBUG=gctrace=1")
		}
		var msg bytes.Buffer
		cmd.Stdout, cmd.Stderr = &msg, &msg
		start := time.Now()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		done := make(chan struct{})
		peaks := make(chan procmem.Peaks, 1)
		go func() { peaks <- procmem.Sample(cmd.Process.Pid, done) }()
		err := cmd.Wait()
		close(done)
		pk := <-peaks
		if err != nil {
			b.Fatalf("export: %v\n%s", err, msg.Bytes())
		}
		maxRSS, maxAnon, maxFile = max(maxRSS, pk.HWM), max(maxAnon, pk.Anon), max(maxFile, pk.File)
		if os.Getenv("EVENTGRAPH_BENCH_GCTRACE") != "" {
			b.Logf("%s", msg.Bytes())
		}
		_ = time.Since(start)
		if fi, err := os.Stat(out); err == nil {
			size = fi.Size()
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(maxRSS)/1024, "peak-RSS-MiB")
	b.ReportMetric(float64(maxAnon)/1024, "peak-anon-MiB")
	b.ReportMetric(float64(maxFile)/1024, "peak-file-MiB")
	b.ReportMetric(float64(size)/(1<<20), "file-MiB")
	b.ReportMetric(float64(big.events), "events")
	_ = os.Remove(out)
}
