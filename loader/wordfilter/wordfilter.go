// Package wordfilter is a 4096-bit filter that tells at once, for most
// words outside a set, that they are not in it, so that the extraction's
// hot loops look up a map only for the few words that may be in it.
package wordfilter

// Filter tells at once, for most words outside a set of words, that
// they are not in it: one bit per hash of each word of the set (4096 bits),
// so that a map lookup is needed only for the words whose bit is set.
type Filter [64]uint64

// hashWord is a 12-bit hash of w from its length and its first, middle
// and last bytes: quick, and enough to tell most words apart.
func hashWord(w string) uint32 {
	n := len(w)
	if n == 0 {
		return 0
	}
	h := uint32(n)*0x9E3779B1 ^ uint32(w[0])<<16 ^ uint32(w[n/2])<<8 ^ uint32(w[n-1])
	h *= 0x85EBCA6B
	return h >> 20
}

// Add puts w in the filter.
func (f *Filter) Add(w string) {
	h := hashWord(w)
	f[h>>6] |= 1 << (h & 63)
}

// MayHave reports whether w may be in the set: false means it is not.
func (f *Filter) MayHave(w string) bool {
	h := hashWord(w)
	return f[h>>6]&(1<<(h&63)) != 0
}

// Large is a Filter of 65536 bits hashed on every byte, for sets of
// thousands of words (the trigger lexicon's first words), where a Filter
// would have most of its bits set and rule out few words.
type Large [1024]uint64

// hashAll is a 16-bit FNV-1a hash of all of w.
func hashAll(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return (h ^ h>>16) & 0xFFFF
}

// Add puts w in the filter.
func (f *Large) Add(w string) {
	h := hashAll(w)
	f[h>>6] |= 1 << (h & 63)
}

// MayHave reports whether w may be in the set: false means it is not.
func (f *Large) MayHave(w string) bool {
	h := hashAll(w)
	return f[h>>6]&(1<<(h&63)) != 0
}
