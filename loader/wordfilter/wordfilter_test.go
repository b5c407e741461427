package wordfilter

import (
	"fmt"
	"testing"
)

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

// A Large filter never says no to a word it holds, and with thousands of
// words still says no to most others.
func TestLarge(t *testing.T) {
	var f Large
	for i := 0; i < 6000; i++ {
		f.Add(fmt.Sprintf("w%dx", i))
	}
	for i := 0; i < 6000; i++ {
		if w := fmt.Sprintf("w%dx", i); !f.MayHave(w) {
			t.Fatalf("MayHave(%q) = false for a word added", w)
		}
	}
	no := 0
	for i := 0; i < 1000; i++ {
		if !f.MayHave(fmt.Sprintf("v%dy", i)) {
			no++
		}
	}
	if no < 800 {
		t.Errorf("only %d of 1000 words outside the set were ruled out", no)
	}
}
