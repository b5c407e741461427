package extract

import (
	"slices"
	"strings"

	graph "eventgraph/graph/model" // types only: extraction must not link the store
	"eventgraph/loader/mention"
	"eventgraph/loader/timex"
)

// Phase "triggers": which words of a sentence make events (finite
// dictionary verbs, event nouns with their own dates, coordinated clauses,
// support verbs and intents) and the candidate events they start.

// irregularPast are past forms the suffix test misses.
var irregularPast = set("said told met held spoke struck sworn fought caught withdrew broke overthrew built beat began took gave sent left led made brought won lost shot hit cut shut put set read flown thrown drawn withdrawn overthrown shown sought fled found bound kept paid laid sold")

// sentence finds the events of one sentence.
func (st *state) sentence(x *sent) {
	if creditLine(x.s.Text) {
		return // "(Reporting by …; Editing by …)": who wrote the story
	}
	x.exprs = timex.FindLower(x.s.Text, x.low, timex.Context{Published: st.pub, Ref: st.ref})
	anchorYears(x)
	st.thatYear(x)
	cl := appendClauses(st.clauseBuf[:0], x.toks) // used while reading x only
	st.clauseBuf = cl
	hits := st.findHits(x, cl)
	x.hits = hits
	// used and made live while reading x only: their buffers are reused
	used := append(st.usedBuf[:0], make([]bool, len(hits))...)
	made := st.madeBuf[:0]
	defer func() { st.usedBuf, st.madeBuf = used[:0], made[:0] }()
	for hi := range hits {
		if h := &hits[hi]; h.verb && h.planned && h.e.class == material && threatened(x, h.i) {
			// "warning that the region would take adequate measures": what a
			// warning says will be done is the threat (130), no happening
			h.e = lex().conferEntry(h.e.lemma, "130")
			h.threat = true // made on the statement's day: reported, not planned (untitledCand)
		}
	}
	if agreementTerms(x.low[x.dateline:]) {
		// "Under the accord, both navies will patrol …", "The protocol
		// establishes a committee that will meet monthly": the terms of an
		// agreement are what it says will be, not happenings; what was
		// done under it ("agreed to set up") still is
		for hi, h := range hits {
			if h.planned || h.verb && presentThird(x.toks[h.i].lw) || !h.verb && nearExpr(x, h) == nil {
				used[hi] = true
			}
		}
	}

	// 1. anchored time: the trigger inside the named happening gets the
	// date; a happening the article told before ("Hours after the raids,
	// police arrested …") is no new event: the sentence's other events
	// are dated from its day
	for _, ex := range x.exprs {
		if !ex.Anchored {
			continue
		}
		for hi, h := range hits {
			if used[hi] || x.toks[h.i].s < ex.TargetStart || x.toks[h.i].e > ex.TargetEnd {
				continue
			}
			if t := st.toldBefore(x, h, ex.TargetEnd); t != nil {
				if d, ok := st.countFrom(t.ev.Date, ex.Span); ok {
					x.back = &backAnchor{date: d, start: ex.TargetStart, end: ex.TargetEnd}
				}
				used[hi] = true
				break
			}
			c := st.newCand(x, h, cl)
			c.ev.Date = ex.Span
			if own := ownExprIn(x, ex.TargetStart, ex.TargetEnd); own != nil {
				// "a day after customs seized a lorry on Wednesday": the
				// named happening's own day dates it, and counts the
				// sentence's others from it
				c.ev.Date = own.Span
				if d, ok := st.countFrom(own.Span, ex.Span); ok {
					x.back = &backAnchor{date: d, start: ex.TargetStart, end: ex.TargetEnd}
				}
			}
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

	// "Four traders were detained during the raids": a happening told
	// before dates the sentence's others with its day
	if x.back == nil {
		for hi, h := range hits {
			if used[hi] || h.i < 2 || x.toks[h.i-1].lw != "the" || x.toks[h.i-2].lw != "during" {
				continue
			}
			if t := st.toldBefore(x, h, nounPhraseEnd(x, h)); t != nil {
				d := t.ev.Date
				d.Text, d.Inferred = x.s.Text[x.toks[h.i-2].s:x.toks[h.j-1].e], false
				x.back = &backAnchor{date: d, start: x.toks[h.i-2].s, end: x.toks[h.j-1].e}
				used[hi] = true
				break
			}
		}
	}

	// 2. verbs: statements with what they report, orders, light verbs, happenings
	for hi, h := range hits {
		if used[hi] || !h.verb || h.neg || h.prepIng {
			continue
		}
		if whetherBefore(x, h.i) {
			// "did not say whether Kigali would expel diplomats": a
			// question, not a happening
			used[hi] = true
			continue
		}
		if h.inf && !h.planned {
			if ids := st.decidedBy(x, hits, hi); len(ids) > 0 && h.e.class == material && h.e.cameo != "" {
				// "criticised a decision by Kenya's government to shut the
				// border post and expel two diplomats": the measure decided is
				// taken, by whoever decided it
				used[hi] = true
				c := st.newCand(x, h, cl)
				c.ev.Participants = nil
				for _, id := range ids {
					c.addParticipant(id, "source")
				}
				for _, id := range st.actorsAfter(x, h, cl) {
					if !slices.Contains(ids, id) {
						c.addParticipant(id, "target")
					}
				}
				c.ev.Title = st.title(x, h, cl, c)
				made = append(made, c)
			} else if tripPurpose(x, hits, hi) && (h.e.class == material || h.e.class == light) && h.e.cameo != "" {
				// "flew to Lodwar on Sunday to meet elders and visit a
				// meet commanders": what a trip was made to do is done
				used[hi] = true
				c := st.newCand(x, h, cl)
				c.ev.Title = st.title(x, h, cl, c)
				made = append(made, c)
			}
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
			if rep >= 0 && hits[rep].i > h.i && denials.has(h.e.lemma) {
				// "denied that its troops had dug a trench", "dismissed
				// reports that …": what is denied is not reported as
				// having happened; the denial is the event
				used[rep] = true
				rep = -1
			}
			if rep >= 0 && hits[rep].i > h.i && wishable(x, hits[rep]) && wishedBy(hits, hi, rep) {
				// "demanded the man's immediate release", "said … and urged a
				// ceasefire": what a demand or an appeal asks for has not
				// happened; the demand is the event
				used[rep] = true
				rep = -1
			}
			if h.adjunct && (rep < 0 || hits[rep].i > h.i && pastPerfect(x, hits, hits[rep].i) && nearDate(x, hits[rep]) == nil) {
				// "fired on the boat on Tuesday, saying it had ignored the
				// warnings": why the happening was done, no event of its own
				if rep >= 0 {
					used[rep] = true
				}
				continue
			}
			var accused []string
			if rep >= 0 && hits[rep].i > h.i && speaker != "" && toldEarlier(x, hits, h, hits[rep]) {
				// "the minister said on Tuesday that Dorelian
				// troops had shelled a village": the day is the statement's, what
				// it reports happened earlier on no day it gives, and
				// another side did it: the dated statement accuses
				// (112) that side
				if accused = st.accusedOf(x, h, hits[rep], speaker); len(accused) > 0 {
					used[rep] = true
					rep = -1
				}
			}
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
				if root2(c.ev.CAMEO) == "01" {
					// '"We condemn this attack," the ministry said': the
					// quotation's own first-person verb is the statement's act
					if e := performative(x); e != nil {
						c.ev.CAMEO, c.ev.Type = e.cameo, e.typ
					} else if code := judgment(x, h); code != "" {
						// "said the accusations were unfounded": a rejection;
						// "said the arrest was illegal": a condemnation
						c.ev.CAMEO, c.ev.Type = code, lex().typeOf(code, "")
					}
				}
				if len(accused) > 0 {
					c.ev.CAMEO, c.ev.Type = "112", lex().typeOf("112", "")
				}
				c.agree = st.cooperationCue(x, hits, hi, cl)
				if speaker == "" && c.agree == nil {
					// "reports suggested …": a statement nobody makes is no event
					continue
				}
				if attributionAfterComma(x.toks, h.i) && slices.ContainsFunc(made, func(c *cand) bool { return c.ev.Status != graph.Planned }) {
					// "X agreed to meet, the ministry said on Thursday": the
					// attribution only sources the happening already made;
					// what it says will be done ("X will open the crossing
					// on Wednesday, the ministry said on Monday") is
					// announced, the announcement the day's happening
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
				for _, id := range accused {
					c.addParticipant(id, "target")
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
				if own {
					// "the minister said Ugandan soldiers had crossed …": the
					// complement's own subject acts, not whoever spoke
					if ids := st.complementSubject(x, h, hits[rep]); len(ids) > 0 {
						// who spoke stays as the one who reported it
						c.reroleBefore(x, x.s.Start+x.toks[h.j-1].e, "source", "speaker")
						for _, id := range ids {
							c.addParticipant(id, "source")
						}
						if speaker != "" && !slices.Contains(ids, speaker) {
							c.addParticipant(speaker, "speaker")
						}
					} else if speaker != "" && st.crowdSource(c) {
						// "the governor said militants attacked …": the crowd
						// acted, the governor reported it
						c.addParticipant(speaker, "speaker")
					}
				}
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
			// "told reporters that Dorelian troops had shelled the town last
			// week": a statement accusing another side of violence it dates
			// apart is an event of its own (112), the accused its target
			sd, rd := speechDate(x, h), nearDate(x, hits[rep])
			var blamed []string
			if rd != nil && speaker != "" && hits[rep].i > h.i && pastPerfect(x, hits, hits[rep].i) {
				blamed = st.accusedOf(x, h, hits[rep], speaker)
			}
			if speaker != "" && rd != nil && (sd != nil && sd.Span.Value != rd.Span.Value || len(blamed) > 0) {
				sc := st.untitledCand(x, h, cl) // titled below
				sc.ev.Participants = nil
				sc.speaker = speaker
				sc.addParticipant(speaker, "source")
				if len(blamed) > 0 {
					sc.ev.CAMEO, sc.ev.Type = "112", lex().typeOf("112", "")
					sc.accusation = true
					for _, id := range blamed {
						sc.addParticipant(id, "target")
					}
				}
				sc.ev.Title = st.title(x, h, cl, sc)
				if sd != nil {
					sc.ev.Date, sc.explicit = sd.Span, true
				} else {
					sc.ev.Date, sc.inferred = st.pubSpan(), true
				}
				made = append(made, sc)
				c.ev.Date, c.explicit = rd.Span, true
			}
		case order:
			used[hi] = true
			rep := complementHit(x, hits, used, hi, cl, true)
			if rep < 0 {
				if speechBefore(x, h) >= 0 {
					// "wrote that he had instructed the ministry to inform …":
					// a reported order with no happening in it is the act told
					made = append(made, st.newCand(x, h, cl))
				}
				continue
			}
			used[rep] = true
			if leaveVerbs.has(hits[rep].e.lemma) && hits[rep].i > h.j {
				// "ordered Peru's diplomats to leave the country": an expulsion
				made = append(made, st.orderedOut(x, h, hits[rep], cl))
				continue
			}
			c := st.newCand(x, hits[rep], cl)
			if h.e.cameo != "" {
				// "ordered Ramos held in custody": a pattern of the order's
				// own (173) says what it orders better than its words do
				c.ev.CAMEO, c.ev.Type = h.e.cameo, h.e.typ
			}
			c.ev.Status = graph.Reported
			c.ev.Participants = nil
			for _, id := range st.actorsBefore(x, h, cl) {
				c.addParticipant(id, "source")
			}
			for _, id := range st.actorsAfter(x, hits[rep], cl) {
				c.addParticipant(id, "target")
			}
			// titled by the order ("orders the army to lodge a protest"):
			// the one who ordered did not do it himself
			if t := st.title(x, h, cl, c); t != "" {
				c.ev.Title = t
			}
			made = append(made, c)
		case light:
			used[hi] = true
			rep := lightObject(x, hits, used, hi, cl)
			if rep < 0 {
				if !h.neg && !h.inf && st.holdsExercise(x, h, cl) {
					// "Iranian forces carried out the Kheybar exercise",
					// "the exercises, named Condor-25, began on Tuesday": a
					// military exercise held is a show of force (150, as
					// untitledCand codes it)
					made = append(made, st.newCand(x, h, cl))
				}
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
				if k := hi + 1; k < len(hits) && hits[k].inf && wordsBetween(x, h.j, hits[k].i) <= 2 {
					if h.e.lemma == "plan" {
						used[hi] = true
						continue
					}
					// "offered to mediate", "pledged to send aid": the
					// intent is the event, coded by what is intended
					used[k] = true
					intentCode = intentOf(hits[k].e.cameo)
					if r := root2(hits[k].e.cameo); decisionVerbs.has(h.e.lemma) && (r == "12" || r == "16" || r == "17") {
						// "the government decided to close the crossing": a
						// decided measure (a closure, a ban, an expulsion)
						// is taken by deciding it
						intentCode = hits[k].e.cameo
					}
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
			if code := crowdCode(x, h, cl); code != "" && !h.neg && !h.inf {
				// "Thousands of people marched … to protest", "Residents
				// blocked the highway": a crowd's gathering is a protest
				used[hi] = true
				for k := hi + 1; k < len(hits) && hits[k].clause == h.clause; k++ {
					if hits[k].inf {
						used[k] = true // its purpose: "to protest", "to demand"
					}
				}
				c := st.untitledCand(x, h, cl)
				c.ev.CAMEO, c.ev.Type = code, lex().typeOf(code, "")
				c.ev.Title = st.title(x, h, cl, c)
				made = append(made, c)
				continue
			}
			if !h.neg && !h.inf && (deliversPerson(x, h) || forceCrossing(x, h, cl) || h.e.cameo != "150" && st.holdsExercise(x, h, cl)) {
				// a person delivered (173), an armed crossing, an exercise
				// held (150): the happening untitledCand recodes is the
				// sentence's, whatever the dictionary's looser readings
				c := st.newCand(x, h, cl)
				used[hi] = true
				made = append(made, c)
				continue
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
			if h.e.cameo == "057" {
				// "the 1904 treaty", "a treaty … in 1902": the agreement's
				// own date, which dates reads as a cited one
				c.ev.Date, c.explicit = ex.Span, true
			}
			// "The attack happened on Sunday night." after the attack was
			// told: a definite subject with a date of its own dates it
			c.datesBack = h.det && h.i <= 2
			made = append(made, c)
		}
	}

	st.appositionCue(x, made)
	st.agreementFollowUp(x, made)
	made = casualtiesWhen(x, made)

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

// casualtyVerbs are the verbs that report what a violent happening cost.
var casualtyVerbs = set("killed wounded injured died dead hurt")

// casualtiesWhen folds the casualties of a violent happening told in a
// "when" clause into it: "12 soldiers were killed when gunmen stormed an
// outpost" is one happening, the storming, with its dead. The storming
// keeps its title and takes the casualty event's participants, place and
// date; the casualty event goes.
func casualtiesWhen(x *sent, made []*cand) []*cand {
	if len(made) < 2 {
		return made
	}
	out := made[:0]
	for i, c := range made {
		ci := tokenAt(x, c.trig)
		var into *cand
		if ci >= 0 && casualtyVerbs.has(x.toks[ci].lw) {
			for _, d := range made[i+1:] {
				di := tokenAt(x, d.trig)
				if di <= ci || di-ci > 8 || d.ev.CAMEO < "18" || d.ev.CAMEO >= "21" {
					continue
				}
				for k := ci + 1; k < di; k++ {
					if w := x.toks[k].lw; w == "when" || w == "as" {
						into = d
						break
					}
					if x.toks[k].punct {
						break
					}
				}
				break
			}
		}
		if into == nil {
			out = append(out, c)
			continue
		}
		for _, p := range c.ev.Participants {
			into.addParticipant(p.ActorID, p.Role)
		}
		if into.ev.PlaceID == "" {
			into.ev.PlaceID = c.ev.PlaceID
		}
		if !into.explicit && c.explicit {
			into.ev.Date, into.explicit, into.inferred = c.ev.Date, true, false
		}
	}
	return out
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

// wordsBetween counts the tokens from a to b (exclusive) that are no part
// of a time expression: "decided late on Friday to shut" has one, "to".
func wordsBetween(x *sent, a, b int) int {
	n := 0
	for k := a; k < b && k < len(x.toks); k++ {
		if !inExpr(x, k) {
			n++
		}
	}
	return n
}

// decisionVerbs take a measure by deciding it (see the intent verbs).
var decisionVerbs = set("decide vote resolve")

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
	// or is its subject, a short phrase before: "the talks in Nairobi began
	// on Monday"
	if k := hi - 1; k >= 0 && !used[k] && !hits[k].verb && hits[k].clause == hits[hi].clause && hits[hi].i-hits[k].j <= 5 &&
		(hits[hi].e.lemma == "begin" || hits[hi].e.lemma == "start") {
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
	c := st.newCandidate()
	c.sent, c.trig = x.idx, x.s.Start+t.s
	// field by field: assigning a whole Event copies it with write barriers
	c.ev.Type, c.ev.CAMEO, c.ev.Status = h.e.typ, h.e.cameo, graph.Reported
	if !h.neg && !h.inf {
		// the recodings of the happenings' path, also for a happening a
		// statement reports ("said that Ugandan soldiers crossed into …")
		switch {
		case deliversPerson(x, h):
			// "police delivered Ana Ruiz to Peruvian detectives": a person
			// delivered is handed over (173), not aid delivered (070)
			c.ev.CAMEO, c.ev.Type = "173", "hand over"
		case forceCrossing(x, h, cl):
			// "Peruvian troops crossed into …", "two navy ships entered
			// Chilean waters": an armed force's incursion shows force (its
			// type stays "cross border": no other show of force of the
			// sentence, such as warning shots at it, is the same)
			c.ev.CAMEO = "150"
		case h.e.cameo == "190" && unconventional(x, h, cl):
			// "a patrol killed two herders", "gunmen killed three
			// traders": violence against civilians, or by criminals and
			// gunmen, is unconventional (180), not military force (190)
			c.ev.CAMEO, c.ev.Type = "180", lex().typeOf("180", "")
		case h.e.cameo == "166" && h.e.lemma == "expel" && !diplomatIn(x) && personsIn(x):
			// "expelled 300 migrant workers": persons are deported (174);
			// 166 expels a country's representatives
			c.ev.CAMEO, c.ev.Type = "174", lex().typeOf("174", "")
		case h.e.cameo != "150" && st.holdsExercise(x, h, cl):
			// "the navy staged drills off the coast"
			c.ev.CAMEO, c.ev.Type = "150", lex().typeOf("150", "")
		}
	}
	if h.planned && !h.threat {
		c.ev.Status = graph.Planned
	}
	c.evidence[0] = graph.Evidence{ArticleID: st.art.ID, Sentence: x.s.Text, Start: x.s.Start, End: x.s.End}
	c.ev.Evidence = c.evidence[:]
	// "a patrol came under fire from gunmen": the patrol is fired at
	passive := h.verb && (isPassive(x.toks, h.i) || strings.HasPrefix(h.e.lemma, "come under ") || participleRelative(x.toks, h.i))
	before := st.actorsBefore(x, h, cl)
	if !passive && h.verb {
		before = st.mainActors(before)
		if id := st.crowdSubject(x, h, cl, before); id != "" {
			before = []string{id} // "insurgents in the north freed …"
		}
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
		} else if id := st.homeAgent(x, h, cl); id != "" {
			c.addParticipant(id, "source")
			c.agentSubj = true
		} else if kind := pairSubject(x, cl[h.clause][0], h.i); kind != "" && h.verb {
			// "the two sides exchanged prisoners": the pair named before
			if ids := st.pairBefore(x, kind); len(ids) == 2 {
				for _, id := range ids {
					c.addParticipant(id, "source")
				}
			}
		} else if id := st.crowdAgent(x, h, cl); id != "" && h.verb {
			c.addParticipant(id, "source") // "lorry drivers blocked the road"
			c.agentSubj = true             // the headline keeps the subject's words
		}
	}
	if passive && !c.hasRole("source") {
		if id := st.homeAgent(x, h, cl); id != "" {
			c.addParticipant(id, "source") // "were detained by police"
		} else if id := st.crowdAgent(x, h, cl); id != "" {
			c.addParticipant(id, "source") // "were intercepted by armed men"
		} else if crossingMeasure(c.ev.CAMEO) && len(c.ev.Participants) == 0 && !byAfter(x, h) {
			// "Two crossings in the north were closed on 3 May": a
			// state closes and opens its crossings; the one where they
			// are, else the one the article is about
			id := ""
			if p := st.places[st.placeFor(x, h, cl)]; p != nil && p.Country != "" {
				id = st.countryCode(p.Country)
			}
			if id == "" {
				id = st.dominant
			}
			if id != "" {
				c.addParticipant(id, "source")
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
	if c.ev.CAMEO == "141" && !(h.i > 0 && crowdModifiers.has(x.toks[h.i-1].lw)) && !(h.clause < len(cl) && crowdSubject(x, h, cl)) && st.stateSource(c) {
		// ("Bolivian farmers held a protest": a crowd's, whatever
		// its country)
		// "Beijing responded with a protest of its own", "the ministry
		// protested": a state's protest is an official complaint (114),
		// not a crowd's demonstration
		c.ev.CAMEO, c.ev.Type = "114", lex().typeOf("114", "")
	}
	return c
}

// crowdModifiers make a protest a crowd's ("student protests", "street
// protests").
var crowdModifiers = set("student students street mass popular public opposition anti-government workers farmers")

// stateSource reports whether every source of c (or, with none, every
// participant) is a state: a country, or an organization of one whose name
// says it is a government body (a ministry, an embassy, a government, a
// foreign office). It reports false with neither.
func (st *state) stateSource(c *cand) bool {
	role := "source"
	if !c.hasRole("source") {
		role = "participant" // "Lima responded with a protest"
	}
	n := 0
	for _, p := range c.ev.Participants {
		if p.Role != role {
			continue
		}
		a := st.actors[p.ActorID]
		if a == nil {
			return false
		}
		low := strings.ToLower(a.Name)
		if a.Kind != graph.Country && !(a.Kind == graph.Organization && (strings.Contains(low, "ministry") || strings.Contains(low, "embassy") ||
			strings.Contains(low, "government") || strings.Contains(low, "foreign office") || strings.Contains(low, "foreign affairs"))) {
			return false
		}
		n++
	}
	return n > 0
}

// crossingMeasure reports whether a code closes or opens crossings or
// borders (1621, 081 and their kin), a state's own measure.
func crossingMeasure(code string) bool {
	return strings.HasPrefix(code, "162") || strings.HasPrefix(code, "081")
}

func isPassive(toks []token, i int) bool {
	lw := toks[i].lw
	if !(strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "en") || irregularPast.has(lw)) {
		return false
	}
	p := prevWord(toks, i)
	if p < 0 {
		// "was \"extremely concerned\"": past an opening quote
		k := i - 1
		for k >= 0 && (isQuoteMark(toks[k].w) || adverbs.has(toks[k].lw) || strings.HasSuffix(toks[k].lw, "ly") && len(toks[k].lw) > 4) {
			k--
		}
		if k == i-1 || k < 0 {
			return false
		}
		p = k
	}
	switch toks[p].lw {
	case "was", "were", "been", "be", "is", "are", "being":
		return true
	}
	return false
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

// cooperative reports whether a CAMEO code is of the verbal and material
// cooperation roots (01–08).
func cooperative(code string) bool { return len(code) >= 2 && code[:2] < "09" }

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

// crowdVerbs are the verbs of a crowd gathering, with the CAMEO code of
// the protest they make when a crowd does it (141 demonstrate or rally,
// 144 obstruct passage or block, 145 riot).
var crowdVerbs = map[string]string{
	"march": "141", "rally": "141", "gather": "141", "assemble": "141", "demonstrate": "141",
	"protest": "141", "picket": "141", "converge": "141", "flock": "141",
	"block": "144", "blockade": "144", "barricade": "144", "occupy": "144",
	"riot": "145",
}

// crowdNouns are the heads of a crowd subject ("thousands of people",
// "farmers", "supporters of the opposition"): general English, hand-written
// because no resource here lists them.
var crowdNouns = set(`people protesters protestors demonstrators marchers supporters thousands hundreds dozens
	crowds crowd students workers farmers villagers residents activists teachers doctors nurses women youths
	miners drivers traders opponents mourners citizens voters tribesmen refugees relatives pensioners employees
	unionists merchants shopkeepers fishermen lawyers journalists veterans locals inhabitants rioters`)

// crowdCode is the protest code of verb hit h when a crowd is its subject
// (see crowdVerbs, crowdNouns), or "".
func crowdCode(x *sent, h hit, cl [][2]int) string {
	if !h.verb {
		return ""
	}
	code := crowdVerbs[h.e.lemma]
	if code == "" || !crowdSubject(x, h, cl) {
		return ""
	}
	return code
}

// crowdSubject reports whether a crowd noun (crowdNouns) stands in the
// eight words of h's clause before it, with no mark between.
func crowdSubject(x *sent, h hit, cl [][2]int) bool {
	r := cl[h.clause]
	for k := h.i - 1; k >= r[0] && k >= h.i-8; k-- {
		t := x.toks[k]
		if t.punct {
			return false
		}
		if crowdNouns.has(t.lw) {
			return true
		}
	}
	return false
}

// exerciseVerbs hold an exercise: "held", "staged", "conducted", "carried
// out", "launched" one (its object), or it "began", "started" or "ended"
// (its subject).
var exerciseVerbs = set("hold stage conduct carry launch begin start kick end conclude wrap")

// exerciseNouns name an exercise of armed forces, when militaryExercise
// says it is one.
var exerciseNouns = set("exercise exercises drill drills manoeuvre manoeuvres maneuver maneuvers wargame wargames")

// militaryMods are the words that make an exercise a military one.
var militaryMods = set("military naval navy army air joint live-fire tactical amphibious command field combat war artillery missile anti-terror counter-terrorism")

// holdsExercise reports whether verb hit h holds an exercise: a verb of
// exerciseVerbs with an exercise noun as its object (within its clause
// after it) or as its subject (within the twelve words before it, past an
// apposition's commas), the noun a military one (militaryExercise).
func (st *state) holdsExercise(x *sent, h hit, cl [][2]int) bool {
	if !h.verb || !exerciseVerbs.has(h.e.lemma) && !exerciseVerbs.has(lemmaHead(h.e.lemma)) {
		return false
	}
	r := cl[h.clause]
	for k := h.j; k < r[1] && k < h.j+8; k++ {
		if x.toks[k].punct && x.toks[k].w != "-" {
			break
		}
		if exerciseNouns.has(x.toks[k].lw) {
			return st.militaryExercise(x, k)
		}
	}
	begin := h.e.lemma == "begin" || h.e.lemma == "start" || h.e.lemma == "end" || h.e.lemma == "conclude"
	for k := h.i - 1; begin && k >= 0 && k >= h.i-12; k-- {
		t := x.toks[k]
		if t.punct && t.w != "," && t.w != "-" {
			break
		}
		if exerciseNouns.has(t.lw) {
			return st.militaryExercise(x, k)
		}
	}
	return false
}

// militaryExercise reports whether the exercise noun at token k is a
// military exercise: a word of militaryMods right before it ("naval
// drills"), a name before or after it ("the Kheybar exercise", "the
// exercises, named Condor-25,"), or no lower-case modifier and a word of an
// armed force in its sentence or the one before or after ("the exercises
// began" after "Iranian ground forces launched …"); not "a demarcation
// exercise".
func (st *state) militaryExercise(x *sent, k int) bool {
	if k > 0 {
		p := x.toks[k-1]
		if militaryMods.has(p.lw) {
			return true
		}
		if p.cap && k-1 > 0 {
			return true
		}
		if !p.punct && !p.cap && !determiners.has(p.lw) && !exerciseAdjective(p.lw) {
			return false // "the demarcation exercise", "a census exercise"
		}
	}
	for n := k + 1; n < len(x.toks) && n <= k+2; n++ {
		if lw := x.toks[n].lw; lw == "named" || lw == "codenamed" || lw == "dubbed" || lw == "code-named" {
			return true // "the exercises, named Condor-25,"
		}
	}
	armed := func(y *sent) bool {
		for _, t := range y.toks {
			if armedSubject(t.lw) || t.lw == "military" || t.lw == "naval" || t.lw == "army" {
				return true
			}
		}
		return false
	}
	return armed(x) || x.idx > 0 && x.idx-1 < len(st.sents) && armed(st.sents[x.idx-1]) ||
		x.idx+1 < len(st.sents) && st.sents[x.idx+1] != nil && armed(st.sents[x.idx+1])
}

// exerciseAdjective reports whether w describes an exercise without naming
// what is exercised ("large-scale", "annual", "week-long", "snap"): the
// sentence decides then.
func exerciseAdjective(w string) bool {
	if strings.Contains(w, "-") || isNumber(w) {
		return true
	}
	for _, e := range []string{"al", "ic", "ive", "ous", "ful"} {
		if strings.HasSuffix(w, e) && len(w) > len(e)+2 {
			return true
		}
	}
	switch w {
	case "annual", "snap", "surprise", "major", "massive", "large", "new", "first", "second", "third", "regular", "routine", "planned", "unprecedented", "latest":
		return true
	}
	return false
}

// deliversPerson reports whether hit h delivers a person: "deliver"
// with a person's name right after it, or in the passive ("was delivered")
// with a person's name as the subject of its clause.
func deliversPerson(x *sent, h hit) bool {
	if !h.verb || h.e.lemma != "deliver" {
		return false
	}
	person := func(m *mention.Mention) bool { return m != nil && m.Kind == mention.Kind("PERSON") && m.ActorID != "" }
	if h.j < len(x.toks) && person(mentionAt(x, x.s.Start+x.toks[h.j].s)) {
		return true
	}
	if h.i < 2 || x.toks[h.i-1].lw != "was" && x.toks[h.i-1].lw != "were" {
		return false
	}
	for k := h.i - 2; k >= 0; k-- {
		if x.toks[k].punct && x.toks[k].w != "," {
			break
		}
		if m := mentionAt(x, x.s.Start+x.toks[k].s); person(m) && m.Start == x.s.Start+x.toks[k].s {
			return true
		}
	}
	return false
}

// crossingVerbs are the verbs of going into a place that, done by an
// armed force, make an incursion.
var crossingVerbs = set("cross enter intrude infiltrate penetrate")

// armedNouns are words of an armed force that Phoenix's agents dictionary
// lacks ("forces", "navy vessels", "coast guard ships", "jets"); its
// military, rebel and armed-group agents (soldier, troop, warship, militant)
// are armed forces too (armedSubject).
var armedNouns = set("forces navy naval guard guards guardsmen jets drones tanks gunboats helicopters")

// armedSubject reports whether word w names an armed force: a Phoenix
// agent of the military (MIL), rebel (REB) or unaffiliated armed (UAF)
// sector, or a word of armedNouns.
func armedSubject(w string) bool {
	switch lex().agents[w] {
	case "MIL", "REB", "UAF":
		return true
	}
	return armedNouns.has(w)
}

// forceCrossing reports whether verb hit h, a crossing verb with no code
// of its own, has an armed force as its subject: a word armedSubject
// knows in the eight words of its clause before it.
func forceCrossing(x *sent, h hit, cl [][2]int) bool {
	if !h.verb || h.neg || h.inf || h.e.cameo != "" || !crossingVerbs.has(h.e.lemma) {
		return false
	}
	r := cl[h.clause]
	for k := h.i - 1; k >= r[0] && k >= h.i-8; k-- {
		t := x.toks[k]
		if t.punct {
			return false
		}
		if armedSubject(t.lw) {
			return true
		}
	}
	return false
}

// leaveVerbs are the verbs of going away that, ordered, make an
// expulsion.
var leaveVerbs = set("leave depart quit exit")

// diplomatWords mark an expulsion of a country's representatives (CAMEO
// 166, expel or withdraw) rather than of persons (174, expel or deport).
var diplomatWords = set("diplomat diplomats diplomatic ambassador ambassadors envoy envoys embassy attaché attache consul consuls staff mission chargé chargés d'affaires affaires")

// performative is the verb a quotation opens with in the first person
// ("We strongly condemn …", "I call on …", "We reject …") when it is an
// appeal, a demand, disapproval, a rejection, a threat or a denial (CAMEO
// 02, 10 to 13, 016): saying it is doing it. It returns nil otherwise.
func performative(x *sent) *entry {
	l := lex()
	// a quotation that opens the sentence may have its opening mark left
	// with the sentence before: "We appeal to …," Soto told reporters
	opensQuoted := len(x.toks) > 2 && (x.toks[0].lw == "we" || x.toks[0].lw == "i") && strings.ContainsAny(x.s.Text, "\"”")
	for k := -1; k+2 < len(x.toks); k++ {
		if k == -1 && !opensQuoted {
			continue
		}
		if k >= 0 && (!isQuoteMark(x.toks[k].w) || x.toks[k+1].lw != "we" && x.toks[k+1].lw != "i") {
			continue
		}
		v := k + 2
		for v < len(x.toks) && v < k+5 && (strings.HasSuffix(x.toks[v].lw, "ly") || x.toks[v].lw == "also" || x.toks[v].lw == "once" || x.toks[v].lw == "again") {
			v++ // "we strongly condemn", "we once again call on"
		}
		if v >= len(x.toks) {
			return nil
		}
		key := x.toks[v].lw
		if v+1 < len(x.toks) && (x.toks[v+1].lw == "on" || x.toks[v+1].lw == "for") {
			if es := l.forms[key+" "+x.toks[v+1].lw]; len(es) > 0 {
				key += " " + x.toks[v+1].lw // "call on", "call for"
			}
		}
		for _, e := range l.forms[key] {
			if e.noun || e.class != speech {
				continue
			}
			if r := root2(e.cameo); r == "02" || r == "10" || r == "11" || r == "12" || r == "13" || e.cameo == "016" {
				return e
			}
		}
		return nil
	}
	return nil
}

// whetherBefore reports whether "whether" opens the clause of the verb at
// token i: within the eight words before it, with no punctuation between.
func whetherBefore(x *sent, i int) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if x.toks[k].punct {
			return false
		}
		if x.toks[k].lw == "whether" {
			return true
		}
	}
	return false
}

// denials are the statement verbs whose complement the speaker says did
// not happen.
var denials = set("deny dismiss refute")

// wishedBy reports whether the happening of hit rep (a noun or an
// infinitive: "his release", "to withdraw") is what a demand or an appeal
// (CAMEO 10, 02) asks for: the speech hit hi is one, or one stands between
// them ("said the arrest was illegal and demanded his release"). A clause
// of its own ("… the release of X, whom police detained on Saturday") is
// no wish.
func wishedBy(hits []hit, hi, rep int) bool {
	for k := range hits {
		if hits[k].i < hits[hi].i || hits[k].i >= hits[rep].i || hits[k].e.class != speech {
			continue
		}
		if r := root2(hits[k].e.cameo); r == "02" || r == "10" {
			return true
		}
	}
	return false
}

// wishable reports whether a hit can be what a demand asks for: a noun
// ("his immediate release", "a ceasefire") or an infinitive ("to
// withdraw"), not a clause of its own ("whom police detained").
func wishable(x *sent, h hit) bool {
	if !h.verb || h.i == 0 {
		return true
	}
	prev := x.toks[h.i-1].lw
	return prev == "to" || prev == "'s" || prev == "’s" || determiners.has(prev) ||
		strings.HasSuffix(prev, "ate") || strings.HasSuffix(prev, "al") // "immediate", "unconditional"
}

// passiveBe are the forms of "be" before a passive participle.
var passiveBe = set("is are was were be been being")

// orderedOut is the expulsion an order to leave reports ("Venezuela
// ordered Peru's diplomats to leave the country"): the order verb is the
// trigger, coded 166 when those ordered out represent a country and 174
// otherwise; its subject is the source and those named between the verb
// and "to leave" the targets.
func (st *state) orderedOut(x *sent, h, leave hit, cl [][2]int) *cand {
	e := *h.e
	e.cameo, e.class = "174", material
	from := h.j
	if h.i > 0 && passiveBe.has(x.toks[h.i-1].lw) {
		// "the diplomat was ordered to leave": those ordered out are its
		// subject
		from = 0
		if h.clause < len(cl) {
			from = cl[h.clause][0]
		}
	}
	for k := from; k < leave.i; k++ {
		if diplomatWords.has(x.toks[k].lw) {
			e.cameo = "166"
			break
		}
	}
	e.typ = lex().typeOf(e.cameo, "")
	oh := h
	oh.e = &e
	c := st.newCand(x, oh, cl)
	c.ev.Status = graph.Reported
	c.ev.Participants = nil
	for _, id := range st.actorsBefore(x, h, cl) {
		c.addParticipant(id, "source")
	}
	lo, hi := x.s.Start+x.toks[h.j].s, x.s.Start+x.toks[leave.i].s
	for _, m := range x.ments {
		if m.Start >= lo && m.End <= hi && m.ActorID != "" {
			c.addParticipant(m.ActorID, "target")
		}
	}
	c.ev.Title = st.title(x, oh, cl, c)
	return c
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

// handHappening reports whether the clause of dictionary hit d holds a
// hand-written trigger of a happening (not a statement) as a finite verb,
// not negated: "approved the plan, which includes providing funds" keeps
// "approved", "signed and ratified" does not add a looser reading.
func handHappening(x *sent, hits []hit, d hit) bool {
	for _, h := range hits {
		if h.adjunct {
			break // what "…, saying it had crossed" reports is no happening of the clause
		}
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

// agreementTerms reports whether a lower-case sentence gives the terms of
// an agreement: it opens with "under the accord," or "according to the
// text,", or with an agreement as the subject of a verb in the present
// ("the memorandum provides …", "the new protocol also establishes …").
func agreementTerms(low string) bool {
	low = strings.TrimLeft(low, " \"“‘'")
	var rest string
	switch {
	case strings.HasPrefix(low, "under the "), strings.HasPrefix(low, "under this "), strings.HasPrefix(low, "under its "):
		rest = low[strings.IndexByte(low, ' ')+1:]
	case strings.HasPrefix(low, "according to the "):
		rest = low[len("according to "):]
		if f := strings.Fields(rest); len(f) > 1 && (strings.HasPrefix(f[1], "text") || strings.HasPrefix(f[1], "document")) {
			return true
		}
	case strings.HasPrefix(low, "the "):
		// the first six words are enough (Fields of the whole sentence
		// would allocate for every sentence opening with "the")
		head := low
		for n, k := 0, 0; k < len(low); k++ {
			if low[k] == ' ' {
				if n++; n == 6 {
					head = low[:k]
					break
				}
			}
		}
		f := strings.Fields(head)
		for i := 1; i < len(f) && i <= 3; i++ {
			if !slices.Contains(agreementNouns, strings.Trim(f[i], ",;:")) {
				continue
			}
			j := i + 1
			if j < len(f) && f[j] == "also" {
				j++
			}
			return j < len(f) && presentThird(f[j])
		}
		return false
	default:
		return false
	}
	// the agreement phrase ends at a comma within a few words
	comma := strings.IndexByte(rest, ',')
	return comma > 0 && len(strings.Fields(rest[:comma])) <= 5 && startsWithAgreementNoun(" "+rest[strings.IndexByte(rest, ' ')+1:comma])
}

// presentThird reports whether a lower-case word is a verb's third person
// present ("establishes", "provides"), not "was", "has", "is" or "its".
func presentThird(w string) bool {
	switch w {
	case "is", "was", "has", "its", "this", "his", "as", "thus", "plus", "news", "does":
		return false
	}
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "'s")
}

// rejectWords call a claim, a decision or an objection untrue or without
// ground: a statement saying so is a rejection (CAMEO 12).
var rejectWords = set("unfounded baseless groundless untrue fabricated false absurd unjustified lies")

// condemnWords call an act wrong or hostile ("was illegal", "an act of
// aggression", "a flagrant violation"): a statement saying so criticizes or
// denounces it (CAMEO 111).
var condemnWords = set("unacceptable inadmissible intolerable illegal illegitimate unlawful provocative irresponsible outrageous barbaric provocation provocations aggression terror terrorism violation violations breach breaches")

// condemnNouns are the words of condemnWords that judge as nouns; the
// adjectives judge only where the predicate ends ("was illegal," but not
// "is an illegal crossing").
var condemnNouns = set("provocation provocations aggression terror terrorism violation violations breach breaches")

// predicateEnd reports whether the token after k ends a predicate
// adjective: punctuation, a quotation mark, the end of the sentence or a
// word that opens what follows it ("illegal and", "unacceptable under").
func predicateEnd(x *sent, k, to int) bool {
	if k+1 >= to {
		return true
	}
	n := x.toks[k+1]
	return n.punct || isQuoteMark(n.w) || adjectiveEnds.has(n.lw)
}

// adjectiveEnds are the words that may follow a predicate adjective.
var adjectiveEnds = set("and or but under in by because as since for to")

// acceptWords are what a statement says an act is not ("is not
// acceptable") or will not be ("will not be tolerated"): negated, they
// condemn it too.
var acceptWords = set("acceptable tolerable justified justifiable legitimate tolerated accepted condoned")

// judgmentFill are the words that may stand between a copula and the word
// that judges ("was a new act of aggression", "is a flagrant violation").
var judgmentFill = set("a an another new further clear flagrant blatant gross serious grave direct deliberate outright act acts of")

// judgment returns the code of what the statement of speech verb h says of
// an act: "120" when it calls a claim unfounded or says it had no basis
// ("said the decision was \"unfounded\""), "111" when it calls an act wrong
// ("said the arrest was illegal", "is not acceptable", "will not be
// tolerated"), else "". It reads the complement after the verb and a
// quotation that ends right before it ('"…," Soto said').
func judgment(x *sent, h hit) string {
	if c := judgmentIn(x, h.j, len(x.toks)); c != "" {
		return c
	}
	if q := quoteBefore(x.toks, h.i); q >= 0 {
		return judgmentIn(x, q, h.i)
	}
	return ""
}

// judgmentIn scans tokens from..to-1 for a copula ("was", "were", "is",
// "are", "be", "been", or "as" right after the verb: "dismissed as
// baseless"), quotation marks, adverbs and the words of
// judgmentFill, then a judging word; a "not" or "never" before the copula or
// after it negates the judgment.
func judgmentIn(x *sent, from, to int) string {
	copula, neg := false, false
	for k := from; k < to; k++ {
		t := x.toks[k]
		switch {
		case t.lw == "was" || t.lw == "were" || t.lw == "is" || t.lw == "are" || t.lw == "be" || t.lw == "been":
			// "there is a …" introduces something, it judges nothing
			copula = k == 0 || x.toks[k-1].lw != "there"
		case t.lw == "as" && k == from:
			// "dismissed as baseless", "rejected as a provocation": the
			// judgment right after the statement's verb
			copula = true
		case t.lw == "not" || t.lw == "never" || t.lw == "n't":
			neg = true
		case copula && (isQuoteMark(t.w) || strings.HasSuffix(t.lw, "ly") || t.lw == "completely" || judgmentFill.has(t.lw)):
		case copula && !neg && rejectWords.has(t.lw):
			return "120"
		case copula && !neg && condemnWords.has(t.lw) && (condemnNouns.has(t.lw) || predicateEnd(x, k, to)):
			return "111"
		case copula && neg && acceptWords.has(t.lw):
			return "111"
		case t.lw == "no" && k+1 < to && (x.toks[k+1].lw == "basis" || x.toks[k+1].lw == "foundation" || x.toks[k+1].lw == "grounds"):
			b := k - 1
			for b > 0 && isQuoteMark(x.toks[b].w) {
				b-- // 'had "no basis"'
			}
			if b >= 0 && (x.toks[b].lw == "had" || x.toks[b].lw == "has" || x.toks[b].lw == "have") {
				return "120"
			}
		case t.punct && t.w != "," && !isQuoteMark(t.w):
			return ""
		default:
			copula, neg = false, false
		}
	}
	return ""
}

// threatWords are the forms of warn and threaten that open what is
// threatened ("warned that …", "threatening that …").
var threatWords = set("warn warns warned warning threaten threatens threatened threatening")

// threatened reports whether the verb at token i stands in a "warned that
// …" clause: a "that" within the twelve words before it, right after a
// form of warn or threaten.
func threatened(x *sent, i int) bool {
	for k := i - 1; k > 0 && k >= i-12; k-- {
		if x.toks[k].punct && x.toks[k].w != "," && !isQuoteMark(x.toks[k].w) {
			return false
		}
		if x.toks[k].lw == "that" {
			// "warned that", "warned on Friday that"
			for b := k - 1; b >= 0 && b >= k-4; b-- {
				if threatWords.has(x.toks[b].lw) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// lemmaHead is the first word of a lemma ("carry" of "carry out").
func lemmaHead(lemma string) string {
	if i := strings.IndexByte(lemma, ' '); i > 0 {
		return lemma[:i]
	}
	return lemma
}

// toldEarlier reports whether speech verb h reports, in the past perfect,
// a happening rep that the sentence gives no date of its own: "told
// reporters on Tuesday that troops had crossed the river". The sentence's
// time expressions, if any, all stand before rep's verb: they date the
// statement.
func toldEarlier(x *sent, hits []hit, h, rep hit) bool {
	if !rep.verb || rep.inf || rep.planned || !pastPerfect(x, hits, rep.i) {
		return false
	}
	for k := range x.exprs {
		ex := &x.exprs[k]
		if ex.Anchored || ex.Span.Precision == graph.Unknown {
			continue
		}
		if ex.Start >= x.toks[rep.i].s {
			return false
		}
	}
	return h.i < rep.i
}

// pastPerfect reports whether the verb at token i is in the past perfect:
// "had" stands up to four words before it, with only adverbs, "been",
// "not" or a support verb of hits between ("had crossed", "had allegedly
// been fired", "had carried out strikes").
func pastPerfect(x *sent, hits []hit, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		t := x.toks[k]
		switch {
		case t.lw == "had":
			return true
		case t.lw == "been" || t.lw == "not" || t.lw == "never" || t.lw == "out" || adverbs.has(t.lw) || strings.HasSuffix(t.lw, "ly") || lightAt(hits, k):
		default:
			return false
		}
	}
	return false
}

// lightAt reports whether a support verb of hits stands at token k.
func lightAt(hits []hit, k int) bool {
	for _, g := range hits {
		if g.i == k {
			return g.verb && g.e.class == light
		}
	}
	return false
}

// accusedOf is the side a statement blames for the violent happening g it
// reports (CAMEO roots 18 to 20): the actors of g's own subject, when none
// of them is the speaker or the speaker's country ("said Dorelian troops
// had shelled the village"), else nil ("said its forces had shelled").
func (st *state) accusedOf(x *sent, h, g hit, speaker string) []string {
	if r := root2(g.e.cameo); r != "18" && r != "19" && r != "20" || !ownSubject(x, h, g) {
		return nil
	}
	ids := st.complementSubject(x, h, g)
	own := ""
	if a := st.actors[speaker]; a != nil {
		own = a.Country
	}
	for _, id := range ids {
		a := st.actors[id]
		if id == speaker || a == nil || own != "" && a.Country == own {
			return nil
		}
	}
	return ids
}

// deportedNouns name private persons a state expels (CAMEO 174), besides
// civilianNouns.
var deportedNouns = set("nationals citizens migrants immigrants refugees foreigners families people asylum-seekers seekers")

// personsIn reports whether sentence x names private persons (civilianNouns,
// deportedNouns).
func personsIn(x *sent) bool {
	for _, t := range x.toks {
		if civilianNouns.has(t.lw) || deportedNouns.has(t.lw) {
			return true
		}
	}
	return false
}

// diplomatIn reports whether a word of diplomatWords stands in sentence x.
func diplomatIn(x *sent) bool {
	for _, t := range x.toks {
		if diplomatWords.has(t.lw) {
			return true
		}
	}
	return false
}

// violenceVerbs are the verbs of killing and shooting people that CAMEO
// codes by whom they strike: military force (190) between armed forces,
// unconventional violence (180) against civilians or by criminals.
var violenceVerbs = set("kill shoot murder")

// civilianNouns name people who take no part in fighting (the heads of a
// victim's noun phrase): general English, hand-written.
var civilianNouns = set(`civilian civilians villager villagers youth youths teenager teenagers teen girl girls boy boys
	child children woman women boys men migrant migrants protester protesters demonstrators journalist journalists
	worker workers farmer farmers fisherman fishermen herder herders driver drivers student students passenger passengers
	tourist tourists dissident dissidents activist activists trader traders resident residents worshippers pilgrims`)

// unconventional reports whether hit h, coded military force (190), is a
// killing or a shooting of civilians (violenceVerbs; its object, its
// subject when passive, after it for a noun) or violence done by a criminal or
// unaffiliated gunman (a Phoenix agent of the CRM sector, "gunman",
// "gunmen"; its subject, or its "by" agent when passive), within its
// clause.
func unconventional(x *sent, h hit, cl [][2]int) bool {
	if h.neg || h.clause >= len(cl) {
		return false
	}
	r := cl[h.clause]
	victim := func(k int) bool { return violenceVerbs.has(h.e.lemma) && civilianNouns.has(x.toks[k].lw) }
	agent := func(k int) bool {
		lw := x.toks[k].lw
		return lex().agents[lw] == "CRM" || lw == "gunman" || lw == "gunmen" || lw == "gangs" || lw == "gang"
	}
	before, after := victim, agent
	switch {
	case !h.verb:
		// a noun names its victim and its doer after it: "the killing of
		// a driver by gunmen"
		before = func(int) bool { return false }
		after = func(k int) bool { return victim(k) || agent(k) }
	case !isPassive(x.toks, h.i):
		before, after = agent, victim
	}
	for k := h.i - 1; k >= r[0] && k >= h.i-6; k-- {
		if x.toks[k].punct {
			break
		}
		if before(k) {
			return true
		}
	}
	for k := h.j; k < r[1] && k < h.j+8; k++ {
		if x.toks[k].punct && x.toks[k].w != "-" {
			break
		}
		if after(k) {
			return true
		}
	}
	return false
}

// participleRelative reports whether the past participle at token i
// follows its noun as a reduced passive relative clause before the
// clause's finite verb ("300 migrant workers expelled from Sabah arrived
// in Nunukan"): the noun before it is what the verb was done to. The word
// before is a lower-case plural noun, and a finite verb follows before
// any comma or conjunction.
func participleRelative(toks []token, i int) bool {
	lw := toks[i].lw
	if i == 0 || !(strings.HasSuffix(lw, "ed") || irregularPast.has(lw)) {
		return false
	}
	prev := toks[i-1]
	if prev.punct || prev.cap || !strings.HasSuffix(prev.lw, "s") || strings.HasSuffix(prev.lw, "ss") || auxBe.has(prev.lw) || pronouns.has(prev.lw) || determiners.has(prev.lw) {
		return false
	}
	return finiteAhead(toks, i+1, min(len(toks), i+15))
}

// ownExprIn is the time expression, neither anchored nor unresolved, that
// lies inside the bytes start..end of the sentence or right after them (a
// named happening's own date: "after police arrested two men on
// Wednesday"), or nil.
func ownExprIn(x *sent, start, end int) *timex.Expr {
	for k := range x.exprs {
		if ex := &x.exprs[k]; !ex.Anchored && ex.Span.Precision != graph.Unknown && ex.Start >= start && ex.Start <= end+1 {
			return ex
		}
	}
	return nil
}

// nounPhraseEnd is the byte offset (in the sentence) where the phrase of
// noun hit h ends: at the first punctuation mark after it, or the
// sentence's end.
func nounPhraseEnd(x *sent, h hit) int {
	for k := h.j; k < len(x.toks); k++ {
		if x.toks[k].punct {
			return x.toks[k].s
		}
	}
	return len(x.s.Text)
}

// decisionNouns name a measure decided, whose infinitive is the measure:
// "a decision by X to close", "a move by X to expel".
var decisionNouns = set("decision move order")

// decidedBy returns the actors of "by X" in "a decision by X to V" for
// the infinitive hit hits[hi] (or one joined to it: "to seal … and
// impose"), or nil.
func (st *state) decidedBy(x *sent, hits []hit, hi int) []string {
	h := infinitiveHead(x, hits, hi)
	if h.i < 4 || x.toks[h.i-1].lw != "to" {
		return nil
	}
	for k := h.i - 2; k >= 1 && k >= h.i-10; k-- {
		t := x.toks[k]
		if t.punct && t.w != "'" && t.w != "’" || t.lw == "to" {
			return nil
		}
		if t.lw != "by" || !decisionNouns.has(x.toks[k-1].lw) {
			continue
		}
		from, to := x.s.Start+t.e, x.s.Start+x.toks[h.i-1].s
		var ids []string
		for mi := range x.ments {
			if m := &x.ments[mi]; m.ActorID != "" && m.Start >= from && m.End <= to && !slices.Contains(ids, m.ActorID) {
				ids = append(ids, m.ActorID)
			}
		}
		return ids
	}
	return nil
}

// tripVerbs are the past forms of going somewhere, whose purpose
// infinitive tells what was done there.
var tripVerbs = set("travelled traveled flew went came arrived headed returned drove")

// tripPurpose reports whether the infinitive hits[hi] (or the one it is
// joined to: "to visit … and meet") is the purpose of a trip told in the
// same clause before it: "flew to Nairobi on Monday to meet".
func tripPurpose(x *sent, hits []hit, hi int) bool {
	h := infinitiveHead(x, hits, hi)
	if h.i < 2 || x.toks[h.i-1].lw != "to" {
		return false
	}
	for k := h.i - 2; k >= 0 && k >= h.i-10; k-- {
		t := x.toks[k]
		if t.punct && t.w != "," || t.lw == "and" || t.lw == "but" || t.lw == "that" {
			return false
		}
		if tripVerbs.has(t.lw) {
			return true
		}
	}
	return false
}

// infinitiveHead is the infinitive hit that hits[hi] is joined to by
// "and" ("to shut the post and expel"), the one after "to"; hits[hi]
// itself when it follows "to".
func infinitiveHead(x *sent, hits []hit, hi int) hit {
	h := hits[hi]
	for hi > 0 && hits[hi-1].inf && hits[hi-1].verb && x.toks[h.i-1].lw != "to" {
		hi--
		h = hits[hi]
	}
	return h
}
