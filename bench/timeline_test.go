package bench

import (
	"context"
	"math/rand"
	"path/filepath"
	"runtime"
	"sort"
	"testing"
	"time"

	"eventgraph/graph"
	"eventgraph/schema"
)

// monthWindow returns the first and last day of a random month of the big
// store's range.
func monthWindow(r *rand.Rand) (string, string) {
	d := benchFrom.AddDate(0, r.Intn(12*26), 0)
	return d.Format("2006-01-02"), d.AddDate(0, 1, -1).Format("2006-01-02")
}

// queriesPerRun is how many windows timeQueries samples at least, so that
// the p99 means something even with -benchtime 1x.
const queriesPerRun = 500

// timeQueries runs q over random one-month windows (at least queriesPerRun
// times, b.N if more), once to warm up and once timing each, and reports the p50 and p99 in
// milliseconds; ns/op is per b.N iteration.
func timeQueries(b *testing.B, q func(from, to string) int) {
	runs := max(b.N, queriesPerRun)
	// a first, untimed pass over the same windows warms the caches, so
	// that no variant pays for reading the store from disk first
	r := rand.New(rand.NewSource(2))
	for i := 0; i < runs; i++ {
		q(monthWindow(r))
	}
	r = rand.New(rand.NewSource(2))
	lat := make([]time.Duration, 0, runs)
	n := 0
	runtime.GC()
	b.ResetTimer()
	for i := 0; i < runs; i++ {
		from, to := monthWindow(r)
		t := time.Now()
		n += q(from, to)
		lat = append(lat, time.Since(t))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	ms := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
	b.ReportMetric(float64(n)/float64(runs), "events/query")
}

// BenchmarkTimeline reads one-month windows from a store of a million
// events (EVENTGRAPH_BENCH_EVENTS to change): a raw Badger range scan of the
// date index with the events' bytes, the store's Events (whole window
// decoded, and a first page of 100), and GraphQL events(from, to, first:
// 100). Each samples at least 500 windows, so -benchtime 1x is enough.
func BenchmarkTimeline(b *testing.B) {
	dir := bigStore(b)
	st, err := graph.Open(graph.DefaultOptions(dir).WithReadOnly(true).WithLogger(quietLogger()))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	b.Logf("store: %d events in %s, built in %v", big.events, filepath.Dir(dir), big.built.Round(time.Second))
	b.Run("raw-scan", func(b *testing.B) {
		timeQueries(b, func(from, to string) int {
			n, err := st.RawDateScan(from, to, true)
			if err != nil {
				b.Fatal(err)
			}
			return n
		})
	})
	b.Run("store-window", func(b *testing.B) {
		timeQueries(b, func(from, to string) int {
			var p graph.EventPage
			if err := st.View(func(r *graph.Reader) (err error) {
				p, err = r.Events(graph.EventFilter{From: from, To: to}, -1, "")
				return err
			}); err != nil {
				b.Fatal(err)
			}
			return len(p.Edges)
		})
	})
	b.Run("store-page100", func(b *testing.B) {
		timeQueries(b, func(from, to string) int {
			var p graph.EventPage
			if err := st.View(func(r *graph.Reader) (err error) {
				p, err = r.Events(graph.EventFilter{From: from, To: to}, 100, "")
				return err
			}); err != nil {
				b.Fatal(err)
			}
			return p.Total
		})
	})
	sc, err := schema.New(st, schema.Options{})
	if err != nil {
		b.Fatal(err)
	}
	const q = `query($from: String, $to: String) { events(from: $from, to: $to, first: 100) {
		totalCount edges { node { id title date { value start end } } } } }`
	b.Run("graphql-page100", func(b *testing.B) {
		timeQueries(b, func(from, to string) int {
			resp := sc.Exec(context.Background(), q, "", map[string]any{"from": from, "to": to})
			if len(resp.Errors) > 0 {
				b.Fatal(resp.Errors)
			}
			return 100
		})
	})
}
