package graph

import "time"

// The storage contract (issue 16, first step). Today the loader, the
// GraphQL resolvers, the timeline, the exports and Check use *Store and
// *Reader, the embedded Badger store. A second implementation on a Dgraph
// cluster (package graph/dgraph, not written yet) will satisfy the same
// contract, so that every command and route answers the same on both.
//
// The contract is two interfaces: Storage, the database (writes, one
// snapshot per read, counters for ETags, consistency checks), and Snapshot,
// the reads of one consistent snapshot (lookups by ID, by name or alias,
// date-ordered and date-range scans, pages with cursors and total counts,
// streamed walks for exports, counts). Nothing is moved yet: callers still
// take *Store, and Storage takes the snapshot type as a type parameter
// because Store.View hands its callback a *Reader. When the callers move
// to the interfaces, View will hand a Snapshot and the parameter will go.
//
// Opening is not a method: Open(Options) opens the embedded store (a
// folder); a Dgraph store will be opened from a connection string
// (dgraph://host:port[,host:port…][?sslmode=…]), and the command line will
// choose by the form of --db.

// Storage is a graph database: the embedded Badger Store today, a Dgraph
// cluster later. S is the snapshot type View hands to its callback.
type Storage[S Snapshot] interface {
	// PutFacts writes one article's facts atomically (all or nothing),
	// merging its events, actors, places and agreements with those already
	// stored; re-writing an article already stored changes nothing.
	PutFacts(f *Facts) (PutResult, error)
	// PutFactsBatch writes several articles, each atomically, with one
	// result or error per article.
	PutFactsBatch(fs []*Facts) ([]PutResult, []error)
	// View runs fn over one consistent snapshot: every read inside sees
	// the graph as it was when View began.
	View(fn func(S) error) error
	// Check verifies the stored graph's invariants (every reference
	// resolves, every index entry has its node).
	Check() error
	// Version grows with every write; with Modified it makes ETags.
	Version() uint64
	// Modified is the time of the last write, or the zero time.
	Modified() time.Time
	// ReleaseMemory hands back memory a long read has used.
	ReleaseMemory() error
	// Close closes the database.
	Close() error
}

// Snapshot reads the graph from one consistent snapshot.
type Snapshot interface {
	// Lookups by identifier (an error wrapping ErrNotFound when absent).
	Article(id string) (Article, error)
	Event(id string) (Event, error)
	Actor(id string) (Actor, error)
	Place(id string) (Place, error)
	Agreement(id string) (Agreement, error)
	// Has reports whether a node of the kind ("article", "event", "actor",
	// "place", "agreement") with the ID is stored.
	Has(kind, id string) bool

	// Lookups by name: the actors a name or alias may be, most exact
	// first; the places whose name folds alike.
	ActorsByName(name string) []Actor
	PlacesByName(name string) ([]Place, error)

	// Events is one page of the events f selects (a date range, an actor,
	// a place, a type, …) in date order, after a cursor, with the total
	// count.
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

	// Streamed walks over every node of a kind, for exports and Check; fn
	// may return ErrStop to end the walk.
	ForEachEvent(fn func(Event) error) error
	ForEachActor(fn func(Actor) error) error
	ForEachPlace(fn func(Place) error) error
	ForEachAgreement(fn func(Agreement) error) error
	ForEachArticle(fn func(Article) error) error

	// Stats counts the graph: nodes by kind, events by type, month and
	// actor.
	Stats() (Stats, error)
	// ReleaseMemory hands back memory during a long walk.
	ReleaseMemory() error
}

// The embedded Badger store satisfies the contract.
var (
	_ Storage[*Reader] = (*Store)(nil)
	_ Snapshot         = (*Reader)(nil)
)
