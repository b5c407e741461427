package gazetteer

import "hash/maphash"

// table is an immutable hash table from strings to values of a type
// without pointers, built once: the keys live in one string and the slots
// hold offsets, so that the garbage collector, which scans a map of strings
// on every cycle, has nothing to scan in it.
type table[V any] struct {
	keys  string // the keys, one after another
	slots []slot // open addressing, a power of two long
	vals  []V    // by slot value - 1
	mask  uint64
}

type slot struct {
	hash   uint32 // the key's hash, low half
	off, n uint32 // the key is keys[off : off+n]
	val    uint32 // index in vals + 1, 0 for an empty slot
}

// tableSeed hashes every table's keys.
var tableSeed = maphash.MakeSeed()

// newTable builds a table from a map.
func newTable[V any](m map[string]V) *table[V] {
	size := 8
	for size < 2*len(m) {
		size *= 2
	}
	t := &table[V]{slots: make([]slot, size), vals: make([]V, 0, len(m)), mask: uint64(size - 1)}
	n := 0
	for k := range m {
		n += len(k)
	}
	keys := make([]byte, 0, n)
	for k, v := range m {
		h := maphash.String(tableSeed, k)
		i := h & t.mask
		for t.slots[i].val != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = slot{hash: uint32(h), off: uint32(len(keys)), n: uint32(len(k)), val: uint32(len(t.vals) + 1)}
		keys = append(keys, k...)
		t.vals = append(t.vals, v)
	}
	t.keys = string(keys)
	return t
}

// get returns the value of key.
func (t *table[V]) get(key string) (V, bool) {
	h := maphash.String(tableSeed, key)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.val == 0 {
			var zero V
			return zero, false
		}
		if s.hash == uint32(h) && int(s.n) == len(key) && t.keys[s.off:s.off+s.n] == key {
			return t.vals[s.val-1], true
		}
	}
}

// getBytes returns the value of the key held in b.
func (t *table[V]) getBytes(b []byte) (V, bool) {
	h := maphash.Bytes(tableSeed, b)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.val == 0 {
			var zero V
			return zero, false
		}
		if s.hash == uint32(h) && int(s.n) == len(b) && t.keys[s.off:s.off+s.n] == string(b) {
			return t.vals[s.val-1], true
		}
	}
}

// each calls f with every key and its value.
func (t *table[V]) each(f func(string, V)) {
	for _, s := range t.slots {
		if s.val != 0 {
			f(t.keys[s.off:s.off+s.n], t.vals[s.val-1])
		}
	}
}
