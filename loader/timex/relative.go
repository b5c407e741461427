package timex

import (
	"time"

	"eventgraph/graph"
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
		v, found := numWords[s.w(k)]
		if !found {
			return 0, 0, 0, false
		}
		n = v
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

// shift moves base by n units (negative: back). Exact day offsets are DAY;
// approximate ones, weeks and fortnights are WEEK around the computed day;
// months are MONTH and years YEAR.
func shift(base time.Time, has bool, n, unit int, approx bool) graph.DateSpan {
	if !has {
		return unknown()
	}
	switch unit {
	case uDay:
		t := base.AddDate(0, 0, n)
		if approx {
			return around(t)
		}
		return daySpan(t)
	case uWeek:
		return around(base.AddDate(0, 0, 7*n))
	case uFortnight:
		return around(base.AddDate(0, 0, 14*n))
	case uMonth:
		t := date(base.Year(), base.Month()+time.Month(n), 1)
		return monthOf(t.Year(), t.Month())
	}
	return yearOf(base.Year() + n)
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
	if durationHeads[s.w(i-1)] {
		return match{}, false
	}
	k, approx := i, false
	switch s.w(k) {
	case "about", "around", "nearly", "almost", "some", "roughly", "approximately", "over", "under", "barely", "circa":
		approx, k = true, k+1
	case "more", "less", "fewer":
		if s.w(k+1) != "than" {
			return match{}, false
		}
		approx, k = true, k+2
	case "at":
		if s.w(k+1) != "least" && s.w(k+1) != "most" {
			return match{}, false
		}
		approx, k = true, k+2
	case "just", "only", "exactly", "precisely":
		k++
		if w := s.w(k); w == "over" || w == "under" {
			approx, k = true, k+1
		}
	}
	n, unit, k, ok := s.count(k)
	if !ok {
		return match{}, false
	}
	m := match{i: i, typ: tFixed}
	base, hasBase := s.base()
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
			return s.anchor(m, k+1, n, unit, approx, -1, s.pub, s.hasPub)
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
			return s.anchor(m, k2+2, n, unit, approx, -1, b, hb)
		}
	}
	return match{}, false
}

// relTo finishes "N units before/after …" from token k (after the
// preposition): an explicit date ("two days after January 5") is counted
// from; a pronoun or nothing makes an adverb ("two days after that" is two
// days after base); a phrase makes an anchored expression. dir is the
// direction from base to the named happening (-1 for after, +1 for before).
func (s *scanner) relTo(m match, k, n, unit int, approx bool, dir int, base time.Time, has bool) (match, bool) {
	if k < len(s.t) && s.depth < maxDepth {
		s.depth++
		d, ok := s.matchAt(k)
		s.depth--
		if ok && (d.typ == tFixed || d.typ == tRecur || d.typ == tWeekday) {
			sp := s.resolve(d, false)
			if sp.Precision == graph.Day {
				a, _, _ := bounds(sp)
				m.j = d.j
				m.span = shift(a, true, -dir*n, unit, approx)
				return m, true
			}
			if sp.Precision == graph.Unknown {
				m.j, m.span = d.j, unknown()
				return m, true
			}
		}
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
	return s.anchor(m, k, n, unit, approx, dir, base, has)
}

// anchor makes m an anchored expression naming the happening at tokens
// from k on, dated dir*n units from base.
func (s *scanner) anchor(m match, k, n, unit int, approx bool, dir int, base time.Time, has bool) (match, bool) {
	end := s.npEnd(k)
	if end <= k {
		return match{}, false
	}
	if m.j == 0 {
		m.j = k
	}
	m.anchored, m.ti, m.tj = true, k, end
	m.span = shift(base, has, dir*n, unit, approx)
	return m, true
}

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
	day := func(t time.Time, ok bool) graph.DateSpan {
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
					return s.anchor(m, i+3, 1, uDay, false, +1, b, hb)
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
					return s.anchor(m, i+3, 1, uDay, false, -1, b, hb)
				}
				m.j, m.span = i+3, day(b.AddDate(0, 0, 1), hb)
				return m, true
			}
		case "previous", "next", "following", "same":
			if s.w(i+2) != "day" {
				return match{}, false
			}
			m.j = i + 3
			switch s.w(i + 1) {
			case "previous":
				m.span, m.past = day(b.AddDate(0, 0, -1), hb), true
			case "same":
				m.span = day(b, hb)
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
func (s *scanner) resolve(m match, fut bool) graph.DateSpan {
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
		return span(isoWeek(sat), graph.Week, sat, sat.AddDate(0, 0, 1))
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
// year's. A weekday given with a day ("Tuesday, March 18") picks, among
// the preferred year and its neighbours, the one where the day falls on it.
func (s *scanner) choose(r recur, mode int8, fut bool) graph.DateSpan {
	if !s.hasPub {
		return unknown()
	}
	py := s.pub.Year()
	pub := isoDay(s.pub)
	best, found, by := graph.DateSpan{}, false, 0
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
