package graph

import (
	"fmt"
	"slices"
	"strconv"
	"testing"
)

// Readers share the nodes they decode only within one snapshot: a write
// makes the next reader see the new actor and place, while a reader of the
// snapshot before the write keeps seeing the old ones.
func TestSharedReadCache(t *testing.T) {
	s := memStore(t)
	a := fixture("A", "2024-05-12")
	town := Place{ID: PlaceID("Harbour Town", "IQ"), Name: "Harbour Town", Country: "IQ"}
	a.Places = []Place{town}
	a.Events[0].PlaceID = town.ID
	if _, err := s.PutFacts(a); err != nil {
		t.Fatal(err)
	}
	actorID := a.Actors[0].ID
	type seen struct {
		aliases []string
		geo     bool
		title   string
	}
	look := func(r *Reader) seen {
		t.Helper()
		ac, err := r.Actor(actorID)
		if err != nil {
			t.Fatal(err)
		}
		p, err := r.Place(town.ID)
		if err != nil {
			t.Fatal(err)
		}
		m, err := r.ArticleMeta(a.Article.ID)
		if err != nil {
			t.Fatal(err)
		}
		return seen{ac.Aliases, p.HasGeo, m.Title}
	}
	var before seen
	_ = s.view(func(r *Reader) error { before = look(r); return nil })
	if len(before.aliases) != 0 || before.geo || before.title != "A" {
		t.Fatalf("first reader: %+v", before)
	}
	err := s.view(func(old *Reader) error {
		if got := look(old); !slices.Equal(got.aliases, before.aliases) || got.geo {
			t.Errorf("second reader of the same snapshot: %+v", got)
		}
		// a write while old is open: the actor gains an alias, the place
		// its coordinates
		b := fixture("B", "2024-05-13")
		b.Actors[0].Aliases = []string{"Shammari"}
		geo := town
		geo.Lat, geo.Lon, geo.HasGeo = 33.3, 44.4, true
		b.Places = []Place{geo}
		if _, err := s.PutFacts(b); err != nil {
			t.Fatal(err)
		}
		var after seen
		_ = s.view(func(r *Reader) error { after = look(r); return nil })
		if !slices.Contains(after.aliases, "Shammari") || !after.geo {
			t.Errorf("reader after the write: %+v, want the alias and the coordinates", after)
		}
		// old was opened before the write and still reads its snapshot,
		// even for nodes it had not read yet
		old.actors, old.places = map[string]*Actor{}, map[string]*Place{}
		if got := look(old); len(got.aliases) != 0 || got.geo {
			t.Errorf("reader of the snapshot before the write: %+v", got)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The shared cache stops growing at maxShared nodes of a kind.
func TestSharedReadCacheBounded(t *testing.T) {
	c := &readCache{actors: map[string]*Actor{}}
	for i := 0; i < maxShared+10; i++ {
		put(c, cachedActors, strconv.Itoa(i), &Actor{})
	}
	if len(c.actors) != maxShared {
		t.Errorf("%d actors cached, want %d", len(c.actors), maxShared)
	}
	put[Actor](nil, cachedActors, "x", &Actor{}) // no cache: nothing happens
	if get(nil, cachedActors, "x") != nil {
		t.Error("a nil cache returned a node")
	}
}

// Readers on several goroutines share the cache while a writer adds
// articles (run with -race): each reader sees a whole actor.
func TestSharedReadCacheConcurrent(t *testing.T) {
	s := memStore(t)
	if _, err := s.PutFacts(fixture("A", "2024-05-12")); err != nil {
		t.Fatal(err)
	}
	id := fixture("A").Actors[0].ID
	done := make(chan struct{})
	errs := make(chan error, 4)
	for g := 0; g < 4; g++ {
		go func() {
			for {
				select {
				case <-done:
					errs <- nil
					return
				default:
				}
				err := s.view(func(r *Reader) error {
					a, err := r.Actor(id)
					if err == nil && a.Name == "" {
						err = fmt.Errorf("actor without a name: %+v", a)
					}
					return err
				})
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for i := 0; i < 20; i++ {
		f := fixture(fmt.Sprintf("W%d", i), "2024-05-12")
		f.Actors[0].Aliases = []string{fmt.Sprintf("alias %d", i)}
		if _, err := s.PutFacts(f); err != nil {
			t.Fatal(err)
		}
	}
	close(done)
	for g := 0; g < 4; g++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	_ = s.view(func(r *Reader) error {
		a, _ := r.Actor(id)
		if len(a.Aliases) != 20 {
			t.Errorf("%d aliases after the writes, want 20", len(a.Aliases))
		}
		return nil
	})
}
