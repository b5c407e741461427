package mention

import (
	"strings"
	"testing"

	"eventgraph/graph/model"
)

// A plural office or role names several persons at once, each with the
// title in the singular and, where the text pairs them, a country of their
// own (made-up names and sentences).
func TestPluralTitles(t *testing.T) {
	type person struct{ country, title string }
	for _, c := range []struct {
		name, text string
		want       map[string]person
	}{
		{"capitalized, names only",
			"Foreign Ministers Ana Lindqvist and Jonas Berzins met in Riga on Monday.",
			map[string]person{"Ana Lindqvist": {"", "Foreign Minister"}, "Jonas Berzins": {"", "Foreign Minister"}}},
		{"each name with its country",
			"Presidents Talant Osmonov of Kyrgyzstan and Rustam Sharipov of Tajikistan spoke by telephone.",
			map[string]person{"Talant Osmonov": {"KG", "President"}, "Rustam Sharipov": {"TJ", "President"}}},
		{"countries, then names in the same order",
			"The deputy prime ministers of Azerbaijan and Armenia, Elchin Gasimov and Davit Sargsyan, signed a protocol.",
			map[string]person{"Elchin Gasimov": {"AZ", "deputy prime minister"}, "Davit Sargsyan": {"AM", "deputy prime minister"}}},
		{"three names",
			"Interior Ministers Lina Sabri, Omar Nassif and Karim Toufic met in Amman.",
			map[string]person{"Lina Sabri": {"", "Interior Minister"}, "Omar Nassif": {"", "Interior Minister"}, "Karim Toufic": {"", "Interior Minister"}}},
		{"a role set off by commas",
			"The leaders, Omar Yusuf and Abdi Warsame, agreed to a ceasefire.",
			map[string]person{"Omar Yusuf": {"", "leader"}, "Abdi Warsame": {"", "leader"}}},
		// a plural title with no names after it names nobody
		{"no names",
			"The foreign ministers of Iraq and Syria met in Baghdad on Monday.",
			map[string]person{}},
		{"countries and names that do not pair",
			"The foreign ministers of Iraq, Syria and Jordan, Ana Lindqvist and Jonas Berzins, met.",
			map[string]person{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := analyzeText("Title\n\n"+c.text, "2024-05-12")
			got := map[string]model.Actor{}
			for _, a := range r.Actors {
				if a.Kind == model.Person {
					got[a.Name] = a
				}
			}
			if len(got) != len(c.want) {
				t.Errorf("persons %v, want %v", keys(got), c.want)
			}
			for n, w := range c.want {
				a, ok := got[n]
				if !ok {
					t.Errorf("no person %q (persons: %v)", n, keys(got))
					continue
				}
				if a.Country != w.country {
					t.Errorf("%s: country %q, want %q", n, a.Country, w.country)
				}
				if len(a.Roles) == 0 || a.Roles[0].Title != w.title {
					t.Errorf("%s: roles %+v, want title %q", n, a.Roles, w.title)
				}
			}
		})
	}
}

func keys(m map[string]model.Actor) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// An office written in lower case, as many outlets write it, names a
// person before a full name or in an apposition; never before a word that
// is no name (made-up names).
func TestLowerCaseOffices(t *testing.T) {
	for _, c := range []struct {
		name, text, person, country, title string
	}{
		{"before a name", "A court sentenced former Malian defence minister Ana Toure to ten years.", "Ana Toure", "ML", "defence minister"},
		{"in an apposition after a title phrase", "Mali's former defence minister, Ana Toure, was jailed.", "Ana Toure", "ML", "defence minister"},
		{"in an apposition after the name", "Jonas Berzins, Latvia's defence minister, said the drills would go ahead.", "Jonas Berzins", "LV", "defence minister"},
		{"before a weekday", "The interior minister Monday rejected the claims.", "", "", ""},
		// a diplomat's post is abroad: "in Latvia" is not his country
		{"a diplomat posted in a country", "The Belarusian charge d'affaires in Latvia, Ivan Petrov, left Riga on Monday.", "Ivan Petrov", "BY", "charge d'affaires in latvia"},
		{"after a quotation and said", "\"The road has been shut for a month,\" said a local elder, Omar Yusuf Warsame.", "Omar Yusuf Warsame", "", "local elder"},
		// a family name that is also a town's ("Herat")
		{"a name ending in a town's name after a title", "\"The road has been shut for a month,\" said a local elder, Ali Hassan Herat.", "Ali Hassan Herat", "", "local elder"},
		{"an ambassador to a country", "Kenya's ambassador to Mali, Ana Wanjiru, was recalled.", "Ana Wanjiru", "KE", "ambassador to mali"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := analyzeText("Title\n\n"+c.text, "2024-05-12")
			var persons []model.Actor
			for _, a := range r.Actors {
				if a.Kind == model.Person {
					persons = append(persons, a)
				}
			}
			if c.person == "" {
				if len(persons) > 0 {
					t.Errorf("persons %+v, want none", persons)
				}
				return
			}
			if len(persons) != 1 || persons[0].Name != c.person || persons[0].Country != c.country {
				t.Fatalf("persons %+v, want %s (%s)", persons, c.person, c.country)
			}
			if len(persons[0].Roles) == 0 || !strings.EqualFold(persons[0].Roles[0].Title, c.title) && !strings.HasSuffix(strings.ToLower(persons[0].Roles[0].Title), c.title) {
				t.Errorf("roles %+v, want %q", persons[0].Roles, c.title)
			}
		})
	}
}
