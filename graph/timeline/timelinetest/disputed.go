package timelinetest

import (
	"testing"

	"eventgraph/graph"
)

// The disputed fixture: two made-up wire reports of one ambush that
// disagree on its day and its toll, for the tests of disputed events.
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
	mali := actor("Mali", graph.Country, "ML")
	gao := place("Gao", "city", "ML", 16.27, -0.04, true)
	report := func(b *builder, d, sentence, toll string, killed float64) graph.Facts {
		e := graph.Event{ID: graph.NewID("event", b.a.ID, "ambush"), Type: "attack", CAMEO: "190", Title: DisputedTitle,
			Date: day(d), Status: graph.Reported, PlaceID: gao.ID,
			Participants: []graph.Participation{part("Mali", "target")},
			Evidence:     []graph.Evidence{b.ev(sentence)},
			MergeKeys:    []string{"attack|aid convoy|gao"},
			Quantities: []graph.Quantity{{Value: 40, Unit: "trucks", Text: "40 trucks", Counts: "trucks", ArticleID: b.a.ID},
				{Value: killed, Unit: "people", Text: toll, Counts: "drivers killed", ArticleID: b.a.ID}}}
		return graph.Facts{Article: b.a, Actors: []graph.Actor{mali}, Places: []graph.Place{gao}, Events: []graph.Event{e}}
	}
	return []graph.Facts{
		report(article(DisputedFirst, "Wire A", "https://example.org/a/convoy", "2023-08-14"), "2023-08-13",
			"Gunmen ambushed an aid convoy of 40 trucks near Gao on Sunday, killing 12 drivers, the relief agency said.", "12 drivers", 12),
		report(article(DisputedSecond, "Wire B", "https://example.org/b/relief-trucks", "2023-08-14"), "2023-08-12",
			"Militants attacked a convoy of 40 trucks near Gao on Saturday, killing 15 drivers, local officials said.", "15 drivers", 15),
	}
}

// LoadDisputed puts DisputedFacts into st: the store merges the two
// reports into one disputed event.
func LoadDisputed(st graph.Storage) error {
	for _, f := range DisputedFacts() {
		if _, err := st.PutFacts(&f); err != nil {
			return err
		}
	}
	return nil
}

// OpenDisputed returns an in-memory Store holding DisputedFacts, closed
// when the test ends.
func OpenDisputed(tb testing.TB) graph.Storage {
	tb.Helper()
	s, err := graph.Open(graph.DefaultOptions("").WithInMemory(true))
	if err != nil {
		tb.Fatalf("open store: %v", err)
	}
	tb.Cleanup(func() { _ = s.Close() })
	if err := LoadDisputed(s); err != nil {
		tb.Fatalf("put facts: %v", err)
	}
	return s
}

// DisputedEventID is the identifier of the merged disputed event (the
// first report's).
func DisputedEventID() string { return DisputedFacts()[0].Events[0].ID }
