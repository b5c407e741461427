// Package timex finds time expressions in English news sentences and
// normalizes them against the article's publication date.
//
// It is a small, rule-based resolver on the standard library's time
// package: a tokenizer and a hand-written grammar of the forms news copy
// uses ("on Sunday", "last Tuesday", "earlier this month", "January 18,
// 2021", "in late 2017", "about two weeks after the inauguration of …").
// Every expression comes back as a model.DateSpan with its precision (DAY,
// WEEK, MONTH, QUARTER, YEAR) and inclusive day bounds.
//
// # Resolution rules
//
//   - Relative expressions count from Context.Published. Without a
//     publication date they come back with Precision UNKNOWN, an empty Value
//     and no bounds; explicit dates still resolve.
//   - A weekday ("on Sunday", "Wednesday's meeting") is the latest such day
//     on or before publication (the publication weekday itself counts);
//     "last Tuesday" is strictly before it. In a future clause ("will meet on
//     Tuesday", "is scheduled to …") it is the next one on or after
//     publication; "next Monday" is strictly after it.
//   - A month or a month and day without a year ("in February", "on 3
//     March") is the latest on or before publication, or in a future clause
//     the next on or after it. With a weekday ("on Monday, August 29") the
//     year is the one, among the publication's and its neighbours, whose
//     calendar puts the day on that weekday, whatever the tense.
//   - "overnight" is the night before publication: Start is the day before,
//     End the publication day, Precision DAY and Value the day before (the
//     evening the night began). In a future clause it is the coming night.
//   - "earlier this week/month/year" keep the period's precision and Value,
//     with End cut to the publication day; "later this …" start on it.
//   - Early/mid/late in a year are its thirds (Jan–Apr, May–Aug, Sep–Dec)
//     with QUARTER precision, valued by the quarter holding the span's
//     middle (2017-Q4 for late 2017, 2023-Q3 for mid-2023); the beginning
//     and the end of a year are its first and last quarters. Halves and
//     seasons are QUARTER precision with TIMEX3 values (2022-H1, 2023-SU).
//     Early/mid/late in a month keep MONTH precision with narrowed bounds
//     (1–10, 11–20, 21–end).
//   - Offsets: "two days ago" counts from publication; "a week earlier",
//     "three days later", "the next day" count from Context.Ref (the
//     narrative's current day) when set, else from publication. Day offsets
//     are DAY precision; approximate ones ("about three days", any number of
//     weeks, "a fortnight") are WEEK precision centred on the computed day ±3
//     days; "nearly/almost" N weeks is a day short of it, ±2 days. Month
//     offsets are MONTH and year offsets YEAR.
//   - Anchored offsets ("about two weeks after the inauguration of a wall",
//     "three days before the vote") date the happening they name, counted
//     from Ref, else from publication; "… have passed since X" and "… since
//     X" count from publication. The happening is a noun phrase, or a clause
//     when a finite verb follows a short subject ("nearly a week after
//     President Tebboune told a security council meeting", up to a word
//     opening another clause such as "that"). "hours after X" (or a count
//     of up to 48 hours: "some 30 hours after X") is DAY
//     precision from the day before Ref to Ref ("hours before": Ref to the
//     day after), valued by the day other than Ref; "days after X" is WEEK
//     precision five days back (±3); other vague counts ("weeks after …")
//     are skipped. An anchored offset in a future clause cannot be placed
//     (UNKNOWN).
//   - Durations are not dates ("lasted about three years", "will be closed
//     for 25 days"), except after a present perfect of state ("has been
//     closed for 25 days", "have been detained for three weeks", "has
//     remained shut for two months"): "for N days/weeks/months" then dates
//     the state's start, N units before publication (DAY, WEEK, MONTH).
//     "for five days starting Wednesday" dates Wednesday with End four days
//     later (Precision DAY, Value the first day).
//   - Decades ("the 1990s"), vague spans ("in recent days", "recently", "in
//     the coming weeks") and counts into the future ("in two weeks") are not
//     reported. Numbers that are not years are skipped: quantities ("80% of",
//     "600-kilometer", "3,813 kilometers", "about 2000 fighters"), and a bare
//     four-digit number counts as a year only after a preposition or a
//     determiner ("in 2022", "since 2003", "the 2018 elections"), at the start
//     of the sentence or in parentheses.
//   - Names are not dates: "may" and "march" must be capitalized, a bare
//     month needs a preposition or modifier before it ("in February"), and
//     "Sunday Times", "Good Friday" and the like are left alone.
//   - Future clauses are found from markers before the expression in its
//     clause, or after it when the expression opens the clause: "will",
//     "shall", "'ll", "must" (not "must have"), "scheduled", "expected",
//     "upcoming", "plans to", "intends to", "set to", "due to", "is to be"…
//     A past verb met first ("said", "met", "arrested") makes the clause
//     past. Inserts closing before the expression are passed over ("will
//     open the crossing — in both directions — for five days starting
//     Wednesday", "(in Baghdad)", ", which was shut in the war,"), so the
//     verb the expression modifies decides. "starting", "beginning",
//     "effective" or "from" just before the expression, a time of day at
//     most between ("starting at midnight on Monday"), point forward unless
//     the clause is in the simple past ("was imposed starting Monday"); a
//     present perfect ("have ordered") does not stop them. "would" is not a
//     marker (reported speech and habit are too often past).
package timex

import (
	"eventgraph/loader/ascii"
	"strings"
	"sync"
	"time"

	"eventgraph/graph/model"
)

// Context is what an expression is normalized against.
type Context struct {
	// Published is the publication day (UTC midnight); zero when unknown.
	Published time.Time
	// Ref is the narrative's current date: the last DAY-precision date fixed
	// earlier in the same article. Anchored expressions ("two weeks after X")
	// and narrative offsets ("a week earlier") count from Ref, else from
	// Published. Ref is used only when its Precision is DAY.
	Ref model.DateSpan
}

// Expr is one time expression found in a sentence.
type Expr struct {
	// Start and End are the byte offsets of the time words in the sentence,
	// leading preposition included ("on Sunday", "since 2003").
	Start, End int
	// Text is sentence[Start:End].
	Text string
	// Span is the normalized date, with Value, Start, End, Precision and Text
	// filled; Precision is UNKNOWN (and Value empty) when it cannot be
	// resolved, such as a weekday with no publication date.
	Span model.DateSpan
	// Future reports that the clause points forward ("will hold … on July
	// 22", "is scheduled to", "next week").
	Future bool
	// Anchored reports that the expression dates another happening named in
	// the sentence, counted from Ref or Published: in "the statements come
	// about two weeks after the inauguration of a wall" Span dates the
	// inauguration. TargetStart and TargetEnd are the byte offsets of the
	// phrase naming that happening.
	Anchored               bool
	TargetStart, TargetEnd int
}

// Find returns the time expressions of sentence, sorted by Start and not
// overlapping.
func Find(sentence string, ctx Context) []Expr {
	return FindLower(sentence, ascii.Lower(sentence), ctx)
}

// FindLower is Find for a caller that holds the sentence with its ASCII
// letters lower-cased already (every other byte as it is): lower must be
// that form of sentence.
func FindLower(sentence, lower string, ctx Context) []Expr {
	s := getScanner(sentence, lower, ctx, false)
	out := s.find()
	putScanner(s)
	return out
}

// layouts are the whole-phrase forms Parse tries first (header dates).
var layouts = []string{
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	time.RFC1123,
	time.RFC1123Z,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006",
	time.RFC850,
	time.ANSIC,
	"January 2, 2006 3:04 PM",
	"January 2, 2006 15:04",
	"Jan 2, 2006 3:04 PM",
	"Jan 2, 2006 15:04",
	"2 January 2006 15:04",
	"2006/01/02",
	"20060102",
}

// Parse normalizes one phrase on its own, for headers and tests:
// Parse("in late 2017", ctx). Timestamps such as "2024-05-12T10:00:00Z" or
// "Sun, 12 May 2024 10:00:00 GMT" give their calendar day as written. For
// any other phrase it takes the longest expression Find's grammar sees in
// it, accepting bare months and years ("February", "2017") that Find would
// leave alone in running text. ok is false when no expression is found or
// it cannot be resolved (Precision UNKNOWN); the span is returned even
// then.
func Parse(phrase string, ctx Context) (model.DateSpan, bool) {
	p := strings.TrimSpace(phrase)
	for _, l := range layouts {
		if len(p) < 8 || len(p) > 40 {
			break
		}
		if t, err := time.Parse(l, p); err == nil {
			sp := daySpan(date(t.Year(), t.Month(), t.Day()))
			sp.Text = p
			return sp, true
		}
	}
	s := getScanner(p, ascii.Lower(p), ctx, true)
	ex := s.find()
	putScanner(s)
	if len(ex) == 0 {
		return model.DateSpan{Precision: model.Unknown, Text: p}, false
	}
	best := ex[0]
	for _, e := range ex[1:] {
		if e.End-e.Start > best.End-best.Start {
			best = e
		}
	}
	return best.Span, best.Span.Precision != model.Unknown
}

// scanner holds one sentence's tokens and context while it is searched.
type scanner struct {
	src            string
	depth          int // nesting of look-ahead parses, bounded by maxDepth
	t              []token
	loose          bool // Parse mode: bare months and years are dates
	pub, ref       time.Time
	hasPub, hasRef bool
	// the last Ref parsed by this scanner: its bounds' text, its first day
	// and whether both bounds parsed
	refStart, refEnd string
	refDay           time.Time
	refOK, refParsed bool
}

var scanners = sync.Pool{New: func() any { return &scanner{t: make([]token, 0, 64)} }}

func getScanner(src, low string, ctx Context, loose bool) *scanner {
	s := scanners.Get().(*scanner)
	s.src, s.loose, s.depth = src, loose, 0
	s.t = lex(src, low, s.t)
	s.hasPub, s.hasRef = false, false
	if !ctx.Published.IsZero() {
		y, m, d := ctx.Published.Date()
		s.pub, s.hasPub = date(y, m, d), true
	}
	if ctx.Ref.Precision == model.Day {
		// the narrative's date changes seldom from sentence to sentence:
		// parse it again only when it does
		if !s.refParsed || ctx.Ref.Start != s.refStart || ctx.Ref.End != s.refEnd {
			a, _, ok := bounds(ctx.Ref)
			s.refStart, s.refEnd, s.refDay, s.refOK, s.refParsed = ctx.Ref.Start, ctx.Ref.End, a, ok, true
		}
		if s.refOK {
			s.ref, s.hasRef = s.refDay, true
		}
	}
	return s
}

func putScanner(s *scanner) {
	if cap(s.t) > 4096 {
		return
	}
	s.src = ""
	scanners.Put(s)
}

// find scans the tokens left to right, taking at each position the longest
// expression that starts there.
func (s *scanner) find() []Expr {
	var out []Expr
	last := 0 // first token after the previous expression
	for i := 0; i < len(s.t); {
		if t := &s.t[i]; t.kind == kPunct || t.kind == kWord && t.sets&inStarters == 0 {
			i++ // no expression starts here (matchAt's first test)
			continue
		}
		// "on Friday, a day after police arrested him", "overthrew X on
		// Wednesday, and Y proclaimed himself … two days later": an offset
		// after a day of the same sentence counts from that day, not from
		// the narrative's
		saveRef, saveHas := s.ref, s.hasRef
		if n := len(out); n > 0 && out[n-1].Span.Precision == model.Day && !out[n-1].Future && !out[n-1].Anchored {
			if a, _, ok := bounds(out[n-1].Span); ok {
				s.ref, s.hasRef = a, true
			}
		}
		m, ok := s.matchAt(i)
		s.ref, s.hasRef = saveRef, saveHas
		if !ok {
			i++
			continue
		}
		s.duration(&m, last)
		out = append(out, s.build(m))
		i, last = m.j, m.j
	}
	return out
}

// build turns a match into an Expr: it settles the clause's tense and
// resolves the span.
func (s *scanner) build(m match) Expr {
	fut := m.fut
	if !fut && !m.past {
		fut = s.futureClause(m.i, m.j)
	}
	sp := s.resolve(m, fut)
	if m.anchored && fut {
		sp = unknown()
	}
	// nothing past the publication day unless the clause is future: "this
	// month" in a report ends on the day it was published
	if !fut && s.hasPub && !m.anchored && sp.Precision != model.Day {
		if a, b, ok := bounds(sp); ok && !a.After(s.pub) && b.After(s.pub) {
			sp.End = isoDay(s.pub)
		}
	}
	if m.dur > 1 && sp.Precision == model.Day && sp.Start == sp.End {
		if a, _, ok := bounds(sp); ok {
			sp.End = isoDay(a.AddDate(0, 0, m.dur-1))
		}
	}
	st, en := s.t[m.i].start, s.t[m.j-1].end
	sp.Text = s.src[st:en]
	e := Expr{Start: st, End: en, Text: sp.Text, Span: sp, Future: fut}
	if m.anchored {
		e.Anchored = true
		e.TargetStart, e.TargetEnd = s.t[m.ti].start, s.t[m.tj-1].end
	}
	return e
}
