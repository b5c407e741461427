package export_test

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"eventgraph/graph"
	"eventgraph/graph/export"
	"eventgraph/graph/timeline"
)

// synthetic fills an on-disk store with n articles, each with 3 events
// among a pool of 500 actors and 100 places.
func synthetic(tb testing.TB, n int) *graph.Store {
	tb.Helper()
	s, err := graph.Open(graph.DefaultOptions(tb.TempDir()))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = s.Close() })
	day0 := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		a := graph.Article{Title: fmt.Sprintf("Article %d", i), Source: "Synthetic", Published: day0.AddDate(0, 0, i).Format("2006-01-02")}
		a.ID = graph.ArticleID(a)
		f := graph.Facts{Article: a}
		for k := 0; k < 3; k++ {
			name := fmt.Sprintf("Actor %d", (i*3+k)%500)
			f.Actors = append(f.Actors, graph.Actor{ID: graph.ActorID(name), Name: name, Kind: graph.Person, Country: "IQ"})
		}
		pn := fmt.Sprintf("Place %d", i%100)
		p := graph.Place{ID: graph.PlaceID(pn, "IQ"), Name: pn, Country: "IQ", Lat: 33, Lon: 44, HasGeo: true}
		f.Places = []graph.Place{p}
		for k := 0; k < 3; k++ {
			sent := fmt.Sprintf("Sentence %d of article %d says that something happened at the border with a long enough text.", k, i)
			f.Article.Text += sent + " "
			d := day0.AddDate(0, 0, i).Format("2006-01-02")
			f.Events = append(f.Events, graph.Event{
				ID: graph.NewID("event", a.ID, fmt.Sprint(k)), Type: "make statement", CAMEO: "010",
				Title: fmt.Sprintf("Event %d.%d", i, k), Date: graph.DateSpan{Value: d, Start: d, End: d, Precision: graph.Day},
				Participants: []graph.Participation{{ActorID: f.Actors[k].ID, Role: "source"}, {ActorID: f.Actors[(k+1)%3].ID, Role: "target"}},
				PlaceID:      p.ID,
				Evidence:     []graph.Evidence{{ArticleID: a.ID, Sentence: sent}},
			})
		}
		if _, err := s.PutFacts(&f); err != nil {
			tb.Fatal(err)
		}
	}
	return s
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

func BenchmarkExportGEXF(b *testing.B) {
	s := synthetic(b, 2000)
	b.ResetTimer()
	var out countWriter
	for i := 0; i < b.N; i++ {
		out.n = 0
		if err := s.View(func(r graph.Snapshot) error { return export.Write(&out, r, export.GEXF, timeline.Query{}) }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(out.n), "bytes/export")
}

// peakHeap runs fn and returns the peak live heap above the level before
// it: every 5 ms the sampler collects garbage and reads the heap, so the
// figure is what the export holds, not garbage awaiting collection (whose
// allowance grows with the store's own heap).
func peakHeap(fn func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
				runtime.GC()
				runtime.ReadMemStats(&m)
				if m.HeapAlloc > base && m.HeapAlloc-base > peak.Load() {
					peak.Store(m.HeapAlloc - base)
				}
			}
		}
	}()
	fn()
	close(stop)
	wg.Wait()
	return peak.Load()
}

// TestExportMemoryFlat measures the heap an export needs for two graph
// sizes; set EVENTGRAPH_MEMTEST=1 to run it (it builds ~40 MB of data).
func TestExportMemoryFlat(t *testing.T) {
	if os.Getenv("EVENTGRAPH_MEMTEST") == "" {
		t.Skip("set EVENTGRAPH_MEMTEST=1 to measure export memory")
	}
	var peaks []uint64
	for _, n := range []int{2000, 8000} {
		s := synthetic(t, n)
		for _, format := range []string{export.GEXF, export.JSONL} {
			var out countWriter
			start := time.Now()
			p := peakHeap(func() {
				if err := s.View(func(r graph.Snapshot) error { return export.Write(&out, r, format, timeline.Query{}) }); err != nil {
					t.Fatal(err)
				}
			})
			t.Logf("%d articles (%d events): %s %.1f MB in %v, peak heap +%.1f MB",
				n, 3*n, format, float64(out.n)/1e6, time.Since(start).Round(time.Millisecond), float64(p)/1e6)
			if format == export.GEXF {
				peaks = append(peaks, p)
			}
		}
	}
	if peaks[1] > 2*peaks[0]+16<<20 {
		t.Errorf("export heap grows with the graph: %d → %d bytes", peaks[0], peaks[1])
	}
}
