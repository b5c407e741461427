package graph

import "sync"

// The shared read cache. A month's timeline names some two thousand
// actors and as many articles; a Reader caches what it decodes for its own
// life, but each request is a new Reader, so every request used to look
// each of them up in Badger again (a Get is a seek in every level's
// table) and decode it. Readers of one snapshot — the same Badger read
// timestamp, which moves only when a write commits — share a cache of the
// small nodes they name: actors, places and articles' metadata. A write
// makes the next reader start a new cache; a reader of an older snapshot
// uses none. Each kind holds at most maxShared nodes, so the cache's
// memory is bounded whatever the size of the database.

// maxShared bounds the nodes of each kind the shared cache holds.
const maxShared = 1 << 16

// readCache holds the nodes decoded by the readers of one snapshot. Its
// values are never modified once stored.
type readCache struct {
	ts       uint64 // the snapshot's Badger read timestamp
	mu       sync.RWMutex
	actors   map[string]*Actor
	places   map[string]*Place
	articles map[string]*Article // without text
}

// sharedCache returns the cache of the snapshot read at ts: the current
// one, a new one when ts is newer, or nil for an older snapshot.
func (s *Store) sharedCache(ts uint64) *readCache {
	for {
		c := s.cache.Load()
		if c != nil && c.ts == ts {
			return c
		}
		if c != nil && c.ts > ts {
			return nil
		}
		n := &readCache{ts: ts, actors: map[string]*Actor{}, places: map[string]*Place{}, articles: map[string]*Article{}}
		if s.cache.CompareAndSwap(c, n) {
			return n
		}
	}
}

// get returns m[id] under the read lock; a nil cache holds nothing.
func get[T any](c *readCache, m func(*readCache) map[string]*T, id string) *T {
	if c == nil {
		return nil
	}
	c.mu.RLock()
	v := m(c)[id]
	c.mu.RUnlock()
	return v
}

// put stores v as m[id] unless the map is full, and reports whether it
// did; a nil cache stores nothing.
func put[T any](c *readCache, m func(*readCache) map[string]*T, id string, v *T) bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	mm := m(c)
	ok := len(mm) < maxShared
	if ok {
		mm[id] = v
	}
	c.mu.Unlock()
	return ok
}

func cachedActors(c *readCache) map[string]*Actor     { return c.actors }
func cachedPlaces(c *readCache) map[string]*Place     { return c.places }
func cachedArticles(c *readCache) map[string]*Article { return c.articles }
