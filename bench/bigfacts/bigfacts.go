// Package bigfacts makes the synthetic articles of the big-store
// benchmarks (bench/bigstore_test.go and bench/storebench). It uses only
// the graph model types, so `make bench-store` builds it against an
// earlier version of the project too (bench/storebench.sh copies it).
package bigfacts

import (
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"time"

	"eventgraph/graph"
)

// EventsPerArticle is the number of events of each article.
const EventsPerArticle = 100

// From and Days are the span the events' days are drawn from.
var (
	From = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	Days = int(time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC).Sub(From).Hours() / 24)
)

var verbs = []string{"met", "called on", "signed an agreement with", "accused", "arrested members of", "attacked"}

// Article is the a-th synthetic article of the stream r draws from:
// EventsPerArticle events among 2000 actors and 200 places, dated
// uniformly over 2000-2025, one in ten spanning a month.
func Article(r *rand.Rand, a int) *graph.Facts {
	pub := From.AddDate(0, 0, r.Intn(Days)).Format("2006-01-02")
	art := graph.Article{Title: fmt.Sprintf("Synthetic report %d", a), Published: pub,
		URL: fmt.Sprintf("https://synthetic.example/big/%d", a)}
	art.ID = graph.ArticleID(art)
	f := &graph.Facts{Article: art}
	var text strings.Builder
	seenA, seenP := map[string]bool{}, map[string]bool{}
	for i := 0; i < EventsPerArticle; i++ {
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
		day := From.AddDate(0, 0, r.Intn(Days))
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
