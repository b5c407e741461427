package graph

import (
	"fmt"
	"testing"

	"github.com/dgraph-io/badger/v4"
)

func eventsOfArticle(t *testing.T, s *Store, id string) []string {
	t.Helper()
	var out []string
	err := s.view(func(r *Reader) error {
		return r.ForEachEventOfArticle(id, func(e Event) error { out = append(out, e.Date.Start+" "+e.Title); return nil })
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestArticleIndex: an article's events come from the article index, in
// date order (undated last), merged events under each of their articles;
// a database of format 4 gets the index when opened.
func TestArticleIndex(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(DefaultOptions(dir).WithLogger(quiet()))
	if err != nil {
		t.Fatal(err)
	}
	a := fixture("A", "2024-05-12", "", "2024-01-28")
	b := fixture("B", "2024-03-01")
	a.Events[0].MergeKeys = []string{"k"}
	b.Events[0].Date = a.Events[0].Date
	b.Events[0].MergeKeys = []string{"k"}
	for _, f := range []*Facts{a, b} {
		if _, err := s.PutFacts(f); err != nil {
			t.Fatal(err)
		}
	}
	wantA := "[2024-01-28 A 2 2024-05-12 A 0  A 1]"
	wantB := "[2024-05-12 A 0]" // B's event merged into A's
	check := func(when string) {
		if got := fmt.Sprint(eventsOfArticle(t, s, a.Article.ID)); got != wantA {
			t.Errorf("%s: article A: %s, want %s", when, got, wantA)
		}
		if got := fmt.Sprint(eventsOfArticle(t, s, b.Article.ID)); got != wantB {
			t.Errorf("%s: article B: %s, want %s", when, got, wantB)
		}
		if got := eventsOfArticle(t, s, "no-such-article"); len(got) != 0 {
			t.Errorf("%s: unknown article: %v", when, got)
		}
		if err := s.Check(); err != nil {
			t.Errorf("%s: %v", when, err)
		}
	}
	check("written")
	// what format 4 wrote: no article index
	err = s.db.Update(func(txn *badger.Txn) error {
		opt := badger.DefaultIteratorOptions
		opt.Prefix = []byte(pEventArticle)
		it := txn.NewIterator(opt)
		var del [][]byte
		for it.Rewind(); it.Valid(); it.Next() {
			del = append(del, it.Item().KeyCopy(nil))
		}
		it.Close()
		if len(del) == 0 {
			return fmt.Errorf("no article index keys")
		}
		for _, k := range del {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		// and an actor with one office under two spellings, as before
		// roles were merged
		var act Actor
		if err := getJSON(txn, pActor+a.Actors[0].ID, &act); err != nil {
			return err
		}
		act.Roles = []Role{{Title: "Interior Minister", OrgID: "gov", From: "2024-05-12", To: "2024-05-12"},
			{Title: "Minister of Interior", OrgID: "gov", From: "2024-02-13", To: "2024-02-13"}}
		if err := putJSON(plain(txn), pActor+act.ID, act); err != nil {
			return err
		}
		return txn.Set([]byte(kFormat), []byte("4"))
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(DefaultOptions(dir).WithLogger(quiet())); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	check("upgraded from format 4")
	act, err := s.Actor(a.Actors[0].ID)
	if err != nil || len(act.Roles) != 1 || act.Roles[0].From != "2024-02-13" || act.Roles[0].To != "2024-05-12" {
		t.Errorf("upgraded roles %+v %v, want one from 2024-02-13 to 2024-05-12", act.Roles, err)
	}
}
