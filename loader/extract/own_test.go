package extract

import (
	"fmt"
	"strings"
	"testing"

	"eventgraph/graph"
	"eventgraph/loader/read"
)

// loadOwn extracts the test articles written for this package (other
// regions, other phrasings than the seeds) into an in-memory store, so that
// cross-article merges happen as in a real load.
func loadOwn(t *testing.T) (*graph.Store, map[string]graph.Actor) {
	t.Helper()
	docs, errs := read.ReadPath("testdata/own")
	if len(errs) > 0 {
		t.Fatalf("read: %v", errs)
	}
	st, err := graph.Open(graph.DefaultOptions("").WithInMemory(true))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	actors := map[string]graph.Actor{}
	for _, d := range docs {
		f := Article(d)
		for _, a := range f.Actors {
			actors[a.ID] = a
		}
		if _, err := st.PutFacts(f); err != nil {
			t.Fatal(err)
		}
	}
	return st, actors
}

// TestOwnArticles checks what comes out of articles nobody tuned the rules
// on: other weekdays, "last Tuesday", "on 3 March", "in mid-2023",
// "yesterday", a treaty between other countries, a planned meeting, an
// anchored date, and one signing reported by two articles.
func TestOwnArticles(t *testing.T) {
	st, actors := loadOwn(t)
	var events []graph.Event
	err := st.View(func(r graph.Snapshot) error {
		p, err := r.Events(graph.EventFilter{}, -1, "")
		for _, e := range p.Edges {
			events = append(events, e.Event)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	find := func(phrase string) []graph.Event {
		var out []graph.Event
		for _, e := range events {
			for _, x := range e.Evidence {
				if strings.Contains(x.Sentence, phrase) {
					out = append(out, e)
					break
				}
			}
		}
		return out
	}
	names := func(e graph.Event) string {
		var n []string
		for _, p := range e.Participants {
			n = append(n, actors[p.ActorID].Name)
		}
		return strings.Join(n, ", ")
	}
	tests := []struct {
		phrase     string
		cameo      string // prefix
		start, end string
		precision  graph.Precision
		status     string
		actor      string // a participant's name contains this ("" for none required)
		place      string
	}{
		{"signed a border treaty in Oslo on 3 March", "057", "2023-03-03", "2023-03-03", graph.Day, graph.Reported, "Havik", "Oslo"},
		{"Aalto said last Tuesday", "01", "2023-03-07", "2023-03-07", graph.Day, graph.Reported, "Aalto", ""},
		{"Police arrested four smugglers", "17", "2023-03-06", "2023-03-06", graph.Day, graph.Reported, "", ""},
		{"clashed with police in Nairobi on Wednesday", "19", "2023-09-13", "2023-09-13", graph.Day, graph.Reported, "", "Nairobi"},
		{"Demonstrations began in mid-2023", "14", "2023-05-01", "2023-08-31", graph.Quarter, graph.Reported, "", ""},
		{"will meet opposition leaders on Monday", "04", "2023-09-18", "2023-09-18", graph.Day, graph.Planned, "Otieno", ""},
		{"agreed on Saturday to reopen", "05", "2022-11-19", "2022-11-19", graph.Day, graph.Reported, "Argentina", ""},
		{"closed the crossing in June", "16", "2022-06-01", "2022-06-30", graph.Month, graph.Reported, "Chile", ""},
		{"will hold talks in Santiago on December 5", "04", "2022-12-05", "2022-12-05", graph.Day, graph.Planned, "", "Santiago"},
		{"attacked a police post", "18", "2021-07-07", "2021-07-07", graph.Day, graph.Reported, "", ""},
		{"it had detained 12 suspects", "17", "2021-07-06", "2021-07-06", graph.Day, graph.Reported, "", ""},
		// a statement and the happening it reports, on two dates: two events
		{"militants attacked a supply convoy on Monday", "19", "2021-07-05", "2021-07-05", graph.Day, graph.Reported, "Traore", ""},
		{"Traore said on Thursday that", "01", "2021-07-08", "2021-07-08", graph.Day, graph.Reported, "Traore", ""},
		{"met Lao President Khamla Vongsa in Vientiane on Monday", "04", "2024-04-01", "2024-04-01", graph.Day, graph.Reported, "Srisuk", "Vientiane"},
		// t7: vocabulary from the CAMEO dictionary and WordNet, not the hand list
		{"cabinet approved new customs rules", "08", "2023-09-13", "2023-09-13", graph.Day, graph.Reported, "Peru", ""},
		{"granted Bolivia access to its docks", "06", "2023-09-11", "2023-09-11", graph.Day, graph.Reported, "Bolivia", ""},
		// a noun with its month right before it: "the March closure of"
		{"the March closure of the highway", "16", "2023-03-01", "2023-03-31", graph.Month, graph.Reported, "", ""},
		// a participle with a date of its own: "The accord, signed in 1992, …"
		{"The old transit accord, signed in 1992", "057", "1992-01-01", "1992-12-31", graph.Year, graph.Reported, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			got := find(tt.phrase)
			var hit *graph.Event
			for i := range got {
				if strings.HasPrefix(got[i].CAMEO, tt.cameo) {
					hit = &got[i]
				}
			}
			if hit == nil {
				t.Fatalf("no event with CAMEO %s* for %q (got %d events there)", tt.cameo, tt.phrase, len(got))
			}
			d := hit.Date
			if d.Start != tt.start || d.End != tt.end || d.Precision != tt.precision {
				t.Errorf("date %s..%s %s, want %s..%s %s", d.Start, d.End, d.Precision, tt.start, tt.end, tt.precision)
			}
			if hit.Status != tt.status {
				t.Errorf("status %s, want %s", hit.Status, tt.status)
			}
			if tt.actor != "" && !strings.Contains(names(*hit), tt.actor) {
				t.Errorf("participants %q lack %q", names(*hit), tt.actor)
			}
			if tt.place != "" {
				var p graph.Place
				_ = st.View(func(r graph.Snapshot) (err error) { p, err = r.Place(hit.PlaceID); return })
				if p.Name != tt.place || !p.HasGeo {
					t.Errorf("place %q (geo %v), want %q with coordinates", p.Name, p.HasGeo, tt.place)
				}
			}
		})
	}

	t.Run("anchored inauguration", func(t *testing.T) {
		// "about two weeks after the inauguration", counted from Monday 2024-04-01
		got := find("two weeks after the inauguration")
		var inaug *graph.Event
		for i := range got {
			if got[i].Type == "inaugurate" {
				inaug = &got[i]
			}
		}
		if inaug == nil {
			t.Fatal("no inauguration event")
		}
		if inaug.Date.Precision != graph.Week || inaug.Date.Start < "2024-03-14" || inaug.Date.End > "2024-03-22" {
			t.Errorf("inauguration dated %+v, want a week around 2024-03-18", inaug.Date)
		}
	})

	t.Run("treaty", func(t *testing.T) {
		var gs []graph.Agreement
		_ = st.View(func(r graph.Snapshot) (err error) { gs, err = r.Agreements(graph.AgreementFilter{}); return })
		var g graph.Agreement
		for _, x := range gs {
			if x.Kind == "treaty" && x.Date.Value != "1992" { // t7 also cites an older accord
				g = x
			}
		}
		if g.ID == "" {
			t.Fatalf("no treaty among %d agreements", len(gs))
		}
		if g.Kind != "treaty" || g.Date.Value != "2023-03-03" {
			t.Errorf("treaty: kind %q date %q", g.Kind, g.Date.Value)
		}
		var parties, sigs []string
		for _, id := range g.Parties {
			parties = append(parties, actors[id].Name)
		}
		for _, id := range g.Signatories {
			sigs = append(sigs, actors[id].Name)
		}
		if p := strings.Join(parties, ","); !strings.Contains(p, "Norway") || !strings.Contains(p, "Finland") {
			t.Errorf("parties %v", parties)
		}
		if s := strings.Join(sigs, ","); !strings.Contains(s, "Lena Havik") || !strings.Contains(s, "Mikko Aalto") {
			t.Errorf("signatories %v", sigs)
		}
		want := []string{"joint patrols", "fisheries management", "exchange of customs data"}
		for _, w := range want {
			found := false
			for _, tp := range g.Topics {
				found = found || strings.Contains(tp, w)
			}
			if !found {
				t.Errorf("topic %q missing from %v", w, g.Topics)
			}
		}
	})

	t.Run("one signing, two articles", func(t *testing.T) {
		got := find("signed a border treaty on Friday")
		if len(got) != 1 {
			t.Fatalf("%d events", len(got))
		}
		arts := map[string]bool{}
		for _, x := range got[0].Evidence {
			arts[x.ArticleID] = true
		}
		if len(arts) != 2 || got[0].Date.Value != "2023-03-03" {
			t.Errorf("the signing has evidence from %d articles, date %s; want 2 and 2023-03-03", len(arts), got[0].Date.Value)
		}
	})
}

// TestOwnQuantities checks the quantities of an article written for the
// purpose (testdata/own/t7_quantities.txt): each event gets the numbers of
// its own clause, and a year, a date, an ordinal and a decree's number are
// none.
func TestOwnQuantities(t *testing.T) {
	st, _ := loadOwn(t)
	var events []graph.Event
	err := st.View(func(r graph.Snapshot) error {
		p, err := r.Events(graph.EventFilter{}, -1, "")
		for _, e := range p.Edges {
			events = append(events, e.Event)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		phrase string // in the event's sentence
		cameo  string // prefix of the event's code
		want   string // its quantities: value unit [counts] «text», in order
	}{
		{"inaugurated a 120-km steel fence", "", "120 km [steel fence] «120-km»"},
		{"seized 2.5 tons of cocaine", "17", "2.5 tons [cocaine] «2.5 tons»; 4e+06 USD [] «$4 million»"},
		{"Floods killed 23 people", "", "23 people [people killed] «23 people»; 14000 people [displaced] «14,000»"},
		{"met for the 3rd time on 12 February 2022", "04", ""},
		{"Police arrested two smugglers", "17", "2 people [smugglers arrested] «two smugglers»"},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			var hit *graph.Event
			for i, e := range events {
				if strings.HasPrefix(e.CAMEO, tt.cameo) && len(e.Evidence) > 0 && strings.Contains(e.Evidence[0].Sentence, tt.phrase) {
					hit = &events[i]
				}
			}
			if hit == nil {
				t.Fatalf("no event with CAMEO %s* for %q", tt.cameo, tt.phrase)
			}
			var got []string
			for _, q := range hit.Quantities {
				got = append(got, fmt.Sprintf("%g %s [%s] «%s»", q.Value, q.Unit, q.Counts, q.Text))
				if q.ArticleID != hit.Evidence[0].ArticleID {
					t.Errorf("%s: article %q, want the evidence's %q", q.Text, q.ArticleID, hit.Evidence[0].ArticleID)
				}
			}
			if g := strings.Join(got, "; "); g != tt.want {
				t.Errorf("quantities\n got %s\nwant %s", g, tt.want)
			}
		})
	}
}
