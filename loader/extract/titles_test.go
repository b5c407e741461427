package extract

import (
	"strings"
	"testing"

	"eventgraph/loader/read"
)

// TestTitles checks the headline rules on sentences written for the test:
// subject, headline-present verb, object without dates or articles, at
// most maxTitle bytes, never ending on a function word.
func TestTitles(t *testing.T) {
	for _, tc := range []struct {
		sentence, want string
	}{
		{"Peru inaugurated a 40-km fence on the Bolivian border on Sunday.", "Peru inaugurates 40-km fence on Bolivian border"},
		{"Chile and Argentina signed a border treaty in Santiago on Monday.", "Chile and Argentina sign border treaty in Santiago"},
		{"Police arrested five smugglers near the port of Ilo on Tuesday.", "Police arrest five smugglers near port of Ilo"},
		{"Five smugglers were arrested by Peruvian police on Tuesday.", "Five smugglers arrested by Peruvian police"},
		{"Peru will close the crossing next week.", "Peru to close crossing"},
		{"The March closure of the highway by protesters angered truckers.", "Closure of highway by protesters"},
		{"The minister arrived in Lima on Monday and signed a trade pact with Chile on Tuesday.", "Signs trade pact with Chile"},
		{"Peruvian President Ana Quispe flew to Quito on Thursday, where she met the Ecuadorian foreign minister.", "Ana Quispe meets Ecuadorian foreign minister"},
		{"Peruvian Foreign Minister Ana Quispe said on Monday that relations with Chile had been productive, adding that more was needed.", "Ana Quispe says relations with Chile had been productive"},
		{"Lima accused Santiago of shelling the border post on Tuesday.", "Peru accuses Santiago of shelling the border post"},
		{"Its crew of 25 was evacuated by a Chilean warship on Monday.", "Chile evacuates crew of 25"},
		{"Chile pledged $50 million in aid to Peru on Monday.", "Chile pledges $50 million in aid to Peru"},
		{"A police colonel told reporters that at least 12 smugglers were arrested near Tacna on Monday.", "12 smugglers arrested near Tacna"},
		{"Two Chilean navy frigates went to the disputed islet on Monday.", "Chilean Navy goes to disputed islet"},
	} {
		t.Run(tc.sentence, func(t *testing.T) {
			text := "Peru news\n\n" + tc.sentence
			f := Article(read.Document{Title: "Peru news", Published: "2023-09-14", Text: text, File: "t.txt"})
			var titles []string
			for _, e := range f.Events {
				for _, x := range e.Evidence {
					if strings.Contains(x.Sentence, tc.sentence[:20]) {
						titles = append(titles, e.Title)
					}
				}
			}
			found := false
			for _, got := range titles {
				if len(got) > maxTitle {
					t.Errorf("title %q is %d bytes, over %d", got, len(got), maxTitle)
				}
				found = found || got == tc.want
			}
			if !found {
				t.Errorf("titles %q, want %q", titles, tc.want)
			}
		})
	}
}

func TestFitTitle(t *testing.T) {
	long := "Iraq inaugurates the first stage of a concrete wall along the entire length of its western border with Syria and"
	got := fitTitle(long)
	if len(got) > maxTitle || strings.HasSuffix(got, " and") || strings.HasSuffix(got, " with") {
		t.Errorf("fitTitle = %q (%d bytes)", got, len(got))
	}
	if !strings.HasPrefix(long, got) {
		t.Errorf("fitTitle = %q, not cut at a word of %q", got, long)
	}
}

// TestFitTitleWholePhrase: a title cut inside a noun phrase, after a
// modifier that needs its noun ("in northern" before "province"), drops
// the phrase back to its preposition; a phrase that ends on its noun stays.
func TestFitTitleWholePhrase(t *testing.T) {
	for _, tc := range []struct{ long, want string }{
		{"Kenyan Navy seizes two fishing boats loaded with charcoal during night patrol in northern waters of Lake Kivu",
			"Kenyan Navy seizes two fishing boats loaded with charcoal during night patrol"},
		{"Kenyan Navy seizes two fishing boats loaded with charcoal and fuel drums near the coast at dawn on Monday",
			"Kenyan Navy seizes two fishing boats loaded with charcoal and fuel drums near the coast"},
	} {
		if got := fitTitle(tc.long); got != tc.want {
			t.Errorf("fitTitle(%q) = %q, want %q", tc.long, got, tc.want)
		}
	}
}
