package mention

import (
	"strings"
	"unicode/utf8"

	"eventgraph/graph/model"
	"eventgraph/loader/gazetteer"
)

// spanOK reports whether tokens i..j (inclusive) can form a proper name:
// contiguous words, capitalized at both ends, with connectors or particles
// inside.
func (a *analyzer) spanOK(i, j int) bool {
	for k := i; k <= j; k++ {
		t := &a.toks[k]
		if !t.Word {
			return false
		}
		if k > i && a.toks[k-1].Sent != t.Sent {
			return false
		}
		edge := k == i || k == j
		if t.Cap || isNameWord(t) || allDigits(t.Text) && k == j && k > i {
			continue
		}
		if !edge && isConnector(t) {
			continue
		}
		return false
	}
	return true
}

func (a *analyzer) text(i, j int) string { return a.d.Text[a.toks[i].Start:a.toks[j].End] }

// lowerText is strings.ToLower(a.text(i, j)): for ASCII text a slice of the
// article's lower-cased text, with no new string.
func (a *analyzer) lowerText(i, j int) string {
	s, e := a.toks[i].Start, a.toks[j].End
	for k := s; k < e; k++ {
		if a.d.Text[k] >= utf8.RuneSelf {
			return strings.ToLower(a.d.Text[s:e])
		}
	}
	return a.low[s:e]
}

// definitions learns "Long Name (ACR)": the acronym names the organization
// for the whole article.
func (a *analyzer) definitions() {
	for k := 2; k+2 < len(a.toks); k++ {
		if a.toks[k].Text != "(" || !a.toks[k+1].Word || !allCaps(a.toks[k+1].Text) || a.toks[k+2].Text != ")" {
			continue
		}
		acr := a.toks[k+1].Text
		// the longest capitalized span ending just before "("
		end := k - 1
		best := -1
		for i := end; i >= 0 && end-i < 8; i-- {
			if !a.spanOK(i, end) {
				if isConnector(&a.toks[i]) {
					continue
				}
				break
			}
			if initialsMatch(a.toks[i:end+1], acr) {
				best = i
			}
		}
		if best < 0 {
			continue
		}
		long := a.text(best, end)
		var id string
		var kind Kind
		if o, ok := gazetteer.LookupOrg(long); ok {
			id, kind = a.orgActor(o, long)
			a.actor(o.Name, o.Kind, o.Country, acr)
		} else if o, ok := gazetteer.LookupOrg(acr); ok {
			id, kind = a.orgActor(o, acr)
			a.actor(o.Name, o.Kind, o.Country, long)
		} else {
			gk := model.Organization
			kind = Organization
			for i := best; i <= end; i++ {
				if groupHeads.has(a.toks[i].Lower) {
					gk, kind = model.Group, Group
				}
			}
			// "Chile's Internal Security Service (ISS)", "the Chilean
			// Investigations Police (PDI)": the country named before it is
			// the body's, as for an undefined name (orgPatterns)
			name, cc := long, ""
			if best > 0 {
				if ncc, _ := a.nationality(best - 1); ncc != "" {
					cc, name = ncc, nationalName(ncc, long)
				}
			}
			if cc != "" {
				a.actor(name, gk, cc, long)
			}
			id = a.actor(name, gk, cc, acr)
		}
		lk := gazetteer.Key(long)
		a.local[lk] = localOrg{id, kind}
		a.localPre[lk] = true
		for q := 0; q < len(lk); q++ {
			if lk[q] == ' ' {
				if _, ok := a.localPre[lk[:q]]; !ok {
					a.localPre[lk[:q]] = false
				}
			}
		}
		a.local["="+acr] = localOrg{id, kind}
		a.add(cand{start: a.toks[best].Start, end: a.toks[end].End, kind: kind, pri: priOrg, actor: id})
	}
}

// rebelNouns name the members of an armed group after its name ("M23
// rebels", "the Zarco militia"): general English, hand-written.
var rebelNouns = set("rebels rebel militia militias militiamen militants insurgents guerrillas fighters rebellion")

// groupDefinitions learns the names of armed groups the gazetteer does not
// know from the noun after them ("M23 rebels", "the K-99 militia", "the
// SSC-Khatumo fighters"): a word written as groups' names are
// (groupLike) and naming no country, demonym or known body names a group
// for the whole article.
func (a *analyzer) groupDefinitions() {
	for k := 1; k < len(a.toks); k++ {
		if !rebelNouns.has(a.toks[k].Lower) || a.toks[k].Cap {
			continue
		}
		end := k - 1
		t := &a.toks[end]
		if !t.Word || !t.Cap || notName.has(t.Lower) || a.toks[end].Sent != a.toks[k].Sent {
			continue
		}
		name := t.Text
		if !groupLike(name) {
			continue // "Armed rebels", "Kurdish fighters", "Iran-backed militias"
		}
		if _, ok := gazetteer.LookupOrg(name); ok {
			continue
		}
		if _, ok := gazetteer.Country(name); ok {
			continue
		}
		if _, ok := gazetteer.Demonym(name); ok {
			continue
		}
		if cc, _ := a.nationality(end); cc != "" {
			continue
		}
		lk := gazetteer.Key(name)
		if _, ok := a.local[lk]; ok || lk == "" {
			continue
		}
		id := a.actor(name, model.Group, "", "")
		a.local[lk] = localOrg{id, Group}
		a.localPre[lk] = true
		for q := 0; q < len(lk); q++ {
			if lk[q] == ' ' {
				if _, ok := a.localPre[lk[:q]]; !ok {
					a.localPre[lk[:q]] = false
				}
			}
		}
	}
}

// groupLike reports whether word w is written as an armed group's
// unknown name is, unlike an adjective ("Kurdish", "Iran-backed"): an
// acronym of capitals, a word with a digit ("M23"), or a hyphenated word
// of two capitalized parts ("SSC-Khatumo").
func groupLike(w string) bool {
	switch {
	case len(w) >= 2 && allCaps(w):
		return true
	case strings.ContainsAny(w, "0123456789") && strings.ContainsAny(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"):
		return true
	}
	i := strings.IndexByte(w, '-')
	return i > 0 && i+1 < len(w) && w[i+1] >= 'A' && w[i+1] <= 'Z' && w[0] >= 'A' && w[0] <= 'Z'
}

// initialsMatch reports whether an acronym could abbreviate the words
// (its first letter is a word's initial, and every word's capital initial
// is in it): "Syrian Democratic Forces" SDF, "Popular Mobilization Forces" PMF.
func initialsMatch(ws []token, acr string) bool {
	if len(ws) == 0 {
		return false
	}
	first := strings.ToUpper(ws[0].Text[:1])
	if !ws[0].Cap || first != acr[:1] {
		return false
	}
	n := 0
	for _, w := range ws {
		if w.Cap {
			n++
			if !strings.Contains(acr, strings.ToUpper(w.Text[:1])) {
				return false // "United Arab Emirates (AP)": E is not in AP
			}
		}
	}
	return n >= 2 || len(acr) <= 3 && n >= 1 && len(ws) >= 1
}

// gazetteerSpans finds countries, demonyms, organizations and places.
//
// The folded key of a span is the keys of its words joined by spaces (the
// words of a span are separated by white space only, which folding turns
// into one space), so it is built word by word; a span is only looked up
// when its key is a whole name of the gazetteer or of the article's
// definitions, and it is not extended past a key that starts no name.
// Single words are always looked up (acronyms match by their exact form).
func (a *analyzer) gazetteerSpans() {
	maxT := gazetteer.MaxNameTokens()
	var key []byte
	ends := make([]int, maxT+1)  // ends[j-i]: the length of the key of span i..j
	full := make([]bool, maxT+1) // full[j-i]: span i..j may name something
	for i := 0; i < len(a.toks); i++ {
		t := &a.toks[i]
		if !t.Word || !(t.Cap || isNameWord(t)) || t.Lower == "the" || t.Lower == "a" || t.Lower == "an" {
			continue
		}
		matched := false
		limit := i
		for limit+1 < len(a.toks) && limit+1 < i+maxT {
			n := &a.toks[limit+1]
			if !n.Word || n.Sent != t.Sent || !(n.Cap || isNameWord(n) || isConnector(n) || allDigits(n.Text)) {
				break
			}
			limit++
		}
		top := i
		key = key[:0]
		for j := i; j <= limit && limit > i; j++ {
			if k := a.toks[j].Key; k != "" {
				if len(key) > 0 {
					key = append(key, ' ')
				}
				key = append(key, k...)
			}
			ends[j-i] = len(key)
			if len(key) == 0 {
				top, full[j-i] = j, true
				continue
			}
			pre, fl := gazetteer.KeyPrefix(key)
			lfl, lp := a.localPre[string(key)]
			if !pre && !lp {
				break
			}
			top, full[j-i] = j, fl || lfl
		}
		for j := top; j >= i && !matched; j-- {
			if j > i && !full[j-i] {
				continue
			}
			if !a.spanOK(i, j) {
				continue
			}
			s := a.text(i, j)
			k, nm := t.Key, names(t)
			if j > i {
				k = string(key[:ends[j-i]])
				nm = gazetteer.LookupNames(s, k)
			}
			if c, ok := a.lookupSpan(s, k, j-i+1, nm); ok {
				if c.kind == Place && j == i && compassWords[t.Lower] && i+1 < len(a.toks) && a.toks[i+1].Word && a.toks[i+1].Cap && a.toks[i+1].Sent == t.Sent {
					// "the South China Sea": a compass word that starts a
					// longer name the gazetteer lacks is no place alone
					continue
				}
				if c.kind == Country && j+1 < len(a.toks) && a.toks[j+1].Sent == t.Sent && a.toks[j+1].Cap && geoNouns.has(a.toks[j+1].Lower) {
					// "the Niger Delta", "the Congo River": a region or a
					// river named after a country is not the country
					continue
				}
				if c.kind == Demonym && j+1 < len(a.toks) && a.toks[j+1].Sent == t.Sent && !a.toks[j+1].Cap && siteNouns.has(a.toks[j+1].Lower) {
					// "the Chilean resort of Viña del Mar", "the Iraqi town
					// of Qaim": the demonym says where, not who
					if cc, ok := nm.Demonym(); ok {
						_, pl := a.countryActor(cc, "")
						c.kind, c.actor, c.place = Place, "", pl
					}
				}
				if c.kind == Place {
					// "Moscow accused Kyiv", "Addis Ababa suspended flights":
					// a capital acting is its government
					if p, _ := nm.Place(); p.Kind == "capital" && a.capitalActs(i, j) {
						if cc, ok := gazetteer.CountryByCode(p.Country); ok {
							act, _ := a.countryActor(cc, "")
							c.kind, c.actor = Country, act
						}
					}
				}
				c.start, c.end = t.Start, a.toks[j].End
				a.add(c)
				matched = true
				i = j
			}
		}
		if !matched && strings.Contains(t.Text, "-") {
			// "Iraq-Syria", "US-backed", "Iraqi-Syrian": country parts
			off := t.Start
			for _, part := range strings.Split(t.Text, "-") {
				if c, ok := gazetteer.CountryByName(part); ok && len(part) > 1 && part[0] >= 'A' && part[0] <= 'Z' {
					act, pl := a.countryActor(c, part)
					a.add(cand{start: off, end: off + len(part), kind: Country, pri: priCountry, actor: act, place: pl})
				} else if c, ok := gazetteer.Demonym(part); ok && part[0] >= 'A' && part[0] <= 'Z' {
					act, _ := a.countryActor(c, part)
					a.add(cand{start: off, end: off + len(part), kind: Demonym, pri: priCountry, actor: act})
				}
				off += len(part) + 1
			}
		}
	}
}

// weekdays are the days a dateline-style "X on Monday said" puts between a
// subject and its verb.
var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}

// compassWords name a region alone ("the South") but mostly start a longer
// name ("South China Sea", "East Africa").
var compassWords = map[string]bool{"north": true, "south": true, "east": true, "west": true, "central": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "upper": true, "lower": true}

// lookupSpan looks up the span text s of n words, whose folded key is key
// and whose gazetteer entries are nm (gazetteer.LookupNames(s, key)).
func (a *analyzer) lookupSpan(s, key string, n int, nm gazetteer.Names) (cand, bool) {
	if n == 1 && allCaps(s) {
		if l, ok := a.local["="+s]; ok {
			return cand{kind: l.kind, pri: priOrg, actor: l.id}, true
		}
	}
	if l, ok := a.local[key]; ok {
		return cand{kind: l.kind, pri: priOrg, actor: l.id}, true
	}
	if o, ok := nm.Org(); ok {
		id, k := a.orgActor(o, s)
		return cand{kind: k, pri: priOrg, actor: id}, true
	}
	if c, ok := nm.Country(); ok {
		c = a.shortened(s, c)
		act, pl := a.countryActor(c, s)
		return cand{kind: Country, pri: priCountry, actor: act, place: pl}, true
	}
	if n <= 2 {
		if c, ok := nm.Demonym(); ok {
			act, _ := a.countryActor(c, s)
			return cand{kind: Demonym, pri: priCountry, actor: act}, true
		}
	}
	if p, ok := nm.Place(); ok {
		if p.Kind == "country" {
			if c, ok := gazetteer.CountryByCode(p.Country); ok {
				act, pl := a.countryActor(c, s)
				return cand{kind: Country, pri: priCountry, actor: act, place: pl}, true
			}
		}
		return cand{kind: Place, pri: priPlace, place: a.place(p)}, true
	}
	return cand{}, false
}

// nationality reads a country qualifier ending at token j (inclusive): a
// demonym ("Iraqi") or a possessive country ("Iraq 's"). It returns the
// country code and the index of its first token.
func (a *analyzer) nationality(j int) (string, int) {
	if j < 0 {
		return "", -1
	}
	t := &a.toks[j]
	if t.Word && t.Cap {
		if c, ok := demonym(t); ok {
			return c.Code, j
		}
	}
	if (t.Text == "'s" || t.Text == "’s") && j > 0 && a.toks[j-1].Word {
		if c, ok := countryByName(&a.toks[j-1]); ok {
			return c.Code, j - 1
		}
		if j > 1 {
			if c, ok := gazetteer.CountryByName(a.text(j-2, j-1)); ok {
				return c.Code, j - 2
			}
		}
	}
	return "", -1
}

// canonHead writes an institution's name in one form: "Interior Ministry",
// "Ministry of the Interior" → "Ministry of Interior"; "army" → "Army".
func canonHead(s string) string {
	l := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if h, ok := lowerOrgHeads[l]; ok {
		return h
	}
	if strings.HasSuffix(l, " ministry") && !strings.Contains(l, " of ") {
		x := strings.TrimSuffix(l, " ministry")
		switch x {
		case "foreign":
			return "Ministry of Foreign Affairs"
		case "defence":
			x = "defense"
		}
		return "Ministry of " + titleCase(x)
	}
	if l == "ministry of defence" || l == "ministry of the defence" {
		return "Ministry of Defense" // one spelling, as "defence ministry" gets
	}
	if strings.HasPrefix(l, "ministry of the ") {
		return "Ministry of " + titleCase(strings.TrimPrefix(l, "ministry of the "))
	}
	return s
}

func titleCase(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		if w == "of" || w == "and" || w == "the" || w == "for" {
			continue
		}
		f[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(f, " ")
}

// orgPatterns finds organizations by their head nouns, with or without a
// nationality, and nationality + lower-case institution.
func (a *analyzer) orgPatterns() {
	for j := 0; j < len(a.toks); j++ {
		t := &a.toks[j]
		if !t.Word {
			continue
		}
		// nationality + lower-case institution: "Iraqi army" (after a
		// country's possessive, "Chad's army", the country itself acts:
		// see the home-forces rule of loader/extract)
		if cc, first := a.nationality(j); cc != "" {
			for n := 3; n >= 1; n-- {
				if j+n >= len(a.toks) || !a.spanLower(j+1, j+n) {
					continue
				}
				phrase := a.lowerText(j+1, j+n)
				if countryHeads.has(phrase) && n == 1 {
					c, _ := gazetteer.CountryByCode(cc)
					act, pl := a.countryActor(c, "")
					a.add(cand{start: a.toks[first].Start, end: a.toks[j+n].End, kind: Country, pri: priCountry, actor: act, place: pl})
					break
				}
				if h, ok := lowerOrgHeads[phrase]; ok {
					start := a.toks[first].Start
					if a.toks[j].Text == "'s" || a.toks[j].Text == "’s" {
						start = a.toks[j+1].Start // "Iraq" stays a country mention
					}
					// the alias as written, the country's name with it ("Iraq's
					// intelligence service"), which users look up too
					id := a.actor(nationalName(cc, h), model.Organization, cc, a.d.Text[a.toks[first].Start:a.toks[j+n].End])
					a.add(cand{start: start, end: a.toks[j+n].End, kind: Organization, pri: priOrg, actor: id})
					break
				}
			}
		}
		if !t.Cap || !orgHeads.has(t.Lower) {
			continue
		}
		// capitalized head: extend left over capitalized words
		i := j
		for i > 0 && j-i < 5 {
			p := &a.toks[i-1]
			if (p.Text == "'s" || p.Text == "’s") && i > 1 && a.toks[i-2].Text == "People" && a.toks[i-2].Sent == t.Sent {
				i -= 2 // "Uganda People's Defence Forces", "People's Liberation Army"
				continue
			}
			if !p.Word || p.Sent != t.Sent || !(p.Cap || isNameWord(p)) || notOrgStart(p) {
				break
			}
			i--
		}
		// and right over "of|for [the] Capitalized..."
		e := j
		for k := j + 1; k+1 < len(a.toks) && k-j < 6; {
			w := &a.toks[k]
			if (w.Lower == "of" || w.Lower == "for") && a.toks[k+1].Word {
				m := k + 1
				if a.toks[m].Lower == "the" && m+1 < len(a.toks) {
					m++
				}
				if _, last, ok := a.countryFrom(m); ok && last > m {
					// "of Côte d'Ivoire", "of Bosnia and Herzegovina": a
					// country's name of several words ends the name
					e = last
					break
				}
				q := m
				for q < len(a.toks) && a.toks[q].Word && (a.toks[q].Cap || a.toks[q].Lower == "and" && q > m && q+1 < len(a.toks) && a.toks[q+1].Cap && a.toks[q+1].Sent == a.toks[q].Sent) && q-m < 5 {
					// ("Ministry of Foreign and European Affairs", "of Trade and Industry")
					if _, isC := countryByName(&a.toks[q]); isC {
						break
					}
					q++
				}
				if q > m {
					e = q - 1
					k = q
					continue
				}
			}
			break
		}
		if i == j && e == j {
			continue // a lone "Army", "Government"
		}
		// "Ministry of Foreign Affairs of the Republic of Estonia",
		// "Embassy of the Russian Federation": the country after "of" is
		// the institution's, and its name is the demonym's form
		ofCC, nameEnd, end := a.ofCountry(j, e)
		cc, nameStart, aliasStart := "", i, i
		if c, ok := demonym(&a.toks[i]); ok {
			cc, nameStart = c.Code, i+1
		} else if ncc, first := a.nationality(i - 1); ncc != "" {
			// "Chile's Foreign Ministry": its alias keeps the country
			cc, aliasStart = ncc, first
		}
		if nameStart > e {
			continue
		}
		if ofCC != "" {
			if cc == "" || cc == ofCC {
				name := nationalName(ofCC, canonHead(a.text(nameStart, nameEnd)))
				id := a.actor(name, model.Organization, ofCC, a.text(i, end))
				a.add(cand{start: a.toks[i].Start, end: a.toks[end].End, kind: Organization, pri: priOrg, actor: id})
				j = end
				continue
			}
		}
		full := a.text(i, e)
		rest := a.text(nameStart, e)
		if o, ok := gazetteer.LookupOrg(full); ok {
			id, k := a.orgActor(o, full)
			a.add(cand{start: a.toks[i].Start, end: a.toks[e].End, kind: k, pri: priOrg + 1, actor: id})
			j = e
			continue
		}
		kind, gk := Organization, model.Organization
		for k := i; k <= e; k++ {
			if groupHeads.has(a.toks[k].Lower) {
				kind, gk = Group, model.Group
			}
		}
		hasCountry := false
		for k := nameStart; k <= e; k++ {
			// the longest country name first: "Equatorial Guinea Navy"
			// is Equatorial Guinea's, not Guinea's
			if code, last, ok := a.countryFrom(k); ok && last <= e {
				hasCountry = true
				if cc == "" {
					cc = code
				}
				k = last
				continue
			}
			if c, ok := countryByName(&a.toks[k]); ok {
				hasCountry = true
				if cc == "" {
					cc = c.Code
				}
			}
		}
		name := canonHead(rest)
		switch {
		case hasCountry:
			name = rest
		case cc != "":
			name = nationalName(cc, name)
		case a.home != "" && !international(rest):
			// (an "International …" or "World …" body belongs to no country)
			cc = a.home
			name = nationalName(cc, name)
		}
		id := a.actor(name, gk, cc, full)
		if aliasStart < i && !hasCountry {
			a.update(a.actors[id], cc, a.text(aliasStart, e)) // and with its country
		}
		a.add(cand{start: a.toks[i].Start, end: a.toks[e].End, kind: kind, pri: priOrg, actor: id})
		j = e
	}
}

// stateWords stand between "of the" and a country's name in its formal
// name ("of the Republic of Estonia", "of the Kingdom of Morocco").
var stateWords = map[string]bool{"republic": true, "kingdom": true, "federation": true, "state": true, "sultanate": true,
	"principality": true, "emirate": true, "islamic republic": true, "federal republic": true, "democratic republic": true}

// ofCountry reads a country named after an institution's head j, whose
// name was read to token e: "… of [the] Estonia" after e, "… of the
// Republic of Estonia" (the formal words at the end of the name), or
// "… of the Russian Federation" as the end of the name itself. It returns
// the country's code, the last token of the institution's own name and the
// last token of the whole; cc is "" when there is none.
func (a *analyzer) ofCountry(j, e int) (cc string, nameEnd, end int) {
	// a country that ends the name read: "of the Russian Federation"
	for k := j + 1; k < e; k++ {
		if a.toks[k].Lower != "of" {
			continue
		}
		m := k + 1
		if a.toks[m].Lower == "the" {
			m++
		}
		if m > e {
			break
		}
		if c, ok := gazetteer.CountryByName(a.text(m, e)); ok {
			return c.Code, k - 1, e
		}
		// "of the Republic" with "of Estonia" after the name
		if stateWords[strings.ToLower(a.text(m, e))] && e+2 < len(a.toks) && a.toks[e+1].Lower == "of" {
			if c, end2, ok := a.countryFrom(e + 2); ok {
				return c, k - 1, end2
			}
		}
	}
	if e+2 < len(a.toks) && a.toks[e+1].Lower == "of" && a.toks[e+1].Sent == a.toks[j].Sent {
		m := e + 2
		if a.toks[m].Lower == "the" && m+1 < len(a.toks) {
			m++
		}
		if c, end2, ok := a.countryFrom(m); ok {
			return c, e, end2
		}
	}
	return "", e, e
}

// countryFrom reads a country's name of one to three capitalized words
// starting at token m, from the gazetteer: countryAt (persons.go) reads the
// resolved mentions, which orgPatterns runs before.
func (a *analyzer) countryFrom(m int) (string, int, bool) {
	for n := 5; n >= 1; n-- {
		last := m + n - 1
		if last >= len(a.toks) || !a.toks[last].Word || !a.toks[m].Cap || a.toks[last].Sent != a.toks[m].Sent {
			continue
		}
		if c, ok := gazetteer.CountryByName(a.text(m, last)); ok {
			return c.Code, last, true
		}
	}
	return "", 0, false
}

// notOrgStart: words an organization name does not start with.
func notOrgStart(t *token) bool {
	if countWords.has(t.Lower) {
		return true // "Four China Coast Guard ships": a count, no name
	}
	if notName.has(t.Lower) && !orgHeads.has(t.Lower) {
		switch t.Lower {
		case "national", "federal", "joint", "general", "special", "central", "supreme", "constitutional", "international",
			"democratic", "popular", "revolutionary", "islamic", "arab", "north", "south", "east", "west", "regional", "interior",
			"security", "border", "state", "kurdish":
			return false
		}
		return true
	}
	if _, ok := gazetteer.LookupTitle(t.Text); ok && t.Lower != "border" {
		switch t.Lower {
		case "general", "interior", "foreign", "defense", "defence", "justice":
			return false
		}
		return true
	}
	return false
}

func (a *analyzer) spanLower(i, j int) bool {
	for k := i; k <= j; k++ {
		if !a.toks[k].Word || a.toks[k].Sent != a.toks[i].Sent {
			return false
		}
	}
	return true
}

// crossings finds "X border crossing" and "X crossing".
func (a *analyzer) crossings() {
	for j := 1; j < len(a.toks); j++ {
		if a.toks[j].Lower != "crossing" {
			continue
		}
		e := j - 1
		if a.toks[e].Lower == "border" {
			e--
		}
		s := e
		for s >= 0 && e-s < 4 && isNameWord(&a.toks[s]) && a.toks[s].Sent == a.toks[j].Sent {
			s--
		}
		s++
		if s > e || notName.has(a.toks[s].Lower) && s == e {
			continue
		}
		x := a.text(s, e)
		var p gazetteer.Place
		if cp, ok := gazetteer.LookupCrossing(x); ok {
			p = cp
		} else if town, ok := gazetteer.LookupPlace(x); ok && town.Kind != "country" {
			p = gazetteer.Place{Name: x + " crossing", Kind: "crossing", Country: town.Country, Lat: town.Lat, Lon: town.Lon,
				HasGeo: town.HasGeo, Note: "coordinates of " + town.Name + ", the nearest named town"}
		} else {
			p = gazetteer.Place{Name: x + " crossing", Kind: "crossing"}
			if near, ok := a.nearestPlace(a.toks[j].Sent, a.toks[j].End); ok {
				p.Country, p.Lat, p.Lon, p.HasGeo = near.Country, near.Lat, near.Lon, near.HasGeo
				p.Note = "coordinates of " + near.Name + ", the nearest place the text names"
			}
		}
		a.add(cand{start: a.toks[s].Start, end: a.toks[j].End, kind: Place, pri: priPlace + 3, place: a.place(p)})
	}
}

// nearestPlace is the gazetteer place (not a country) named closest to off
// in the same sentence.
func (a *analyzer) nearestPlace(sent, off int) (model.Place, bool) {
	best, bd := model.Place{}, -1
	for _, c := range a.cands {
		if c.kind != Place || c.place == "" || a.sentOf(c.start) != sent {
			continue
		}
		var p model.Place
		if i, ok := a.places[c.place]; ok {
			p = a.plist[i]
		}
		if !p.HasGeo || p.Kind == "crossing" {
			continue
		}
		d := c.start - off
		if d < 0 {
			d = -d
		}
		if bd < 0 || d < bd {
			best, bd = p, d
		}
	}
	return best, bd >= 0
}

// capitalActs reports whether the place named by tokens i..j stands where
// a government does, not a location: at the start of its sentence or
// clause and right before a finite verb ("Moscow accused", "Addis Ababa
// also suspended"), or as the object of a verb of accusation or
// blame right after it ("accused Kyiv"), or as the other side of a
// relation ("ties with Nairobi", "protested to Tehran").
func (a *analyzer) capitalActs(i, j int) bool {
	start := i == 0 || a.toks[i-1].Sent != a.toks[i].Sent || !a.toks[i-1].Word && a.toks[i-1].Text != "'" ||
		subordinators.has(a.toks[i-1].Lower) // "when Helsinki expelled", "after Kabul accused"
	// "Manila and Beijing reached …": two capitals opening a clause act
	// together, each one a side
	verbAt := func(k int) bool { // a finite verb with words after it ("Cairo platforms," is a noun)
		return k+1 < len(a.toks) && a.toks[k+1].Sent == a.toks[k].Sent && a.toks[k].Word && !a.toks[k].Cap && finiteLooking(a.toks[k].Lower) &&
			!strings.HasSuffix(a.toks[k].Lower, "s") && a.toks[k+1].Word
	}
	if start && j+3 < len(a.toks) && a.toks[j+1].Lower == "and" && a.toks[j+2].Cap && a.toks[j+3].Sent == a.toks[j].Sent && verbAt(j+3) {
		return true
	}
	if i > 1 && a.toks[i-1].Lower == "and" && a.toks[i-2].Cap && j+1 < len(a.toks) && a.toks[j+1].Sent == a.toks[i].Sent && verbAt(j+1) {
		if k := i - 2; k == 0 || a.toks[k-1].Sent != a.toks[k].Sent || !a.toks[k-1].Word && a.toks[k-1].Text != "'" || subordinators.has(a.toks[k-1].Lower) {
			return true
		}
	}
	if start {
		k := j + 1
		// "Kinshasa on Monday ordered": a day between the capital and its verb
		if k+1 < len(a.toks) && a.toks[k].Lower == "on" && weekdays[a.toks[k+1].Lower] && a.toks[k+1].Sent == a.toks[j].Sent {
			k += 2
		} else if k < len(a.toks) && weekdays[a.toks[k].Lower] && a.toks[k].Sent == a.toks[j].Sent {
			k++
		}
		if k < len(a.toks) && a.toks[k].Sent == a.toks[j].Sent && (a.toks[k].Lower == "also" || a.toks[k].Lower == "has" || a.toks[k].Lower == "have" || a.toks[k].Lower == "had" || a.toks[k].Lower == "will" || a.toks[k].Lower == "would") {
			k++
		}
		// an -s form needs words after it: "Cairo platforms," is a noun
		if k+1 < len(a.toks) && a.toks[k+1].Sent == a.toks[j].Sent && a.toks[k].Word && !a.toks[k].Cap && finiteLooking(a.toks[k].Lower) &&
			(a.toks[k+1].Word || !strings.HasSuffix(a.toks[k].Lower, "s")) {
			return true
		}
	}
	if i > 1 && a.toks[i-1].Lower == "in" && a.toks[i-2].Sent == a.toks[i].Sent {
		// "the government in Caracas", "officials in Bishkek said"
		switch a.toks[i-2].Lower {
		case "government", "authorities", "officials", "leadership", "regime", "rulers", "administration", "leaders":
			return true
		}
	}
	if i > 1 && a.toks[i-2].Sent == a.toks[i].Sent && (a.toks[i-1].Lower == "with" || a.toks[i-1].Lower == "to" || a.toks[i-1].Lower == "against") {
		// "cut diplomatic ties with Nairobi", "talks with Kabul", "protested
		// to Tehran": the other side of a relation is its government
		switch a.toks[i-2].Lower {
		case "ties", "relations", "talks", "negotiations", "dialogue", "contacts", "cooperation", "agreement", "deal", "accord",
			"dispute", "tensions", "row", "protested", "protest", "complained", "complaint", "appealed", "apologised", "apologized",
			"note", "letter", "demarche", "démarche", "message":
			// ("sent a diplomatic note to Lima")
			return true
		}
	}
	if i > 0 && a.toks[i-1].Sent == a.toks[i].Sent {
		switch a.toks[i-1].Lower {
		case "accused", "accuses", "accusing", "blamed", "blames", "blaming", "urged", "urges", "warned", "warns", "condemned", "condemns", "criticized", "criticised", "sanctioned", "threatened":
			return true
		}
	}
	return false
}

// finiteLooking reports whether a lower-case word may be a finite verb:
// a past form, an -s form or a common irregular past.
func finiteLooking(w string) bool {
	switch w {
	case "said", "says", "told", "sent", "hit", "struck", "took", "gave", "made", "met", "held", "broke", "cut", "shut",
		"began", "fought", "led", "left", "won", "lost", "threw", "withdrew", "sought", "brought", "chose", "drew", "froze", "set":
		return true
	}
	if len(w) < 4 {
		return false
	}
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "ous")
}

// countWords count the things a phrase names; capitalized at a sentence's
// start they open no organization's name.
var countWords = set("one two three four five six seven eight nine ten eleven twelve dozens hundreds thousands several some many both few")

// subordinators open a clause whose subject follows them.
var subordinators = set("when after before as since because while until although though whereas which")

// siteNouns are the kinds of places a demonym before them locates ("the
// Swiss resort of", "a Kenyan border town").
var siteNouns = set("resort town city village port capital province district region island enclave outpost hamlet suburb")

// geoNouns end the names of regions, rivers and seas that begin with a
// country's name ("Niger Delta", "Congo Basin", "Jordan Valley").
var geoNouns = set("delta river basin valley sea gulf strait mountains plateau desert highlands corridor canal bay peninsula rift lowlands region")

// international reports whether an organization's name says it belongs to
// no one country ("International Maritime Organization", "World Food
// Programme", "African Union Commission").
func international(name string) bool {
	first, _, _ := strings.Cut(name, " ")
	switch strings.ToLower(first) {
	case "international", "world", "global", "united", "african", "european", "arab", "asian", "inter-american", "intergovernmental", "regional":
		return true
	}
	return strings.Contains(name, "United Nations")
}

// shortened is the country a name found as country c's other name means
// in this article: another country whose longer name holds it
// (gazetteer.Contenders), when the article names that one ("the
// Democratic Republic of Congo … Congo's army") and names c by none of
// its own names or its capital; else c.
func (a *analyzer) shortened(s string, c gazetteer.CountryInfo) gazetteer.CountryInfo {
	xs := gazetteer.Contenders(s)
	if len(xs) == 0 {
		return c
	}
	if a.picked == nil {
		a.picked = map[string]gazetteer.CountryInfo{}
	}
	k := gazetteer.Key(s)
	if p, ok := a.picked[k]; ok {
		return p
	}
	pick := c
	for _, x := range xs {
		xf := countryForms(x)
		if a.namesAny(xf, nil) && !a.namesAny(countryForms(c), xf) {
			pick = x
			break
		}
	}
	a.picked[k] = pick
	return pick
}

// countryForms are a country's names, other names of two words or more and
// capital, lower-cased.
func countryForms(c gazetteer.CountryInfo) []string {
	out := []string{strings.ToLower(c.Name), strings.ToLower(c.Official), strings.ToLower(c.Capital)}
	for _, al := range c.Aliases {
		if strings.Contains(al, " ") || strings.Contains(al, "-") || allCaps(al) {
			out = append(out, strings.ToLower(al))
		}
	}
	return out
}

// namesAny reports whether the article's text holds one of forms as whole
// words, not inside one of the longer forms of within ("republic of the
// congo" inside "democratic republic of the congo").
func (a *analyzer) namesAny(forms, within []string) bool {
	for _, f := range forms {
		if len(f) < 3 {
			continue
		}
		for from := 0; ; {
			i := strings.Index(a.low[from:], f)
			if i < 0 {
				break
			}
			i += from
			from = i + len(f)
			if i > 0 && isWordRune(rune(a.low[i-1])) && a.low[i-1] < 0x80 || isWordByte(a.low, from) {
				continue
			}
			inside := false
			for _, w := range within {
				if j := strings.Index(w, f); j >= 0 && j <= i && strings.HasPrefix(a.low[i-j:], w) {
					inside = true
					break
				}
			}
			if !inside {
				return true
			}
		}
	}
	return false
}
