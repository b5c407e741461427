package bench

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

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

const eventsPerArticle = 100

var big struct {
	once   sync.Once
	dir    string
	events int
	built  time.Duration
	err    error
}

var (
	benchFrom = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	benchDays = int(time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC).Sub(benchFrom).Hours() / 24)
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
			batch = append(batch, bigArticle(r, a))
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

var verbs = []string{"met", "called on", "signed an agreement with", "accused", "arrested members of", "attacked"}

func bigArticle(r *rand.Rand, a int) *graph.Facts {
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
