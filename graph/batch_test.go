package graph

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
)

// dump lists every key and value, for comparing two stores.
func dump(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k := string(it.Item().Key())
			if k == kModified {
				continue
			}
			v, _ := it.Item().ValueCopy(nil)
			fmt.Fprintf(&b, "%s=%s\n", k, v)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func mergeFixtures() []*Facts {
	a := fixture("A", "2017-01-01", "2024-05-12")
	a.Events[0].Date = span("2017-01-01", "2017-12-31", Year)
	a.Events[0].MergeKeys = []string{"defeat|isis"}
	b := fixture("B", "2017-09-01")
	b.Events[0].Date = span("2017-09-01", "2017-12-31", Quarter)
	b.Events[0].MergeKeys = []string{"defeat|isis"}
	c := fixture("C", "2019-01-01")
	c.Events[0].MergeKeys = []string{"defeat|isis"}
	return []*Facts{a, b, fixture("A", "2017-01-01"), c}
}

func TestPutFactsBatchMatchesPutFacts(t *testing.T) {
	one, batch := memStore(t), memStore(t)
	var want []PutResult
	for _, f := range mergeFixtures() {
		r, err := one.PutFacts(f)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, r)
	}
	got, errs := batch.PutFactsBatch(mergeFixtures())
	for i, err := range errs {
		if err != nil {
			t.Fatalf("article %d: %v", i, err)
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("results\n got %v\nwant %v", got, want)
	}
	if d1, d2 := dump(t, one), dump(t, batch); d1 != d2 {
		t.Errorf("stores differ:\n%s\n---\n%s", d1, d2)
	}
	if one.Version() != batch.Version() {
		t.Errorf("versions %d and %d", one.Version(), batch.Version())
	}
	if err := batch.Check(); err != nil {
		t.Error(err)
	}
}

func TestPutFactsBatchBadArticleAndSplits(t *testing.T) {
	s := memStore(t)
	big := strings.Repeat("x", 900<<10) // a dozen of these overflow one transaction
	var fs []*Facts
	for i := 0; i < 24; i++ {
		f := fixture(fmt.Sprint("big ", i), "2024-05-12")
		f.Article.Text = big + fmt.Sprint(i) // distinct texts: distinct articles
		fs = append(fs, f)
		if i == 3 {
			fs = append(fs, &Facts{Article: Article{Title: "no id"}})
		}
	}
	res, errs := s.PutFactsBatch(fs)
	for i, f := range fs {
		switch {
		case f.Article.ID == "" && errs[i] == nil:
			t.Errorf("article %d without ID: no error", i)
		case f.Article.ID != "" && (errs[i] != nil || res[i].Events != 1):
			t.Errorf("article %d: %+v %v", i, res[i], errs[i])
		}
	}
	if s.Version() != 24 {
		t.Errorf("version %d, want 24", s.Version())
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}

func TestWideEventsInWindow(t *testing.T) {
	s := memStore(t)
	f := fixture("A", "2024-01-10", "2024-03-05", "2024-04-20", "2023-03-01", "2020-01-01")
	f.Events[0].Date = span("2024-01-01", "2024-03-31", Quarter) // starts before, overlaps
	f.Events[3].Date = span("2023-01-01", "2023-12-31", Year)    // ends before
	f.Events[4].Date = span("2020-02-10", "2022-11-03", Unknown) // nearly three years
	place := Place{ID: PlaceID("Basra", "IQ"), Name: "Basra", Country: "IQ"}
	f.Places = append(f.Places, place)
	f.Events[0].PlaceID = place.ID
	if _, err := s.PutFacts(f); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		f    EventFilter
		want string
	}{
		{EventFilter{From: "2024-03-01", To: "2024-03-31"}, "[2024-01-01 2024-03-05]"},
		{EventFilter{From: "2024-03-01", To: "2024-03-31", Desc: true}, "[2024-03-05 2024-01-01]"},
		{EventFilter{From: "2024-03-01"}, "[2024-01-01 2024-03-05 2024-04-20]"},
		{EventFilter{From: "2024-02-01", To: "2024-02-28"}, "[2024-01-01]"},
		{EventFilter{From: "2024-01-05", To: "2024-01-05"}, "[2024-01-01]"},
		{EventFilter{From: "2024-04-01", To: "2024-04-30"}, "[2024-04-20]"},
		{EventFilter{From: "2023-06-01", To: "2023-06-30", ActorIDs: []string{ActorID("Abdul Amir al-Shammari")}}, "[2023-01-01]"},
		{EventFilter{From: "2024-02-29", To: "2024-03-01", PlaceID: PlaceID("Basra", "IQ")}, "[2024-01-01]"},
		{EventFilter{From: "2022-06-01", To: "2022-06-30"}, "[2020-02-10]"},
		{EventFilter{From: "2022-11-03", To: "2022-11-03"}, "[2020-02-10]"},
		{EventFilter{From: "2022-11-04", To: "2022-12-31"}, "[]"},
		{EventFilter{From: "2020-01-01", To: "2020-02-09"}, "[]"},
	}
	for _, tt := range tests {
		var p EventPage
		var walked []string
		err := s.view(func(r *Reader) (err error) {
			if p, err = r.Events(tt.f, -1, ""); err != nil {
				return err
			}
			return r.ForEachEventMatching(tt.f, func(e Event) error { walked = append(walked, e.Date.Start); return nil })
		})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range p.Edges {
			got = append(got, e.Event.Date.Start)
		}
		if fmt.Sprint(got) != tt.want || p.Total != len(got) || fmt.Sprint(walked) != tt.want {
			t.Errorf("%+v: got %v (total %d), walked %v, want %s", tt.f, got, p.Total, walked, tt.want)
		}
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}

func TestCheckFindsProblems(t *testing.T) {
	s := memStore(t)
	if _, err := s.PutFacts(fixture("A", "2024-05-12")); err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err != nil {
		t.Fatalf("clean store: %v", err)
	}
	f := fixture("A", "2024-05-12")
	tests := []struct {
		name string
		key  string
		del  bool
		want string
	}{
		{"dangling date index", pEventDate + "2024-05-13|x", false, "no event x"},
		{"missing event index", pEventDate + "2024-05-12|" + f.Events[0].ID, true, "index key"},
		{"missing article", pArticle + f.Article.ID, true, "missing article"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := memStore(t)
			if _, err := s.PutFacts(fixture("A", "2024-05-12")); err != nil {
				t.Fatal(err)
			}
			err := s.db.Update(func(txn *badger.Txn) error {
				if tt.del {
					return txn.Delete([]byte(tt.key))
				}
				return txn.Set([]byte(tt.key), nil)
			})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Check(); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Check = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestPutFactsBatchLearnsRunSize checks that after a transaction overflows,
// PutFactsBatch takes fewer articles a transaction (so that the next ones
// fit at the first try), grows back slowly, and stores every article.
func TestPutFactsBatchLearnsRunSize(t *testing.T) {
	s := memStore(t)
	big := strings.Repeat("y", 900<<10) // a dozen of these overflow one transaction
	batch := func(from, n int) {
		var fs []*Facts
		for i := from; i < from+n; i++ {
			f := fixture(fmt.Sprint("large ", i), "2024-05-12")
			f.Article.Text = big + fmt.Sprint(i)
			fs = append(fs, f)
		}
		_, errs := s.PutFactsBatch(fs)
		for i, err := range errs {
			if err != nil {
				t.Fatalf("article %d: %v", from+i, err)
			}
		}
	}
	batch(0, 30)
	fit := s.runFit
	if fit < 1 || fit >= 30 {
		t.Fatalf("after an overflow, %d articles a transaction", fit)
	}
	for i := 0; i < runGrowAfter; i++ {
		batch(30+i*fit, fit)
	}
	if s.runFit != fit+1 {
		t.Errorf("after %d full runs of %d, %d articles a transaction, want %d", runGrowAfter, fit, s.runFit, fit+1)
	}
	if want := uint64(30 + runGrowAfter*fit); s.Version() != want {
		t.Errorf("version %d, want %d", s.Version(), want)
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}
