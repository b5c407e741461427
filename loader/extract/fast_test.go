package extract

import (
	"strings"
	"testing"

	"eventgraph/loader/ascii"
	"eventgraph/loader/synth"
)

// The allocation-free helpers must agree with what they replace, on every
// word of the lexicon and the CAMEO patterns and on hand-picked edge cases.
func TestFastHelpersAgree(t *testing.T) {
	l := lex()
	words := map[string]bool{"": true, "s": true, "y": true, "ay": true, "fly": true, "flies": true, "box": true, "boxes": true, "buzz": true, "buzzes": true, "see": true, "sees": true, "plan": true, "plans": true}
	for f, es := range l.forms {
		for _, w := range strings.Fields(f) {
			words[w] = true
		}
		for _, e := range es {
			words[e.lemma] = true
		}
	}
	for _, ps := range l.patterns {
		for _, p := range ps {
			for _, w := range p.words {
				words[w] = true
			}
		}
	}
	var list []string
	for w := range words {
		if !strings.Contains(w, " ") {
			list = append(list, w)
		}
	}
	for _, n := range list {
		pl, sf := plural(n), verbForms(n)[0]
		if got := sForm(n); got != sf {
			t.Fatalf("sForm(%q) = %q, verbForms gives %q", n, got, sf)
		}
		for _, w := range []string{pl, sf, n, n + "s", n + "es", n + "ies", "x" + pl} {
			if got, want := isSFormOf(w, n), w == sf; got != want {
				t.Fatalf("isSFormOf(%q, %q) = %v, want %v", w, n, got, want)
			}
		}
	}
}

// singleSpaced is true exactly when fitTitle's field join changes nothing.
func TestSingleSpaced(t *testing.T) {
	for _, s := range []string{"", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a\u00a0b", "a\u2003b", "Erdoğan visits Baghdad", "“quoted” words", "a \u0085b", "\xff \xfe", "x\u200bb"} {
		if got, want := singleSpaced(s), strings.Join(strings.Fields(s), " ") == s; got != want {
			t.Errorf("singleSpaced(%q) = %v, want %v", s, got, want)
		}
	}
}

// mayStartQuantity rules a token out only where quantityFrom finds
// nothing: checked on every token of the synthetic corpus and of
// sentences written for the edge cases.
func TestMayStartQuantity(t *testing.T) {
	texts := []string{
		"Some 300 families, $5 billion and US$ 5 m, €3 and £2.5bn were counted.",
		"A dozen soldiers, a million pills, twenty-five trucks, a three-day visit and a ten-member team.",
		"The 160-kilometer-long wall, 80% of the border, 11 million pills and 1.5 tons of cocaine.",
		"Hundreds of people and thousands fled; 35 killed, 260,000 displaced, the 4th meeting, F16 jets.",
	}
	for _, d := range synth.Generate(60, 3) {
		texts = append(texts, d.Text)
	}
	n := 0
	for _, s := range texts {
		toks := tokenize(s, ascii.Lower(s), nil)
		for i := range toks {
			if _, _, ok := quantityFrom(s, toks, i); ok {
				n++
				if !mayStartQuantity(toks[i]) {
					t.Errorf("mayStartQuantity(%q) = false, but a quantity starts there in %q", toks[i].w, s)
				}
			}
		}
	}
	if n < 10 {
		t.Errorf("only %d quantities found: the test reads nothing", n)
	}
}

func TestIndexSpaced(t *testing.T) {
	for _, c := range [][2]string{{"mediated by x", "mediated by"}, {"mediated byx mediated by y", "mediated by"}, {"mediated by", "mediated by"}, {"", "a"}, {"aa a ", "a"}, {"hosted by  ", "hosted by"}, {"xx", ""}} {
		if got, want := indexSpaced(c[0], c[1]), strings.Index(c[0], c[1]+" "); got != want {
			t.Errorf("indexSpaced(%q, %q) = %d, want %d", c[0], c[1], got, want)
		}
	}
}
