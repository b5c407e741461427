package gazetteer

import (
	"strings"
	"sync"

	"eventgraph/graph/model"
)

// The functions of this file serve a scanner that already holds the
// folded key of a name (see Key): it folds each word once and joins the
// words' keys for a span, instead of folding every candidate span again in
// every lookup (LookupNames, KeyPrefix); and they keep the identifiers of
// the gazetteer's own names (ActorID, Place.ID).

// keyPrefixes maps every folded name of the country, demonym, place and
// organization indexes, and every leading run of its words ("united",
// "united arab" of "united arab emirates"), to whether it is a whole name.
var keyPrefixes = sync.OnceValue(func() *table[bool] {
	d := load()
	m := map[string]bool{}
	for _, ix := range []*index[int]{d.country, d.demonym, d.place, d.org} {
		ix.each(false, func(k string, _ int) {
			m[k] = true
			for i := 0; i < len(k); i++ {
				if k[i] == ' ' {
					if _, ok := m[k[:i]]; !ok {
						m[k[:i]] = false
					}
				}
			}
		})
	}
	return newTable(m)
})

// KeyPrefix reports whether key (folded like Key) is the start of a folded
// country, demonym, place or organization name, up to a word boundary
// (prefix), and whether it is a whole one (full). A key that is no prefix
// of any name starts none when more words are added, and the folded
// lookups (Country, Demonym, LookupPlace, LookupOrg, LookupNames)
// find nothing for a key that is not full, except by an exact acronym.
func KeyPrefix(key []byte) (prefix, full bool) {
	full, prefix = keyPrefixes().getBytes(key)
	return prefix, full
}

// placeKey is what a place's identifier depends on.
type placeKey struct{ name, country string }

// idTable holds the graph identifiers of the gazetteer's own countries,
// organizations and places, computed once: they are asked for on every
// mention, and each is a SHA-1.
type idTable struct {
	actors map[string]string   // model.ActorID by name
	places map[placeKey]string // model.PlaceID by name and country
}

var ids = sync.OnceValue(func() *idTable {
	d := load()
	t := &idTable{actors: map[string]string{}, places: map[placeKey]string{}}
	for _, c := range d.countries {
		t.actors[c.Name] = model.ActorID(c.Name)
		p := c.Place()
		t.places[placeKey{p.Name, p.Country}] = model.PlaceID(p.Name, p.Country)
	}
	for _, o := range d.orgs {
		t.actors[o.Name] = model.ActorID(o.Name)
	}
	for _, p := range d.places {
		t.places[placeKey{p.Name, p.Country}] = model.PlaceID(p.Name, p.Country)
	}
	return t
})

// ActorID is model.ActorID(name), looked up rather than computed for the
// names of the gazetteer's countries and organizations.
func ActorID(name string) string {
	if id, ok := ids().actors[name]; ok {
		return id
	}
	return model.ActorID(name)
}

// Names is what one name finds in the country, demonym, place and
// organization indexes (see LookupNames).
type Names struct {
	country, demonym, place, org int32 // index + 1, 0 for none
}

// namesTable holds the four indexes merged: by folded key and by exact
// acronym.
type namesTable struct {
	folded, exact *table[Names]
}

var names = sync.OnceValue(func() *namesTable {
	d := load()
	folded, exact := map[string]Names{}, map[string]Names{}
	merge := func(ix *index[int], set func(*Names, int32)) {
		ix.each(false, func(k string, v int) {
			n := folded[k]
			set(&n, int32(v)+1)
			folded[k] = n
		})
		ix.each(true, func(k string, v int) {
			n := exact[k]
			set(&n, int32(v)+1)
			exact[k] = n
		})
	}
	merge(d.country, func(n *Names, v int32) { n.country = v })
	merge(d.demonym, func(n *Names, v int32) { n.demonym = v })
	merge(d.place, func(n *Names, v int32) { n.place = v })
	merge(d.org, func(n *Names, v int32) { n.org = v })
	return &namesTable{folded: newTable(folded), exact: newTable(exact)}
})

// LookupNames looks name up in every index at once, for key == Key(name):
// the result answers CountryByName(name), Demonym(name),
// LookupPlace(name) and LookupOrg(name) alike.
func LookupNames(name, key string) Names {
	d, t := load(), names()
	// an exact key is an acronym's, so only an acronym finds one; and an
	// acronym is looked up exactly only
	acr := isAcronym(strings.TrimSpace(name))
	var ex, fo Names
	if acr {
		ex, _ = t.exact.get(exactKey(name))
	} else {
		fo, _ = t.folded.get(key)
	}
	pick := func(e, f int32) int32 {
		if e != 0 || acr {
			return e
		}
		return f
	}
	n := Names{demonym: pick(ex.demonym, fo.demonym), place: pick(ex.place, fo.place)}
	if c := trimPossessive(name); len(c) != len(name) {
		if i, ok := d.country.get(c); ok {
			n.country = int32(i) + 1
		}
	} else {
		n.country = pick(ex.country, fo.country)
	}
	if o := strings.TrimPrefix(strings.TrimPrefix(name, "the "), "The "); len(o) != len(name) {
		if i, ok := d.org.get(o); ok {
			n.org = int32(i) + 1
		}
	} else {
		n.org = pick(ex.org, fo.org)
	}
	return n
}

// Country is the result of CountryByName for the name.
func (n Names) Country() (CountryInfo, bool) {
	if n.country == 0 {
		return CountryInfo{}, false
	}
	return load().countries[n.country-1], true
}

// Demonym is the result of Demonym for the name.
func (n Names) Demonym() (CountryInfo, bool) {
	if n.demonym == 0 {
		return CountryInfo{}, false
	}
	return load().countries[n.demonym-1], true
}

// Place is the result of LookupPlace for the name.
func (n Names) Place() (Place, bool) {
	if n.place == 0 {
		return Place{}, false
	}
	return load().places[n.place-1], true
}

// Org is the result of LookupOrg for the name.
func (n Names) Org() (Org, bool) {
	if n.org == 0 {
		return Org{}, false
	}
	return load().orgs[n.org-1], true
}

// IsCountry reports whether the name is a country's (CountryByName).
func (n Names) IsCountry() bool { return n.country != 0 }

// IsDemonym reports whether the name is a demonym (Demonym).
func (n Names) IsDemonym() bool { return n.demonym != 0 }
