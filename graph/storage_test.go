package graph_test

import (
	"testing"

	"eventgraph/graph"
	"eventgraph/graph/storagetest"
	"eventgraph/graph/timeline/timelinetest"
)

// TestStorageConformance runs the storage conformance suite on the
// embedded store (in memory).
func TestStorageConformance(t *testing.T) {
	storagetest.Run(t, func(t *testing.T) graph.Storage {
		st, err := graph.Open(graph.DefaultOptions("").WithInMemory(true))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = st.Close() })
		return st
	})
}

// load writes facts through the Storage contract alone, as a loader
// written against it will.
func load(st graph.Storage, facts []graph.Facts) error {
	for i := range facts {
		if _, err := st.PutFacts(&facts[i]); err != nil {
			return err
		}
	}
	return st.Check()
}

// rangeCount counts, through the Snapshot contract, the events of a date
// range, paged and streamed, and the nodes by kind.
func rangeCount(st graph.Storage, from, to string) (paged, streamed int, stats graph.Stats, err error) {
	err = st.View(func(r graph.Snapshot) error {
		f := graph.EventFilter{From: from, To: to}
		p, err := r.Events(f, 2, "")
		if err != nil {
			return err
		}
		paged = p.Total
		if err := r.ForEachEventMatching(f, func(graph.Event) error { streamed++; return nil }); err != nil {
			return err
		}
		stats, err = r.Stats()
		return err
	})
	return
}

// TestStorageContract drives the embedded store through the Storage and
// Snapshot interfaces only.
func TestStorageContract(t *testing.T) {
	st, err := graph.Open(graph.DefaultOptions("").WithInMemory(true))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := load(st, timelinetest.Facts()); err != nil {
		t.Fatal(err)
	}
	paged, streamed, stats, err := rangeCount(st, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if stats.Events != timelinetest.NumEvents || stats.Actors != timelinetest.NumActors || stats.Articles != timelinetest.NumArticles {
		t.Errorf("stats %d events %d actors %d articles, want %d %d %d", stats.Events, stats.Actors, stats.Articles,
			timelinetest.NumEvents, timelinetest.NumActors, timelinetest.NumArticles)
	}
	if paged != streamed || paged != timelinetest.NumEvents {
		t.Errorf("all events: %d paged, %d streamed, want %d", paged, streamed, timelinetest.NumEvents)
	}
	paged, streamed, _, err = rangeCount(st, "2024-12-01", "2024-12-31")
	if err != nil {
		t.Fatal(err)
	}
	if paged != streamed || paged == 0 || paged >= timelinetest.NumDated {
		t.Errorf("December 2024: %d paged, %d streamed (of %d dated)", paged, streamed, timelinetest.NumDated)
	}
}
