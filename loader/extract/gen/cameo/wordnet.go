package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// wordNet holds what the generator reads from WordNet's database files:
// each lemma's synsets (most frequent first) and each synset's class, words
// and derivation links.
type wordNet struct {
	index map[string]map[string][]string // pos → lemma → synset offsets
	syn   map[string]*synset             // pos+offset → synset
}

type synset struct {
	class string   // lexicographer file, e.g. verb.motion
	words []string // lower case, spaces for underscores
	deriv []link   // derivationally related forms ("+" pointers)
}

type link struct {
	pos, offset string
	src, dst    int // 1-based word numbers; 0 for the whole synset
}

// lexNames are WordNet's lexicographer files by number (lexnames(5WN)).
var lexNames = []string{"adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal",
	"noun.artifact", "noun.attribute", "noun.body", "noun.cognition", "noun.communication",
	"noun.event", "noun.feeling", "noun.food", "noun.group", "noun.location", "noun.motive",
	"noun.object", "noun.person", "noun.phenomenon", "noun.plant", "noun.possession",
	"noun.process", "noun.quantity", "noun.relation", "noun.shape", "noun.state",
	"noun.substance", "noun.time", "verb.body", "verb.change", "verb.cognition",
	"verb.communication", "verb.competition", "verb.consumption", "verb.contact",
	"verb.creation", "verb.emotion", "verb.motion", "verb.perception", "verb.possession",
	"verb.social", "verb.stative", "verb.weather", "adj.ppl"}

func readWordNet(dir string) (*wordNet, error) {
	wn := &wordNet{index: map[string]map[string][]string{}, syn: map[string]*synset{}}
	for _, pos := range []string{"verb", "noun"} {
		if err := wn.readIndex(filepath.Join(dir, "index."+pos), pos[:1]); err != nil {
			return nil, err
		}
		if err := wn.readData(filepath.Join(dir, "data."+pos), pos[:1]); err != nil {
			return nil, err
		}
	}
	return wn, nil
}

func (wn *wordNet) readIndex(path, pos string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	m := map[string][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, " ") {
			continue // licence header
		}
		fs := strings.Fields(l)
		if len(fs) < 6 {
			return fmt.Errorf("%s: short line %q", path, l)
		}
		nptr, err := strconv.Atoi(fs[3])
		if err != nil || 4+nptr+2 > len(fs) {
			return fmt.Errorf("%s: bad line %q", path, l)
		}
		m[strings.ReplaceAll(fs[0], "_", " ")] = fs[4+nptr+2:]
	}
	wn.index[pos] = m
	return sc.Err()
}

func (wn *wordNet) readData(path, pos string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, " ") {
			continue
		}
		if i := strings.Index(l, " | "); i >= 0 {
			l = l[:i]
		}
		fs := strings.Fields(l)
		if len(fs) < 4 {
			return fmt.Errorf("%s: short line %q", path, l)
		}
		lex, err := strconv.Atoi(fs[1])
		if err != nil || lex >= len(lexNames) {
			return fmt.Errorf("%s: bad lexicographer file in %q", path, l)
		}
		wc, err := strconv.ParseInt(fs[3], 16, 32)
		if err != nil {
			return fmt.Errorf("%s: bad word count in %q", path, l)
		}
		s := &synset{class: lexNames[lex]}
		k := 4
		for i := 0; i < int(wc) && k+1 < len(fs); i++ {
			w := strings.ToLower(strings.ReplaceAll(fs[k], "_", " "))
			if j := strings.IndexByte(w, '('); j >= 0 {
				w = w[:j] // adjective markers
			}
			s.words = append(s.words, w)
			k += 2
		}
		if k >= len(fs) {
			return fmt.Errorf("%s: no pointer count in %q", path, l)
		}
		np, err := strconv.Atoi(fs[k])
		if err != nil {
			return fmt.Errorf("%s: bad pointer count in %q", path, l)
		}
		k++
		for i := 0; i < np && k+3 < len(fs); i++ {
			if fs[k] == "+" {
				st := fs[k+3]
				src, _ := strconv.ParseInt(st[:2], 16, 32)
				dst, _ := strconv.ParseInt(st[2:], 16, 32)
				s.deriv = append(s.deriv, link{pos: fs[k+2], offset: fs[k+1], src: int(src), dst: int(dst)})
			}
			k += 4
		}
		wn.syn[pos+fs[0]] = s
	}
	return sc.Err()
}

// verbClass is the lexicographer class of a verb's most frequent sense, or
// "" when WordNet does not know the verb.
func (wn *wordNet) verbClass(lemma string) string {
	offs := wn.index["v"][lemma]
	if len(offs) == 0 {
		return ""
	}
	if s := wn.syn["v"+offs[0]]; s != nil {
		return s.class
	}
	return ""
}

// eventNounClasses are the noun classes whose members name a happening.
var eventNounClasses = map[string]bool{"noun.act": true, "noun.event": true}

// derivedNouns are the nouns that WordNet derives from a verb's two most
// frequent senses and that name an act or an event.
func (wn *wordNet) derivedNouns(lemma string) []string {
	offs := wn.index["v"][lemma]
	if len(offs) > 2 {
		offs = offs[:2]
	}
	var out []string
	seen := map[string]bool{}
	for _, off := range offs {
		s := wn.syn["v"+off]
		if s == nil {
			continue
		}
		for _, d := range s.deriv {
			if d.pos != "n" || d.src == 0 || d.src > len(s.words) || s.words[d.src-1] != lemma {
				continue
			}
			n := wn.syn["n"+d.offset]
			if n == nil || d.dst == 0 || d.dst > len(n.words) || !eventNounClasses[n.class] {
				continue
			}
			w := n.words[d.dst-1]
			// the linked sense must be among the noun's three most frequent:
			// a rare act sense of a common word names no event in news
			if !wn.frequentSense("n", w, d.offset, 3) {
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
	offs := wn.index[pos][lemma]
	for i := 0; i < len(offs) && i < n; i++ {
		if offs[i] == offset {
			return true
		}
	}
	return false
}
