package mention

import "sort"

// byteSpans is a set of non-overlapping, non-empty byte ranges of a text,
// as two bit sets over its bytes: the bytes covered and the bytes where a
// range starts. Adding a range and asking whether one overlaps it cost the
// range's length in 64-byte words, whatever the number of ranges held, so
// that selecting mentions stays linear in the text's size.
type byteSpans struct {
	covered, starts []uint64
}

// reset empties the set for a text of n bytes, keeping its memory.
func (b byteSpans) reset(n int) byteSpans {
	w := n/64 + 2
	if cap(b.covered) < w {
		return byteSpans{covered: make([]uint64, w), starts: make([]uint64, w)}
	}
	b.covered, b.starts = b.covered[:w], b.starts[:w]
	clear(b.covered)
	clear(b.starts)
	return b
}

// add adds the range [s, e), s < e, which overlaps none held.
func (b byteSpans) add(s, e int) {
	b.starts[s/64] |= 1 << (s % 64)
	for i := s; i < e; {
		w, off := i/64, i%64
		n := min(64-off, e-i)
		b.covered[w] |= mask(off, n)
		i += n
	}
}

// overlaps reports whether [s, e), s < e, shares a byte with a range held.
func (b byteSpans) overlaps(s, e int) bool {
	for i := s; i < e; {
		w, off := i/64, i%64
		n := min(64-off, e-i)
		if b.covered[w]&mask(off, n) != 0 {
			return true
		}
		i += n
	}
	return false
}

// inside reports whether a range held has p strictly inside it (an empty
// range at p overlaps it): bytes p-1 and p are covered and no range starts
// at p.
func (b byteSpans) inside(p int) bool {
	return p > 0 && b.bit(b.covered, p-1) && b.bit(b.covered, p) && !b.bit(b.starts, p)
}

func (b byteSpans) bit(set []uint64, p int) bool {
	return p/64 < len(set) && set[p/64]&(1<<(p%64)) != 0
}

// mask has n bits set from bit off (off+n <= 64).
func mask(off, n int) uint64 {
	if n == 64 {
		return ^uint64(0)
	}
	return (1<<n - 1) << off
}

// coverIndex answers, for a token index i, the greatest end of the
// candidates that start at or before token i's start: a Fenwick tree of
// maxima over token indices, fed with the candidates added since the last
// question, so that each question and each candidate cost O(log n).
type coverIndex struct {
	n    int   // the candidates fed so far
	tree []int // 1-based; tree[0] unused
}

// maxEnd is the greatest end of a.cands starting at or before
// a.toks[i].Start (0 when none does).
func (x *coverIndex) maxEnd(a *analyzer, i int) int {
	if len(x.tree) != len(a.toks)+2 {
		x.tree = grow(x.tree, len(a.toks)+2)
		clear(x.tree)
		x.n = 0
	}
	for ; x.n < len(a.cands); x.n++ {
		c := &a.cands[x.n]
		// the first token starting at or after the candidate: token i
		// starts at or after c.start exactly when i >= k
		k := sort.Search(len(a.toks), func(k int) bool { return a.toks[k].Start >= c.start })
		for p := k + 1; p < len(x.tree); p += p & -p {
			x.tree[p] = max(x.tree[p], c.end)
		}
	}
	m := 0
	for p := i + 1; p > 0; p -= p & -p {
		m = max(m, x.tree[p])
	}
	return m
}
