package gazetteer

import (
	"testing"

	pnames "eventgraph/graph/names"
)

// TestTitleWordsStripped checks that every word of the titles the mention
// finder reads (titles.tsv) is one a lookup drops from the front of a name
// (names.StripTitles): "Chairman X", "Mowlavi X" and "Agent X" find X.
func TestTitleWordsStripped(t *testing.T) {
	for _, ti := range Titles() {
		if ti.Class != "rank" && ti.Class != "honorific" && ti.Class != "office" {
			continue // roles ("journalist", "elder") and kin are read as names are
		}
		for _, w := range pnames.Fields(ti.Title) {
			if w == "de" {
				continue // "Capitán de Navío": a particle, also of names ("De Souza")
			}
			if !pnames.IsTitleWord(w) {
				t.Errorf("title %q: %q is not a title word of package graph/names", ti.Title, w)
			}
		}
	}
}
