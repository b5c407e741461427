// Command storebench builds a store of synthetic events on disk, as the
// big store of the timeline benchmarks is built (bench/bigstore_test.go:
// 100 events an article, 2000 actors, 200 places, dates uniform over
// 2000-2025, one in ten spanning a month), and prints the write rate and
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
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"time"

	"eventgraph/graph"
)

const eventsPerArticle = 100

var (
	benchFrom = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	benchDays = int(time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC).Sub(benchFrom).Hours() / 24)
)

func main() {
	events := flag.Int("events", 1_000_000, "events to store")
	dir := flag.String("db", "", "database folder (must not exist; removed at the end unless -keep)")
	batch := flag.Int("batch", 100, "articles per PutFactsBatch call")
	keep := flag.Bool("keep", false, "keep the database")
	label := flag.String("label", "", "label printed before the figures")
	cpuprof := flag.String("cpuprofile", "", "write a CPU profile to this file")
	memprof := flag.String("memprofile", "", "write a heap profile at the end to this file")
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
	st, err := graph.Open(graph.DefaultOptions(*dir).WithLogger(quiet))
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
	for a := 0; a*eventsPerArticle < *events; a++ {
		fs = append(fs, article(r, a))
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

var verbs = []string{"met", "called on", "signed an agreement with", "accused", "arrested members of", "attacked"}

// article is bigArticle of bench/bigstore_test.go.
func article(r *rand.Rand, a int) *graph.Facts {
	pub := benchFrom.AddDate(0, 0, r.Intn(benchDays)).Format("2006-01-02")
	art := graph.Article{Title: fmt.Sprintf("Synthetic report %d", a), Published: pub,
		URL: fmt.Sprintf("https://synthetic.example/big/%d", a)}
	art.ID = graph.ArticleID(art)
	f := &graph.Facts{Article: art}
	var text strings.Builder
	seenA, seenP := map[string]bool{}, map[string]bool{}
	for i := 0; i < eventsPerArticle; i++ {
		src, tgt := r.Intn(2000), r.Intn(2000)
		place := r.Intn(200)
		for _, x := range []int{src, tgt} {
			name := fmt.Sprintf("Actor Number %d", x)
			if id := graph.ActorID(name); !seenA[id] {
				seenA[id] = true
				f.Actors = append(f.Actors, graph.Actor{ID: id, Name: name, Kind: graph.Organization})
			}
		}
		pname := fmt.Sprintf("Town %d", place)
		pid := graph.PlaceID(pname, "IQ")
		if !seenP[pid] {
			seenP[pid] = true
			f.Places = append(f.Places, graph.Place{ID: pid, Name: pname, Kind: "city", Country: "IQ", Lat: 33, Lon: 44, HasGeo: true})
		}
		day := benchFrom.AddDate(0, 0, r.Intn(benchDays))
		date := graph.DateSpan{Value: day.Format("2006-01-02"), Start: day.Format("2006-01-02"), End: day.Format("2006-01-02"), Precision: graph.Day}
		if r.Intn(10) == 0 {
			m := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
			date = graph.DateSpan{Value: m.Format("2006-01"), Start: m.Format("2006-01-02"), End: m.AddDate(0, 1, -1).Format("2006-01-02"), Precision: graph.Month}
		}
		verb := verbs[r.Intn(len(verbs))]
		sent := fmt.Sprintf("Actor Number %d %s Actor Number %d in %s on %s.", src, verb, tgt, pname, date.Value)
		start := text.Len()
		text.WriteString(sent)
		text.WriteByte(' ')
		f.Events = append(f.Events, graph.Event{
			ID: graph.NewID("event", art.ID, strconv.Itoa(i)), Type: verb, CAMEO: fmt.Sprintf("0%d0", 1+r.Intn(9)),
			Title: fmt.Sprintf("Actor Number %d %s Actor Number %d", src, verb, tgt), Date: date, Status: graph.Reported,
			Participants: []graph.Participation{{ActorID: graph.ActorID(fmt.Sprintf("Actor Number %d", src)), Role: "source"},
				{ActorID: graph.ActorID(fmt.Sprintf("Actor Number %d", tgt)), Role: "target"}},
			PlaceID:  pid,
			Evidence: []graph.Evidence{{ArticleID: art.ID, Sentence: sent, Start: start, End: start + len(sent)}},
		})
	}
	f.Article.Text = text.String()
	return f
}
