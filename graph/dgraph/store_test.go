package dgraph

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"eventgraph/graph"
	"eventgraph/graph/dgraph/dgraphtest"
	"eventgraph/loader/extract"
	"eventgraph/loader/read"
	"eventgraph/loader/synth"
)

const seeds = "../../seeds"

// seedDocs reads the seed articles.
func seedDocs(t *testing.T) []read.Document {
	t.Helper()
	docs, errs := read.ReadPath(seeds)
	if len(errs) > 0 || len(docs) == 0 {
		t.Fatalf("read seeds: %d articles, errors %v", len(docs), errs)
	}
	return docs
}

// TestMain stops the cluster the tests share (dgraphtest.Shared).
func TestMain(m *testing.M) { dgraphtest.Main(m) }

// openBoth opens a Dgraph store on the test binary's cluster, emptied for
// the test (dgraphtest.Shared), and an embedded in-memory store.
func openBoth(t *testing.T) (*graph.Store, *Store, *dgraphtest.Cluster) {
	t.Helper()
	c := dgraphtest.Shared(t)
	dg, err := Open("dgraph://" + c.GRPC + "?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = dg.Close() })
	return openEmbedded(t), dg, c
}

func openEmbedded(t *testing.T) *graph.Store {
	t.Helper()
	emb, err := graph.Open(graph.DefaultOptions("").WithInMemory(true))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = emb.Close() })
	return emb
}

// putter is what the tests write through.
type putter interface {
	PutFacts(*graph.Facts) (graph.PutResult, error)
}

// load extracts and writes docs in order and returns how long the writes
// took.
func load(t *testing.T, st putter, docs []read.Document) (time.Duration, []graph.PutResult) {
	t.Helper()
	var took time.Duration
	var out []graph.PutResult
	for _, d := range docs {
		f := extract.Article(d)
		start := time.Now()
		res, err := st.PutFacts(f)
		took += time.Since(start)
		if err != nil {
			t.Fatalf("put %s: %v", d.File, err)
		}
		out = append(out, res)
	}
	return took, out
}

// embeddedView adapts the embedded store's View to the contract's.
func embeddedView(st *graph.Store) func(func(graph.Snapshot) error) error {
	return func(fn func(graph.Snapshot) error) error {
		return st.View(fn)
	}
}

// edges is an event page as JSON can show it (cursors included).
type edges struct {
	Events               []graph.Event
	Cursors              []string
	Total                int
	HasNext, HasPrevious bool
}

func eventPage(p graph.EventPage) edges {
	e := edges{Total: p.Total, HasNext: p.HasNext, HasPrevious: p.HasPrevious, Events: []graph.Event{}, Cursors: []string{}}
	for _, x := range p.Edges {
		e.Events = append(e.Events, x.Event)
		e.Cursors = append(e.Cursors, x.Cursor())
	}
	return e
}

// answers reads everything the contract answers about a graph: every
// node, pages with cursors of several filters, lookups by name and alias,
// the events of each article, the counts. Each answer is JSON, by name.
func answers(t *testing.T, view func(func(graph.Snapshot) error) error) map[string]string {
	t.Helper()
	out := map[string]string{}
	put := func(name string, v any) {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = string(b)
	}
	err := view(func(r graph.Snapshot) error {
		var events []graph.Event
		var actors []graph.Actor
		var places []graph.Place
		var agrees []graph.Agreement
		var arts []graph.Article
		if err := r.ForEachEvent(func(e graph.Event) error { events = append(events, e); return nil }); err != nil {
			return err
		}
		if err := r.ForEachActor(func(a graph.Actor) error { actors = append(actors, a); return nil }); err != nil {
			return err
		}
		if err := r.ForEachPlace(func(p graph.Place) error { places = append(places, p); return nil }); err != nil {
			return err
		}
		if err := r.ForEachAgreement(func(g graph.Agreement) error { agrees = append(agrees, g); return nil }); err != nil {
			return err
		}
		if err := r.ForEachArticle(func(a graph.Article) error { arts = append(arts, a); return nil }); err != nil {
			return err
		}
		put("events", events)
		put("actors", actors)
		put("places", places)
		put("agreements", agrees)
		put("articles", arts)
		st, err := r.Stats()
		if err != nil {
			return err
		}
		put("stats", st)

		// lookups by ID
		for _, e := range events {
			got, err := r.Event(e.ID)
			if err != nil {
				return err
			}
			put("event "+e.ID, got)
			put("has event "+e.ID, r.Has("event", e.ID))
		}
		for _, a := range actors {
			got, err := r.Actor(a.ID)
			if err != nil {
				return err
			}
			put("actor "+a.ID, got)
		}
		// after the walks (which note the nodes they read) and after
		// the events (which note what they refer to): each kind by ID,
		// and Has of each ID as every kind
		for _, p := range places {
			got, err := r.Place(p.ID)
			if err != nil {
				return err
			}
			put("place "+p.ID, got)
		}
		for _, g := range agrees {
			got, err := r.Agreement(g.ID)
			if err != nil {
				return err
			}
			put("agreement "+g.ID, got)
		}
		for _, a := range arts {
			got, err := r.ArticleMeta(a.ID)
			if err != nil {
				return err
			}
			put("article meta "+a.ID, got)
		}
		for _, id := range []string{events[0].ID, actors[0].ID, arts[0].ID} {
			for _, kind := range []string{"article", "event", "actor", "place", "agreement"} {
				put("has "+kind+" "+id, r.Has(kind, id))
			}
		}
		for _, a := range arts {
			got, err := r.Article(a.ID)
			if err != nil {
				return err
			}
			put("article "+a.ID, got)
			var evs []graph.Event
			if err := r.ForEachEventOfArticle(a.ID, func(e graph.Event) error { evs = append(evs, e); return nil }); err != nil {
				return err
			}
			put("events of article "+a.ID, evs)
		}
		_, err = r.Event("00000000-0000-0000-0000-000000000000")
		put("missing event", fmt.Sprint(err))
		put("has missing", r.Has("actor", "00000000-0000-0000-0000-000000000000"))

		// pages of events with cursors: a date range, both orders; an
		// actor; a place; a type; a text; a country
		var dated []graph.Event
		for _, e := range events {
			if e.Date.Known() {
				dated = append(dated, e)
			}
		}
		filters := map[string]graph.EventFilter{"all": {}, "all desc": {Desc: true}, "no undated": {NoUndated: true}}
		if len(dated) > 2 {
			from, to := dated[len(dated)/4].Date.Start, dated[3*len(dated)/4].Date.End
			filters["range"] = graph.EventFilter{From: from, To: to}
			filters["range desc"] = graph.EventFilter{From: from, To: to, Desc: true}
			filters["from"] = graph.EventFilter{From: from}
			filters["to desc"] = graph.EventFilter{To: to, Desc: true}
		}
		if len(st.ByActor) > 0 {
			top := topKey(st.ByActor)
			filters["actor"] = graph.EventFilter{ActorIDs: []string{top}}
			filters["actor range"] = graph.EventFilter{ActorIDs: []string{top}, From: "2020-01-01", To: "2030-01-01"}
		}
		for _, e := range events {
			if e.PlaceID != "" {
				filters["place"] = graph.EventFilter{PlaceID: e.PlaceID}
				break
			}
		}
		if len(events) > 0 {
			filters["type"] = graph.EventFilter{Type: events[0].Type}
			if len(events[0].CAMEO) >= 2 {
				filters["cameo"] = graph.EventFilter{CAMEO: events[0].CAMEO[:2]}
			}
			if w := strings.Fields(events[0].Title); len(w) > 0 {
				filters["text"] = graph.EventFilter{Text: w[len(w)-1]}
			}
		}
		for _, p := range places {
			if p.Country != "" {
				filters["country"] = graph.EventFilter{Country: p.Country}
				break
			}
		}
		for name, f := range filters {
			all, err := r.Events(f, -1, "")
			if err != nil {
				return err
			}
			put("page "+name+" all", eventPage(all))
			p1, err := r.Events(f, 3, "")
			if err != nil {
				return err
			}
			put("page "+name+" 1", eventPage(p1))
			if len(p1.Edges) > 0 {
				p2, err := r.Events(f, 3, p1.Edges[len(p1.Edges)-1].Cursor())
				if err != nil {
					return err
				}
				put("page "+name+" 2", eventPage(p2))
			}
			var walked []graph.Event
			if err := r.ForEachEventMatching(f, func(e graph.Event) error { walked = append(walked, e); return nil }); err != nil {
				return err
			}
			put("matching "+name, walked)
		}

		// actors by name and alias, places by name
		for _, a := range actors {
			put("by name "+a.Name, r.ActorsByName(a.Name))
			for _, al := range a.Aliases {
				put("by alias "+al, r.ActorsByName(al))
			}
			if a.Kind == graph.Person {
				w := strings.Fields(a.Name)
				put("by surname "+a.Name, r.ActorsByName(w[len(w)-1]))
				put("by title "+a.Name, r.ActorsByName("President "+a.Name))
			}
		}
		for _, p := range places {
			got, err := r.PlacesByName(strings.ToUpper(p.Name))
			if err != nil {
				return err
			}
			put("places "+p.Name, got)
		}

		// the other lists
		for name, f := range map[string]graph.ActorFilter{"all": {}, "persons": {Kind: graph.Person}, "name": {Name: "a"}} {
			p1, err := r.Actors(f, 4, "")
			if err != nil {
				return err
			}
			put("actors "+name+" 1", p1)
			if len(p1.Edges) > 0 {
				p2, err := r.Actors(f, 4, p1.Edges[len(p1.Edges)-1].Cursor)
				if err != nil {
					return err
				}
				put("actors "+name+" 2", p2)
			}
		}
		ga, err := r.Agreements(graph.AgreementFilter{})
		if err != nil {
			return err
		}
		put("agreements all", ga)
		if len(agrees) > 0 && len(agrees[0].Parties) > 0 {
			g, err := r.Agreements(graph.AgreementFilter{PartyIDs: agrees[0].Parties[:1], From: "2000-01-01"})
			if err != nil {
				return err
			}
			put("agreements of party", g)
		}
		a1, err := r.Articles(3, "")
		if err != nil {
			return err
		}
		put("articles 1", a1)
		if len(a1.Edges) > 0 {
			a2, err := r.Articles(3, a1.Edges[len(a1.Edges)-1].Cursor)
			if err != nil {
				return err
			}
			put("articles 2", a2)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// topKey is the key with the largest count (ties: the smallest key).
func topKey(m map[string]int) string {
	top := ""
	for k, n := range m {
		if top == "" || n > m[top] || (n == m[top] && k < top) {
			top = k
		}
	}
	return top
}

// compare fails the test for each answer that differs.
func compare(t *testing.T, what string, want, got map[string]string) {
	t.Helper()
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	bad := 0
	for _, k := range keys {
		if got[k] != want[k] {
			bad++
			if bad <= 8 {
				t.Errorf("%s: %s differs:\nembedded: %.600s\ndgraph:   %.600s", what, k, want[k], got[k])
			}
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d answers from Dgraph, %d from the embedded store", what, len(got), len(want))
	}
	if bad > 0 {
		t.Errorf("%s: %d of %d answers differ", what, bad, len(want))
	}
}

// TestSeedConformance loads the seed articles, extracted by the loader's
// extractor, into the embedded store and into Dgraph, and compares every
// answer of the two; loading them again into Dgraph adds nothing.
func TestSeedConformance(t *testing.T) {
	dgraphtest.Binary(t)
	docs := seedDocs(t)
	emb, dg, c := openBoth(t)
	start := time.Now()
	tookE, resE := load(t, emb, docs)
	tookD, resD := load(t, dg, docs)
	t.Logf("%d seed articles: embedded %v (%.1f articles/s), Dgraph %v (%.1f articles/s)", len(docs),
		tookE, float64(len(docs))/tookE.Seconds(), tookD, float64(len(docs))/tookD.Seconds())
	resJSON := func(r []graph.PutResult) string { b, _ := json.Marshal(r); return string(b) }
	if resJSON(resE) != resJSON(resD) {
		t.Errorf("put results differ:\nembedded %s\ndgraph   %s", resJSON(resE), resJSON(resD))
	}
	want := answers(t, embeddedView(emb))
	got := answers(t, dg.View)
	compare(t, "seeds", want, got)
	if err := emb.Check(); err != nil {
		t.Errorf("embedded check: %v", err)
	}
	if err := dg.Check(); err != nil {
		t.Errorf("dgraph check: %v", err)
	}

	// again, through a store opened on the loaded cluster (which leaves
	// the schema alone: an alter fails while other loaders write): every
	// article is stored already, nothing changes
	if !dg.altered {
		t.Error("the first store on an empty cluster did not alter its schema")
	}
	dg, err := Open("dgraph://" + c.GRPC + "?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	defer dg.Close()
	if dg.altered {
		t.Error("a store opened on a cluster with the schema altered it")
	}
	v := dg.Version()
	if v != uint64(len(docs)) {
		t.Errorf("version %d after %d articles", v, len(docs))
	}
	_, again := load(t, dg, docs)
	for i, r := range again {
		if !r.Existed || r.ArticleID != resD[i].ArticleID {
			t.Errorf("second load of %s: %+v", docs[i].File, r)
		}
	}
	if dg.Version() != v {
		t.Errorf("version %d after reloading, %d before", dg.Version(), v)
	}
	compare(t, "seeds reloaded", want, answers(t, dg.View))
	t.Logf("conformance on the seeds (loads, answers, reload): %v", time.Since(start))
}

// TestConcurrentWriters has two goroutines write overlapping halves of the
// seeds at once: every article is stored once, and the graph is the one
// the embedded store builds from the articles in the order their
// transactions committed.
func TestConcurrentWriters(t *testing.T) {
	dgraphtest.Binary(t)
	docs := seedDocs(t)
	_, dg, _ := openBoth(t)
	var mu sync.Mutex
	var order []string
	dg.committed = func(id string, v uint64) {
		mu.Lock()
		defer mu.Unlock()
		order = append(order, fmt.Sprintf("%08d %s", v, id))
	}
	half := (len(docs) + 1) / 2
	parts := [][]read.Document{docs[:half+1], docs[half-1:]}
	slices.Reverse(parts[1])
	facts := map[string]*graph.Facts{}
	for _, d := range docs {
		f := extract.Article(d)
		facts[f.Article.ID] = f
	}
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for _, part := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, d := range part {
				if _, err := dg.PutFacts(extract.Article(d)); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	sort.Strings(order)
	if len(order) != len(docs) {
		t.Fatalf("%d articles committed, want %d: %v", len(order), len(docs), order)
	}
	emb := openEmbedded(t)
	for _, o := range order {
		id := o[strings.IndexByte(o, ' ')+1:]
		if _, err := emb.PutFacts(facts[id]); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("commit order: %v; %d transactions aborted by the other writer and run again", order, dg.aborts.Load())
	compare(t, "concurrent", answers(t, embeddedView(emb)), answers(t, dg.View))
	if err := dg.Check(); err != nil {
		t.Error(err)
	}
}

// TestOpenBadAddress fails to open a store on a malformed connection
// string.
func TestOpenBadAddress(t *testing.T) {
	if _, err := Open("http://127.0.0.1:1"); err == nil {
		t.Fatal("opened a store on an http:// address")
	}
}

// TestSyntheticConformance loads synthetic articles of one month, whose
// events and persons meet across articles (merges by key and by score,
// persons under other spellings), into both stores and compares every
// answer.
func TestSyntheticConformance(t *testing.T) {
	dgraphtest.Binary(t)
	n := 120
	if v, err := strconv.Atoi(os.Getenv("EVENTGRAPH_SYNTH_ARTICLES")); err == nil && v > 0 {
		n = v // a longer run by hand
	}
	// about 120 articles a month
	from := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	docs := synth.GenerateWith(n, 16, synth.Options{Paragraphs: 4, From: from, To: from.AddDate(0, (n+119)/120, -1)})
	emb, dg, _ := openBoth(t)
	tookE, resE := load(t, emb, docs)
	tookD, resD := load(t, dg, docs)
	merged := 0
	for _, r := range resE {
		merged += r.Merged
	}
	t.Logf("%d synthetic articles (%d events merged into stored ones): embedded %v (%.1f articles/s), Dgraph %v (%.1f articles/s)",
		len(docs), merged, tookE, float64(len(docs))/tookE.Seconds(), tookD, float64(len(docs))/tookD.Seconds())
	if merged == 0 {
		t.Error("no event merged across articles: the corpus tests too little")
	}
	resJSON := func(r []graph.PutResult) string { b, _ := json.Marshal(r); return string(b) }
	if resJSON(resE) != resJSON(resD) {
		t.Errorf("put results differ:\nembedded %s\ndgraph   %s", resJSON(resE), resJSON(resD))
	}
	compare(t, "synthetic", answers(t, embeddedView(emb)), answers(t, dg.View))
}
