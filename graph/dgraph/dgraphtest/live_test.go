package dgraphtest_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"eventgraph/graph"
	"eventgraph/graph/dgraph/dgraphtest"
	"eventgraph/graph/export"
	"eventgraph/graph/timeline"
	"eventgraph/loader"
)

const seeds = "../../../seeds"

// seedExport loads the seeds into an embedded store and writes its export
// for Dgraph (graph.rdf, graph.schema) into a folder.
func seedExport(t *testing.T) (*graph.Store, string, string) {
	t.Helper()
	st, err := graph.Open(graph.DefaultOptions(filepath.Join(t.TempDir(), "db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	sum := loader.New(st, loader.Options{}).LoadPaths(context.Background(), []string{seeds})
	if len(sum.Errors) > 0 || sum.Articles == 0 {
		t.Fatalf("load seeds: %s %v", sum, sum.Errors)
	}
	dir := t.TempDir()
	rdf, schema := filepath.Join(dir, export.RDFFile), filepath.Join(dir, export.SchemaFile)
	for _, f := range []struct {
		path  string
		write func(*os.File) error
	}{
		{schema, func(w *os.File) error { return export.WriteDQLSchema(w) }},
		{rdf, func(w *os.File) error {
			return st.View(func(r graph.Snapshot) error { return export.WriteRDF(w, r, timeline.Query{}) })
		}},
	} {
		out, err := os.Create(f.path)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.write(out); err != nil {
			t.Fatalf("write %s: %v", f.path, err)
		}
		if err := out.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return st, rdf, schema
}

// embeddedRange is the embedded store's answer for the events whose span
// overlaps [from, to]: their IDs, sorted.
func embeddedRange(t *testing.T, st *graph.Store, from, to string) []string {
	t.Helper()
	var ids []string
	err := st.View(func(r graph.Snapshot) error {
		sel, err := timeline.Select(r, timeline.Query{From: from, To: to})
		if err != nil {
			return err
		}
		return sel.ForEach(r, func(ev graph.Event) error {
			ids = append(ids, ev.ID)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(ids)
	return ids
}

// dgraphRange asks Dgraph (DQL over HTTP) for the events whose span
// overlaps [from, to] (inclusive days), by the day index of event.start and
// event.end; it returns their eventgraph IDs, sorted.
func dgraphRange(t *testing.T, c *dgraphtest.Cluster, from, to string) []string {
	t.Helper()
	q := `{
  events(func: le(event.start, "` + to + `T00:00:00Z")) @filter(type(Event) AND ge(event.end, "` + from + `T00:00:00Z")) {
    xid
  }
}`
	var r struct {
		Events []struct {
			XID string `json:"xid"`
		} `json:"events"`
	}
	if err := json.Unmarshal(c.Query(t, q), &r); err != nil {
		t.Fatal(err)
	}
	ids := []string{}
	for _, e := range r.Events {
		if !strings.HasPrefix(e.XID, export.XIDPrefix) {
			t.Errorf("xid %q does not start with %s", e.XID, export.XIDPrefix)
		}
		ids = append(ids, strings.TrimPrefix(e.XID, export.XIDPrefix))
	}
	slices.Sort(ids)
	return ids
}

// count asks Dgraph how many nodes have the type.
func count(t *testing.T, c *dgraphtest.Cluster, typ string) int {
	t.Helper()
	var r struct {
		N []struct {
			Count int `json:"count"`
		} `json:"n"`
	}
	if err := json.Unmarshal(c.Query(t, `{ n(func: type(`+typ+`)) { count(uid) } }`), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.N) != 1 {
		t.Fatalf("count of %s: %+v", typ, r)
	}
	return r.N[0].Count
}

// TestLiveLoadSeeds loads the seeds' N-Quads export into a Dgraph cluster
// with dgraph live and checks that DQL date-range queries return exactly the
// events the embedded store returns for the same ranges; a second load
// (upserting on the xid) adds nothing.
func TestLiveLoadSeeds(t *testing.T) {
	dgraphtest.Binary(t) // skip (or fail in CI) before loading anything
	st, rdf, schema := seedExport(t)
	c := dgraphtest.Start(t)
	c.Live(t, rdf, schema, export.XID)

	var stats graph.Stats
	if err := st.View(func(r graph.Snapshot) (err error) { stats, err = r.Stats(); return }); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{export.DgraphEvent: stats.Events, export.DgraphActor: stats.Actors,
		export.DgraphArticle: stats.Articles, export.DgraphPlace: stats.Places, export.DgraphAgreement: stats.Agreements}
	check := func(when string) {
		for typ, n := range want {
			if got := count(t, c, typ); got != n {
				t.Errorf("%s: %d %s nodes in Dgraph, %d in the embedded store", when, got, typ, n)
			}
		}
	}
	check("after the load")

	ranges := []struct{ from, to string }{
		{"2024-01-01", "2024-12-31"},
		{"2017-01-01", "2021-12-31"},
		{"2024-12-01", "2024-12-31"},
		{"2025-01-01", "2025-12-31"},
		{"1990-01-01", "1990-12-31"},
	}
	nonEmpty := 0
	for _, rg := range ranges {
		wantIDs := embeddedRange(t, st, rg.from, rg.to)
		got := dgraphRange(t, c, rg.from, rg.to)
		if len(wantIDs) > 0 {
			nonEmpty++
		}
		t.Logf("%s..%s: %d events in Dgraph, %d in the embedded store", rg.from, rg.to, len(got), len(wantIDs))
		if !slices.Equal(got, wantIDs) {
			t.Errorf("%s..%s: Dgraph returns %d events %v, the embedded store %d %v", rg.from, rg.to, len(got), got, len(wantIDs), wantIDs)
		}
	}
	if nonEmpty < 3 {
		t.Errorf("only %d of the ranges hold seed events: the test compares too little", nonEmpty)
	}

	// the reverse edges: the events of the actor and of the place with the
	// most events, from the actor (by a folded alias) and from the place
	checkReverse(t, c, st, stats)

	// loading the same export again upserts on xid: nothing is added
	c.Live(t, rdf, schema, export.XID)
	check("after a second load")
}

// checkReverse compares, for the actor in the most events (found by its
// folded last alias through actor.key) and for the place of the most events,
// the events Dgraph reaches through the reverse edges ~event.actor and
// ~event.place with the embedded store's events of that actor and place.
func checkReverse(t *testing.T, c *dgraphtest.Cluster, st *graph.Store, stats graph.Stats) {
	t.Helper()
	var actor graph.Actor
	places := map[string]int{}
	var byActor, byPlace []string
	err := st.View(func(r graph.Snapshot) error {
		top := ""
		for id, n := range stats.ByActor {
			if top == "" || n > stats.ByActor[top] || (n == stats.ByActor[top] && id < top) {
				top = id
			}
		}
		var err error
		if actor, err = r.Actor(top); err != nil {
			return err
		}
		if err := r.ForEachEvent(func(ev graph.Event) error {
			if ev.PlaceID != "" {
				places[ev.PlaceID]++
			}
			return nil
		}); err != nil {
			return err
		}
		page, err := r.Events(graph.EventFilter{ActorIDs: []string{actor.ID}}, -1, "")
		if err != nil {
			return err
		}
		for _, e := range page.Edges {
			byActor = append(byActor, e.Event.ID)
		}
		page, err = r.Events(graph.EventFilter{PlaceID: byPlaceID(places)}, -1, "")
		if err != nil {
			return err
		}
		for _, e := range page.Edges {
			byPlace = append(byPlace, e.Event.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(byActor)
	slices.Sort(byPlace)
	name := actor.Name
	if len(actor.Aliases) > 0 {
		name = actor.Aliases[len(actor.Aliases)-1]
	}
	var ra struct {
		A []struct {
			Name   string `json:"actor.name"`
			Events []struct {
				XID string `json:"xid"`
			} `json:"~event.actor"`
		} `json:"a"`
	}
	q := `{ a(func: eq(actor.key, "` + graph.NormName(name) + `")) @filter(type(Actor)) { actor.name ~event.actor { xid } } }`
	if err := json.Unmarshal(c.Query(t, q), &ra); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, a := range ra.A {
		if a.Name != actor.Name {
			continue
		}
		found = true
		var got []string
		for _, e := range a.Events {
			got = append(got, strings.TrimPrefix(e.XID, export.XIDPrefix))
		}
		slices.Sort(got)
		if !slices.Equal(got, byActor) || len(got) == 0 {
			t.Errorf("actor %s: ~event.actor reaches %d events %v, the embedded store has %d %v", actor.Name, len(got), got, len(byActor), byActor)
		}
	}
	if !found {
		t.Errorf("actor.key %q does not find %s: %+v", graph.NormName(name), actor.Name, ra)
	}
	var rp struct {
		P []struct {
			Events []struct {
				XID string `json:"xid"`
			} `json:"~event.place"`
		} `json:"p"`
	}
	if err := json.Unmarshal(c.Query(t, `{ p(func: eq(xid, "`+export.XIDOf(byPlaceID(places))+`")) { ~event.place { xid } } }`), &rp); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range rp.P {
		for _, e := range p.Events {
			got = append(got, strings.TrimPrefix(e.XID, export.XIDPrefix))
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, byPlace) || len(got) == 0 {
		t.Errorf("place: ~event.place reaches %d events, the embedded store has %d", len(got), len(byPlace))
	}
	t.Logf("reverse edges: %d events of the top actor, %d of the top place", len(byActor), len(byPlace))
}

// byPlaceID is the place with the most events (ties: the smallest ID).
func byPlaceID(places map[string]int) string {
	place := ""
	for id, n := range places {
		if place == "" || n > places[place] || (n == places[place] && id < place) {
			place = id
		}
	}
	return place
}
