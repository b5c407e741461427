package dgraph

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"eventgraph/graph"
	"eventgraph/graph/dgraph/dgraphtest"
	"eventgraph/loader/extract"
	"eventgraph/loader/synth"
)

// BenchmarkDgraphVsEmbedded (make bench-dgraph) loads one synthetic corpus
// into the embedded store and into a one-alpha Dgraph cluster, each with 1
// and then 2 concurrent loaders (a fresh store each time), and prints, in
// one table with the ratios Dgraph/embedded: the load rate (articles/s
// and stored events/s; the articles are extracted before, so this is the
// store's write rate), a one-month window's first page (Snapshot.Events,
// 20 events with the total count, as GraphQL's events(from, to, first))
// p50 and p99, and an export walk (ForEachEvent over every event).
// EVENTGRAPH_BENCH_ARTICLES sets the corpus size (default 120: about 6
// minutes on two busy cores, most of it Dgraph loading).
func BenchmarkDgraphVsEmbedded(b *testing.B) {
	dgraphtest.Binary(b)
	n := 120
	if v, err := strconv.Atoi(os.Getenv("EVENTGRAPH_BENCH_ARTICLES")); err == nil && v > 0 {
		n = v
	}
	const pageReads = 60
	// about 100 articles a month, as a busy desk's wire copy on a topic
	from := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	months := (n + 99) / 100
	docs := synth.GenerateWith(n, 41, synth.Options{Paragraphs: 6, From: from, To: from.AddDate(0, months, -1)})
	facts := make([]*graph.Facts, len(docs))
	for i, d := range docs {
		facts[i] = extract.Article(d)
	}
	// the window: the corpus's middle month
	mid := from.AddDate(0, months/2, 0)
	window := graph.EventFilter{From: mid.Format("2006-01-02"), To: mid.AddDate(0, 1, -1).Format("2006-01-02")}

	type result struct {
		load              time.Duration
		events            int
		p50, p99, walk    time.Duration
		total, pageEvents int
	}
	// measure loads facts with k loaders (article i to loader i%k) into st,
	// then times the reads.
	measure := func(b *testing.B, st graph.Storage, k int) result {
		b.Helper()
		var r result
		start := time.Now()
		var wg sync.WaitGroup
		errs := make(chan error, k)
		for l := 0; l < k; l++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := l; i < len(facts); i += k {
					if _, err := st.PutFacts(facts[i]); err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		wg.Wait()
		r.load = time.Since(start)
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}
		var lat []time.Duration
		err := st.View(func(s graph.Snapshot) error {
			stats, err := s.Stats()
			if err != nil {
				return err
			}
			r.events = stats.Events
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		for i := 0; i < pageReads; i++ {
			t0 := time.Now()
			err := st.View(func(s graph.Snapshot) error {
				p, err := s.Events(window, 20, "")
				r.total, r.pageEvents = p.Total, len(p.Edges)
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(t0))
		}
		slices.Sort(lat)
		r.p50, r.p99 = lat[len(lat)/2], lat[len(lat)*99/100]
		t0 := time.Now()
		walked := 0
		err = st.View(func(s graph.Snapshot) error {
			return s.ForEachEvent(func(graph.Event) error { walked++; return nil })
		})
		if err != nil {
			b.Fatal(err)
		}
		r.walk = time.Since(t0)
		if walked != r.events {
			b.Fatalf("the walk read %d events, the stats count %d", walked, r.events)
		}
		return r
	}
	embedded := func(b *testing.B, k int) result {
		emb, err := graph.Open(graph.DefaultOptions(b.TempDir()))
		if err != nil {
			b.Fatal(err)
		}
		defer emb.Close()
		return measure(b, embeddedStorage{emb}, k)
	}
	dgraph := func(b *testing.B, k int) result {
		c := dgraphtest.Start(b)
		defer c.Stop(b)
		dg, err := Open("dgraph://" + c.GRPC + "?sslmode=disable")
		if err != nil {
			b.Fatal(err)
		}
		defer dg.Close()
		return measure(b, dg, k)
	}
	for i := 0; i < b.N; i++ {
		var e, d [3]result
		for k := 1; k <= 2; k++ {
			e[k] = embedded(b, k)
			d[k] = dgraph(b, k)
		}
		rate := func(x int, t time.Duration) float64 { return float64(x) / t.Seconds() }
		ratio := func(dv, ev float64) string { return fmt.Sprintf("%.2fx", dv/ev) }
		ms := func(t time.Duration) string { return fmt.Sprintf("%.1f ms", float64(t.Microseconds())/1000) }
		w := os.Stdout
		fmt.Fprintf(w, "\n%d synthetic articles (%d months), %d stored events; window %s..%s: %d events (first page %d)\n",
			len(facts), months, e[1].events, window.From, window.To, e[1].total, e[1].pageEvents)
		fmt.Fprintf(w, "%-34s %14s %14s %10s\n", "", "embedded", "Dgraph", "Dgraph/emb")
		for k := 1; k <= 2; k++ {
			fmt.Fprintf(w, "%-34s %14.1f %14.1f %10s\n", fmt.Sprintf("load, %d loader(s): articles/s", k),
				rate(len(facts), e[k].load), rate(len(facts), d[k].load), ratio(rate(len(facts), d[k].load), rate(len(facts), e[k].load)))
			fmt.Fprintf(w, "%-34s %14.1f %14.1f %10s\n", fmt.Sprintf("load, %d loader(s): events/s", k),
				rate(e[k].events, e[k].load), rate(d[k].events, d[k].load), ratio(rate(d[k].events, d[k].load), rate(e[k].events, e[k].load)))
		}
		fmt.Fprintf(w, "%-34s %14s %14s %10s\n", "one-month first page p50", ms(e[1].p50), ms(d[1].p50), ratio(float64(d[1].p50), float64(e[1].p50)))
		fmt.Fprintf(w, "%-34s %14s %14s %10s\n", "one-month first page p99", ms(e[1].p99), ms(d[1].p99), ratio(float64(d[1].p99), float64(e[1].p99)))
		fmt.Fprintf(w, "%-34s %14s %14s %10s\n", "export walk (ForEachEvent)", ms(e[1].walk), ms(d[1].walk), ratio(float64(d[1].walk), float64(e[1].walk)))
		// one loader writes in one order: the same graph (two loaders merge
		// in the order their writes happen to commit)
		if d[1].events != e[1].events || d[1].total != e[1].total {
			b.Errorf("Dgraph stored %d events (window %d), embedded %d (window %d)", d[1].events, d[1].total, e[1].events, e[1].total)
		}
		b.ReportMetric(rate(len(facts), d[1].load), "dgraph-articles/s")
		b.ReportMetric(rate(len(facts), e[1].load), "embedded-articles/s")
	}
}

// embeddedStorage hands the embedded store's snapshots as graph.Snapshot.
type embeddedStorage struct{ *graph.Store }

func (s embeddedStorage) View(fn func(graph.Snapshot) error) error {
	return s.Store.View(fn)
}
