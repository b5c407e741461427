// Package timeline turns the graph's events into a timeline: dated events in
// date order, each with its date span and precision, type and CAMEO code,
// actors with roles, place with coordinates, agreement, status, and the
// evidence sentence with its article. It serves GET /timeline and
// `eventgraph timeline`, as eventgraph JSON or Knight Lab TimelineJS JSON,
// and its Query (the filters) is shared with the graph exports.
package timeline

import (
	"fmt"
	"hash/fnv"
	"net/url"
	"strconv"

	"eventgraph/graph"
	"eventgraph/graph/filter"
)

// Query is a timeline's filters, as users type them, and how it is listed.
// Empty fields select everything. The filter fields mean what package
// filter says (one policy for GraphQL, the timeline, the exports and the
// command line).
type Query struct {
	// From and To bound the dates (inclusive): YYYY, YYYY-MM or YYYY-MM-DD.
	// An event matches when its span overlaps [From, To].
	From, To string
	// Actor is an actor ID or a name or alias of actors; events in which any
	// actor so named takes part. An unknown name selects nothing.
	Actor string
	// Type is a readable event type ("sign agreement", case-insensitive) or
	// a CAMEO code prefix ("05").
	Type string
	// Place is a place ID or name; events located at any place so named.
	Place string
	// Country is an ISO 3166-1 alpha-2 code or a country's name; events
	// located in it or with a participant from it.
	Country string
	// CAMEO is a CAMEO code prefix.
	CAMEO string
	// Status is REPORTED or PLANNED (case-insensitive).
	Status string
	// Text is a case-insensitive substring of the title or an evidence
	// sentence.
	Text string
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

// Filter returns the query's filter.
func (q Query) Filter() filter.Filter {
	return filter.Filter{From: q.From, To: q.To, Actor: q.Actor, Place: q.Place, Country: q.Country,
		Type: q.Type, CAMEO: q.CAMEO, Status: q.Status, Text: q.Text}
}

// FromFilter returns the query of a filter (everything else zero).
func FromFilter(f filter.Filter) Query {
	return Query{From: f.From, To: f.To, Actor: f.Actor, Place: f.Place, Country: f.Country,
		Type: f.Type, CAMEO: f.CAMEO, Status: f.Status, Text: f.Text}
}

// Error is a bad query parameter (HTTP 400): filter's error, also used for
// the timeline's own parameters (limit, format, …).
type Error = filter.Error

// IsQueryError reports whether err is (or wraps) a bad-query *Error.
func IsQueryError(err error) bool { return filter.IsError(err) }

// ParseQuery reads a Query from URL parameters: the filter's (from, to,
// actor, place, country, type, cameo, status, text; see package filter),
// undated (1/true), limit, evidence (all). A bad value is an *Error.
func ParseQuery(v url.Values) (Query, error) {
	f, err := filter.FromValues(v)
	q := FromFilter(f)
	if err != nil {
		return q, err
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

// Check validates the dates of q (filter.Filter.Check) and the limit.
func (q Query) Check() error {
	if err := q.Filter().Check(); err != nil {
		return err
	}
	if q.Limit < 0 {
		return &Error{Param: "limit", Value: strconv.Itoa(q.Limit), Reason: "want a whole number ≥ 0"}
	}
	return nil
}

// Bound turns a date of YYYY, YYYY-MM or YYYY-MM-DD into an inclusive day
// bound (filter.Bound).
func Bound(s string, end bool) (string, error) { return filter.Bound(s, end) }

// Filtered reports whether q selects a part of the graph (any filter set).
func (q Query) Filtered() bool { return !q.Filter().Empty() }

// Key is a short stable digest of the query and the output format, for
// ETags: two requests with the same Key over the same Store version get the
// same bytes.
func (q Query) Key(format string) string {
	h := fnv.New64a()
	// The raw names, not their folded forms: the JSON echoes the query.
	fmt.Fprintf(h, "%q|%q|%q|%q|%q|%q|%q|%q|%q|%t|%d|%t|%q", q.From, q.To, q.Actor, q.Type,
		q.Place, q.Country, q.CAMEO, q.Status, q.Text, q.Undated, q.Limit, q.AllEvidence, format)
	return strconv.FormatUint(h.Sum64(), 36)
}

// Selection is a Query resolved against one snapshot of the graph (by
// filter.Resolve): the actor, place and country names turned into
// identifiers.
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
}

// Select resolves q against the snapshot r. It fails only on a bad date
// (an *Error) or a read error; unknown names select nothing.
func Select(r graph.Snapshot, q Query) (*Selection, error) {
	if err := q.Check(); err != nil {
		return nil, err
	}
	res, err := filter.Resolve(r, q.Filter())
	if err != nil {
		return nil, err
	}
	s := &Selection{Filter: res.Events, Actors: res.Actors, Places: res.Places, Country: res.Country, None: res.None, Limit: q.Limit}
	s.Filter.NoUndated = !q.Undated
	return s, nil
}

// CountryCode resolves a country given by ISO 3166-1 alpha-2 code ("iq")
// or by name ("Iraq"), as filter.CountryCode does. It returns "" for an
// unknown country.
func CountryCode(r graph.Snapshot, s string) string {
	code, _ := filter.CountryCode(r, s)
	return code
}

// ForEach calls fn for every selected event in date order (undated last,
// when included), one at a time, up to the Limit.
func (s *Selection) ForEach(r graph.Snapshot, fn func(graph.Event) error) error {
	if s.None {
		return nil
	}
	n := 0
	return r.ForEachEventMatching(s.Filter, func(ev graph.Event) error {
		if s.Limit > 0 && n >= s.Limit {
			return graph.ErrStop
		}
		n++
		return fn(ev)
	})
}
