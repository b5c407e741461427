package bench

import (
	"context"
	"encoding/json"
	"io"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"eventgraph/graph"
	"eventgraph/schema"
	"eventgraph/server"
)

// monthWindow returns the first and last day of a random month of the big
// store's range.
func monthWindow(r *rand.Rand) (string, string) {
	d := benchFrom.AddDate(0, r.Intn(12*26), 0)
	return d.Format("2006-01-02"), d.AddDate(0, 1, -1).Format("2006-01-02")
}

// queriesPerRun is how many windows timeQueries samples at least, so that
// the p99 means something even with -benchtime 1x; EVENTGRAPH_BENCH_QUERIES
// overrides it (fewer for quick before/after rounds).
var queriesPerRun = func() int {
	if n, err := strconv.Atoi(os.Getenv("EVENTGRAPH_BENCH_QUERIES")); err == nil && n > 0 {
		return n
	}
	return 500
}()

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
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	// the queries during which a collection ended: how many, and how
	// long they took (is the tail the collector's?)
	gcs := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
	var hit []time.Duration
	for i := 0; i < runs; i++ {
		from, to := monthWindow(r)
		metrics.Read(gcs)
		c := gcs[0].Value.Uint64()
		t := time.Now()
		n += q(from, to)
		d := time.Since(t)
		lat = append(lat, d)
		if metrics.Read(gcs); gcs[0].Value.Uint64() != c {
			hit = append(hit, d)
		}
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	// what the process allocated (server and client, in-process) and how
	// often the collector ran, per query: the garbage collector's share
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/1024/float64(runs), "alloc-KiB/query")
	b.ReportMetric(float64(after.NumGC-before.NumGC)/float64(runs), "GCs/query")
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	ms := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
	b.ReportMetric(100*float64(len(hit))/float64(runs), "gc-hit-%")
	if len(hit) > 0 {
		sort.Slice(hit, func(i, j int) bool { return hit[i] < hit[j] })
		b.ReportMetric(float64(hit[len(hit)/2].Microseconds())/1000, "gc-hit-p50-ms")
	}
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
			if err := st.View(func(r graph.Snapshot) (err error) {
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
			if err := st.View(func(r graph.Snapshot) (err error) {
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

// selfRSS returns this process's resident memory and its anonymous part
// in KiB (Linux; zeros elsewhere).
func selfRSS() (rss, anon int64) {
	st, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(st), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		v, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case "VmRSS:":
			rss = v
		case "RssAnon:":
			anon = v
		}
	}
	return rss, anon
}

// BenchmarkServedReads times what a client of the server waits for, over
// loopback HTTP against the same big store as BenchmarkTimeline: GET
// /timeline for a month (every event with its actor, place and article
// names) and a POST /graphql of a month's first 100 events with their
// count. Each samples at least 500 windows, so -benchtime 1x is enough.
func BenchmarkServedReads(b *testing.B) {
	dir := bigStore(b)
	// the block and index caches in MiB: EVENTGRAPH_BENCH_CACHE_MB and
	// EVENTGRAPH_BENCH_INDEX_CACHE_MB (0: Badger's default), serve's
	// default block cache otherwise
	opt := graph.DefaultOptions(dir).WithReadOnly(true).WithLogger(quietLogger()).WithCacheSize(graph.ServerCacheSize)
	if n, err := strconv.Atoi(os.Getenv("EVENTGRAPH_BENCH_CACHE_MB")); err == nil && n > 0 {
		opt = opt.WithCacheSize(int64(n) << 20)
	}
	if n, err := strconv.Atoi(os.Getenv("EVENTGRAPH_BENCH_INDEX_CACHE_MB")); err == nil && n > 0 {
		opt = opt.WithIndexCacheSize(int64(n) << 20)
	}
	st, err := graph.Open(opt)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	srv, err := server.New(st, nil, server.Config{Logger: quietLogger()})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	client := ts.Client()
	get := func(b *testing.B, req *http.Request) int {
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		n, err := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			b.Fatalf("%s: %d %v", req.URL, resp.StatusCode, err)
		}
		return int(n)
	}
	var bytes int
	b.Run("http-timeline-month", func(b *testing.B) {
		bytes = 0
		timeQueries(b, func(from, to string) int {
			req, _ := http.NewRequest(http.MethodGet, ts.URL+"/timeline?from="+from+"&to="+to, nil)
			bytes += get(b, req)
			return 1
		})
		b.ReportMetric(float64(bytes)/float64(2*max(b.N, queriesPerRun)), "bytes/query")
		// the process serves and reads: its memory after the timeline
		// runs is the server's (plus a small client)
		rss, anon := selfRSS()
		b.ReportMetric(float64(rss)/1024, "rss-MiB")
		b.ReportMetric(float64(anon)/1024, "anon-MiB")
	})
	const q = `query($from: String, $to: String) { events(from: $from, to: $to, first: 100) {
		totalCount edges { node { id title date { value start end } } } } }`
	b.Run("http-graphql-page100", func(b *testing.B) {
		timeQueries(b, func(from, to string) int {
			body, _ := json.Marshal(map[string]any{"query": q, "variables": map[string]any{"from": from, "to": to}})
			req, _ := http.NewRequest(http.MethodPost, ts.URL+"/graphql", strings.NewReader(string(body)))
			req.Header.Set("Content-Type", "application/json")
			get(b, req)
			return 100
		})
	})
}
