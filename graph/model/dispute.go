package model

import (
	"slices"
	"strings"
)

// Sources that disagree. When articles reporting one event are merged, each
// article's date is kept (Event.SourceDates) beside the one the event
// shows, and each quantity keeps its article; Reports gives what each
// article says, and Disputes what they disagree on.

// SourceDate is the date one article gives a merged event.
type SourceDate struct {
	ArticleID string   `json:"article"`
	Date      DateSpan `json:"date"`
}

// Report is what one article says of an event: its date, its quantities
// and its sentences.
type Report struct {
	ArticleID  string
	Date       DateSpan
	Quantities []Quantity
	Evidence   []Evidence
}

// sourceDates returns e's dates by article: its SourceDates, or, for an
// event of one article, that article's date.
func sourceDates(e Event) []SourceDate {
	if len(e.SourceDates) > 0 {
		return e.SourceDates
	}
	if len(e.Evidence) == 0 || e.Evidence[0].ArticleID == "" {
		return nil
	}
	return []SourceDate{{ArticleID: e.Evidence[0].ArticleID, Date: e.Date}}
}

// MergeSourceDates is the union of two events' dates by article, one per
// article (the first kept); nil when only one article is left, whose date
// is the event's own.
func MergeSourceDates(a, b Event) []SourceDate {
	out := append([]SourceDate{}, sourceDates(a)...)
	for _, s := range sourceDates(b) {
		if !slices.ContainsFunc(out, func(o SourceDate) bool { return o.ArticleID == s.ArticleID }) {
			out = append(out, s)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// Reports lists what each article says of the event, in the order of its
// evidence: the date the article gives (the event's own when it was not
// kept apart), the quantities it reports and its sentences.
func (e *Event) Reports() []Report {
	var out []Report
	index := map[string]int{}
	for _, ev := range e.Evidence {
		i, ok := index[ev.ArticleID]
		if !ok {
			i = len(out)
			index[ev.ArticleID] = i
			out = append(out, Report{ArticleID: ev.ArticleID, Date: e.Date})
		}
		out[i].Evidence = append(out[i].Evidence, ev)
	}
	for _, s := range e.SourceDates {
		if i, ok := index[s.ArticleID]; ok {
			out[i].Date = s.Date
		}
	}
	for _, q := range e.Quantities {
		i, ok := index[q.ArticleID]
		if !ok {
			if len(out) == 0 {
				continue
			}
			i = 0 // a quantity of no known article: the first report's
		}
		out[i].Quantities = append(out[i].Quantities, q)
	}
	return out
}

// Disputes says what the articles reporting the event disagree on, in a
// stable order: "date" when two give known dates that share no day, and
// for quantities the unit and what they count ("people killed", "km
// wall") when two articles give different values. Nil when they agree.
func (e *Event) Disputes() []string {
	var out []string
	sd := e.SourceDates
	for i := 0; i < len(sd) && len(out) == 0; i++ {
		for j := i + 1; j < len(sd); j++ {
			a, b := sd[i].Date, sd[j].Date
			if sd[i].ArticleID != sd[j].ArticleID && a.Known() && b.Known() && !a.Overlaps(b) {
				out = append(out, "date")
				break
			}
		}
	}
	qs := e.Quantities
	for i := range qs {
		for j := i + 1; j < len(qs); j++ {
			a, b := qs[i], qs[j]
			if a.ArticleID == b.ArticleID || a.Value == b.Value || !sameMeasure(a, b) {
				continue
			}
			if len(b.Counts) > len(a.Counts) {
				a = b // the more specific names the dispute
			}
			if l := disputeLabel(a); !slices.Contains(out, l) {
				out = append(out, l)
			}
		}
	}
	return out
}

// Disputed reports whether the articles reporting the event disagree on
// its day or on a quantity.
func (e *Event) Disputed() bool { return len(e.Disputes()) > 0 }

// sameMeasure reports whether two quantities measure one thing: the same
// unit, and what they count the same or one more specific ("killed",
// "people killed" and "drivers killed" are one toll; "soldiers" and
// "civilians" are not).
func sameMeasure(a, b Quantity) bool {
	if a.Unit != b.Unit {
		return false
	}
	x, y := generalCounts(a), generalCounts(b)
	return x == y || x == "" || y == "" || strings.HasSuffix(x, " "+y) || strings.HasSuffix(y, " "+x)
}

// GeneralCounts is what a quantity counts without a word that only
// repeats its unit (see generalCounts); the store compares it when it
// decides whether two reports are one happening.
func GeneralCounts(q Quantity) string { return generalCounts(q) }

// generalCounts is what a quantity counts without a word that only
// repeats its unit: "people killed" is "killed", "families" of unit
// families is "".
func generalCounts(q Quantity) string {
	c := q.Counts
	if c == q.Unit {
		return ""
	}
	for _, w := range []string{"people ", "persons "} {
		if q.Unit == "people" && strings.HasPrefix(c, w) {
			return c[len(w):]
		}
	}
	if q.Unit == "people" && (c == "people" || c == "persons") {
		return ""
	}
	return c
}

// disputeLabel names what a disputed quantity measures: "drivers killed",
// "km wall", "trucks".
func disputeLabel(q Quantity) string {
	c := q.Counts
	switch {
	case c == "" || c == q.Unit:
		return q.Unit
	case q.Unit == "people":
		return c
	}
	return q.Unit + " " + c
}
