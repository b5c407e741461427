package graph

import (
	"errors"
	"fmt"
	"path/filepath"
	"testing"
)

func memStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(DefaultOptions("").WithInMemory(true))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func span(start, end string, p Precision) DateSpan {
	return DateSpan{Value: start, Start: start, End: end, Precision: p}
}

// fixture makes an article with one event per date, all with actor a1.
func fixture(title string, dates ...string) *Facts {
	art := Article{Title: title, Published: "2024-05-12", Text: "text of " + title}
	art.ID = ArticleID(art)
	a1 := Actor{ID: ActorID("Abdul Amir al-Shammari"), Name: "Abdul Amir al-Shammari", Kind: Person,
		Roles: []Role{{Title: "Interior Minister", From: "2024-05-12", To: "2024-05-12"}}}
	f := &Facts{Article: art, Actors: []Actor{a1}}
	for i, d := range dates {
		e := Event{ID: NewID("event", art.ID, fmt.Sprint(i)), Type: "make statement", CAMEO: "010",
			Title: fmt.Sprintf("%s %d", title, i), Date: span(d, d, Day),
			Participants: []Participation{{ActorID: a1.ID, Role: "source"}},
			Evidence:     []Evidence{{ArticleID: art.ID, Sentence: "s", Start: 0, End: 1}}}
		if d == "" {
			e.Date = DateSpan{Precision: Unknown}
		}
		f.Events = append(f.Events, e)
	}
	return f
}

func TestPutFactsIdempotent(t *testing.T) {
	s := memStore(t)
	f := fixture("A", "2024-05-12", "2024-01-28")
	r1, err := s.PutFacts(f)
	if err != nil || r1.Existed || r1.Events != 2 {
		t.Fatalf("first put: %+v %v", r1, err)
	}
	v := s.Version()
	r2, err := s.PutFacts(fixture("A", "2024-05-12", "2024-01-28"))
	if err != nil || !r2.Existed || r2.Events != 0 {
		t.Fatalf("second put: %+v %v", r2, err)
	}
	if s.Version() != v {
		t.Errorf("re-load changed the version %d -> %d", v, s.Version())
	}
	err = s.view(func(r *Reader) error {
		p, err := r.Events(EventFilter{}, -1, "")
		if p.Total != 2 {
			t.Errorf("total %d, want 2", p.Total)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestEventsDateRangeAndPaging(t *testing.T) {
	s := memStore(t)
	if _, err := s.PutFacts(fixture("A", "2021-01-18", "2024-05-12", "2024-01-28", "", "2024-12-18")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		f    EventFilter
		want []string
	}{
		{"all ascending, undated last", EventFilter{}, []string{"2021-01-18", "2024-01-28", "2024-05-12", "2024-12-18", ""}},
		{"descending", EventFilter{Desc: true, NoUndated: true}, []string{"2024-12-18", "2024-05-12", "2024-01-28", "2021-01-18"}},
		{"descending, undated last", EventFilter{Desc: true}, []string{"2024-12-18", "2024-05-12", "2024-01-28", "2021-01-18", ""}},
		{"descending by actor, undated last", EventFilter{Desc: true, ActorIDs: []string{ActorID("Abdul-Amir Al Shammari")}}, []string{"2024-12-18", "2024-05-12", "2024-01-28", "2021-01-18", ""}},
		{"2024 only", EventFilter{From: "2024-01-01", To: "2024-12-31"}, []string{"2024-01-28", "2024-05-12", "2024-12-18"}},
		{"one month", EventFilter{From: "2024-05-01", To: "2024-05-31"}, []string{"2024-05-12"}},
		{"by actor", EventFilter{ActorIDs: []string{ActorID("Abdul-Amir Al Shammari")}, To: "2023-12-31"}, []string{"2021-01-18"}},
		{"unknown actor", EventFilter{ActorIDs: []string{"nobody"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			after := ""
			total := -1
			for i := 0; i < 10; i++ { // page two at a time
				var p EventPage
				if err := s.view(func(r *Reader) (err error) { p, err = r.Events(tt.f, 2, after); return }); err != nil {
					t.Fatal(err)
				}
				if total >= 0 && p.Total != total {
					t.Fatalf("total changed between pages: %d then %d", total, p.Total)
				}
				total = p.Total
				for _, e := range p.Edges {
					got = append(got, e.Event.Date.Start)
					after = e.Cursor()
				}
				if !p.HasNext {
					break
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) || total != len(tt.want) {
				t.Errorf("got %v (total %d), want %v", got, total, tt.want)
			}
		})
	}
}

func TestMergeAcrossArticles(t *testing.T) {
	s := memStore(t)
	a := fixture("A", "2017-01-01")
	a.Events[0].Date = span("2017-01-01", "2017-12-31", Year)
	a.Events[0].MergeKeys = []string{"defeat|isis"}
	a.Events[0].Quantities = []Quantity{{Value: 35, Unit: "people", Text: "35 killed", Counts: "killed", ArticleID: a.Article.ID}}
	b := fixture("B", "2017-09-01")
	b.Events[0].Date = span("2017-09-01", "2017-12-31", Quarter)
	b.Events[0].MergeKeys = []string{"defeat|isis"}
	b.Events[0].Quantities = []Quantity{{Value: 35, Unit: "people", Text: "35 people died", Counts: "people", ArticleID: b.Article.ID},
		{Value: 160, Unit: "km", Text: "160 km", ArticleID: b.Article.ID}}
	c := fixture("C", "2019-01-01") // same key, far date: stays apart
	c.Events[0].MergeKeys = []string{"defeat|isis"}
	for _, f := range []*Facts{a, b, c} {
		if _, err := s.PutFacts(f); err != nil {
			t.Fatal(err)
		}
	}
	var p EventPage
	_ = s.view(func(r *Reader) (err error) { p, err = r.Events(EventFilter{}, -1, ""); return })
	if p.Total != 2 {
		t.Fatalf("want 2 events after merge, got %d", p.Total)
	}
	m := p.Edges[0].Event
	if len(m.Evidence) != 2 || m.Date.Precision != Quarter {
		t.Errorf("merged event: %d evidence, precision %s", len(m.Evidence), m.Date.Precision)
	}
	// the union of the quantities, one per value and unit, the first report kept
	if got := fmt.Sprint(m.Quantities); got != fmt.Sprint([]Quantity{a.Events[0].Quantities[0], b.Events[0].Quantities[1]}) {
		t.Errorf("merged quantities: %s", got)
	}
	// the index must not keep the old date position
	_ = s.view(func(r *Reader) (err error) {
		p, err = r.Events(EventFilter{From: "2017-01-01", To: "2017-08-31"}, -1, "")
		return
	})
	if p.Total != 0 {
		t.Errorf("stale index entry: %d events in Jan-Aug 2017", p.Total)
	}
}

func TestActorsByAliasAndRoles(t *testing.T) {
	s := memStore(t)
	f := fixture("A", "2024-05-12")
	f.Actors[0].Aliases = []string{"Shammari"}
	g := fixture("B", "2021-01-18")
	g.Actors[0].Name = "Abdul-Amir Al Shammari"
	g.Actors[0].Roles = []Role{{Title: "deputy commander", From: "2021-01-18"}}
	for _, x := range []*Facts{f, g} {
		if _, err := s.PutFacts(x); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"shammari", "ABDUL AMIR AL-SHAMMARI", "Abdul-Amir al Shammari"} {
		as, err := s.ActorsByName(name)
		if err != nil || len(as) != 1 {
			t.Fatalf("%q: %d actors, %v", name, len(as), err)
		}
		if len(as[0].Roles) != 2 || as[0].Roles[0].From != "2021-01-18" {
			t.Errorf("%q roles: %+v", name, as[0].Roles)
		}
	}
}

func TestBadCursor(t *testing.T) {
	s := memStore(t)
	err := s.view(func(r *Reader) error { _, err := r.Events(EventFilter{}, 1, "garbage!"); return err })
	if !errors.Is(err, ErrBadCursor) {
		t.Errorf("want ErrBadCursor, got %v", err)
	}
}

func TestSecondProcessGetsClearLockError(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	s, err := Open(DefaultOptions(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = Open(DefaultOptions(dir))
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("want ErrLocked, got %v", err)
	}
}
