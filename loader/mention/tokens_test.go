package mention

import (
	"eventgraph/loader/ascii"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"eventgraph/loader/gazetteer"
	"eventgraph/loader/synth"
)

// tokenTexts are texts to tokenize: the seed articles, as written, upper-
// and lower-cased and with accented letters, and synthetic ones.
func tokenTexts(t *testing.T) []string {
	files, _ := filepath.Glob("testdata/seeds/*.txt")
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		texts = append(texts, s, strings.ToUpper(s), strings.ToLower(s), strings.ReplaceAll(s, "a", "á"),
			strings.ReplaceAll(s, "-", "—"), strings.ReplaceAll(s, "'", "’"))
	}
	for _, d := range synth.Generate(20, 3) {
		texts = append(texts, d.Text)
	}
	return append(texts, "U.S.-backed Abdul-Amir al-Shammari's ʻAbd Ma'an ŞANLIURFA ﬁnance U.N. Al Al-Qaim Lt. Gen.")
}

// TestTokenKeys checks the keys the tokenizer computes against the
// functions they stand for, and the join of the words' keys against the
// key of a span's text, which gazetteerSpans and spanKeys rely on.
func TestTokenKeys(t *testing.T) {
	tf := titleFirstWords()
	for _, text := range tokenTexts(t) {
		toks := tokenize(text, ascii.Lower(text), nil)
		a := &analyzer{d: Doc{Text: text}, toks: toks}
		for i, tok := range toks {
			if !tok.Word {
				continue
			}
			w := tok.Text
			if tok.Key != gazetteer.Key(w) || tok.Lower != strings.ToLower(strings.ReplaceAll(w, ".", "")) || tok.TKey != titleKey(w) {
				t.Fatalf("%q: key %q lower %q title key %q", w, tok.Key, tok.Lower, tok.TKey)
			}
			f := strings.Fields(titleKey(w))
			if want := len(f) > 0 && tf.set[f[0]]; tok.TFirst != want {
				t.Fatalf("%q: TFirst %v", w, tok.TFirst)
			}
			if want := gazetteer.LookupNames(w, gazetteer.Key(w)); tok.gzSet && tok.gz != want && !(want == (gazetteer.Names{}) && datelineWord(text, tok.Start, tok.End)) {
				t.Fatalf("%q: gazetteer names differ", w)
			}
			var keys []string
			for j := i; j < len(toks) && j < i+8 && toks[j].Word; j++ {
				if toks[j].Key != "" {
					keys = append(keys, toks[j].Key)
				}
				span := a.text(i, j)
				if got, want := strings.Join(keys, " "), gazetteer.Key(span); got != want {
					t.Fatalf("span %q: joined keys %q, want %q", span, got, want)
				}
				got, want := a.spanKeys(i, j), strings.Fields(gazetteer.Key(span))
				if len(got) != len(want) || len(got) > 0 && !reflect.DeepEqual(got, want) {
					t.Fatalf("span %q: keys %q, want %q", span, got, want)
				}
			}
		}
	}
}
