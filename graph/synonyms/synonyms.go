// Package synonyms tells whether two words may name one thing in two
// reports of one happening: "shut" and "close", "deal" and "agreement",
// "extradite" and "deport", "assault" and "attack" (an assault is an
// attack). Cross-article merging counts such words as shared key words.
//
// The table (data/synsets.tsv) is generated from WordNet 3.1 by ./gen (see
// its doc and data/README.md): each word's own sets are the synsets of its
// two most frequent senses as a verb and as a noun of the classes
// happenings are told with; its sets above are those just above its noun
// senses. Two words are related when they share an own set or when one's
// own set is just above the other's; words under one more general set
// (siblings) are not.
package synonyms

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/synsets.tsv
var table string

type sets struct{ own, above []uint16 }

// load parses the table once.
var load = sync.OnceValue(func() map[string]sets {
	m := make(map[string]sets, 24000)
	for n, line := range strings.Split(table, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			panic("synonyms: data/synsets.tsv line " + strconv.Itoa(n+1) + ": want 3 fields")
		}
		m[f[0]] = sets{own: nums(f[1], n), above: nums(f[2], n)}
	}
	return m
})

func nums(s string, line int) []uint16 {
	if s == "-" {
		return nil
	}
	parts := strings.Split(s, ",")
	out := make([]uint16, len(parts))
	for i, p := range parts {
		v, err := strconv.ParseUint(p, 10, 16)
		if err != nil {
			panic("synonyms: data/synsets.tsv line " + strconv.Itoa(line+1) + ": " + err.Error())
		}
		out[i] = uint16(v)
	}
	return out
}

// Known reports whether the table holds the word or its lemma.
func Known(w string) bool {
	_, ok := lookup(w)
	return ok
}

// Related reports whether two lower-case words (inflected or not) may
// name one thing: the same word, or words of one WordNet synset, or one
// a kind of the other.
func Related(a, b string) bool {
	if a == b {
		return true
	}
	sa, ok1 := lookup(a)
	sb, ok2 := lookup(b)
	if !ok1 || !ok2 {
		return false
	}
	return meet(sa.own, sb.own) || meet(sa.own, sb.above) || meet(sa.above, sb.own)
}

func meet(a, b []uint16) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// lookup finds a word's sets: the word's own and those of its lemmas by
// WordNet's detachment rules for regular plurals and verb forms
// ("crossings", "closes", "closed", "shutting", "stopped"); "shutting" is
// both a noun of its own and a form of "shut".
func lookup(w string) (sets, bool) {
	m := load()
	s, found := m[w]
	take := func(k string) {
		if t, ok := m[k]; ok {
			if !found {
				s, found = t, true
				return
			}
			s = sets{own: append(append([]uint16(nil), s.own...), t.own...), above: append(append([]uint16(nil), s.above...), t.above...)}
		}
	}
	for _, r := range detach {
		if len(w) > len(r.suf)+2 && strings.HasSuffix(w, r.suf) {
			stem := w[:len(w)-len(r.suf)]
			take(stem + r.add)
			// a doubled last consonant: "stopped", "shutting"
			if r.add == "" && len(stem) > 2 && stem[len(stem)-1] == stem[len(stem)-2] {
				take(stem[:len(stem)-1])
			}
		}
	}
	return s, found
}

// detach are WordNet's morphy rules for nouns and verbs (morphy(7WN)).
var detach = []struct{ suf, add string }{
	{"ies", "y"}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"},
	{"es", "e"}, {"es", ""}, {"s", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""},
	{"men", "man"},
}
