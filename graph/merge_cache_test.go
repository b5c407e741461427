package graph

import (
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// openMergeStore opens an in-memory store with or without the merger's
// cache (merge_cache.go).
func openMergeStore(t *testing.T, cache bool) *Store {
	t.Helper()
	s, err := Open(DefaultOptions("").WithInMemory(true))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	s.noMergeCache = !cache
	return s
}

// graphDump is dumpStore without the time of the last write.
func graphDump(t *testing.T, s *Store) map[string]string {
	d := dumpStore(t, s)
	delete(d, kModified)
	return d
}

// sameDumps reports the first keys where two dumps differ.
func sameDumps(t *testing.T, with, without map[string]string) {
	t.Helper()
	if reflect.DeepEqual(with, without) {
		return
	}
	n := 0
	for k, v := range without {
		if w, ok := with[k]; !ok || w != v {
			if n++; n <= 5 {
				t.Errorf("key %q: with the cache %.200q, without %.200q", k, with[k], v)
			}
		}
	}
	for k := range with {
		if _, ok := without[k]; !ok {
			if n++; n <= 5 {
				t.Errorf("key %q written with the cache only", k)
			}
		}
	}
	t.Errorf("%d keys differ (%d with the cache, %d without)", n, len(with), len(without))
}

// An event rewritten by a merge is scored afterwards with its new
// evidence, not the facts the cache held from before: the third report
// shares no actor, title word or place with the first, only the
// sentence the second merged into it (its names, its words and the
// town it is "at"), and merges into it on that alone.
func TestMergeCacheRewrittenEvent(t *testing.T) {
	day := span("2023-05-10", "2023-05-10", Day)
	envoy := Actor{ID: ActorID("Orrin Delacourt"), Name: "Orrin Delacourt", Kind: Person}
	other := Actor{ID: ActorID("Tamsin Voyle"), Name: "Tamsin Voyle", Kind: Person}
	reports := []mReport{
		{cameo: "042", typ: "make a visit", title: "Envoy visits harbour", sentence: "The envoy visited the harbour.",
			date: day, actors: []Actor{envoy}},
		{cameo: "042", typ: "make a visit", title: "Envoy visits harbour", date: day, actors: []Actor{envoy},
			sentence: "Delegates of Kestrani inspected the Velmora shipyard cranes at Velmora harbour."},
		{cameo: "042", typ: "make a visit", title: "Official tours docks", date: day, actors: []Actor{other},
			sentence: "Delegates of Kestrani inspected the Velmora shipyard cranes at Velmora harbour yesterday."},
	}
	run := func(cache bool) (map[string]string, []PutResult) {
		s := openMergeStore(t, cache)
		var res []PutResult
		for i, r := range reports {
			pr, err := s.PutFacts(r.facts(fmt.Sprintf("report %d", i)))
			if err != nil {
				t.Fatal(err)
			}
			res = append(res, pr)
			if cache && i == 1 {
				// the second report scored the first event (its facts
				// cached), then merged into it: the entry is dropped
				first := reports[0].facts("report 0").Events[0].ID
				if s.mergeCache.facts.puts == 0 {
					t.Error("the second report's scoring of the first event cached nothing")
				}
				if en := s.mergeCache.facts.get(first); en != nil {
					t.Errorf("the facts of event %s are still cached after it was rewritten (%d sentences)", first, len(en.sentences))
				}
			}
		}
		return graphDump(t, s), res
	}
	with, res := run(true)
	without, resWithout := run(false)
	for i, r := range res {
		if r.Merged != 1 && i > 0 {
			t.Errorf("report %d: %d events merged, want 1 (into the first)", i, r.Merged)
		}
	}
	if !reflect.DeepEqual(res, resWithout) {
		t.Errorf("results with the cache %+v, without %+v", res, resWithout)
	}
	sameDumps(t, with, without)
}

// mergeCorpus makes n reports of a few actors, places and days, so that
// many are scored against each other and some merge: persons named
// variously (their aliases grow, so their stored nodes change), countries,
// agreements, sentences with names and places.
func mergeCorpus(n int, seed int64) []*Facts {
	r := rand.New(rand.NewSource(seed))
	pick := func(xs []string) string { return xs[r.Intn(len(xs))] }
	given := []string{"Orrin", "Tamsin", "Belk", "Quara", "Idris", "Mavel"}
	family := []string{"Delacourt", "Voyle", "Harrowgate", "Pemberly", "Osk"}
	countries := []Actor{
		{ID: ActorID("Zarovia"), Name: "Zarovia", Kind: Country, Country: "ZV"},
		{ID: ActorID("Kestrani"), Name: "Kestrani", Kind: Country, Country: "KS"},
		{ID: ActorID("Velmora"), Name: "Velmora", Kind: Country, Country: "VM"},
	}
	orgs := []Actor{
		{ID: ActorID("Harbour Guild"), Name: "Harbour Guild", Kind: Organization, Country: "ZV"},
		{ID: ActorID("Tide Council"), Name: "Tide Council", Kind: Organization},
	}
	places := []Place{
		{ID: PlaceID("Ostrel", "ZV"), Name: "Ostrel", Kind: "city", Country: "ZV"},
		{ID: PlaceID("Varn", "KS"), Name: "Varn", Kind: "city", Country: "KS"},
		{ID: PlaceID("Zarovia", "ZV"), Name: "Zarovia", Kind: "country", Country: "ZV"},
	}
	kinds := []struct{ cameo, typ string }{{"042", "make a visit"}, {"043", "host a visit"}, {"057", "sign agreement"},
		{"190", "use conventional military force"}, {"", "other"}, {"010", "make statement"}}
	words := []string{"harbour", "shipyard", "cranes", "talks", "border", "water", "treaty", "convoy", "market", "summit"}
	towns := []string{"Velmora", "Ostrel", "Brisk Hollow", "Kestrani", "Lantern Bay"}
	var out []*Facts
	for i := 0; i < n; i++ {
		k := kinds[r.Intn(len(kinds))]
		d := fmt.Sprintf("2023-05-%02d", 1+r.Intn(6))
		date := span(d, d, Day)
		if r.Intn(8) == 0 {
			date = span("2023-05-01", "2023-05-03", Day)
		}
		var actors []Actor
		for j := 0; j < 1+r.Intn(2); j++ {
			switch r.Intn(3) {
			case 0:
				g, f := pick(given[:3]), family[r.Intn(len(family))]
				id := ActorID(g + " " + f)
				name := g + " " + f
				if r.Intn(3) == 0 {
					name = pick([]string{"Dr ", "Envoy ", "General "}) + name // another spelling: an alias
				}
				actors = append(actors, Actor{ID: id, Name: name, Kind: Person})
			case 1:
				actors = append(actors, countries[r.Intn(len(countries))])
			default:
				actors = append(actors, orgs[r.Intn(len(orgs))])
			}
		}
		rep := mReport{cameo: k.cameo, typ: k.typ, date: date, actors: actors,
			title:    strings.Join([]string{pick(words), pick(words), pick(words)}, " "),
			sentence: fmt.Sprintf("Delegates from %s discussed the %s and the %s at %s on %s.", pick(towns), pick(words), pick(words), pick(towns), d)}
		if r.Intn(3) > 0 {
			p := places[r.Intn(len(places))]
			rep.place = &p
		}
		if k.cameo == "057" && r.Intn(2) == 0 {
			rep.agreement = pick([]string{"memorandum of understanding", "agreement", "treaty"})
			rep.topics = []string{pick(words)}
		}
		if r.Intn(4) == 0 {
			rep.quantities = []Quantity{{Value: float64(1 + r.Intn(3)), Unit: "t", Counts: pick(words)}}
		}
		out = append(out, rep.facts(fmt.Sprintf("article %d", i)))
	}
	return out
}

// The cache changes no merge: the store after a load of reports that
// are scored against each other (and merge, and rewrite their actors,
// places and agreements) is the same key for key with and without it,
// article by article and in batches.
func TestMergeCacheSameGraph(t *testing.T) {
	corpus := mergeCorpus(400, 7)
	for _, batch := range []bool{false, true} {
		t.Run(fmt.Sprintf("batch=%v", batch), func(t *testing.T) {
			var dumps []map[string]string
			var merged []int
			for _, cache := range []bool{true, false} {
				s := openMergeStore(t, cache)
				m := 0
				if batch {
					for i := 0; i < len(corpus); i += 25 {
						res, errs := s.PutFactsBatch(corpus[i:min(i+25, len(corpus))])
						for j, err := range errs {
							if err != nil {
								t.Fatal(err)
							}
							m += res[j].Merged
						}
					}
				} else {
					for _, f := range corpus {
						res, err := s.PutFacts(f)
						if err != nil {
							t.Fatal(err)
						}
						m += res.Merged
					}
				}
				if cache && s.mergeCache.hits == 0 {
					t.Error("no merge facts were taken from the cache")
				}
				dumps = append(dumps, graphDump(t, s))
				merged = append(merged, m)
			}
			if merged[1] < 20 {
				t.Errorf("only %d of %d reports merged: the corpus tests little", merged[1], len(corpus))
			}
			if merged[0] != merged[1] {
				t.Errorf("%d merged with the cache, %d without", merged[0], merged[1])
			}
			sameDumps(t, dumps[0], dumps[1])
		})
	}
}
