package graph

import (
	"fmt"
	"reflect"
	"testing"
)

// report makes a one-article event as the loader would: its date, its
// quantities (of that article) and one sentence.
func report(article string, d DateSpan, qs ...Quantity) Event {
	for i := range qs {
		qs[i].ArticleID = article
	}
	return Event{ID: "e-" + article, CAMEO: "190", Date: d, Quantities: qs,
		Evidence: []Evidence{{ArticleID: article, Sentence: "sentence of " + article, Start: 10, End: 20}}}
}

func killed(n float64, counts string) Quantity {
	return Quantity{Value: n, Unit: "people", Counts: counts}
}

func TestDisputes(t *testing.T) {
	may12, may13 := span("2024-05-12", "2024-05-12", Day), span("2024-05-13", "2024-05-13", Day)
	may := span("2024-05-01", "2024-05-31", Month)
	tests := []struct {
		name    string
		reports []Event
		want    []string
	}{
		{"agree", []Event{report("A", may12, killed(35, "killed")), report("B", may12, killed(35, "people killed"))}, nil},
		{"one article, two figures", []Event{report("A", may12, killed(35, "killed"), killed(40, "killed"))}, nil},
		{"a vaguer date is no dispute", []Event{report("A", may12), report("B", may)}, nil},
		{"different days", []Event{report("A", may12), report("B", may13)}, []string{"date"}},
		{"an unknown date is no dispute", []Event{report("A", may12), report("B", DateSpan{Precision: Unknown})}, nil},
		{"different death tolls", []Event{report("A", may12, killed(35, "killed")), report("B", may12, killed(40, "people killed"))}, []string{"people killed"}},
		{"a more specific toll", []Event{report("A", may12, killed(12, "killed")), report("B", may12, killed(15, "drivers killed"))}, []string{"drivers killed"}},
		{"different things counted", []Event{report("A", may12, killed(2, "soldiers")), report("B", may12, killed(5, "civilians"))}, nil},
		{"different lengths, and days", []Event{report("A", may12, Quantity{Value: 160, Unit: "km", Counts: "wall"}), report("B", may13, Quantity{Value: 150, Unit: "km", Counts: "wall"})},
			[]string{"date", "km wall"}},
		{"three reports, the third differs", []Event{report("A", may12, killed(35, "killed")), report("B", may12, killed(35, "killed")), report("C", may12, killed(38, "killed"))},
			[]string{"killed"}},
		{"other units", []Event{report("A", may12, Quantity{Value: 5, Unit: "USD"}), report("B", may12, Quantity{Value: 5, Unit: "EUR"})}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.reports[0]
			for _, r := range tt.reports[1:] {
				m = MergeEvents(m, r)
			}
			// what is merged is stored: the disputes survive the codec
			var e Event
			if err := decodeEvent(encodeEvent(nil, &m), &e); err != nil {
				t.Fatal(err)
			}
			if got := e.Disputes(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("disputes %q, want %q", got, tt.want)
			}
			if e.Disputed() != (len(tt.want) > 0) {
				t.Errorf("Disputed() = %v", e.Disputed())
			}
		})
	}
}

// Reports gives each article's own date, quantities and sentences.
func TestReports(t *testing.T) {
	may12, may13 := span("2024-05-12", "2024-05-12", Day), span("2024-05-13", "2024-05-13", Day)
	m := MergeEvents(report("A", may12, killed(35, "killed")), report("B", may13, killed(40, "killed"), Quantity{Value: 3, Unit: "trucks"}))
	var got []string
	for _, r := range m.Reports() {
		got = append(got, fmt.Sprintf("%s %s %v %d", r.ArticleID, r.Date.Value, r.Quantities, len(r.Evidence)))
	}
	want := []string{
		"A 2024-05-12 [35 people (killed)] 1",
		"B 2024-05-13 [40 people (killed) 3 trucks] 1",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("reports\n got %q\nwant %q", got, want)
	}
	if m.Date.Value != "2024-05-12" {
		t.Errorf("the event's own date %s, want the first report's", m.Date.Value)
	}
	// one article: one report with the event's date, no source dates kept
	one := report("A", may12, killed(35, "killed"))
	if r := one.Reports(); len(r) != 1 || r[0].Date != may12 || len(r[0].Quantities) != 1 || MergeEvents(one, one).SourceDates != nil {
		t.Errorf("one article: %+v", r)
	}
}

// Two articles report one attack with different tolls: the store merges
// them into one event that keeps both figures and is disputed.
func TestStoreKeepsDisagreement(t *testing.T) {
	s := memStore(t)
	a := fixture("A", "2024-05-12")
	b := fixture("B", "2024-05-12")
	for i, f := range []*Facts{a, b} {
		f.Events[0].MergeKeys = []string{"attack|convoy"}
		f.Events[0].Quantities = []Quantity{{Value: float64(35 + 5*i), Unit: "people", Text: "toll", Counts: "killed", ArticleID: f.Article.ID}}
		if _, err := s.PutFacts(f); err != nil {
			t.Fatal(err)
		}
	}
	var p EventPage
	if err := s.view(func(r *Reader) (err error) { p, err = r.Events(EventFilter{}, -1, ""); return }); err != nil {
		t.Fatal(err)
	}
	if p.Total != 1 {
		t.Fatalf("%d events, want the two reports merged", p.Total)
	}
	e := p.Edges[0].Event
	if got := e.Disputes(); !reflect.DeepEqual(got, []string{"killed"}) {
		t.Errorf("disputes %q", got)
	}
	rs := e.Reports()
	if len(rs) != 2 || rs[0].ArticleID != a.Article.ID || rs[0].Quantities[0].Value != 35 || rs[1].ArticleID != b.Article.ID || rs[1].Quantities[0].Value != 40 {
		t.Errorf("reports %+v", rs)
	}
}

// Two articles give one happening neighbouring days: one event, both days
// kept, disputed; two days apart they stay two events.
func TestStoreMergesNeighbouringDays(t *testing.T) {
	for _, tt := range []struct {
		second string
		events int
	}{{"2024-05-13", 1}, {"2024-05-11", 1}, {"2024-05-14", 2}} {
		s := memStore(t)
		a := fixture("A", "2024-05-12")
		b := fixture("B", tt.second)
		for _, f := range []*Facts{a, b} {
			f.Events[0].MergeKeys = []string{"attack|convoy"}
			if _, err := s.PutFacts(f); err != nil {
				t.Fatal(err)
			}
		}
		var p EventPage
		if err := s.view(func(r *Reader) (err error) { p, err = r.Events(EventFilter{}, -1, ""); return }); err != nil {
			t.Fatal(err)
		}
		if p.Total != tt.events {
			t.Fatalf("2024-05-12 and %s: %d events, want %d", tt.second, p.Total, tt.events)
		}
		if tt.events == 1 {
			e := p.Edges[0].Event
			rs := e.Reports()
			if got := e.Disputes(); !reflect.DeepEqual(got, []string{"date"}) || len(rs) != 2 || rs[0].Date.Value != "2024-05-12" || rs[1].Date.Value != tt.second {
				t.Errorf("2024-05-12 and %s: disputes %q, reports %+v", tt.second, got, rs)
			}
		}
	}
}

// TestMergedDateGiven: of two reports' days, the event takes the one its
// text gives over one taken from the publication day (Inferred).
func TestMergedDateGiven(t *testing.T) {
	given := span("2024-05-12", "2024-05-12", Day)
	pub := span("2024-05-13", "2024-05-13", Day)
	pub.Inferred = true
	for _, order := range [][2]Event{{report("A", pub), report("B", given)}, {report("B", given), report("A", pub)}} {
		if m := MergeEvents(order[0], order[1]); m.Date.Start != "2024-05-12" || m.Date.Inferred {
			t.Errorf("merged date %+v, want the given 2024-05-12", m.Date)
		}
	}
}
