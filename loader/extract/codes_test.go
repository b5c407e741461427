package extract

import (
	"strings"
	"testing"

	"eventgraph/loader/read"
)

// TestCodes checks the CAMEO code of the event a sentence written for the
// test reports: support verbs take their object's code, an -s form before a
// finite verb is a plural noun, an agreement to meet is an intent to meet.
func TestCodes(t *testing.T) {
	for _, tc := range []struct {
		sentence string
		want     string // the code of the event whose evidence is the sentence; "" no event
	}{
		{"Peru conducted several airstrikes on rebel camps near Tacna on Monday.", "195"},
		{"The army carried out a raid on a smuggling depot in Ilo on Tuesday.", "190"},
		{"Farmers staged a protest outside the ministry in Lima on Friday.", "14"},
		{"Bolivia launched talks with Peru on the border dispute on Monday.", "04"},
		{"Chile launched a new satellite on Monday.", "190"},
		{"The Andean states held their first meeting in Lima on Sunday.", "04"},
		{"Peru and Chile agreed on Monday to meet again next month.", "036"},
		{"Peru and Chile agreed on Monday to hold talks next month.", "036"},
		{"Peru and Chile agreed on Monday to reopen the border crossing.", "05"},
		{"Brazil offered to mediate between Peru and Chile on Monday.", "039"}, // an intent, coded by what is intended
		{"Chile promised to meet Peruvian officials on Monday.", "036"},
		{"Chile pledged $50 million in aid to Peru on Monday.", "033"}, // an intent coded by what is pledged
		{"Chile recalled its ambassador from Lima on Monday.", "161"},
		{"The president declared a state of emergency in three provinces on Monday.", "1724"},
		{"The Chilean president flew to Lima on Monday for talks.", "042"},
		{"Police used tear gas against protesters in Lima on Sunday.", "175"},
		{"Riot police dispersed thousands of demonstrators in Lima on Sunday.", "175"},         // a CAMEO pattern codes an uncoded verb
		{"The Chilean president spoke by phone with the Peruvian president on Monday.", "041"}, // a call, not a statement
		{"The Chilean president talked with the Peruvian president in Lima on Monday.", "040"}, // a consultation
	} {
		t.Run(tc.sentence, func(t *testing.T) {
			text := "Andean news\n\n" + tc.sentence
			f := Article(read.Document{Title: "Andean news", Published: "2023-09-14", Text: text, File: "t.txt"})
			var codes []string
			for _, e := range f.Events {
				for _, x := range e.Evidence {
					if strings.Contains(x.Sentence, tc.sentence[:20]) {
						codes = append(codes, e.CAMEO)
					}
				}
			}
			found := false
			for _, c := range codes {
				found = found || strings.HasPrefix(c, tc.want)
			}
			if !found {
				t.Errorf("codes %q, want one with root %q", codes, tc.want)
			}
		})
	}
}
