// Package graph keeps eventgraph's graph (articles, events, actors,
// agreements, places and the evidence tying each fact to a sentence) in an
// embedded Badger store and reads it back. Nothing outside this package
// touches Badger.
//
// The types themselves live in package graph/model, which holds no storage;
// this file re-exports them, so graph.Event and model.Event are one type
// and callers that need only the types import graph/model.
package graph

import "eventgraph/graph/model"

// The graph's types (see package model).
type (
	Precision     = model.Precision
	DateSpan      = model.DateSpan
	ActorKind     = model.ActorKind
	Article       = model.Article
	Evidence      = model.Evidence
	Role          = model.Role
	Actor         = model.Actor
	Place         = model.Place
	Participation = model.Participation
	Event         = model.Event
	Quantity      = model.Quantity
	Agreement     = model.Agreement
	Facts         = model.Facts
	SourceDate    = model.SourceDate
	Report        = model.Report
)

// The precisions of a DateSpan, finest first (see model.Precision).
const (
	Day     = model.Day
	Week    = model.Week
	Month   = model.Month
	Quarter = model.Quarter
	Year    = model.Year
	Unknown = model.Unknown
)

// Actor kinds (see model.ActorKind).
const (
	Person       = model.Person
	Organization = model.Organization
	Country      = model.Country
	Group        = model.Group
)

// Event statuses (see model.Reported).
const (
	Reported = model.Reported
	Planned  = model.Planned
)

// NewID returns the deterministic (uuid v5) identifier of a canonical key
// (model.NewID).
func NewID(kind string, parts ...string) string { return model.NewID(kind, parts...) }

// ArticleID is the identifier of an article (model.ArticleID).
func ArticleID(a Article) string { return model.ArticleID(a) }

// ActorID is the identifier of an actor by its canonical name
// (model.ActorID).
func ActorID(name string) string { return model.ActorID(name) }

// PlaceID is the identifier of a place by its canonical name and country
// (model.PlaceID).
func PlaceID(name, country string) string { return model.PlaceID(name, country) }

// NormName folds a name for storage and matching: names.Fold, the one
// folding of the store's indexes, the gazetteer and every lookup
// (model.NormName).
func NormName(s string) string { return model.NormName(s) }

// FormatNumber writes a number with thousands separators and no exponent
// (model.FormatNumber).
func FormatNumber(v float64) string { return model.FormatNumber(v) }

// mergeSourceDates is the union of two events' dates by article
// (model.MergeSourceDates).
func mergeSourceDates(a, b Event) []SourceDate { return model.MergeSourceDates(a, b) }
