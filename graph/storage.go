package graph

import (
	"context"
	"time"
)

// The storage contract (issue 16). The loader, the GraphQL resolvers, the
// timeline, the exports and the command line use these interfaces, not the
// embedded Badger store: a second implementation on a Dgraph cluster
// (package graph/dgraph) satisfies the same contract, so that every
// command and route answers the same on both.
//
// The contract is two interfaces: Storage, the database (writes, one
// snapshot per read, counters for ETags, consistency checks), and Snapshot,
// the reads of one consistent snapshot (lookups by ID, by name or alias,
// date-ordered and date-range scans, pages with cursors and total counts,
// streamed walks for exports, counts). Package graph/storagetest checks an
// implementation against them.
//
// What only the embedded store has stays off the contract: format upgrades,
// memtable repair, free-space checks and the block cache are *Store's;
// handing back the memory of a long walk is the optional MemoryReleaser,
// which callers reach through ReleaseMemory.
//
// Opening is not a method: Open(Options) opens the embedded store (a
// folder), and package graph/backend chooses the implementation by the form
// of --db (a folder or a dgraph:// connection string).

// Storage is a graph database: the embedded Badger Store, or a Dgraph
// cluster. Its methods are safe for concurrent use.
type Storage interface {
	// PutFacts writes one article's facts atomically (all or nothing),
	// merging its events, actors, places and agreements with those already
	// stored; re-writing an article already stored changes nothing.
	PutFacts(f *Facts) (PutResult, error)
	// PutFactsBatch writes several articles, each atomically, with one
	// result or error per article.
	PutFactsBatch(fs []*Facts) ([]PutResult, []error)
	// View runs fn over one consistent snapshot: every read inside sees
	// the graph as it was when View began. The Snapshot is valid only
	// inside fn and is not safe for concurrent use.
	View(fn func(Snapshot) error) error
	// ViewContext is View with a snapshot that carries ctx: its long
	// reads (scans, walks, pages, counts) stop with an error wrapping
	// ctx.Err() once ctx is done. If ctx is already done, fn is not
	// called.
	ViewContext(ctx context.Context, fn func(Snapshot) error) error
	// Check verifies the stored graph's invariants (every reference
	// resolves, every index entry has its node).
	Check() error
	// Version grows with every write; with Modified it makes ETags.
	Version() uint64
	// Modified is the time of the last write, or the zero time.
	Modified() time.Time
	// Close closes the database.
	Close() error
}

// Snapshot reads the graph from one consistent snapshot. The values it
// returns share their slices with the snapshot's caches: callers must not
// modify them.
type Snapshot interface {
	// Lookups by identifier (an error wrapping ErrNotFound when absent).
	Article(id string) (Article, error)
	Event(id string) (Event, error)
	Actor(id string) (Actor, error)
	Place(id string) (Place, error)
	Agreement(id string) (Agreement, error)
	// ArticleMeta is Article without its text (Text is empty), which
	// pages and timelines naming thousands of articles read; ArticleText
	// is the text alone.
	ArticleMeta(id string) (Article, error)
	ArticleText(id string) (string, error)
	// Has reports whether a node of the kind ("article", "event", "actor",
	// "place", "agreement") with the ID is stored.
	Has(kind, id string) bool

	// Lookups by name: the actors a name or alias may be, most exact
	// first; the places whose name folds alike.
	ActorsByName(name string) []Actor
	PlacesByName(name string) ([]Place, error)

	// Events is one page of the events f selects (a date range, an actor,
	// a place, a type, …) in date order, after a cursor, with the total
	// count; first < 0 means every event.
	Events(f EventFilter, first int, after string) (EventPage, error)
	// ForEachEventMatching streams the events f selects in date order,
	// holding none in memory (exports of any size).
	ForEachEventMatching(f EventFilter, fn func(Event) error) error
	// ForEachEventOfArticle streams the events an article reports.
	ForEachEventOfArticle(articleID string, fn func(Event) error) error
	// Actors, Agreements and Articles list the other nodes (pages where
	// the GraphQL connections need them).
	Actors(f ActorFilter, first int, after string) (ActorPage, error)
	Agreements(f AgreementFilter) ([]Agreement, error)
	Articles(first int, after string) (ArticlePage, error)

	// Streamed walks over every node of a kind, by ID, for exports and
	// Check; fn may return ErrStop to end the walk.
	// ForEachArticleMeta walks the articles without their text.
	ForEachEvent(fn func(Event) error) error
	ForEachActor(fn func(Actor) error) error
	ForEachPlace(fn func(Place) error) error
	ForEachAgreement(fn func(Agreement) error) error
	ForEachArticle(fn func(Article) error) error
	ForEachArticleMeta(fn func(Article) error) error

	// Stats counts the graph: nodes by kind, events by type, month and
	// actor.
	Stats() (Stats, error)
}

// MemoryReleaser is implemented by a Storage or Snapshot that can hand
// back, during a long walk, memory the walk made resident (the embedded
// store's memory-mapped files). Others need not implement it.
type MemoryReleaser interface {
	ReleaseMemory() error
}

// ReleaseMemory calls x.ReleaseMemory when x is a MemoryReleaser, and does
// nothing otherwise. Long walks (exports) call it now and then.
func ReleaseMemory(x any) error {
	if m, ok := x.(MemoryReleaser); ok {
		return m.ReleaseMemory()
	}
	return nil
}

// The embedded Badger store satisfies the contract.
var (
	_ Storage        = (*Store)(nil)
	_ Snapshot       = (*Reader)(nil)
	_ MemoryReleaser = (*Store)(nil)
	_ MemoryReleaser = (*Reader)(nil)
)
