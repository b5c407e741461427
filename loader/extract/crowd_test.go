package extract

import (
	"reflect"
	"testing"

	graph "eventgraph/graph/model"
)

// One event keeps one crowd of a name: the headline's "insurgents" (no
// country) and the lead's "insurgents in the north" (placed in a country)
// are one side, the placed one kept; other participants and crowds of
// other names stay.
func TestOneCrowd(t *testing.T) {
	actors := []*graph.Actor{
		{ID: "g0", Name: "insurgents", Kind: graph.Group},
		{ID: "g1", Name: "insurgents", Kind: graph.Group, Country: "Chad"},
		{ID: "g2", Name: "herders", Kind: graph.Group, Country: "Chad"},
		{ID: "c1", Name: "Cameroon", Kind: graph.Country, Country: "Cameroon"},
	}
	st := &state{actors: map[string]*graph.Actor{}}
	for _, a := range actors {
		st.actors[a.ID] = a
	}
	for _, tc := range []struct {
		name string
		in   []string
		want []string
	}{
		{"placed kept", []string{"g0", "c1", "g1"}, []string{"c1", "g1"}},
		{"first placed stays", []string{"g1", "g0", "c1"}, []string{"g1", "c1"}},
		{"other names stay", []string{"g1", "g2", "c1"}, []string{"g1", "g2", "c1"}},
		{"unplaced alone stays", []string{"g0"}, []string{"g0"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &cand{}
			for _, id := range tc.in {
				c.ev.Participants = append(c.ev.Participants, graph.Participation{ActorID: id, Role: "source"})
			}
			st.oneCrowd(c)
			var got []string
			for _, p := range c.ev.Participants {
				got = append(got, p.ActorID)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}
