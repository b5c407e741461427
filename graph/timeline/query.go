// Package timeline turns the graph's events into a timeline: dated events in
// date order, each with its date span and precision, type and CAMEO code,
// actors with roles, place with coordinates, agreement, status, and the
// evidence sentence with its article. It serves GET /timeline and
// `eventgraph timeline`, as eventgraph JSON or Knight Lab TimelineJS JSON,
// and its Query (the filters) is shared with the graph exports.
package timeline

import (
	"errors"
	"fmt"
	"hash/fnv"
	"net/url"
	"strconv"
	"strings"
	"time"

	"eventgraph/graph"
)

// Query is a timeline's filters, as users type them. Empty fields select
// everything.
type Query struct {
	// From and To bound the dates (inclusive): YYYY, YYYY-MM or YYYY-MM-DD.
	// An event matches when its span overlaps [From, To].
	From, To string
	// Actor is a name or alias of an actor (case- and hyphen-insensitive,
	// "al-" folded); events in which any actor so named takes part. An
	// unknown name selects nothing.
	Actor string
	// Type is a readable event type ("sign agreement", case-insensitive) or
	// a CAMEO code prefix ("05").
	Type string
	// Place is a place name (any country); events located there.
	Place string
	// Country is an ISO 3166-1 alpha-2 code or a country's name; events
	// located in it or with a participant from it.
	Country string
	// Undated includes events of unknown date (listed last). The timeline
	// leaves them out by default; exports always include them unless
	// From or To is set.
	Undated bool
	// Limit caps the number of events listed (0: all).
	Limit int
	// AllEvidence lists every evidence sentence of an event, not only the
	// first.
	AllEvidence bool
}

// Error is a bad query parameter (HTTP 400).
type Error struct {
	Param  string // the parameter: from, to, limit, format, …
	Value  string
	Reason string
}

func (e *Error) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("%s: %s", e.Param, e.Reason)
	}
	return fmt.Sprintf("%s=%q: %s", e.Param, e.Value, e.Reason)
}

// IsQueryError reports whether err is (or wraps) a bad-query *Error.
func IsQueryError(err error) bool {
	var e *Error
	return errors.As(err, &e)
}

// ParseQuery reads a Query from URL parameters: from, to, actor, type,
// place, country, undated (1/true), limit, evidence (all). It checks the
// dates; a bad value is an *Error.
func ParseQuery(v url.Values) (Query, error) {
	q := Query{
		From:    strings.TrimSpace(v.Get("from")),
		To:      strings.TrimSpace(v.Get("to")),
		Actor:   strings.TrimSpace(v.Get("actor")),
		Type:    strings.TrimSpace(v.Get("type")),
		Place:   strings.TrimSpace(v.Get("place")),
		Country: strings.TrimSpace(v.Get("country")),
	}
	if s := v.Get("undated"); s != "" {
		b, err := strconv.ParseBool(s)
		if err != nil {
			return q, &Error{Param: "undated", Value: s, Reason: "want 1, 0, true or false"}
		}
		q.Undated = b
	}
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return q, &Error{Param: "limit", Value: s, Reason: "want a whole number ≥ 0"}
		}
		q.Limit = n
	}
	switch s := v.Get("evidence"); s {
	case "", "first":
	case "all":
		q.AllEvidence = true
	default:
		return q, &Error{Param: "evidence", Value: s, Reason: "want first or all"}
	}
	return q, q.Check()
}

// Check validates the dates of q: each YYYY, YYYY-MM or YYYY-MM-DD, and
// From not after To.
func (q Query) Check() error {
	from, err := Bound(q.From, false)
	if err != nil {
		return &Error{Param: "from", Value: q.From, Reason: err.Error()}
	}
	to, err := Bound(q.To, true)
	if err != nil {
		return &Error{Param: "to", Value: q.To, Reason: err.Error()}
	}
	if from != "" && to != "" && from > to {
		return &Error{Param: "to", Value: q.To, Reason: "is before from=" + q.From}
	}
	if q.Limit < 0 {
		return &Error{Param: "limit", Value: strconv.Itoa(q.Limit), Reason: "want a whole number ≥ 0"}
	}
	return nil
}

// Bound turns a date of YYYY, YYYY-MM or YYYY-MM-DD into an inclusive day
// bound: the first day of the period, or with end the last. "" stays "".
func Bound(s string, end bool) (string, error) {
	if s == "" {
		return "", nil
	}
	var layout string
	switch len(s) {
	case 4:
		layout = "2006"
	case 7:
		layout = "2006-01"
	case 10:
		layout = "2006-01-02"
	default:
		return "", errors.New("want a date as YYYY, YYYY-MM or YYYY-MM-DD")
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return "", errors.New("not a valid date (want YYYY, YYYY-MM or YYYY-MM-DD)")
	}
	if end {
		switch len(s) {
		case 4:
			t = t.AddDate(1, 0, -1)
		case 7:
			t = t.AddDate(0, 1, -1)
		}
	}
	return t.Format("2006-01-02"), nil
}

// Filtered reports whether q selects a part of the graph (any filter set).
func (q Query) Filtered() bool {
	return q.From != "" || q.To != "" || q.Actor != "" || q.Type != "" || q.Place != "" || q.Country != ""
}

// Key is a short stable digest of the query and the output format, for
// ETags: two requests with the same Key over the same Store version get the
// same bytes.
func (q Query) Key(format string) string {
	h := fnv.New64a()
	// The raw names, not their folded forms: the JSON echoes the query.
	fmt.Fprintf(h, "%q|%q|%q|%q|%q|%q|%t|%d|%t|%q", q.From, q.To, q.Actor, q.Type,
		q.Place, q.Country, q.Undated, q.Limit, q.AllEvidence, format)
	return strconv.FormatUint(h.Sum64(), 36)
}

// Selection is a Query resolved against one snapshot of the graph: the
// actor, place and country names turned into identifiers.
type Selection struct {
	// Filter is the graph filter the selection scans with.
	Filter graph.EventFilter
	// Actors are the actors Query.Actor named.
	Actors []graph.Actor
	// Places are the places Query.Place named.
	Places []graph.Place
	// Country is the ISO code Query.Country resolved to.
	Country string
	// None is set when a name matched nothing: the selection is empty.
	None bool
	// Limit is Query.Limit.
	Limit int

	placeIDs map[string]bool // several places of the name: matched after the scan
}

// Select resolves q against the snapshot r. It fails only on a bad date
// (an *Error); unknown names select nothing.
func Select(r *graph.Reader, q Query) (*Selection, error) {
	if err := q.Check(); err != nil {
		return nil, err
	}
	s := &Selection{Limit: q.Limit}
	f := &s.Filter
	f.From, _ = Bound(q.From, false)
	f.To, _ = Bound(q.To, true)
	f.Type = q.Type
	f.NoUndated = !q.Undated
	if q.Actor != "" {
		s.Actors = r.ActorsByName(q.Actor)
		if len(s.Actors) == 0 {
			s.None = true
		}
		for _, a := range s.Actors {
			f.ActorIDs = append(f.ActorIDs, a.ID)
		}
	}
	if q.Place != "" {
		ps, err := r.PlacesByName(q.Place)
		if err != nil {
			return nil, err
		}
		s.Places = ps
		switch len(ps) {
		case 0:
			s.None = true
		case 1:
			f.PlaceID = ps[0].ID
		default:
			s.placeIDs = map[string]bool{}
			for _, p := range ps {
				s.placeIDs[p.ID] = true
			}
		}
	}
	if q.Country != "" {
		s.Country = CountryCode(r, q.Country)
		if s.Country == "" {
			s.None = true
		}
		f.Country = s.Country
	}
	return s, nil
}

// CountryCode resolves a country given by ISO 3166-1 alpha-2 code ("iq")
// or by name ("Iraq", matched against the graph's COUNTRY actors, which
// carry their code). It returns "" for an unknown country.
//
// TODO(gazetteer): also accept names and alpha-3 codes through
// loader/gazetteer.Country once that package exists.
func CountryCode(r *graph.Reader, s string) string {
	s = strings.TrimSpace(s)
	if len(s) == 2 && isLetters(s) {
		return strings.ToUpper(s)
	}
	for _, a := range r.ActorsByName(s) {
		if a.Kind == graph.Country && a.Country != "" {
			return strings.ToUpper(a.Country)
		}
	}
	return ""
}

func isLetters(s string) bool {
	for _, c := range s {
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}

// ForEach calls fn for every selected event in date order (undated last,
// when included), one at a time, up to the Limit.
func (s *Selection) ForEach(r *graph.Reader, fn func(graph.Event) error) error {
	if s.None {
		return nil
	}
	n := 0
	return r.ForEachEventMatching(s.Filter, func(ev graph.Event) error {
		if s.placeIDs != nil && !s.placeIDs[ev.PlaceID] {
			return nil
		}
		if s.Limit > 0 && n >= s.Limit {
			return graph.ErrStop
		}
		n++
		return fn(ev)
	})
}
