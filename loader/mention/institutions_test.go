package mention

import (
	"slices"
	"testing"

	"eventgraph/graph/model"
)

// TestInstitutionNames: a state's institution is one actor whether its
// country is named by its demonym, its name or after "of", and carries that
// country; other organizations keep the name they are written with.
func TestInstitutionNames(t *testing.T) {
	cases := []struct {
		text, mention, name, country string
	}{
		{"The Finland Border Guard said on Monday it had stopped a vessel.", "Finland Border Guard", "Finnish Border Guard", "FI"},
		{"The Finnish Border Guard said on Monday it had stopped a vessel.", "Finnish Border Guard", "Finnish Border Guard", "FI"},
		{"The Ministry of Foreign Affairs of the Republic of Estonia said it would respond.", "Ministry of Foreign Affairs of the Republic of Estonia", "Estonian Ministry of Foreign Affairs", "EE"},
		{"The Ministry of Defence of Latvia said it would respond.", "Ministry of Defence of Latvia", "Latvian Ministry of Defense", "LV"},
		{"A note was handed to the Embassy of the Russian Federation on Tuesday.", "Embassy of the Russian Federation", "Russian Embassy", "RU"},
		// a country's name of several words after "of"; "People's" inside
		// a name; a count before it is none of it
		{"An attack on a post of the Armed Forces of Côte d'Ivoire killed two soldiers.", "Armed Forces of Côte d'Ivoire", "Ivorian Armed Forces", "CI"},
		{"The Malawi People's Defence Forces deployed troops on Monday.", "Malawi People's Defence Forces", "Malawi People's Defence Forces", "MW"},
		{"Four Kenya Coast Guard ships entered the bay on Monday.", "Kenya Coast Guard", "Kenyan Coast Guard", "KE"},
		// the longest country name in the institution's: not Guinea's
		{"Officers of the South Sudan Police Service arrested two men on Monday.", "South Sudan Police Service", "South Sudan Police Service", "SS"},
		{"The Equatorial Guinea Navy seized a boat.", "Equatorial Guinea Navy", "Equatorial Guinean Navy", "GQ"},
		// "and" inside the name after "of"; an international body gets no
		// country from the dateline
		{"Slovenia's Ministry of Foreign and European Affairs issued a statement.", "Ministry of Foreign and European Affairs", "Slovene Ministry of Foreign and European Affairs", "SI"},
		{"ADEN (AP) - Shipowners asked the International Maritime Organization for help.", "International Maritime Organization", "International Maritime Organization", ""},
	}
	for _, c := range cases {
		r := analyzeText(c.text, "2025-01-01")
		a, ok := actorOf(r, c.mention)
		if !ok {
			t.Errorf("%q: no actor for %q (mentions %+v)", c.text, c.mention, r.Mentions)
			continue
		}
		if a.Name != c.name || a.Country != c.country || a.Kind != model.Organization {
			t.Errorf("%q: %q is %q (%s, %s), want %q (%s, organization)", c.text, c.mention, a.Name, a.Country, a.Kind, c.name, c.country)
		}
	}
	// a company whose name starts with a country keeps its name
	r := analyzeText("China National Petroleum Corporation signed the contract.", "2025-01-01")
	for _, a := range r.Actors {
		if a.Name == "Chinese National Petroleum Corporation" {
			t.Errorf("company renamed: %+v", a)
		}
	}
}

// TestCompassWordNoPlace: "South" starting a longer name the gazetteer
// lacks is no place of its own.
func TestCompassWordNoPlace(t *testing.T) {
	r := analyzeText("The ships met near a reef in the South China Sea on Monday.", "2025-01-01")
	for _, p := range r.Places {
		if p.Name != "China" && p.Name != "South China Sea" {
			t.Errorf("place %q (%s) from the name of a sea", p.Name, p.Country)
		}
	}
}

// TestDefinedBodyOfCountry: a body defined with its acronym after a
// possessive country ("Chile's Internal Security Service (ISS)") is that
// country's, under its name with the demonym and its acronym.
func TestDefinedBodyOfCountry(t *testing.T) {
	r := analyzeText("Chile's Internal Security Service (ISS) opened an inquiry on Monday. The ISS said it would report in May.", "2025-11-21")
	a, ok := actorOf(r, "ISS")
	if !ok {
		t.Fatal("no actor for ISS")
	}
	if a.Name != "Chilean Internal Security Service" || a.Country != "CL" {
		t.Errorf("ISS is %q of %q, want Chilean Internal Security Service of CL", a.Name, a.Country)
	}
}

// TestGroupFromItsFighters: a name written as a group's (an acronym, a
// word with a digit, two capitalized parts joined by a hyphen) before
// "rebels", "militia" or "fighters" names an armed group for the whole
// article; an adjective before them ("Kurdish", "Iran-backed", a
// sentence's "Armed") names none.
func TestGroupFromItsFighters(t *testing.T) {
	for _, c := range []struct {
		text, name string
		group      bool
	}{
		{"K-99 rebels seized the town on Monday. Later K-99 released the prisoners.", "K-99", true},
		{"The army fought ZRF fighters near the border. The ZRF denied it.", "ZRF", true},
		{"Fighters of the Tarsa-Nor militia fled. Tarsa-Nor said it would return.", "Tarsa-Nor", true},
		{"Kurdish fighters held the town.", "Kurdish", false},
		{"Iran-backed militias fired rockets.", "Iran-backed", false},
		{"Armed rebels attacked a post.", "Armed", false},
	} {
		r := analyzeText(c.text, "2025-11-21")
		a, ok := actorOf(r, c.name)
		got := ok && a.Kind == model.Group
		if got != c.group {
			t.Errorf("%q: %q a group: %v, want %v (%+v)", c.text, c.name, got, c.group, a)
		}
		if c.group {
			n := 0
			for _, m := range r.Mentions {
				if m.ActorID == a.ID {
					n++
				}
			}
			if n < 2 {
				t.Errorf("%q: %d mentions of %q, want both", c.text, n, c.name)
			}
		}
	}
}

// TestInstitutionAliasWithCountry: an institution named after its
// country's possessive keeps the whole written form as an alias, which
// users look up ("Kenya's Foreign Ministry" finds the Kenyan Ministry of
// Foreign Affairs); the mention itself leaves the country out.
func TestInstitutionAliasWithCountry(t *testing.T) {
	for _, c := range []struct{ text, mention, name, alias string }{
		{"Kenya's Foreign Ministry criticised the arrests.", "Foreign Ministry", "Kenyan Ministry of Foreign Affairs", "Kenya's Foreign Ministry"},
		{"On Monday, Kenya's Ministry of Defence denied the claims.", "Ministry of Defence", "Kenyan Ministry of Defense", "Kenya's Ministry of Defence"},
	} {
		r := analyzeText(c.text, "2025-01-01")
		a, ok := actorOf(r, c.mention)
		if !ok {
			t.Errorf("%q: no actor for %q (mentions %+v)", c.text, c.mention, r.Mentions)
			continue
		}
		if a.Name != c.name || !slices.Contains(a.Aliases, c.alias) {
			t.Errorf("%q: %q is %q with aliases %q, want %q with %q", c.text, c.mention, a.Name, a.Aliases, c.name, c.alias)
		}
	}
}
