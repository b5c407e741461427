package dgraph

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"eventgraph/bench/procmem"
	"eventgraph/graph"
	"eventgraph/graph/dgraph/dgraphtest"
	"eventgraph/loader/extract"
	"eventgraph/loader/synth"
	"eventgraph/server"
)

// benchEvents is the size of BenchmarkDgraphVsEmbedded's graph in stored
// events (issue 16); EVENTGRAPH_BENCH_EVENTS overrides it.
const benchEvents = 100_000

// benchReads is how many one-month windows each read benchmark asks.
const benchReads = 40

// benchPerMonth is the corpus's density: articles a month, as a busy desk's
// wire copy on a topic.
const benchPerMonth = 100

// benchCorpus extracts a synthetic corpus of about events stored events,
// benchPerMonth articles a month from 2016: the number of articles comes
// from a pilot of 300 articles as dense, loaded into an in-memory store.
func benchCorpus(b *testing.B, events int) (facts []*graph.Facts, from time.Time, months int) {
	b.Helper()
	from = time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	gen := func(n int) []*graph.Facts {
		months := (n + benchPerMonth - 1) / benchPerMonth
		docs := synth.GenerateWith(n, 41, synth.Options{Paragraphs: 6, From: from, To: from.AddDate(0, months, -1)})
		out := make([]*graph.Facts, len(docs))
		for i, d := range docs {
			out[i] = extract.Article(d)
		}
		return out
	}
	pilot, err := graph.Open(graph.DefaultOptions("").WithInMemory(true))
	if err != nil {
		b.Fatal(err)
	}
	defer pilot.Close()
	for _, f := range gen(300) {
		if _, err := pilot.PutFacts(f); err != nil {
			b.Fatal(err)
		}
	}
	var stats graph.Stats
	if err := pilot.View(func(s graph.Snapshot) error { var err error; stats, err = s.Stats(); return err }); err != nil {
		b.Fatal(err)
	}
	n := max(1, events*300/max(1, stats.Events))
	facts = gen(n)
	return facts, from, (n + benchPerMonth - 1) / benchPerMonth
}

// benchResult is what one store gave.
type benchResult struct {
	load             time.Duration
	events, articles int
	tl50, tl99       time.Duration // GET /timeline of a month
	tlEvents         int           // events in the timeline windows, summed
	gq50, gq99       time.Duration // POST /graphql, a month's first page
	gqTotal          int           // the pages' totalCounts, summed
	gexf             time.Duration // eventgraph export --format gexf
	gexfPeak         procmem.Peaks
	gexfSize         int64
	walk             time.Duration // ForEachEvent over every event
	alphaPeak        int64         // KiB: the alpha's VmHWM at the end
}

// BenchmarkDgraphVsEmbedded (make bench-dgraph) loads one synthetic corpus
// of about 100,000 stored events (EVENTGRAPH_BENCH_EVENTS sets another
// size) into the embedded store (on disk) and into a one-zero one-alpha
// Dgraph cluster, each with 1 and then 2 concurrent loaders on a fresh
// store (articles extracted before: the store's write rate), and prints,
// in one table with the ratios Dgraph/embedded: the load rates (articles/s
// and stored events/s); on the stores loaded by one loader, through the
// server's handler in process, GET /timeline of a month and POST /graphql
// of a month's first page (events(from, to, first: 20) with totalCount and
// cursors), p50 and p99 of 40 random months each; a walk of every event
// (ForEachEvent); and `eventgraph export --format gexf` in a subprocess:
// its time and peak resident memory (VmHWM), and the file's size (the
// same on both: one loader writes the same graph).
func BenchmarkDgraphVsEmbedded(b *testing.B) {
	dgraphtest.Binary(b)
	target := benchEvents
	if v, err := strconv.Atoi(os.Getenv("EVENTGRAPH_BENCH_EVENTS")); err == nil && v > 0 {
		target = v
	}
	facts, from, months := benchCorpus(b, target)
	bin := filepath.Join(b.TempDir(), "eventgraph")
	if out, err := exec.Command("go", "build", "-o", bin, "eventgraph/cmd/eventgraph").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	// the windows: random months of the corpus, the same for both stores
	r := rand.New(rand.NewPCG(1, 2))
	windows := make([]string, benchReads)
	for i := range windows {
		windows[i] = from.AddDate(0, r.IntN(months), 0).Format("2006-01")
	}

	// load writes a copy of facts with k loaders (article i to loader i%k).
	load := func(b *testing.B, st graph.Storage, k int, res *benchResult) {
		// a copy for each store: PutFacts rewrites the facts it is given
		// (persons renamed as stored), and the next store must get the
		// extractor's
		facts := slices.Clone(facts)
		for i, f := range facts {
			c, err := copyFacts(f)
			if err != nil {
				b.Fatal(err)
			}
			facts[i] = c
		}
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
		res.load = time.Since(start)
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}
		err := st.View(func(s graph.Snapshot) error {
			stats, err := s.Stats()
			res.events, res.articles = stats.Events, stats.Articles
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	// reads times the served reads and the walk.
	reads := func(b *testing.B, st graph.Storage, res *benchResult) {
		srv, err := server.New(st, nil, server.Config{QueryTimeout: 10 * time.Minute})
		if err != nil {
			b.Fatal(err)
		}
		ts := httptest.NewServer(srv.Handler())
		defer ts.Close()
		do := func(req *http.Request) []byte {
			resp, err := ts.Client().Do(req)
			if err != nil {
				b.Fatal(err)
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if err != nil || resp.StatusCode != http.StatusOK {
				b.Fatalf("%s: %s %v %.300s", req.URL, resp.Status, err, body)
			}
			return body
		}
		var tl, gq []time.Duration
		for _, m := range windows {
			req, _ := http.NewRequest(http.MethodGet, ts.URL+"/timeline?from="+m+"&to="+m, nil)
			t0 := time.Now()
			body := do(req)
			tl = append(tl, time.Since(t0))
			var page struct{ Events []json.RawMessage }
			if err := json.Unmarshal(body, &page); err != nil {
				b.Fatalf("timeline %s: %v", m, err)
			}
			res.tlEvents += len(page.Events)
		}
		const q = `query($from: String, $to: String) { events(from: $from, to: $to, first: 20) {
			totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title type date { value start end }
			participants { role actor { id name } } place { id name } } } } }`
		for _, m := range windows {
			body, _ := json.Marshal(map[string]any{"query": q, "variables": map[string]any{"from": m, "to": m}})
			req, _ := http.NewRequest(http.MethodPost, ts.URL+"/graphql", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			t0 := time.Now()
			ans := do(req)
			gq = append(gq, time.Since(t0))
			var page struct {
				Data struct{ Events struct{ TotalCount int } }
			}
			if err := json.Unmarshal(ans, &page); err != nil {
				b.Fatalf("graphql %s: %v", m, err)
			}
			res.gqTotal += page.Data.Events.TotalCount
		}
		slices.Sort(tl)
		slices.Sort(gq)
		res.tl50, res.tl99 = tl[len(tl)/2], tl[len(tl)*99/100]
		res.gq50, res.gq99 = gq[len(gq)/2], gq[len(gq)*99/100]
		t0 := time.Now()
		walked := 0
		err = st.View(func(s graph.Snapshot) error {
			return s.ForEachEvent(func(graph.Event) error { walked++; return nil })
		})
		if err != nil {
			b.Fatal(err)
		}
		res.walk = time.Since(t0)
		if walked != res.events {
			b.Fatalf("the walk read %d events, the stats count %d", walked, res.events)
		}
	}
	// gexf runs eventgraph export --format gexf on db in a subprocess.
	gexf := func(b *testing.B, db string, res *benchResult) {
		out := filepath.Join(b.TempDir(), "graph.gexf")
		cmd := exec.Command(bin, "export", "--db", db, "--format", "gexf", "--out", out)
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
		res.gexf = time.Since(start)
		close(done)
		res.gexfPeak = <-peaks
		if err != nil {
			b.Fatalf("export: %v\n%s", err, msg.Bytes())
		}
		fi, err := os.Stat(out)
		if err != nil {
			b.Fatal(err)
		}
		res.gexfSize = fi.Size()
		_ = os.Remove(out)
	}
	embedded := func(b *testing.B, k int) benchResult {
		var res benchResult
		dir := b.TempDir()
		emb, err := graph.Open(graph.DefaultOptions(dir).WithLogger(slog.New(slog.DiscardHandler)))
		if err != nil {
			b.Fatal(err)
		}
		load(b, embeddedStorage{emb}, k, &res)
		if k == 1 {
			reads(b, embeddedStorage{emb}, &res)
		}
		if err := emb.Close(); err != nil {
			b.Fatal(err)
		}
		if k == 1 {
			gexf(b, dir, &res)
		}
		return res
	}
	dgraph := func(b *testing.B, k int) benchResult {
		var res benchResult
		c := dgraphtest.Start(b)
		defer c.Stop(b)
		dsn := "dgraph://" + c.GRPC + "?sslmode=disable"
		dg, err := Open(dsn)
		if err != nil {
			b.Fatal(err)
		}
		defer dg.Close()
		load(b, dg, k, &res)
		if k == 1 {
			reads(b, dg, &res)
			gexf(b, dsn, &res)
		}
		if pk, err := procmem.Read(c.Alphas[0].Pid()); err == nil {
			res.alphaPeak = pk.HWM
		}
		return res
	}
	for i := 0; i < b.N; i++ {
		var e, d [3]benchResult
		for k := 1; k <= 2; k++ {
			e[k] = embedded(b, k)
			d[k] = dgraph(b, k)
		}
		report(os.Stdout, len(facts), months, e, d)
		// one loader writes in one order: the same graph (two loaders merge
		// in the order their writes happen to commit)
		if d[1].events != e[1].events || d[1].tlEvents != e[1].tlEvents || d[1].gqTotal != e[1].gqTotal || d[1].gexfSize != e[1].gexfSize {
			b.Errorf("Dgraph: %d events, timelines %d, pages' totals %d, GEXF %d bytes; embedded: %d, %d, %d, %d",
				d[1].events, d[1].tlEvents, d[1].gqTotal, d[1].gexfSize, e[1].events, e[1].tlEvents, e[1].gqTotal, e[1].gexfSize)
		}
		for k := 1; k <= 2; k++ {
			if d[k].articles != len(facts) || e[k].articles != len(facts) {
				b.Errorf("%d loader(s): %d articles stored in Dgraph, %d in the embedded store, of %d", k, d[k].articles, e[k].articles, len(facts))
			}
		}
		b.ReportMetric(float64(len(facts))/d[1].load.Seconds(), "dgraph-articles/s")
		b.ReportMetric(float64(len(facts))/e[1].load.Seconds(), "embedded-articles/s")
	}
}

// report prints the benchmark's table.
func report(w io.Writer, articles, months int, e, d [3]benchResult) {
	rate := func(x int, t time.Duration) float64 { return float64(x) / t.Seconds() }
	ratio := func(dv, ev float64) string { return fmt.Sprintf("%.2fx", dv/ev) }
	ms := func(t time.Duration) string { return fmt.Sprintf("%.1f ms", float64(t.Microseconds())/1000) }
	fmt.Fprintf(w, "\n%d synthetic articles (%d months, %d a month), %d stored events; %d one-month windows of %d events on average\n",
		articles, months, benchPerMonth, e[1].events, benchReads, e[1].tlEvents/benchReads)
	fmt.Fprintf(w, "%-36s %14s %14s %10s\n", "", "embedded", "Dgraph", "Dgraph/emb")
	row := func(name, ev, dv, r string) { fmt.Fprintf(w, "%-36s %14s %14s %10s\n", name, ev, dv, r) }
	for k := 1; k <= 2; k++ {
		ea, da := rate(articles, e[k].load), rate(articles, d[k].load)
		row(fmt.Sprintf("load, %d loader(s): articles/s", k), fmt.Sprintf("%.1f", ea), fmt.Sprintf("%.1f", da), ratio(da, ea))
		ee, de := rate(e[k].events, e[k].load), rate(d[k].events, d[k].load)
		row(fmt.Sprintf("load, %d loader(s): events/s", k), fmt.Sprintf("%.1f", ee), fmt.Sprintf("%.1f", de), ratio(de, ee))
	}
	dur := func(name string, ev, dv time.Duration) { row(name, ms(ev), ms(dv), ratio(float64(dv), float64(ev))) }
	dur("GET /timeline of a month p50", e[1].tl50, d[1].tl50)
	dur("GET /timeline of a month p99", e[1].tl99, d[1].tl99)
	dur("GraphQL first page of a month p50", e[1].gq50, d[1].gq50)
	dur("GraphQL first page of a month p99", e[1].gq99, d[1].gq99)
	dur("walk of every event (ForEachEvent)", e[1].walk, d[1].walk)
	dur("GEXF export (eventgraph export)", e[1].gexf, d[1].gexf)
	mib := func(kib int64) string { return fmt.Sprintf("%.0f MiB", float64(kib)/1024) }
	row("GEXF export peak RSS (VmHWM)", mib(e[1].gexfPeak.HWM), mib(d[1].gexfPeak.HWM),
		ratio(float64(d[1].gexfPeak.HWM), float64(e[1].gexfPeak.HWM)))
	row("GEXF file", fmt.Sprintf("%.1f MiB", float64(e[1].gexfSize)/(1<<20)), fmt.Sprintf("%.1f MiB", float64(d[1].gexfSize)/(1<<20)), "")
	row("Dgraph alpha peak RSS, 1 loader", "", mib(d[1].alphaPeak), "")
	row("Dgraph alpha peak RSS, 2 loaders", "", mib(d[2].alphaPeak), "")
}

// embeddedStorage hands the embedded store's snapshots as graph.Snapshot.
type embeddedStorage struct{ *graph.Store }

func (s embeddedStorage) View(fn func(graph.Snapshot) error) error {
	return s.Store.View(fn)
}
