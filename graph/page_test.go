package graph

import (
	"fmt"
	"reflect"
	"testing"
)

// Walking a filter's events page by page (pages read their events through
// a cursor over the date-ordered copies, or by lookups for an actor's
// index) gives the same events, in the same order, as reading the whole
// window at once.
func TestPagesMatchWindow(t *testing.T) {
	s := memStore(t)
	a := fixture("A", "2024-01-03", "2024-01-10", "", "2024-02-01", "2023-12-30", "2024-01-10")
	a.Events[4].Date = DateSpan{Value: "2023-12", Start: "2023-12-01", End: "2024-01-31", Precision: Month}
	b := fixture("B", "2024-01-05", "2024-01-20", "2024-03-01")
	other := Actor{ID: ActorID("Mira Castell"), Name: "Mira Castell", Kind: Person}
	b.Actors = append(b.Actors, other)
	b.Events[1].Participants = []Participation{{ActorID: other.ID, Role: "source"}}
	for _, f := range []*Facts{a, b} {
		if _, err := s.PutFacts(f); err != nil {
			t.Fatal(err)
		}
	}
	ids := func(p EventPage) []string {
		var out []string
		for _, e := range p.Edges {
			out = append(out, e.Event.Date.Start+" "+e.Event.Title)
		}
		return out
	}
	for _, f := range []EventFilter{
		{},
		{Desc: true},
		{From: "2024-01-04", To: "2024-01-31"},
		{From: "2024-01-04", To: "2024-01-31", Desc: true},
		{From: "2024-01-15"},
		{ActorIDs: []string{a.Actors[0].ID}},
		{ActorIDs: []string{a.Actors[0].ID}, From: "2024-01-01", Desc: true},
		{ActorIDs: []string{other.ID}},
	} {
		for _, size := range []int{1, 2, 3} {
			t.Run(fmt.Sprintf("%+v/%d", f, size), func(t *testing.T) {
				want := ids(allEvents(t, s, f, -1))
				if len(want) == 0 {
					t.Fatal("the window is empty")
				}
				var got []string
				after := ""
				for i := 0; i < 20; i++ {
					var p EventPage
					if err := s.view(func(r *Reader) (err error) { p, err = r.Events(f, size, after); return err }); err != nil {
						t.Fatal(err)
					}
					if p.Total != len(want) {
						t.Errorf("total %d, want %d", p.Total, len(want))
					}
					got = append(got, ids(p)...)
					if !p.HasNext {
						break
					}
					after = p.Edges[len(p.Edges)-1].Cursor()
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("pages:\n got %q\nwant %q", got, want)
				}
			})
		}
	}
}
