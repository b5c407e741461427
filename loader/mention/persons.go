package mention

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"eventgraph/graph/model"
	namekey "eventgraph/graph/names"
	"eventgraph/loader/gazetteer"
)

// titleKey folds a title for matching: lower case, dots dropped, hyphens to
// spaces.
func titleKey(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, ".", ""))
	s = strings.ReplaceAll(s, "-", " ")
	return strings.Join(strings.Fields(s), " ")
}

var titleTable = func() (m map[string]gazetteer.Title, maxT int) {
	m = map[string]gazetteer.Title{}
	for _, t := range gazetteer.Titles() {
		k := titleKey(t.Title)
		if _, ok := m[k]; !ok || unicode.IsLower(rune(t.Title[0])) {
			// a lower-case spelling makes the title case-insensitive
			m[k] = t
		}
		if n := len(strings.Fields(k)); n > maxT {
			maxT = n
		}
	}
	// plural offices and roles ("foreign ministers", "presidents") name
	// several persons at once: "Presidents X of A and Y of B"
	for k, t := range m {
		if t.Class != "office" && t.Class != "role" {
			continue
		}
		if pk := pluralKey(k); pk != "" {
			if _, ok := m[pk]; !ok {
				m[pk] = t
				pluralTitleKeys[pk] = true
			}
		}
	}
	return m, maxT
}

// pluralTitleKeys are the title keys titleTable made plural.
var pluralTitleKeys = map[string]bool{}

// pluralKey is a title key with its last word in the plural ("foreign
// minister" → "foreign ministers", "secretary" → "secretaries",
// "spokesman" → "spokesmen"), or "" when the last word is no noun that
// takes a regular plural here.
func pluralKey(k string) string {
	i := strings.LastIndexByte(k, ' ') + 1
	w := k[i:]
	if len(w) < 3 {
		return ""
	}
	switch {
	case strings.HasSuffix(w, "man"):
		w = w[:len(w)-3] + "men"
	case strings.HasSuffix(w, "y") && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		w = w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "x"):
		w += "es"
	case strings.HasSuffix(w, "general") || strings.HasSuffix(w, "elect"):
		return "" // "attorneys general", "presidents-elect"
	default:
		w += "s"
	}
	return k[:i] + w
}

// singularTitle puts a plural title back in the singular as written
// ("Foreign Ministers" → "Foreign Minister").
func singularTitle(s string) string {
	i := strings.LastIndexByte(s, ' ') + 1
	w := s[i:]
	lw := strings.ToLower(w)
	switch {
	case strings.HasSuffix(lw, "men"):
		w = w[:len(w)-3] + w[len(w)-3:len(w)-2] + "an"
	case strings.HasSuffix(lw, "ies"):
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(lw, "ses") || strings.HasSuffix(lw, "shes") || strings.HasSuffix(lw, "ches") || strings.HasSuffix(lw, "xes"):
		w = w[:len(w)-2]
	case strings.HasSuffix(lw, "s"):
		w = w[:len(w)-1]
	}
	return s[:i] + w
}

// sharedTitles is the title table and its longest title in words, built
// once; it is only read afterwards.
var sharedTitles = sync.OnceValues(titleTable)

func (a *analyzer) loadTitles() {
	if a.titles == nil {
		a.titles, a.maxT = sharedTitles()
	}
}

// titleAt matches the longest title starting at token i; it returns the
// title and the index just past it.
func (a *analyzer) titleAt(i int) (gazetteer.Title, int) {
	if i >= len(a.toks) || !a.toks[i].Word {
		return gazetteer.Title{}, -1
	}
	// most tokens start no title: check the first word before joining more
	if !a.toks[i].TFirst {
		return gazetteer.Title{}, -1
	}
	// the title keys of the words from i, joined by spaces in buf; offs[n]
	// is the length of the first n+1 words' join, ends[n] the index past
	// the token holding word n
	var bufArr [256]byte
	var offsArr, endsArr [32]int
	buf, offs, ends := bufArr[:0], offsArr[:0], endsArr[:0]
	for k := i; k < len(a.toks) && len(offs) < a.maxT+2; k++ {
		t := &a.toks[k]
		if t.Text == "." {
			continue
		}
		if !t.Word || t.Sent != a.toks[i].Sent {
			break
		}
		end := k + 1
		if end < len(a.toks) && a.toks[end].Text == "." && a.toks[end].Start == t.End {
			end++ // "Lt." keeps its dot
		}
		for rest := t.TKey; rest != ""; {
			w := rest
			if sp := strings.IndexByte(rest, ' '); sp >= 0 {
				w, rest = rest[:sp], rest[sp+1:]
			} else {
				rest = ""
			}
			if len(offs) > 0 {
				buf = append(buf, ' ')
			}
			buf = append(buf, w...)
			offs = append(offs, len(buf))
			ends = append(ends, end)
		}
	}
	for n := len(offs); n >= 1; n-- {
		t, ok := a.titles[string(buf[:offs[n-1]])]
		if !ok {
			continue
		}
		// a capitalized rank, office or honorific must be written capitalized
		if unicode.IsUpper(rune(t.Title[0])) && t.Class != "role" && !a.toks[i].Cap && !a.anyCase {
			continue
		}
		return t, ends[n-1]
	}
	return gazetteer.Title{}, -1
}

// nameAt reads a person's name starting at token i: 1–5 name words. It
// returns the index past the name, or -1.
func (a *analyzer) nameAt(i int, minWords int) int {
	k := i
	words := 0
	for k < len(a.toks) && k-i < 6 {
		t := &a.toks[k]
		if t.Sent != a.toks[i].Sent {
			break
		}
		if k > i && len(t.Text) == 1 && t.Cap && k+2 < len(a.toks) && a.toks[k+1].Text == "." && a.toks[k+1].Start == t.End &&
			a.toks[k+2].Sent == t.Sent && isNameWord(&a.toks[k+2]) && !a.blockedInside(&a.toks[k+2]) {
			k += 2 // a middle initial: "Tesfa G. Mariam"
			continue
		}
		if isNameWord(t) && !notName.has(t.Lower) && (k > i && !a.blockedInside(t) || k == i && !a.blocked(t) && !notNameStart.has(t.Lower)) {
			k++
			words++
			continue
		}
		if k > i && notNameStart.has(t.Lower) && t.Cap && k+1 < len(a.toks) && isNameWord(&a.toks[k+1]) && a.toks[k+1].Sent == t.Sent {
			// "Mohammed Shia al-X": inside a name, between name words
			k++
			words++
			continue
		}
		if t.Word && isParticle(t) && k+1 < len(a.toks) && isNameWord(&a.toks[k+1]) && k > i {
			k++
			continue
		}
		break
	}
	for k > i && !isNameWord(&a.toks[k-1]) {
		k--
	}
	if words < minWords || k == i || words > 5 {
		return -1
	}
	if k < len(a.toks) && a.toks[k].Sent == a.toks[i].Sent && regnal.has(a.toks[k].Text) {
		k++ // "King Mohammed VI", "Pope Leo XIV": the numeral is the name's
	}
	return k
}

// ouldKey is the name key of the Mauritanian "Ould" (son of).
var ouldKey = namekey.WordKey("ould")

// regnal are the numerals of a monarch's or a pope's name.
var regnal = set("II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI")

// blocked: a word that is a country, demonym, organization or title, so not a
// name.
func (a *analyzer) blocked(t *token) bool {
	if t.blk == 0 {
		t.blk = 1
		if a.blockedNow(t) {
			t.blk = 2
		}
	}
	return t.blk == 2
}

// blockedNow computes blocked, which keeps the answer in the token.
func (a *analyzer) blockedNow(t *token) bool {
	if isCountryName(t) || isDemonym(t) {
		return true
	}
	tk := t.TKey
	if !t.Word {
		tk = titleKey(t.Text)
	}
	if _, ok := a.titles[tk]; ok {
		return true
	}
	if orgHeads.has(t.Lower) {
		return true
	}
	if allCaps(t.Text) {
		return true
	}
	return false
}

// blockedInside: a word that cannot continue a name.
func (a *analyzer) blockedInside(t *token) bool {
	if t.blkIn == 0 {
		t.blkIn = 1
		if isCountryName(t) || isDemonym(t) || orgHeads.has(t.Lower) || allCaps(t.Text) {
			t.blkIn = 2
		}
	}
	return t.blkIn == 2
}

// orgEndingAt is the organization candidate ending at byte off, if any.
func (a *analyzer) orgEndingAt(off int) (cand, bool) {
	ci, ok := a.byEnd[off]
	for ; ok && ci >= 0; ci = a.nextEnd[ci] {
		c := &a.cands[ci]
		if c.kind == Organization || c.kind == Group {
			return *c, true
		}
	}
	return cand{}, false
}

func (a *analyzer) orgStartingAt(off int) (cand, bool) {
	var best cand
	found := false
	ci, ok := a.byStart[off]
	for ; ok && ci >= 0; ci = a.nextStart[ci] {
		c := &a.cands[ci]
		if (c.kind == Organization || c.kind == Group || c.kind == Country) && (!found || c.end > best.end) {
			best, found = *c, true
		}
	}
	return best, found
}

// rolePhrase parses titles forward from token i: "Foreign Minister",
// "deputy head of Jordan's Border Command, Major-General",
// "spokesman for the chief of staff of the Jordanian Armed Forces",
// "Deputy Foreign Minister and Special Envoy to ...". It
// returns the roles, the country named in the phrase, and the index past it.
func (a *analyzer) rolePhrase(i int, pre rolePre, appositive bool) ([]roleCand, string, int) {
	var roles []roleCand
	cc := pre.cc
	k := i
	cur := -1 // index in roles of the role being extended
	curStart := pre.start
	curOrg := pre.org
	rank := false
	for k < len(a.toks) {
		t, next := a.titleAt(k)
		if next > 0 {
			if t.Class == "rank" || t.Class == "honorific" || t.Class == "kin" {
				if t.Class == "rank" {
					rank = true // a rank is kept as the mention's title only
					if len(roles) == 0 && pre.start < 0 {
						a.lastRank = a.d.Text[a.toks[k].Start:a.toks[next-1].End]
					}
				}
				cur = -1
				k = next
				curStart = -1
				continue
			}
			start := a.toks[k].Start
			if curStart >= 0 {
				start = curStart
			}
			if cur >= 0 && (a.toks[k-1].Lower == "of" || a.toks[k-1].Lower == "for" || a.toks[k-1].Lower == "the") {
				// "spokesman for the chief of staff": same role
				roles[cur].title = a.d.Text[a.roleStart(cur, roles):a.toks[next-1].End]
			} else {
				org := t.Org
				roles = append(roles, roleCand{title: a.d.Text[start:a.toks[next-1].End], orgID: curOrg, start: start, tmpl: t.Org})
				cur = len(roles) - 1
				if roles[cur].orgID == "" && org != "" {
					roles[cur].orgID = "{" + org
				}
			}
			curStart, curOrg = -1, ""
			k = next
			continue
		}
		w := &a.toks[k]
		if cur >= 0 && (w.Lower == "of" || w.Lower == "for" || w.Lower == "to" || w.Lower == "in") && k+1 < len(a.toks) {
			m := k + 1
			if a.toks[m].Lower == "the" && m+1 < len(a.toks) {
				m++
			}
			if ncc, first := a.nationalityAhead(m); ncc != "" {
				cc = ncc
				m = first
			}
			if c, ok := a.orgStartingAt(a.toks[m].Start); ok {
				if c.kind == Country {
					// "the Russian chargé d'affaires in Finland", "ambassador
					// to Kenya": a diplomat's post is in a country not his own
					posted := (w.Lower == "in" || w.Lower == "to") && diplomatTitle(roles[cur].title)
					if ac, ok := a.actors[c.actor]; ok && !posted {
						cc = ac.Country
					}
				} else {
					roles[cur].orgID = c.actor
				}
				e := a.tokAt(c.end)
				if e < 0 {
					e = len(a.toks)
					for q := m; q < len(a.toks); q++ {
						if a.toks[q].End == c.end {
							e = q + 1
							break
						}
					}
				}
				roles[cur].title = a.d.Text[a.roleStart(cur, roles):c.end]
				k = e
				continue
			}
			if _, n2 := a.titleAt(m); n2 > 0 {
				k = m
				continue
			}
			// "Envoy to the Middle East and Africa": a place object
			q := m
			for q < len(a.toks) && (isNameWord(&a.toks[q]) || (a.toks[q].Lower == "and" && q+1 < len(a.toks) && a.toks[q+1].Cap)) && q-m < 6 {
				q++
			}
			if q > m && (appositive || q < len(a.toks) && a.toks[q].Text == "," && a.toks[q].Sent == a.toks[m].Sent) {
				// (before a name, only an object the comma ends: "Minister
				// of Trade and Industry, Ana X,"; not "Minister of Trade Ana X")
				roles[cur].title = a.d.Text[a.roleStart(cur, roles):a.toks[q-1].End]
				k = q
				continue
			}
			break
		}
		if w.Text == "," && k+1 < len(a.toks) {
			if t2, n2 := a.titleAt(k + 1); n2 > 0 && (t2.Class == "rank" || t2.Class == "honorific") {
				k++
				continue
			}
		}
		if w.Lower == "and" && k+1 < len(a.toks) {
			m := k + 1
			for m < len(a.toks) && titleModifiers.has(a.toks[m].Lower) {
				m++
			}
			if _, n2 := a.titleAt(m); n2 > 0 {
				curStart = a.toks[k+1].Start
				k = m
				cur = -1
				continue
			}
		}
		if titleModifiers.has(w.Lower) && k+1 < len(a.toks) {
			if _, n2 := a.titleAt(k + 1); n2 > 0 {
				if curStart < 0 {
					curStart = w.Start
				}
				k++
				continue
			}
		}
		break
	}
	_ = rank
	for r := range roles {
		roles[r].title = strings.Join(strings.Fields(roles[r].title), " ")
	}
	return roles, cc, k
}

// nationalityAhead reads "Iraqi" or "Iraq's" starting at token m; it returns
// the country and the index of the first token after the qualifier.
func (a *analyzer) nationalityAhead(m int) (string, int) {
	if m >= len(a.toks) || !a.toks[m].Word {
		return "", m
	}
	if m+1 < len(a.toks) && (a.toks[m+1].Text == "'s" || a.toks[m+1].Text == "’s") {
		if c, ok := countryByName(&a.toks[m]); ok {
			return c.Code, m + 2
		}
	}
	return "", m
}

func (a *analyzer) roleStart(cur int, roles []roleCand) int { return roles[cur].start }

// rolePre is what stands before a title: a nationality, an organization, a
// modifier ("Iraqi", "HTS", "Interior Ministry", "caretaker").
type rolePre struct {
	start int    // byte offset where the role text starts, -1 for the title itself
	cc    string // country
	org   string // organization actor ID
}

// preTitle reads the qualifiers before the title at token i.
func (a *analyzer) preTitle(i int) rolePre {
	p := rolePre{start: -1}
	k := i - 1
	for k >= 0 && a.toks[k].Sent == a.toks[i].Sent {
		t := &a.toks[k]
		if titleModifiers.has(t.Lower) {
			p.start = t.Start
			k--
			continue
		}
		if c, ok := a.orgEndingAt(t.End); ok && p.org == "" {
			p.org = c.actor
			if ac, ok := a.actors[c.actor]; ok && p.cc == "" {
				p.cc = ac.Country
			}
			// the organization's words are part of the title ("HTS leader",
			// "Interior Ministry spokesperson"), less a leading nationality
			s := c.start
			if cc, first := a.nationality(a.tokAt(c.start)); cc != "" && first >= 0 {
				if q := a.tokAt(c.start); q >= 0 && q+1 < len(a.toks) {
					s = a.toks[q+1].Start
				}
			}
			p.start = s
			q := a.tokAt(c.start)
			if q < 0 {
				break
			}
			k = q - 1
			continue
		}
		if cc, first := a.nationality(k); cc != "" {
			p.cc = cc
			k = first - 1
			continue
		}
		break
	}
	return p
}

// persons finds person names: after titles, with appositive titles, and
// untitled subjects of speech verbs.
// headOfGovernment are the nouns of a government named after its head
// ("the government of Ana X", "the administration of", "the regime of").
var headOfGovernment = set(`government administration regime cabinet junta`)

func (a *analyzer) persons() {
	surnames := a.surnameSignals()
	used := make([]bool, len(a.toks))
	for i := 0; i < len(a.toks); i++ {
		if used[i] {
			continue
		}
		if t := &a.toks[i]; !t.Word || !t.TFirst {
			// no title starts here (titleAt's first test): go on below
		} else if e := a.lowerPlural(i); e > 0 {
			// "the foreign ministers of Iraq and Syria, X and Y"
			for q := i; q < e; q++ {
				used[q] = true
			}
			i = e - 1
			continue
		} else if next, lower := a.titleOrLower(i); next > 0 {
			pre := a.preTitle(i)
			if a.pluralTitle(i, next) {
				if e := a.pluralPersons(i, next, pre); e > 0 {
					for q := i; q < e; q++ {
						used[q] = true
					}
					i = e - 1
				}
				continue
			}
			a.anyCase = lower
			roles, cc, k := a.rolePhrase(i, pre, false)
			a.anyCase = false
			minWords := 1
			if lower {
				minWords = 2 // "defence minister Ana X", not "defence minister Monday"
			}
			e := -1
			if k < len(a.toks) && a.toks[k].Sent == a.toks[i].Sent {
				// not across a sentence's end: "… of a local leader. Protesters gathered"
				e = a.nameAt(k, minWords)
				if e < 0 && !lower {
					e = a.initialsName(k)
				}
			}
			if e >= 0 && lower && !a.plainName(k, e) {
				e = -1
			}
			if e < 0 {
				k, e = a.appositiveName(k)
			}
			if e < 0 && len(roles) > 0 {
				// "the commissioner of Moroto County, Ana X,", "a spokesman
				// for the border committee, Ana X, said": the role's
				// complement runs to the comma before the name
				if c := a.complementComma(k); c > 0 {
					if k2, e2 := a.appositiveAfterComma(c); e2 > 0 {
						roles[len(roles)-1].title = strings.Join(strings.Fields(a.d.Text[roles[len(roles)-1].start:a.toks[c-1].End]), " ")
						k, e = k2, e2
					}
				}
			}
			if e < 0 {
				continue
			}
			roles = a.counterpart(roles, cc, i)
			pc := a.newPerson(k, e, roles, cc)
			if pc.title == "" {
				pc.title = a.lastRank
			}
			a.lastRank = ""
			if e < len(a.toks) && a.toks[e].Text == "," {
				a.appositive(pc, e+1)
			}
			a.add(cand{start: a.toks[k].Start, end: a.toks[e-1].End, kind: Person, pri: priPerson, person: pc})
			for q := i; q < e; q++ {
				used[q] = true
			}
			i = e - 1
			continue
		}
		// untitled: "X Y said", "by X Y", "X Y, Russia's foreign minister"
		t := &a.toks[i]
		if !isNameWord(t) || notName.has(t.Lower) || a.blocked(t) {
			continue
		}
		e := a.nameAt(i, 2)
		if e < 0 || e-i > 4 {
			continue
		}
		if a.isGazetteerSpan(i, e-1) {
			continue
		}
		ok := false
		if e < len(a.toks) && speechVerbs.has(a.toks[e].Lower) {
			ok = true
		}
		cc := ""
		if i >= 2 && (a.toks[i-1].Text == "'s" || a.toks[i-1].Text == "’s") && a.toks[i-1].Start == a.toks[i-2].End {
			// "Greece's Alexis X": a country's person
			if c, found := countryByName(&a.toks[i-2]); found && a.plainName(i, e) {
				cc, ok = c.Code, true
			}
		}
		if e+1 < len(a.toks) && a.toks[e].Text == "," && (a.toks[e+1].Lower == "who" || a.toks[e+1].Lower == "whose") && a.plainName(i, e) {
			ok = true // "X Y, who heads ...", "X Y, whose brother was captured"
		}
		if i >= 2 && a.toks[i-1].Lower == "of" && headOfGovernment.has(a.toks[i-2].Lower) && a.plainName(i, e) {
			ok = true // "the government of X Y": its head, a person
		}
		if e+1 < len(a.toks) && (a.toks[e].Text == "'s" || a.toks[e].Text == "’s") && headOfGovernment.has(a.toks[e+1].Lower) && a.plainName(i, e) {
			ok = true // "X Y's administration": its head, a person
		}
		if a.describedPerson(i) && a.plainName(i, e) {
			ok = true // "Chilean national X Y", "a soldier, X Y,", "named as X Y"
		}
		if surnames[a.toks[e-1].Lower] && e-i <= 3 && a.plainName(i, e) {
			ok = true // "X Y" where "Y, who …" or "Y said" tells a person
		}
		if !ok && (a.ageAside(e) || a.aliasAfter(e)) && a.plainName(i, e) {
			ok = true // "identified as X Y, 36, and …", "delivered X Y, alias …"
		}
		if !ok && (a.subjectOfHappening(i, e) || a.subjectWithAside(i, e)) {
			ok = true // "X Y arrived ...", "X Y, 46, was ..."
		}
		if i > 0 && (a.toks[i-1].Lower == "by" || a.toks[i-1].Text == "/" || (a.toks[i-1].Lower == "to" && i > 1 && a.toks[i-2].Lower == "according")) {
			ok = true
		}
		if e-i <= 3 && !isParticle(&a.toks[i]) && strings.Contains(a.toks[e-1].Lower, "-") && isParticle(&token{Lower: a.toks[e-1].Lower[:strings.IndexByte(a.toks[e-1].Lower, '-')]}) &&
			!(e < len(a.toks) && orgHeads.has(a.toks[e].Lower)) {
			// "Ali al-Karimi": a name with an Arabic particle is a person's
			ok = true
		}
		pc := a.newPerson(i, e, nil, cc)
		if e < len(a.toks) && a.toks[e].Text == "," && a.appositive(pc, e+1) {
			ok = true
		}
		if !ok {
			continue
		}
		a.add(cand{start: a.toks[i].Start, end: a.toks[e-1].End, kind: Person, pri: priUntitled, person: pc})
		i = e - 1
	}
}

// surnameSignals returns the single name words of the article that act
// as a person does: a capitalized word standing alone (no name word before
// or after it) followed by a speech verb ("Quiroga said"), by ", who" or
// ", whose", by "'s" and a government ("Quiroga's administration"), or
// opening a clause before "had" or "has" and a past participle ("Quiroga
// had insisted"). A name elsewhere that ends in such a word is a person's.
func (a *analyzer) surnameSignals() map[string]bool {
	var out map[string]bool
	for k := 0; k+1 < len(a.toks); k++ {
		t := &a.toks[k]
		if !t.Word || !t.Cap || allCaps(t.Text) || notName.has(t.Lower) || k > 0 && isNameWord(&a.toks[k-1]) && a.toks[k-1].Sent == t.Sent {
			continue
		}
		n := &a.toks[k+1]
		if n.Sent != t.Sent || isNameWord(n) {
			continue
		}
		signal := speechVerbs.has(n.Lower)
		if !signal && k+2 < len(a.toks) && a.toks[k+2].Sent == t.Sent {
			m := a.toks[k+2].Lower
			signal = n.Text == "," && (m == "who" || m == "whose") ||
				(n.Text == "'s" || n.Text == "’s") && headOfGovernment.has(m) ||
				// "Quiroga had insisted …" opening a sentence
				(n.Lower == "had" || n.Lower == "has") && (len(m) > 4 && strings.HasSuffix(m, "ed") || pastVerbs.has(m)) && a.opensClause(k)
		}
		if !signal || !a.nameSpan(k, k+1, false) {
			continue
		}
		if out == nil {
			out = map[string]bool{}
		}
		out[t.Lower] = true
	}
	return out
}

// personNouns describe a person without giving an office: the name right
// after one ("Chilean national X Y", "a soldier, X Y,") is a person's.
var personNouns = set(`citizen national resident native soldier farmer fisherman herder trader businessman
	businesswoman man woman boy girl student suspect detainee prisoner driver worker migrant
	prosecutor judge lawyer attorney journalist reporter photographer activist dissident blogger
	trafficker smuggler kingpin warlord lord priest pastor cleric teacher doctor nurse engineer pilot
	politician lawmaker legislator militant`)

// describedPerson reports whether the name at token i follows a noun of
// personNouns (with or without a comma between) or "named as",
// "identified as".
func (a *analyzer) describedPerson(i int) bool {
	p := i - 1
	if p >= 0 && a.toks[p].Text == "," {
		p--
	}
	if p < 0 || a.toks[p].Sent != a.toks[i].Sent {
		return false
	}
	if personNouns.has(a.toks[p].Lower) && !a.toks[p].Cap {
		return true
	}
	return p == i-1 && p >= 1 && a.toks[p].Lower == "as" && (a.toks[p-1].Lower == "named" || a.toks[p-1].Lower == "identified")
}

// titleOrLower matches a title at token i as titleAt does, or an office
// written in lower case ("former Malian defence minister Ana X", the style
// of many outlets), which counts only before a name (lower reports it). It
// returns the index past the title, or -1.
func (a *analyzer) titleOrLower(i int) (next int, lower bool) {
	if _, next := a.titleAt(i); next > 0 {
		return next, false
	}
	if a.toks[i].Cap {
		return -1, false
	}
	a.anyCase = true
	t, next := a.titleAt(i)
	a.anyCase = false
	if next < 0 || t.Class != "office" {
		return -1, false
	}
	return next, true
}

// lowerPlural reads the persons of a plural office written in lower case
// ("the foreign ministers of Iraq and Syria, X and Y"), which a singular
// office is not taken for ("the foreign minister said"): the names after
// it are the evidence. It returns the index past them, or -1.
func (a *analyzer) lowerPlural(i int) int {
	if a.toks[i].Cap {
		return -1
	}
	if _, next := a.titleAt(i); next > 0 {
		return -1 // a title as written: persons() reads it
	}
	a.anyCase = true
	_, next := a.titleAt(i)
	a.anyCase = false
	if next < 0 || !a.pluralTitle(i, next) {
		return -1
	}
	a.anyCase = true
	defer func() { a.anyCase = false }()
	return a.pluralPersons(i, next, a.preTitle(i))
}

// pluralTitle reports whether the title at tokens i..next-1 is a plural
// one ("Foreign Ministers").
func (a *analyzer) pluralTitle(i, next int) bool {
	if !strings.HasSuffix(a.toks[next-1].Lower, "s") && !strings.HasSuffix(a.toks[next-1].Lower, "men") {
		return false
	}
	var b strings.Builder
	for k := i; k < next; k++ {
		if a.toks[k].TKey == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(a.toks[k].TKey)
	}
	return pluralTitleKeys[b.String()]
}

// pluralPersons reads the persons a plural title names, each with the
// title in the singular and a country of their own where the text pairs
// them:
//
//	Foreign Ministers Ana X and Jonas Y
//	Presidents Ana X of Kyrgyzstan and Jonas Y of Tajikistan
//	the foreign ministers of Iraq and Syria, Ana X and Jonas Y, (in order)
//
// It returns the index past the last name, or -1 when fewer than two
// names follow.
func (a *analyzer) pluralPersons(i, next int, pre rolePre) int {
	t, _ := a.titleAt(i)
	title := singularTitle(a.d.Text[a.toks[i].Start:a.toks[next-1].End])
	if pre.start >= 0 {
		title = singularTitle(a.d.Text[pre.start:a.toks[next-1].End])
	}
	k := next
	// "of Iraq and Syria,": the countries, in the order of the names
	var ccs []string
	if k < len(a.toks) && a.toks[k].Lower == "of" {
		m := k + 1
		for {
			cc, e := a.countryAt(m)
			if cc == "" {
				break
			}
			ccs = append(ccs, cc)
			m = e
			if m+1 < len(a.toks) && (a.toks[m].Lower == "and" || a.toks[m].Text == ",") && a.toks[m+1].Lower != "and" {
				if _, e2 := a.countryAt(m + 1); e2 > 0 {
					m++
					continue
				}
			}
			break
		}
		if len(ccs) < 2 || m >= len(a.toks) || a.toks[m].Text != "," {
			return -1
		}
		k = m + 1
	} else if k < len(a.toks) && a.toks[k].Text == "," {
		k++ // "the two leaders, X and Y,"
	}
	type named struct {
		s, e int
		cc   string
	}
	var names []named
	for k < len(a.toks) && a.toks[k].Sent == a.toks[i].Sent {
		e := a.nameAt(k, 2)
		if e < 0 || e-k > 4 || !a.plainName(k, e) {
			break
		}
		n := named{s: k, e: e, cc: pre.cc}
		k = e
		if k+1 < len(a.toks) && a.toks[k].Lower == "of" {
			if cc, e2 := a.countryAt(k + 1); cc != "" {
				n.cc, k = cc, e2
			}
		}
		names = append(names, n)
		switch {
		case k+1 < len(a.toks) && a.toks[k].Text == "," && a.toks[k+1].Lower == "and":
			k += 2
			continue
		case k < len(a.toks) && (a.toks[k].Lower == "and" || a.toks[k].Text == ","):
			if k+1 < len(a.toks) && isNameWord(&a.toks[k+1]) {
				k++
				continue
			}
		}
		break
	}
	if len(names) < 2 || (len(ccs) > 0 && len(ccs) != len(names)) {
		return -1
	}
	for n, nm := range names {
		cc := nm.cc
		if len(ccs) > 0 {
			cc = ccs[n]
		}
		role := roleCand{title: title, start: a.toks[i].Start, tmpl: t.Org, orgID: pre.org}
		if role.orgID == "" && t.Org != "" {
			role.orgID = "{" + t.Org
		}
		pc := a.newPerson(nm.s, nm.e, []roleCand{role}, cc)
		a.add(cand{start: a.toks[nm.s].Start, end: a.toks[nm.e-1].End, kind: Person, pri: priPerson, person: pc})
	}
	return names[len(names)-1].e
}

// countryAt reads a country's name starting at token m ("Iraq", "the
// United Arab Emirates"); it returns the country's code and the index past
// the name, or "" and -1.
func (a *analyzer) countryAt(m int) (string, int) {
	if m < len(a.toks) && a.toks[m].Lower == "the" {
		m++
	}
	if m >= len(a.toks) {
		return "", -1
	}
	c, ok := a.orgStartingAt(a.toks[m].Start)
	if !ok || c.kind != Country {
		return "", -1
	}
	ac, ok := a.actors[c.actor]
	if !ok {
		return "", -1
	}
	for q := m; q < len(a.toks); q++ {
		if a.toks[q].End == c.end {
			return ac.Country, q + 1
		}
	}
	return "", -1
}

// initialsName reads a name after a title that opens with given names
// written as capital initials ("President JB Ndaye", "Prime Minister KL
// Vanta Moru"): a word of two or three capitals that is no country,
// demonym, title or known organization, then name words. It returns the
// index past the name, or -1.
func (a *analyzer) initialsName(k int) int {
	if k+1 >= len(a.toks) {
		return -1
	}
	t := &a.toks[k]
	if !t.Word || len(t.Text) < 2 || len(t.Text) > 3 || a.toks[k+1].Sent != t.Sent {
		return -1
	}
	for i := 0; i < len(t.Text); i++ {
		if t.Text[i] < 'A' || t.Text[i] > 'Z' {
			return -1
		}
	}
	if isCountryName(t) || isDemonym(t) || orgHeads.has(t.Lower) {
		return -1
	}
	if _, ok := a.titles[t.TKey]; ok {
		return -1
	}
	if _, ok := a.orgStartingAt(t.Start); ok {
		return -1
	}
	if n := &a.toks[k+1]; allCaps(n.Text) || !isNameWord(n) {
		return -1
	}
	e := a.nameAt(k+1, 1)
	if e < 0 || e-k > 4 || !a.plainName(k+1, e) {
		return -1
	}
	return e
}

// appositiveName reads a name set off by commas after a title that has
// none ("the Cabinet spokesman, Hassan X, said", "his wife, Ana X,"): k is
// the index past the title. It returns the name's first token and the
// index past it, or -1.
func (a *analyzer) appositiveName(k int) (int, int) {
	if k+1 >= len(a.toks) || a.toks[k].Text != "," || a.toks[k+1].Sent != a.toks[k].Sent {
		return k, -1
	}
	s := k + 1
	t := &a.toks[s]
	if !isNameWord(t) || notName.has(t.Lower) || notNameStart.has(t.Lower) || a.blocked(t) {
		return k, -1
	}
	e := a.nameAt(s, 2)
	if e < 0 || e-s > 4 || !a.plainName(s, e) && !a.titledName(s, e) {
		return k, -1
	}
	// the apposition ends with the name: a comma, the sentence's end or
	// its verb
	if e < len(a.toks) && a.toks[e].Sent == a.toks[s].Sent {
		n := &a.toks[e]
		if n.Text != "," && n.Text != "." && n.Text != ";" && !speechVerbs.has(n.Lower) {
			return k, -1
		}
	}
	return s, e
}

// complementComma reads the complement of a role phrase that stopped at
// token k ("of Moroto County", "for the Zambian water board",
// "of Peru's Pacific naval command"): a preposition, then up to ten words
// of the sentence with no verb of speech, up to a comma. It returns the
// comma's index, or -1.
func (a *analyzer) complementComma(k int) int {
	if k >= len(a.toks) {
		return -1
	}
	switch a.toks[k].Lower {
	case "of", "for", "in", "to", "at":
	default:
		return -1
	}
	for q := k + 1; q < len(a.toks) && q <= k+11 && a.toks[q].Sent == a.toks[k].Sent; q++ {
		t := &a.toks[q]
		switch {
		case t.Text == ",":
			if q == k+1 {
				return -1
			}
			return q
		case t.Text == "'s" || t.Text == "’s" || t.Text == "-":
		case !t.Word || speechVerbs.has(t.Lower):
			return -1
		case (t.Lower == "and" || t.Lower == "or") && q > k+1 && q+1 < len(a.toks) && a.toks[q-1].Word && !a.toks[q-1].Cap && a.toks[q+1].Word && !a.toks[q+1].Cap:
			// nouns joined inside the complement: "the peace and security
			// bureau", not "the head of X and Y, Z"
		case t.Lower == "who" || t.Lower == "which" || t.Lower == "that" || t.Lower == "and" || t.Lower == "or":
			return -1
		}
	}
	return -1
}

// appositiveAfterComma reads the name set off after the comma at token c,
// after a rank of its own ("…, Capitán de Navío Ana X, told"); it returns
// the name's tokens, or -1. A rank found is kept as the mention's title
// (lastRank).
func (a *analyzer) appositiveAfterComma(c int) (int, int) {
	if c+1 < len(a.toks) {
		if t, n := a.titleAt(c + 1); n > 0 && t.Class == "rank" && n < len(a.toks) && a.toks[n].Sent == a.toks[c].Sent {
			e := a.nameAt(n, 2)
			if e < 0 || e-n > 4 || !a.plainName(n, e) {
				return c, -1
			}
			if e < len(a.toks) && a.toks[e].Sent == a.toks[n].Sent {
				if x := &a.toks[e]; x.Text != "," && x.Text != "." && x.Text != ";" && !speechVerbs.has(x.Lower) {
					return c, -1
				}
			}
			a.lastRank = a.d.Text[a.toks[c+1].Start:a.toks[n-1].End]
			return n, e
		}
	}
	return a.appositiveName(c)
}

// plainName reports whether the words i..e-1 are none of them a
// country, demonym, place or organization name, and together no known
// name: a person's name, not a place or body written like one.
func (a *analyzer) plainName(i, e int) bool { return a.nameSpan(i, e, false) }

// nameSpan reports whether tokens i..e-1 can be a person's name: no
// gazetteer name spans them, and no word of them is a country, demonym,
// organization, organization head or all capitals, nor a place's name
// (after the first word too unless placeAfterFirst).
func (a *analyzer) nameSpan(i, e int, placeAfterFirst bool) bool {
	if a.isGazetteerSpan(i, e-1) {
		return false
	}
	for k := i; k < e; k++ {
		t := &a.toks[k]
		if !t.Word || isParticle(t) {
			continue
		}
		n := names(t)
		if n.IsCountry() || n.IsDemonym() || orgHeads.has(t.Lower) || allCaps(t.Text) {
			return false
		}
		if _, ok := n.Org(); ok {
			return false
		}
		if _, ok := n.Place(); ok && (k == i || !placeAfterFirst) {
			return false
		}
	}
	return true
}

// titledName is plainName for a name set off after a title ("a local
// elder, Ali Hassan Herat"): a word after the first may also be a place's
// name, as family names often are; three words or more.
func (a *analyzer) titledName(i, e int) bool { return e-i >= 3 && a.nameSpan(i, e, true) }

// subjectOfHappening reports whether the untitled name i..e-1 opens its
// sentence (or follows "and" or a comma that opens a clause) and is the
// subject of a past-tense verb ("Olga Petrova arrived", "Karim Haddad
// met"): two or three plain name words, none a gazetteer name.
func (a *analyzer) subjectOfHappening(i, e int) bool {
	if e-i < 2 || e-i > 3 || e >= len(a.toks) || a.toks[e].Sent != a.toks[i].Sent {
		return false
	}
	if !a.opensClause(i) {
		return false
	}
	v := &a.toks[e]
	if vi := e; v.Text == "," && e+1 < len(a.toks) {
		// "X Y, a key accused in the bombings, was extradited": past the
		// apposition to the verb
		switch a.toks[e+1].Lower {
		case "a", "an", "the", "who":
			for k := e + 2; k < len(a.toks) && k < e+20 && a.toks[k].Sent == a.toks[i].Sent; k++ {
				if a.toks[k].Text == "," {
					vi = k + 1
					if vi < len(a.toks) && (a.toks[vi].Lower == "was" || a.toks[vi].Lower == "were" || a.toks[vi].Lower == "has" || a.toks[vi].Lower == "had") {
						vi++
					}
					break
				}
			}
		}
		if vi >= len(a.toks) {
			return false
		}
		v = &a.toks[vi]
	} else if (v.Lower == "was" || v.Lower == "were") && e+1 < len(a.toks) {
		v = &a.toks[e+1] // "X Y was extradited"
	}
	if !v.Word || v.Cap {
		return false
	}
	if !(len(v.Lower) > 4 && strings.HasSuffix(v.Lower, "ed")) && !pastVerbs.has(v.Lower) {
		return false
	}
	return a.plainName(i, e)
}

// opensClause reports whether token i opens its sentence or a clause in
// it: after "and", "but", a comma, a colon, a dash, "said", "that", "of"
// or a subordinating conjunction ("…, officials said X Y arrived", "weeks
// before X Y became president").
func (a *analyzer) opensClause(i int) bool {
	if i == 0 || a.toks[i-1].Sent != a.toks[i].Sent {
		return true
	}
	p := a.toks[i-1].Lower
	if !a.toks[i-1].Word {
		p = a.toks[i-1].Text // marks have no lower-case form
	}
	switch p {
	case "and", "but", ",", ":", "-", "—", "–", "said", "says", "that", "of",
		"before", "after", "when", "while", "until", "since", "once", "because", "where":
		return true
	}
	return false
}

// subjectWithAside reports whether the untitled name i..e-1 opens a
// clause and is set off by commas around an age or a nickname before its
// verb ("X Y, 46, had been …", "X Y Z, known by his nom de guerre
// \"W\", was …"; not "known as \"W\"", which a place may be): two to
// four plain name words. Such an aside is said of a person.
func (a *analyzer) subjectWithAside(i, e int) bool {
	if e-i < 2 || e-i > 4 || e+2 >= len(a.toks) || a.toks[e].Text != "," || a.toks[e+1].Sent != a.toks[i].Sent || !a.opensClause(i) {
		return false
	}
	k := e + 1
	if l := a.toks[k].Lower; len(l) <= 3 && allDigits(l) && a.toks[k+1].Text == "," {
		k += 2 // an age
	} else if n := a.aliasAt(&personCand{}, k); n > k && a.toks[k].Lower == "known" && (a.toks[k+2].Lower == "his" || a.toks[k+2].Lower == "her" || nicknameWords.has(a.toks[k+2].Lower)) {
		k = n // a person's nickname, not a place's: "known by his nom de guerre", "known as alias"
	} else {
		return false
	}
	if k >= len(a.toks) || a.toks[k].Sent != a.toks[i].Sent {
		return false
	}
	v := &a.toks[k]
	switch {
	case !v.Word || v.Cap:
		return false
	case v.Lower == "was" || v.Lower == "were" || v.Lower == "had" || v.Lower == "has" || v.Lower == "is":
	case len(v.Lower) > 4 && strings.HasSuffix(v.Lower, "ed") || pastVerbs.has(v.Lower):
	default:
		return false
	}
	return a.plainName(i, e)
}

// ageAside reports whether the name ending before token e is followed by
// an age between commas, or before "and" or the sentence's end ("Ana
// Ruiz, 36, and", "Ana Ruiz, 36."): only a person's name takes one.
func (a *analyzer) ageAside(e int) bool {
	if e+2 >= len(a.toks) || a.toks[e].Text != "," || a.toks[e+1].Sent != a.toks[e].Sent {
		return false
	}
	l := a.toks[e+1].Lower
	if l == "a" || l == "an" {
		// "X Y, a 41-year-old trader"
		rest := a.d.Text[a.toks[e+2].Start:min(len(a.d.Text), a.toks[e+2].Start+16)]
		n := 0
		for n < len(rest) && n < 3 && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		return n > 0 && strings.HasPrefix(strings.ToLower(rest[n:]), "-year-old")
	}
	if len(l) > 3 || !allDigits(l) || l == "0" || len(l) == 3 && l > "110" {
		return false
	}
	switch a.toks[e+2].Text {
	case ",", ".", ";", "and":
		return true
	}
	return false
}

// aliasAfter reports whether the name ending before token e is followed by
// ", alias" or "alias": a person's nickname follows.
func (a *analyzer) aliasAfter(e int) bool {
	if e < len(a.toks) && a.toks[e].Text == "," {
		e++
	}
	return e < len(a.toks) && a.toks[e].Lower == "alias" && !a.toks[e].Cap
}

// counterpart gives "his Syrian counterpart X" the title of the person named
// before in the same sentence ("Interior Minister"), in X's country.
func (a *analyzer) counterpart(roles []roleCand, cc string, i int) []roleCand {
	for r := range roles {
		if !strings.HasSuffix(strings.ToLower(roles[r].title), "counterpart") {
			continue
		}
		for ci := len(a.cands) - 1; ci >= 0; ci-- {
			c := a.cands[ci]
			if c.person == nil || c.start >= a.toks[i].Start || a.sentOf(c.start) != a.toks[i].Sent {
				continue
			}
			for _, pr := range c.person.roles {
				if pr.tmpl != "" {
					roles[r] = roleCand{title: pr.title, start: roles[r].start, orgID: "{" + pr.tmpl, tmpl: pr.tmpl}
					return roles
				}
			}
		}
	}
	return roles
}

// isGazetteerSpan reports whether a known name covers tokens i..j.
func (a *analyzer) isGazetteerSpan(i, j int) bool {
	// a candidate covers the tokens when it starts at or before token i
	// and ends at or after token j: the greatest end among the candidates
	// starting at or before token i answers
	return a.cover.maxEnd(a, i) >= a.toks[j].End
}

// appositive reads ", [the] [Russia's] title phrase" after a name at token
// i (just past the comma) and adds its roles.
func (a *analyzer) appositive(pc *personCand, i int) bool {
	k := a.aliasAt(pc, i)
	if k < len(a.toks) && (a.toks[k].Lower == "the" || a.toks[k].Lower == "a" || a.toks[k].Lower == "an") {
		k++
	}
	pre := rolePre{start: -1}
	if cc, n := a.nationalityAhead(k); cc != "" {
		pre.cc, k = cc, n
	} else if k+1 < len(a.toks) && a.toks[k].Word && !a.toks[k].Cap && (a.toks[k+1].Text == "'s" || a.toks[k+1].Text == "’s") {
		k += 2 // "the country's foreign minister"
	} else {
		// "a Serb businessman", "a Kosovo Serb businessman": demonyms and
		// country names as modifiers, the last one the person's
		for n := 0; n < 2 && k < len(a.toks) && a.toks[k].Cap; n++ {
			c, ok := demonym(&a.toks[k])
			if !ok {
				c, ok = countryByName(&a.toks[k])
			}
			if !ok {
				break
			}
			pre.cc = c.Code
			k++
		}
	}
	// an office after a name may be written in lower case: "Ana X, the
	// country's defence minister,"
	a.anyCase = true
	defer func() { a.anyCase = false }()
	for k < len(a.toks) && (titleModifiers.has(a.toks[k].Lower) || ageWord(&a.toks[k])) {
		if _, n := a.titleAt(k); n > 0 {
			break // a title that starts with a modifier: "first secretary"
		}
		if pre.start < 0 && !ageWord(&a.toks[k]) {
			pre.start = a.toks[k].Start
		}
		k++
	}
	if _, n := a.titleAt(k); n < 0 {
		// "a Kosovo Serb businessman": one capitalized group word before
		// the office
		if k+1 >= len(a.toks) || !a.toks[k].Cap || !a.toks[k].Word {
			return false
		}
		if _, n := a.titleAt(k + 1); n < 0 {
			return false
		}
		k++
	}
	roles, cc, _ := a.rolePhrase(k, pre, true)
	if len(roles) == 0 {
		return false
	}
	pc.roles = append(pc.roles, roles...)
	if pc.cc == "" {
		pc.cc = cc
	}
	if pc.title == "" {
		pc.title = roles[0].title
	}
	return true
}

// ageWord reports whether a token is an age written as an adjective
// ("54-year-old"), which may stand before the noun of an apposition ("X Y,
// a 54-year-old farmer,").
func ageWord(t *token) bool {
	l := t.Lower
	i := strings.IndexByte(l, '-')
	return i > 0 && allDigits(l[:i]) && (l[i:] == "-year-old" || l[i:] == "-years-old")
}

// nicknameWords are the nouns that may stand between "known by his" and a
// nickname ("known by his nom de guerre \"Toro\"", "known by the alias").
var nicknameWords = set(`alias nickname moniker pseudonym name nom de guerre nom-de-guerre war`)

// aliasAt reads a nickname at token i, just past the comma after a name
// ("alias \"Toro\",", "aka El Chapo,", "known as \"Toro\",", "known by
// his nom de guerre \"Toro\",") into pc.alias and returns the
// token past its comma, where an apposition may follow; without one, i.
func (a *analyzer) aliasAt(pc *personCand, i int) int {
	if i >= len(a.toks) {
		return i
	}
	j := i + 1 // the nickname's first token
	switch a.toks[i].Lower {
	case "alias", "aka":
	case "known":
		// "known as \"Toro\",", "known by his nom de guerre \"Toro\","
		if j >= len(a.toks) || a.toks[j].Lower != "as" && a.toks[j].Lower != "by" {
			return i
		}
		j++
		if j < len(a.toks) && (a.toks[j].Lower == "his" || a.toks[j].Lower == "her" || a.toks[j].Lower == "the") {
			j++
		}
		for n := 0; n < 3 && j < len(a.toks) && nicknameWords.has(a.toks[j].Lower); n++ {
			j++
		}
	default:
		return i
	}
	from, to := -1, -1
	for k := j; k < len(a.toks) && k < j+5 && a.toks[k].Sent == a.toks[i].Sent; k++ {
		t := &a.toks[k]
		switch {
		case t.Word && t.Cap:
			if from < 0 {
				from = k
			}
			to = k
		case t.Text == ",":
			if from < 0 {
				return i
			}
			pc.alias = a.text(from, to)
			return k + 1
		case t.Word:
			return i // "alias the …": no nickname
		}
	}
	if from >= 0 {
		pc.alias = a.text(from, to)
	}
	return i
}

func (a *analyzer) newPerson(i, e int, roles []roleCand, cc string) *personCand {
	name := a.text(i, e-1)
	pc := &personCand{name: name, keys: a.spanKeys(i, e-1), roles: roles, cc: cc,
		sent: a.toks[i].Sent, start: a.toks[i].Start}
	for _, r := range roles {
		if !isRank(r.title) {
			pc.title = r.title
			break
		}
	}
	if pc.title == "" && len(roles) > 0 {
		pc.title = roles[0].title
	}
	return pc
}

// spanKeys is strings.Fields(gazetteer.Key(a.text(i, j))) for a span of
// words: the words of its folded key, which are those of its words' keys
// (words stand apart by white space only, which folding makes one space).
func (a *analyzer) spanKeys(i, j int) []string {
	n := 0
	for k := i; k <= j; k++ {
		t := &a.toks[k]
		if !t.Word {
			return strings.Fields(gazetteer.Key(a.text(i, j)))
		}
		if t.Key != "" {
			n += 1 + strings.Count(t.Key, " ")
		}
	}
	if n == 0 {
		return nil
	}
	keys := make([]string, 0, n)
	for k := i; k <= j; k++ {
		if key := a.toks[k].Key; strings.IndexByte(key, ' ') < 0 {
			if key != "" {
				keys = append(keys, key)
			}
		} else {
			keys = append(keys, strings.Fields(key)...)
		}
	}
	return keys
}

func isRank(s string) bool {
	t, ok := titleTable1()[titleKey(s)]
	return ok && t.Class == "rank"
}

// titleTable1 is the title table, built once and safe for concurrent use
// (the loader analyzes articles in parallel).
func titleTable1() map[string]gazetteer.Title {
	m, _ := sharedTitles()
	return m
}

// selectCands keeps the longest non-overlapping candidates.
func (a *analyzer) selectCands() []cand {
	b := a.bufs
	idx := grow(b.idx, len(a.cands))
	b.idx = idx
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(x, y int) int {
		cx, cy := &a.cands[x], &a.cands[y]
		lx, ly := cx.end-cx.start, cy.end-cy.start
		if cx.pri == priPerson && cy.pri != priPerson || cy.pri == priPerson && cx.pri != priPerson {
			// a titled person beats a gazetteer word inside its name
			if cx.pri == priPerson && cx.start <= cy.start && cx.end >= cy.end {
				return -1
			}
			if cy.pri == priPerson && cy.start <= cx.start && cy.end >= cx.end {
				return 1
			}
		}
		if lx != ly {
			return cmp.Compare(ly, lx)
		}
		if cx.pri != cy.pri {
			return cmp.Compare(cy.pri, cx.pri)
		}
		return cmp.Compare(cx.start, cy.start)
	})
	// keep each candidate that overlaps none kept before; sort the kept
	// ones' indices by start (as sorting the candidates would order them)
	spans := b.spans[:0] // the empty ones kept (none in practice)
	taken := b.taken.reset(len(a.d.Text))
	kept := idx[:0] // written behind the reading
	for _, i := range idx {
		c := &a.cands[i]
		ok := true
		if c.start < c.end {
			ok = !taken.overlaps(c.start, c.end)
		} else {
			ok = !taken.inside(c.start)
		}
		for _, s := range spans {
			if c.start < s[1] && s[0] < c.end {
				ok = false
				break
			}
		}
		if ok {
			if c.start < c.end {
				taken.add(c.start, c.end)
			} else {
				spans = append(spans, [2]int{c.start, c.end})
			}
			kept = append(kept, i)
		}
	}
	b.taken = taken
	slices.SortFunc(kept, func(x, y int) int { return cmp.Compare(a.cands[x].start, a.cands[y].start) })
	b.spans = spans
	sel := grow(b.sel, len(idx))[:len(kept)] // room for references
	for k, i := range kept {
		sel[k] = a.cands[i]
	}
	b.sel = sel
	return sel
}

// byStart orders candidates by their start (with the same algorithm as
// sort.Slice).
func byStart(x, y cand) int { return cmp.Compare(x.start, y.start) }

// references adds bare surnames and short forms of the persons found
// ("Karimi", "Al-Karimi", "Karimi's") where nothing else was found.
func (a *analyzer) references(sel []cand) []cand {
	last := map[string]bool{}  // transliteration keys of the surnames
	first := map[string]bool{} // and of the first given names
	for k := range sel {
		if c := &sel[k]; c.person != nil && len(c.person.keys) > 0 {
			if len(c.person.keys) >= 2 && len(c.person.keys[0]) > 2 {
				first[namekey.WordKey(c.person.keys[0])] = true
			}
			last[namekey.WordKey(c.person.keys[len(c.person.keys)-1])] = true
			if n := len(c.person.keys); n >= 3 {
				for _, w := range c.person.keys[1 : n-1] {
					if len(w) > 2 {
						last[namekey.WordKey(w)] = true // see middleName
					}
				}
			}
		}
	}
	if len(last) == 0 {
		return sel
	}
	// sel is sorted by start: a candidate overlaps [s, e) when one starting
	// before e ends after s, so the greatest end of those starting before e
	// answers (maxEnd[k] is that of sel[:k+1])
	maxEnd := make([]int, len(sel))
	for k := range sel {
		maxEnd[k] = sel[k].end
		if k > 0 {
			maxEnd[k] = max(maxEnd[k], maxEnd[k-1])
		}
	}
	covered := func(s, e int) bool {
		k := sort.Search(len(sel), func(k int) bool { return sel[k].start >= e })
		return k > 0 && maxEnd[k-1] > s
	}
	var add []cand
	// isLast[j] memoizes whether token j is a known surname: 1 yes, 2 no
	isLast := make([]int8, len(a.toks))
	var keyBuf [48]byte // a token's WordKey, made without allocating
	for i := 0; i < len(a.toks); i++ {
		t := &a.toks[i]
		if !isNameWord(t) {
			continue
		}
		// the longest run of name words from i ending in a known surname
		best := -1
		for j := i; j < len(a.toks) && j-i < 4; j++ {
			if !isNameWord(&a.toks[j]) && !(isParticle(&a.toks[j]) && j > i) {
				break
			}
			if isLast[j] == 0 {
				isLast[j] = 2
				if t := &a.toks[j]; t.Key != "" && strings.IndexByte(t.Key, ' ') < 0 && last[string(namekey.AppendWordKey(keyBuf[:0], t.Key))] {
					isLast[j] = 1
				}
			}
			if isLast[j] == 1 {
				best = j
			}
		}
		if best < 0 {
			// a given name alone ("Adiy said" after "Adiy Kebede", the
			// given name being what Ethiopian and Eritrean names are
			// called by): resolve keeps it if it is one person's
			if len(first) > 0 && t.Key != "" && strings.IndexByte(t.Key, ' ') < 0 &&
				(i+1 >= len(a.toks) || !isNameWord(&a.toks[i+1])) && (i == 0 || !isNameWord(&a.toks[i-1])) &&
				!notName.has(t.Lower) && !a.blocked(t) {
				if k := namekey.AppendWordKey(keyBuf[:0], t.Key); first[string(k)] && !last[string(k)] && !covered(t.Start, t.End) {
					pc := &personCand{name: t.Text, keys: a.spanKeys(i, i), sent: t.Sent, start: t.Start, given: true}
					add = append(add, cand{start: t.Start, end: t.End, kind: Person, pri: priUntitled, person: pc})
				}
			}
			continue
		}
		// only the surname run: drop leading words that are not part of a name
		s := i
		for s < best && (notName.has(a.toks[s].Lower) || a.blocked(&a.toks[s])) {
			s++
		}
		name := a.text(s, best)
		pc := &personCand{name: name, keys: a.spanKeys(s, best), sent: t.Sent, start: a.toks[s].Start}
		pcand := cand{start: a.toks[s].Start, end: a.toks[best].End, kind: Person, pri: priUntitled, person: pc}
		if covered(a.toks[s].Start, a.toks[best].End) {
			// "Tomas Ibarra said … Ibarra said": the surname of a person
			// named before is the person, not a town of that name nor a
			// capital acting for its country ("Ana Lima … Lima said")
			if k := sort.Search(len(sel), func(k int) bool { return sel[k].start >= pcand.start }); k < len(sel) &&
				sel[k].start == pcand.start && sel[k].end == pcand.end && a.namedBefore(pc, pcand.start, sel) &&
				(sel[k].kind == Place || sel[k].kind == Country && s == best && !isCountryName(&a.toks[s])) {
				sel[k] = pcand
			}
			i = best
			continue
		}
		add = append(add, pcand)
		i = best
	}
	return mergeByStart(sel, add)
}

// mergeByStart returns sel and add, each sorted by start, as one list
// sorted by start (what appending and slices.SortFunc(byStart) give), in
// linear time when no start is shared; sel's room past its length is used.
func mergeByStart(sel, add []cand) []cand {
	n := len(sel)
	sel = append(sel, add...)
	if !distinctStarts(sel[:n], add) {
		// the order among equal starts is the sort's
		slices.SortFunc(sel, byStart)
		return sel
	}
	// from the back, each place takes the greater of the two heads
	i, j := n-1, len(add)-1
	for k := len(sel) - 1; j >= 0; k-- {
		if i >= 0 && sel[i].start > add[j].start {
			sel[k] = sel[i]
			i--
		} else {
			sel[k] = add[j]
			j--
		}
	}
	return sel
}

// distinctStarts reports whether the candidates of a and b, each sorted by
// start, all start at different offsets.
func distinctStarts(a, b []cand) bool {
	for k := 1; k < len(a); k++ {
		if a[k].start <= a[k-1].start {
			return false
		}
	}
	for k := 1; k < len(b); k++ {
		if b[k].start <= b[k-1].start {
			return false
		}
	}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].start < b[j].start:
			i++
		case a[i].start > b[j].start:
			j++
		default:
			return false
		}
	}
	return true
}

// group is one resolved person.
type group struct {
	keys    []string // transliteration keys of the name's words (nameWordKeys)
	words   []string // the name's folded words (personCand.keys)
	display string
	id      string
	last    int // start of its latest mention so far
}

// nameWordKeys are the transliteration keys (names.WordKey) of folded name
// words: a surname matches its other spellings in the same article
// ("al-Sharaa", "Ahmad al-Shara").
func nameWordKeys(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = namekey.WordKey(k)
	}
	return out
}

// middleName reports whether key w is a word of a name of three words or
// more (keys) other than its first and last: a paternal surname or a
// middle name.
func middleName(w string, keys []string) bool {
	return len(keys) >= 3 && slices.Contains(keys[1:len(keys)-1], w)
}

// shortFormOf reports whether a name of two words is a shorter form of a
// longer one: its first and last words ("Tesfaye Alemu" of "Tesfaye
// Bekele Alemu") or its first two ("Tesfaye Bekele" of "Tesfaye Bekele Alemu", a
// given name and the father's without the grandfather's).
func shortFormOf(short, long []string) bool {
	if len(short) != 2 || len(long) < 3 || short[0] != long[0] {
		return false
	}
	return short[1] == long[len(long)-1] || short[1] == long[1]
}

// suffixOf reports whether the keys short end the keys long ("Alemu" of
// "Tesfaye Bekele Alemu"); a short form opened by the Mauritanian "Ould"
// (son of) counts without it ("Ould Sidi" of "Ahmed Ould Cheikh Sidi").
func suffixOf(short, long []string) bool {
	if len(short) >= 2 && short[0] == ouldKey {
		short = short[1:]
	}
	if len(short) == 0 || len(short) > len(long) {
		return false
	}
	off := len(long) - len(short)
	for i := range short {
		if short[i] != long[off+i] {
			return false
		}
	}
	return true
}

// shortGivenOf is the one person of groups whose name is words (folded,
// with keys their nameWordKeys) but for a first given name cut short
// (names.ShortGiven: "Alex Marin" and "Alexander Marin", "Buisi Anozie"
// and "Ndubuisi Anozie"), or nil when none or several are.
func shortGivenOf(words, keys []string, groups []*group) *group {
	var found *group
	for _, h := range groups {
		if len(h.words) != len(words) || len(words) < 2 || !slices.Equal(h.keys[1:], keys[1:]) || !namekey.ShortGiven(h.words[0], words[0]) {
			continue
		}
		if found != nil {
			return nil
		}
		found = h
	}
	return found
}

// resolve groups person mentions into actors and builds the result.
func (a *analyzer) resolve(sel []cand) Result {
	var groups []*group
	// full names first, longest first
	var persons []int
	for i, c := range sel {
		if c.person != nil && len(c.person.keys) > 0 {
			persons = append(persons, i)
		}
	}
	slices.SortStableFunc(persons, func(x, y int) int {
		return cmp.Compare(len(sel[y].person.keys), len(sel[x].person.keys))
	})
	owner := map[int]*group{}
	wk := make(map[int][]string, len(persons))
	for _, pi := range persons {
		wk[pi] = nameWordKeys(sel[pi].person.keys)
	}
	for _, pi := range persons {
		pc := sel[pi].person
		if len(pc.keys) < 2 {
			continue
		}
		var g *group
		for _, h := range groups {
			if suffixOf(wk[pi], h.keys) || shortFormOf(wk[pi], h.keys) {
				g = h
				break
			}
		}
		if g == nil {
			g = shortGivenOf(pc.keys, wk[pi], groups)
		}
		if g == nil {
			g = &group{keys: wk[pi], words: pc.keys, display: pc.name}
			groups = append(groups, g)
		}
		owner[pi] = g
	}
	// short names in text order: the most recent matching person before,
	// else the nearest after.
	order := append([]int(nil), persons...)
	sort.Ints(order)
	for _, pi := range order {
		pc := sel[pi].person
		if g, ok := owner[pi]; ok {
			g.last = sel[pi].start
			continue
		}
		var cands []*group
		for _, h := range groups {
			if suffixOf(wk[pi], h.keys) {
				cands = append(cands, h)
			}
		}
		if len(cands) == 0 && len(wk[pi]) == 1 {
			// a given name alone ("Prince Faisal" after "Faisal bin X"):
			// the one person of the article whose first name it is
			for _, h := range groups {
				if len(h.keys) >= 2 && h.keys[0] == wk[pi][0] {
					cands = append(cands, h)
				}
			}
			if len(cands) > 1 {
				cands = nil
			}
		}
		if len(cands) == 0 && len(wk[pi]) == 1 {
			// a surname inside a longer name ("Kalla" after "Amadou
			// Kalla Bouba", "Pena" after "Luis Alberto Pena
			// Mora"): the one person of the article with that word
			// between the first and the last
			for _, h := range groups {
				if middleName(wk[pi][0], h.keys) {
					cands = append(cands, h)
				}
			}
			if len(cands) > 1 {
				cands = nil
			}
		}
		var g *group
		switch {
		case len(cands) == 1:
			g = cands[0]
		case len(cands) > 1:
			// most recent before
			for _, h := range cands {
				if h.last > 0 && h.last < sel[pi].start && (g == nil || h.last > g.last) {
					g = h
				}
			}
			if g == nil {
				// nearest after
				bestD := -1
				for _, qi := range order {
					if o, ok := owner[qi]; ok && sel[qi].start > sel[pi].start {
						for _, h := range cands {
							if h == o && (bestD < 0 || sel[qi].start-sel[pi].start < bestD) {
								g, bestD = h, sel[qi].start-sel[pi].start
							}
						}
					}
				}
			}
		}
		if g == nil && pc.given {
			continue // a given name of several persons, or of none
		}
		if g == nil {
			g = &group{keys: wk[pi], words: pc.keys, display: pc.name}
			groups = append(groups, g)
		}
		g.last = sel[pi].start
		owner[pi] = g
	}
	for _, g := range groups {
		g.id = a.actorID(g.display)
		a.actor(g.display, model.Person, "", "")
	}

	var res Result
	if len(sel) > 0 {
		res.Mentions = make([]Mention, 0, len(sel))
	}
	for i, c := range sel {
		m := Mention{Start: c.start, End: c.end, Text: a.d.Text[c.start:c.end], Sentence: a.sentOf(c.start),
			Kind: c.kind, ActorID: c.actor, PlaceID: c.place}
		if c.person != nil {
			g := owner[i]
			if g == nil {
				continue
			}
			m.ActorID = g.id
			m.Title = c.person.title
			ac := a.actors[g.id]
			a.actor(ac.Name, model.Person, c.person.cc, c.person.name)
			if c.person.alias != "" {
				a.update(ac, "", c.person.alias)
			}
			for _, r := range c.person.roles {
				a.addRole(ac, r, c.person.cc, m.Sentence)
			}
		}
		// set in place, field by field: appending the whole Mention copies it
		// with write barriers
		n := len(res.Mentions)
		res.Mentions = res.Mentions[:n+1] // room made above
		p := &res.Mentions[n]
		p.Start, p.End, p.Text, p.Sentence = m.Start, m.End, m.Text, m.Sentence
		p.Kind, p.ActorID, p.PlaceID, p.Title = m.Kind, m.ActorID, m.PlaceID, m.Title
	}
	// actors and places in first-seen order, but only those mentioned or
	// holding a role
	used := make(map[string]bool, len(a.aorder)+len(a.porder))
	for _, m := range res.Mentions {
		used[m.ActorID] = true
		used[m.PlaceID] = true
	}
	for _, id := range a.aorder {
		for _, r := range a.actors[id].Roles {
			used[r.OrgID] = true
		}
	}
	// which of the actors and places are used, looked up once
	ua, up := make([]bool, len(a.aorder)), make([]bool, len(a.porder))
	na, np := 0, 0
	for i, id := range a.aorder {
		if used[id] {
			ua[i] = true
			na++
		}
	}
	for i, id := range a.porder {
		if used[id] {
			up[i] = true
			np++
		}
	}
	if na > 0 {
		res.Actors = make([]model.Actor, 0, na+2) // room for the countries extraction adds (a dateline's)
	}
	if np > 0 {
		res.Places = make([]model.Place, 0, np)
	}
	for i, id := range a.aorder {
		if ua[i] {
			res.Actors = append(res.Actors, *a.actors[id])
		}
	}
	for i := range a.porder {
		if up[i] {
			// porder and plist are in the same order
			res.Places = append(res.Places, a.plist[i])
		}
	}
	return res
}

// addRole records a title as a role of the person, with its organization.
func (a *analyzer) addRole(ac *model.Actor, r roleCand, cc string, sent int) {
	title := strings.TrimSpace(strings.TrimRight(r.title, ","))
	if title == "" {
		return
	}
	org := r.orgID
	if strings.HasPrefix(org, "{") {
		// an implied national body: "{C} Ministry of Interior"
		c := cc
		if c == "" {
			c = a.home
		}
		tpl := strings.TrimPrefix(org, "{")
		org = ""
		head := strings.TrimSpace(strings.TrimPrefix(tpl, "{C}"))
		if c != "" && head == "Government" {
			if cn, ok := gazetteer.CountryByCode(c); ok {
				org, _ = a.countryActor(cn, "")
			}
		} else if c != "" {
			org = a.actor(nationalName(c, head), model.Organization, c, "")
		}
	}
	for _, x := range ac.Roles {
		if strings.EqualFold(x.Title, title) && x.OrgID == org {
			return
		}
	}
	role := model.Role{Title: title, OrgID: org, From: a.d.Published, To: a.d.Published}
	if sent >= 0 && sent < len(a.d.Sentences) {
		s := a.d.Sentences[sent]
		role.Evid = &model.Evidence{ArticleID: a.d.ArticleID, Sentence: s.Text, Start: s.Start, End: s.End}
	}
	ac.Roles = append(ac.Roles, role)
}

// firstWords is the set of the first words of the title keys, with a
// quick test of a word's first byte and length before the set's.
type firstWords struct {
	set  map[string]bool
	lens [256]uint64 // by first byte, bit n: some word of n bytes (n < 64)
}

// has reports whether w is the first word of a title key.
func (f *firstWords) has(w string) bool {
	if w == "" || len(w) < 64 && f.lens[w[0]]&(1<<len(w)) == 0 {
		return false
	}
	return f.set[w]
}

// titleFirstWords holds the first word of every title key.
var titleFirstWords = sync.OnceValue(func() *firstWords {
	f := &firstWords{set: map[string]bool{}}
	titles, _ := sharedTitles()
	for k := range titles {
		if w := strings.Fields(k); len(w) > 0 {
			f.set[w[0]] = true
		}
	}
	for w := range f.set {
		if len(w) < 64 {
			f.lens[w[0]] |= 1 << len(w)
		}
	}
	return f
})

// diplomatTitle reports whether a title is a diplomat's, whose post ("in
// Finland", "to Kenya") is abroad.
func diplomatTitle(title string) bool {
	t := strings.ToLower(title)
	for _, w := range []string{"ambassador", "envoy", "chargé", "charge d'affaires", "consul", "attaché", "attache", "diplomat", "emissary", "high commissioner"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// namedBefore reports whether a person of sel whose last name has the key of
// reference pc's last word is named before byte off: the reference follows
// its person.
func (a *analyzer) namedBefore(pc *personCand, off int, sel []cand) bool {
	if len(pc.keys) == 0 {
		return false
	}
	k := namekey.WordKey(pc.keys[len(pc.keys)-1])
	for i := range sel {
		c := &sel[i]
		if c.start >= off {
			break
		}
		if c.person != nil && len(c.person.keys) > 1 && namekey.WordKey(c.person.keys[len(c.person.keys)-1]) == k {
			return true
		}
	}
	return false
}
