package mention

import (
	"testing"

	"eventgraph/graph/model"
)

// TestRegionsNamedAfterCountries: a region, river or sea whose name starts
// with a country's ("the Niger Delta", "the Congo River") is no mention of
// the country; the country named alone still is.
func TestRegionsNamedAfterCountries(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string // the countries mentioned
	}{
		{"The navy seized a tanker in the Niger Delta on Sunday.", nil},
		{"Fighting spread along the Congo River and into Chad.", []string{"Chad"}},
		{"Boats crossed the Jordan Valley from Jordan.", []string{"Jordan"}},
		{"Niger and Chad signed the deal.", []string{"Niger", "Chad"}},
	} {
		r := analyzeText("Title\n\n"+c.text, "2024-05-12")
		var got []string
		for _, a := range r.Actors {
			if a.Kind == model.Country {
				got = append(got, a.Name)
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%q: countries %v, want %v", c.text, got, c.want)
			continue
		}
		for _, w := range c.want {
			found := false
			for _, g := range got {
				found = found || g == w
			}
			if !found {
				t.Errorf("%q: countries %v, want %v", c.text, got, c.want)
			}
		}
	}
}

// TestShortenedCountryName: "Congo" is the Republic of the Congo's other
// name and a part of the Democratic Republic of the Congo's; an article
// that names the latter and not the former by its own names means the
// latter by it.
func TestShortenedCountryName(t *testing.T) {
	for _, c := range []struct {
		text, want string
	}{
		{"Troops of the Democratic Republic of Congo patrolled the lake shore on Monday. Congo's army said the road was unsafe.", "CD"},
		{"Kinshasa closed a crossing on Monday. Congo's army said the road was unsafe.", "CD"},
		{"Congo's army said the road was unsafe on Monday.", "CG"},
		{"The DRC and the Republic of the Congo met in Brazzaville on Monday. Congo's army said the road was unsafe.", "CG"},
	} {
		r := analyzeText(c.text, "2025-11-21")
		got := ""
		for _, m := range r.Mentions {
			if c.text[m.Start:m.End] == "Congo" {
				for _, a := range r.Actors {
					if a.ID == m.ActorID {
						got = a.Country
					}
				}
			}
		}
		if got != c.want {
			t.Errorf("%q: Congo is %q, want %q", c.text, got, c.want)
		}
	}
}
