package mention

import (
	"math/rand/v2"
	"testing"
)

// TestByteSpans checks the bit-set span index against the quadratic scan it
// replaces, on random non-overlapping ranges and random questions.
func TestByteSpans(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var b byteSpans
	for round := 0; round < 50; round++ {
		n := 1 + r.IntN(700)
		b = b.reset(n)
		var held [][2]int
		for k := 0; k < 200; k++ {
			s := r.IntN(n)
			e := s + 1 + r.IntN(min(40, n-s))
			naive := false
			for _, h := range held {
				if s < h[1] && h[0] < e {
					naive = true
				}
			}
			if got := b.overlaps(s, e); got != naive {
				t.Fatalf("n=%d held %v: overlaps(%d,%d)=%v, want %v", n, held, s, e, got, naive)
			}
			p := r.IntN(n + 1)
			inside := false
			for _, h := range held {
				if p < h[1] && h[0] < p {
					inside = true
				}
			}
			if got := b.inside(p); got != inside {
				t.Fatalf("n=%d held %v: inside(%d)=%v, want %v", n, held, p, got, inside)
			}
			if !naive {
				b.add(s, e)
				held = append(held, [2]int{s, e})
			}
		}
	}
}

// TestCoverIndex checks isGazetteerSpan's index against a scan of the
// candidates, with candidates added between questions.
func TestCoverIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := 0; round < 30; round++ {
		a := &analyzer{}
		pos := 0
		for i := 0; i < 60; i++ {
			pos += 1 + r.IntN(3)
			end := pos + 1 + r.IntN(8)
			a.toks = append(a.toks, token{Start: pos, End: end})
			pos = end
		}
		for q := 0; q < 200; q++ {
			if r.IntN(3) == 0 {
				s := r.IntN(pos)
				a.cands = append(a.cands, cand{start: s, end: s + 1 + r.IntN(30)})
			}
			i := r.IntN(len(a.toks))
			j := i + r.IntN(min(5, len(a.toks)-i))
			want := false
			for _, c := range a.cands {
				if c.start <= a.toks[i].Start && c.end >= a.toks[j].End {
					want = true
				}
			}
			if got := a.isGazetteerSpan(i, j); got != want {
				t.Fatalf("round %d: isGazetteerSpan(%d,%d)=%v, want %v", round, i, j, got, want)
			}
		}
	}
}
