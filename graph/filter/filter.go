// Package filter is eventgraph's one policy for a user's event filter: the
// dates, actor, place, country, type, CAMEO code, status and text a user
// types, read from URL parameters (GET /timeline, /export/…) or from
// GraphQL arguments alike, checked the same way, and resolved against one
// snapshot of the graph the same way. GraphQL, the timeline, the exports
// and the command line all use it, so the same question gets the same
// events everywhere.
//
// The policy:
//   - from and to are YYYY, YYYY-MM or YYYY-MM-DD, inclusive (2024 is
//     2024-01-01..2024-12-31); an event matches when its span overlaps them.
//   - actor is an actor ID, or a name or alias as graph.Snapshot.ActorsByName
//     reads it; every actor so named counts (the union).
//   - place is a place ID, or a place name (graph.NormName): every place of
//     the name counts (two places named Tripoli: the events of both).
//   - country is an ISO 3166-1 alpha-2 code or a country's name or alias
//     (the gazetteer's, then the graph's country actors and places):
//     events located in it or with a participant from it.
//   - type is a readable type (case-insensitive) or a CAMEO prefix; cameo a
//     CAMEO prefix; status REPORTED or PLANNED; text a case-insensitive
//     substring of the title or of an evidence sentence.
//
// A name that matches nothing selects no event (it is not an error); a bad
// date is an *Error.
package filter

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"eventgraph/graph"
	"eventgraph/loader/gazetteer"
)

// Filter is a user's event filter as typed. Empty fields select everything.
type Filter struct {
	From, To string
	Actor    string
	Place    string
	Country  string
	Type     string
	CAMEO    string
	Status   string
	Text     string
}

// Params are the URL parameter names of a Filter, in Filter's order.
var Params = []string{"from", "to", "actor", "place", "country", "type", "cameo", "status", "text"}

// Error is a bad filter value: the parameter (or GraphQL argument), the
// value and why it is refused.
type Error struct {
	Param  string // from, to, …
	Value  string
	Reason string // "is not a date; use …", "is before from …"
}

func (e *Error) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("%s: %s", e.Param, e.Reason)
	}
	return fmt.Sprintf("%s=%q: %s", e.Param, e.Value, e.Reason)
}

// IsError reports whether err is (or wraps) an *Error.
func IsError(err error) bool {
	var e *Error
	return errors.As(err, &e)
}

// FromValues reads a Filter from URL parameters (from, to, actor, place,
// country, type, cameo, status, text) and checks it.
func FromValues(v url.Values) (Filter, error) {
	g := func(k string) string { return strings.TrimSpace(v.Get(k)) }
	f := Filter{From: g("from"), To: g("to"), Actor: g("actor"), Place: g("place"), Country: g("country"),
		Type: g("type"), CAMEO: g("cameo"), Status: g("status"), Text: g("text")}
	return f, f.Check()
}

// FromArgs makes a Filter from GraphQL arguments (nil is absent) and checks
// it.
func FromArgs(from, to, actor, place, country, typ, cameo, status, text *string) (Filter, error) {
	g := func(p *string) string {
		if p == nil {
			return ""
		}
		return strings.TrimSpace(*p)
	}
	f := Filter{From: g(from), To: g(to), Actor: g(actor), Place: g(place), Country: g(country),
		Type: g(typ), CAMEO: g(cameo), Status: g(status), Text: g(text)}
	return f, f.Check()
}

// Values returns the filter as URL parameters (the empty ones left out).
func (f Filter) Values() url.Values {
	v := url.Values{}
	for i, s := range []string{f.From, f.To, f.Actor, f.Place, f.Country, f.Type, f.CAMEO, f.Status, f.Text} {
		if s != "" {
			v.Set(Params[i], s)
		}
	}
	return v
}

// Empty reports whether the filter selects everything.
func (f Filter) Empty() bool { return f == Filter{} }

// Check validates the dates: each YYYY, YYYY-MM or YYYY-MM-DD, and From not
// after To.
func (f Filter) Check() error {
	_, _, err := f.Days()
	return err
}

// Days returns the inclusive day bounds of From and To ("" when unset).
func (f Filter) Days() (from, to string, err error) {
	if from, err = Bound(f.From, false); err != nil {
		return "", "", &Error{Param: "from", Value: f.From, Reason: err.Error()}
	}
	if to, err = Bound(f.To, true); err != nil {
		return "", "", &Error{Param: "to", Value: f.To, Reason: err.Error()}
	}
	if from != "" && to != "" && from > to {
		return "", "", &Error{Param: "to", Value: f.To, Reason: fmt.Sprintf("is before from %q", f.From)}
	}
	return from, to, nil
}

// errDate is the reason a date is refused.
var errDate = errors.New("is not a date; use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024, 2024-05 or 2024-05-12)")

// Bound turns a date of YYYY, YYYY-MM or YYYY-MM-DD into an inclusive day
// bound: the first day of the period, or with end the last. "" stays "".
func Bound(s string, end bool) (string, error) {
	s = strings.TrimSpace(s)
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
		return "", errDate
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return "", errDate
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

// Resolved is a Filter resolved against one snapshot: names turned into
// identifiers, ready for graph.Snapshot's event scans.
type Resolved struct {
	// Events is the graph filter (order and undated events are the
	// caller's: Desc, NoUndated).
	Events graph.EventFilter
	// Actors are the actors Filter.Actor named.
	Actors []graph.Actor
	// Places are the places Filter.Place named.
	Places []graph.Place
	// Country is the ISO code Filter.Country resolved to.
	Country string
	// None is set when a name matched nothing: no event is selected.
	None bool
}

// Resolve checks f and resolves its names against the snapshot r.
func Resolve(r graph.Snapshot, f Filter) (*Resolved, error) {
	from, to, err := f.Days()
	if err != nil {
		return nil, err
	}
	s := &Resolved{}
	ef := &s.Events
	ef.From, ef.To = from, to
	ef.Type, ef.CAMEO, ef.Status, ef.Text = f.Type, f.CAMEO, f.Status, f.Text
	if f.Actor != "" {
		s.Actors = Actors(r, f.Actor)
		if len(s.Actors) == 0 {
			s.None = true
		}
		for _, a := range s.Actors {
			ef.ActorIDs = append(ef.ActorIDs, a.ID)
		}
	}
	if f.Place != "" {
		ps, err := Places(r, f.Place)
		if err != nil {
			return nil, err
		}
		s.Places = ps
		if len(ps) == 0 {
			s.None = true
		}
		for _, p := range ps {
			ef.PlaceIDs = append(ef.PlaceIDs, p.ID)
		}
	}
	if f.Country != "" {
		code, err := CountryCode(r, f.Country)
		if err != nil {
			return nil, err
		}
		s.Country = code
		if code == "" {
			s.None = true
		}
		ef.Country = code
	}
	return s, nil
}

// Actors returns the actors an actor argument names: the actor with that
// ID, else every actor with the name or alias.
func Actors(r graph.Snapshot, name string) []graph.Actor {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil
	}
	if a, err := r.Actor(name); err == nil {
		return []graph.Actor{a}
	}
	return r.ActorsByName(name)
}

// Places returns the places a place argument names: the place with that
// ID, else every place with the name.
func Places(r graph.Snapshot, name string) ([]graph.Place, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, nil
	}
	if p, err := r.Place(name); err == nil {
		return []graph.Place{p}, nil
	}
	ps, err := r.PlacesByName(name)
	if err != nil {
		return nil, fmt.Errorf("filter: places named %q: %w", name, err)
	}
	return ps, nil
}

// CountryCode resolves a country argument: an ISO 3166-1 alpha-2 code or a
// name or alias the gazetteer knows, else a country the graph knows by that
// name (a COUNTRY actor, a place of kind country). "" when unknown.
func CountryCode(r graph.Snapshot, s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if c, ok := gazetteer.CountryByName(s); ok && (len(s) != 2 || !isLetters(s) || !knownCode(s)) {
		return c.Code, nil // a name, or a two-letter alias such as UK
	}
	if len(s) == 2 && isLetters(s) {
		return strings.ToUpper(s), nil
	}
	for _, a := range r.ActorsByName(s) {
		if a.Kind == graph.Country && a.Country != "" {
			return strings.ToUpper(a.Country), nil
		}
	}
	ps, err := r.PlacesByName(s)
	if err != nil {
		return "", fmt.Errorf("filter: country %q: %w", s, err)
	}
	for _, p := range ps {
		if strings.EqualFold(p.Kind, "country") && p.Country != "" {
			return strings.ToUpper(p.Country), nil
		}
	}
	return "", nil
}

func knownCode(s string) bool {
	_, ok := gazetteer.CountryByCode(s)
	return ok
}

func isLetters(s string) bool {
	for _, c := range s {
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}
