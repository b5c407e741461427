package bench

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"eventgraph/bench/bigfacts"
	"eventgraph/graph"
)

// EVENTGRAPH_BENCH_STORE=<folder> keeps the big store in that folder and
// reuses it in later runs (it is rebuilt when the size changes; delete it
// after changing the storage format).

// bigEvents is the size of the store the timeline and export benchmarks
// read; EVENTGRAPH_BENCH_EVENTS overrides it (e.g. 200000 on a slow box).
func bigEvents() int {
	if n, err := strconv.Atoi(os.Getenv("EVENTGRAPH_BENCH_EVENTS")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}

const eventsPerArticle = bigfacts.EventsPerArticle

var big struct {
	once   sync.Once
	dir    string
	events int
	built  time.Duration
	err    error
}

var (
	benchFrom = bigfacts.From
	benchDays = bigfacts.Days
)

// bigStore builds, once per run, a database on disk of bigEvents() events
// (100 an article, 2000 actors, 200 places, dates uniform over 2000-2025,
// one in ten spanning a month) written directly as graph.Facts, and returns
// its folder. The store is closed: callers open it.
func bigStore(b *testing.B) string {
	big.once.Do(func() {
		start := time.Now()
		n := bigEvents()
		var dir string
		if keep := os.Getenv("EVENTGRAPH_BENCH_STORE"); keep != "" {
			// a kept store: reused when it was built with the same size
			dir = filepath.Join(keep, fmt.Sprintf("db-%d", n))
			if _, err := os.Stat(filepath.Join(dir, "complete")); err == nil {
				big.dir, big.events = dir, n
				return
			}
			removeAll(dir)
		} else {
			d, err := tempDir("big")
			if err != nil {
				big.err = err
				return
			}
			dir = filepath.Join(d, "db")
		}
		st, err := graph.Open(graph.DefaultOptions(dir).WithLogger(quietLogger()))
		if err != nil {
			big.err = err
			return
		}
		r := rand.New(rand.NewSource(1))
		var batch []*graph.Facts
		for a := 0; a*eventsPerArticle < n; a++ {
			batch = append(batch, bigfacts.Article(r, a))
			if len(batch) == 100 {
				if err := putAll(st, batch); err != nil {
					big.err = err
					return
				}
				batch = batch[:0]
			}
		}
		if err := putAll(st, batch); err != nil {
			big.err = err
			return
		}
		if big.err = st.Close(); big.err != nil {
			return
		}
		big.dir, big.events, big.built = dir, n, time.Since(start)
		big.err = os.WriteFile(filepath.Join(dir, "complete"), nil, 0o644)
	})
	if big.err != nil {
		b.Fatal(big.err)
	}
	return big.dir
}

func putAll(st *graph.Store, fs []*graph.Facts) error {
	_, errs := st.PutFactsBatch(fs)
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
