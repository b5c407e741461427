package graph

import (
	"container/list"
	"errors"

	"github.com/dgraph-io/badger/v4"
)

// mergeCache is what the merger keeps across transactions (issue 17): a
// load scores each new event against the stored events of its actors,
// its place and its days, and without it every transaction decoded again
// the actors, places and agreements of those candidates and recomputed
// their merge facts (their key words, names and places), so the cost of
// an article grew with the events stored before it.
//
// What it holds is what the transaction would read or compute, so the
// merges are the same as without it (TestMergeCacheSameGraph):
//
//   - decoded actors, places and agreements (decodedCache) are kept from
//     one transaction to the next only while no one else has written
//     (begin checks the read timestamps), a key the transaction writes is
//     dropped at once, and all are dropped after a transaction that wrote
//     and was not committed;
//   - the facts of a stored event are used only when the event's fields
//     they are computed from are the same, and when each actor, place and
//     agreement they were computed from is the very value (pointer) the
//     transaction reads now (so a rewritten actor or place, or a country
//     stored since, makes them computed again); an event the merger writes
//     is dropped (TestMergeCacheRewrittenEvent).
//
// It is bounded (maxCachedFacts events, maxDecoded of each kind) and
// guarded by Store.wmu, which every writer holds. Under a load's heap
// limit every MiB kept costs collector time (bench/README.md, "Load at
// scale"), so the facts of few events are kept: a corpus in date order
// finds the same recent events again, one of random dates seldom does.
type mergeCache struct {
	// nextTs is the read timestamp the next writer's transaction has
	// when no one else wrote since the last one (see begin); 0: unknown
	nextTs uint64
	// trusted says that the transaction and its snapshot read the store
	// as the last writer's transaction left it (see begin)
	trusted bool
	// dirty are the node keys the transaction wrote
	dirty map[string]bool
	// hits counts the facts taken from the cache, untrusted the
	// transactions that began untrusted (for tests)
	hits, untrusted int
	actors          decodedCache[Actor]
	places          decodedCache[Place]
	agrees          decodedCache[Agreement]
	facts           factsLRU
}

// Bounds of mergeCache. An entry of facts holds the event, its merge
// facts and what they were computed from (2–3 KB); a decoded node a few
// hundred bytes (an agreement its evidence too). Under a load's heap
// limit larger caches cost more in collection than they save: 4,096
// facts and 32,768 nodes of each kind raised the peak resident memory of
// a load of 10,000 synthetic articles by ~100 MiB, for no fewer CPU
// seconds (bench/README.md, "Load at scale").
const (
	maxCachedFacts = 1024
	maxDecoded     = 1 << 12
)

func newMergeCache() *mergeCache {
	return &mergeCache{
		dirty:  map[string]bool{},
		actors: decodedCache[Actor]{m: map[string]*Actor{}, max: maxDecoded},
		places: decodedCache[Place]{m: map[string]*Place{}, max: maxDecoded},
		agrees: decodedCache[Agreement]{m: map[string]*Agreement{}, max: maxDecoded},
		facts:  factsLRU{m: map[string]*list.Element{}, l: list.New(), max: maxCachedFacts},
	}
}

// begin starts a writer's transaction txn with the merger's snapshot
// rtxn. The decoded nodes and the events kept with facts are kept when
// both read the store as the last writer's transaction left it: their
// read timestamp is the one after that transaction's commit (Badger
// gives each commit the next timestamp), so no other transaction or
// write batch has committed since. Otherwise they are dropped (the
// facts stay, checked against what is read again).
func (c *mergeCache) begin(txn, rtxn *badger.Txn) {
	c.trusted = c.nextTs != 0 && txn.ReadTs() == c.nextTs && rtxn.ReadTs() == c.nextTs
	if !c.trusted {
		c.untrusted++
		c.dropNodes()
		c.facts.dropEvents()
	}
	c.nextTs = 0
	clear(c.dirty)
}

// end ends a writer's transaction read at readTs: committed says its
// writes, if any (wrote), were committed; when they were not, the nodes
// decoded from them are dropped.
func (c *mergeCache) end(readTs uint64, wrote, committed bool) {
	switch {
	case committed && wrote:
		c.nextTs = readTs + 1
	case committed || !wrote:
		c.nextTs = readTs
	}
	if !committed && len(c.dirty) > 0 {
		c.dropNodes()
	}
	c.trusted = false
	clear(c.dirty)
}

func (c *mergeCache) dropNodes() {
	clear(c.actors.m)
	clear(c.places.m)
	clear(c.agrees.m)
}

// wrote records that the transaction wrote a node's key (C:, P:, A:):
// its decoded value, if any, is dropped, and read again from the
// transaction until the transaction ends.
func (c *mergeCache) wrote(key string) {
	if c == nil {
		return
	}
	c.dirty[key] = true
	delete(c.actors.m, key)
	delete(c.places.m, key)
	delete(c.agrees.m, key)
}

// decodedCache holds values decoded from the store by key; nil for a
// key that holds nothing. Every value is the one the current
// transaction reads: values of earlier transactions are kept only while
// the transactions chain (see mergeCache.begin), and a key the
// transaction writes is dropped (mergeCache.wrote).
type decodedCache[T any] struct {
	m   map[string]*T
	max int
}

// get returns the value stored under key in txn, decoded once; fix
// adjusts a value just decoded. ErrNotFound when there is none.
func (c *decodedCache[T]) get(mc *mergeCache, txn *badger.Txn, key string, fix func(*T)) (*T, error) {
	if v, ok := c.m[key]; ok && !mc.dirty[key] {
		if v == nil {
			return nil, ErrNotFound
		}
		return v, nil
	}
	it, err := txn.Get([]byte(key))
	if errors.Is(err, badger.ErrKeyNotFound) {
		c.put(key, nil)
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	v := new(T)
	if err := it.Value(func(b []byte) error { return unmarshal(b, v) }); err != nil {
		return nil, err
	}
	if fix != nil {
		fix(v)
	}
	c.put(key, v)
	return v, nil
}

func (c *decodedCache[T]) put(key string, v *T) {
	if len(c.m) >= c.max {
		clear(c.m) // cheaper than an order of use; the next reads refill it
	}
	c.m[key] = v
}

// factsLRU holds the merge facts of stored events by event ID, the least
// recently used dropped first.
type factsLRU struct {
	m   map[string]*list.Element // of *factsEntry
	l   *list.List
	max int
	// puts counts the entries put (for tests)
	puts int
}

// factsEntry is the merge facts of a stored event and what they were
// computed from (see mergeCache); ev is the event itself when it was
// read from a trusted snapshot (see storedEvent), else nil.
type factsEntry struct {
	ev        *Event
	id        string
	title     string
	agreement string
	sentences []string
	parts     []Participation
	place     string
	quants    []Quantity
	deps      factsDeps
	facts     mergeFacts
}

// factsDeps are the stored values facts read: the actor of each
// participant in order (nil when there is none), the place (nil when
// none), and the names isCountry was asked about with its answers.
type factsDeps struct {
	actors    []*Actor
	place     *Place
	agreement *Agreement
	countries []countryAnswer
}

type countryAnswer struct {
	name    string
	country bool
}

func (c *factsLRU) get(id string) *factsEntry {
	el, ok := c.m[id]
	if !ok {
		return nil
	}
	c.l.MoveToFront(el)
	return el.Value.(*factsEntry)
}

func (c *factsLRU) put(e *factsEntry) {
	c.puts++
	if el, ok := c.m[e.id]; ok {
		el.Value = e
		c.l.MoveToFront(el)
		return
	}
	c.m[e.id] = c.l.PushFront(e)
	for c.l.Len() > c.max {
		last := c.l.Back()
		c.l.Remove(last)
		delete(c.m, last.Value.(*factsEntry).id)
	}
}

// dropEvents forgets the events of the entries (their facts stay,
// checked against the events read again).
func (c *factsLRU) dropEvents() {
	for el := c.l.Front(); el != nil; el = el.Next() {
		el.Value.(*factsEntry).ev = nil
	}
}

func (c *factsLRU) drop(id string) {
	if el, ok := c.m[id]; ok {
		c.l.Remove(el)
		delete(c.m, id)
	}
}

// newFactsEntry records the fields of e that facts reads, and e itself
// when keep (e was read from a trusted snapshot).
func newFactsEntry(e Event, deps factsDeps, f mergeFacts, keep bool) *factsEntry {
	en := &factsEntry{id: e.ID, title: e.Title, agreement: e.AgreementID, place: e.PlaceID, deps: deps, facts: f,
		parts: append([]Participation(nil), e.Participants...), quants: append([]Quantity(nil), e.Quantities...)}
	en.sentences = make([]string, len(e.Evidence))
	for i, ev := range e.Evidence {
		en.sentences[i] = ev.Sentence
	}
	if keep {
		en.ev = &e
	}
	return en
}

// storedEvent returns the stored event with the ID at the index
// position pos (its first day and ID) as the merger's snapshot holds
// it, when the cache has it and is trusted: it was read from a snapshot
// since which only the merger's transactions wrote, and the merger drops
// the entry of every event it writes (merger.wroteEvent). The events of
// the transaction itself are in merger.written, asked first.
func (c *mergeCache) storedEvent(id, pos string) (Event, bool) {
	if c == nil || !c.trusted {
		return Event{}, false
	}
	el, ok := c.facts.m[id]
	if !ok {
		return Event{}, false
	}
	en := el.Value.(*factsEntry)
	if en.ev == nil || orDate(en.ev.Date.Start)+"|"+en.ev.ID != pos {
		return Event{}, false
	}
	return *en.ev, true
}

// sameFields reports whether e has the fields en's facts were computed
// from.
func (en *factsEntry) sameFields(e Event) bool {
	if e.AgreementID != en.agreement || e.Title != en.title || e.PlaceID != en.place || len(e.Evidence) != len(en.sentences) ||
		len(e.Participants) != len(en.parts) || len(e.Quantities) != len(en.quants) {
		return false
	}
	for i, ev := range e.Evidence {
		if ev.Sentence != en.sentences[i] {
			return false
		}
	}
	for i, p := range e.Participants {
		if p != en.parts[i] {
			return false
		}
	}
	for i, q := range e.Quantities {
		if q != en.quants[i] {
			return false
		}
	}
	return true
}

// storedFacts returns the cached facts of c, an event of the snapshot
// the transaction has not written, when they
// still hold (see mergeCache); ok is false when they must be computed.
func (m *merger) storedFacts(c Event) (f mergeFacts, ok bool, err error) {
	en := m.cache.facts.get(c.ID)
	if en == nil || !en.sameFields(c) {
		return f, false, nil
	}
	// the reads facts makes, in its order: a different value of any
	// means other facts
	for i, p := range c.Participants {
		a, err := m.r.actorRef(p.ActorID)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return f, false, err
		}
		if a != en.deps.actors[i] {
			return f, false, nil
		}
	}
	if c.PlaceID != "" {
		p, err := m.r.placeRef(c.PlaceID)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return f, false, err
		}
		if p != en.deps.place {
			return f, false, nil
		}
	}
	if c.AgreementID != "" {
		g, err := m.agreement(c.AgreementID)
		if err != nil {
			return f, false, err
		}
		if g == nil || g != en.deps.agreement {
			return f, false, nil
		}
	}
	for _, q := range en.deps.countries {
		v, err := m.isCountry(q.name)
		if err != nil {
			return f, false, err
		}
		if v != q.country {
			return f, false, nil
		}
	}
	m.cache.hits++
	return en.facts, true, nil
}
