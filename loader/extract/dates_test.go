package extract

import (
	"strings"
	"testing"

	"eventgraph/loader/read"
)

// TestEventDates checks which date each event of a short made-up text
// takes: each of two dates in a sentence dates its own event, a definite
// re-mention with a date of its own dates the event told before it, and a
// date that follows another event is used only when nothing else dates one.
func TestEventDates(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		root, want string // an event of this CAMEO root must have this start day
	}{
		{"second date of a coordinated verb", "The minister arrived in Quito on March 3 and signed a security pact with Ecuador on March 5.", "05", "2024-03-05"},
		{"first date of a coordinated verb", "The minister arrived in Quito on March 3 and signed a security pact with Ecuador on March 5.", "04", "2024-03-03"},
		{"weekday per verb", "Peru's president visited Quito on Monday and met the Ecuadorian foreign minister on Wednesday.", "040", "2024-03-13"},
		{"weekday per verb, first", "Peru's president visited Quito on Monday and met the Ecuadorian foreign minister on Wednesday.", "042", "2024-03-11"},
		{"only date before", "Peru's president arrived in Quito on Monday and signed a trade pact with Ecuador.", "05", "2024-03-11"},
		{"dated back by the raid", "Colombian troops killed six rebels in a raid in Narino. The raid took place on Tuesday, the army said.", "19", "2024-03-12"},
		{"dated back by the attack", "Gunmen attacked a police post in Tumaco, killing three officers. The attack happened on Sunday night.", "19", "2024-03-10"},
		{"a where-clause takes its sentence's day", "Peru's president flew to Quito on Thursday, where he met the Ecuadorian foreign minister.", "040", "2024-03-14"},
		{"a year premodifying a noun is the noun's", "A court in Lima sentenced three men to prison for a 2019 bombing that killed 12 people.", "17", "2024-03-15"},
		{"the noun keeps its year", "A court in Lima sentenced three men to prison for a 2019 bombing that killed 12 people.", "18", "2019-01-01"},
		{"a day after", "Police arrested a smuggler on Thursday, a day after Bolivian customs seized 200 kg of cocaine.", "17", "2024-03-13"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := Article(read.Document{Title: "News", Published: "2024-03-15", Text: "News\n\n" + tc.text, File: "t.txt"})
			var got []string
			for _, e := range f.Events {
				if strings.HasPrefix(e.CAMEO, tc.root) {
					got = append(got, e.Date.Start)
					if e.Date.Start == tc.want {
						return
					}
				}
			}
			t.Errorf("events of root %s dated %v, want one on %s", tc.root, got, tc.want)
		})
	}
}

// TestLastYearIn: the year a time expression names last, for "that year".
func TestLastYearIn(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"in June 2023", "2023"}, {"from 2019 to 2021", "2021"}, {"on 12345", ""}, {"May 5", ""}, {"1999, 12 May", "1999"},
	} {
		if got := lastYearIn(c.in); got != c.want {
			t.Errorf("lastYearIn(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
