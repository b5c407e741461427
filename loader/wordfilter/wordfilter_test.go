package wordfilter

import "testing"

// A filter never says no to a word it holds, and says no to most others.
func TestFilter(t *testing.T) {
	var f Filter
	in := []string{"signed", "met", "al", "memorandum", "", "x"}
	for _, w := range in {
		f.Add(w)
	}
	for _, w := range in {
		if !f.MayHave(w) {
			t.Errorf("MayHave(%q) = false for a word added", w)
		}
	}
	out := []string{"border", "ministers", "crossing", "wall", "delegation", "agreement", "security", "Sunday"}
	no := 0
	for _, w := range out {
		if !f.MayHave(w) {
			no++
		}
	}
	if no < len(out)/2 {
		t.Errorf("only %d of %d words outside the set were ruled out", no, len(out))
	}
}
