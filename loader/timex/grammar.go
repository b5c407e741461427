package timex

import (
	"time"

	"eventgraph/graph/model"
)

// mtype says how a match is resolved.
type mtype uint8

const (
	tFixed     mtype = iota // span settled while parsing
	tWeekday                // a weekday: depends on the clause's tense
	tRecur                  // a month, day, quarter or season without a year
	tOvernight              // the night before (or after) publication
	tWeekend                // a weekend without a date
)

// Modes of a relative weekday, month or season.
const (
	modePlain int8 = iota // on or before publication (on or after in a future clause)
	modeLast              // strictly before publication
	modeNext              // strictly after publication
	modeThis              // the one of the publication's year (or containing it)
)

// Kinds of recurring period.
const (
	rMonth     = iota // a whole month
	rMonthDay         // a day of a month (d; d2 ends a range)
	rYearPart         // a part of the year (part)
	rMonthPart        // a part of a month (part)
)

// recur is a period that recurs every year: "February", "March 18",
// "the third quarter", "summer", "late March".
type recur struct {
	kind  int
	m     time.Month
	d, d2 int
	part  int
	wd    time.Weekday // weekday a day must fall on, when hasWd
	hasWd bool
}

// in returns the period in year y.
func (r recur) in(y int) (model.DateSpan, bool) {
	switch r.kind {
	case rMonth:
		return monthOf(y, r.m), true
	case rMonthDay:
		if !validDay(y, int(r.m), r.d) {
			return model.DateSpan{}, false
		}
		a := date(y, r.m, r.d)
		if r.d2 > r.d && validDay(y, int(r.m), r.d2) {
			return dayRange(a, date(y, r.m, r.d2)), true
		}
		return daySpan(a), true
	case rYearPart:
		return yearPart(y, r.part), true
	case rMonthPart:
		return monthPart(y, r.m, r.part), true
	}
	return model.DateSpan{}, false
}

// match is an expression found over tokens [i, j).
type match struct {
	i, j      int
	typ       mtype
	span      model.DateSpan // tFixed
	fut, past bool           // tense the words themselves carry
	anchored  bool
	ti, tj    int // tokens of the anchored happening
	wd        time.Weekday
	mode      int8
	rec       recur
	dur       int // days of a "for N days starting …" happening
}

// w returns the lower-case word at i, or "".
func (s *scanner) w(i int) string {
	if i >= 0 && i < len(s.t) && s.t[i].kind == kWord {
		return s.t[i].low
	}
	return ""
}

// p returns the mark at i, or "".
func (s *scanner) p(i int) string {
	if i >= 0 && i < len(s.t) && s.t[i].kind == kPunct {
		return s.t[i].low
	}
	return ""
}

// in reports whether token i exists and is a word of the sets (bits of
// wordSets): set[s.w(i)] for those sets.
func (s *scanner) in(i int, sets uint32) bool {
	return i >= 0 && i < len(s.t) && s.t[i].kind == kWord && s.t[i].sets&sets != 0
}

// glued reports whether token i exists and touches the token before it.
func (s *scanner) glued(i int) bool { return i > 0 && i < len(s.t) && !s.t[i].sp }

// isNum reports whether token i is a number.
func (s *scanner) isNum(i int) bool { return i >= 0 && i < len(s.t) && s.t[i].kind == kNum }

// matchAt returns the longest expression starting at token i, an includable
// preposition ("on", "in", "since") taken in front.
func (s *scanner) matchAt(i int) (match, bool) {
	if s.t[i].kind == kPunct || s.t[i].kind == kWord && s.t[i].sets&inStarters == 0 {
		return match{}, false
	}
	if i+1 < len(s.t) && s.in(i, inIncludePrep) && !s.in(i+1, inBareDeictic) {
		if m, ok := s.core(i + 1); ok {
			m.i = i
			return m, true
		}
	}
	return s.core(i)
}

// core returns the longest expression starting exactly at token i.
func (s *scanner) core(i int) (best match, ok bool) {
	try := func(m match, good bool) {
		if good && (!ok || m.j > best.j) {
			best, ok = m, true
		}
	}
	switch s.t[i].kind {
	case kNum:
		try(s.numeric(i))
		try(s.dayMonth(i))
		try(s.offset(i))
	case kWord:
		w := s.t[i].low
		if w == "for" {
			try(s.perfectFor(i))
			return
		}
		if s.t[i].sets&inMonths != 0 {
			try(s.monthExpr(i))
			return
		}
		if s.t[i].sets&inWeekdays != 0 {
			try(s.weekdayExpr(i))
			return
		}
		// each reader below starts only at the words of its case (nor
		// does any start at a month or weekday, handled above): the
		// others are not called
		try(s.offset(i))
		switch w {
		case "today", "tonight", "yesterday", "tomorrow", "overnight", "earlier", "later":
			try(s.deictic(i))
		case "the":
			try(s.deictic(i))
			try(s.partOf(i))
			try(s.dayMonth(i))
		case "last", "this", "next":
			try(s.deictic(i))
			try(s.partOf(i))
			try(s.weekdayExpr(i))
			try(s.monthExpr(i))
		case "early", "late":
			try(s.partOf(i))
			try(s.weekdayExpr(i))
		case "mid", "end", "beginning", "start", "middle", "close", "turn", "first", "second", "third",
			"fourth", "final", "q", "spring", "summer", "autumn", "fall", "winter":
			try(s.partOf(i))
		}
	}
	return
}

// numberBoundary reports whether number token i is a whole number: not
// part of "3,813", "1.5", "12:30", "80%", "600-kilometer" or "18km".
func (s *scanner) numberBoundary(i int) bool {
	// before
	if s.glued(i) {
		switch s.p(i - 1) {
		case ",", ".", ":", "/", "$", "€", "£", "#", "+":
			return false
		case "-":
			if s.glued(i-1) && s.isNum(i-2) {
				return false
			}
		}
		if s.t[i-1].kind != kPunct {
			return false
		}
	}
	// after
	k := i + 1
	if !s.glued(k) {
		return true
	}
	switch s.t[k].kind {
	case kNum:
		return false
	case kWord:
		return false
	}
	switch s.t[k].low {
	case "%", "$", "€", "£":
		return false
	case ",", ".", ":", "/":
		return !(s.glued(k+1) && s.isNum(k+1))
	case "-":
		return !s.glued(k + 1)
	}
	return true
}

// dayAt reads a day of the month (1–31, optionally "18th") at i.
func (s *scanner) dayAt(i int) (d, next int, ok bool) {
	if !s.isNum(i) {
		return 0, 0, false
	}
	t := s.t[i]
	if t.digits > 2 || t.n < 1 || t.n > 31 {
		return 0, 0, false
	}
	if s.glued(i+1) && s.t[i+1].kind == kWord {
		switch s.t[i+1].low {
		case "st", "nd", "rd", "th":
			if s.glued(i + 2) {
				return 0, 0, false
			}
			return t.n, i + 2, true
		}
		return 0, 0, false
	}
	if !s.numberBoundary(i) {
		// a range "18-20" is allowed: the caller reads it
		if !(s.p(i+1) == "-" && s.glued(i+1) && s.isNum(i+2) && s.glued(i+2)) {
			return 0, 0, false
		}
	}
	return t.n, i + 1, true
}

// yearAt reads a four-digit year at i.
func (s *scanner) yearAt(i int) (y, next int, ok bool) {
	if !s.isNum(i) {
		return 0, 0, false
	}
	t := s.t[i]
	if t.digits != 4 || t.n < 1000 || t.n > 2999 {
		return 0, 0, false
	}
	if !s.numberBoundary(i) {
		// possessive "2018's" and ranges "2018-2019" are fine
		k := i + 1
		if !(s.p(k) == "'" && s.w(k+1) == "s") && !(s.p(k) == "-" && s.isNum(k+1) && s.glued(k+1)) {
			return 0, 0, false
		}
		if s.glued(i) && s.t[i-1].kind != kPunct {
			return 0, 0, false
		}
	}
	return t.n, i + 1, true
}

// monthAt reads a month name at i ("March", "Sept.").
func (s *scanner) monthAt(i int) (m time.Month, next int, abbr, ok bool) {
	w := s.w(i)
	mn, found := months[w]
	if !found {
		return 0, 0, false, false
	}
	if (mn.abbr || w == "march" || w == "may") && !s.t[i].cap && !s.loose {
		return 0, 0, false, false
	}
	next = i + 1
	if mn.abbr && s.p(next) == "." && s.glued(next) {
		next++
	}
	return mn.m, next, mn.abbr, true
}

// monthExpr reads "March 18", "Jan. 18, 2021", "May 2024", "May of 2024",
// "last February", or a bare month after a preposition.
func (s *scanner) monthExpr(i int) (match, bool) {
	k, mode := i, modePlain
	switch s.w(k) {
	case "last":
		mode, k = modeLast, k+1
	case "next":
		mode, k = modeNext, k+1
	case "this":
		mode, k = modeThis, k+1
	}
	m, k2, abbr, ok := s.monthAt(k)
	if !ok {
		return match{}, false
	}
	if mode == modePlain {
		if d, k3, ok := s.dayAt(k2); ok {
			d2 := 0
			if e, k4, ok := s.rangeEnd(k3, d); ok {
				d2, k3 = e, k4
			}
			return s.monthDayYear(i, k3, m, d, d2)
		}
		k3 := k2
		if s.p(k3) == "," || s.w(k3) == "of" {
			k3++
		}
		if y, k4, ok := s.yearAt(k3); ok {
			return match{i: i, j: k4, typ: tFixed, span: monthOf(y, m)}, true
		}
		// "in August last year", "in March this year": the month of the
		// year named relative to publication
		if s.hasPub && s.w(k2+1) == "year" {
			switch s.w(k2) {
			case "last":
				return match{i: i, j: k2 + 2, typ: tFixed, span: monthOf(s.pub.Year()-1, m), past: true}, true
			case "this":
				return match{i: i, j: k2 + 2, typ: tFixed, span: monthOf(s.pub.Year(), m)}, true
			case "next":
				return match{i: i, j: k2 + 2, typ: tFixed, span: monthOf(s.pub.Year()+1, m), fut: true}, true
			}
		}
	}
	if abbr {
		return match{}, false
	}
	if mode == modePlain && !s.loose && !monthPrep[s.w(i-1)] && !s.monthModifier(i, k2) {
		return match{}, false
	}
	return match{i: i, j: k2, typ: tRecur, mode: mode, fut: mode == modeNext, past: mode == modeLast,
		rec: recur{kind: rMonth, m: m}}, true
}

// dayMonth reads "3 March", "18 January 2021", "the 3rd of March".
func (s *scanner) dayMonth(i int) (match, bool) {
	k := i
	if s.w(k) == "the" {
		k++
	}
	d, k2, ok := s.dayAt(k)
	if !ok {
		return match{}, false
	}
	d2 := 0
	if e, k3, ok := s.rangeEnd(k2, d); ok {
		d2, k2 = e, k3
	}
	if s.w(k2) == "of" {
		k2++
	}
	m, k3, _, ok := s.monthAt(k2)
	if !ok {
		return match{}, false
	}
	return s.monthDayYear(i, k3, m, d, d2)
}

// monthDayYear ends a day of a month (days d to d2, d2 0 for one) read
// from i to k: with a year after it ("March 3, 2024", "3 March 2024") it is
// that fixed day, else the day of every year, when it exists in one.
func (s *scanner) monthDayYear(i, k int, m time.Month, d, d2 int) (match, bool) {
	rec := recur{kind: rMonthDay, m: m, d: d, d2: d2}
	k2 := k
	if s.p(k2) == "," {
		k2++
	}
	if y, k3, ok := s.yearAt(k2); ok {
		sp, ok := rec.in(y)
		if !ok {
			return match{}, false
		}
		return match{i: i, j: k3, typ: tFixed, span: sp}, true
	}
	if !validDay(2000, int(m), d) {
		return match{}, false
	}
	return match{i: i, j: k, typ: tRecur, rec: rec}, true
}

// rangeEnd reads the "-14" of a day range "12-14" at k, after day d.
func (s *scanner) rangeEnd(k, d int) (int, int, bool) {
	if s.p(k) != "-" || !s.glued(k) || !s.isNum(k+1) || !s.glued(k+1) {
		return 0, 0, false
	}
	t := s.t[k+1]
	if t.digits > 2 || t.n <= d || t.n > 31 {
		return 0, 0, false
	}
	next := k + 2
	if s.glued(next) {
		switch s.t[next].low {
		case "st", "nd", "rd", "th":
			next++
		case ",", ".", ")", ";", ":":
		default:
			return 0, 0, false
		}
	}
	return t.n, next, true
}

// numeric reads "2021-01-18", "18/01/2021" (when unambiguous) and years.
func (s *scanner) numeric(i int) (match, bool) {
	t := s.t[i]
	sep := s.p(i + 1)
	if (sep == "-" || sep == "/" || sep == ".") && s.glued(i+1) && s.isNum(i+2) && s.glued(i+2) &&
		s.p(i+3) == sep && s.glued(i+3) && s.isNum(i+4) && s.glued(i+4) {
		a, b, c := t, s.t[i+2], s.t[i+4]
		if s.glued(i+5) && (s.isNum(i+5) || s.p(i+5) == sep) {
			return match{}, false
		}
		var y, mo, d int
		switch {
		case a.digits == 4 && b.digits <= 2 && c.digits <= 2 && sep != ".":
			y, mo, d = a.n, b.n, c.n
		case a.digits <= 2 && b.digits <= 2 && c.digits == 4 && sep != "-":
			y = c.n
			switch {
			case a.n == b.n:
				mo, d = a.n, a.n
			case a.n > 12 && b.n <= 12:
				d, mo = a.n, b.n
			case b.n > 12 && a.n <= 12:
				mo, d = a.n, b.n
			default:
				return match{}, false // ambiguous: 03/04/2021
			}
		default:
			return match{}, false
		}
		if y < 1000 || !validDay(y, mo, d) {
			return match{}, false
		}
		return match{i: i, j: i + 5, typ: tFixed, span: daySpan(date(y, time.Month(mo), d))}, true
	}
	y, k, ok := s.yearAt(i)
	if !ok || !s.yearGate(i, k) {
		return match{}, false
	}
	return match{i: i, j: k, typ: tFixed, span: yearOf(y)}, true
}

// yearGate decides whether a bare four-digit number at i (ending before k)
// is a year rather than a quantity or a code.
func (s *scanner) yearGate(i, k int) bool {
	y := s.t[i].n
	if s.loose {
		return true
	}
	if y < 1800 || y > 2099 {
		return false
	}
	if units[s.w(k)] {
		return false
	}
	if i == 0 {
		return true
	}
	prev := s.t[i-1]
	switch prev.kind {
	case kNum:
		return false
	case kPunct:
		switch prev.low {
		case "(", "[", "\"", "—", ":", ";":
			return true
		case ".", "!", "?":
			return s.t[i].sp
		case ",":
			return i >= 2 && s.t[i-2].kind == kNum && s.t[i-2].digits == 4
		}
		return false
	}
	pw := prev.low
	if quantifiers[pw] && s.lowerNoun(k) {
		return false
	}
	if yearPrep[pw] || determiners[pw] {
		return true
	}
	return pw == "s" && s.p(i-2) == "'" && s.glued(i-1)
}

// lowerNoun reports whether token k looks like a lower-case noun (not a
// function word), as after a quantity.
func (s *scanner) lowerNoun(k int) bool {
	if k >= len(s.t) || s.t[k].kind != kWord || s.t[k].cap {
		return false
	}
	switch s.t[k].low {
	case "and", "or", "to", "in", "on", "at", "with", "for", "when", "as", "but", "that", "which",
		"where", "while", "after", "before", "the", "a", "an", "of", "is", "was", "were", "are", "until",
		"since", "by", "from", "through", "onwards", "onward", "levels", "level", "figures", "s":
		return false
	}
	return true
}

// weekdayExpr reads "Monday", "last Tuesday", "next Monday", "Monday
// night", "late Sunday" and "Tuesday, March 18" (the date wins).
func (s *scanner) weekdayExpr(i int) (match, bool) {
	k, mode := i, modePlain
	switch s.w(k) {
	case "last":
		mode, k = modeLast, k+1
	case "next":
		mode, k = modeNext, k+1
	case "this":
		k++
		switch s.w(k) {
		case "past":
			mode, k = modeLast, k+1
		case "coming":
			mode, k = modeNext, k+1
		}
	case "early", "late":
		k++
	}
	wd, ok := weekdays[s.w(k)]
	if !ok {
		return match{}, false
	}
	if n := k + 1; n < len(s.t) && s.t[n].cap && pressNames[s.t[n].low] {
		return match{}, false
	}
	if k > 0 && s.t[k-1].cap && holidayWords[s.t[k-1].low] {
		return match{}, false
	}
	k++
	if mode == modePlain {
		j := k
		if s.p(j) == "," {
			j++
		}
		if j < len(s.t) {
			if m, ok := s.monthExpr(j); ok && (m.typ == tFixed && m.span.Precision == model.Day || m.typ == tRecur && m.rec.kind == rMonthDay) {
				m.i = i
				m.rec.wd, m.rec.hasWd = wd, true
				return m, true
			}
			if m, ok := s.dayMonth(j); ok {
				m.i = i
				m.rec.wd, m.rec.hasWd = wd, true
				return m, true
			}
		}
	}
	if dayParts[s.w(k)] {
		k++
	}
	return match{i: i, j: k, typ: tWeekday, wd: wd, mode: mode, fut: mode == modeNext, past: mode == modeLast}, true
}

// monthModifier reports whether the bare month name at i (ending before k)
// modifies the noun after it, after "the" or a possessive: "the December
// overthrow of", "Syria's March elections".
func (s *scanner) monthModifier(i, k int) bool {
	if i == 0 || k >= len(s.t) || s.t[k].kind != kWord || s.t[k].cap || !s.t[k].sp {
		return false
	}
	switch s.w(i - 1) {
	case "the", "'s", "’s", "s":
		return true
	}
	return false
}
