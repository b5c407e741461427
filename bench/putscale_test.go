package bench

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"eventgraph/graph"
	"eventgraph/loader/extract"
	"eventgraph/loader/read"
	"eventgraph/loader/synth"
)

// scaleDocs are n made-up articles as scaleCorpus writes them (titles
// and URLs numbered across the corpus).
func scaleDocs(n int) []read.Document {
	out := make([]read.Document, 0, n)
	eachScaleDoc(n, func(_ int, d read.Document) error {
		out = append(out, d)
		return nil
	})
	return out
}

// eachScaleDoc calls fn with the k-th of n made-up articles, generated
// 10,000 at a time: its title ends with k, its URL is numbered k, and its
// text is the title, a blank line and the body.
func eachScaleDoc(n int, fn func(k int, d read.Document) error) error {
	const chunk = 10000
	for start := 0; start < n; start += chunk {
		docs := synth.Generate(min(chunk, n-start), int64(1+start/chunk))
		for i := range docs {
			k := start + i
			d := docs[i]
			body := strings.TrimPrefix(d.Text, d.Title+"\n\n")
			d.Title = d.Title[:strings.LastIndex(d.Title, " ")+1] + strconv.Itoa(k)
			d.Text = d.Title + "\n\n" + body
			d.URL = fmt.Sprintf("https://synthetic.example/%d", k)
			if err := fn(k, d); err != nil {
				return err
			}
		}
	}
	return nil
}

// cpuTime is the process's user and system time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkPutFactsScale stores synthetic articles one transaction each
// (Store.PutFacts, as `eventgraph load` does) into an empty database on
// disk and times the store alone (each article's facts are extracted
// just before, untimed) over a window of articles ending at each of two corpus sizes
// in the same run (EVENTGRAPH_PUT_SIZES, default "1000 5000";
// EVENTGRAPH_PUT_WINDOW articles each, default 500): the cost of
// storing an article should not grow with the articles stored before it,
// so the ratio of the two (large/small) should be near 1. The Go heap is
// held to the soft limit of a load (320 MiB) unless GOMEMLIMIT is set.
func BenchmarkPutFactsScale(b *testing.B) {
	sizes := envInts(b, "EVENTGRAPH_PUT_SIZES", []int{1000, 5000})
	window := envInts(b, "EVENTGRAPH_PUT_WINDOW", []int{500})[0]
	if len(sizes) != 2 || sizes[0] >= sizes[1] || window < 1 || window > sizes[0] {
		b.Fatalf("EVENTGRAPH_PUT_SIZES: want two growing sizes of at least the window (%d)", window)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		// as `eventgraph load` (cmd/eventgraph: loadMemLimit)
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(320 << 20))
	}
	docs := scaleDocs(sizes[1])
	for i := 0; i < b.N; i++ {
		dir, err := tempDir("putscale")
		if err != nil {
			b.Fatal(err)
		}
		st, err := graph.Open(graph.DefaultOptions(dir).WithLogger(quietLogger()).
			WithCacheSize(32 << 20).WithIndexCacheSize(32 << 20).WithCompactors(2))
		if err != nil {
			b.Fatal(err)
		}
		type mark struct {
			wall, cpu time.Duration
			merged    int
		}
		var marks []mark
		var cur mark
		for k, d := range docs {
			for _, n := range sizes {
				if k == n-window {
					cur = mark{}
				}
			}
			// extracted here, as a load does, but not timed
			f := extract.Article(d)
			t0, c0 := time.Now(), cpuTime()
			res, err := st.PutFacts(f)
			cur.wall += time.Since(t0)
			cur.cpu += cpuTime() - c0
			if err != nil {
				b.Fatal(err)
			}
			cur.merged += res.Merged
			for _, n := range sizes {
				if k == n-1 {
					marks = append(marks, cur)
				}
			}
		}
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "live-heap-MiB")
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		removeAll(dir)
		for j, m := range marks {
			b.ReportMetric(float64(m.wall.Nanoseconds())/float64(window), fmt.Sprintf("ns/article@%d", sizes[j]))
			b.ReportMetric(float64(m.cpu.Nanoseconds())/float64(window), fmt.Sprintf("cpu-ns/article@%d", sizes[j]))
			b.ReportMetric(float64(m.merged)/float64(window), fmt.Sprintf("merged/article@%d", sizes[j]))
		}
		b.ReportMetric(float64(marks[1].cpu)/float64(marks[0].cpu), "cpu-ratio")
	}
}
