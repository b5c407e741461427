// Package storagetest is the conformance suite of graph.Storage: every
// implementation (the embedded Badger store, the Dgraph cluster) runs it
// from its own tests, and passes when its answers agree with the facts it
// was given and with one another.
//
// Run loads the seed articles (seeds/ at the module's root) through the
// loader into a fresh store, then checks, through the Storage and Snapshot
// interfaces only, that:
//
//   - every article the loader wrote is stored with its title, and every
//     evidence sentence of its events is evidence of a stored event;
//   - the streamed walks (ForEach…) agree with the lookups by ID, with Has,
//     with Stats' counts and with the references between nodes;
//   - Events pages of several date windows, an actor and a place, walked
//     with cursors in pages of 1, 2 and 3 (ascending and newest first),
//     equal the walked events the window selects in (start, ID) order, with
//     the same totals, and ForEachEventMatching streams the same;
//   - every actor is found by its name and by each alias, every place by
//     its name, every agreement by each of its parties;
//   - Actors and Articles pages cover every node in their order, and the
//     articles' metadata and text agree with Article;
//   - writing the same facts again changes nothing, a write moves Version,
//     and a cancelled ViewContext reads nothing.
//
// The expectations are computed from the loaded facts and the walks, never
// written down, so the suite holds for any corpus and any backend.
package storagetest

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"eventgraph/graph"
	"eventgraph/loader"
)

// Seeds is the folder of the seed articles (seeds/ at the module's root).
func Seeds() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "seeds"
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "seeds")
}

// Run runs the suite on the store open returns: an empty store, closed by
// the caller (t.Cleanup) or left to the test's end.
func Run(t *testing.T, open func(t *testing.T) graph.Storage) {
	RunPaths(t, open, Seeds())
}

// RunPaths is Run with other articles: files or folders the loader reads.
func RunPaths(t *testing.T, open func(t *testing.T) graph.Storage, paths ...string) {
	st := open(t)
	rec := &recorder{Storage: st}
	v0 := st.Version()
	sum := loader.New(rec, loader.Options{}).LoadPaths(context.Background(), paths)
	if len(sum.Errors) > 0 {
		t.Fatalf("loading %v: %v", paths, sum.Errors)
	}
	if sum.Articles == 0 || len(rec.facts) != sum.Articles {
		t.Fatalf("loading %v: %d articles stored, %d written through the store", paths, sum.Articles, len(rec.facts))
	}
	if st.Version() == v0 {
		t.Errorf("Version %d did not move with the load", v0)
	}
	if st.Modified().IsZero() {
		t.Error("Modified is zero after the load")
	}
	if err := st.Check(); err != nil {
		t.Fatalf("Check after the load: %v", err)
	}
	var g *walked
	if err := st.View(func(r graph.Snapshot) (err error) { g, err = walk(r); return }); err != nil {
		t.Fatalf("walking the store: %v", err)
	}
	if len(g.events) == 0 || len(g.actors) == 0 {
		t.Fatalf("the store holds %d events and %d actors", len(g.events), len(g.actors))
	}
	view := func(t *testing.T, fn func(t *testing.T, r graph.Snapshot)) {
		t.Helper()
		if err := st.View(func(r graph.Snapshot) error { fn(t, r); return nil }); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("facts", func(t *testing.T) { view(t, func(t *testing.T, r graph.Snapshot) { checkFacts(t, r, rec.facts, g) }) })
	t.Run("lookups", func(t *testing.T) { view(t, func(t *testing.T, r graph.Snapshot) { checkLookups(t, r, g) }) })
	t.Run("references", func(t *testing.T) { checkReferences(t, g) })
	t.Run("stats", func(t *testing.T) { view(t, func(t *testing.T, r graph.Snapshot) { checkStats(t, r, g) }) })
	t.Run("events", func(t *testing.T) { view(t, func(t *testing.T, r graph.Snapshot) { checkEvents(t, r, g) }) })
	t.Run("names", func(t *testing.T) { view(t, func(t *testing.T, r graph.Snapshot) { checkNames(t, r, g) }) })
	t.Run("agreements", func(t *testing.T) { view(t, func(t *testing.T, r graph.Snapshot) { checkAgreements(t, r, g) }) })
	t.Run("actors", func(t *testing.T) { view(t, func(t *testing.T, r graph.Snapshot) { checkActors(t, r, g) }) })
	t.Run("articles", func(t *testing.T) { view(t, func(t *testing.T, r graph.Snapshot) { checkArticles(t, r, g) }) })
	t.Run("walks", func(t *testing.T) { view(t, func(t *testing.T, r graph.Snapshot) { checkWalks(t, r, g) }) })
	t.Run("context", func(t *testing.T) { checkContext(t, st) })
	t.Run("rewrite", func(t *testing.T) { checkRewrite(t, st, rec.facts, g) })
}

// recorder is a Storage that keeps the facts written through it.
type recorder struct {
	graph.Storage
	mu    sync.Mutex
	facts []fact
}

// fact is what the suite keeps of one article's facts as written.
type fact struct {
	article  graph.Article
	evidence []graph.Evidence // of its events
	written  graph.Facts      // as written (a shallow copy)
}

func (r *recorder) keep(f *graph.Facts, res graph.PutResult) {
	if res.Existed {
		return
	}
	k := fact{article: f.Article, written: *f}
	for _, e := range f.Events {
		k.evidence = append(k.evidence, e.Evidence...)
	}
	r.mu.Lock()
	r.facts = append(r.facts, k)
	r.mu.Unlock()
}

func (r *recorder) PutFacts(f *graph.Facts) (graph.PutResult, error) {
	res, err := r.Storage.PutFacts(f)
	if err == nil {
		r.keep(f, res)
	}
	return res, err
}

func (r *recorder) PutFactsBatch(fs []*graph.Facts) ([]graph.PutResult, []error) {
	res, errs := r.Storage.PutFactsBatch(fs)
	for i, f := range fs {
		if i < len(errs) && errs[i] == nil && i < len(res) {
			r.keep(f, res[i])
		}
	}
	return res, errs
}

// walked is the whole store as the ForEach walks give it.
type walked struct {
	articles   map[string]graph.Article
	events     map[string]graph.Event
	actors     map[string]graph.Actor
	places     map[string]graph.Place
	agreements map[string]graph.Agreement
}

func walk(r graph.Snapshot) (*walked, error) {
	g := &walked{map[string]graph.Article{}, map[string]graph.Event{}, map[string]graph.Actor{}, map[string]graph.Place{}, map[string]graph.Agreement{}}
	if err := r.ForEachArticle(func(a graph.Article) error { g.articles[a.ID] = a; return nil }); err != nil {
		return nil, fmt.Errorf("ForEachArticle: %w", err)
	}
	if err := r.ForEachEvent(func(e graph.Event) error { g.events[e.ID] = e; return nil }); err != nil {
		return nil, fmt.Errorf("ForEachEvent: %w", err)
	}
	if err := r.ForEachActor(func(a graph.Actor) error { g.actors[a.ID] = a; return nil }); err != nil {
		return nil, fmt.Errorf("ForEachActor: %w", err)
	}
	if err := r.ForEachPlace(func(p graph.Place) error { g.places[p.ID] = p; return nil }); err != nil {
		return nil, fmt.Errorf("ForEachPlace: %w", err)
	}
	if err := r.ForEachAgreement(func(a graph.Agreement) error { g.agreements[a.ID] = a; return nil }); err != nil {
		return nil, fmt.Errorf("ForEachAgreement: %w", err)
	}
	return g, nil
}

// checkFacts: every article written is stored, and every evidence
// sentence of its events is evidence of a stored event.
func checkFacts(t *testing.T, r graph.Snapshot, facts []fact, g *walked) {
	if len(g.articles) != len(facts) {
		t.Errorf("%d articles stored, %d written", len(g.articles), len(facts))
	}
	told := map[graph.Evidence]bool{}
	for _, e := range g.events {
		for _, x := range e.Evidence {
			told[graph.Evidence{ArticleID: x.ArticleID, Sentence: x.Sentence}] = true
		}
	}
	for _, f := range facts {
		a, err := r.Article(f.article.ID)
		if err != nil {
			t.Errorf("article %s written, not stored: %v", f.article.ID, err)
			continue
		}
		if a.Title != f.article.Title || a.Text != f.article.Text {
			t.Errorf("article %s stored as %q (%d bytes), written as %q (%d bytes)", a.ID, a.Title, len(a.Text), f.article.Title, len(f.article.Text))
		}
		for _, x := range f.evidence {
			if !told[graph.Evidence{ArticleID: x.ArticleID, Sentence: x.Sentence}] {
				t.Errorf("article %s: the sentence %q of a written event is no stored event's evidence", x.ArticleID, x.Sentence)
			}
		}
	}
}

// checkLookups: the lookups by ID and Has return what the walks gave;
// an unknown ID is ErrNotFound.
func checkLookups(t *testing.T, r graph.Snapshot, g *walked) {
	lookup(t, r, "article", g.articles, r.Article)
	lookup(t, r, "event", g.events, r.Event)
	lookup(t, r, "actor", g.actors, r.Actor)
	lookup(t, r, "place", g.places, r.Place)
	lookup(t, r, "agreement", g.agreements, r.Agreement)
	const none = "00000000-0000-0000-0000-000000000000"
	for _, kind := range []string{"article", "event", "actor", "place", "agreement"} {
		if r.Has(kind, none) {
			t.Errorf("Has(%s, %s) for an ID never stored", kind, none)
		}
	}
	if _, err := r.Event(none); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Event of an ID never stored: %v, want ErrNotFound", err)
	}
	if _, err := r.Actor(none); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Actor of an ID never stored: %v, want ErrNotFound", err)
	}
	if _, err := r.ArticleMeta(none); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("ArticleMeta of an ID never stored: %v, want ErrNotFound", err)
	}
}

func lookup[T any](t *testing.T, r graph.Snapshot, kind string, all map[string]T, get func(string) (T, error)) {
	t.Helper()
	for id, want := range all {
		got, err := get(id)
		if err != nil {
			t.Errorf("%s %s walked, not found: %v", kind, id, err)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s %s: looked up %+v, walked %+v", kind, id, got, want)
		}
		if !r.Has(kind, id) {
			t.Errorf("Has(%s, %s) is false", kind, id)
		}
	}
}

// checkReferences: every ID a node names is a stored node.
func checkReferences(t *testing.T, g *walked) {
	for _, e := range g.events {
		for _, p := range e.Participants {
			if _, ok := g.actors[p.ActorID]; !ok {
				t.Errorf("event %s: participant %s is no stored actor", e.ID, p.ActorID)
			}
		}
		if _, ok := g.places[e.PlaceID]; e.PlaceID != "" && !ok {
			t.Errorf("event %s: place %s is not stored", e.ID, e.PlaceID)
		}
		if _, ok := g.agreements[e.AgreementID]; e.AgreementID != "" && !ok {
			t.Errorf("event %s: agreement %s is not stored", e.ID, e.AgreementID)
		}
		if len(e.Evidence) == 0 {
			t.Errorf("event %s has no evidence", e.ID)
		}
		for _, x := range e.Evidence {
			if _, ok := g.articles[x.ArticleID]; !ok {
				t.Errorf("event %s: evidence from article %s, not stored", e.ID, x.ArticleID)
			}
		}
	}
	for _, a := range g.agreements {
		for _, id := range append(slices.Clone(a.Parties), a.Signatories...) {
			if _, ok := g.actors[id]; !ok {
				t.Errorf("agreement %s: party %s is no stored actor", a.ID, id)
			}
		}
	}
}

// checkStats: Stats counts what the walks gave.
func checkStats(t *testing.T, r graph.Snapshot, g *walked) {
	st, err := r.Stats()
	if err != nil {
		t.Fatal(err)
	}
	got := [5]int{st.Articles, st.Events, st.Actors, st.Places, st.Agreements}
	want := [5]int{len(g.articles), len(g.events), len(g.actors), len(g.places), len(g.agreements)}
	if got != want {
		t.Errorf("Stats counts articles, events, actors, places, agreements %v; the walks %v", got, want)
	}
	byType, byActor := map[string]int{}, map[string]int{}
	for _, e := range g.events {
		byType[e.Type]++
		seen := map[string]bool{}
		for _, p := range e.Participants {
			if !seen[p.ActorID] {
				seen[p.ActorID] = true
				byActor[p.ActorID]++
			}
		}
	}
	if !reflect.DeepEqual(st.ByType, byType) {
		t.Errorf("Stats.ByType %v, the walk %v", st.ByType, byType)
	}
	if !reflect.DeepEqual(st.ByActor, byActor) {
		t.Errorf("Stats.ByActor %v, the walk %v", st.ByActor, byActor)
	}
	n := 0
	for _, c := range st.ByMonth {
		n += c
	}
	if n != len(g.events) {
		t.Errorf("Stats.ByMonth counts %d events of %d", n, len(g.events))
	}
}

// pos is an event's place in date order: its start ("~" when unknown,
// last), then its ID.
func pos(e graph.Event) string {
	if e.Date.Start == "" {
		return "~|" + e.ID
	}
	return e.Date.Start + "|" + e.ID
}

// selects is the expected answer of an EventFilter with dates, an actor
// and a place only.
func selects(f graph.EventFilter, e graph.Event) bool {
	if f.From != "" && (!e.Date.Known() || e.Date.End < f.From) {
		return false
	}
	if f.To != "" && (!e.Date.Known() || e.Date.Start > f.To) {
		return false
	}
	if len(f.ActorIDs) > 0 && !slices.ContainsFunc(e.Participants, func(p graph.Participation) bool { return slices.Contains(f.ActorIDs, p.ActorID) }) {
		return false
	}
	return f.PlaceID == "" || e.PlaceID == f.PlaceID
}

// expected is the IDs of the walked events f selects, in f's order.
func expected(g *walked, f graph.EventFilter) []string {
	var evs []graph.Event
	for _, e := range g.events {
		if selects(f, e) {
			evs = append(evs, e)
		}
	}
	sort.Slice(evs, func(i, j int) bool {
		pi, pj := pos(evs[i]), pos(evs[j])
		if f.Desc && strings.HasPrefix(pi, "~") == strings.HasPrefix(pj, "~") {
			return pi > pj
		}
		return pi < pj
	})
	ids := make([]string, len(evs))
	for i, e := range evs {
		ids[i] = e.ID
	}
	return ids
}

// windows are the date windows checkEvents pages: all, the known dates,
// the middle third of the starts, the busiest day, one month, and one
// before everything.
func windows(g *walked) []graph.EventFilter {
	var starts []string
	for _, e := range g.events {
		if e.Date.Known() {
			starts = append(starts, e.Date.Start)
		}
	}
	fs := []graph.EventFilter{{}, {Desc: true}}
	if len(starts) == 0 {
		return fs
	}
	sort.Strings(starts)
	first, last := starts[0], starts[len(starts)-1]
	mid := graph.EventFilter{From: starts[len(starts)/3], To: starts[2*len(starts)/3]}
	days := map[string]int{}
	busiest := ""
	for _, s := range starts {
		if days[s]++; busiest == "" || days[s] > days[busiest] || (days[s] == days[busiest] && s < busiest) {
			busiest = s
		}
	}
	fs = append(fs,
		graph.EventFilter{From: first, To: last},
		graph.EventFilter{From: first},
		graph.EventFilter{To: last, Desc: true},
		mid,
		graph.EventFilter{From: mid.From, To: mid.To, Desc: true},
		graph.EventFilter{From: busiest, To: busiest},
		graph.EventFilter{From: "0001-01-01", To: "0001-12-31"},
	)
	if len(busiest) >= len("2006-01") {
		fs = append(fs, graph.EventFilter{From: busiest[:7] + "-01", To: busiest[:7] + "-31"})
	}
	return fs
}

// topActor and topPlace are the actor and the place of the most events.
func topActor(g *walked) string {
	n := map[string]int{}
	for _, e := range g.events {
		for _, p := range e.Participants {
			n[p.ActorID]++
		}
	}
	return top(n)
}

func topPlace(g *walked) string {
	n := map[string]int{}
	for _, e := range g.events {
		if e.PlaceID != "" {
			n[e.PlaceID]++
		}
	}
	return top(n)
}

func top(n map[string]int) string {
	best := ""
	for id, c := range n {
		if best == "" || c > n[best] || (c == n[best] && id < best) {
			best = id
		}
	}
	return best
}

// checkEvents pages every window, the top actor's and the top place's
// events (with and without a window) with cursors, and streams them.
func checkEvents(t *testing.T, r graph.Snapshot, g *walked) {
	fs := windows(g)
	if a := topActor(g); a != "" {
		fs = append(fs, graph.EventFilter{ActorIDs: []string{a}}, graph.EventFilter{ActorIDs: []string{a}, From: fs[len(fs)-1].From, To: fs[len(fs)-1].To})
	}
	if p := topPlace(g); p != "" {
		fs = append(fs, graph.EventFilter{PlaceID: p}, graph.EventFilter{PlaceID: p, Desc: true})
	}
	for _, f := range fs {
		want := expected(g, f)
		all, err := r.Events(f, -1, "")
		if err != nil {
			t.Errorf("Events(%+v, all): %v", f, err)
			continue
		}
		if got := edgeIDs(all.Edges); !slices.Equal(got, want) || all.Total != len(want) || all.HasNext || all.HasPrevious {
			t.Errorf("Events(%+v, all): %d of total %d (next %v, previous %v) %v; want %d %v", f, len(got), all.Total, all.HasNext, all.HasPrevious, got, len(want), want)
		}
		for _, e := range all.Edges {
			if !reflect.DeepEqual(e.Event, g.events[e.Event.ID]) {
				t.Errorf("Events(%+v): event %s differs from the walked one", f, e.Event.ID)
			}
		}
		for _, size := range []int{1, 2, 3} {
			var got []string
			after := ""
			for page := 0; ; page++ {
				p, err := r.Events(f, size, after)
				if err != nil {
					t.Errorf("Events(%+v, %d, page %d): %v", f, size, page, err)
					break
				}
				if p.Total != len(want) || p.HasPrevious != (page > 0) || len(p.Edges) > size {
					t.Errorf("Events(%+v, %d, page %d): total %d, previous %v, %d edges; want total %d", f, size, page, p.Total, p.HasPrevious, len(p.Edges), len(want))
				}
				got = append(got, edgeIDs(p.Edges)...)
				if !p.HasNext || len(p.Edges) == 0 || page > len(want) {
					break
				}
				after = p.Edges[len(p.Edges)-1].Cursor()
			}
			if !slices.Equal(got, want) {
				t.Errorf("Events(%+v) in pages of %d: %v; want %v", f, size, got, want)
			}
		}
		var streamed []string
		if err := r.ForEachEventMatching(f, func(e graph.Event) error { streamed = append(streamed, e.ID); return nil }); err != nil {
			t.Errorf("ForEachEventMatching(%+v): %v", f, err)
		}
		if !slices.Equal(streamed, want) {
			t.Errorf("ForEachEventMatching(%+v): %v; want %v", f, streamed, want)
		}
	}
	if _, err := r.Events(graph.EventFilter{}, 1, "not a cursor!"); err == nil {
		t.Error("Events after a malformed cursor: no error")
	}
}

func edgeIDs(es []*graph.EventEdge) []string {
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.Event.ID
	}
	return ids
}

// checkNames: every actor is among ActorsByName of its name and of each
// alias, every place among PlacesByName of its name.
func checkNames(t *testing.T, r graph.Snapshot, g *walked) {
	has := func(as []graph.Actor, id string) bool {
		return slices.ContainsFunc(as, func(a graph.Actor) bool { return a.ID == id })
	}
	for _, a := range g.actors {
		for _, name := range append([]string{a.Name}, a.Aliases...) {
			if !has(r.ActorsByName(name), a.ID) {
				t.Errorf("ActorsByName(%q) misses actor %s %q", name, a.ID, a.Name)
			}
		}
	}
	for _, p := range g.places {
		ps, err := r.PlacesByName(p.Name)
		if err != nil || !slices.ContainsFunc(ps, func(q graph.Place) bool { return q.ID == p.ID }) {
			t.Errorf("PlacesByName(%q) misses place %s: %v", p.Name, p.ID, err)
		}
	}
	if as := r.ActorsByName("zzqx vrmbl"); len(as) != 0 {
		t.Errorf("ActorsByName of a name no one has: %v", as)
	}
}

// checkAgreements: Agreements lists every agreement in date order, and
// each party's agreements include it.
func checkAgreements(t *testing.T, r graph.Snapshot, g *walked) {
	all, err := r.Agreements(graph.AgreementFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var want []graph.Agreement
	for _, a := range g.agreements {
		want = append(want, a)
	}
	apos := func(a graph.Agreement) string {
		if a.Date.Start == "" {
			return "~|" + a.ID
		}
		return a.Date.Start + "|" + a.ID
	}
	sort.Slice(want, func(i, j int) bool { return apos(want[i]) < apos(want[j]) })
	if !reflect.DeepEqual(agreementIDs(all), agreementIDs(want)) {
		t.Errorf("Agreements: %v; want %v", agreementIDs(all), agreementIDs(want))
	}
	for _, a := range all {
		if !reflect.DeepEqual(a, g.agreements[a.ID]) {
			t.Errorf("Agreements: agreement %s differs from the walked one", a.ID)
		}
	}
	for _, a := range g.agreements {
		for _, p := range append(slices.Clone(a.Parties), a.Signatories...) {
			gs, err := r.Agreements(graph.AgreementFilter{PartyIDs: []string{p}})
			if err != nil || !slices.Contains(agreementIDs(gs), a.ID) {
				t.Errorf("Agreements of party %s miss %s: %v", p, a.ID, err)
			}
			for _, x := range gs {
				if !slices.Contains(x.Parties, p) && !slices.Contains(x.Signatories, p) {
					t.Errorf("Agreements of party %s include %s, where it is none", p, x.ID)
				}
			}
		}
	}
}

func agreementIDs(gs []graph.Agreement) []string {
	ids := []string{}
	for _, g := range gs {
		ids = append(ids, g.ID)
	}
	return ids
}

// checkActors pages every actor by name with cursors, and the actors of
// one kind.
func checkActors(t *testing.T, r graph.Snapshot, g *walked) {
	var want []graph.Actor
	for _, a := range g.actors {
		want = append(want, a)
	}
	key := func(a graph.Actor) string { return graph.NormName(a.Name) + "|" + a.ID }
	sort.Slice(want, func(i, j int) bool { return key(want[i]) < key(want[j]) })
	wantIDs := make([]string, len(want))
	for i, a := range want {
		wantIDs[i] = a.ID
	}
	for _, size := range []int{2, 5} {
		var got []string
		after := ""
		for page := 0; page <= len(want); page++ {
			p, err := r.Actors(graph.ActorFilter{}, size, after)
			if err != nil {
				t.Fatalf("Actors(%d, page %d): %v", size, page, err)
			}
			if p.Total != len(want) {
				t.Errorf("Actors(%d, page %d): total %d, want %d", size, page, p.Total, len(want))
			}
			for _, e := range p.Edges {
				got = append(got, e.Actor.ID)
			}
			if !p.HasNext || len(p.Edges) == 0 {
				break
			}
			after = p.Edges[len(p.Edges)-1].Cursor
		}
		if !slices.Equal(got, wantIDs) {
			t.Errorf("Actors in pages of %d: %v; want %v", size, got, wantIDs)
		}
	}
	kind := want[0].Kind
	p, err := r.Actors(graph.ActorFilter{Kind: kind}, -1, "")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, a := range want {
		if a.Kind == kind {
			n++
		}
	}
	if p.Total != n || len(p.Edges) != n {
		t.Errorf("Actors of kind %s: %d (total %d), want %d", kind, len(p.Edges), p.Total, n)
	}
}

// checkArticles pages every article by publication date, and checks the
// metadata and text reads against Article.
func checkArticles(t *testing.T, r graph.Snapshot, g *walked) {
	var want []graph.Article
	for _, a := range g.articles {
		want = append(want, a)
	}
	key := func(a graph.Article) string {
		if a.Published == "" {
			return "~|" + a.ID
		}
		return a.Published + "|" + a.ID
	}
	sort.Slice(want, func(i, j int) bool { return key(want[i]) < key(want[j]) })
	var got []string
	after := ""
	for page := 0; page <= len(want); page++ {
		p, err := r.Articles(2, after)
		if err != nil {
			t.Fatalf("Articles(2, page %d): %v", page, err)
		}
		if p.Total != len(want) || p.HasPrevious != (page > 0) {
			t.Errorf("Articles(2, page %d): total %d, previous %v; want %d", page, p.Total, p.HasPrevious, len(want))
		}
		for _, e := range p.Edges {
			got = append(got, e.Article.ID)
			if e.Article.Text != "" {
				t.Errorf("Articles: article %s with its text", e.Article.ID)
			}
		}
		if !p.HasNext || len(p.Edges) == 0 {
			break
		}
		after = p.Edges[len(p.Edges)-1].Cursor
	}
	var wantIDs []string
	for _, a := range want {
		wantIDs = append(wantIDs, a.ID)
	}
	if !slices.Equal(got, wantIDs) {
		t.Errorf("Articles in pages of 2: %v; want %v", got, wantIDs)
	}
	metas := map[string]graph.Article{}
	if err := r.ForEachArticleMeta(func(a graph.Article) error { metas[a.ID] = a; return nil }); err != nil {
		t.Fatal(err)
	}
	if len(metas) != len(g.articles) {
		t.Errorf("ForEachArticleMeta walks %d articles of %d", len(metas), len(g.articles))
	}
	for id, a := range g.articles {
		bare := a
		bare.Text = ""
		m, err := r.ArticleMeta(id)
		if err != nil || m != bare {
			t.Errorf("ArticleMeta(%s) = %+v, %v; want %+v", id, m, err, bare)
		}
		if metas[id] != bare {
			t.Errorf("ForEachArticleMeta: %+v; want %+v", metas[id], bare)
		}
		if text, err := r.ArticleText(id); err != nil || text != a.Text {
			t.Errorf("ArticleText(%s): %d bytes, %v; want %d", id, len(text), err, len(a.Text))
		}
	}
}

// checkWalks: ForEachEventOfArticle streams the events with evidence from
// the article; ErrStop ends a walk without an error.
func checkWalks(t *testing.T, r graph.Snapshot, g *walked) {
	for id := range g.articles {
		var want, got []string
		for _, e := range g.events {
			if slices.ContainsFunc(e.Evidence, func(x graph.Evidence) bool { return x.ArticleID == id }) {
				want = append(want, e.ID)
			}
		}
		if err := r.ForEachEventOfArticle(id, func(e graph.Event) error { got = append(got, e.ID); return nil }); err != nil {
			t.Errorf("ForEachEventOfArticle(%s): %v", id, err)
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("ForEachEventOfArticle(%s): %v; want %v", id, got, want)
		}
	}
	for name, each := range map[string]func(func() error) error{
		"ForEachEvent":   func(fn func() error) error { return r.ForEachEvent(func(graph.Event) error { return fn() }) },
		"ForEachActor":   func(fn func() error) error { return r.ForEachActor(func(graph.Actor) error { return fn() }) },
		"ForEachPlace":   func(fn func() error) error { return r.ForEachPlace(func(graph.Place) error { return fn() }) },
		"ForEachArticle": func(fn func() error) error { return r.ForEachArticle(func(graph.Article) error { return fn() }) },
		"ForEachEventMatching": func(fn func() error) error {
			return r.ForEachEventMatching(graph.EventFilter{}, func(graph.Event) error { return fn() })
		},
	} {
		n := 0
		if err := each(func() error { n++; return graph.ErrStop }); err != nil || n != 1 {
			t.Errorf("%s stopped by ErrStop: %d calls, %v; want 1, nil", name, n, err)
		}
		boom := errors.New("boom")
		if err := each(func() error { return boom }); !errors.Is(err, boom) {
			t.Errorf("%s: the callback's error comes back as %v", name, err)
		}
	}
}

// checkContext: a ViewContext whose context is done reads nothing.
func checkContext(t *testing.T, st graph.Storage) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	called := false
	if err := st.ViewContext(ctx, func(graph.Snapshot) error { called = true; return nil }); !errors.Is(err, context.Canceled) || called {
		t.Errorf("ViewContext of a cancelled context: %v, called %v", err, called)
	}
}

// checkRewrite: writing every article's facts again changes nothing.
func checkRewrite(t *testing.T, st graph.Storage, facts []fact, g *walked) {
	v := st.Version()
	for _, f := range facts {
		again := f.written
		res, err := st.PutFacts(&again)
		if err != nil || !res.Existed {
			t.Errorf("writing article %s again: %+v, %v; want Existed", f.article.ID, res, err)
		}
	}
	if st.Version() != v {
		t.Errorf("Version moved from %d to %d, with nothing written", v, st.Version())
	}
	var again *walked
	if err := st.View(func(r graph.Snapshot) (err error) { again, err = walk(r); return }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again, g) {
		t.Error("writing the articles again changed the graph")
	}
}
