package loader_test

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"eventgraph/graph"
	"eventgraph/loader"
)

// seedStore loads ../seeds with the loader into an in-memory Store.
func seedStore(t *testing.T) *graph.Store {
	t.Helper()
	st, err := graph.Open(graph.DefaultOptions("").WithInMemory(true))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	sum := loader.New(st, loader.Options{Logger: slog.New(slog.DiscardHandler)}).LoadPaths(context.Background(), []string{"../seeds"})
	for _, e := range sum.Errors {
		t.Errorf("loading the seeds: %v", e)
	}
	if sum.Articles != 7 {
		t.Fatalf("loaded %d seed articles, want 7 (%s)", sum.Articles, sum)
	}
	return st
}

// TestSeedOrganizations: an armed group or organization the seeds name both
// by acronym and in full is one node, found by either name.
func TestSeedOrganizations(t *testing.T) {
	st := seedStore(t)
	for _, tt := range []struct {
		acronym string
		names   []string
	}{
		{"HTS", []string{"Hayat Tahrir al-Sham"}},
		{"SDF", []string{"Syrian Democratic Forces"}},
		{"ISIS", []string{"Islamic State"}},
		{"PMF", []string{"Popular Mobilization Forces"}},
	} {
		t.Run(tt.acronym, func(t *testing.T) {
			err := st.View(func(r graph.Snapshot) error {
				id := ""
				for _, name := range append([]string{tt.acronym}, tt.names...) {
					var orgs, all []string
					for _, a := range r.ActorsByName(name) {
						all = append(all, fmt.Sprintf("%s %q", a.Kind, a.Name))
						if a.Kind == graph.Organization || a.Kind == graph.Group {
							orgs = append(orgs, a.ID)
						}
					}
					switch {
					case len(orgs) != 1:
						t.Errorf("ActorsByName(%q): %d ORGANIZATION or GROUP actors, want 1 (found %v)", name, len(orgs), all)
					case id == "":
						id = orgs[0]
					case orgs[0] != id:
						t.Errorf("%q and %q are different actors", tt.acronym, name)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestSeedPlaces: the events at the seeds' cities and the Masnaa crossing
// are placed there, with coordinates for the maps.
func TestSeedPlaces(t *testing.T) {
	st := seedStore(t)
	type placed struct {
		event graph.Event
		place graph.Place
	}
	var events []placed
	err := st.View(func(r graph.Snapshot) error {
		page, err := r.Events(graph.EventFilter{}, -1, "")
		if err != nil {
			return err
		}
		for _, e := range page.Edges {
			if e.Event.PlaceID == "" {
				continue
			}
			p, err := r.Place(e.Event.PlaceID)
			if err != nil {
				return fmt.Errorf("event %q: %w", e.Event.Title, err)
			}
			events = append(events, placed{e.Event, p})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, city := range []string{"Basra", "Baghdad", "Kirkuk", "Amman", "Moscow", "Masnaa"} {
		t.Run(city, func(t *testing.T) {
			n := 0
			for _, e := range events {
				if !strings.Contains(graph.NormName(e.place.Name), graph.NormName(city)) {
					continue
				}
				n++
				if !e.place.HasGeo || (e.place.Lat == 0 && e.place.Lon == 0) {
					t.Errorf("event %q at %q has no coordinates: %+v", e.event.Title, e.place.Name, e.place)
				}
			}
			if n == 0 {
				var names []string
				for _, e := range events {
					names = append(names, e.place.Name)
				}
				t.Errorf("no event is placed in %s; events are placed at %q", city, names)
			}
		})
	}
}
