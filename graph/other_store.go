package graph

import (
	"errors"
	"fmt"
	"log/slog"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
)

// Small exported helpers for the other implementation of Storage (the
// Dgraph store, graph/dgraph), which keeps every node in this package's
// codec and reuses this package's writing and merging by running PutFacts
// on a scratch in-memory Store seeded with the stored nodes an article may
// touch (see package graph/dgraph).

// Encode encodes a node (Article, Event, Actor, Place, Agreement) as the
// Store stores it (codec.go).
func Encode(v any) ([]byte, error) { return marshal(v) }

// Decode decodes what Encode wrote into v.
func Decode(b []byte, v any) error { return unmarshal(b, v) }

// EventPos is an event's position in date order, "<start>|<id>" with an
// unknown start as "~": what the event cursors encode.
func EventPos(e Event) string { return orDate(e.Date.Start) + "|" + e.ID }

// AgreementPos is an agreement's position in date order (Agreements).
func AgreementPos(g Agreement) string { return orDate(g.Date.Start) + "|" + g.ID }

// ArticlePos is an article's position in publication order (Articles).
func ArticlePos(a Article) string { return orDate(a.Published) + "|" + a.ID }

// ActorPos is an actor's position in name order (Actors).
func ActorPos(a Actor) string { return NormName(a.Name) + "|" + a.ID }

// NewEventEdge is an edge of an event page at position pos (EventPos).
func NewEventEdge(e Event, pos string) *EventEdge { return &EventEdge{Event: e, pos: pos} }

// NeedsFilter reports whether f selects by more than the date window, one
// actor or one place (the indexes): the events must then be matched one by
// one.
func (f EventFilter) NeedsFilter() bool { return f.needsFilter() }

// After reports whether position pos comes after the cursor position in
// f's order (undated events last in both orders).
func (f EventFilter) After(pos, cursor string) bool { return f.after(pos, cursor) }

// MonthBucket is the Stats.ByMonth bucket of a date.
func MonthBucket(d DateSpan) string { return monthBucket(d) }

// ScratchMaxMemTable is the largest memtable of a scratch store
// (OpenScratch's): a transaction may write up to about 15% of it.
const ScratchMaxMemTable = 16 << 20

// OpenScratch opens an empty in-memory Store for a short life (one
// article's write in another store): small tables, no block cache, no
// logs, so that opening it costs little.
func OpenScratch() (*Store, error) { return OpenScratchSize(ScratchMaxMemTable) }

// OpenScratchSize is OpenScratch with a memtable of memTable bytes (at
// most ScratchMaxMemTable): opening clears it, so a small one opens
// faster, and a transaction larger than about 15% of it fails with
// ErrTooManyFacts.
func OpenScratchSize(memTable int64) (*Store, error) {
	memTable = min(max(memTable, 1<<20), ScratchMaxMemTable)
	bo := badger.DefaultOptions("").WithInMemory(true).WithLogger(nil).WithMemTableSize(memTable).WithValueThreshold(1 << 16).
		WithBlockCacheSize(0).WithCompression(options.None).WithNumVersionsToKeep(1).WithMetricsEnabled(false).WithNumCompactors(2)
	db, err := badger.Open(bo)
	if err != nil {
		return nil, fmt.Errorf("open scratch store: %w", err)
	}
	return &Store{db: db, log: slog.New(slog.DiscardHandler), minFree: -1, textMax: inMemoryValueMax(bo)}, nil
}

// Nodes are stored nodes as they are.
type Nodes struct {
	Articles   []Article
	Events     []Event
	Actors     []Actor
	Places     []Place
	Agreements []Agreement
	// MergeOwners maps a merge key to the event it names (the last
	// written with it), where that is not the last event given with it.
	MergeOwners map[string]string
}

// PutNodes writes nodes as they are, with their index keys, without
// merging anything: a copy of part of another store, on which PutFacts
// then merges an article as it would on the whole.
func (s *Store) PutNodes(n Nodes) error {
	txn := s.db.NewTransaction(true)
	defer func() { txn.Discard() }()
	// a write too big for one transaction goes on in the next: every
	// write is a plain set, so writing one again is harmless
	do := func(fn func(txn *wtxn) error) error {
		err := fn(plain(txn))
		if !errors.Is(err, badger.ErrTxnTooBig) {
			return err
		}
		if err := txn.Commit(); err != nil {
			return err
		}
		txn = s.db.NewTransaction(true)
		return fn(plain(txn))
	}
	var err error
	for _, a := range n.Articles {
		if err == nil {
			err = do(func(txn *wtxn) error {
				if err := putArticleNode(txn, s.textMax, &a); err != nil {
					return err
				}
				if err := putArticleMeta(txn, &a); err != nil {
					return err
				}
				if err := txn.Set(articleTextKey(a.Text), []byte(a.ID)); err != nil {
					return err
				}
				return txn.Set([]byte(pArticleOrder+ArticlePos(a)), nil)
			})
		}
	}
	for _, p := range n.Places {
		if err == nil {
			err = do(func(txn *wtxn) error { return putJSON(txn, pPlace+p.ID, p) })
		}
	}
	for _, a := range n.Actors {
		if err == nil {
			err = do(func(txn *wtxn) error {
				if err := putJSON(txn, pActor+a.ID, a); err != nil {
					return err
				}
				for _, k := range actorIndexKeys(a) {
					if err := txn.Set([]byte(k), nil); err != nil {
						return err
					}
				}
				return nil
			})
		}
	}
	for _, e := range n.Events {
		if err == nil {
			err = do(func(txn *wtxn) error { return writeEvent(txn, e) })
		}
	}
	for k, id := range n.MergeOwners {
		if err == nil {
			err = do(func(txn *wtxn) error { return txn.Set([]byte(pEventMerge+k), []byte(id)) })
		}
	}
	for _, g := range n.Agreements {
		if err == nil {
			err = do(func(txn *wtxn) error {
				if err := putJSON(txn, pAgreement+g.ID, g); err != nil {
					return err
				}
				return txn.Set([]byte(pAgreeDate+AgreementPos(g)), agreeDateValue(g))
			})
		}
	}
	if err != nil {
		return fmt.Errorf("put nodes: %w", err)
	}
	return txn.Commit()
}

// MergeKeyOwner returns the event a merge key names (the last written
// with it), if any.
func (r *Reader) MergeKeyOwner(key string) (string, bool) {
	it, err := r.txn.Get([]byte(pEventMerge + key))
	if errors.Is(err, badger.ErrKeyNotFound) || err != nil {
		return "", false
	}
	v, err := it.ValueCopy(nil)
	return string(v), err == nil
}
