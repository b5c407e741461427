package main

import (
	"strings"

	"eventgraph/loader/extract/gen/wordnet"
)

// wordNet is what the generator reads from WordNet's database files
// (package wordnet): each lemma's synsets and each synset's class, words
// and derivation links.
type wordNet struct{ *wordnet.DB }

func readWordNet(dir string) (*wordNet, error) {
	db, err := wordnet.Read(dir)
	if err != nil {
		return nil, err
	}
	return &wordNet{db}, nil
}

// verbClass is the lexicographer class of a verb's most frequent sense, or
// "" when WordNet does not know the verb.
func (wn *wordNet) verbClass(lemma string) string {
	offs := wn.Index["v"][lemma]
	if len(offs) == 0 {
		return ""
	}
	if s := wn.Syn["v"+offs[0]]; s != nil {
		return s.Class
	}
	return ""
}

// synonyms are the one-word verbs of a verb's most frequent sense whose own
// most frequent sense it is too and that are no nouns, in WordNet's order.
func (wn *wordNet) synonyms(lemma string) []string {
	offs := wn.Index["v"][lemma]
	if len(offs) == 0 {
		return nil
	}
	s := wn.Syn["v"+offs[0]]
	if s == nil {
		return nil
	}
	var out []string
	for _, w := range s.Words {
		if w == lemma || strings.ContainsAny(w, " -'") {
			continue
		}
		if len(wn.Index["n"][w]) > 0 {
			continue // "border", "police": a noun first, a verb by the way
		}
		if o := wn.Index["v"][w]; len(o) > 0 && o[0] == offs[0] {
			out = append(out, w)
		}
	}
	return out
}

// eventNounClasses are the noun classes whose members name a happening.
var eventNounClasses = map[string]bool{"noun.act": true, "noun.event": true}

// unitClasses are the noun classes of a body of people or a person.
var unitClasses = map[string]bool{"noun.group": true, "noun.person": true}

// derivedNouns are the nouns that WordNet derives from a verb's two most
// frequent senses and that name an act or an event.
func (wn *wordNet) derivedNouns(lemma string) []string {
	offs := wn.Index["v"][lemma]
	if len(offs) > 2 {
		offs = offs[:2]
	}
	var out []string
	seen := map[string]bool{}
	for _, off := range offs {
		s := wn.Syn["v"+off]
		if s == nil {
			continue
		}
		for _, d := range s.Deriv {
			if d.POS != "n" || d.Src == 0 || d.Src > len(s.Words) || s.Words[d.Src-1] != lemma {
				continue
			}
			n := wn.Syn["n"+d.Offset]
			if n == nil || d.Dst == 0 || d.Dst > len(n.Words) || !eventNounClasses[n.Class] {
				continue
			}
			w := n.Words[d.Dst-1]
			// the linked sense must be among the noun's three most frequent:
			// a rare act sense of a common word names no event in news
			if !wn.frequentSense("n", w, d.Offset, 3) {
				continue
			}
			// a noun that first names a body of people ("a patrol", "the
			// government", "a gathering") names the unit, not its act
			if o := wn.Index["n"][w]; len(o) > 0 && unitClasses[wn.Syn["n"+o[0]].Class] {
				continue
			}
			// "-er"/"-or" agents and names are not acts; keep plain words
			if !seen[w] && !strings.ContainsAny(w, " -") {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// frequentSense reports whether synset offset is among the n most frequent
// senses of lemma in part of speech pos.
func (wn *wordNet) frequentSense(pos, lemma, offset string, n int) bool {
	offs := wn.Index[pos][lemma]
	for i := 0; i < len(offs) && i < n; i++ {
		if offs[i] == offset {
			return true
		}
	}
	return false
}
