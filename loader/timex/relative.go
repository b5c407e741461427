package timex

import (
	"strconv"
	"time"

	"eventgraph/graph/model"
)

// Units of an offset.
const (
	uDay = iota
	uWeek
	uFortnight
	uMonth
	uYear
)

// count reads "two days", "3 weeks", "a week", "a fortnight" at k.
func (s *scanner) count(k int) (n, unit, next int, ok bool) {
	switch {
	case s.isNum(k):
		t := s.t[k]
		if t.digits > 3 || t.n < 1 || !s.numberBoundary(k) {
			return 0, 0, 0, false
		}
		n = t.n
	case s.w(k) == "a" || s.w(k) == "an":
		n = 1
		if s.w(k+1) == "fortnight" {
			return 1, uFortnight, k + 2, true
		}
	default:
		if !s.in(k, inNumWords) {
			return 0, 0, 0, false
		}
		n = numWords[s.w(k)]
	}
	switch s.w(k + 1) {
	case "day", "days":
		unit = uDay
	case "week", "weeks":
		unit = uWeek
	case "month", "months":
		unit = uMonth
	case "year", "years":
		unit = uYear
	case "fortnight", "fortnights":
		unit = uFortnight
	default:
		return 0, 0, 0, false
	}
	if n == 1 && (s.w(k+1) == "days" || s.w(k+1) == "weeks" || s.w(k+1) == "months" || s.w(k+1) == "years") && s.w(k) == "a" {
		return 0, 0, 0, false // "a days" is not English; "a few days" never gets here
	}
	return n, unit, k + 2, true
}

// Approximations of a count.
const (
	apExact  int8 = iota // "two weeks", "exactly a week"
	apAbout              // "about", "some", "more than", "at least"
	apNearly             // "nearly", "almost", "under", "less than": a little short of it
)

// approxAt reads the words that qualify a count at k ("about", "nearly",
// "more than", "at least", "just over") and returns how approximate the
// count is and where it starts.
func (s *scanner) approxAt(k int) (ap int8, next int, ok bool) {
	switch s.w(k) {
	case "about", "around", "some", "roughly", "approximately", "over", "circa":
		return apAbout, k + 1, true
	case "nearly", "almost", "under", "barely":
		return apNearly, k + 1, true
	case "more", "less", "fewer":
		if s.w(k+1) != "than" {
			return 0, 0, false
		}
		if s.w(k) == "more" {
			return apAbout, k + 2, true
		}
		return apNearly, k + 2, true
	case "at":
		if s.w(k+1) != "least" && s.w(k+1) != "most" {
			return 0, 0, false
		}
		return apAbout, k + 2, true
	case "just", "only", "exactly", "precisely":
		k++
		switch s.w(k) {
		case "over":
			return apAbout, k + 1, true
		case "under":
			return apNearly, k + 1, true
		}
	}
	return apExact, k, true
}

// shift moves base by n units (negative: back). Exact day offsets are DAY;
// approximate ones, weeks and fortnights are WEEK around the computed day
// (± 3 days; "nearly a week" is a day short of it, ± 2 days); months are
// MONTH and years YEAR.
func shift(base time.Time, has bool, n, unit int, ap int8) model.DateSpan {
	if !has {
		return unknown()
	}
	switch unit {
	case uDay:
		t := base.AddDate(0, 0, n)
		if ap != apExact {
			return around(t)
		}
		return daySpan(t)
	case uWeek:
		return weeksFrom(base, 7*n, ap)
	case uFortnight:
		return weeksFrom(base, 14*n, ap)
	case uMonth:
		t := date(base.Year(), base.Month()+time.Month(n), 1)
		return monthOf(t.Year(), t.Month())
	}
	return yearOf(base.Year() + n)
}

// weeksFrom is the WEEK span d days from base; short of it by a day, and
// narrower, when the count is "nearly" reached.
func weeksFrom(base time.Time, d int, ap int8) model.DateSpan {
	if ap != apNearly {
		return around(base.AddDate(0, 0, d))
	}
	if d > 0 {
		d--
	} else {
		d++
	}
	c := base.AddDate(0, 0, d)
	return span(isoWeek(c), model.Week, c.AddDate(0, 0, -2), c.AddDate(0, 0, 2))
}

// base returns the narrative reference day: Ref when known, else the
// publication day.
func (s *scanner) base() (time.Time, bool) {
	if s.hasRef {
		return s.ref, true
	}
	return s.pub, s.hasPub
}

// offset reads counted offsets: "two days ago", "a week earlier", "three
// days later", "about two weeks after the inauguration of a wall", "two
// weeks have passed since the fall of the regime", "three days before the
// vote", "two days after January 5".
func (s *scanner) offset(i int) (match, bool) {
	if s.in(i-1, inDurationHeads) {
		return match{}, false
	}
	approx, k, ok := s.approxAt(i)
	if !ok {
		return match{}, false
	}
	m := match{i: i, typ: tFixed}
	base, hasBase := s.base()
	if v, k2, ok := s.vagueAt(i, k); ok {
		return s.vague(m, v, k2, base, hasBase)
	}
	if w := s.w(k + 1); w == "hours" || w == "hour" {
		// "some 30 hours after X", "an hour before X": a count of
		// hours up to two days puts it on base's day or the one next to
		// it, as "hours after X" does
		if k < len(s.t) && s.t[k].kind == kNum {
			if h, err := strconv.Atoi(s.t[k].low); err == nil && h > 0 && h <= 48 {
				return s.vague(m, vHours, k+2, base, hasBase)
			}
		}
		if s.w(k) == "an" || s.w(k) == "one" {
			return s.vague(m, vHours, k+2, base, hasBase)
		}
	}
	n, unit, k, ok := s.count(k)
	if !ok {
		return match{}, false
	}
	switch w := s.w(k); w {
	case "ago":
		m.j, m.past = k+1, true
		m.span = shift(s.pub, s.hasPub, -n, unit, approx)
		return m, true
	case "earlier", "previously", "beforehand":
		m.j, m.past = k+1, true
		m.span = shift(base, hasBase, -n, unit, approx)
		return m, true
	case "later", "afterwards", "afterward":
		m.j = k + 1
		m.span = shift(base, hasBase, n, unit, approx)
		return m, true
	case "prior", "ahead":
		if (w == "prior" && s.w(k+1) == "to") || (w == "ahead" && s.w(k+1) == "of") {
			return s.relTo(m, k+2, n, unit, approx, +1, base, hasBase)
		}
		if w == "prior" {
			m.j, m.past = k+1, true
			m.span = shift(base, hasBase, -n, unit, approx)
			return m, true
		}
	case "before":
		return s.relTo(m, k+1, n, unit, approx, +1, base, hasBase)
	case "after", "following":
		return s.relTo(m, k+1, n, unit, approx, -1, base, hasBase)
	case "since":
		// "it has been two weeks since X": counted from publication
		if s.npStart(k + 1) {
			return s.anchor(m, k+1, shift(s.pub, s.hasPub, -n, unit, approx))
		}
	case "have", "has", "had":
		k2 := k + 1
		for s.w(k2) == "already" || s.w(k2) == "now" || s.w(k2) == "just" {
			k2++
		}
		if (s.w(k2) == "passed" || s.w(k2) == "elapsed") && s.w(k2+1) == "since" && s.npStart(k2+2) {
			b, hb := s.pub, s.hasPub
			if w == "had" {
				b, hb = base, hasBase
			}
			m.j = k2 + 2
			return s.anchor(m, k2+2, shift(b, hb, -n, unit, approx))
		}
	}
	return match{}, false
}

// relTo finishes "N units before/after …" from token k (after the
// preposition): an explicit date ("two days after January 5") is counted
// from; a pronoun or nothing makes an adverb ("two days after that" is two
// days after base); a phrase makes an anchored expression. dir is the
// direction from base to the named happening (-1 for after, +1 for before).
func (s *scanner) relTo(m match, k, n, unit int, approx int8, dir int, base time.Time, has bool) (match, bool) {
	if k < len(s.t) && s.depth < maxDepth {
		s.depth++
		d, ok := s.matchAt(k)
		s.depth--
		if ok && (d.typ == tFixed || d.typ == tRecur || d.typ == tWeekday) {
			sp := s.resolve(d, false)
			if sp.Precision == model.Day {
				a, _, _ := bounds(sp)
				m.j = d.j
				m.span = shift(a, true, -dir*n, unit, approx)
				return m, true
			}
			if sp.Precision == model.Unknown {
				m.j, m.span = d.j, unknown()
				return m, true
			}
		}
	}
	if w := s.w(k); (w == "it" || w == "this") && s.clauseVerb(k) == k+1 {
		// "two days after it was announced"
		m.j = k
		return s.anchor(m, k, shift(base, has, dir*n, unit, approx))
	}
	if pronouns[s.w(k)] {
		m.j = k + 1
		m.span = shift(base, has, -dir*n, unit, approx)
		return m, true
	}
	if !s.npStart(k) {
		m.j = k
		m.span = shift(base, has, -dir*n, unit, approx)
		return m, true
	}
	m.j = k
	return s.anchor(m, k, shift(base, has, dir*n, unit, approx))
}

// anchor makes m an anchored expression naming the happening at tokens
// from k on, dated sp.
func (s *scanner) anchor(m match, k int, sp model.DateSpan) (match, bool) {
	end := s.targetEnd(k)
	if end <= k {
		return match{}, false
	}
	if m.j == 0 {
		m.j = k
	}
	m.anchored, m.ti, m.tj = true, k, end
	m.span = sp
	return m, true
}

// Vague counts.
const (
	vHours = iota // "hours", "minutes"
	vDays         // "days", "a few days", "several days"
)

// vagueAt reads a count without a number at k ("hours", "a few days",
// "several days"); i is where the expression starts. A word such as "five"
// or "the" before it makes it part of something else ("five days", "the
// days after").
func (s *scanner) vagueAt(i, k int) (v, next int, ok bool) {
	if s.isNum(i-1) || s.in(i-1, inNumWords|inDeterminers|inVagueQuant) {
		return 0, 0, false
	}
	switch {
	case s.w(k) == "a" && s.w(k+1) == "few":
		k += 2
	case s.w(k) == "several" || s.w(k) == "few":
		k++
	}
	switch s.w(k) {
	case "hours", "minutes":
		return vHours, k + 1, true
	case "days":
		return vDays, k + 1, true
	}
	return 0, 0, false
}

var vagueQuant = words("few", "several", "many", "some", "those", "these", "recent", "coming")

// vague finishes "hours after X", "days before X" from token k: only an
// anchored happening is dated, counted from base; "hours earlier", "days
// later" date the sentence's own happening from base. Hours put it on base's
// day or the day next to it (DAY precision, valued by the day on its side);
// days put it about five days off (WEEK precision, ± 3 days).
func (s *scanner) vague(m match, v, k int, base time.Time, has bool) (match, bool) {
	dir := 0
	switch w := s.w(k); w {
	case "earlier", "later":
		// "Hours earlier, X told reporters", "days later": counted from the
		// narrative's day, not anchored to a phrase
		d := 1
		if w == "earlier" {
			d, m.past = -1, true
		}
		sp := unknown()
		if has {
			switch v {
			case vHours:
				o := base.AddDate(0, 0, d)
				if d < 0 {
					sp = span(isoDay(base), model.Day, o, base)
				} else {
					sp = span(isoDay(base), model.Day, base, o)
				}
			case vDays:
				sp = around(base.AddDate(0, 0, 5*d))
			}
		}
		m.j, m.span = k+1, sp
		return m, true
	case "after", "following":
		dir = -1
	case "before":
		dir = 1
	default:
		return match{}, false
	}
	k++
	if !s.npStart(k) || s.timeStarts(k) {
		return match{}, false
	}
	sp := unknown()
	if has {
		switch v {
		case vHours:
			o := base.AddDate(0, 0, dir)
			sp = span(isoDay(o), model.Day, base, o)
			if dir < 0 {
				sp = span(isoDay(o), model.Day, o, base)
			}
		case vDays:
			sp = around(base.AddDate(0, 0, 5*dir))
		}
	}
	m.j = k
	return s.anchor(m, k, sp)
}

// targetEnd returns the end of the phrase naming an anchored happening
// from k: a clause when a finite verb follows a short subject ("President
// Tebboune told a security council meeting", "Israel and Turkey officially
// established normalization of diplomatic relations"), else a noun phrase.
func (s *scanner) targetEnd(k int) int {
	if v := s.clauseVerb(k); v > k {
		return s.clauseEnd(k, v)
	}
	return s.npEnd(k)
}

// clauseVerb returns the finite verb of a clause starting at k (after a
// subject of up to seven words, "and" allowed), or -1.
func (s *scanner) clauseVerb(k int) int {
	for j, n := k, 0; j < len(s.t) && n < 8; j++ {
		t := s.t[j]
		if t.kind == kPunct {
			if (t.low == "'" || t.low == "-") && !t.sp && s.glued(j+1) {
				continue
			}
			return -1
		}
		n++
		if j == k || t.kind != kWord {
			continue
		}
		if !determiners[s.w(j-1)] && (finiteAux[t.low] || s.pastVerb(j)) {
			return j
		}
		if npStop[t.low] && t.low != "and" && t.low != "or" || s.timeStarts(j) {
			return -1
		}
	}
	return -1
}

// finiteAux are auxiliaries that make a clause ("after the talks were
// suspended").
var finiteAux = words("was", "were", "had", "has", "have", "is", "are", "will", "would", "could",
	"did", "can")

// clauseEnd returns the end of the clause from k whose verb is at v: up to
// 20 words, ending at punctuation, a word opening another clause or a time
// expression, with trailing function words dropped.
func (s *scanner) clauseEnd(k, v int) int {
	j, n := k, 0
	for j < len(s.t) && n < 20 {
		t := s.t[j]
		if t.kind == kPunct {
			if (t.low == "'" || t.low == "-" || t.low == "/") && !t.sp && s.glued(j+1) {
				j++
				continue
			}
			break
		}
		if j > v && (t.kind == kWord && clauseStop[t.low] || s.timeStarts(j)) {
			break
		}
		n++
		j++
	}
	for j > k+1 && (s.t[j-1].kind == kPunct || npTrim[s.t[j-1].low]) {
		j--
	}
	return j
}

// clauseStop ends the clause naming an anchored happening.
var clauseStop = words("that", "which", "who", "whom", "whose", "when", "where", "while", "whereas",
	"but", "although", "though", "because", "if", "unless", "whether", "so", "according", "amid", "as",
	"after", "before", "since", "until", "despite", "following", "during", "says", "said")

// perfectFor reads "for 25 days" after a present perfect of state ("has been
// closed for 25 days", "have been detained for three weeks", "has remained
// shut for two months"): the state began that long before publication.
// Days are DAY precision (WEEK when approximate), weeks WEEK and months
// MONTH; years and durations that are not a present perfect are left alone.
func (s *scanner) perfectFor(i int) (match, bool) {
	ap, k, ok := s.approxAt(i + 1)
	if !ok {
		return match{}, false
	}
	n, unit, next, ok := s.count(k)
	if !ok || unit == uYear {
		return match{}, false
	}
	switch s.w(next) {
	case "starting", "beginning", "from", "until", "till", "to", "after", "before", "ago", "earlier",
		"later", "prior", "ahead", "since", "following":
		return match{}, false
	}
	if !s.perfectState(i) {
		return match{}, false
	}
	return match{i: i, j: next, typ: tFixed, past: true, span: shift(s.pub, s.hasPub, -n, unit, ap)}, true
}

// perfectState reports whether the words before token i are "has/have
// been" and a participle, or "has/have remained/stayed" and a word ("has
// now been completely closed", "have remained shut"), not after a modal
// ("will have been").
func (s *scanner) perfectState(i int) bool {
	comp := i - 1
	if comp < 1 || s.t[comp].kind != kWord || s.t[comp].cap {
		return false
	}
	q := comp - 1
	for n := 0; n < 2 && perfectAdverb(s.w(q)); n++ {
		q--
	}
	switch s.w(q) {
	case "been":
		if !s.participle(comp) {
			return false
		}
	case "remained", "stayed":
	default:
		return false
	}
	q--
	for n := 0; n < 2 && perfectAdverb(s.w(q)); n++ {
		q--
	}
	switch s.w(q) {
	case "has", "have":
	case "ve":
		if s.p(q-1) != "'" {
			return false
		}
	default:
		return false
	}
	return !beforeInfinitive[s.w(q-1)]
}

// perfectAdverb reports whether w may stand inside a present perfect ("has
// now been", "has been completely closed").
func perfectAdverb(w string) bool {
	switch w {
	case "now", "already", "still", "also", "just", "since":
		return true
	case "only", "early", "family":
		return false
	}
	return len(w) > 4 && w[len(w)-2:] == "ly"
}

// participle reports whether word k looks like a past participle.
func (s *scanner) participle(k int) bool {
	w := s.w(k)
	n := len(w)
	switch {
	case n > 3 && w[n-2:] == "ed", n > 4 && w[n-2:] == "en":
		return true
	}
	return irregularPast[w] || participles[w]
}

var participles = words("shut", "cut", "put", "set", "hit", "done", "gone", "seen", "known", "grown",
	"thrown", "shown", "drawn", "flown", "sworn", "torn", "worn", "run", "sunk", "hung", "held", "kept",
	"stuck", "bound", "built", "lost", "left")

// npStart reports whether a phrase naming a happening starts at k.
func (s *scanner) npStart(k int) bool {
	if k >= len(s.t) || s.t[k].kind != kWord {
		return false
	}
	w := s.t[k].low
	return !npStop[w] && !pronouns[w]
}

// npEnd returns the end of the phrase naming a happening from k: up to 15
// words, ending at punctuation, a clause word, a verb of saying or a time
// expression, with trailing function words dropped.
func (s *scanner) npEnd(k int) int {
	j, n := k, 0
	for j < len(s.t) && n < 15 {
		t := s.t[j]
		if t.kind == kPunct {
			if (t.low == "'" || t.low == "-" || t.low == "/") && !t.sp && s.glued(j+1) {
				j++
				continue
			}
			break
		}
		if j > k {
			if t.kind == kWord && npStop[t.low] {
				break
			}
			if s.timeStarts(j) {
				break
			}
		}
		n++
		j++
	}
	for j > k+1 && (s.t[j-1].kind == kPunct || npTrim[s.t[j-1].low]) {
		j--
	}
	return j
}

// timeStarts reports whether a time expression (other than a bare count)
// starts at j.
func (s *scanner) timeStarts(j int) bool {
	w := s.w(j)
	if s.t[j].kind == kWord && !includePrep[w] {
		if _, ok := months[w]; !ok {
			if _, ok := weekdays[w]; !ok {
				switch w {
				case "today", "yesterday", "tomorrow", "overnight", "last", "this", "next", "earlier", "later", "early", "late", "mid":
				default:
					return false
				}
			}
		}
	}
	if s.depth >= maxDepth {
		return false
	}
	s.depth++
	m, ok := s.matchAt(j)
	s.depth--
	return ok && !m.anchored
}

// maxDepth bounds the look-ahead parses an expression makes inside another
// ("two days after January 5", the end of an anchored phrase).
const maxDepth = 2

// deictic reads words that point at the publication day or the narrative
// day: "today", "yesterday", "overnight", "this week", "last month",
// "earlier this year", "the next day", "over the weekend".
func (s *scanner) deictic(i int) (match, bool) {
	m := match{i: i, j: i + 1, typ: tFixed}
	pub, hp := s.pub, s.hasPub
	day := func(t time.Time, ok bool) model.DateSpan {
		if !ok {
			return unknown()
		}
		return daySpan(t)
	}
	switch w := s.w(i); w {
	case "today", "tonight":
		m.span = day(pub, hp)
		return m, true
	case "yesterday":
		m.span, m.past = day(pub.AddDate(0, 0, -1), hp), true
		if dayParts[s.w(i+1)] {
			m.j++
		}
		return m, true
	case "tomorrow":
		m.span, m.fut = day(pub.AddDate(0, 0, 1), hp), true
		if dayParts[s.w(i+1)] {
			m.j++
		}
		return m, true
	case "overnight":
		if determiners[s.w(i-1)] {
			return match{}, false
		}
		m.typ = tOvernight
		return m, true
	case "last", "this", "next", "earlier", "later":
		k := i + 1
		cut := 0 // -1: end at publication, +1: start at it
		switch w {
		case "earlier", "later":
			if s.w(k) == "today" {
				m.j, m.span = k+1, day(pub, hp)
				m.past, m.fut = w == "earlier", w == "later"
				return m, true
			}
			if s.w(k) != "this" {
				return match{}, false
			}
			k++
			cut = -1
			if w == "later" {
				cut = 1
			}
		}
		unitW := s.w(k)
		m.j = k + 1
		if w == "last" && unitW == "night" {
			m.span, m.past = day(pub.AddDate(0, 0, -1), hp), true
			return m, true
		}
		if w == "this" && (unitW == "morning" || unitW == "afternoon" || unitW == "evening") {
			m.span = day(pub, hp)
			return m, true
		}
		if unitW == "weekend" {
			m.typ = tWeekend
			switch w {
			case "last":
				m.mode, m.past = modeLast, true
			case "next":
				m.mode, m.fut = modeNext, true
			case "this":
				m.mode = modePlain
			default:
				return match{}, false
			}
			return m, true
		}
		step := 0
		switch w {
		case "last":
			step, m.past = -1, true
		case "next":
			step, m.fut = 1, true
		}
		if cut < 0 {
			m.past = true
		} else if cut > 0 {
			m.fut = true
		}
		if !hp {
			switch unitW {
			case "week", "month", "year":
				m.span = unknown()
				return m, true
			}
			return match{}, false
		}
		switch unitW {
		case "week":
			m.span = weekOf(pub.AddDate(0, 0, 7*step))
		case "month":
			t := date(pub.Year(), pub.Month()+time.Month(step), 1)
			m.span = monthOf(t.Year(), t.Month())
		case "year":
			m.span = yearOf(pub.Year() + step)
		default:
			return match{}, false
		}
		switch cut {
		case -1:
			m.span.End = isoDay(pub)
		case 1:
			m.span.Start = isoDay(pub)
		}
		return m, true
	case "the":
		b, hb := s.base()
		if s.w(i+1) == "coming" {
			// "in the coming days": the ten days after publication
			n := 0
			if s.w(i+2) == "days" {
				n = 10 // (the coming weeks and months are too vague to date)
			}
			if n > 0 {
				m.j, m.fut = i+3, true
				m.span = unknown()
				if hp {
					a := pub.AddDate(0, 0, 1)
					m.span = span(isoDay(a)+"/"+isoDay(pub.AddDate(0, 0, n)), model.Week, a, pub.AddDate(0, 0, n))
				}
				return m, true
			}
		}
		switch s.w(i + 1) {
		case "day":
			switch s.w(i + 2) {
			case "before":
				if s.w(i+3) == "yesterday" {
					m.j, m.span, m.past = i+4, day(pub.AddDate(0, 0, -2), hp), true
					return m, true
				}
				if s.npStart(i+3) && !dayParts[s.w(i+3)] {
					m.j = i + 3
					return s.anchor(m, i+3, shift(b, hb, 1, uDay, apExact))
				}
				m.j, m.span, m.past = i+3, day(b.AddDate(0, 0, -1), hb), true
				return m, true
			case "after":
				if s.w(i+3) == "tomorrow" {
					m.j, m.span, m.fut = i+4, day(pub.AddDate(0, 0, 2), hp), true
					return m, true
				}
				if s.npStart(i + 3) {
					m.j = i + 3
					return s.anchor(m, i+3, shift(b, hb, -1, uDay, apExact))
				}
				m.j, m.span = i+3, day(b.AddDate(0, 0, 1), hb)
				return m, true
			}
		case "previous", "next", "following", "same":
			// "the same day", "the same evening", "the following morning",
			// "the previous night"
			if w2 := s.w(i + 2); w2 != "day" && !dayParts[w2] {
				return match{}, false
			}
			m.j = i + 3
			switch s.w(i + 1) {
			case "previous":
				m.span, m.past = day(b.AddDate(0, 0, -1), hb), true
			case "same":
				m.span = day(b, hb)
				if s.w(i+3) == "as" && s.npStart(i+4) {
					// "on the same day as the signing": the day of the
					// happening it names, the narrative's
					m.j = i + 4
					return s.anchor(m, i+4, m.span)
				}
			default:
				m.span = day(b.AddDate(0, 0, 1), hb)
			}
			return m, true
		case "weekend":
			switch s.w(i - 1) {
			case "over", "during", "at", "on", "this", "past":
				m.j, m.typ = i+2, tWeekend
				return m, true
			}
		case "past":
			if s.w(i+2) == "weekend" {
				m.j, m.typ, m.mode, m.past = i+3, tWeekend, modePlain, true
				return m, true
			}
		}
	}
	return match{}, false
}

// partOf reads parts of a year or a month: "late 2017", "early 2020",
// "mid-2023", "the end of 2024", "the first half of 2022", "Q3 2021", "the
// third quarter of 2021", "the summer of 2023", "late last year", "early
// March", "the end of March", "last summer".
func (s *scanner) partOf(i int) (match, bool) {
	k, part, monthOK, mode, hadThe := i, partNone, false, modePlain, false
	if s.w(k) == "the" {
		k, hadThe = k+1, true
	}
	w := s.w(k)
	switch w {
	case "early", "late", "mid":
		if hadThe {
			return match{}, false
		}
		part = map[string]int{"early": partEarly, "late": partLate, "mid": partMid}[w]
		k++
		monthOK = true
		if s.p(k) == "-" && s.glued(k) {
			k++
		}
	case "end", "beginning", "start", "middle", "close", "turn":
		part = map[string]int{"end": partEnd, "beginning": partBegin, "start": partBegin,
			"middle": partMid, "close": partEnd, "turn": partBegin}[w]
		monthOK = w != "turn"
		k++
		switch {
		case s.w(k) == "of":
			k++
		case w == "end" && !hadThe && s.p(k) == "-" && s.glued(k):
			k++
		default:
			return match{}, false
		}
	case "first", "second", "third", "fourth", "last", "final":
		if !hadThe && (w == "last" || w == "final") {
			if _, ok := seasons[s.w(k+1)]; ok && s.w(k+1) != "fall" {
				break // "last summer", below
			}
			return match{}, false
		}
		switch s.w(k + 1) {
		case "half":
			switch w {
			case "first":
				part = partH1
			case "second", "last", "final":
				part = partH2
			default:
				return match{}, false
			}
		case "quarter":
			part = map[string]int{"first": partQ1, "second": partQ2, "third": partQ3, "fourth": partQ4,
				"last": partQ4, "final": partQ4}[w]
		default:
			return match{}, false
		}
		k += 2
		if s.w(k) == "of" {
			k++
		}
	case "q":
		if hadThe || !s.isNum(k+1) || !s.glued(k+1) || s.t[k+1].n < 1 || s.t[k+1].n > 4 || s.t[k+1].digits != 1 {
			return match{}, false
		}
		part = partQ1 + s.t[k+1].n - 1
		k += 2
		if s.w(k) == "of" {
			k++
		}
	}
	if part == partNone {
		// seasons: "summer 2023", "the summer of 2023", "last summer"
		switch w {
		case "this", "last", "next":
			if hadThe {
				return match{}, false
			}
			mode = map[string]int8{"this": modeThis, "last": modeLast, "next": modeNext}[w]
			k++
		}
		sp, ok := seasons[s.w(k)]
		if !ok {
			return match{}, false
		}
		part = sp
		k++
		if s.w(k) == "of" {
			k++
		}
		if y, k2, ok := s.yearAt(k); ok && mode == modePlain {
			return match{i: i, j: k2, typ: tFixed, span: yearPart(y, part)}, true
		}
		if s.w(k-1) == "of" || s.w(k-1) == "fall" {
			return match{}, false // "the fall of the regime"
		}
		if mode == modePlain && !hadThe && !monthPrep[s.w(i-1)] && !s.loose {
			return match{}, false
		}
		return match{i: i, j: k, typ: tRecur, mode: mode, fut: mode == modeNext, past: mode == modeLast,
			rec: recur{kind: rYearPart, part: part}}, true
	}
	// a year
	if y, k2, ok := s.yearAt(k); ok {
		return match{i: i, j: k2, typ: tFixed, span: yearPart(y, part)}, true
	}
	// a relative year: "late last year", "early next year", "the end of the year"
	step, rel := 0, false
	switch {
	case s.w(k) == "this" && s.w(k+1) == "year":
		rel = true
	case s.w(k) == "last" && s.w(k+1) == "year":
		step, rel = -1, true
	case s.w(k) == "next" && s.w(k+1) == "year":
		step, rel = 1, true
	case s.w(k) == "the" && (s.w(k+1) == "year" || s.w(k+1) == "current" && s.w(k+2) == "year"):
		rel = true
		if s.w(k+1) == "current" {
			k++
		}
	}
	if rel {
		m := match{i: i, j: k + 2, typ: tFixed, fut: step > 0, past: step < 0}
		if !s.hasPub {
			m.span = unknown()
		} else {
			m.span = yearPart(s.pub.Year()+step, part)
		}
		return m, true
	}
	// a month: "early March", "the end of March 2024"
	if monthOK {
		if mo, k2, abbr, ok := s.monthAt(k); ok {
			k3 := k2
			if s.p(k3) == "," || s.w(k3) == "of" {
				k3++
			}
			if y, k4, ok := s.yearAt(k3); ok {
				return match{i: i, j: k4, typ: tFixed, span: monthPart(y, mo, part)}, true
			}
			if abbr {
				return match{}, false
			}
			return match{i: i, j: k2, typ: tRecur, rec: recur{kind: rMonthPart, m: mo, part: part}}, true
		}
		return match{}, false
	}
	// a quarter or half without a year: "in the third quarter"
	if part >= partH1 && part <= partQ4 && hadThe {
		return match{i: i, j: k, typ: tRecur, rec: recur{kind: rYearPart, part: part}}, true
	}
	return match{}, false
}

var seasons = map[string]int{"spring": partSpring, "summer": partSummer, "autumn": partAutumn,
	"fall": partAutumn, "winter": partWinter}

// duration widens a DAY expression preceded by "for N days starting" (or
// "from") into the happening's whole span, when those words come after the
// previous expression (token last).
func (s *scanner) duration(m *match, last int) {
	k := m.i
	if s.w(k) != "from" {
		switch s.w(k - 1) {
		case "starting", "beginning", "from":
			k--
		default:
			return
		}
	}
	if k-3 < last || s.w(k-3) != "for" {
		return
	}
	n, unit, next, ok := s.count(k - 2)
	if !ok || unit != uDay || next != k || n < 2 || n > 366 {
		return
	}
	m.i, m.dur = k-3, n
}

// resolve settles the span of a match given the clause's tense.
func (s *scanner) resolve(m match, fut bool) model.DateSpan {
	switch m.typ {
	case tFixed:
		return m.span
	case tWeekday:
		if !s.hasPub {
			return unknown()
		}
		return daySpan(s.weekday(m.wd, m.mode, fut))
	case tRecur:
		return s.choose(m.rec, m.mode, fut)
	case tOvernight:
		if !s.hasPub {
			return unknown()
		}
		if fut {
			return dayRange(s.pub, s.pub.AddDate(0, 0, 1))
		}
		return dayRange(s.pub.AddDate(0, 0, -1), s.pub)
	case tWeekend:
		if !s.hasPub {
			return unknown()
		}
		sat := s.weekday(time.Saturday, m.mode, fut)
		if m.mode == modePlain && !fut && s.pub.Weekday() == time.Sunday {
			sat = s.pub.AddDate(0, 0, -1)
		}
		if m.mode == modeLast && s.pub.Weekday() == time.Sunday && sat == s.pub.AddDate(0, 0, -1) {
			sat = sat.AddDate(0, 0, -7)
		}
		return span(isoWeek(sat), model.Week, sat, sat.AddDate(0, 0, 1))
	}
	return unknown()
}

// weekday returns the weekday wd relative to publication: on or before it
// (strictly before for modeLast), or on or after it in a future clause
// (strictly after for modeNext).
func (s *scanner) weekday(wd time.Weekday, mode int8, fut bool) time.Time {
	pw := int(s.pub.Weekday())
	if mode == modeNext || fut && mode != modeLast {
		d := (int(wd) - pw + 7) % 7
		if mode == modeNext && d == 0 {
			d = 7
		}
		return s.pub.AddDate(0, 0, d)
	}
	d := (pw - int(wd) + 7) % 7
	if mode == modeLast && d == 0 {
		d = 7
	}
	return s.pub.AddDate(0, 0, -d)
}

// choose places a yearly period relative to publication: the latest that
// has begun by publication (modeLast: that has ended before it), or in a
// future clause the first that has not ended (modeNext: not begun);
// modeThis takes the one containing publication, else the publication
// year's. A weekday given with a day ("Monday, August 29") picks the year,
// among the publication's and its neighbours, whose calendar puts the day on
// that weekday (at most one of three years in a row does), whatever the
// tense; failing that, the preferred year or its neighbour on the same side
// of publication where it does.
func (s *scanner) choose(r recur, mode int8, fut bool) model.DateSpan {
	if !s.hasPub {
		return unknown()
	}
	py := s.pub.Year()
	if r.hasWd && r.kind == rMonthDay {
		for y := py - 1; y <= py+1; y++ {
			if validDay(y, int(r.m), r.d) && date(y, r.m, r.d).Weekday() == r.wd {
				sp, _ := r.in(y)
				return sp
			}
		}
	}
	pub := isoDay(s.pub)
	best, found, by := model.DateSpan{}, false, 0
	switch {
	case mode == modeThis:
		for y := py - 1; y <= py; y++ {
			if sp, ok := r.in(y); ok && sp.Start <= pub && pub <= sp.End {
				best, found, by = sp, true, y
			}
		}
		if !found {
			best, found = r.in(py)
			by = py
		}
	case mode == modeNext || fut && mode != modeLast:
		for y := py - 1; y <= py+8 && !found; y++ {
			if sp, ok := r.in(y); ok && (mode == modeNext && sp.Start > pub || mode != modeNext && sp.End >= pub) {
				best, found, by = sp, true, y
			}
		}
	default:
		for y := py + 1; y >= py-8 && !found; y-- {
			if sp, ok := r.in(y); ok && (mode == modeLast && sp.End < pub || mode != modeLast && sp.Start <= pub) {
				best, found, by = sp, true, y
			}
		}
	}
	if !found {
		return unknown()
	}
	if r.hasWd && r.kind == rMonthDay {
		// a neighbouring year on the same side of publication
		other := by - 1
		if best.Start > pub || mode == modeNext || fut && mode != modeLast {
			other = by + 1
		}
		for _, y := range [...]int{by, other} {
			if validDay(y, int(r.m), r.d) && date(y, r.m, r.d).Weekday() == r.wd {
				sp, _ := r.in(y)
				return sp
			}
		}
	}
	return best
}
