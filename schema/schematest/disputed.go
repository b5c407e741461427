package schematest

import "eventgraph/graph"

// Disputed fixture: two made-up wire reports of one ambush that disagree on
// its day and its toll (for the tests of disputed events).
const (
	// DisputedTitle is the merged event's title (the first report's).
	DisputedTitle = "Gunmen ambush an aid convoy near Gao"
	// DisputedFirst and DisputedSecond are the two articles' titles.
	DisputedFirst  = "Aid convoy ambushed in northern Mali"
	DisputedSecond = "Drivers killed as militants attack relief trucks"
)

// DisputedFacts are two articles reporting one ambush: the first on
// Sunday 2023-08-13 with 12 drivers killed, the second on Saturday
// 2023-08-12 with 15 killed; both give the convoy's 40 trucks.
func DisputedFacts() []graph.Facts {
	a1 := article(DisputedFirst, "Wire A", "https://example.org/a/convoy", "2023-08-14",
		"Gunmen ambushed an aid convoy of 40 trucks near Gao on Sunday, killing 12 drivers, the relief agency said.")
	a2 := article(DisputedSecond, "Wire B", "https://example.org/b/relief-trucks", "2023-08-14",
		"Militants attacked a convoy of 40 trucks near Gao on Saturday, killing 15 drivers, local officials said.")
	mali := graph.Actor{ID: graph.ActorID("Mali"), Name: "Mali", Kind: graph.Country, Country: "ML"}
	gao := graph.Place{ID: graph.PlaceID("Gao", "ML"), Name: "Gao", Kind: "city", Country: "ML", Lat: 16.27, Lon: -0.04, HasGeo: true}
	event := func(a graph.Article, d string, killed float64, text string) graph.Event {
		return graph.Event{ID: graph.NewID("event", a.ID, "ambush"), Type: "attack", CAMEO: "190", Title: DisputedTitle,
			Date: day(d), Status: graph.Reported, PlaceID: gao.ID,
			Participants: []graph.Participation{{ActorID: mali.ID, Role: "target"}},
			Evidence:     []graph.Evidence{ev(a, a.Text)},
			MergeKeys:    []string{"attack|aid convoy|gao"},
			Quantities: []graph.Quantity{{Value: 40, Unit: "trucks", Text: "40 trucks", Counts: "trucks", ArticleID: a.ID},
				{Value: killed, Unit: "people", Text: text, Counts: "drivers killed", ArticleID: a.ID}}}
	}
	return []graph.Facts{
		{Article: a1, Actors: []graph.Actor{mali}, Places: []graph.Place{gao}, Events: []graph.Event{event(a1, "2023-08-13", 12, "12 drivers")}},
		{Article: a2, Actors: []graph.Actor{mali}, Places: []graph.Place{gao}, Events: []graph.Event{event(a2, "2023-08-12", 15, "15 drivers")}},
	}
}

// LoadDisputed puts DisputedFacts into st: the store merges the two
// reports into one disputed event.
func LoadDisputed(st *graph.Store) error {
	for _, f := range DisputedFacts() {
		if _, err := st.PutFacts(&f); err != nil {
			return err
		}
	}
	return nil
}
