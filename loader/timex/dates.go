package timex

import (
	"strconv"
	"time"

	"eventgraph/graph/model"
)

// date returns the UTC midnight of a calendar day.
func date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// validDay reports whether y-m-d is a real calendar day.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	return d <= daysIn(y, time.Month(m))
}

// daysIn returns the number of days of month m in year y.
func daysIn(y int, m time.Month) int {
	return date(y, m+1, 0).Day()
}

// appendInt appends n zero-padded to width digits.
func appendInt(b []byte, n, width int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var tmp [12]byte
	s := strconv.AppendInt(tmp[:0], int64(n), 10)
	for k := len(s); k < width; k++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// isoDay formats t as YYYY-MM-DD.
func isoDay(t time.Time) string {
	var b [16]byte
	y, m, d := t.Date()
	s := appendInt(b[:0], y, 4)
	s = append(s, '-')
	s = appendInt(s, int(m), 2)
	s = append(s, '-')
	s = appendInt(s, d, 2)
	return string(s)
}

// isoWeek formats the ISO week of t as YYYY-Www.
func isoWeek(t time.Time) string {
	var b [16]byte
	y, w := t.ISOWeek()
	s := appendInt(b[:0], y, 4)
	s = append(s, '-', 'W')
	s = appendInt(s, w, 2)
	return string(s)
}

// isoMonth formats y-m as YYYY-MM.
func isoMonth(y int, m time.Month) string {
	var b [16]byte
	s := appendInt(b[:0], y, 4)
	s = append(s, '-')
	s = appendInt(s, int(m), 2)
	return string(s)
}

// isoYear formats y as YYYY.
func isoYear(y int) string {
	var b [8]byte
	return string(appendInt(b[:0], y, 4))
}

// span builds a DateSpan from its value, precision and inclusive day bounds.
func span(value string, p model.Precision, start, end time.Time) model.DateSpan {
	a := isoDay(start)
	b := a
	if end != start {
		b = isoDay(end)
	}
	d := model.DateSpan{Value: value, Start: a, End: b, Precision: p}
	if p == model.Week {
		// the ISO week when the span is Monday to Sunday, else the interval
		d = d.Normalized()
	}
	return d
}

// unknown is the span of an expression that cannot be placed.
func unknown() model.DateSpan { return model.DateSpan{Precision: model.Unknown} }

// daySpan is the DAY span of t.
func daySpan(t time.Time) model.DateSpan {
	d := isoDay(t)
	return model.DateSpan{Value: d, Start: d, End: d, Precision: model.Day}
}

// dayRange is a DAY-precision span from a to b (a multi-day happening whose
// first day is known); Value is the first day.
func dayRange(a, b time.Time) model.DateSpan {
	d := isoDay(a)
	e := d
	if b != a {
		e = isoDay(b)
	}
	return model.DateSpan{Value: d, Start: d, End: e, Precision: model.Day}
}

// weekOf is the ISO week (Monday to Sunday) containing t.
func weekOf(t time.Time) model.DateSpan {
	mon := t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	return span(isoWeek(t), model.Week, mon, mon.AddDate(0, 0, 6))
}

// around is the WEEK span of an approximate day: c ± 3 days, valued by the
// ISO week of c.
func around(c time.Time) model.DateSpan {
	return span(isoWeek(c), model.Week, c.AddDate(0, 0, -3), c.AddDate(0, 0, 3))
}

// monthOf is the MONTH span of y-m.
func monthOf(y int, m time.Month) model.DateSpan {
	return span(isoMonth(y, m), model.Month, date(y, m, 1), date(y, m+1, 0))
}

// yearOf is the YEAR span of y.
func yearOf(y int) model.DateSpan {
	return span(isoYear(y), model.Year, date(y, 1, 1), date(y, 12, 31))
}

// bounds parses the Start and End of a known span.
func bounds(d model.DateSpan) (time.Time, time.Time, bool) {
	a, err1 := time.Parse(time.DateOnly, d.Start)
	b, err2 := time.Parse(time.DateOnly, d.End)
	return a, b, err1 == nil && err2 == nil
}

// Parts of a year or a month ("late 2017", "mid-March", "the first half of
// 2022", "Q3 2021", "summer 2023").
const (
	partNone = iota
	partEarly
	partMid
	partLate
	partBegin // the beginning/start of
	partEnd   // the end of
	partH1
	partH2
	partQ1
	partQ2
	partQ3
	partQ4
	partSpring
	partSummer
	partAutumn
	partWinter
)

// yearPart returns the span of a part of year y. Early, mid and late are
// the thirds of the year (Jan–Apr, May–Aug, Sep–Dec) with QUARTER precision
// and the quarter holding the span's middle as Value; the beginning and end
// of a year are its first and last quarters; halves and seasons keep
// QUARTER precision with TIMEX3 values (2022-H1, 2023-SU); winter runs from
// December of y to February of y+1.
func yearPart(y, part int) model.DateSpan {
	q := func(n int, from, to time.Month) model.DateSpan {
		return span(isoYear(y)+"-Q"+strconv.Itoa(n), model.Quarter, date(y, from, 1), date(y, to+1, 0))
	}
	switch part {
	case partEarly:
		return q(1, 1, 4)
	case partMid:
		return q(3, 5, 8)
	case partLate:
		return q(4, 9, 12)
	case partBegin, partQ1:
		return q(1, 1, 3)
	case partEnd, partQ4:
		return q(4, 10, 12)
	case partQ2:
		return q(2, 4, 6)
	case partQ3:
		return q(3, 7, 9)
	case partH1:
		return span(isoYear(y)+"-H1", model.Quarter, date(y, 1, 1), date(y, 6, 30))
	case partH2:
		return span(isoYear(y)+"-H2", model.Quarter, date(y, 7, 1), date(y, 12, 31))
	case partSpring:
		return span(isoYear(y)+"-SP", model.Quarter, date(y, 3, 1), date(y, 5, 31))
	case partSummer:
		return span(isoYear(y)+"-SU", model.Quarter, date(y, 6, 1), date(y, 8, 31))
	case partAutumn:
		return span(isoYear(y)+"-FA", model.Quarter, date(y, 9, 1), date(y, 11, 30))
	case partWinter:
		return span(isoYear(y)+"-WI", model.Quarter, date(y, 12, 1), date(y+1, 3, 0))
	}
	return yearOf(y)
}

// monthPart returns the span of a part of month m of year y: MONTH
// precision with the bounds narrowed to days 1–10 (early, beginning),
// 11–20 (mid) or 21–end (late, end).
func monthPart(y int, m time.Month, part int) model.DateSpan {
	s := monthOf(y, m)
	switch part {
	case partEarly, partBegin:
		s.End = isoDay(date(y, m, 10))
	case partMid:
		s.Start, s.End = isoDay(date(y, m, 11)), isoDay(date(y, m, 20))
	case partLate, partEnd:
		s.Start = isoDay(date(y, m, 21))
	}
	return s
}
