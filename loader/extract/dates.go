package extract

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	graph "eventgraph/graph/model" // types only: extraction must not link the store
	"eventgraph/loader/timex"
)

// Phase "dates": each event's date from its own clause's time
// expression, else the sentence's, the narrative's or the tense.

// timeWord is a word of a time expression: "said on Monday it arrested".
func timeWord(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "earlier", "later", "last", "this", "week", "month", "year":
		return true
	}
	return false
}

// date sets an event's date from the nearest time expression of its
// clause, else of its sentence, else from the narrative or the tense.
func (st *state) date(x *sent, c *cand, cl [][2]int, made []*cand) {
	trig := c.trig - x.s.Start
	ti := max(tokenAt(x, c.trig), 0)
	clause := 0
	for k, r := range cl {
		if ti >= r[0] && ti < r[1] {
			clause = k
		}
	}
	best, bestD := -1, 1<<30
	plo, phi := apposition(x, ti)
	for k, ex := range x.exprs {
		if ex.Anchored || ex.Span.Precision == graph.Unknown {
			continue
		}
		if ex.Start < x.dateline {
			continue // "LIMA, 4 March (Andina) -": the day the story was filed
		}
		if b := x.back; b != nil && (trig < b.start || trig >= b.end) && ex.Start >= b.start && ex.Start <= b.end+1 {
			continue // "a day after customs seized a lorry on Wednesday": Wednesday is the seizure's
		}
		if ex.Start >= plo && ex.End <= phi && phi > 0 {
			continue // "X, who broke with Y in June, rejected": June is not the rejection's
		}
		if strings.HasPrefix(strings.ToLower(ex.Text), "since ") && !perfectAt(x, ti) && !clauseOpens(x, cl[clause], "when") {
			continue // "has been stuck in port since Jan. 5 after losing power": a state's start
		}
		if ex.Start > trig && (relativeBetween(x, trig, ex.Start) || zeroRelativeBetween(x, trig, ex.Start)) {
			continue // "lifted a ban that had been in force since 2011", "freed the men they seized in May"
		}
		if c.ev.Status == graph.Planned && !st.pub.IsZero() && ex.Span.End != "" && ex.Span.End < st.pub.Format("2006-01-02") {
			continue // "shut since the floods of 2022, would reopen": a plan is not dated in the past
		}
		// a statement is dated next to its verb ("said on Monday that");
		// a date further on belongs to what was said
		if isStatement(c) && ex.Start > trig && saysBetween(x.s.Text[trig:ex.Start]) {
			continue
		}
		if !isStatement(c) && ex.Start > trig && attributionDate(x, trig, ex.Start) {
			continue // "X inked the deal, the ministry said on Monday": the day of the saying
		}
		if c.agree != nil && (effectDate(x, &x.exprs[k]) || citedDate(x, &x.exprs[k])) {
			continue
		}
		if !isStatement(c) && ex.End <= trig && speechBetween(x, ex.End, trig) && exprAfter(x, k, trig) {
			// "On Wednesday, state media said X oversaw the test the
			// previous day": the day before the speech verb is the
			// statement's; the one after the happening is its own
			continue
		}
		if premodifiesOther(x, c, &x.exprs[k]) || modifiesNoun(x, &x.exprs[k], trig) {
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
		prevClause := clause - 1
		if prevClause > 0 && cl[prevClause][1]-cl[prevClause][0] == 1 {
			prevClause-- // a comma alone between them: ", when"
		}
		when := exClause == prevClause && clauseOpens(x, cl[clause], "when")
		if when {
			d -= 200
		}
		if exClause != clause {
			if !when && otherEventIn(made, c, x, cl, exClause) {
				continue
			}
			d += 200
		}
		// "arrived on March 3 and signed the pact on March 5": a date
		// that follows another event's trigger more closely is that
		// event's; it dates this one only when nothing else does
		if dateOfOther(made, c, x, ex.Start) || ex.Start > trig && reducedRelativeDate(x, ex.Start) {
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
	if b := x.back; b != nil && c.ev.Status != graph.Planned && (trig < b.start || trig >= b.end) {
		c.ev.Date = b.date
		c.explicit = true
		return
	}
	if c.ev.Status == graph.Planned {
		c.ev.Date = graph.DateSpan{Precision: graph.Unknown}
		return
	}
	if lastingFor(x, ti) {
		// "triggered weeks of street protests": a happening that lasted
		// weeks is no day the narrative or the tense can give it
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
	// "Last month, X protested to Y after Z detained two men": a
	// happening in a clause of time after an event dated by a week, month
	// or year falls in that span
	for _, m := range made {
		if m != c && m.explicit && m.trig < c.trig && m.ev.Status != graph.Planned && !isStatement(m) && coarseSpan(m.ev.Date.Precision) &&
			timeClauseBetween(x, tokenAt(x, m.trig), ti) {
			c.ev.Date = m.ev.Date
			c.ev.Date.Inferred = true
			c.inferred = true
			return
		}
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
		c.perfect = ti > 0 && perfectAt(x, ti) && x.toks[ti-1].lw != "had" && x.toks[max(ti-2, 0)].lw != "had"
		return
	}
	c.ev.Date = graph.DateSpan{Precision: graph.Unknown}
}

// coarseSpan reports whether a precision spans more than a day.
func coarseSpan(p graph.Precision) bool {
	return p == graph.Week || p == graph.Month || p == graph.Quarter || p == graph.Year
}

// timeClauseBetween reports whether token b is in a clause of time opened
// by a conjunction ("after", "when", "as", "while", "before") after token
// a: at most eight words before b, with no comma, "and" or semicolon
// between the conjunction and b ("… after a border war that killed
// thousands, and the president was awarded" is another clause).
func timeClauseBetween(x *sent, a, b int) bool {
	for k := b - 1; k > max(a, 0) && k >= b-8; k-- {
		switch x.toks[k].lw {
		case "after", "when", "as", "while", "before":
			return true
		case ",", ";", "and", "but":
			return false
		}
	}
	return false
}

// perfectAt reports whether the verb at token i is in a perfect tense
// ("has been closed", "have fled"), which "since" dates.
func perfectAt(x *sent, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch x.toks[k].lw {
		case "has", "have", "had":
			return true
		case "been", "not", "already", "also", "now":
			continue
		}
		return false
	}
	return false
}

// relativeBetween reports whether a relative clause with its own verb
// opens between byte offsets a and b of the sentence: "that had been",
// "which was", "who has".
func relativeBetween(x *sent, a, b int) bool {
	for k := tokenAt(x, x.s.Start+a) + 1; k+1 < len(x.toks) && x.toks[k].s < b; k++ {
		switch x.toks[k].lw {
		case "that", "which", "who":
			switch x.toks[k+1].lw {
			case "had", "has", "have", "was", "were", "is", "are":
				return true
			}
		}
	}
	return false
}

// subjectPronouns open a relative clause without "that" after a noun.
var subjectPronouns = set("they he she it we")

// notNoun are the words that stand before a clause's subject pronoun
// without a relative clause opening: conjunctions and prepositions.
var notNoun = set("and or but that which who whom when where while because as since after before until if than so though although once whether in on at by with from to of for into over about against")

// zeroRelativeBetween reports whether a relative clause without a
// relative pronoun opens between sentence bytes a and b: a lower-case noun,
// a subject pronoun and a verb in the past ("freed the fishermen they
// abducted last month", "returned the weapons it had seized"), so a date
// after it is that clause's.
func zeroRelativeBetween(x *sent, a, b int) bool {
	for k := tokenAt(x, x.s.Start+a) + 1; k+2 < len(x.toks) && x.toks[k+1].s < b; k++ {
		n, p, v := x.toks[k], x.toks[k+1], x.toks[k+2]
		if n.punct || n.cap || !subjectPronouns.has(p.lw) || notNoun.has(n.lw) || determiners.has(n.lw) || auxBe.has(n.lw) ||
			modals.has(n.lw) || adverbs.has(n.lw) || strings.HasSuffix(n.lw, "ed") || irregularPast.has(n.lw) {
			continue // "after they seized", "said they had": no noun before
		}
		if v.lw == "had" || strings.HasSuffix(v.lw, "ed") || irregularPast.has(v.lw) && v.lw != "said" && v.lw != "told" {
			return true
		}
	}
	return false
}

// reducedRelativeDate reports whether the time expression at byte start
// of the sentence follows a participle that modifies the noun before it —
// "initialled the protocol agreed in April on Friday": April is when the
// protocol was agreed — so it dates another happening than the trigger's.
func reducedRelativeDate(x *sent, start int) bool {
	k := tokenAt(x, x.s.Start+start) - 1
	if k < 2 {
		return false
	}
	v := x.toks[k]
	if !strings.HasSuffix(v.lw, "ed") && !irregularPast.has(v.lw) {
		return false
	}
	n := x.toks[k-1]
	return !n.punct && !n.cap && !auxBe.has(n.lw) && !modals.has(n.lw) && !pronouns.has(n.lw) && !adverbs.has(n.lw) &&
		!negations.has(n.lw) && n.lw != "and" && n.lw != "or" && n.lw != "have" && n.lw != "has" && n.lw != "had" && !determiners.has(n.lw)
}

// modifiesNoun reports whether a bare year after a determiner names
// a noun's year rather than a date ("criticised the 2015 accord", "the
// 2011 uprising"): the expression is the year alone, "the", "a" or a
// possessive comes before it and a lower-case word, not the trigger at
// trig, right after it.
func modifiesNoun(x *sent, ex *timex.Expr, trig int) bool {
	if y := strings.TrimSpace(ex.Text); ex.Span.Precision != graph.Year || len(y) != 4 || !isNumber(y) {
		return false
	}
	before := strings.TrimSpace(x.s.Text[:ex.Start])
	det := strings.HasSuffix(before, " the") || strings.HasSuffix(before, " a") || before == "The" || before == "A" ||
		strings.HasSuffix(before, "'s") || strings.HasSuffix(before, "’s") || strings.HasSuffix(before, " its") || strings.HasSuffix(before, " their")
	if !det {
		return false
	}
	rest := strings.TrimLeft(x.s.Text[ex.End:], " ")
	if rest == "" || ex.End+len(x.s.Text[ex.End:])-len(rest) == trig {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsLower(r)
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

// yearRE finds a four-digit year in a time expression's words.
var yearRE = regexp.MustCompile(`\b(1[89]\d\d|2[01]\d\d)\b`)

// monthWordRE finds a month's name in a time expression's words.
var monthWordRE = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b`)

// anchorYears gives a calendar date without a year of its own the year the
// sentence names with a month: "in January 2024 after Ethiopia signed … on
// Jan. 1" is 1 January 2024, not the last 1 January before publication.
// Only when every year the sentence names is one and the same, one of them
// with its month, and the date falls in that month or a neighbour.
func anchorYears(x *sent) {
	if len(x.exprs) < 2 {
		return
	}
	year, month := "", ""
	for _, ex := range x.exprs {
		if !hasFourDigits(ex.Text) {
			continue
		}
		for _, y := range yearRE.FindAllString(ex.Text, -1) {
			if year != "" && y != year {
				return
			}
			year = y
		}
		// only a month named with its year anchors ("in January 2024");
		// a bare year ("since 2021") may belong to another clause
		if monthWordRE.MatchString(ex.Text) && len(ex.Span.Start) >= 7 {
			month = ex.Span.Start[5:7]
		}
	}
	if year == "" || month == "" {
		return
	}
	for i := range x.exprs {
		ex := &x.exprs[i]
		sp := &ex.Span
		if ex.Anchored || hasFourDigits(ex.Text) && yearRE.MatchString(ex.Text) || !monthWordRE.MatchString(ex.Text) ||
			(sp.Precision != graph.Day && sp.Precision != graph.Month) || len(sp.Start) < 10 || len(sp.End) < 10 || sp.Start[:4] == year ||
			!nearMonth(sp.Start[5:7], month) {
			continue
		}
		reYear(sp, year)
	}
}

// speechBetween reports whether a statement verb stands between sentence
// offsets a and b.
func speechBetween(x *sent, a, b int) bool {
	for _, h := range x.hits {
		if h.verb && h.e.class == speech && x.toks[h.i].s >= a && x.toks[h.i].e <= b {
			return true
		}
	}
	return false
}

// exprAfter reports whether a usable time expression other than the k-th
// starts after sentence offset at.
func exprAfter(x *sent, k, at int) bool {
	for j := range x.exprs {
		if j != k && !x.exprs[j].Anchored && x.exprs[j].Span.Precision != graph.Unknown && x.exprs[j].Start > at {
			return true
		}
	}
	return false
}

// nearMonth reports whether two months ("01" to "12") are the same or
// neighbours.
func nearMonth(a, b string) bool {
	x, y := int(a[0]-'0')*10+int(a[1]-'0'), int(b[0]-'0')*10+int(b[1]-'0')
	d := x - y
	return d >= -1 && d <= 1
}

// hasFourDigits reports whether s holds four digits in a row (a cheap test
// before yearRE).
func hasFourDigits(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if n++; n == 4 {
				return true
			}
		} else {
			n = 0
		}
	}
	return false
}

// attributionDate reports whether the time expression at sentence offset
// at, after the trigger at trig, dates an attribution closing the
// sentence after a comma ("…, the Foreign Office said on Monday"): the
// day of the saying, not of the happening before it.
func attributionDate(x *sent, trig, at int) bool {
	for _, g := range x.hits {
		if g.e.class != speech || !g.verb {
			continue
		}
		gs := x.toks[g.i].s
		if gs <= trig || gs >= at || !attributionAfterComma(x.toks, g.i) {
			continue
		}
		// the expression right after the verb: "said on Monday", "said Monday"
		if n := len(strings.Fields(x.s.Text[x.toks[g.j-1].e:at])); n <= 1 {
			return true
		}
	}
	return false
}

// reYear moves a day or month span to year, unless the day does not exist
// in it (29 February).
func reYear(sp *graph.DateSpan, year string) {
	start, err1 := time.Parse("2006-01-02", year+sp.Start[4:])
	end, err2 := time.Parse("2006-01-02", year+sp.End[4:])
	if err1 != nil || err2 != nil || start.Format("2006-01-02") != year+sp.Start[4:] {
		return // 29 February of another year
	}
	sp.Start, sp.End = start.Format("2006-01-02"), end.Format("2006-01-02")
	if len(sp.Value) >= 4 {
		sp.Value = year + sp.Value[4:]
	}
}

// thatYear gives a month or day without a year of its own followed by "of
// that year" or "that year" ("In June of that year, it expelled …") the
// last year the article named in four digits, then notes the year this
// sentence names last.
func (st *state) thatYear(x *sent) {
	if st.lastYear != "" {
		for i := range x.exprs {
			ex := &x.exprs[i]
			sp := &ex.Span
			if ex.End >= len(x.low) || !thatYearAt(x.low[ex.End:]) || ex.Anchored || hasFourDigits(ex.Text) ||
				(sp.Precision != graph.Day && sp.Precision != graph.Month) || len(sp.Start) < 10 || len(sp.End) < 10 || !monthWordRE.MatchString(ex.Text) {
				continue
			}
			reYear(sp, st.lastYear)
		}
	}
	for _, ex := range x.exprs {
		if y := lastYearIn(ex.Text); y != "" {
			st.lastYear = y
		}
	}
}

// lastYearIn is the last run of exactly four digits from 1800 to 2199 in
// s (a year, as yearRE finds), or "".
func lastYearIn(s string) string {
	for end := len(s); end > 0; {
		i := end - 1
		for i >= 0 && s[i] >= '0' && s[i] <= '9' {
			i--
		}
		if run := s[i+1 : end]; len(run) == 4 && run >= "1800" && run < "2200" {
			return run
		}
		for i >= 0 && (s[i] < '0' || s[i] > '9') {
			i--
		}
		end = i + 1
	}
	return ""
}

// thatYearAt reports whether s opens with "(of) that year" or "(of) the
// same year".
func thatYearAt(s string) bool {
	s = strings.TrimPrefix(s, " of")
	return strings.HasPrefix(s, " that year") || strings.HasPrefix(s, " the same year")
}

// spanUnits before "of" make a happening last ("weeks of protests",
// "months of fighting", "years of talks").
var spanUnits = set("days weeks months years decades")

// lastingFor reports whether the trigger at token ti follows "weeks of",
// "months of" … with at most two modifiers between ("weeks of street
// protests").
func lastingFor(x *sent, ti int) bool {
	for k := ti - 1; k >= 1 && k >= ti-3; k-- {
		if x.toks[k].lw == "of" {
			return spanUnits.has(x.toks[k-1].lw)
		}
		if x.toks[k].punct {
			return false
		}
	}
	return false
}

// toldBefore returns the event of an earlier sentence that the definite
// event noun of hit h (its phrase ending at byte end of the sentence)
// refers back to, dated to a day by the text: an
// event of the latest sentence with a trigger of the same word ("seized
// … in raids on Tuesday", then "the raids"), else the latest event of its
// CAMEO root (of its type when uncoded: "police raided depots on
// Tuesday"), or nil.
func (st *state) toldBefore(x *sent, h hit, end int) *cand {
	if h.verb || !h.det || h.e == nil {
		return nil
	}
	// words naming what the noun is of that the earlier telling lacks make
	// it another happening: "the opening of a bridge" after "the opening
	// of a school"
	newWords := func(p *sent) bool {
		for k := h.j; k < len(x.toks) && x.toks[k].s < end; k++ {
			if t := x.toks[k]; !t.punct && len(t.lw) > 3 && !strings.Contains(p.low, t.lw) {
				return true
			}
		}
		return false
	}
	// the latest earlier sentence with a trigger of the same word ("seized
	// … in raids on Tuesday", then "the raids"), dated by
	// an event of its own
	for i := x.idx - 1; i >= 0; i-- {
		p := st.sents[i]
		if !slices.ContainsFunc(p.hits, func(g hit) bool { return g.e != nil && g.e.lemma == h.e.lemma }) {
			continue
		}
		if newWords(p) {
			return nil
		}
		for k := len(st.cands) - 1; k >= 0; k-- {
			if c := st.cands[k]; c.sent == i && !c.dropped && c.explicit && c.ev.Status != graph.Planned && c.ev.Date.Precision == graph.Day && c.ev.Date.Start == c.ev.Date.End {
				return c
			}
		}
		break
	}
	for i := len(st.cands) - 1; i >= 0; i-- {
		c := st.cands[i]
		if c.sent >= x.idx || c.dropped || !c.explicit || c.ev.Status == graph.Planned || c.ev.Date.Precision != graph.Day || c.ev.Date.Start != c.ev.Date.End {
			continue
		}
		if newWords(st.sents[c.sent]) {
			continue
		}
		if h.e.cameo != "" && c.ev.CAMEO != "" && root2(c.ev.CAMEO) == root2(h.e.cameo) || h.e.cameo == "" && c.ev.Type == h.e.typ {
			return c
		}
	}
	return nil
}

// countFrom is the day of a sentence's happening that a time expression
// anchored to another happening places (target: the span timex gave that
// happening, counted from the narrative's day) when that happening was
// told on the day told: "a day after X" is the day after told, "hours
// after X" told itself (hours rarely cross midnight), "two days before X"
// two days before told. Only offsets in days count (ok false otherwise).
func (st *state) countFrom(told, target graph.DateSpan) (graph.DateSpan, bool) {
	t, err := time.Parse("2006-01-02", told.Start)
	if err != nil || target.Precision != graph.Day {
		return graph.DateSpan{}, false
	}
	if target.Start != target.End {
		told.Text, told.Inferred = target.Text, false
		return told, true // "hours after", "hours before"
	}
	base := st.pub
	if st.ref.Precision == graph.Day {
		if r, err := time.Parse("2006-01-02", st.ref.Start); err == nil {
			base = r
		}
	}
	x, err := time.Parse("2006-01-02", target.Start)
	if err != nil || base.IsZero() {
		return graph.DateSpan{}, false
	}
	d := t.Add(base.Sub(x))
	return graph.DateSpan{Value: d.Format("2006-01-02"), Start: d.Format("2006-01-02"), End: d.Format("2006-01-02"), Precision: graph.Day, Text: target.Text}, true
}
