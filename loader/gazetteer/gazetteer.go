// Package gazetteer holds eventgraph's general world knowledge: countries
// with their other names and demonyms, capitals and major cities, regions,
// border crossings and ports with coordinates, well-known organizations and
// armed groups with their acronyms, and person titles. The data are embedded
// TSV files (see data/README.md for their sources and licenses); the lookup
// maps are built once, on first use.
//
// Every lookup folds its argument like model.NormName, with diacritics
// dropped as well, so "Türkiye", "Turkiye", "al-Qaim" and "Al Qā’im" find
// their entries. Short all-capital acronyms ("US", "IS", "AP") match only
// when written in capitals.
package gazetteer

import (
	"embed"
	"strings"
	"unicode"

	"eventgraph/graph/model"
	namefold "eventgraph/graph/names"
)

//go:embed data/*.tsv
var files embed.FS

// CountryInfo is a country (or a territory counted as one) with the names it
// goes by.
type CountryInfo struct {
	Code     string   // ISO 3166-1 alpha-2
	Name     string   // common English name: the canonical actor name
	Official string   // official name
	Aliases  []string // other names and abbreviations
	Demonyms []string // adjectives and nationality nouns ("Iraqi")
	Capital  string
	// CapitalLat and CapitalLon locate the capital; Lat and Lon the country
	// (a centroid-like point from the source data).
	CapitalLat, CapitalLon float64
	Lat, Lon               float64
	UNMember               bool
}

// ActorID is the identifier of the country's actor node.
func (c CountryInfo) ActorID() string { return ActorID(c.Name) }

// Place is the country as a place (kind "country", at its central point).
func (c CountryInfo) Place() Place {
	return Place{Name: c.Name, Kind: "country", Country: c.Code, Lat: c.Lat, Lon: c.Lon, HasGeo: true}
}

// Place is a named place: a country, capital, city, region, border crossing
// or port.
type Place struct {
	Name       string
	Kind       string // country, capital, city, region, crossing, port
	Country    string // ISO 3166-1 alpha-2, "" for a place across borders
	Lat, Lon   float64
	HasGeo     bool
	Aliases    []string
	Population int
	// Note says where approximate coordinates come from.
	Note string
}

// ID is the graph identifier of the place.
func (p Place) ID() string {
	if id, ok := ids().places[placeKey{p.Name, p.Country}]; ok {
		return id
	}
	return model.PlaceID(p.Name, p.Country)
}

// Graph converts the place to its graph node.
func (p Place) Graph() model.Place {
	return model.Place{ID: p.ID(), Name: p.Name, Kind: p.Kind, Lat: p.Lat, Lon: p.Lon,
		HasGeo: p.HasGeo, Country: p.Country, Note: p.Note}
}

// Org is a well-known organization or armed group.
type Org struct {
	Name    string          // canonical name
	Kind    model.ActorKind // model.Organization or model.Group
	Country string          // ISO2 of the country it belongs to, or ""
	Aliases []string        // acronyms and other names
	// Media is the kind of news outlet (wire, broadcaster, paper, online,
	// photo) for a source of news (data/media.tsv), "" for other bodies.
	Media string
}

// ActorID is the identifier of the organization's actor node.
func (o Org) ActorID() string { return ActorID(o.Name) }

// Title is a person title, rank or honorific.
type Title struct {
	Title string
	// Class is "rank", "office", "honorific", "role" or "kin" (a family
	// relation, which is no role).
	Class string
	// Org is the body the title implies, with "{C}" standing for the
	// person's country ("{C} Ministry of Interior"), or "".
	Org string
}

// Key folds a name for lookups: names.Fold, the folding of the store's
// indexes (diacritics dropped, then case, punctuation and particles).
func Key(s string) string { return namefold.Fold(s) }

// Fold drops diacritics and the dotless i: "Şanlıurfa" → "Sanliurfa"
// (names.StripDiacritics).
func Fold(s string) string { return namefold.StripDiacritics(s) }

// isAcronym reports whether s is a short all-capital token ("US", "IS",
// "U.S."), which must match case-sensitively.
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			letters++
		case r == '.' || r == '+' || r == '-':
		default:
			return false
		}
	}
	return letters > 0 && letters <= 5
}

// exactKey is the case-sensitive key of an acronym: dots dropped.
func exactKey(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), ".", "") }

// index maps folded names (and exact acronyms) to values: in maps while
// it is built, in tables (see table) once frozen.
type index[T any] struct {
	folded map[string]T
	exact  map[string]T
	ft, et *table[T] // folded and exact, once frozen
}

// freeze moves the index from its maps to tables.
func (ix *index[T]) freeze() {
	ix.ft, ix.et = newTable(ix.folded), newTable(ix.exact)
	ix.folded, ix.exact = nil, nil
}

// lookup finds a key in the folded or the exact names.
func (ix *index[T]) lookup(key string, exact bool) (T, bool) {
	switch {
	case exact && ix.et != nil:
		return ix.et.get(key)
	case exact:
		v, ok := ix.exact[key]
		return v, ok
	case ix.ft != nil:
		return ix.ft.get(key)
	}
	v, ok := ix.folded[key]
	return v, ok
}

// each calls f with every folded name (exact false) or exact acronym key
// and its value.
func (ix *index[T]) each(exact bool, f func(string, T)) {
	m, t := ix.folded, ix.ft
	if exact {
		m, t = ix.exact, ix.et
	}
	if t != nil {
		t.each(f)
		return
	}
	for k, v := range m {
		f(k, v)
	}
}

func newIndex[T any]() *index[T] {
	return &index[T]{folded: map[string]T{}, exact: map[string]T{}}
}

// add registers a name; an earlier registration of the same key wins.
func (ix *index[T]) add(name string, v T) {
	name = strings.TrimSpace(name)
	if name == "" {
		return
	}
	if isAcronym(name) {
		k := exactKey(name)
		if _, ok := ix.exact[k]; !ok {
			ix.exact[k] = v
		}
		return
	}
	k := Key(name)
	if k == "" {
		return
	}
	if _, ok := ix.folded[k]; !ok {
		ix.folded[k] = v
	}
}

// get finds a name: exact acronyms first, then the folded form.
func (ix *index[T]) get(name string) (T, bool) {
	if v, ok := ix.lookup(exactKey(name), true); ok {
		return v, true
	}
	if isAcronym(strings.TrimSpace(name)) {
		var zero T
		return zero, false
	}
	return ix.lookup(Key(name), false)
}

// getKey finds an already folded key (see Key) or exact acronym.
func (ix *index[T]) getKey(key, text string) (T, bool) {
	if v, ok := ix.lookup(exactKey(text), true); ok {
		return v, true
	}
	if isAcronym(strings.TrimSpace(text)) {
		var zero T
		return zero, false
	}
	return ix.lookup(key, false)
}

// readTSV yields the fields of each non-comment line of an embedded file.
func readTSV(name string) [][]string {
	b, err := files.ReadFile("data/" + name)
	if err != nil {
		panic("gazetteer: " + err.Error())
	}
	var rows [][]string
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rows = append(rows, strings.Split(line, "\t"))
	}
	return rows
}

// field returns row[i] or "".
func field(row []string, i int) string {
	if i < len(row) {
		return strings.TrimSpace(row[i])
	}
	return ""
}

// list splits a |-separated field.
func list(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// appendNew appends the strings of add not yet in to (by folded key).
func appendNew(to []string, add ...string) []string {
	for _, a := range add {
		dup := false
		for _, t := range to {
			if t == a {
				dup = true
				break
			}
		}
		if !dup {
			to = append(to, a)
		}
	}
	return to
}
