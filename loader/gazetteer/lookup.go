package gazetteer

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"eventgraph/graph/model"
)

// db is the whole gazetteer, built once.
type db struct {
	countries  []CountryInfo
	byCode     map[string]int
	country    *index[int] // names and aliases
	demonym    *index[int] // demonyms
	places     []Place
	place      *index[int]
	crossing   *index[int] // crossings by their base name ("Masnaa", "Abu Kamal")
	orgs       []Org
	org        *index[int]
	media      map[string]bool // actor IDs of news outlets
	titles     []Title
	title      map[string]int // by lower-cased title
	maxTokens  int
	maxTitleTk int
}

var load = sync.OnceValue(build)

func parseF(s string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return f, err == nil
}

// tokens counts the words of a name as the mention scanner sees them.
func tokens(s string) int {
	return len(strings.Fields(strings.NewReplacer("-", " ", "'", " ").Replace(s)))
}

func build() *db {
	d := &db{byCode: map[string]int{}, country: newIndex[int](), demonym: newIndex[int](),
		place: newIndex[int](), crossing: newIndex[int](), org: newIndex[int](), title: map[string]int{}, media: map[string]bool{}}
	note := func(names ...string) {
		for _, n := range names {
			if t := tokens(n); t > d.maxTokens {
				d.maxTokens = t
			}
		}
	}

	// countries
	for _, r := range readTSV("countries.tsv") {
		c := CountryInfo{Code: field(r, 0), Name: field(r, 1), Official: field(r, 2), Aliases: slices.DeleteFunc(list(field(r, 3)), genericPlaceWord),
			Demonyms: list(field(r, 4)), Capital: field(r, 5), UNMember: field(r, 10) == "1"}
		c.CapitalLat, _ = parseF(field(r, 6))
		c.CapitalLon, _ = parseF(field(r, 7))
		c.Lat, _ = parseF(field(r, 8))
		c.Lon, _ = parseF(field(r, 9))
		d.byCode[c.Code] = len(d.countries)
		d.countries = append(d.countries, c)
	}
	for _, r := range append(readTSV("countries_extra.tsv"), readTSV("countries_phoenix.tsv")...) {
		i, ok := d.byCode[field(r, 0)]
		if !ok {
			continue
		}
		c := &d.countries[i]
		for _, a := range list(field(r, 1)) {
			if a != c.Name {
				c.Aliases = appendNew(c.Aliases, a)
			}
		}
		c.Demonyms = appendNew(c.Demonyms, list(field(r, 2))...)
	}
	// Common names first, then official names, then aliases, so that a
	// country's own name always wins over another's alias.
	for i, c := range d.countries {
		d.country.add(c.Name, i)
		note(c.Name)
	}
	for i, c := range d.countries {
		d.country.add(c.Official, i)
		for _, a := range c.Aliases {
			d.country.add(a, i)
		}
		note(c.Aliases...)
	}
	// a demonym two countries share ("Dominican", "Congolese") names the
	// one whose capital is larger, as news mostly means: the Dominican
	// Republic, not Dominica
	capPop := map[string]int{}
	for _, r := range readTSV("cities.tsv") {
		n, _ := strconv.Atoi(field(r, 7))
		capPop[field(r, 3)+"|"+field(r, 0)] = max(capPop[field(r, 3)+"|"+field(r, 0)], n)
	}
	byPop := make([]int, len(d.countries))
	for i := range byPop {
		byPop[i] = i
	}
	sort.SliceStable(byPop, func(a, b int) bool {
		ca, cb := d.countries[byPop[a]], d.countries[byPop[b]]
		return capPop[ca.Code+"|"+ca.Capital] > capPop[cb.Code+"|"+cb.Capital]
	})
	for _, i := range byPop {
		for _, dm := range d.countries[i].Demonyms {
			d.demonym.add(dm, i)
		}
	}

	// places: hand-written extras first (they carry the preferred spellings),
	// then countries, capitals and cities by population, then regions.
	type gen struct {
		p     Place
		ascii string
	}
	var cities, regions []gen
	for _, r := range readTSV("cities.tsv") {
		p := Place{Name: field(r, 0), Kind: field(r, 2), Country: field(r, 3)}
		p.Lat, _ = parseF(field(r, 5))
		p.Lon, _ = parseF(field(r, 6))
		p.HasGeo = true
		p.Population, _ = strconv.Atoi(field(r, 7))
		if a := field(r, 1); a != "" {
			p.Aliases = []string{a}
		}
		cities = append(cities, gen{p, field(r, 1)})
	}
	sort.SliceStable(cities, func(i, j int) bool {
		ci, cj := cities[i].p, cities[j].p
		if (ci.Kind == "capital") != (cj.Kind == "capital") {
			return ci.Kind == "capital"
		}
		return ci.Population > cj.Population
	})
	for _, r := range readTSV("regions.tsv") {
		name := field(r, 0)
		p := Place{Name: name, Kind: "region", Country: field(r, 2)}
		if lat, ok := parseF(field(r, 4)); ok {
			p.Lat = lat
			p.Lon, _ = parseF(field(r, 5))
			p.HasGeo = true
			p.Note = "coordinates of the regional seat " + field(r, 6)
		}
		base := name
		for _, suf := range []string{" Governorate", " Province", " Region"} {
			base = strings.TrimSuffix(base, suf)
		}
		p.Aliases = appendNew(p.Aliases, base, base+" Governorate", base+" Province")
		if a := field(r, 1); a != "" {
			p.Aliases = appendNew(p.Aliases, a)
		}
		regions = append(regions, gen{p, field(r, 1)})
	}
	genKeys := func(list []gen) map[string]Place {
		m := map[string]Place{}
		for _, g := range list {
			for _, n := range []string{g.p.Name, g.ascii} {
				if k := g.p.Country + "|" + Key(n); n != "" {
					if _, ok := m[k]; !ok {
						m[k] = g.p
					}
				}
			}
		}
		return m
	}
	cityKeys, regionKeys := genKeys(cities), genKeys(regions)
	findGen := func(m map[string]Place, country string, names []string) (Place, bool) {
		for _, n := range names {
			if p, ok := m[country+"|"+Key(n)]; ok {
				return p, true
			}
		}
		return Place{}, false
	}
	addPlace := func(p Place, names ...string) {
		i := len(d.places)
		d.places = append(d.places, p)
		if p.Kind == "crossing" {
			for _, n := range names {
				d.crossing.add(n, i)
				d.crossing.add(crossingBase(n), i)
			}
		}
		for _, n := range names {
			d.place.add(n, i)
		}
		note(names...)
	}
	for _, r := range readTSV("places_extra.tsv") {
		p := Place{Name: field(r, 0), Kind: field(r, 1), Country: field(r, 2), Aliases: list(field(r, 5))}
		if lat, ok := parseF(field(r, 3)); ok {
			p.Lat = lat
			p.Lon, _ = parseF(field(r, 4))
			p.HasGeo = true
		} else {
			src := cityKeys
			if p.Kind == "region" {
				src = regionKeys
			}
			names := append([]string{p.Name}, p.Aliases...)
			if g, ok := findGen(src, p.Country, names); ok {
				p.Lat, p.Lon, p.HasGeo, p.Population, p.Note = g.Lat, g.Lon, g.HasGeo, g.Population, g.Note
				p.Aliases = appendNew(p.Aliases, g.Name)
				p.Aliases = appendNew(p.Aliases, g.Aliases...)
			}
		}
		if p.Kind == "region" {
			p.Aliases = appendNew(p.Aliases, p.Name+" Governorate", p.Name+" Province")
		}
		addPlace(p, append([]string{p.Name}, p.Aliases...)...)
	}
	for _, c := range d.countries {
		addPlace(c.Place(), append([]string{c.Name, c.Official}, c.Aliases...)...)
	}
	for _, g := range cities {
		addPlace(g.p, append([]string{g.p.Name}, g.p.Aliases...)...)
	}
	for _, g := range regions {
		addPlace(g.p, append([]string{g.p.Name}, g.p.Aliases...)...)
	}

	// organizations
	for _, r := range readTSV("orgs.tsv") {
		o := Org{Name: field(r, 0), Kind: model.ActorKind(field(r, 1)), Country: field(r, 2), Aliases: list(field(r, 3))}
		i := len(d.orgs)
		d.orgs = append(d.orgs, o)
		d.org.add(o.Name, i)
		note(o.Name)
		for _, a := range o.Aliases {
			d.org.add(a, i)
			note(a)
		}
	}

	// news outlets: organizations that are sources, never participants
	for _, r := range readTSV("media.tsv") {
		o := Org{Name: field(r, 0), Kind: model.Organization, Media: field(r, 1), Country: field(r, 2), Aliases: list(field(r, 3))}
		if o.Media == "" {
			panic("gazetteer: media.tsv: no kind for " + o.Name)
		}
		i := len(d.orgs)
		d.orgs = append(d.orgs, o)
		d.media[model.ActorID(o.Name)] = true
		d.org.add(o.Name, i)
		note(o.Name)
		for _, a := range o.Aliases {
			d.org.add(a, i)
			note(a)
		}
	}

	// titles
	for _, r := range readTSV("titles.tsv") {
		t := Title{Title: field(r, 0), Class: field(r, 1), Org: field(r, 2)}
		k := strings.ToLower(t.Title)
		if _, ok := d.title[k]; ok {
			continue
		}
		d.title[k] = len(d.titles)
		d.titles = append(d.titles, t)
		if n := tokens(t.Title); n > d.maxTitleTk {
			d.maxTitleTk = n
		}
	}
	for _, ix := range []*index[int]{d.country, d.demonym, d.place, d.crossing, d.org} {
		ix.freeze()
	}
	return d
}

// crossingBase strips "border crossing"/"crossing" from a crossing's name.
func crossingBase(n string) string {
	l := strings.ToLower(n)
	for _, suf := range []string{" border crossing", " crossing", " border point"} {
		if strings.HasSuffix(l, suf) {
			return n[:len(n)-len(suf)]
		}
	}
	return n
}

// Country finds a country by name, other name, ISO2 code or demonym
// ("Iraq", "Republic of Iraq", "IQ", "Iraqi", "Türkiye", "Turkey", "UAE").
// A possessive "'s" is ignored.
func Country(s string) (CountryInfo, bool) {
	d := load()
	s = trimPossessive(s)
	if len(s) == 2 && isAcronym(s) {
		if i, ok := d.byCode[s]; ok {
			return d.countries[i], true
		}
	}
	if i, ok := d.country.get(s); ok {
		return d.countries[i], true
	}
	if i, ok := d.demonym.get(s); ok {
		return d.countries[i], true
	}
	return CountryInfo{}, false
}

// CountryByName is Country without demonyms: names, aliases and codes only.
func CountryByName(s string) (CountryInfo, bool) {
	d := load()
	if i, ok := d.country.get(trimPossessive(s)); ok {
		return d.countries[i], true
	}
	return CountryInfo{}, false
}

// Demonym finds the country of a nationality adjective ("Iraqi" → Iraq).
func Demonym(s string) (CountryInfo, bool) {
	d := load()
	if i, ok := d.demonym.get(s); ok {
		return d.countries[i], true
	}
	return CountryInfo{}, false
}

// CountryName returns the common name of the country with the ISO2 code,
// or "".
func CountryName(code string) string {
	d := load()
	if i, ok := d.byCode[strings.ToUpper(code)]; ok {
		return d.countries[i].Name
	}
	return ""
}

// CountryByCode returns the country with the ISO2 code.
func CountryByCode(code string) (CountryInfo, bool) {
	d := load()
	if i, ok := d.byCode[strings.ToUpper(code)]; ok {
		return d.countries[i], true
	}
	return CountryInfo{}, false
}

// Countries returns every country.
func Countries() []CountryInfo { return load().countries }

// LookupPlace finds a country, capital, city, region, crossing or port by
// any of its names; the hand-written spellings win, then countries, then
// capitals and cities by population, then regions.
func LookupPlace(name string) (Place, bool) {
	d := load()
	if i, ok := d.place.get(name); ok {
		return d.places[i], true
	}
	return Place{}, false
}

// LookupCrossing finds a border crossing by its name with or without
// "crossing" ("Masnaa", "Al-Bukamal crossing").
func LookupCrossing(name string) (Place, bool) {
	d := load()
	if i, ok := d.crossing.get(name); ok {
		return d.places[i], true
	}
	if i, ok := d.crossing.get(crossingBase(name)); ok {
		return d.places[i], true
	}
	return Place{}, false
}

// LookupOrg finds a well-known organization or armed group by name or
// acronym ("HTS", "Hayat Tahrir al-Sham", "Reuters").
func LookupOrg(name string) (Org, bool) {
	d := load()
	name = strings.TrimPrefix(strings.TrimPrefix(name, "the "), "The ")
	if i, ok := d.org.get(name); ok {
		return d.orgs[i], true
	}
	return Org{}, false
}

// IsMedia reports whether an actor ID is a news outlet's (data/media.tsv):
// a source of news that is never an event participant.
func IsMedia(actorID string) bool { return load().media[actorID] }

// LookupTitle finds a person title ("Lt Gen", "Interior Minister"),
// case-insensitively.
func LookupTitle(s string) (Title, bool) {
	d := load()
	if i, ok := d.title[strings.ToLower(strings.TrimSpace(s))]; ok {
		return d.titles[i], true
	}
	return Title{}, false
}

// Titles returns every title.
func Titles() []Title { return load().titles }

// MaxNameTokens is the most words any country, place or organization name
// has (hyphens and apostrophes split words); a scanner need not try longer
// spans.
func MaxNameTokens() int { return load().maxTokens }

// MaxTitleTokens is the most words any title has.
func MaxTitleTokens() int { return load().maxTitleTk }

func trimPossessive(s string) string {
	s = strings.TrimSpace(s)
	// every suffix below ends in 's', an apostrophe or the last byte of "’"
	if n := len(s); n == 0 || s[n-1] != 's' && s[n-1] != '\'' && s[n-1] != 0x99 {
		return s
	}
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(s, suf) {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}

// genericPlaceWord reports whether a country's alias is a place-type word of
// English alone: world-countries lists each country's native spellings, and
// Iceland's own name, "Ísland", folds to "Island", which news writes for
// every island ("off Pemba Island").
func genericPlaceWord(alias string) bool {
	switch strings.ToLower(Fold(alias)) {
	case "island", "islands", "isle", "republic", "kingdom", "state", "union", "federation", "land", "coast":
		return true
	}
	return false
}

// contenders maps the folded key of a country's other name of one word that is a
// part of other countries' names ("Congo", an other name of the Republic
// of the Congo and a part of "Democratic Republic of the Congo") to those
// countries.
var contenders = sync.OnceValue(func() map[string][]CountryInfo {
	out := map[string][]CountryInfo{}
	cs := Countries()
	for _, y := range cs {
		for _, alias := range y.Aliases {
			ak := Key(alias)
			if ak == "" || ak == Key(y.Name) || len(ak) < 4 || strings.Contains(ak, " ") {
				continue
			}
			for _, x := range cs {
				if x.Code == y.Code {
					continue
				}
				for _, f := range append([]string{x.Name, x.Official}, x.Aliases...) {
					if fk := Key(f); fk != ak && strings.Contains(" "+fk+" ", " "+ak+" ") {
						out[ak] = append(out[ak], x)
						break
					}
				}
			}
		}
	}
	return out
})

// Contenders returns the countries whose names hold s, an other name of
// another country, as words: "Congo" names the Republic of the Congo, and
// is a part of "Democratic Republic of the Congo", which an article about
// the latter shortens to it. Nil when s is no such name.
func Contenders(s string) []CountryInfo { return contenders()[Key(s)] }
