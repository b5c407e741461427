package mention

import (
	"math/rand"
	"slices"
	"testing"
)

// TestMergeByStart holds mergeByStart to appending and sorting by start,
// with distinct starts and with shared ones.
func TestMergeByStart(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	sorted := func(n, from int) []cand {
		var out []cand
		at := from
		for range n {
			at += 1 + r.Intn(5)
			out = append(out, cand{start: at, end: at + 1, actor: string(rune('a' + r.Intn(26)))})
		}
		return out
	}
	for trial := range 200 {
		sel, add := sorted(r.Intn(8), 0), sorted(r.Intn(8), r.Intn(3))
		want := slices.SortedFunc(slices.Values(append(slices.Clone(sel), add...)), byStart)
		got := mergeByStart(slices.Grow(slices.Clone(sel), len(add)), add)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d: mergeByStart(%v, %v) = %v, want %v", trial, sel, add, got, want)
		}
	}
	// a shared start falls back to the sort: the same starts come out
	sel := []cand{{start: 1}, {start: 5}}
	add := []cand{{start: 5, actor: "x"}, {start: 7}}
	got := mergeByStart(sel, add)
	for k := 1; k < len(got); k++ {
		if got[k].start < got[k-1].start {
			t.Fatalf("not sorted: %v", got)
		}
	}
}
