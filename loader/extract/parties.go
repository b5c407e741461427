package extract

import (
	"slices"
	"sort"
	"strings"

	graph "eventgraph/graph/model" // types only: extraction must not link the store
	"eventgraph/loader/gazetteer"
	"eventgraph/loader/mention"
)

// Who is party to an agreement, and who only helps it along. The parties
// are the sides that agree: the subject of the signing or agreeing ("A and
// B signed", "A agreed with B"), the pair of "between A and B", the two
// names of an "A-B deal"; a signatory's country is a party ("a minister of
// X" makes X one). Mediators ("mediated by", "brokered by", "US and Saudi
// mediators", "Oman said it brokered"), hosts ("hosted by", the country
// where the signing took place) and witnesses ("in the presence of",
// "attended by") take part under their own role and are never parties.

// Participant roles of actors that help an agreement along.
const (
	roleMediator = "mediator"
	roleHost     = "host"
	roleWitness  = "witness"
)

// sideCues are the phrases before the actors of a helping role.
var sideCues = []struct {
	phrase, role string
}{
	{"mediated by", roleMediator},
	{"brokered by", roleMediator},
	{"facilitated by", roleMediator},
	{"with the mediation of", roleMediator},
	{"through the mediation of", roleMediator},
	{"under the mediation of", roleMediator},
	{"with the help of", roleMediator},
	{"under the auspices of", roleMediator},
	{"sponsored by", roleMediator},
	{"hosted by", roleHost},
	{"in the presence of", roleWitness},
	{"attended by", roleWitness},
	{"witnessed by", roleWitness},
}

// sideNouns after actors give them a helping role: "US and Saudi
// mediators", "Qatari facilitators".
var sideNouns = map[string]string{
	"mediator": roleMediator, "mediators": roleMediator, "facilitator": roleMediator, "facilitators": roleMediator,
	"broker": roleMediator, "brokers": roleMediator, "mediation": roleMediator, "guarantor": roleMediator, "guarantors": roleMediator,
	"host": roleHost, "hosts": roleHost,
	"witness": roleWitness, "witnesses": roleWitness, "observer": roleWitness, "observers": roleWitness,
}

// sideVerbs are the lemmas whose subject helps an agreement along.
var sideVerbs = map[string]string{"broker": roleMediator, "mediate": roleMediator, "facilitate": roleMediator, "host": roleHost,
	"attend": roleWitness, "witness": roleWitness}

// collectiveWords name the sides of an agreement without naming them:
// "the warring factions", "both sides", "the rivals".
var collectiveWords = set("factions faction sides parties rivals belligerents groups delegations")

// indexSpaced is strings.Index(s, phrase+" "), without building the
// pattern.
func indexSpaced(s, phrase string) int {
	for off := 0; off <= len(s); {
		k := strings.Index(s[off:], phrase)
		if k < 0 {
			return -1
		}
		if e := off + k + len(phrase); e < len(s) && s[e] == ' ' {
			return off + k
		}
		off += k + 1
	}
	return -1
}

// sideRoles gives the actors of a sentence that help an agreement along
// their role: after a cue phrase, before a helping noun, or subject of a
// helping verb. Actors in a place phrase ("in Saudi Arabia", "in the
// Saudi port city of Jeddah") are hosts when countries, else left out.
func (st *state) sideRoles(x *sent) map[string]string {
	roles := map[string]string{}
	text := x.s.Text
	// after a cue phrase, up to the end of its noun phrase
	for _, c := range sideCues {
		for from := 0; ; {
			k := indexSpaced(x.low[from:], c.phrase)
			if k < 0 {
				break
			}
			a := from + k + len(c.phrase) + 1
			b := phraseEnd(text, a)
			for mi := range x.ments {
				m := &x.ments[mi]
				rel := m.Start - x.s.Start
				if m.ActorID != "" && rel >= a && rel < b {
					roles[m.ActorID] = c.role
				}
			}
			from = a
		}
	}
	// before a helping noun: "US and Saudi mediators"
	for mi := len(x.ments) - 1; mi >= 0; mi-- {
		m := &x.ments[mi]
		if m.ActorID == "" {
			continue
		}
		next := nextWordLower(x.s.Text, m.End-x.s.Start)
		if r, ok := sideNouns[next]; ok {
			roles[m.ActorID] = r
			// "US and Saudi mediators": the actors joined to it by "and"
			for k := mi - 1; k >= 0; k-- {
				p := &x.ments[k]
				gap := strings.TrimSpace(text[p.End-x.s.Start : x.ments[k+1].Start-x.s.Start])
				if p.ActorID == "" || (gap != "and" && gap != "," && gap != ", and" && gap != "the") {
					break
				}
				roles[p.ActorID] = r
			}
		}
	}
	// the subject of a helping verb: "Oman said it brokered", "the UN,
	// which brokered the deal"
	for _, h := range x.hits {
		r, ok := sideVerbs[h.e.lemma]
		if !ok || !h.verb || h.neg || isPassive(x.toks, h.i) {
			continue
		}
		// the nearest actor before the verb, with those joined to it by
		// "and" ("Qatar and Egypt, which brokered"): not every actor of
		// the sentence ("A and B agreed …, Ochieng said after hosting")
		trig := x.s.Start + x.toks[h.i].s
		last := -1
		for mi := range x.ments {
			if m := &x.ments[mi]; m.ActorID != "" && m.End <= trig && !st.inBetween(x, m) {
				last = mi
			}
		}
		for mi := last; mi >= 0; mi-- {
			m := &x.ments[mi]
			if m.ActorID == "" {
				continue
			}
			if mi < last {
				n := &x.ments[mi+1]
				gap := strings.TrimSpace(text[m.End-x.s.Start : n.Start-x.s.Start])
				if gap != "and" && gap != "," && gap != ", and" && gap != "'s" && gap != "’s" {
					break
				}
			}
			if _, has := roles[m.ActorID]; !has {
				roles[m.ActorID] = r
			}
		}
	}
	// place phrases
	for mi := range x.ments {
		m := &x.ments[mi]
		if m.ActorID == "" {
			continue
		}
		if _, has := roles[m.ActorID]; has {
			continue
		}
		if p := x.precedingWord(m.Start - x.s.Start); p == "in" || p == "at" {
			if a := st.actors[m.ActorID]; a != nil && a.Kind == graph.Country {
				roles[m.ActorID] = roleHost
			} else {
				roles[m.ActorID] = "place"
			}
		}
	}
	return roles
}

// phraseEnd is where the noun phrase that starts at a ends: at a
// punctuation mark, or at "and" before a lower-case word that is no
// determiner ("brokered by the AU and signed in …").
func phraseEnd(text string, a int) int {
	for i := a; i < len(text); i++ {
		switch text[i] {
		case ',', ';', '.', ':', '(', ')', '"':
			return i
		case ' ':
			if strings.HasPrefix(text[i:], " and ") {
				w := strings.ToLower(nextWordLower(text, i+5))
				if w != "" && text[i+5] >= 'a' && text[i+5] <= 'z' && !determiners.has(w) {
					return i
				}
			}
			if strings.HasPrefix(text[i:], " to ") || strings.HasPrefix(text[i:], " on ") || strings.HasPrefix(text[i:], " that ") {
				return i
			}
		}
	}
	return len(text)
}

// inBetween reports whether a mention stands in a "between A and B"
// phrase.
func (st *state) inBetween(x *sent, m *mention.Mention) bool {
	rel := m.Start - x.s.Start
	k := strings.LastIndex(x.low[:rel], "between ")
	if k < 0 {
		return false
	}
	return !strings.ContainsAny(x.s.Text[k:rel], ",;")
}

// agreementSides finds the parties and signatories of an agreement made by
// hit h, and the helpers of the sentence.
func (st *state) agreementSides(x *sent, h hit, cl [][2]int, cue *agreementCue) {
	roles := st.sideRoles(x)
	cue.helpers = roles
	lo, hi := clauseBounds(x, h, cl)
	trig := x.s.Start + x.toks[h.i].s
	after := x.s.Start + x.toks[h.j-1].e
	// "A, which controls X, signed": the subject stands before the
	// relative clause, whose own actors are no party
	skipFrom, skipTo := -1, -1
	if r := cl[h.clause][0]; r < h.i && (x.toks[r].lw == "which" || x.toks[r].lw == "who" || x.toks[r].w == "," && r+1 < h.i && (x.toks[r+1].lw == "which" || x.toks[r+1].lw == "who")) && h.clause > 0 {
		if pc := lastCommaBefore(x, h.i, lo); pc > lo {
			skipFrom, skipTo = lo, pc
			lo = x.s.Start + x.toks[cl[h.clause-1][0]].s
		}
	}
	// a subject after a complementizer: "reported that A and B agreed"
	for k := h.i - 1; k >= 0 && x.s.Start+x.toks[k].s >= lo; k-- {
		if x.toks[k].lw == "that" && k > 0 && !x.toks[k-1].punct {
			lo = x.s.Start + x.toks[k].e
			break
		}
	}
	// "Meeting in Jeddah, A and B signed": the subject after the comma
	if pc := lastCommaBefore(x, h.i, lo); pc > lo && skipFrom < 0 {
		if st.hasActorIn(x, pc, trig) {
			// a list of sides stays whole: "in Nairobi, Kenya, Uganda and
			// Tanzania signed" keeps Kenya
			lo = st.listStart(x, pc, lo)
		}
	}
	var ids []string
	for mi := range x.ments {
		m := &x.ments[mi]
		if m.Start >= skipFrom && m.End <= skipTo {
			continue
		}
		if m.ActorID == "" {
			// "the Damascus government": a capital's government is its country
			if id := st.capitalGovernment(x, m); id != "" && m.Start >= after && m.End <= hi && st.inWithOrBetween(x, m, after) {
				ids = append(ids, id)
			}
			continue
		}
		if roles[m.ActorID] != "" {
			continue
		}
		switch {
		case m.Start >= lo && m.End <= trig && !inQuote(x, m.Start):
			ids = append(ids, m.ActorID)
		case m.Start >= after && m.End <= hi && st.inWithOrBetween(x, m, after):
			ids = append(ids, m.ActorID)
		case st.inBetween(x, m) && st.agreementNounBefore(x, m):
			ids = append(ids, m.ActorID)
		}
	}
	// an "A-B deal": two actors joined by a hyphen before the agreement noun
	for mi := 0; mi+1 < len(x.ments); mi++ {
		m, n := &x.ments[mi], &x.ments[mi+1]
		if m.ActorID == "" || n.ActorID == "" || roles[m.ActorID] != "" || roles[n.ActorID] != "" {
			continue
		}
		gap := x.s.Text[m.End-x.s.Start : n.Start-x.s.Start]
		if gap == "-" || gap == "–" || gap == "—" || gap == "/" {
			if rest := strings.ToLower(x.s.Text[min(n.End-x.s.Start, len(x.s.Text)):]); startsWithAgreementNoun(rest) {
				ids = append(ids, m.ActorID, n.ActorID)
			}
		}
	}
	if len(ids) == 0 {
		ids = st.coordinatedSubject(x, h, roles)
	}
	for _, id := range ids {
		a := st.actors[id]
		if a == nil {
			continue
		}
		if a.Kind == graph.Person {
			cue.signatories = appendNew(cue.signatories, id)
			continue
		}
		cue.parties = appendNew(cue.parties, id)
	}
	// the signatories' countries are parties
	for _, id := range cue.signatories {
		if c := st.countryActor(st.actors[id]); c != "" && roles[c] == "" {
			cue.parties = appendNew(cue.parties, c)
		}
	}
	// "the warring factions", "both sides": sides the sentence does not name
	for k := lastTokenAt(x, lo); k < h.i && k < len(x.toks); k++ {
		if collectiveWords.has(x.toks[k].lw) {
			cue.collective = true
		}
	}
	// "The two leaders signed …", "Both countries agreed …": the pair the
	// sentences before named
	if len(cue.parties) < 2 {
		if kind := pairSubject(x, lastTokenAt(x, lo), h.i); kind != "" {
			st.previousPair(x, kind, cue)
		}
	}
	// "X and Y signed a fisheries treaty in 1990. An additional protocol was
	// signed in 2004": a signing in the passive with no side of its own
	// right after one between two sides is theirs
	if len(cue.parties) == 0 && len(cue.signatories) == 0 && h.verb && isPassive(x.toks, h.i) && !byAfter(x, h) {
		for i := len(st.cands) - 1; i >= 0; i-- {
			c := st.cands[i]
			if c.sent != x.idx-1 || st.sents[c.sent].para != x.para {
				continue
			}
			if c.agree != nil && len(c.agree.parties) >= 2 {
				cue.parties = append(cue.parties, c.agree.parties...)
				break
			}
		}
	}
}

// coordinatedSubject is the subject of the verb a verb right after "and"
// is coordinated with, when its own clause names no side: "A and B have
// been negotiating for years, and agreed in March on a plan" (the actors
// before the last finite verb before it, back to the sentence's start or
// a "that" opening its clause).
func (st *state) coordinatedSubject(x *sent, h hit, roles map[string]string) []string {
	if !h.verb || h.i < 1 || x.toks[h.i-1].lw != "and" {
		return nil
	}
	last := -1
	for _, g := range x.hits {
		if g.i >= h.i {
			break
		}
		if g.verb && !g.inf {
			last = g.i
		}
	}
	if last < 0 {
		return nil
	}
	for k := last + 1; k < h.i; k++ {
		if x.toks[k].lw == "that" {
			return nil // "announced that a delegation arrived … and signed": another clause's verb
		}
	}
	lo := x.s.Start + x.dateline
	for k := last - 1; k > 0; k-- {
		if x.toks[k].lw == "that" && !x.toks[k-1].punct {
			lo = x.s.Start + x.toks[k].e // "announced that a delegation arrived … and signed"
			break
		}
	}
	end := x.s.Start + x.toks[last].s
	var ids []string
	for mi := range x.ments {
		m := &x.ments[mi]
		if m.ActorID == "" || roles[m.ActorID] != "" || m.Start < lo || m.End > end || inQuote(x, m.Start) {
			continue
		}
		ids = append(ids, m.ActorID)
	}
	return ids
}

// byAfter reports whether the passive verb of hit h has an agent ("was
// signed by the two ministers").
func byAfter(x *sent, h hit) bool {
	for k := h.j; k < len(x.toks) && k < h.j+4; k++ {
		if x.toks[k].lw == "by" {
			return true
		}
		if x.toks[k].punct {
			return false
		}
	}
	return false
}

// pairPersons and pairCountries are the nouns of "the two …" and "both …"
// subjects that name a pair of persons or of countries.
var (
	pairPersons   = set("leaders leader ministers presidents premiers officials counterparts envoys heads men")
	pairCountries = set("countries nations governments states neighbours neighbors capitals sides armies navies militaries ministries delegations administrations authorities")
)

// pairSubject reports the kind of pair ("person" or "country") a subject
// between tokens lo and hi names as "the two X" or "both X", or "".
func pairSubject(x *sent, lo, hi int) string {
	for k := lo; k+1 < hi && k+1 < len(x.toks); k++ {
		if w := x.toks[k].lw; w != "two" && w != "both" {
			continue
		}
		// "the two foreign ministers": the noun within two words
		for n := k + 1; n < hi && n <= k+3; n++ {
			switch {
			case x.toks[n].lw == "warring" || x.toks[n].lw == "rival":
				return "" // "the two rival sides": armed parties, not states
			case pairPersons.has(x.toks[n].lw):
				return "person"
			case pairCountries.has(x.toks[n].lw):
				return "country"
			}
		}
	}
	return ""
}

// previousPair adds to cue the last two persons (as signatories, with
// their countries as parties) or countries the two sentences before x in
// its paragraph name.
func (st *state) previousPair(x *sent, kind string, cue *agreementCue) {
	found := st.pairBefore(x, kind)
	if len(found) < 2 {
		return
	}
	for _, id := range found {
		if kind == "country" {
			cue.parties = appendNew(cue.parties, id)
			continue
		}
		cue.signatories = appendNew(cue.signatories, id)
		if c := st.countryActor(st.actors[id]); c != "" {
			cue.parties = appendNew(cue.parties, c)
		}
	}
}

// pairBefore returns the pair of persons or countries (kind "person" or
// "country") that "the two …" refers to: the first two a recent sentence
// names together (up to four sentences back, in x's paragraph or the two
// before, not the headline), else the last two the sentences before name,
// else the article's principal pair, else fewer.
func (st *state) pairBefore(x *sent, kind string) []string {
	of := func(p *sent) []string {
		var ids []string
		for mi := range p.ments {
			a := st.actors[p.ments[mi].ActorID]
			if a == nil || slices.Contains(ids, a.ID) {
				continue
			}
			if kind == "person" && a.Kind == graph.Person || kind == "country" && a.Kind == graph.Country {
				ids = append(ids, a.ID)
			}
		}
		return ids
	}
	var recent []string // the last ones named, latest first
	for i := x.idx - 1; i >= 0 && i >= x.idx-4; i-- {
		p := st.sents[i]
		if p.para < x.para-2 || st.isHeadline(i) {
			break
		}
		ids := of(p)
		if len(ids) == 2 {
			if p.para != x.para {
				// from an earlier paragraph, "the two governments" are the
				// article's principal pair when it has one
				if pp := st.principalPair(x, kind); pp != nil {
					return pp
				}
			}
			return ids
		}
		if len(ids) > 2 {
			continue // "co-chaired by France, Russia and the US": not a pair
		}
		for k := len(ids) - 1; k >= 0; k-- {
			if !slices.Contains(recent, ids[k]) {
				recent = append(recent, ids[k])
			}
		}
	}
	if len(recent) > 2 {
		recent = recent[:2]
	}
	if len(recent) < 2 {
		// the pair is named only paragraphs back ("the two governments
		// signed a treaty in 1961" far below): the article's principal
		// pair when it has one
		if pp := st.principalPair(x, kind); pp != nil {
			return pp
		}
	}
	return recent
}

// principalPair is the two actors of kind ("person", "country") named
// most often in the article up to sentence x, each at least twice and
// more often than any other, or nil.
func (st *state) principalPair(x *sent, kind string) []string {
	n := map[string]int{}
	var order []string
	for i := 0; i <= x.idx && i < len(st.sents); i++ {
		for mi := range st.sents[i].ments {
			a := st.actors[st.sents[i].ments[mi].ActorID]
			if a == nil || !(kind == "person" && a.Kind == graph.Person || kind == "country" && a.Kind == graph.Country) {
				continue
			}
			if n[a.ID] == 0 {
				order = append(order, a.ID)
			}
			n[a.ID]++
		}
	}
	slices.SortStableFunc(order, func(a, b string) int { return n[b] - n[a] })
	if len(order) < 2 || n[order[1]] < 2 || len(order) > 2 && n[order[2]] == n[order[1]] {
		return nil
	}
	return order[:2]
}

// lastCommaBefore is the article offset after the last comma between lo
// and token i, or -1.
func lastCommaBefore(x *sent, i, lo int) int {
	for k := i - 1; k >= 0 && x.s.Start+x.toks[k].s >= lo; k-- {
		if x.toks[k].w == "," {
			return x.s.Start + x.toks[k].e
		}
	}
	return -1
}

// lastTokenAt is the index of the first token at or after article offset
// off.
func lastTokenAt(x *sent, off int) int {
	// the tokens are in order: a binary search, as callers loop over a
	// sentence's mentions
	return sort.Search(len(x.toks), func(k int) bool { return x.s.Start+x.toks[k].s >= off })
}

// hasActorIn reports whether an actor mention lies in [a, b).
func (st *state) hasActorIn(x *sent, a, b int) bool {
	for mi := range x.ments {
		m := &x.ments[mi]
		if m.ActorID != "" && m.Start >= a && m.End <= b {
			return true
		}
	}
	return false
}

// inWithOrBetween reports whether a mention after the trigger stands in a
// "with …" or "between …" phrase of the clause ("agreed with B", "signed a
// deal with the Damascus government").
func (st *state) inWithOrBetween(x *sent, m *mention.Mention, after int) bool {
	seg := x.low[after-x.s.Start : m.Start-x.s.Start]
	k := max(strings.LastIndex(seg, "with "), strings.LastIndex(seg, "between "))
	if k < 0 {
		return false
	}
	return !strings.ContainsAny(seg[k:], ",;")
}

// agreementNounBefore reports whether an agreement noun stands before the
// "between" of a mention ("a prisoner exchange between Iran and Belgium").
func (st *state) agreementNounBefore(x *sent, m *mention.Mention) bool {
	rel := m.Start - x.s.Start
	k := strings.LastIndex(x.low[:rel], "between ")
	if k < 0 {
		return false
	}
	before := strings.TrimSpace(x.low[:k])
	for _, n := range agreementNouns {
		if strings.HasSuffix(before, n) {
			return true
		}
	}
	return false
}

// agreementNouns are the nouns of agreement kinds, as they end a phrase.
var agreementNouns = []string{"agreement", "agreements", "deal", "deals", "accord", "accords", "treaty", "pact", "memorandum",
	"memorandum of understanding", "mou", "ceasefire", "cease-fire", "truce", "exchange", "swap", "declaration", "protocol", "charter", "armistice", "understanding"}

// startsWithAgreementNoun reports whether a lower-case text starts (after
// at most two modifiers) with an agreement noun: " border deal", " MoU".
func startsWithAgreementNoun(rest string) bool {
	f := strings.Fields(rest)
	for i := 0; i < len(f) && i < 3; i++ {
		w := strings.Trim(f[i], ",.;:\"“”")
		for _, n := range agreementNouns {
			if w == n {
				return true
			}
		}
	}
	return false
}

// countryActor is the article's actor of a person's or body's country,
// or "".
func (st *state) countryActor(a *graph.Actor) string {
	if a == nil || a.Country == "" {
		return ""
	}
	for _, o := range st.res.Actors {
		if o.Kind == graph.Country && o.Country == a.Country {
			return o.ID
		}
	}
	return ""
}

// appendNew appends id unless the list holds it.
func appendNew(ids []string, id string) []string {
	for _, x := range ids {
		if x == id {
			return ids
		}
	}
	return append(ids, id)
}

// capitalGovernment is the country actor of "the <capital> government"
// ("the Damascus government", "Kabul authorities"), or "".
func (st *state) capitalGovernment(x *sent, m *mention.Mention) string {
	if m.PlaceID == "" {
		return ""
	}
	switch nextWordLower(x.s.Text, m.End-x.s.Start) {
	case "government", "authorities", "administration", "regime", "leadership":
	default:
		return ""
	}
	p := st.places[m.PlaceID]
	if p == nil || p.Country == "" {
		return ""
	}
	if c, ok := gazetteer.CountryByCode(p.Country); !ok || !strings.EqualFold(c.Capital, p.Name) {
		return ""
	}
	for _, o := range st.res.Actors {
		if o.Kind == graph.Country && o.Country == p.Country {
			return o.ID
		}
	}
	return ""
}

// listStart extends the subject that starts at article offset pc (right
// after a comma) back over the items of a list it ends ("Kenya, Uganda and
// Tanzania"): each actor named alone between two commas before it, down to
// lo. It returns the new start.
func (st *state) listStart(x *sent, pc, lo int) int {
	for {
		// the actor mention ending right before this comma
		var m *mention.Mention
		for mi := range x.ments {
			mm := &x.ments[mi]
			if mm.ActorID != "" && mm.End+1 == pc && mm.Start >= lo {
				m = mm
			}
		}
		if m == nil {
			return pc
		}
		// the item must stand alone after a comma (a list), not close a
		// phrase ("in Nairobi, Kenya …": Nairobi is a place, no actor)
		prev := strings.TrimRight(x.s.Text[:m.Start-x.s.Start], " ")
		if !strings.HasSuffix(prev, ",") {
			return pc
		}
		pc = x.s.Start + len(prev)
	}
}
