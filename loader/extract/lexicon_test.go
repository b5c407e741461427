package extract

import (
	"strings"
	"testing"
)

func TestLexiconStrict(t *testing.T) {
	for _, tc := range []struct {
		name, hand, dict, codes, want string
	}{
		{"short hand row", "sign\tv\t057\n", "", "", "triggers.tsv:1: want 5 or 6 columns"},
		{"unknown class", "sign\tv\t057\tsign agreement\tmaterail\n", "", "", `triggers.tsv:1: unknown class "materail"`},
		{"bad part of speech", "sign\tx\t057\tsign agreement\tmaterial\n", "", "", `part of speech "x"`},
		{"short verb row", "", "verb\tsign\t057\n", "", "cameo_verbs.tsv:1: want verb"},
		{"unknown row kind", "", "# c\nadverb\tquickly\n", "", `cameo_verbs.tsv:2: unknown row kind "adverb"`},
		{"short code row", "", "", "010\n", "cameo_codes.tsv:1: want code<TAB>type"},
		{"a coded verb of class pattern", "hand\tv\t114\thand\tpattern\n", "", "114\tcomplain officially\n", "triggers.tsv:1: class pattern is for an uncoded verb"},
		{"a pattern opening with NAME", "pattern\tprotest\t114\tNAME\n", "", "114\tcomplain officially\n", "triggers.tsv:1: NAME follows a word"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := buildLexicon(tc.hand, tc.dict, tc.codes)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestLexiconSources(t *testing.T) {
	l := lex()
	// what each resource brought; the figures move only when the data does
	t.Logf("lexicon: %+v", l.stats)
	if l.stats.cameoVerbs < 900 || l.stats.patterns < 4000 || l.stats.wordnetNouns < 300 || l.stats.hand < 150 {
		t.Errorf("lexicon stats %+v: a source is missing", l.stats)
	}
	for _, w := range []string{"police", "protesters", "insurgents", "gunmen", "smugglers"} {
		if l.agents[w] == "" {
			t.Errorf("%q is not an agent noun", w)
		}
	}
	for _, tc := range []struct {
		form, cameo string
		noun, dict  bool
	}{
		{"extradited", "063", false, false}, // hand-written wins
		{"expelled", "166", false, false},   // hand-written, with WordNet's irregular form
		{"approved", "080", false, true},    // CAMEO verb
		{"granted", "060", false, true},     // CAMEO verb
		{"extradition", "063", true, true},  // WordNet noun of a hand verb
		{"cancellation", "", true, false},   // noun of an uncoded verb: none
		{"absconded", "", false, true},      // uncoded motion verb: kept, needs an actor
		{"impounded", "1711", false, true},  // WordNet synonym of a CAMEO verb (confiscate)
		{"believed", "", false, false},      // uncoded cognition verb: a trigger only by a pattern
	} {
		var got *entry
		for _, e := range l.forms[tc.form] {
			if e.noun == tc.noun {
				got = e
			}
		}
		if tc.form == "cancellation" || tc.form == "believed" {
			if got != nil && !got.patternOnly {
				t.Errorf("%q is a trigger (%+v), want none", tc.form, got)
			}
			continue
		}
		if got == nil || got.cameo != tc.cameo || got.dict != tc.dict {
			t.Errorf("%q: entry %+v, want cameo %q dict %v", tc.form, got, tc.cameo, tc.dict)
		}
	}
}

func TestPatternRefines(t *testing.T) {
	l, err := buildLexicon("", "verb\tfreeze\t-\tfreeze\tverb.change\tfroze\npattern\tfreeze\t163\tbank account\npattern\tfreeze\t160\trelations\n", "160\treduce relations\n163\timpose sanctions\n")
	if err != nil {
		t.Fatal(err)
	}
	e := l.forms["froze"]
	if len(e) != 1 || !e[0].patternOnly {
		t.Fatalf("an uncoded change verb is a trigger only by its patterns, got %+v", e)
	}
	toks := tokenize("the bank accounts", "the bank accounts", nil)
	if got := l.refine(e[0], toks); got.cameo != "163" {
		t.Errorf("froze the bank accounts: %q, want 163 from the pattern", got.cameo)
	}
	toks = tokenize("the water supply", "the water supply", nil)
	if got := l.refine(e[0], toks); got.cameo != "" || !got.patternOnly {
		t.Errorf("froze the water supply: %+v, want an uncoded pattern-only entry (no trigger)", got)
	}
	l, _ = buildLexicon("", "verb\tfreeze\t-\tfreeze\tverb.social\tfroze,frozen\npattern\tfreeze\t163\tbank account\npattern\tfreeze\t160\trelations\n", "160\treduce relations\n163\timpose sanctions\n")
	v := l.forms["froze"][0]
	for _, tc := range []struct{ after, code, typ string }{
		{"the bank accounts of the group", "163", "impose sanctions"},
		{"its relations with Rome", "160", "reduce relations"},
		{"the water supply", "", "freeze"},
		{"everything , relations aside", "", "freeze"}, // a comma ends the object phrase
	} {
		toks := tokenize(tc.after, strings.ToLower(tc.after), nil)
		got := l.refine(v, toks)
		if got.cameo != tc.code || got.typ != tc.typ {
			t.Errorf("froze %s: %q %q, want %q %q", tc.after, got.cameo, got.typ, tc.code, tc.typ)
		}
	}
}
