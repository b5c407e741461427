package extract

import (
	"strings"

	graph "eventgraph/graph/model" // types only: extraction must not link the store
	"eventgraph/loader/gazetteer"
	"eventgraph/loader/mention"
)

// Phase "participants": who acts and at whom, from the clause around
// the trigger (subjects, objects, backers, implicit subjects) and where.

func (c *cand) addParticipant(id, role string) {
	for _, p := range c.ev.Participants {
		if p.ActorID == id {
			return
		}
	}
	if c.ev.Participants == nil {
		c.ev.Participants = c.participants[:0]
	}
	c.ev.Participants = append(c.ev.Participants, graph.Participation{ActorID: id, Role: role})
}

// dropActorsBefore removes the participants in role that the sentence
// names only before article offset end.
func (c *cand) dropActorsBefore(x *sent, end int, role string) {
	kept := c.ev.Participants[:0]
	for _, p := range c.ev.Participants {
		if p.Role != role || namedFrom(x, p.ActorID, end) {
			kept = append(kept, p)
		}
	}
	c.ev.Participants = kept
}

// namedFrom reports whether the sentence names actor id at or after
// article offset end.
func namedFrom(x *sent, id string, end int) bool {
	for mi := range x.ments {
		if m := &x.ments[mi]; m.ActorID == id && m.Start >= end {
			return true
		}
	}
	return false
}

// complementSubject returns the actors named as the subject of happening
// g reported by speech verb h: those between the speech verb (or the last
// "that" after it) and g's trigger, the main ones among them, or nil.
func (st *state) complementSubject(x *sent, h, g hit) []string {
	from := h.j
	for k := h.j; k < g.i; k++ {
		if x.toks[k].lw == "that" {
			from = k + 1
		}
	}
	if from >= g.i {
		return nil
	}
	lo, hi := x.s.Start+x.toks[from].s, x.s.Start+x.toks[g.i].s
	var ids []string
	for mi := range x.ments {
		if m := &x.ments[mi]; m.ActorID != "" && m.Start >= lo && m.End <= hi && !inQuote(x, m.Start) {
			ids = appendNew(ids, m.ActorID)
		}
	}
	return st.mainActors(ids)
}

// reroleBefore gives the participants in role from that are named only
// before end the role to instead.
func (c *cand) reroleBefore(x *sent, end int, from, to string) {
	for i, p := range c.ev.Participants {
		if p.Role == from && !namedFrom(x, p.ActorID, end) {
			c.ev.Participants[i].Role = to
		}
	}
}

// ownSubject reports whether the complement of speech verb h that reports
// happening g has a subject of its own: a word other than a pronoun,
// "that", an auxiliary or an adverb between them, once an object of the
// speech verb ("told reporters that") is skipped.
func ownSubject(x *sent, h, g hit) bool {
	from := h.j
	for k := h.j; k < g.i && k < h.j+6; k++ {
		if x.toks[k].lw == "that" {
			from = k + 1
			break
		}
	}
	for k := from; k < g.i; k++ {
		t := x.toks[k]
		if t.punct || pronouns.has(t.lw) || auxBe.has(t.lw) || modals.has(t.lw) || adverbs.has(t.lw) || negations.has(t.lw) ||
			t.lw == "that" || t.lw == "had" || t.lw == "has" || t.lw == "have" || t.lw == "also" || t.lw == "on" || t.lw == "in" || timeWord(t.lw) {
			continue
		}
		return true
	}
	return false
}

func (c *cand) hasRole(role string) bool {
	for _, p := range c.ev.Participants {
		if p.Role == role {
			return true
		}
	}
	return false
}

// clauseBounds returns the byte range (article offsets) of the clause that
// holds h.
func clauseBounds(x *sent, h hit, cl [][2]int) (int, int) {
	r := cl[h.clause]
	return x.s.Start + x.toks[r[0]].s, x.s.Start + x.toks[r[1]-1].e
}

// apposition finds the apposition or relative clause set off by commas
// between a name and its verb at token i — "Kalla, a former spokesman
// who broke with the president in June, rejected the results" — and returns its
// byte range in the sentence (from its opening comma to its closing one),
// or 0, 0. What it names is no subject of the verb, and its dates are not
// the verb's.
func apposition(x *sent, i int) (int, int) {
	k := i - 1
	for k > 0 && (adverbs.has(x.toks[k].lw) || auxBe.has(x.toks[k].lw) || modals.has(x.toks[k].lw)) {
		k--
	}
	if k < 2 || x.toks[k].w != "," {
		return 0, 0
	}
	closing := k
	for k--; k > 0; k-- {
		switch x.toks[k].w {
		case ",":
			if k+1 >= closing {
				return 0, 0
			}
			// a name before it, and an apposition's or relative clause's
			// first word after it
			switch x.toks[k+1].lw {
			case "a", "an", "the", "who", "which", "whose", "whom":
				if x.toks[k-1].cap {
					return x.toks[k].s, x.toks[closing].e
				}
			}
			return 0, 0
		case ";", ":", "(", ")":
			return 0, 0
		}
	}
	return 0, 0
}

// actorsBefore are the actors of the clause before the trigger (its
// subject); a sentence-initial participle ("Speaking at …, Lavrov
// attributed") takes the actors after its comma instead.
func (st *state) actorsBefore(x *sent, h hit, cl [][2]int) []string {
	lo, _ := clauseBounds(x, h, cl)
	trig := x.s.Start + x.toks[h.i].s
	if end := accordingTo(x); end > 0 && x.s.Start+end < trig {
		// "According to the coast guard, four Chinese vessels entered …":
		// who reports it is no subject of what it reports
		lo = max(lo, x.s.Start+end)
	}
	if h.verb && h.i > 0 && strings.HasSuffix(x.toks[h.i].lw, "ing") && gerundPreps.has(x.toks[h.i-1].lw) {
		// "… gates for terrorist groups to enter Iraq after overthrowing
		// the regime": a gerund's subject is its clause's subject, named
		// before the clause's first verb, not the objects after it
		for _, g := range x.hits {
			if g.i >= h.i {
				break
			}
			if g.verb && g.clause == h.clause && x.s.Start+x.toks[g.i].s > lo {
				trig = x.s.Start + x.toks[g.i].s
				break
			}
		}
	}
	if h.verb && h.i > 1 && x.toks[h.i-1].lw == "and" {
		// "Quito accused Lima of backing the gunmen and suspended the
		// treaty", "Norway, which borders Russia, left neutrality and joined
		// the alliance": a verb right after "and" has the subject of the
		// verb it is coordinated with (the last finite one of its clause
		// before it), not the objects between
		last := -1
		for gi, g := range x.hits {
			if g.i >= h.i {
				break
			}
			if g.verb && !g.inf && g.clause == h.clause && x.s.Start+x.toks[g.i].s > lo {
				last = gi
			}
		}
		if last >= 0 {
			return st.actorsBefore(x, x.hits[last], cl)
		}
	}
	if id := st.groupAnaphor(x, h); id != "" {
		return []string{id}
	}
	if id := st.whoAntecedent(x, h); id != "" {
		// "fired warning shots at North Korean soldiers who crossed the
		// line": the soldiers crossed
		return []string{id}
	}
	if h.i == cl[h.clause][0] && strings.HasSuffix(x.toks[h.i].lw, "ing") {
		for k := h.j; k < len(x.toks); k++ {
			if x.toks[k].w == "," {
				// the subject after the comma, up to its verb
				from, to := x.s.Start+x.toks[k].e, x.s.End
				for _, g := range x.hits {
					if g.verb && g.i > k {
						to = x.s.Start + x.toks[g.i].s
						break
					}
				}
				var ids []string
				for mi := range x.ments {
					m := &x.ments[mi]
					if m.ActorID != "" && m.Start >= from && m.End <= to {
						ids = append(ids, m.ActorID)
					}
				}
				if ids = st.mainActors(ids); len(ids) > 0 {
					return ids[:1]
				}
				return st.firstActorFrom(x, from)
			}
		}
	}
	var out []string
	plo, phi := apposition(x, h.i)
	// "… in an exchange under which the government of President Mensah
	// freed …": the subject starts after the relative pronoun when one
	// stands between it and the clause's start
	for k := h.i - 1; k > 0 && x.s.Start+x.toks[k].s > lo; k-- {
		// also a clause of time or reason: "Poland shut its crossings as
		// Belarus and Russia held drills": Belarus and Russia held them
		if lw := x.toks[k].lw; lw == "which" || lw == "whom" || lw == "where" || subordinators.has(lw) {
			if from := x.s.Start + x.toks[k].e; st.actorBetween(x, from, trig) {
				lo = from
			}
			break
		}
	}
	for mi := range x.ments {
		m := &x.ments[mi]
		if m.ActorID != "" && m.Start >= lo && m.End <= trig && (!inQuote(x, m.Start) || inQuote(x, trig)) && !backerOf(x, m.Start, lo) &&
			!(m.Start >= x.s.Start+plo && m.End <= x.s.Start+phi) {
			out = append(out, m.ActorID)
		}
	}
	if len(out) == 0 && h.clause > 0 {
		// "X, who had threatened a veto, dropped his objections": past the
		// relative clause, the subject stands before it
		r := cl[h.clause]
		k := r[0]
		if x.toks[k].w == "," && k+1 < h.i {
			k++
		}
		if lw := x.toks[k].lw; (lw == "who" || lw == "which" || lw == "whose") && !commaBetween(x, k+1, h.i) && k > 0 {
			// "Ochieng, whose government mediated the talks", "the UN,
			// which brokered the deal": the relative clause's verb is the
			// antecedent's, the actor right before it
			to := x.s.Start + x.toks[k-1].e
			last := ""
			for mi := range x.ments {
				if m := &x.ments[mi]; m.ActorID != "" && m.End <= to && to-m.End <= 2 {
					last = m.ActorID
				}
			}
			if last != "" {
				return []string{last}
			}
		}
		if lw := x.toks[k].lw; (lw == "who" || lw == "which") && commaBetween(x, k+1, h.i) {
			p := cl[h.clause-1]
			from, to := x.s.Start+x.toks[p[0]].s, x.s.Start+x.toks[p[1]-1].e
			for mi := range x.ments {
				m := &x.ments[mi]
				if m.ActorID != "" && m.Start >= from && m.End <= to && !inQuote(x, m.Start) {
					out = append(out, m.ActorID)
				}
			}
		}
	}
	return out
}

// commaBetween reports whether a comma stands among tokens [a, b).
func commaBetween(x *sent, a, b int) bool {
	for k := a; k < b && k < len(x.toks); k++ {
		if x.toks[k].w == "," {
			return true
		}
	}
	return false
}

// backerOf reports whether the mention at article offset at follows
// "backed by", "supported by" or the like within the subject that starts
// at lo: "Somali forces backed by African Union troops recaptured" — the
// backer is not who acts.
func backerOf(x *sent, at, lo int) bool {
	for k := range x.toks {
		t := x.toks[k]
		if x.s.Start+t.s < lo || k == 0 {
			continue
		}
		if x.s.Start+t.s >= at {
			break
		}
		if t.lw == "by" {
			switch x.toks[k-1].lw {
			case "backed", "supported", "aided", "assisted", "accompanied", "escorted", "armed", "trained", "funded":
				return true
			}
		}
	}
	return false
}

func (st *state) firstActorFrom(x *sent, from int) []string {
	for mi := range x.ments {
		m := &x.ments[mi]
		if m.ActorID != "" && m.Start >= from {
			return []string{m.ActorID}
		}
	}
	return nil
}

// actorsAfter are the actors of the clause after the trigger, up to the
// next verb trigger ("will open the crossing …, the ministry said").
func (st *state) actorsAfter(x *sent, h hit, cl [][2]int) []string {
	_, hi := clauseBounds(x, h, cl)
	for _, g := range x.hits {
		if g.verb && g.i >= h.j && x.s.Start+x.toks[g.i].s < hi && g.e.class == speech {
			hi = x.s.Start + x.toks[g.i].s
			// ", the Hungarian minister said": the speaker is no target
			// (but "“… was signed,” the minister said" is his own report)
			for k := g.i - 1; k >= h.j && k >= g.i-10; k-- {
				if x.toks[k].w == "," {
					if !(k+1 < len(x.toks) && isCloseQuote(x.toks[k+1].w)) && !isCloseQuote(x.toks[k-1].w) {
						hi = x.s.Start + x.toks[k].s
					}
					break
				}
			}
			break
		}
	}
	// a clause of time or reason after it has its own subject ("shut its
	// crossings as Belarus and Russia held drills"), when a verb follows
	for k := h.j; k+1 < len(x.toks) && x.s.Start+x.toks[k].s < hi; k++ {
		if subordinators.has(x.toks[k].lw) && k > h.j && verbAfter(x, k+1, hi) {
			hi = x.s.Start + x.toks[k].s
			break
		}
	}
	trig := x.s.Start + x.toks[h.j-1].e
	var out []string
	if id := st.whomAntecedent(x, h); id != "" {
		// "the release of Ana Ruiz, whom police detained on Saturday": she
		// is whom they detained
		out = append(out, id)
	}
	for mi := range x.ments {
		m := &x.ments[mi]
		// "talks in Luxembourg" names where the talks were, but "airstrikes
		// in Syria" whom they hit
		if m.ActorID != "" && m.Start >= trig && m.End <= hi && !(m.Kind == mention.Kind("COUNTRY") && cooperative(h.e.cameo) && locativeBefore(x, m.Start)) {
			out = append(out, m.ActorID)
		}
	}
	return out
}

// whoAntecedent is the actor a relative "who" right before the verb of hit
// h (an adverb or two between them: "who briefly crossed") stands for: the
// last actor named in the four words before "who". It returns "" when
// there is none.
func (st *state) whoAntecedent(x *sent, h hit) string {
	for k := h.i - 1; k > 0 && k >= h.i-3; k-- {
		lw := x.toks[k].lw
		if lw != "who" {
			if x.toks[k].punct || !strings.HasSuffix(lw, "ly") {
				return "" // only adverbs between "who" and its verb
			}
			continue
		}
		if x.toks[k-1].punct {
			return "" // "X, who …": the appositive clause's subject is read as before
		}
		from, to := x.s.Start+x.toks[max(k-4, 0)].s, x.s.Start+x.toks[k-1].e
		best, bestEnd := "", -1
		for mi := range x.ments {
			m := &x.ments[mi]
			if m.ActorID != "" && m.Start >= from && m.End <= to && m.End > bestEnd {
				best, bestEnd = m.ActorID, m.End
			}
		}
		return best
	}
	return ""
}

// whomAntecedent is the actor a relative "whom" before the verb of hit h
// stands for: the one named right before ", whom" ("Ana Ruiz, 54, a
// trader, whom police detained" takes the nearest, "a trader"'s if it
// is one). It returns "" when there is no "whom" in the few words before
// the verb or no actor before it.
func (st *state) whomAntecedent(x *sent, h hit) string {
	for k := h.i - 1; k > 0 && k >= h.i-6; k-- {
		if x.toks[k].w == "," || x.toks[k].w == ";" {
			return ""
		}
		if x.toks[k].lw != "whom" {
			continue
		}
		to := x.s.Start + x.toks[k-1].e
		if x.toks[k-1].w == "," && k > 1 {
			to = x.s.Start + x.toks[k-2].e
		}
		best, bestEnd := "", -1
		for mi := range x.ments {
			m := &x.ments[mi]
			if m.ActorID != "" && m.End <= to && m.End > bestEnd {
				best, bestEnd = m.ActorID, m.End
			}
		}
		return best
	}
	return ""
}

// locativeBefore reports whether the word right before article offset at
// is a preposition of place: "talks in Luxembourg" names where, not whom.
func locativeBefore(x *sent, at int) bool {
	for k := len(x.toks) - 1; k >= 0; k-- {
		if x.s.Start+x.toks[k].e <= at {
			switch x.toks[k].lw {
			case "in", "at", "near", "inside", "across", "throughout":
				return true
			}
			return false
		}
	}
	return false
}

// personBefore returns the last person the sentence names before article
// offset at, or "".
func (st *state) personBefore(x *sent, at int) string {
	id := ""
	for mi := range x.ments {
		m := &x.ments[mi]
		if m.End > at {
			break
		}
		if m.ActorID != "" && m.Kind == mention.Kind("PERSON") {
			id = m.ActorID
		}
	}
	return id
}

// implicitSubject resolves a subject that is not a named actor: "he" and
// "she" to the last person, "the minister" to the last person with a
// title, "the government", "the country" or "authorities" to the country
// the article is about.
func (st *state) implicitSubject(x *sent, h hit, cl [][2]int) string {
	r := cl[h.clause]
	for k := h.i - 1; k >= r[0]; k-- {
		switch x.toks[k].lw {
		case "he", "she", "his", "her":
			// "X flew to Nairobi, where he met": a person named before in
			// the sentence, else the last person of the story
			if id := st.personBefore(x, x.s.Start+x.toks[k].s); id != "" {
				return id
			}
			return st.lastPer
		case "minister", "spokesman", "spokesperson", "president", "premier", "envoy", "ambassador", "general", "commander":
			if k > 0 && x.toks[k-1].lw == "the" {
				return st.lastPer
			}
		case "government", "country", "authorities", "cabinet":
			if id := st.possessorOf(x, k); id != "" {
				return id // "Peru's government"
			}
			if !st.hasActorBefore(x, k) {
				return st.dominant
			}
		}
	}
	return ""
}

// groupAnaphor is the armed group that "the group" (or "the militia",
// "the movement") in the few words before the verb of hit h stands for
// ("fighters from the group attacked"): the first group the sentence names
// before it (its subject, not one in an apposition: "Boko Haram, a
// rival of the Islamic State, …"), else the last one of the sentence before. It
// returns "" when the words before the verb hold no such phrase or an
// actor stands between it and the verb.
func (st *state) groupAnaphor(x *sent, h hit) string {
	at := -1
	for k := h.i - 1; k > 0 && k >= h.i-4; k-- {
		if x.toks[k].punct {
			return ""
		}
		switch x.toks[k].lw {
		case "group", "militia", "movement", "group's", "militia's":
			if x.toks[k-1].lw == "the" {
				at = x.s.Start + x.toks[k-1].s
			}
		}
		if at >= 0 {
			break
		}
	}
	if at < 0 || st.actorBetween(x, at, x.s.Start+x.toks[h.i].s) {
		return ""
	}
	for mi := range x.ments {
		m := &x.ments[mi]
		if a := st.actors[m.ActorID]; a != nil && a.Kind == graph.Group && m.End <= at {
			return a.ID
		}
	}
	if y := st.prevSent(x); y != nil {
		last := ""
		for mi := range y.ments {
			if a := st.actors[y.ments[mi].ActorID]; a != nil && a.Kind == graph.Group {
				last = a.ID
			}
		}
		return last
	}
	return ""
}

// prevSent is the sentence before x, or nil.
func (st *state) prevSent(x *sent) *sent {
	if x.idx > 0 && x.idx-1 < len(st.sents) {
		return st.sents[x.idx-1]
	}
	return nil
}

// possessorOf is the actor named in the possessive right before token k
// ("Peru's government", "Kenya’s authorities"), or "".
func (st *state) possessorOf(x *sent, k int) string {
	off := x.s.Start + x.toks[k].s
	for mi := range x.ments {
		m := &x.ments[mi]
		if m.ActorID == "" || m.End > off || off-m.End > 5 {
			continue
		}
		switch strings.TrimSpace(x.s.Text[m.End-x.s.Start : off-x.s.Start]) {
		case "'s", "’s", "'", "’":
			return m.ActorID
		}
	}
	return ""
}

// phrasePossessor is the actor in the possessive that opens the noun
// phrase ending at token k: "Russia's foreign ministry", "Kenya's
// interior ministry spokesman" (up to three lower-case words after the
// possessive), or "".
func (st *state) phrasePossessor(x *sent, k int) string {
	for q := k; q >= 0 && q > k-3; q-- {
		t := x.toks[q]
		if t.punct || t.cap || determiners.has(t.lw) || prepositions.has(t.lw) {
			return ""
		}
		if id := st.possessorOf(x, q); id != "" {
			return id
		}
	}
	return ""
}

// actorBetween reports whether an actor is named between article offsets
// a and b.
func (st *state) actorBetween(x *sent, a, b int) bool {
	for mi := range x.ments {
		if m := &x.ments[mi]; m.ActorID != "" && m.Start >= a && m.End <= b {
			return true
		}
	}
	return false
}

func (st *state) hasActorBefore(x *sent, k int) bool {
	off := x.s.Start + x.toks[k].s
	for mi := range x.ments {
		m := &x.ments[mi]
		if m.ActorID != "" && m.End <= off && off-m.End < 3 {
			return true
		}
	}
	return false
}

// placeFor picks the event's place: a named place after "in", "at",
// "near" in the trigger's clause (cities and crossings before countries).
func (st *state) placeFor(x *sent, h hit, cl [][2]int) string {
	lo, hi := clauseBounds(x, h, cl)
	var country string
	for mi := range x.ments {
		m := &x.ments[mi]
		if m.PlaceID == "" || m.Start < lo || m.End > hi {
			continue
		}
		rel := m.Start - x.s.Start
		if r := root2(h.e.cameo); (r == "18" || r == "19" || r == "20") && m.Kind != mention.Kind("COUNTRY") && objectAt(x, h, rel) {
			// "shelled Kharkiv", "bombed the town": where a blow falls is
			// where it happened
			return m.PlaceID
		}
		prep := x.precedingWord(rel)
		if prep != "in" && prep != "at" && prep != "near" && prep != "of" && prep != "from" && prep != "to" {
			continue
		}
		if modifiesNounAfter(x, m.End-x.s.Start) {
			continue // "in the Kampala bombings case": the place names the case
		}
		if k := lastTokenAt(x, m.Start) - 2; k >= 0 && k != h.i && situationNouns.has(x.toks[k].lw) {
			continue // "a discussion of the conflict in Somalia": the place is the conflict's
		}
		if m.Kind == mention.Kind("COUNTRY") {
			if country == "" && prep == "in" {
				country = m.PlaceID
			}
			continue
		}
		if prep == "of" || prep == "from" || prep == "to" {
			// "the province of Kirkuk", "the port of Tartus": only after a place noun
			lw := x.lastWordsLower(rel, 3)
			if !strings.Contains(lw, "province") &&
				!strings.Contains(lw, "city") &&
				!strings.Contains(lw, "port") &&
				!strings.Contains(lw, "governorate") &&
				!strings.Contains(lw, "town") {
				continue
			}
		}
		return m.PlaceID
	}
	return country
}

// objectAt reports whether byte rel of x's sentence starts the object of
// verb hit h: the token right after the verb, or after a determiner there
// (false for a noun).
func objectAt(x *sent, h hit, rel int) bool {
	if !h.verb {
		return false
	}
	k := h.j
	if k < len(x.toks) && determiners.has(x.toks[k].lw) {
		k++
	}
	return k < len(x.toks) && x.toks[k].s == rel
}

// situationNouns name a state of things that a place after "in" belongs
// to rather than to the sentence's happening ("a discussion of the
// conflict in Somalia", "concern over the situation in the north").
var situationNouns = set("war conflict crisis situation fighting violence unrest insurgency instability tensions")

// placeNouns follow a place name that is still where something happened
// ("in Basra province", "at the Masnaa crossing").
var placeNouns = set("province city town village region district governorate area county state border crossing airport port camp prison district's province's city's")

// modifiesNounAfter reports whether the place name ending at byte end of
// the sentence modifies a lower-case noun after it ("Kampala bombings case",
// "Gaza ceasefire talks") rather than naming where something happened.
func modifiesNounAfter(x *sent, end int) bool {
	k := lastTokenAt(x, x.s.Start+end)
	if k < 0 || k >= len(x.toks) || x.toks[k].s < end {
		return false
	}
	t := x.toks[k]
	if t.punct || t.cap || prepositions.has(t.lw) || placeNouns.has(t.lw) || determiners.has(t.lw) || auxBe.has(t.lw) || modals.has(t.lw) ||
		t.lw == "and" || t.lw == "or" || t.lw == "but" || t.lw == "who" || t.lw == "which" || t.lw == "that" || t.lw == "where" || t.lw == "when" ||
		strings.HasSuffix(t.lw, "ed") || strings.HasSuffix(t.lw, "ly") || timeWord(t.lw) || isNumber(t.lw) {
		return false
	}
	// an event noun or a noun of cases and conflicts: "Kampala bombings",
	// "Gaza ceasefire talks", "the Karabakh conflict"
	if caseNouns.has(t.lw) {
		return true
	}
	for _, e := range lex().forms[t.lw] {
		if e.noun {
			return true
		}
	}
	return false
}

// caseNouns are nouns a place name modifies that the lexicon does not
// hold as events.
var caseNouns = set("case trial crisis conflict process issue file question dispute")

// kindRank orders actor kinds for picking a clause's subject: a person
// named before a verb is its subject sooner than the country in his title.
func kindRank(k graph.ActorKind) int {
	switch k {
	case graph.Person:
		return 0
	case graph.Organization, graph.Group:
		return 1
	}
	return 2
}

// mainActors keeps the actors of the best-ranked kind, in order.
func (st *state) mainActors(ids []string) []string {
	best := 3
	for _, id := range ids {
		if a := st.actors[id]; a != nil && kindRank(a.Kind) < best {
			best = kindRank(a.Kind)
		}
	}
	var out []string
	for _, id := range ids {
		if a := st.actors[id]; a != nil && kindRank(a.Kind) == best {
			out = append(out, id)
		}
	}
	return out
}

// mentionStart is the article offset of the first mention of an actor in
// the sentence.
func (st *state) mentionStart(x *sent, id string) int {
	for mi := range x.ments {
		m := &x.ments[mi]
		if m.ActorID == id {
			return m.Start
		}
	}
	return -1
}

// adjacentBefore keeps the actors that stand right before a noun trigger
// (a possessive or a modifier: "Iraq's victory", "the Assad regime's fall").
func (st *state) adjacentBefore(x *sent, h hit, ids []string) []string {
	trig := x.s.Start + x.toks[h.i].s
	var out []string
	for mi := range x.ments {
		m := &x.ments[mi]
		if m.ActorID != "" && m.End <= trig && trig-m.End <= 4 && contains(ids, m.ActorID) {
			out = append(out, m.ActorID)
		}
	}
	return out
}

// withinPhrase keeps the actors of the noun phrase after a noun trigger:
// up to the next comma, clause word or verb-like word.
func (st *state) withinPhrase(x *sent, h hit, ids []string) []string {
	end := x.s.End
	for k := h.j; k < len(x.toks); k++ {
		t := x.toks[k]
		if t.w == "," || t.w == ";" || t.lw == "that" || t.lw == "which" || t.lw == "who" || auxBe.has(t.lw) || irregularPast.has(t.lw) ||
			(strings.HasSuffix(t.lw, "ed") && !t.cap && k > h.j+1) {
			end = x.s.Start + t.s
			break
		}
	}
	from := x.s.Start + x.toks[h.j-1].e
	var out []string
	for mi := range x.ments {
		m := &x.ments[mi]
		if m.ActorID != "" && m.Start >= from && m.End <= end && contains(ids, m.ActorID) {
			out = append(out, m.ActorID)
		}
	}
	return out
}

// actorsOutside are the actors of a sentence outside [a, b) (sentence
// offsets), with "the minister" and the like resolved to the last person.
func (st *state) actorsOutside(x *sent, a, b int) []string {
	var out []string
	for mi := range x.ments {
		m := &x.ments[mi]
		rel := m.Start - x.s.Start
		if m.ActorID != "" && (rel < a || rel >= b) {
			out = append(out, m.ActorID)
		}
	}
	for k, t := range x.toks {
		if t.s >= a && t.s < b {
			continue
		}
		switch t.lw {
		case "minister", "minister’s", "minister's", "spokesman", "spokesperson", "president", "president's", "president’s":
			if k > 0 && x.toks[k-1].lw == "the" && st.lastPer != "" {
				out = append(out, st.lastPer)
			}
		}
	}
	return out
}

// unnamedArmed and unnamedPeople make an agent of people the text does
// not name: "armed men", "masked men", "unidentified individuals".
var (
	unnamedArmed  = set("armed masked hooded unidentified unknown")
	unnamedPeople = set("men man people persons individuals youths")
)

// agentSubject reports whether the subject of verb hit h (the words of its
// clause before it, at most five) or, in the passive, its "by" phrase holds
// an agent noun of the lexicon: "police cordoned off", "insurgents
// toppled", "was blocked by protesters".
func agentSubject(x *sent, h hit, cl [][2]int) bool {
	ag := lex().agents
	r := cl[h.clause]
	violent := h.e.cameo >= "18" && h.e.cameo < "21"
	if plo, _ := apposition(x, h.i); plo > 0 {
		// "The gunmen, who arrived by boat, attacked": the subject before
		// the apposition
		if k := tokenAt(x, x.s.Start+plo); k > 0 {
			for q := k - 1; q >= 0 && q >= k-5; q-- {
				if ag[x.toks[q].lw] != "" {
					return true
				}
			}
		}
	}
	for k := h.i - 1; k >= r[0] && k >= h.i-5; k-- {
		if ag[x.toks[k].lw] != "" {
			return true
		}
		if violent && forceNouns.has(x.toks[k].lw) {
			return true // "A roadside bomb hit a minibus": the weapon acts
		}
		if k > 0 && unnamedPeople.has(x.toks[k].lw) && unnamedArmed.has(x.toks[k-1].lw) {
			return true // "Masked men shot dead a shopkeeper", "armed men stormed"
		}
	}
	if isPassive(x.toks, h.i) {
		for k := h.j; k < r[1] && k < h.j+6; k++ {
			if x.toks[k].lw == "by" && k+1 < len(x.toks) {
				for m := k + 1; m < r[1] && m <= k+3; m++ {
					if ag[x.toks[m].lw] != "" {
						return true
					}
				}
			}
		}
	}
	return false
}

// dropRole removes the participants that roles gives the role r.
func dropRole(ps []graph.Participation, roles map[string]string, r string) []graph.Participation {
	out := ps[:0]
	for _, p := range ps {
		if roles[p.ActorID] != r {
			out = append(out, p)
		}
	}
	return out
}

// homeAgents are the Phoenix sectors of a state's own forces: police,
// military, intelligence.
var homeAgents = map[string]bool{"COP": true, "MIL": true, "SPY": true}

// forceHeads are the words before "forces" that make them a state's
// ("security forces", "government forces"); other forces ("rebel
// forces", "Kurdish forces") are named or are not a state's.
var forceHeads = set("security government armed federal special state defence defense")

// homeAgent resolves a subject that is a state's force without a
// country of its own — "Police fired tear gas", "the army deployed",
// "security forces arrested" — to the country it serves, as CAMEO codes
// such an agent by its country (NGACOP): the country of the event's place
// ("in Kano"), else the dateline's ("LAGOS, Nigeria (Reuters) -"), else
// the article's only country. It returns "" when the subject holds none,
// when a word before the agent makes it someone else's ("rebel
// soldiers"), or when no country is certain.
func (st *state) homeAgent(x *sent, h hit, cl [][2]int) string {
	ag := lex().agents
	r := cl[h.clause]
	found := false
	// the subject before the verb; in the passive, its "by" phrase
	// ("were detained by police"), its last word first
	var ksArr [8]int
	ks := ksArr[:0]
	if isPassive(x.toks, h.i) {
		if by := byAt(x, h, r); by >= 0 {
			for m := by + 3; m > by; m-- {
				if m < r[1] {
					ks = append(ks, m)
				}
			}
		}
	} else {
		ks = wordsBefore(ks, x, h, r)
	}
	for _, k := range ks {
		if found {
			break
		}
		lw := x.toks[k].lw
		switch {
		case homeAgents[ag[lw]]:
			found = true
		case lw == "forces" && k > 0 && forceHeads.has(x.toks[k-1].lw):
			found = true
		default:
			continue
		}
		if k > 0 {
			prev := x.toks[k-1]
			if s := ag[prev.lw]; s != "" && !homeAgents[s] && s != "GOV" {
				return "" // "rebel soldiers", "opposition police"
			}
		}
	}
	if !found {
		return ""
	}
	if p := st.places[st.placeFor(x, h, cl)]; p != nil && p.Country != "" {
		if id := st.countryCode(p.Country); id != "" {
			return id
		}
		return st.addCountry(p.Country) // "in Manta": Ecuador's police
	}
	if st.home != "" {
		return st.home
	}
	return st.onlyCountry()
}

// wordsBefore appends to dst the five words before the verb of hit h in
// its clause r, nearest first, a time expression's not counted ("Police
// in Kisumu on Tuesday detained"): where a subject's head is looked for.
func wordsBefore(dst []int, x *sent, h hit, r [2]int) []int {
	for k, n := h.i-1, 0; k >= r[0] && n < 5; k-- {
		if inExpr(x, k) {
			continue
		}
		dst = append(dst, k)
		n++
	}
	return dst
}

// byAt is the token of the "by" that opens a passive verb's agent within
// six words after it in its clause r ("were detained on Monday by
// police"), or -1.
func byAt(x *sent, h hit, r [2]int) int {
	for k := h.j; k < r[1] && k < h.j+6; k++ {
		if x.toks[k].lw == "by" {
			return k
		}
	}
	return -1
}

// collectiveSectors are the Phoenix sectors of agents that are no state's
// own body: opposition, rebels, unidentified armed forces, criminals,
// refugees, civilians, labor, business, students.
var collectiveSectors = map[string]bool{"OPP": true, "REB": true, "UAF": true, "CRM": true, "REF": true,
	"CVL": true, "LAB": true, "BUS": true, "EDU": true}

// uncounted are crowd words too vague to name who acted ("people",
// "thousands") or a crowd itself.
var uncounted = set("people persons individuals thousands hundreds dozens crowds crowd citizens others")

// collectiveNoun reports whether a lower-case word names a body of people
// that acts together without a name of its own: a crowd (crowdNouns:
// drivers, traders, residents) or a Phoenix agent of a sector that is no
// state's (protesters, insurgents, gunmen, smugglers).
func collectiveNoun(lw string) bool {
	if uncounted.has(lw) || !strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "men") {
		return false // persons in the plural, not "insurgency" or "opposition"
	}
	return crowdNouns.has(lw) || collectiveSectors[lex().agents[lw]] || lw == "elders" || lw == "kidnappers"
}

// crowdAgent is the collective actor of a subject no named actor stands
// for ("lorry drivers blocked the road", "insurgents burned houses",
// "relatives of the fishermen protested", "was attacked by armed men"):
// an actor of kind Group named by the head noun ("drivers", "insurgents",
// "relatives", "armed men"), one per name and country (the country of the
// event's place, else crowdActor's), so
// that the drivers of one country's protests are one node and another
// country's another. It returns "" when the subject holds no such noun.
func (st *state) crowdAgent(x *sent, h hit, cl [][2]int) string {
	head, name := crowdHead(x, h, cl)
	if head < 0 {
		return ""
	}
	cc := ""
	if p := st.places[st.placeFor(x, h, cl)]; p != nil {
		cc = p.Country
	}
	return st.crowdActor(name, cc)
}

// crowdActor is the Group actor of a crowd's name in a country (cc; when
// empty, the dateline's country, else the article's only one, else the
// one it is about), added to the article's actors when new.
func (st *state) crowdActor(name, cc string) string {
	if cc == "" {
		if a := st.actors[st.home]; a != nil {
			cc = a.Country
		} else if a := st.actors[st.onlyCountry()]; a != nil {
			cc = a.Country
		} else if a := st.actors[st.dominant]; a != nil {
			cc = a.Country
		}
	}
	id := graph.NewID("crowd", name, cc)
	if st.actors[id] == nil {
		a := &graph.Actor{ID: id, Name: name, Kind: graph.Group, Country: cc}
		st.added = append(st.added, a)
		st.actors[id] = a
	}
	return id
}

// crowdHead finds the collective noun heading a verb's subject (or its
// passive's by-phrase): its token and the crowd's name ("insurgents",
// "armed men"), or -1.
func crowdHead(x *sent, h hit, cl [][2]int) (int, string) {
	r := cl[h.clause]
	var ksArr [8]int // at most five words before, four after "by": no allocation
	ks := ksArr[:0]
	if isPassive(x.toks, h.i) {
		if by := byAt(x, h, r); by >= 0 {
			for m := by + 1; m < r[1] && m <= by+4; m++ {
				ks = append(ks, m)
			}
		}
	} else {
		ks = wordsBefore(ks, x, h, r)
	}
	head := -1
	for _, k := range ks {
		// capitalized only as the sentence's first word (after a
		// dateline's dash too: "GOMA — Insurgents freed …")
		if t := x.toks[k]; (!t.cap || k == 0 || x.toks[k-1].punct && !mentioned(x, k)) && collectiveNoun(t.lw) {
			head = k
			break
		}
		if k > 0 && unnamedPeople.has(x.toks[k].lw) && unnamedArmed.has(x.toks[k-1].lw) {
			head = k
			break
		}
	}
	if head < 0 {
		return -1, ""
	}
	// "relatives of the fishermen": the noun before "of" heads the phrase
	for k := head - 1; k >= r[0] && k >= head-3; k-- {
		if x.toks[k].lw != "of" {
			continue
		}
		if k > 0 && collectiveNoun(x.toks[k-1].lw) && (!x.toks[k-1].cap || k == 1) {
			head = k - 1
		}
		break
	}
	name := x.toks[head].lw
	if head > 0 && unnamedArmed.has(x.toks[head-1].lw) && unnamedPeople.has(name) {
		name = x.toks[head-1].lw + " " + name // "armed men", "masked men"
	} else if unnamedPeople.has(name) {
		return -1, "" // "men", "youths" alone: only as armed men
	}
	return head, name
}

// actorEndsAt reports whether an actor's mention ends right before token
// k: "ISIS militants" are the group's, not a crowd of their own.
func (st *state) actorEndsAt(x *sent, k int) bool {
	at := x.s.Start + x.toks[k].s
	for mi := range x.ments {
		if m := &x.ments[mi]; m.ActorID != "" && m.End <= at && at-m.End <= 1 {
			return true
		}
	}
	return false
}

// crowdSource reports whether a crowd (a Group actor of crowdAgent) is
// among c's sources.
func (st *state) crowdSource(c *cand) bool {
	for _, p := range c.ev.Participants {
		if a := st.actors[p.ActorID]; a != nil && p.Role == "source" && a.Kind == graph.Group && a.Name == strings.ToLower(a.Name) {
			return true
		}
	}
	return false
}

// crowdPreps put where a crowd is or comes from after its noun.
var crowdPreps = set("in inside from across along near")

// crowdSubject is the crowd heading an active verb's subject when the
// actors named before the verb only say where it is or comes from
// ("insurgents in northern Mozambique freed …", "smugglers from Laos
// crossed …"): the crowd of that country acts, not the country; "" when
// the subject is no such phrase.
func (st *state) crowdSubject(x *sent, h hit, cl [][2]int, before []string) string {
	if len(before) == 0 || !h.verb {
		return ""
	}
	head, name := crowdHead(x, h, cl)
	if head < 0 || head >= h.i {
		return ""
	}
	if (head+1 == h.i || head+2 == h.i && adverbs.has(x.toks[head+1].lw)) && !auxBe.has(x.toks[h.i].lw) && !isPassive(x.toks, h.j-1) &&
		h.j < len(x.toks) && !x.toks[h.j].punct && !titlePreps.has(x.toks[h.j].lw) && !st.actorEndsAt(x, head) {
		// (a participle with no object after it is a headline's passive:
		// "smugglers caught with pills")
		// "after protesters attacked the embassy": the crowd right before
		// the verb is its subject, whatever the clause named before it
		return st.crowdAgent(x, h, cl)
	}
	if head+1 >= h.i || !crowdPreps.has(x.toks[head+1].lw) {
		return ""
	}
	from, to := x.s.Start+x.toks[head+1].e, x.s.Start+x.toks[h.i].s
	cc := ""
	for _, id := range before {
		in := false
		for mi := range x.ments {
			m := &x.ments[mi]
			if m.ActorID == id && m.Start >= from && m.End <= to {
				in = true
			}
		}
		if !in {
			return "" // a named actor of the subject beside the crowd
		}
		if a := st.actors[id]; a != nil && a.Kind == graph.Country && cc == "" {
			cc = a.Country
		}
	}
	return st.crowdActor(name, cc)
}

// countryOf is the country actor of a mention: the country it names, or
// the country of the place it names, when the article has that actor.
func (st *state) countryOf(m *mention.Mention) string {
	if m.Kind == mention.Kind("COUNTRY") && m.ActorID != "" {
		return m.ActorID
	}
	if p := st.places[m.PlaceID]; p != nil {
		if id := st.countryCode(p.Country); id != "" {
			return id
		}
		return st.addCountry(p.Country) // "QUITO -": Ecuador, named or not
	}
	return ""
}

// addCountry adds the country with ISO code cc to the article's actors
// (a dateline's town names its country without the text naming it) and
// returns its identifier, or "" for an unknown code.
func (st *state) addCountry(cc string) string {
	c, ok := gazetteer.CountryByCode(cc)
	if !ok || cc == "" {
		return ""
	}
	a := &graph.Actor{ID: c.ActorID(), Name: c.Name, Kind: graph.Country, Country: cc}
	st.added = append(st.added, a)
	st.actors[a.ID] = a
	return a.ID
}

// countryCode is the article's actor of the country with ISO code cc,
// or "" when the article has none.
func (st *state) countryCode(cc string) string {
	if cc == "" {
		return ""
	}
	if id := st.countryActor(&graph.Actor{Country: cc}); id != "" {
		return id
	}
	for _, a := range st.added {
		if a.Country == cc {
			return a.ID
		}
	}
	return ""
}

// onlyCountry is the article's country actor when it has exactly one.
func (st *state) onlyCountry() string {
	one := ""
	for id, a := range st.actors {
		if a.Kind == graph.Country {
			if one != "" {
				return ""
			}
			one = id
		}
	}
	return one
}

// accordingTo returns the sentence offset past the comma that closes an
// opening "According to X," (after a dateline), or 0.
func accordingTo(x *sent) int {
	rest := x.low[x.dateline:]
	trimmed := strings.TrimLeft(rest, " \"“")
	if !strings.HasPrefix(trimmed, "according to ") {
		return 0
	}
	k := strings.IndexByte(trimmed, ',')
	if k < 0 {
		return 0
	}
	return x.dateline + (len(rest) - len(trimmed)) + k + 1
}

// verbAfter reports whether a finite verb hit stands at or after token k,
// before article offset hi.
func verbAfter(x *sent, k, hi int) bool {
	for _, g := range x.hits {
		if g.verb && g.i >= k && x.s.Start+x.toks[g.i].s < hi {
			return true
		}
	}
	return false
}

// gerundPreps are the prepositions of time before a gerund that reports a
// happening ("after overthrowing", "before signing").
var gerundPreps = set("after before since following upon")

// documentNouns are the things sent or issued that say something: a
// protest or an appeal in a participle after one ("a note protesting the
// seizure") is what the sending says, no act of its own (findHits).
var documentNouns = set("note notes letter letters statement message communique communiqué complaint demarche démarche memorandum cable request appeal")

// documentBetween reports whether a noun of documentNouns stands among
// tokens from..to-1.
func documentBetween(x *sent, from, to int) bool {
	for k := from; k < to && k < len(x.toks); k++ {
		if documentNouns.has(x.toks[k].lw) {
			return true
		}
	}
	return false
}

// documentParticiple reports whether the -ing verb at token i says what a
// document sent by the last finite verb before it says: right after the
// document's noun phrase ("a note to Quito protesting"), or after "and"
// following such a participle ("protesting the seizure and requesting
// access").
func documentParticiple(x *sent, hits []hit, i int) bool {
	gi := len(hits) - 1
	for gi >= 0 && !hits[gi].verb {
		gi-- // past the nouns ("the seizure")
	}
	if gi < 0 {
		return false
	}
	g := hits[gi]
	if g.inf || strings.HasSuffix(x.toks[g.i].lw, "ing") {
		return false
	}
	if participleAfterObject(x, i) {
		return documentBetween(x, g.j, i)
	}
	if x.toks[i-1].lw != "and" {
		return false
	}
	// after "and": an -ing form since the document, itself dropped
	for k := i - 2; k > g.j; k-- {
		if x.toks[k].punct {
			return false
		}
		if strings.HasSuffix(x.toks[k].lw, "ing") && participleAfterObject(x, k) && documentBetween(x, g.j, k) {
			return true
		}
	}
	return false
}

// participleAfterObject reports whether the -ing form at token i follows
// a noun phrase directly: a word before it that is no preposition,
// determiner, form of be, pronoun or conjunction, and no comma ("a note to
// Quito protesting", not "was protesting", "after protesting", ",
// protesting").
func participleAfterObject(x *sent, i int) bool {
	p := x.toks[i-1]
	if p.punct || prepositions.has(p.lw) || determiners.has(p.lw) || auxBe.has(p.lw) || pronouns.has(p.lw) || p.lw == "and" || p.lw == "or" || p.lw == "but" {
		return false
	}
	return !strings.HasSuffix(p.lw, "ly")
}
