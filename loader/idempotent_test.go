package loader

import (
	"context"
	"fmt"
	"sort"
	"testing"

	"eventgraph/graph"
)

// graphIDs lists every node's ID by kind, sorted, and the store's counts.
func graphIDs(t *testing.T, st *graph.Store) map[string][]string {
	t.Helper()
	ids := map[string][]string{}
	err := st.View(func(r graph.Snapshot) error {
		add := func(kind, id string) error { ids[kind] = append(ids[kind], id); return nil }
		if err := r.ForEachArticle(func(a graph.Article) error { return add("article", a.ID) }); err != nil {
			return err
		}
		if err := r.ForEachEvent(func(e graph.Event) error {
			return add("event", fmt.Sprintf("%s %s %d evidence", e.ID, e.Date.Value, len(e.Evidence)))
		}); err != nil {
			return err
		}
		if err := r.ForEachActor(func(a graph.Actor) error { return add("actor", a.ID+" "+a.Name) }); err != nil {
			return err
		}
		if err := r.ForEachPlace(func(p graph.Place) error { return add("place", p.ID) }); err != nil {
			return err
		}
		if err := r.ForEachAgreement(func(g graph.Agreement) error { return add("agreement", g.ID) }); err != nil {
			return err
		}
		s, err := r.Stats()
		ids["stats"] = []string{fmt.Sprintf("%d %d %d %d %d", s.Articles, s.Events, s.Actors, s.Places, s.Agreements)}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range ids {
		sort.Strings(v)
	}
	return ids
}

// TestLoadSeedsTwice loads seeds/ twice into one store: the second load
// stores nothing and changes no ID and no count.
func TestLoadSeedsTwice(t *testing.T) {
	st := openStore(t)
	l := New(st, Options{Logger: quietLogger()})
	first := l.LoadPaths(context.Background(), []string{"../seeds"})
	if len(first.Errors) > 0 || first.Articles == 0 {
		t.Fatalf("first load: %s %v", first, first.Errors)
	}
	before, version := graphIDs(t, st), st.Version()
	second := l.LoadPaths(context.Background(), []string{"../seeds"})
	if len(second.Errors) > 0 || second.Articles != 0 || second.Existing != first.Articles || second.Events != 0 || second.Merged != 0 {
		t.Errorf("second load changed something: %s %v", second, second.Errors)
	}
	after := graphIDs(t, st)
	for _, kind := range []string{"article", "event", "actor", "place", "agreement", "stats"} {
		if fmt.Sprint(before[kind]) != fmt.Sprint(after[kind]) {
			t.Errorf("%s IDs changed:\nbefore %v\nafter  %v", kind, before[kind], after[kind])
		}
	}
	if st.Version() != version {
		t.Errorf("version %d -> %d", version, st.Version())
	}
	if err := st.Check(); err != nil {
		t.Error(err)
	}
}
