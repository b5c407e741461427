package extract

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	graph "eventgraph/graph/model" // types only: extraction must not link the store
	"eventgraph/loader/mention"
	"eventgraph/loader/timex"
)

// irregularPast are past forms the suffix test misses.
var irregularPast = set("said told met held spoke struck sworn fought caught withdrew broke overthrew built beat began took gave sent left led made brought won lost shot hit cut shut put set read")

// sentence finds the events of one sentence.
func (st *state) sentence(x *sent) {
	x.exprs = timex.FindLower(x.s.Text, x.low, timex.Context{Published: st.pub, Ref: st.ref})
	cl := clauses(x.toks)
	hits := st.findHits(x, cl)
	x.hits = hits
	used := make([]bool, len(hits))
	var made []*cand

	// 1. anchored time: the trigger inside the named happening gets the date
	for _, ex := range x.exprs {
		if !ex.Anchored {
			continue
		}
		for hi, h := range hits {
			if used[hi] || x.toks[h.i].s < ex.TargetStart || x.toks[h.i].e > ex.TargetEnd {
				continue
			}
			c := st.newCand(x, h, cl)
			c.ev.Date = ex.Span
			c.explicit = true
			// "the minister's statements come two weeks after X": whoever the
			// rest of the sentence names is related to X
			for _, id := range st.actorsOutside(x, ex.TargetStart, ex.TargetEnd) {
				c.addParticipant(id, "related")
			}
			used[hi] = true
			made = append(made, c)
			break
		}
	}

	// 2. verbs: statements with what they report, orders, light verbs, happenings
	for hi, h := range hits {
		if used[hi] || !h.verb || h.neg || h.prepIng {
			continue
		}
		if h.inf && !h.planned {
			continue
		}
		class := h.e.class
		if class == light && h.e.cameo != "" && lightObject(x, hits, used, hi, cl) < 0 {
			// a support verb with a code of its own and no event noun:
			// "launched in 2019" is a launch
			class = material
		}
		switch class {
		case speech:
			used[hi] = true
			speaker := st.speakerOf(x, h, cl)
			if speaker != "" {
				st.lastSpeaker = speaker
			}
			rep := st.reported(x, hits, used, hi, cl)
			if rep < 0 && st.ordersIn(x, hits, used, hi, cl) {
				// "the source disclosed that Mikati had instructed …": the order is the event
				continue
			}
			if rep < 0 {
				if coop := st.cooperationCue(x, hits, hi, cl); coop != nil && len(made) > 0 {
					markCooperate(hits, used, hi)
					// "met … and announced they would cooperate": the cooperation
					// is what the meeting agreed
					t := made[len(made)-1]
					if t.agree == nil {
						t.agree = coop
					} else {
						t.agree.merge(coop)
					}
					continue
				}
				c := st.untitledCand(x, h, cl) // titled below, with its own participants
				c.agree = st.cooperationCue(x, hits, hi, cl)
				if speaker == "" && c.agree == nil {
					// "reports suggested …": a statement nobody makes is no event
					continue
				}
				if attributionAfterComma(x.toks, h.i) && len(made) > 0 {
					// "X agreed to meet, the ministry said on Thursday": the
					// attribution only sources the happening already made
					continue
				}
				// a statement's participants: its speaker and whom it was told to
				c.ev.Participants = nil
				if speaker != "" {
					c.speaker = speaker
					c.addParticipant(speaker, "source")
				}
				if r := root2(h.e.cameo); r == "10" || r == "11" || r == "12" || r == "13" {
					// "Moscow accused Kyiv of …", "condemned Israel": whom the
					// demand, criticism, rejection or threat is aimed at
					if to := st.firstActorFrom(x, x.s.Start+x.toks[h.j-1].e); len(to) > 0 && to[0] != speaker && x.s.Start+x.toks[h.j-1].e+3 >= st.mentionStart(x, to[0]) {
						c.addParticipant(to[0], "target")
					}
				}
				if h.e.lemma == "tell" || h.e.lemma == "inform" {
					if to := st.firstActorFrom(x, x.s.Start+x.toks[h.j-1].e); len(to) > 0 && to[0] != speaker && x.s.Start+x.toks[h.j-1].e+3 >= st.mentionStart(x, to[0]) {
						c.addParticipant(to[0], "target")
					}
				}
				c.ev.Title = st.title(x, h, cl, c)
				made = append(made, c)
				continue
			}
			used[rep] = true
			c := st.newCand(x, hits[rep], cl)
			own := false
			if hits[rep].i > h.i {
				// "X said police arrested …", "X told reporters that 12
				// militants were killed": the actors named with the speaker
				// take no part in what the complement reports, and the
				// speaker does only when the complement has no subject of
				// its own ("said it arrested")
				own = hits[rep].verb && ownSubject(x, h, hits[rep])
				c.dropActorsBefore(x, x.s.Start+x.toks[h.j-1].e, "target")
				if own && speaker != "" {
					// "the army spokesman said security forces arrested …":
					// not the spokesman but his country's forces acted
					st.speakerToCountry(x, c, speaker, x.s.Start+x.toks[h.j-1].e)
				}
			}
			if !c.hasRole("source") && speaker != "" && !own {
				c.addParticipant(speaker, "source")
			}
			if hits[rep].i > h.i {
				c.ev.Title = st.title(x, hits[rep], cl, c)
			}
			made = append(made, c)
			// "said on Monday that ISIS attacked the base on Saturday": two
			// dates, two events — the statement and what it reports
			if sd, rd := speechDate(x, h), nearDate(x, hits[rep]); speaker != "" && sd != nil && rd != nil && sd.Span.Value != rd.Span.Value {
				sc := st.untitledCand(x, h, cl) // titled below
				sc.ev.Participants = nil
				sc.speaker = speaker
				sc.addParticipant(speaker, "source")
				sc.ev.Title = st.title(x, h, cl, sc)
				sc.ev.Date, sc.explicit = sd.Span, true
				made = append(made, sc)
				c.ev.Date, c.explicit = rd.Span, true
			}
		case order:
			used[hi] = true
			rep := complementHit(x, hits, used, hi, cl, true)
			if rep < 0 {
				continue
			}
			used[rep] = true
			c := st.newCand(x, hits[rep], cl)
			c.ev.Status = graph.Reported
			c.ev.Participants = nil
			for _, id := range st.actorsBefore(x, h, cl) {
				c.addParticipant(id, "source")
			}
			for _, id := range st.actorsAfter(x, hits[rep], cl) {
				c.addParticipant(id, "target")
			}
			made = append(made, c)
		case light:
			used[hi] = true
			rep := lightObject(x, hits, used, hi, cl)
			if rep < 0 {
				continue
			}
			used[rep] = true
			hr := hits[rep]
			hr.planned = hr.planned || h.planned
			c := st.newCand(x, hr, cl)
			c.trig = x.s.Start + x.toks[h.i].s
			// "The raid took place on Tuesday."
			c.datesBack = !hr.verb && hr.det && hr.i <= 2 && hr.j <= h.i
			// "the commissions of A and B held a meeting": the light verb's subject takes part
			for _, id := range st.mainActors(st.actorsBefore(x, h, cl)) {
				c.addParticipant(id, "participant")
			}
			if hr.i > h.i && len(c.ev.Participants) == 0 {
				// "Police used water cannon": with no actor to lead a noun's
				// title, the support verb's subject and object do, when it
				// has one
				if subj, _ := st.titleSubject(x, h, cl, c); subj != "" {
					c.ev.Title = st.title(x, h, cl, c)
				}
			}
			made = append(made, c)
		default:
			// an intent verb with an infinitive ("plans to meet") yields the
			// planned happening instead
			intentCode := ""
			if h.e.cameo == "030" {
				if k := hi + 1; k < len(hits) && hits[k].inf && hits[k].i-h.j <= 2 {
					if h.e.lemma == "plan" {
						used[hi] = true
						continue
					}
					// "offered to mediate", "pledged to send aid": the
					// intent is the event, coded by what is intended
					used[k] = true
					intentCode = intentOf(hits[k].e.cameo)
				} else if h.e.lemma != "plan" {
					// "pledged $500 million in aid": what is pledged codes it
					for k := hi + 1; k < len(hits) && hits[k].i-h.j <= 6 && hits[k].clause == h.clause; k++ {
						if g := hits[k]; !g.verb && !used[k] && g.e.cameo != "" {
							used[k] = true
							intentCode = intentOf(g.e.cameo)
							break
						}
					}
				}
			}
			used[hi] = true
			if h.e.dict && handHappening(x, hits, h) {
				// the dictionary fills gaps: a sentence whose happening a
				// hand-written trigger names gets no second, looser reading
				continue
			}
			c := st.untitledCand(x, h, cl) // titled once kept
			if end := speechBefore(x, h); end >= 0 {
				// "the ministry said 63 were detained and 11 officers were
				// injured": the speaker's side is no target of what it reports
				c.dropActorsBefore(x, end, "target")
			}
			if intentCode != "" {
				c.ev.CAMEO, c.ev.Type = intentCode, lex().typeOf(intentCode, "")
			}
			if h.e.lemma == "agree" && consultFollows(x, hits, hi) {
				// "agreed to meet soon": CAMEO's intent to meet, no agreement yet
				c.ev.CAMEO, c.ev.Type = "036", lex().typeOf("036", "")
			}
			if h.e.dict && !c.hasRole("source") && (len(c.ev.Participants) == 0 || h.e.cameo == "") && !agentSubject(x, h, cl) {
				// a dictionary verb names a political event only with an
				// actor or an agent ("police", "insurgents") doing it, or a
				// coded one with an actor it is done to
				continue
			}
			c.ev.Title = st.title(x, h, cl, c)
			made = append(made, c)
		}
	}

	// 3. nouns: a happening named by a noun, with a date of its own, in a
	// clause without another event; a definite noun refers back.
	for hi, h := range hits {
		if used[hi] || h.verb || h.neg {
			continue
		}
		if h.numbered && nearExpr(x, h) == nil && !clauseHasEvent(made, x, cl, h.clause) {
			made = append(made, st.newCand(x, h, cl))
			continue
		}
		if h.det && nearExpr(x, h) == nil {
			c := st.newCand(x, h, cl)
			c.definite = true
			made = append(made, c)
			continue
		}
		if ex := nearExpr(x, h); ex != nil && (premodifier(x, h, ex) || !clauseHasEvent(made, x, cl, h.clause) && !hitBetween(x, h, ex)) {
			c := st.newCand(x, h, cl)
			// "The attack happened on Sunday night." after the attack was
			// told: a definite subject with a date of its own dates it
			c.datesBack = h.det && h.i <= 2
			made = append(made, c)
		}
	}

	st.appositionCue(x, made)
	st.agreementFollowUp(x, made)

	// 4. dates
	for _, c := range made {
		if !c.explicit {
			st.date(x, c, cl, made)
		}
		if c.explicit && c.ev.Date.Precision == graph.Day && c.ev.Status != graph.Planned {
			st.ref = c.ev.Date
		}
	}
	for mi := range x.ments {
		m := &x.ments[mi]
		if m.Kind == mention.Kind("PERSON") && m.ActorID != "" {
			st.lastPer = m.ActorID
		}
	}
	st.cands = append(st.cands, made...)
}

// clauseHasEvent reports whether an event made so far stands in clause c.
func clauseHasEvent(made []*cand, x *sent, cl [][2]int, c int) bool {
	for _, m := range made {
		if m.definite {
			continue
		}
		if m.sent == x.idx && m.trig >= x.s.Start+x.toks[cl[c][0]].s && m.trig < x.s.Start+x.toks[cl[c][1]-1].e {
			return true
		}
	}
	return false
}

// nearExpr is a non-anchored time expression close to a noun trigger:
// "the meeting on Wednesday", "victory over ISIS in 2017".
func nearExpr(x *sent, h hit) *timex.Expr {
	a, b := x.toks[h.i].s, x.toks[h.j-1].e
	for k := range x.exprs {
		ex := &x.exprs[k]
		if ex.Anchored || ex.Span.Precision == graph.Unknown {
			continue
		}
		if ex.Start >= b && ex.Start-b <= 60 && !strings.ContainsAny(x.s.Text[b:ex.Start], ",;") {
			return ex
		}
		if ex.End <= a && a-ex.End <= 20 {
			return ex
		}
	}
	return nil
}

// reported finds the happening a statement reports: a finite material verb
// in its complement ("said it arrested"), or a material noun it announces
// ("announced the defeat of ISIS"). It returns the hit's index or -1.
func (st *state) reported(x *sent, hits []hit, used []bool, si int, cl [][2]int) int {
	h := hits[si]
	lo, hi := h.j, cl[h.clause][1]
	// "“…,” the minister said": the quotation before the verb is the complement
	if q := quoteBefore(x.toks, h.i); q >= 0 {
		lo, hi = q, h.i
	}
	for k, g := range hits {
		if k == si || used[k] || g.neg || g.prepIng || g.i < lo || g.i >= hi {
			continue
		}
		if g.e.class == speech || g.e.class == light {
			continue
		}
		if g.e.dict && g.e.cameo == "" {
			continue // "said the swap showed …": an uncoded verb reports no happening
		}
		if g.verb && !g.inf && !g.planned {
			return k
		}
		if !g.verb && (h.e.lemma == "announce" || h.e.lemma == "declare" || h.e.lemma == "confirm" || h.e.lemma == "reveal") && g.i-h.j <= 6 {
			return k
		}
	}
	// a trailing attribution: "Belgium released X, the minister said"
	if attributionAfterComma(x.toks, h.i) {
		for k := si - 1; k >= 0; k-- {
			g := hits[k]
			if !used[k] && g.verb && !g.inf && !g.planned && !g.neg && !g.prepIng && g.e.class == material {
				return k
			}
		}
	}
	return -1
}

// attributionAfterComma reports whether the speech verb at i closes its
// sentence after a comma: "…, the minister said", "…, said the minister".
func attributionAfterComma(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if toks[k].w == "," {
			return true
		}
		if toks[k].punct && toks[k].w != "." && toks[k].w != "'" && toks[k].w != "’" {
			return false
		}
	}
	return false
}

// intentOf is the CAMEO code of an intent to do what code codes: 039 to
// mediate, 036 to meet or negotiate, 033 to give aid, 031 to cooperate
// materially, else 030.
func intentOf(code string) string {
	switch {
	case strings.HasPrefix(code, "045"):
		return "039"
	case strings.HasPrefix(code, "04"):
		return "036"
	case strings.HasPrefix(code, "07"):
		return "033"
	case strings.HasPrefix(code, "06"):
		return "031"
	}
	return "030"
}

// consultFollows reports whether an infinitive of meeting or talks
// follows the verb of hits[hi]: "agreed to meet", "agreed on Monday to hold
// talks".
func consultFollows(x *sent, hits []hit, hi int) bool {
	h := hits[hi]
	to := -1
	for k := h.j; k < len(x.toks) && k < h.j+5 && !x.toks[k].punct; k++ {
		if x.toks[k].lw == "to" {
			to = k
			break
		}
	}
	if to < 0 {
		return false
	}
	for k := hi + 1; k < len(hits) && hits[k].i-to <= 4; k++ {
		g := hits[k]
		if g.i <= to {
			continue
		}
		if strings.HasPrefix(g.e.cameo, "04") || (g.e.class == light && k+1 < len(hits) && strings.HasPrefix(hits[k+1].e.cameo, "04") && hits[k+1].i-to <= 5) {
			return true
		}
	}
	return false
}

// lightObject finds the event noun a support verb governs ("held talks",
// "conducted airstrikes", "a meeting held on Wednesday"), or -1.
func lightObject(x *sent, hits []hit, used []bool, hi int, cl [][2]int) int {
	if rep := complementHit(x, hits, used, hi, cl, false); rep >= 0 {
		return rep
	}
	// the noun stands right before: "a meeting held on Wednesday"
	if k := hi - 1; k >= 0 && !used[k] && !hits[k].verb && hits[hi].i-hits[k].j <= 1 {
		return k
	}
	return -1
}

// complementHit finds the happening an order or a light verb governs: the
// first material trigger after it in its clause (infinitives and nouns
// count when loose is true; for light verbs only nouns).
func complementHit(x *sent, hits []hit, used []bool, oi int, cl [][2]int, loose bool) int {
	h := hits[oi]
	for k, g := range hits {
		if k <= oi || used[k] || g.neg || g.i >= cl[h.clause][1] {
			continue
		}
		if g.e.class != material {
			continue
		}
		if loose || (!g.verb && g.i-h.j <= 4) {
			return k
		}
	}
	return -1
}

// quoteBefore returns the index of the token after the opening quotation
// mark when a quotation ends right before token i ("…,” X said"), else -1.
func quoteBefore(toks []token, i int) int {
	k := i - 1
	// skip the speaker's name before the verb: “…,” Rahmoun said
	for n := 0; k >= 0 && n < 6 && !isCloseQuote(toks[k].w); n++ {
		if toks[k].punct && toks[k].w != "." && toks[k].w != "-" {
			if toks[k].w != "," {
				return -1
			}
		}
		k--
	}
	if k < 0 || !isCloseQuote(toks[k].w) {
		return -1
	}
	for j := k - 1; j >= 0; j-- {
		if isOpenQuote(toks[j].w) || (toks[j].w == "\"" && j < k) {
			return j + 1
		}
	}
	return 0
}

func isCloseQuote(w string) bool { return w == "”" || w == "\"" || w == "’" }
func isOpenQuote(w string) bool  { return w == "“" || w == "\"" }

// newCand starts an event for a trigger: type, participants, place and
// title.
func (st *state) newCand(x *sent, h hit, cl [][2]int) *cand {
	c := st.untitledCand(x, h, cl)
	c.ev.Title = st.title(x, h, cl, c)
	return c
}

// untitledCand is newCand without the title, for callers that change the
// participants first or may drop the event (a title is costly to build).
func (st *state) untitledCand(x *sent, h hit, cl [][2]int) *cand {
	t := x.toks[h.i]
	c := &cand{sent: x.idx, trig: x.s.Start + t.s}
	// field by field: assigning a whole Event copies it with write barriers
	c.ev.Type, c.ev.CAMEO, c.ev.Status = h.e.typ, h.e.cameo, graph.Reported
	if h.planned {
		c.ev.Status = graph.Planned
	}
	c.ev.Evidence = []graph.Evidence{{ArticleID: st.art.ID, Sentence: x.s.Text, Start: x.s.Start, End: x.s.End}}
	passive := h.verb && isPassive(x.toks, h.i)
	before := st.actorsBefore(x, h, cl)
	if !passive && h.verb {
		before = st.mainActors(before)
	}
	after := st.actorsAfter(x, h, cl)
	if !h.verb {
		// a noun names its participants around it: "Iraq's victory over
		// ISIS", "the fall of the Assad regime", "talks between A and B"
		before = st.adjacentBefore(x, h, before)
		after = st.withinPhrase(x, h, after)
	}
	switch {
	case !h.verb && (h.e.cameo == "040" || h.e.cameo == "046" || h.e.cameo == "057"):
		for _, id := range append(before, after...) {
			c.addParticipant(id, "participant")
		}
	case passive:
		for _, id := range before {
			c.addParticipant(id, "target")
		}
		for _, id := range after {
			c.addParticipant(id, "source")
		}
	default:
		for _, id := range before {
			c.addParticipant(id, "source")
		}
		role := "target"
		if h.e.cameo == "040" || h.e.cameo == "057" {
			role = "participant"
		}
		for _, id := range after {
			c.addParticipant(id, role)
		}
	}
	if len(before) == 0 && !passive {
		if id := st.implicitSubject(x, h, cl); id != "" {
			c.addParticipant(id, "source")
		} else if kind := pairSubject(x, cl[h.clause][0], h.i); kind != "" && h.verb {
			// "the two sides exchanged prisoners": the pair named before
			if ids := st.pairBefore(x, kind); len(ids) == 2 {
				for _, id := range ids {
					c.addParticipant(id, "source")
				}
			}
		}
	}
	if !h.verb && st.dominant != "" && countryWord(x, h) {
		// "the country's western border": the country the article is about
		c.addParticipant(st.dominant, "participant")
	}
	if !h.verb && len(c.ev.Participants) == 0 {
		// a noun with no actor of its own ("during a press conference on
		// Tuesday"): the clause's main actors
		all := append(st.actorsBefore(x, h, cl), st.actorsAfter(x, h, cl)...)
		for _, id := range st.mainActors(all) {
			c.addParticipant(id, "participant")
		}

	}
	if h.e.cameo == "057" {
		for i := range c.ev.Participants {
			if a := st.actors[c.ev.Participants[i].ActorID]; a != nil && a.Kind == graph.Person {
				c.ev.Participants[i].Role = "signatory"
			}
		}
		c.agree = st.agreementCue(x, h, cl)
	} else if cue := st.agreedCue(x, x.hits, h, cl); cue != nil {
		c.agree = cue
	}
	if c.agree != nil {
		// mediators, hosts and witnesses take part under their own role
		for i := range c.ev.Participants {
			p := &c.ev.Participants[i]
			if r := c.agree.helpers[p.ActorID]; r != "" && r != "place" {
				p.Role = r
			}
		}
		for _, id := range sortedKeys(c.agree.helpers) {
			if r := c.agree.helpers[id]; r == roleMediator || r == roleWitness {
				c.addParticipant(id, r)
			}
		}
		for _, id := range c.agree.parties {
			c.addParticipant(id, "participant")
		}
		c.ev.Participants = dropRole(c.ev.Participants, c.agree.helpers, "place")
	}
	c.ev.PlaceID = st.placeFor(x, h, cl)
	return c
}

func (c *cand) addParticipant(id, role string) {
	for _, p := range c.ev.Participants {
		if p.ActorID == id {
			return
		}
	}
	c.ev.Participants = append(c.ev.Participants, graph.Participation{ActorID: id, Role: role})
}

// speakerToCountry replaces speaker, when it is c's source only for
// being named before the speech verb ending at article offset end, by the
// speaker's country (or, when the article names none, the body the
// speaker speaks for, the organization of his title): they acted; the
// spokesman stays, as the one who reported it (role "speaker").
func (st *state) speakerToCountry(x *sent, c *cand, speaker string, end int) {
	for i, p := range c.ev.Participants {
		if p.ActorID != speaker || p.Role != "source" {
			continue
		}
		if st.mentionStart(x, speaker) >= end {
			return // named in the complement too
		}
		a := st.actors[speaker]
		if a == nil || a.Kind == graph.Country {
			return
		}
		// the body a spokesman speaks for ("police spokesman X": the
		// police), else his country
		var by []string
		if cc := st.countryActor(a); cc != "" {
			by = append(by, cc)
		} else {
			for _, r := range a.Roles {
				if r.OrgID != "" && st.actors[r.OrgID] != nil {
					by = appendNew(by, r.OrgID)
				}
			}
		}
		if len(by) > 0 {
			c.ev.Participants[i].Role = "speaker" // who reported it
			for _, id := range by {
				c.addParticipant(id, "source")
			}
		}
		return
	}
}

// speechBefore returns the article offset where the last speech verb of
// h's clause before h ends ("said", "told"), or -1.
func speechBefore(x *sent, h hit) int {
	end := -1
	for _, g := range x.hits {
		if g.i >= h.i {
			break
		}
		if g.verb && g.e.class == speech && g.clause == h.clause {
			end = x.s.Start + x.toks[g.j-1].e
		}
	}
	return end
}

// dropActorsBefore removes the participants in role that the sentence
// names only before article offset end.
func (c *cand) dropActorsBefore(x *sent, end int, role string) {
	kept := c.ev.Participants[:0]
	for _, p := range c.ev.Participants {
		later := p.Role != role
		for mi := range x.ments {
			if m := &x.ments[mi]; m.ActorID == p.ActorID && m.Start >= end {
				later = true
				break
			}
		}
		if later {
			kept = append(kept, p)
		}
	}
	c.ev.Participants = kept
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

// timeWord is a word of a time expression: "said on Monday it arrested".
func timeWord(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "earlier", "later", "last", "this", "week", "month", "year":
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

func isPassive(toks []token, i int) bool {
	lw := toks[i].lw
	if !(strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "en") || irregularPast.has(lw)) {
		return false
	}
	p := prevWord(toks, i)
	if p < 0 {
		return false
	}
	switch toks[p].lw {
	case "was", "were", "been", "be", "is", "are", "being":
		return true
	}
	return false
}

// clauseBounds returns the byte range (article offsets) of the clause that
// holds h.
func clauseBounds(x *sent, h hit, cl [][2]int) (int, int) {
	r := cl[h.clause]
	return x.s.Start + x.toks[r[0]].s, x.s.Start + x.toks[r[1]-1].e
}

// actorsBefore are the actors of the clause before the trigger (its
// subject); a sentence-initial participle ("Speaking at …, Lavrov
// attributed") takes the actors after its comma instead.
func (st *state) actorsBefore(x *sent, h hit, cl [][2]int) []string {
	lo, _ := clauseBounds(x, h, cl)
	trig := x.s.Start + x.toks[h.i].s
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
	for mi := range x.ments {
		m := &x.ments[mi]
		if m.ActorID != "" && m.Start >= lo && m.End <= trig && !inQuote(x, m.Start) && !backerOf(x, m.Start, lo) {
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

// inQuote reports whether an article offset lies inside quotation marks.
func inQuote(x *sent, off int) bool {
	rel := off - x.s.Start
	if x.quotes == nil {
		x.quotes = quoteMarks(x.s.Text)
	}
	// the opening marks before rel outnumber the closing ones
	i := sort.Search(len(x.quotes), func(i int) bool { return x.quotes[i].at >= rel })
	return i > 0 && x.quotes[i-1].open > 0
}

// quoteMark is a quotation mark of a sentence: its byte offset and how many
// more opening than closing marks stand up to and including it.
type quoteMark struct{ at, open int }

// quoteMarks lists the curly quotation marks of s, with a final sentinel
// that keeps the list non-nil.
func quoteMarks(s string) []quoteMark {
	out := make([]quoteMark, 0, 1)
	open := 0
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], 0xE2) // the first byte of “ and ”
		if k < 0 {
			break
		}
		i += k
		switch {
		case strings.HasPrefix(s[i:], "“"):
			open++
			out = append(out, quoteMark{i, open})
		case strings.HasPrefix(s[i:], "”"):
			open--
			out = append(out, quoteMark{i, open})
		}
		i++
	}
	return append(out, quoteMark{len(s) + 1, open})
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

// hitBetween reports whether another trigger stands between a noun trigger
// and the time expression after it ("the closure followed a clash on
// February 21": the date is the clash's).
func hitBetween(x *sent, h hit, ex *timex.Expr) bool {
	a, b := x.toks[h.j-1].e, ex.Start
	for _, g := range x.hits {
		if g.i != h.i && x.toks[g.i].s >= a && x.toks[g.i].e <= b {
			return true
		}
	}
	return false
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
	trig := x.s.Start + x.toks[h.j-1].e
	var out []string
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

// cooperative reports whether a CAMEO code is of the verbal and material
// cooperation roots (01–08).
func cooperative(code string) bool { return len(code) >= 2 && code[:2] < "09" }

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
			if !st.hasActorBefore(x, k) {
				return st.dominant
			}
		}
	}
	return ""
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

// speakerOf finds who makes a statement: the actor before the verb, the
// actor right after it ("…,” Rahmoun said"; "said Rahmoun"), or a pronoun.
func (st *state) speakerOf(x *sent, h hit, cl [][2]int) string {
	if q := quoteBefore(x.toks, h.i); q >= 0 {
		// “…,” X said: X stands between the quotation and the verb, or after it
		var ids []string
		for mi := range x.ments {
			m := &x.ments[mi]
			rel := m.Start - x.s.Start
			if m.ActorID != "" && rel >= x.toks[max(h.i-8, 0)].s && rel < x.toks[h.i].s && !inQuote(x, m.Start) {
				ids = append(ids, m.ActorID)
			}
		}
		if ids = st.mainActors(ids); len(ids) > 0 {
			return ids[0]
		}
	}
	// "…, says military", "…, said the minister": the speaker follows the verb
	if h.i > 0 && x.toks[h.i-1].w == "," && h.j < len(x.toks) && !prepositions.has(x.toks[h.j].lw) && x.toks[h.j].lw != "that" {
		end := x.s.Start + x.toks[h.j-1].e
		for mi := range x.ments {
			m := &x.ments[mi]
			if m.ActorID != "" && m.Start >= end && m.Start-end <= 6 {
				return m.ActorID
			}
		}
		if h.j < len(x.toks) && (x.toks[h.j].lw == "the" || x.toks[h.j].lw == "a") {
			return st.implicitSubject(x, hit{i: h.j + 2, j: h.j + 2, clause: h.clause}, cl)
		}
		return ""
	}
	// "he said", "Shammari added": the word right before the verb
	if p := prevWord(x.toks, h.i); p >= 0 {
		switch x.toks[p].lw {
		case "he", "she":
			if st.lastSpeaker != "" {
				return st.lastSpeaker
			}
			return st.lastPer
		case "they", "we", "it", "i", "you":
			return "" // unresolved: no statement
		}
		off := x.s.Start + x.toks[p].s
		for mi := range x.ments {
			m := &x.ments[mi]
			if m.ActorID != "" && m.Start <= off && off < m.End {
				return m.ActorID
			}
		}
		// "his party said", "her lawyer told": someone of the person's,
		// not the person
		if pp := prevWord(x.toks, p); pp >= 0 && !x.toks[p].cap {
			switch x.toks[pp].lw {
			case "his", "her", "their":
				return ""
			}
		}
		// "officials said", "the source disclosed": an unnamed speaker
		// ("X met Y and called on …" shares X, found below)
		if t := x.toks[p]; !t.cap && !t.punct && !isNumber(t.lw) && t.lw != "and" {
			return st.implicitSubject(x, h, cl)
		}
	}
	var cands []string
	for _, id := range st.actorsBefore(x, h, cl) {
		if !st.addressee(x, id) {
			cands = append(cands, id)
		}
	}
	if b := st.mainActors(cands); len(b) > 0 {
		return b[0]
	}
	end := x.s.Start + x.toks[h.j-1].e
	for mi := range x.ments {
		m := &x.ments[mi]
		if m.ActorID != "" && m.Start >= end && m.Start-end <= 3 {
			return m.ActorID
		}
	}
	return st.implicitSubject(x, h, cl)
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
		prep := x.precedingWord(rel)
		if prep != "in" && prep != "at" && prep != "near" && prep != "of" && prep != "from" && prep != "to" {
			continue
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

// precedingWord is the last word of s (lower-cased, without quotes,
// brackets and commas around it), skipping articles and compass words. It
// reads s backwards, so its cost is that of the words it reads.
func precedingWord(s string) string {
	for end := len(s); end > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if unicode.IsSpace(r) {
			end -= n
			continue
		}
		start := end
		for start > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:start])
			if unicode.IsSpace(r) {
				break
			}
			start -= n
		}
		w := strings.ToLower(strings.Trim(s[start:end], "\"“”'’(),"))
		end = start
		if w == "the" || w == "a" || w == "an" || w == "northern" || w == "southern" || w == "eastern" || w == "western" || w == "central" {
			continue
		}
		return w
	}
	return ""
}

// precedingWord is precedingWord(x.s.Text[:rel]), read backwards from rel
// in the lower-cased text of an ASCII sentence.
func (x *sent) precedingWord(rel int) string {
	if !x.ascii {
		return precedingWord(x.s.Text[:rel])
	}
	s := x.low[:rel]
	for end := len(s); ; {
		for end > 0 && asciiSpace(s[end-1]) {
			end--
		}
		if end == 0 {
			return ""
		}
		start := end - 1
		for start > 0 && !asciiSpace(s[start-1]) {
			start--
		}
		w := strings.Trim(s[start:end], "\"“”'’(),")
		switch w {
		case "the", "a", "an", "northern", "southern", "eastern", "western", "central":
			end = start
			continue
		}
		return w
	}
}

// lastWordsLower is strings.ToLower(lastWords(x.s.Text[:rel], n)), except
// that for an ASCII sentence the words keep the white space between them
// (which no word searched for in it holds).
func (x *sent) lastWordsLower(rel, n int) string {
	if !x.ascii {
		return strings.ToLower(lastWords(x.s.Text[:rel], n))
	}
	s := x.low[:rel]
	end := len(s)
	for end > 0 && asciiSpace(s[end-1]) {
		end--
	}
	start := end
	for k := 0; k < n && start > 0; k++ {
		for start > 0 && !asciiSpace(s[start-1]) {
			start--
		}
		if k+1 < n {
			p := start
			for p > 0 && asciiSpace(s[p-1]) {
				p--
			}
			if p == 0 {
				break
			}
			start = p
		}
	}
	return s[start:end]
}

// asciiSpace reports whether c is white space to strings.Fields.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// lastWords is the last n words of s (as strings.Fields splits them) joined
// by spaces. It reads s backwards, so its cost is that of the words it reads.
func lastWords(s string, n int) string {
	f := make([]string, 0, n)
	for end := len(s); end > 0 && len(f) < n; {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if unicode.IsSpace(r) {
			end -= size
			continue
		}
		start := end
		for start > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:start])
			if unicode.IsSpace(r) {
				break
			}
			start -= size
		}
		f = append(f, s[start:end])
		end = start
	}
	slices.Reverse(f)
	return strings.Join(f, " ")
}

// date sets an event's date from the nearest time expression of its
// clause, else of its sentence, else from the narrative or the tense.
func (st *state) date(x *sent, c *cand, cl [][2]int, made []*cand) {
	trig := c.trig - x.s.Start
	ti := 0
	for k, t := range x.toks {
		if t.s == trig {
			ti = k
		}
	}
	clause := 0
	for k, r := range cl {
		if ti >= r[0] && ti < r[1] {
			clause = k
		}
	}
	best, bestD := -1, 1<<30
	for k, ex := range x.exprs {
		if ex.Anchored || ex.Span.Precision == graph.Unknown {
			continue
		}
		// a statement is dated next to its verb ("said on Monday that");
		// a date further on belongs to what was said
		if isStatement(c) && ex.Start > trig && saysBetween(x.s.Text[trig:ex.Start]) {
			continue
		}
		if c.agree != nil && (effectDate(x, &x.exprs[k]) || citedDate(x, &x.exprs[k])) {
			continue
		}
		if premodifiesOther(x, c, &x.exprs[k]) {
			continue // "sentenced … for a 2022 bombing": the year is the bombing's
		}
		d := ex.Start - trig
		if d < 0 {
			d = -d + 5 // a date after the trigger is the likelier one
		}
		exClause := clause
		for j, r := range cl {
			if ex.Start >= x.toks[r[0]].s && ex.Start < x.toks[r[1]-1].e+1 {
				exClause = j
			}
		}
		// "on February 21, when the forces exchanged fire": a when-clause
		// takes the date it follows
		if exClause == clause-1 && clauseOpens(x, cl[clause], "when") {
			d -= 200
		}
		if exClause != clause {
			if otherEventIn(made, c, x, cl, exClause) {
				continue
			}
			d += 200
		}
		// "arrived on March 3 and signed the pact on March 5": a date
		// that follows another event's trigger more closely is that
		// event's; it dates this one only when nothing else does
		if dateOfOther(made, c, x, ex.Start) {
			d += 300
		}
		if d < bestD {
			best, bestD = k, d
		}
	}
	if best >= 0 {
		c.ev.Date = x.exprs[best].Span
		c.explicit = true
		return
	}
	if c.ev.Status == graph.Planned {
		c.ev.Date = graph.DateSpan{Precision: graph.Unknown}
		return
	}
	// "On Thursday, X flew to Nairobi, where he met Y": an earlier event of
	// the sentence with a day of its own
	var prev *cand
	for _, m := range made {
		if m != c && m.explicit && m.trig < c.trig && m.ev.Date.Precision == graph.Day && m.ev.Status != graph.Planned && !isStatement(m) {
			prev = m
		}
	}
	if prev != nil {
		c.ev.Date = prev.ev.Date
		c.ev.Date.Inferred = true
		c.inferred = true
		return
	}
	// the narrative's date: an earlier event of the same paragraph with a day
	for i := len(st.cands) - 1; i >= 0; i-- {
		p := st.cands[i]
		if st.sents[p.sent].para != x.para {
			break
		}
		if p.explicit && p.ev.Date.Precision == graph.Day && p.ev.Status != graph.Planned {
			c.ev.Date = p.ev.Date
			c.ev.Date.Inferred = true
			c.inferred = true
			return
		}
	}
	if st.pastTense(x, ti) {
		c.ev.Date = st.pubSpan()
		c.inferred = true
		return
	}
	c.ev.Date = graph.DateSpan{Precision: graph.Unknown}
}

// dateOfOther reports whether the time expression at byte start of the
// sentence belongs to another event of the sentence than c: the nearest
// trigger before it is another happening's (not a statement's), standing
// between c's trigger and the expression.
func dateOfOther(made []*cand, c *cand, x *sent, start int) bool {
	trig, at := c.trig-x.s.Start, start
	for _, m := range made {
		if m == c || m.sent != c.sent || isStatement(m) || m.definite {
			continue
		}
		mt := m.trig - x.s.Start
		if trig < at && mt > trig && mt < at || at < trig && nearestBefore(made, c, x, at) == m {
			return true
		}
	}
	return false
}

// nearestBefore returns the event of made (c's sentence) whose trigger
// comes last before byte at of the sentence, or nil.
func nearestBefore(made []*cand, c *cand, x *sent, at int) *cand {
	var best *cand
	for _, m := range made {
		if m.sent != c.sent || m.definite {
			continue
		}
		if mt := m.trig - x.s.Start; mt < at && (best == nil || mt > best.trig-x.s.Start) {
			best = m
		}
	}
	return best
}

func otherEventIn(made []*cand, self *cand, x *sent, cl [][2]int, clause int) bool {
	lo, hi := x.s.Start+x.toks[cl[clause][0]].s, x.s.Start+x.toks[cl[clause][1]-1].e
	for _, m := range made {
		if m != self && m.trig >= lo && m.trig < hi {
			return true
		}
	}
	return false
}

// pastTense reports whether the trigger at token ti reads as a past or
// present-perfect happening ("arrested", "has signed", "were seized").
func (st *state) pastTense(x *sent, ti int) bool {
	if ti >= len(x.toks) {
		return false
	}
	lw := x.toks[ti].lw
	if strings.HasSuffix(lw, "ed") || irregularPast.has(lw) {
		return true
	}
	p := prevWord(x.toks, ti)
	if p >= 0 {
		switch x.toks[p].lw {
		case "was", "were", "had", "has", "have", "did":
			return true
		}
	}
	// a noun: look for a past verb in the sentence
	for _, t := range x.toks {
		if t.lw == "was" || t.lw == "were" || t.lw == "had" || irregularPast.has(t.lw) {
			return true
		}
	}
	return false
}

// title makes a readable title: a statement's speaker, verb and words
// (statementTitle), else a headline of actor, verb and object (headline).
func (st *state) title(x *sent, h hit, cl [][2]int, c *cand) string {
	if h.e.class == speech {
		if t := st.statementTitle(x, h, c); t != "" {
			return upperFirst(fitTitle(t))
		}
	}
	return st.headline(x, h, cl, c)
}

func (c *cand) firstRole(role string) string {
	for _, p := range c.ev.Participants {
		if p.Role == role {
			return p.ActorID
		}
	}
	return ""
}

// mergeWithinArticle folds the reports of one happening in one article into
// one event: definite nouns ("the talks") into the event they refer to,
// signings of one agreement, and a speaker's undated statements into the
// dated statement they belong to.
func (st *state) mergeWithinArticle() {
	// a headline restates the story: its events join the body's
	var body, heads []*cand
	for _, c := range st.cands {
		if st.isHeadline(c.sent) {
			heads = append(heads, c)
		} else {
			body = append(body, c)
		}
	}
	for _, h := range heads {
		if t := st.sameKind(body, h); t != nil {
			absorb(t, h)
			continue
		}
		if !h.explicit && h.ev.Status != graph.Planned {
			h.ev.Date, h.inferred = st.pubSpan(), true
		}
		body = append(body, h)
	}
	slices.SortStableFunc(body, byTrig)
	st.cands = body
	var kept []*cand
	fam := families{byType: map[string]int{}, byCAMEO: map[string]int{}}
	same := map[happeningKey][]*cand{}
	for _, c := range st.cands {
		if c.definite {
			if t := fam.last(kept, c); t != nil {
				absorb(t, c)
			}
			continue
		}
		if c.datesBack && c.explicit {
			if t := fam.last(kept, c); t != nil && !t.explicit && st.sents[t.sent].para == st.sents[c.sent].para && c.sent-t.sent <= 2 {
				absorb(t, c)
				continue
			}
		}
		key := happeningKey{c.ev.CAMEO, c.ev.Type, c.ev.Status}
		if t := st.sameHappening(window(same[key]), c); t != nil {
			absorb(t, c)
			continue
		}
		fam.add(len(kept), c)
		kept = append(kept, c)
		same[key] = append(same[key], c)
	}
	// statements: one event per speaker and date
	var out []*cand
	bySource := map[string][]*cand{} // the statements of out by source
	for _, c := range kept {
		if !isStatement(c) || c.speaker == "" && c.firstRole("source") == "" {
			if isStatement(c) {
				bySource[""] = append(bySource[""], c)
			}
			out = append(out, c)
			continue
		}
		src := c.firstRole("source")
		var home *cand
		for _, o := range window(bySource[src]) {
			if (!c.explicit || !o.explicit) || o.ev.Date.Value == c.ev.Date.Value {
				home = o
				break
			}
		}
		if home == nil {
			out = append(out, c)
			bySource[src] = append(bySource[src], c)
			continue
		}
		if c.explicit && !home.explicit {
			// the dated statement leads
			c2 := *c
			absorb(&c2, home)
			*home = c2
			continue
		}
		absorb(home, c)
	}
	st.cands = out
}

// byTrig orders events by their trigger's offset.
func byTrig(a, b *cand) int { return cmp.Compare(a.trig, b.trig) }

// byEvidenceStart orders evidence by its sentence's offset (with the same
// algorithm as sort.Slice).
func byEvidenceStart(a, b graph.Evidence) int { return cmp.Compare(a.Start, b.Start) }

func isStatement(c *cand) bool { return strings.HasPrefix(c.ev.CAMEO, "01") }

func root2(c string) string {
	if len(c) >= 2 {
		return c[:2]
	}
	return c
}

// families finds the last kept event of an event's family: of its type, or
// of its CAMEO code when it has one.
type families struct {
	byType, byCAMEO map[string]int // index in kept + 1 of the last one
}

// add records kept[i] = c.
func (f families) add(i int, c *cand) {
	f.byType[c.ev.Type] = i + 1
	f.byCAMEO[c.ev.CAMEO] = i + 1
}

// last is the last event of kept (as recorded by add) of c's type or, when
// c has one, of its CAMEO code; nil when none is.
func (f families) last(kept []*cand, c *cand) *cand {
	i := f.byType[c.ev.Type]
	if c.ev.CAMEO != "" {
		i = max(i, f.byCAMEO[c.ev.CAMEO])
	}
	if i == 0 {
		return nil
	}
	return kept[i-1]
}

// happeningKey is what two reports of one happening share (see
// sameHappening).
type happeningKey struct {
	cameo, typ string
	status     string
}

// mergeWindow is how many earlier events of the same kind (the same
// happeningKey, or statements of the same source) a later one is compared
// with. Articles hold a few of each kind, so every one is compared; in a
// text of many thousands (a concatenation, hostile input) only the last
// ones are, which keeps merging linear in the number of events.
const mergeWindow = 256

// window is the last mergeWindow events of cs.
func window(cs []*cand) []*cand {
	return cs[max(len(cs)-mergeWindow, 0):]
}

// sameHappening finds an earlier event of the article that is the same
// happening as c: the same CAMEO code on compatible dates, sharing a
// participant (signings of an agreement always are one).
func (st *state) sameHappening(kept []*cand, c *cand) *cand {
	if isStatement(c) || c.ev.CAMEO == "" && c.ev.Type == "" {
		return nil
	}
	for _, k := range kept {
		if k.ev.CAMEO != c.ev.CAMEO || k.ev.Type != c.ev.Type || k.ev.Status != c.ev.Status {
			continue
		}
		if k.ev.CAMEO == "057" && (!k.explicit || !c.explicit || k.ev.Date.Value == c.ev.Date.Value) {
			return k // signings of one agreement
		}
		// a re-mention: the same kind of happening on the same day, by the
		// same actors or by actors left unnamed ("… were arrested")
		sameDay := k.ev.Date.Value != "" && k.ev.Date.Value == c.ev.Date.Value
		overlap := (k.inferred || c.inferred) && k.ev.Date.Overlaps(c.ev.Date)
		// a later undated retelling of a dated happening ("Seized from them
		// were …" after "pills were seized on Thursday")
		retold := k.explicit && !c.explicit && k.ev.CAMEO == c.ev.CAMEO && len(c.ev.Participants) == 0
		if !sameDay && !overlap && !retold {
			continue
		}
		if st.sharesParticipant(k, c) || len(k.ev.Participants) == 0 || len(c.ev.Participants) == 0 {
			return k
		}
	}
	return nil
}

// sharesParticipant reports whether two events share an actor, counting a
// country and its people as one side ("Saudi Arabia" and its foreign
// minister).
func (st *state) sharesParticipant(a, b *cand) bool {
	for _, p := range a.ev.Participants {
		for _, q := range b.ev.Participants {
			if p.ActorID == q.ActorID {
				return true
			}
			x, y := st.actors[p.ActorID], st.actors[q.ActorID]
			if x != nil && y != nil && x.Country != "" && x.Country == y.Country && (x.Kind == graph.Country || y.Kind == graph.Country) {
				return true
			}
		}
	}
	return false
}

// absorb folds c into t.
func absorb(t, c *cand) {
	t.ev.Evidence = append(t.ev.Evidence, c.ev.Evidence...)
	for _, p := range c.ev.Participants {
		t.addParticipant(p.ActorID, p.Role)
	}
	if t.ev.PlaceID == "" {
		t.ev.PlaceID = c.ev.PlaceID
	}
	if !t.explicit && c.explicit {
		t.ev.Date, t.explicit, t.inferred = c.ev.Date, true, false
	}
	if t.agree == nil {
		t.agree = c.agree
	} else if c.agree != nil {
		t.agree.merge(c.agree)
	}
	if t.speaker == "" {
		t.speaker = c.speaker
	}
}

// facts assembles the article's graph facts.
func (st *state) facts() *graph.Facts {
	f := &graph.Facts{Article: st.art}
	slices.SortStableFunc(st.cands, byTrig)
	st.quantitiesFor(st.cands)
	if len(st.cands) > 0 {
		f.Events = make([]graph.Event, 0, len(st.cands))
		n := 0
		for _, c := range st.cands {
			if c.agree != nil {
				n++
			}
		}
		if n > 0 {
			f.Agreements = make([]graph.Agreement, 0, n)
		}
	}
	agreementIDs := map[*cand]string{}
	for _, c := range st.cands {
		ev := c.ev
		// dedupe evidence by sentence: the first of each start, in order
		evs := slices.Clone(ev.Evidence)
		slices.SortStableFunc(evs, byEvidenceStart)
		evs = slices.CompactFunc(evs, func(a, b graph.Evidence) bool { return a.Start == b.Start })
		if len(evs) == 0 {
			evs = nil
		}
		ev.Evidence = evs
		ev.Date = ev.Date.Normalized()
		ev.ID = graph.NewID("event", st.art.ID, itoa(c.trig), ev.CAMEO, ev.Type)
		ev.MergeKeys = st.mergeKeys(c)
		switch {
		case c.agreeHome != nil && agreementIDs[c.agreeHome] != "":
			ev.AgreementID = agreementIDs[c.agreeHome]
		case c.agree != nil:
			g := st.agreement(c, ev)
			ev.AgreementID = g.ID
			agreementIDs[c] = g.ID
			f.Agreements = append(f.Agreements, g)
		}
		f.Events = append(f.Events, ev)
	}
	// every actor and place the article mentions is kept (with roles and
	// aliases), in ID order so that the facts are the same from run to run
	f.Actors = sortedActors(st.res.Actors)
	f.Places = sortedPlaces(st.res.Places)
	return f
}

// sortedActors sorts the article's actors (what st.actors points to, one
// per ID) by ID in place and returns them: the values of st.actors in key
// order, so that the facts are the same from run to run.
func sortedActors(as []graph.Actor) []graph.Actor {
	if len(as) == 0 {
		return []graph.Actor{}
	}
	slices.SortFunc(as, func(a, b graph.Actor) int { return strings.Compare(a.ID, b.ID) })
	return as
}

// sortedPlaces is sortedActors for the article's places.
func sortedPlaces(ps []graph.Place) []graph.Place {
	if len(ps) == 0 {
		return []graph.Place{}
	}
	slices.SortFunc(ps, func(a, b graph.Place) int { return strings.Compare(a.ID, b.ID) })
	return ps
}

// upperFirst is strings.ToUpper(s[:1]) + s[1:] for a non-empty s: the
// first byte upper-cased.
func upperFirst(s string) string {
	if c := s[0]; c < utf8.RuneSelf {
		if 'a' <= c && c <= 'z' {
			return string(c-'a'+'A') + s[1:]
		}
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	if n == 0 {
		return "0"
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// mergeKeys name a happening independently of the article, so that two
// articles reporting it make one event: the fall or defeat of an actor,
// the signing between the same parties, or the same participants doing
// the same thing on the same day.
func (st *state) mergeKeys(c *cand) []string {
	var keys []string
	switch c.ev.Type {
	case "fall of regime", "defeat":
		for _, p := range c.ev.Participants {
			if p.Role == "target" {
				keys = append(keys, c.ev.Type+"|"+p.ActorID)
			}
		}
	}
	if c.agree != nil && c.explicit {
		// the same countries signing on the same day
		cc := map[string]bool{}
		for _, p := range c.ev.Participants {
			if a := st.actors[p.ActorID]; a != nil && a.Country != "" {
				cc[a.Country] = true
			}
		}
		if len(cc) >= 2 {
			var codes []string
			for k := range cc {
				codes = append(codes, k)
			}
			sort.Strings(codes)
			keys = append(keys, "sign|"+c.ev.Date.Value+"|"+strings.Join(codes, ","))
		}
	}
	// other happenings are merged across articles by the store's score
	// (graph/merge.go): the same type, day and actors are not enough,
	// one police force raids two places on one day
	return keys
}

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

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// ordersIn reports whether a statement's complement holds an order verb
// ("said the minister had instructed …"), which makes its own event.
func (st *state) ordersIn(x *sent, hits []hit, used []bool, si int, cl [][2]int) bool {
	h := hits[si]
	for k, g := range hits {
		if k > si && !used[k] && g.verb && !g.neg && g.e.class == order && g.clause == h.clause {
			return true
		}
	}
	return false
}

// statementTitle is "Speaker verb what": the quotation before the verb
// ("“…,” X said") or the words after it.
func (st *state) statementTitle(x *sent, h hit, c *cand) string {
	name := ""
	if src := c.firstRole("source"); src != "" {
		if a := st.actors[src]; a != nil {
			name = a.Name
		}
	}
	var what string
	verb := headlineVerb(x, h, strings.Contains(name, " and "), false)
	if strings.HasSuffix(strings.ToLower(x.toks[h.i].lw), "ing") {
		verb = "says" // "Speaking at …, X said"
	}
	if q := quoteBefore(x.toks, h.i); q >= 0 && q < h.i {
		end := q
		for end < h.i && !isCloseQuote(x.toks[end].w) {
			end++
		}
		if end > q {
			// the quotation, cut at a word to fit the title with its marks
			budget := maxTitle - len(name) - len(verb) - len("  “”")
			what = "“" + clipBytes(x.s.Text[x.toks[q].s:x.toks[end-1].e], budget) + "”"
		}
	} else if h.j < len(x.toks) {
		k := complementStart(x, h.j)
		if k >= 0 && k < len(x.toks) {
			what = complementWords(x, k, 12)
		}
	}
	if name == "" || what == "" {
		return ""
	}
	// headline style: "X says …", "X warns …"
	return name + " " + verb + " " + strings.Trim(what, " ,")
}

// clipBytes cuts s at a word so that it and a closing "…" fit in n bytes,
// without a trailing comma; s itself when it fits.
func clipBytes(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:max(0, n-len("…"))], ' ')
	if cut <= 0 {
		return ""
	}
	return strings.TrimRight(s[:cut], ",;:") + "…"
}

// complementStart is the first token of what a statement verb ending
// before token j says: after "that" or a colon, past the time words and
// the place phrase that date and place the statement ("said on Monday
// that …", "said at a press conference in Moscow that …"); -1 when the
// clause holds nothing but those.
func complementStart(x *sent, j int) int {
	k := j
	for k < len(x.toks) {
		t := x.toks[k]
		switch {
		case t.lw == "that" || t.w == ":":
			return k + 1
		case prepositions.has(t.lw) || timeWord(t.lw) || inExpr(x, k):
			// "on Monday", "at a press conference in Moscow": skip to
			// "that", or give up at the clause's end
			for m := k; m < len(x.toks) && m < k+12; m++ {
				if x.toks[m].lw == "that" {
					return m + 1
				}
				if x.toks[m].punct {
					return -1
				}
			}
			return -1
		}
		return k
	}
	return -1
}

// inExpr reports whether token k lies in a time expression of x.
func inExpr(x *sent, k int) bool {
	a := x.toks[k].s
	for i := range x.exprs {
		if a >= x.exprs[i].Start && a < x.exprs[i].End {
			return true
		}
	}
	return false
}

// complementWords are the words of a statement's complement from token k,
// up to the first clause break (a comma, semicolon, colon or dash, "but",
// "adding", "saying") and at most n words, never ending on a function
// word: "the border would remain open", not "the border would remain open
// as long as the…".
func complementWords(x *sent, k, n int) string {
	var words []string
	for ; k < len(x.toks) && len(words) < n; k++ {
		t := x.toks[k]
		if t.punct && t.w != "'" && t.w != "’" && t.w != "-" && t.w != "%" || len(words) > 0 && inExpr(x, k) {
			break // a clause break, or the statement's date: "… on Tuesday"
		}
		switch t.lw {
		case "but", "adding", "saying", "while", "whereas":
			k = len(x.toks)
			continue
		}
		words = append(words, t.w)
	}
	if len(words) == 0 {
		return ""
	}
	out := strings.Join(trimTrail(words), " ")
	return joinMarks.Replace(out)
}

// joinMarks puts back together the marks tokenization split off words.
var joinMarks = strings.NewReplacer(" ' ", "'", " ’ ", "’", " 's", "'s", " ’s", "’s", " %", "%", " - ", "-")

// countFields is len(strings.Fields(s)).
func countFields(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
		i += size
	}
	return n
}

// clip keeps the first n words of s, marking a cut with an ellipsis:
// strings.Fields(s) joined by spaces, reading only the words it keeps.
func clip(s string, n int) string {
	var b strings.Builder
	words := 0
	for i := 0; i < len(s); {
		// skip white space, then take a word
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r, size := rune(s[j]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[j:])
			}
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		if words == n {
			return strings.TrimRight(b.String(), ",;:") + "…"
		}
		if words > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[i:j])
		words++
		i = j
	}
	return b.String()
}

// addressee reports whether every mention of the actor in the sentence is
// introduced by "to" or "with" ("Speaking to Asharq Al-Awsat, the source
// said"): whom it was said to, not who said it.
func (st *state) addressee(x *sent, id string) bool {
	any := false
	for mi := range x.ments {
		m := &x.ments[mi]
		if m.ActorID != id {
			continue
		}
		any = true
		switch x.precedingWord(m.Start - x.s.Start) {
		case "to", "with", "told", "informed":
		default:
			return false
		}
	}
	return any
}

// clauseOpens reports whether a clause starts with the word w (after a
// comma).
func clauseOpens(x *sent, r [2]int, w string) bool {
	for k := r[0]; k < r[1] && k < r[0]+2; k++ {
		if x.toks[k].lw == w {
			return true
		}
	}
	return false
}

// isHeadline reports whether sentence i is the article's title line.
func (st *state) isHeadline(i int) bool {
	return i == 0 && st.art.Title != "" && strings.TrimSpace(st.sents[0].s.Text) == strings.TrimSpace(st.art.Title)
}

// sameKind finds the first body event of the headline event's CAMEO code
// (or type) that shares a participant or has none.
func (st *state) sameKind(body []*cand, h *cand) *cand {
	for _, b := range body {
		if b.ev.Type != h.ev.Type && (h.ev.CAMEO == "" || b.ev.CAMEO != h.ev.CAMEO) {
			continue
		}
		if st.sharesParticipant(b, h) || len(h.ev.Participants) == 0 || len(b.ev.Participants) == 0 {
			return b
		}
	}
	return nil
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

// countryWord reports whether "the country" follows a noun trigger within
// its phrase.
func countryWord(x *sent, h hit) bool {
	for k := h.j; k < len(x.toks) && k < h.j+12; k++ {
		if x.toks[k].w == "," || x.toks[k].w == ";" {
			return false
		}
		if (x.toks[k].lw == "country" || x.toks[k].lw == "country’s" || x.toks[k].lw == "country's") && k > 0 && x.toks[k-1].lw == "the" {
			return true
		}
	}
	return false
}

// markCooperate marks the cooperation verb after statement si as used: it
// became an agreement, not an event of its own.
func markCooperate(hits []hit, used []bool, si int) {
	for k := si + 1; k < len(hits); k++ {
		if hits[k].e.typ == "cooperate" {
			used[k] = true
			return
		}
	}
}

// saysBetween reports whether text between a speech verb and a date opens
// what was said: "that", a colon, a quotation or a comma.
func saysBetween(s string) bool {
	return strings.Contains(s, " that ") || strings.ContainsAny(s, ":“\",")
}

// speechDate is the time expression that dates a statement: right before
// its verb, or after it before what was said ("said on Monday that").
func speechDate(x *sent, h hit) *timex.Expr {
	a, b := x.toks[h.i].s, x.toks[h.j-1].e
	for k := range x.exprs {
		ex := &x.exprs[k]
		if ex.Anchored || ex.Span.Precision == graph.Unknown {
			continue
		}
		if ex.End <= a && a-ex.End <= 3 {
			return ex
		}
		if ex.Start >= b && ex.Start-b <= 3 && !saysBetween(x.s.Text[b:ex.Start]) {
			return ex
		}
	}
	return nil
}

// nearDate is the time expression closest after a verb trigger in its
// clause, not separated from it by a comma.
func nearDate(x *sent, h hit) *timex.Expr {
	b := x.toks[h.j-1].e
	for k := range x.exprs {
		ex := &x.exprs[k]
		if ex.Anchored || ex.Span.Precision == graph.Unknown || ex.Start < b {
			continue
		}
		if ex.Start-b <= 80 && !strings.ContainsAny(x.s.Text[b:ex.Start], ",;") {
			return ex
		}
	}
	return nil
}

// handHappening reports whether the clause of dictionary hit d holds a
// hand-written trigger of a happening (not a statement) as a finite verb,
// not negated: "approved the plan, which includes providing funds" keeps
// "approved", "signed and ratified" does not add a looser reading.
func handHappening(x *sent, hits []hit, d hit) bool {
	for _, h := range hits {
		if h.e.dict || h.neg || !h.verb || h.inf || h.prepIng || h.clause != d.clause || coordinated(x, h, d) {
			continue
		}
		if strings.HasSuffix(x.toks[h.i].lw, "ing") && (h.i == 0 || !auxBe.has(x.toks[h.i-1].lw)) {
			continue
		}
		if h.e.class == material || h.e.class == light || h.e.class == order {
			return true
		}
	}
	return false
}

// premodifier reports whether time expression ex modifies noun trigger h
// from right before it: "the December overthrow of", "the 2011 uprising".
// Such a noun names a dated happening of its own, whatever else its clause
// reports.
// premodifiesOther reports whether time expression ex premodifies a noun
// trigger of the sentence other than c's ("a 2022 bombing").
func premodifiesOther(x *sent, c *cand, ex *timex.Expr) bool {
	for _, g := range x.hits {
		if !g.verb && x.s.Start+x.toks[g.i].s != c.trig && premodifier(x, g, ex) {
			return true
		}
	}
	return false
}

func premodifier(x *sent, h hit, ex *timex.Expr) bool {
	a := x.toks[h.i].s
	return ex.End <= a && strings.TrimSpace(x.s.Text[ex.End:a]) == ""
}

// agentSubject reports whether the subject of verb hit h (the words of its
// clause before it, at most five) or, in the passive, its "by" phrase holds
// an agent noun of the lexicon: "police cordoned off", "insurgents
// toppled", "was blocked by protesters".
func agentSubject(x *sent, h hit, cl [][2]int) bool {
	ag := lex().agents
	r := cl[h.clause]
	for k := h.i - 1; k >= r[0] && k >= h.i-5; k-- {
		if ag[x.toks[k].lw] != "" {
			return true
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

// coordinated reports whether a coordinating word stands between hits a
// and b: "seized power and the general proclaimed himself president"
// reports two happenings.
func coordinated(x *sent, a, b hit) bool {
	lo, hi := a.j, b.i
	if b.i < a.i {
		lo, hi = b.j, a.i
	}
	for k := lo; k < hi; k++ {
		switch x.toks[k].lw {
		case "and", "but", "while", "whereas", "then", "after", "before", "since", "when", "until":
			return true
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

// sortedKeys lists a map's keys in order.
func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
