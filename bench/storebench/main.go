// Command storebench builds a store of synthetic events on disk, as the
// big store of the timeline benchmarks is built (bench/bigfacts), and
// prints the write rate and
// the process's peak resident memory. It uses only graph.Open and
// Store.PutFactsBatch, so the same file builds against an earlier version
// of the project: `make bench-store` runs it on this tree and on a
// baseline, alternating (bench/storebench.sh).
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"math/rand"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"syscall"
	"time"

	"eventgraph/bench/bigfacts"
	"eventgraph/graph"
)

func main() {
	events := flag.Int("events", 1_000_000, "events to store")
	dir := flag.String("db", "", "database folder (must not exist; removed at the end unless -keep)")
	batch := flag.Int("batch", 100, "articles per PutFactsBatch call")
	keep := flag.Bool("keep", false, "keep the database")
	label := flag.String("label", "", "label printed before the figures")
	cpuprof := flag.String("cpuprofile", "", "write a CPU profile to this file")
	memprof := flag.String("memprofile", "", "write a heap profile at the end to this file")
	asLoad := flag.Bool("as-load", false, "open the store as `eventgraph load` does: 32 MiB block and index caches, 2 compactors, a 320 MiB soft heap limit (unless GOMEMLIMIT is set)")
	flag.Parse()
	if *dir == "" {
		d, err := os.MkdirTemp("", "storebench-")
		if err != nil {
			log.Fatal(err)
		}
		*dir = filepath.Join(d, "db")
		defer os.RemoveAll(d)
	} else if !*keep {
		defer os.RemoveAll(*dir)
	}
	if *cpuprof != "" {
		f, err := os.Create(*cpuprof)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	start := time.Now()
	opt := graph.DefaultOptions(*dir).WithLogger(quiet)
	if *asLoad {
		// the settings of cmd/eventgraph's load (loadCacheSize and so on)
		opt = opt.WithCacheSize(32 << 20).WithIndexCacheSize(32 << 20).WithCompactors(2)
		if os.Getenv("GOMEMLIMIT") == "" {
			debug.SetMemoryLimit(320 << 20)
		}
	}
	st, err := graph.Open(opt)
	if err != nil {
		log.Fatal(err)
	}
	r := rand.New(rand.NewSource(1))
	var fs []*graph.Facts
	put := func() {
		_, errs := st.PutFactsBatch(fs)
		for _, err := range errs {
			if err != nil {
				log.Fatal(err)
			}
		}
		fs = fs[:0]
	}
	for a := 0; a*bigfacts.EventsPerArticle < *events; a++ {
		fs = append(fs, bigfacts.Article(r, a))
		if len(fs) == *batch {
			put()
		}
	}
	put()
	if err := st.Close(); err != nil {
		log.Fatal(err)
	}
	el := time.Since(start)
	if *memprof != "" {
		f, err := os.Create(*memprof)
		if err == nil {
			_ = pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	fmt.Printf("%s events=%d seconds=%.1f events/s=%.0f peak-rss-MB=%.0f cpu-s=%.1f disk-MB=%.0f\n",
		*label, *events, el.Seconds(), float64(*events)/el.Seconds(), float64(ru.Maxrss)/1024,
		time.Duration(ru.Utime.Nano()+ru.Stime.Nano()).Seconds(), float64(du(*dir))/(1<<20))
}

// du is the size in bytes of the files under dir.
func du(dir string) int64 {
	var n int64
	_ = filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n
}
