package mention

import (
	"strings"
	"sync"
	"sync/atomic"

	namekey "eventgraph/graph/names"
)

// maxCachedWordKeys bounds wordKeyCache: past it, keys are computed again
// (a corpus has a few tens of thousands of distinct capitalized words).
const maxCachedWordKeys = 1 << 16

var (
	wordKeyCache  sync.Map // token key -> namekey.WordKey of it
	wordKeyCached atomic.Int64
)

// cachedWordKey is namekey.WordKey(k), remembered across articles (safe
// for concurrent use): references asks it for every capitalized word.
func cachedWordKey(k string) string {
	if v, ok := wordKeyCache.Load(k); ok {
		return v.(string)
	}
	w := namekey.WordKey(k)
	if wordKeyCached.Load() < maxCachedWordKeys {
		// a token's key may point into the article's text: keep a copy
		if _, loaded := wordKeyCache.LoadOrStore(strings.Clone(k), strings.Clone(w)); !loaded {
			wordKeyCached.Add(1)
		}
	}
	return w
}
