package timeline

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"eventgraph/graph"
)

// Output formats of Write.
const (
	// JSON is eventgraph's timeline JSON: {"query", "events": [Item…], "count"}.
	JSON = "json"
	// TimelineJS is Knight Lab TimelineJS JSON: {"title", "events": [slide…]}.
	TimelineJS = "timelinejs"
)

// CheckFormat returns the canonical name of a timeline format ("" is
// JSON), or an *Error for an unknown one.
func CheckFormat(format string) (string, error) {
	switch strings.ToLower(format) {
	case "", JSON:
		return JSON, nil
	case TimelineJS:
		return TimelineJS, nil
	}
	return "", &Error{Param: "format", Value: format, Reason: "want json or timelinejs"}
}

// Item is one event of the timeline, as the JSON format lists it.
type Item struct {
	ID     string         `json:"id"`
	Title  string         `json:"title"`
	Type   string         `json:"type"`
	CAMEO  string         `json:"cameo,omitempty"`
	Date   graph.DateSpan `json:"date"`
	Status string         `json:"status,omitempty"`
	// Actors are the participants with their roles, in the event's order.
	Actors    []ActorRef    `json:"actors"`
	Place     *PlaceRef     `json:"place,omitempty"`
	Agreement *AgreementRef `json:"agreement,omitempty"`
	// Evidence is the first evidence sentence with its article.
	Evidence *EvidenceRef `json:"evidence,omitempty"`
	// AllEvidence lists every evidence sentence (with Query.AllEvidence).
	AllEvidence []EvidenceRef `json:"allEvidence,omitempty"`
	// EvidenceCount is the number of evidence sentences.
	EvidenceCount int `json:"evidenceCount"`
	// Quantities are the numbers with units the event's sentences give
	// (empty, never null, when there are none).
	Quantities []QuantityRef `json:"quantities"`
	// Disputed is true when the articles reporting the event disagree on
	// its day or a quantity; Disputes says on what ("date", "drivers
	// killed") and Reports gives each article's values side by side.
	Disputed bool        `json:"disputed"`
	Disputes []string    `json:"disputes,omitempty"`
	Reports  []ReportRef `json:"reports,omitempty"`
}

// ReportRef is what one article says of a disputed event: its date, its
// quantities and its first sentence.
type ReportRef struct {
	Article    ArticleRef     `json:"article"`
	Date       graph.DateSpan `json:"date"`
	Quantities []QuantityRef  `json:"quantities"`
	Sentence   string         `json:"sentence,omitempty"`
}

// QuantityRef is a number with its unit from an event's sentences: "a
// 160-km wall" is {value 160, unit "km", text "160-km", counts "wall"}.
type QuantityRef struct {
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"`
	Text   string  `json:"text"`
	Counts string  `json:"counts,omitempty"`
	// Article is the ID of the article that gives it.
	Article string `json:"article,omitempty"`
}

// String says the quantity as a reader would: "160 km (wall)",
// "35 people (killed)", "80%" (see graph.Quantity.String).
func (q QuantityRef) String() string {
	return graph.Quantity{Value: q.Value, Unit: q.Unit, Counts: q.Counts}.String()
}

// ActorRef is a participant of an event.
type ActorRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind,omitempty"`
	Role string `json:"role"`
}

// PlaceRef is where an event happened; Lat and Lon are set when known.
type PlaceRef struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Kind    string   `json:"kind,omitempty"`
	Country string   `json:"country,omitempty"`
	Lat     *float64 `json:"lat,omitempty"`
	Lon     *float64 `json:"lon,omitempty"`
}

// AgreementRef is the agreement an event concerns.
type AgreementRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind,omitempty"`
	Date string `json:"date,omitempty"`
}

// EvidenceRef is an evidence sentence and its article.
type EvidenceRef struct {
	Sentence string     `json:"sentence"`
	Article  ArticleRef `json:"article"`
}

// ArticleRef names an article: its title and address.
type ArticleRef struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"`
}

// itemMaker builds Items, caching the small things it looks up (article
// titles, agreement names) for one Write.
type itemMaker struct {
	r          graph.Snapshot
	all        bool
	articles   map[string]ArticleRef
	agreements map[string]*AgreementRef
	places     map[string]*PlaceRef // nil: not stored
}

func newItemMaker(r graph.Snapshot, all bool) *itemMaker {
	return &itemMaker{r: r, all: all, articles: map[string]ArticleRef{}, agreements: map[string]*AgreementRef{}, places: map[string]*PlaceRef{}}
}

func (m *itemMaker) article(id string) ArticleRef {
	if a, ok := m.articles[id]; ok {
		return a
	}
	cached, _ := m.r.(metaCache)
	if cached != nil {
		if a, ok := cached.CachedArticleMeta(id); ok {
			return articleRef(id, a)
		}
	}
	ref := ArticleRef{ID: id}
	if a, err := m.r.ArticleMeta(id); err == nil {
		ref = articleRef(id, a)
	}
	// kept here only when the snapshot does not keep it: a month's
	// thousands of articles would grow this map for every request
	if cached == nil {
		m.articles[id] = ref
	} else if _, ok := cached.CachedArticleMeta(id); !ok {
		m.articles[id] = ref
	}
	return ref
}

func articleRef(id string, a graph.Article) ArticleRef {
	return ArticleRef{ID: id, Title: a.Title, URL: a.URL, Source: a.Source, Published: a.Published}
}

// metaCache is a snapshot that keeps the article records it has read
// (graph.Reader, with the cache its snapshot shares with other readers).
type metaCache interface {
	CachedArticleMeta(id string) (graph.Article, bool)
}

func (m *itemMaker) agreement(id string) *AgreementRef {
	if g, ok := m.agreements[id]; ok {
		return g
	}
	var ref *AgreementRef
	if g, err := m.r.Agreement(id); err == nil {
		ref = &AgreementRef{ID: g.ID, Name: g.Name, Kind: g.Kind, Date: g.Date.Value}
	}
	m.agreements[id] = ref
	return ref
}

// place returns the reference of the place with the ID, made once per
// Write and shared by its items (as agreements are), or nil.
func (m *itemMaker) place(id string) *PlaceRef {
	if ref, ok := m.places[id]; ok {
		return ref
	}
	var ref *PlaceRef
	if p, err := m.r.Place(id); err == nil {
		ref = &PlaceRef{ID: p.ID, Name: p.Name, Kind: p.Kind, Country: p.Country}
		if p.HasGeo {
			lat, lon := p.Lat, p.Lon
			ref.Lat, ref.Lon = &lat, &lon
		}
	}
	m.places[id] = ref
	return ref
}

func quantityRef(q graph.Quantity) QuantityRef {
	return QuantityRef{Value: q.Value, Unit: q.Unit, Text: q.Text, Counts: q.Counts, Article: q.ArticleID}
}

// Item makes the timeline item of an event.
func (m *itemMaker) Item(ev graph.Event) Item {
	return m.item(ev, make([]ActorRef, 0, len(ev.Participants)), nil)
}

// item makes the item of ev with actors (empty, not nil) as the room of
// its Actors and evid (nil: a new one) as the room of its Evidence: a writer that is done
// with an item before the next passes the same ones again, and allocates
// neither for each event.
func (m *itemMaker) item(ev graph.Event, actors []ActorRef, evid *EvidenceRef) Item {
	it := Item{ID: ev.ID, Title: ev.Title, Type: ev.Type, CAMEO: ev.CAMEO, Date: ev.Date, Status: ev.Status,
		Actors: actors, EvidenceCount: len(ev.Evidence), Quantities: make([]QuantityRef, len(ev.Quantities))}
	for i, q := range ev.Quantities {
		it.Quantities[i] = quantityRef(q)
	}
	if it.Disputes = ev.Disputes(); len(it.Disputes) > 0 {
		it.Disputed = true
		for _, r := range ev.Reports() {
			ref := ReportRef{Article: m.article(r.ArticleID), Date: r.Date, Quantities: make([]QuantityRef, len(r.Quantities))}
			for i, q := range r.Quantities {
				ref.Quantities[i] = quantityRef(q)
			}
			if len(r.Evidence) > 0 {
				ref.Sentence = r.Evidence[0].Sentence
			}
			it.Reports = append(it.Reports, ref)
		}
	}
	for _, p := range ev.Participants {
		ref := ActorRef{ID: p.ActorID, Role: p.Role}
		if a, err := m.r.Actor(p.ActorID); err == nil {
			ref.Name, ref.Kind = a.Name, string(a.Kind)
		}
		it.Actors = append(it.Actors, ref)
	}
	if ev.PlaceID != "" {
		it.Place = m.place(ev.PlaceID)
	}
	if ev.AgreementID != "" {
		it.Agreement = m.agreement(ev.AgreementID)
	}
	for i, e := range ev.Evidence {
		ref := EvidenceRef{Sentence: e.Sentence, Article: m.article(e.ArticleID)}
		if i == 0 {
			if evid == nil {
				evid = new(EvidenceRef)
			}
			*evid = ref
			it.Evidence = evid
		}
		if !m.all {
			break
		}
		it.AllEvidence = append(it.AllEvidence, ref)
	}
	return it
}

// Items returns the timeline's items (for callers that want values, not
// bytes; Write streams instead).
func Items(r graph.Snapshot, q Query) ([]Item, error) {
	sel, err := Select(r, q)
	if err != nil {
		return nil, err
	}
	m := newItemMaker(r, q.AllEvidence)
	var out []Item
	err = sel.ForEach(r, func(ev graph.Event) error {
		out = append(out, m.Item(ev))
		return nil
	})
	return out, err
}

// echo is the query as the JSON format reports it, with its date bounds
// resolved.
type echo struct {
	From    string   `json:"from,omitempty"`
	To      string   `json:"to,omitempty"`
	Actor   string   `json:"actor,omitempty"`
	Actors  []string `json:"actorIds,omitempty"`
	Type    string   `json:"type,omitempty"`
	Place   string   `json:"place,omitempty"`
	Country string   `json:"country,omitempty"`
	CAMEO   string   `json:"cameo,omitempty"`
	Status  string   `json:"status,omitempty"`
	Text    string   `json:"text,omitempty"`
	Undated bool     `json:"undated,omitempty"`
	Limit   int      `json:"limit,omitempty"`
}

// Write writes the timeline q selects from r in format (JSON or
// TimelineJS; "" is JSON), streaming: one event at a time. A bad query or
// format is an *Error, returned before anything is written.
//
// The JSON format is
//
//	{"query": {…}, "events": [Item…], "count": N}
//
// TimelineJS leaves out undated events (a slide needs a start date).
func Write(w io.Writer, r graph.Snapshot, q Query, format string) error {
	format, err := CheckFormat(format)
	if err != nil {
		return err
	}
	sel, err := Select(r, q)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 32<<10)
	m := newItemMaker(r, q.AllEvidence)
	if format == TimelineJS {
		err = writeTimelineJS(bw, r, q, sel, m)
	} else {
		err = writeJSON(bw, r, q, sel, m)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

func writeJSON(w *bufio.Writer, r graph.Snapshot, q Query, sel *Selection, m *itemMaker) error {
	e := echo{From: sel.Filter.From, To: sel.Filter.To, Actor: q.Actor, Type: q.Type, Place: q.Place,
		Country: sel.Country, CAMEO: q.CAMEO, Status: q.Status, Text: q.Text, Undated: q.Undated, Limit: q.Limit}
	for _, a := range sel.Actors {
		e.Actors = append(e.Actors, a.ID)
	}
	if e.Country == "" {
		e.Country = q.Country
	}
	head, err := json.Marshal(e)
	if err != nil {
		return err
	}
	w.WriteString(`{"query":`)
	w.Write(head)
	w.WriteString(`,"events":[`)
	n := 0
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	var buf []byte
	// each item is written before the next is made: one room for their
	// actors and first evidence
	actors, evid := make([]ActorRef, 0, 4), new(EvidenceRef)
	err = sel.ForEach(r, func(ev graph.Event) error {
		if n > 0 {
			w.WriteString(",\n")
		} else {
			w.WriteString("\n")
		}
		n++
		it := m.item(ev, actors[:0], evid)
		actors = it.Actors[:0]
		var ok bool
		if buf, ok = appendItem(buf[:0], &it); !ok {
			return enc.Encode(it) // the error encoding/json gives
		}
		_, err := w.Write(buf) // ends with a newline, as Encode's output: valid JSON whitespace
		return err
	})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "],\"count\":%d}\n", n)
	return err
}

// TimelineJS JSON (https://timeline.knightlab.com/docs/json-format.html).

// TLDate is a TimelineJS date: Month and Day are left out when the date is
// less precise.
type TLDate struct {
	Year        int    `json:"year"`
	Month       int    `json:"month,omitempty"`
	Day         int    `json:"day,omitempty"`
	DisplayDate string `json:"display_date,omitempty"`
}

// TLText is a TimelineJS slide's text; Text is HTML.
type TLText struct {
	Headline string `json:"headline"`
	Text     string `json:"text,omitempty"`
}

// TLEvent is a TimelineJS slide.
type TLEvent struct {
	StartDate   TLDate  `json:"start_date"`
	EndDate     *TLDate `json:"end_date,omitempty"`
	Text        TLText  `json:"text"`
	Group       string  `json:"group,omitempty"`
	DisplayDate string  `json:"display_date,omitempty"`
	UniqueID    string  `json:"unique_id"`
}

// TLTitle is a TimelineJS title slide (no date).
type TLTitle struct {
	Text     TLText `json:"text"`
	UniqueID string `json:"unique_id"`
}

// TLDocument is a whole TimelineJS document.
type TLDocument struct {
	Title  *TLTitle  `json:"title,omitempty"`
	Events []TLEvent `json:"events"`
}

func writeTimelineJS(w *bufio.Writer, r graph.Snapshot, q Query, sel *Selection, m *itemMaker) error {
	title := TLTitle{Text: TLText{Headline: "eventgraph timeline", Text: html.EscapeString(describe(q))}, UniqueID: "title"}
	head, err := json.Marshal(title)
	if err != nil {
		return err
	}
	w.WriteString(`{"title":`)
	w.Write(head)
	w.WriteString(`,"events":[`)
	n := 0
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	err = sel.ForEach(r, func(ev graph.Event) error {
		s, ok := Slide(m.Item(ev))
		if !ok {
			return nil
		}
		if n > 0 {
			w.WriteString(",")
		}
		w.WriteString("\n")
		n++
		return enc.Encode(s)
	})
	if err != nil {
		return err
	}
	_, err = w.WriteString("]}\n")
	return err
}

func describe(q Query) string {
	var parts []string
	add := func(k, v string) {
		if v != "" {
			parts = append(parts, k+" "+v)
		}
	}
	add("involving", q.Actor)
	add("of type", q.Type)
	add("at", q.Place)
	add("in country", q.Country)
	add("with CAMEO code", q.CAMEO)
	add("with status", q.Status)
	if q.Text != "" {
		add("mentioning", strconv.Quote(q.Text))
	}
	switch {
	case q.From != "" && q.To != "":
		parts = append(parts, "from "+q.From+" to "+q.To)
	case q.From != "":
		parts = append(parts, "from "+q.From+" on")
	case q.To != "":
		parts = append(parts, "until "+q.To)
	}
	if len(parts) == 0 {
		return "Events of the knowledge graph, each with the sentence it came from."
	}
	return "Events " + strings.Join(parts, ", ") + "."
}

// Slide makes the TimelineJS slide of an item; ok is false for an undated
// item, which TimelineJS cannot place.
func Slide(it Item) (TLEvent, bool) {
	d := it.Date
	start, err1 := time.Parse("2006-01-02", d.Start)
	end, err2 := time.Parse("2006-01-02", d.End)
	if err1 != nil || err2 != nil {
		return TLEvent{}, false
	}
	s := TLEvent{Text: TLText{Headline: it.Title, Text: slideHTML(it)}, Group: it.Type, UniqueID: it.ID}
	s.StartDate = TLDate{Year: start.Year(), Month: int(start.Month()), Day: start.Day()}
	switch d.Precision {
	case graph.Day:
		if !end.Equal(start) {
			s.EndDate = &TLDate{Year: end.Year(), Month: int(end.Month()), Day: end.Day()}
		}
	case graph.Month:
		s.StartDate.Day = 0
	case graph.Year:
		s.StartDate.Month, s.StartDate.Day = 0, 0
	case graph.Quarter:
		s.StartDate.Day = 0
		s.EndDate = &TLDate{Year: end.Year(), Month: int(end.Month())}
	default: // WEEK, or a known span of unknown precision
		s.EndDate = &TLDate{Year: end.Year(), Month: int(end.Month()), Day: end.Day()}
	}
	if d.Precision != graph.Day {
		s.DisplayDate = DisplayDate(d)
		s.StartDate.DisplayDate = s.DisplayDate
	}
	return s, true
}

// DisplayDate says an imprecise date as people write it: "December 2024",
// "Q4 2017", "week of 22 January 2024", "2017".
func DisplayDate(d graph.DateSpan) string {
	start, err := time.Parse("2006-01-02", d.Start)
	if err != nil {
		if d.Value != "" {
			return d.Value
		}
		return "date unknown"
	}
	switch d.Precision {
	case graph.Day:
		return start.Format("2 January 2006")
	case graph.Week:
		return "week of " + start.Format("2 January 2006")
	case graph.Month:
		return start.Format("January 2006")
	case graph.Quarter:
		return "Q" + strconv.Itoa((int(start.Month())-1)/3+1) + " " + strconv.Itoa(start.Year())
	case graph.Year:
		return strconv.Itoa(start.Year())
	}
	if end, err := time.Parse("2006-01-02", d.End); err == nil && !end.Equal(start) {
		return start.Format("2 Jan 2006") + " – " + end.Format("2 Jan 2006")
	}
	return start.Format("2 January 2006")
}

// WebLink reports whether u is an absolute http or https address, the only
// article URLs made into links: a javascript: or data: URL in a hostile
// source must never become a live link.
func WebLink(u string) bool {
	p, err := url.Parse(strings.TrimSpace(u))
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != ""
}

func slideHTML(it Item) string {
	var b strings.Builder
	if it.Evidence != nil {
		b.WriteString("<blockquote>")
		b.WriteString(html.EscapeString(it.Evidence.Sentence))
		b.WriteString("</blockquote>")
	}
	var who []string
	for _, a := range it.Actors {
		who = append(who, html.EscapeString(a.Name)+" <small>("+html.EscapeString(a.Role)+")</small>")
	}
	if len(who) > 0 {
		b.WriteString("<p>" + strings.Join(who, ", ") + "</p>")
	}
	var meta []string
	if it.Type != "" {
		t := html.EscapeString(it.Type)
		if it.CAMEO != "" {
			t += " (CAMEO " + html.EscapeString(it.CAMEO) + ")"
		}
		meta = append(meta, t)
	}
	if it.Place != nil {
		meta = append(meta, html.EscapeString(it.Place.Name))
	}
	if it.Agreement != nil {
		meta = append(meta, html.EscapeString(it.Agreement.Name))
	}
	if len(meta) > 0 {
		b.WriteString("<p>" + strings.Join(meta, " · ") + "</p>")
	}
	if len(it.Quantities) > 0 {
		qs := make([]string, len(it.Quantities))
		for i, q := range it.Quantities {
			qs[i] = html.EscapeString(q.String())
		}
		b.WriteString("<p>" + strings.Join(qs, " · ") + "</p>")
	}
	if it.Disputed {
		// each source's values side by side
		b.WriteString("<p><strong>Sources disagree</strong> on " + html.EscapeString(strings.Join(it.Disputes, ", ")) + ":</p><ul>")
		for _, r := range it.Reports {
			vs := []string{DisplayDate(r.Date)}
			for _, q := range r.Quantities {
				vs = append(vs, q.String())
			}
			b.WriteString("<li>" + html.EscapeString(r.Article.Title) + ": " + html.EscapeString(strings.Join(vs, ", ")) + "</li>")
		}
		b.WriteString("</ul>")
	}
	if it.Evidence != nil {
		a := it.Evidence.Article
		src := html.EscapeString(a.Title)
		if WebLink(a.URL) {
			src = `<a href="` + html.EscapeString(a.URL) + `" target="_blank" rel="noopener">` + src + `</a>`
		}
		if a.Source != "" {
			src += " — " + html.EscapeString(a.Source)
		}
		if a.Published != "" {
			src += ", " + html.EscapeString(a.Published)
		}
		b.WriteString("<p><small>" + src + "</small></p>")
	}
	return b.String()
}
