package graph

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/dgraph-io/badger/v4"
)

// dumpStore returns every key of the store with its value.
func dumpStore(t *testing.T, s *Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			out[string(it.Item().KeyCopy(nil))] = string(v)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A merge writes over the stored event only the keys that change (so that
// an article whose events all merge fits in a transaction as the same
// article of new events does), and leaves the database exactly as deleting
// the stored event's keys and writing the merged event whole does.
func TestRewriteEventSameAsWhole(t *testing.T) {
	old := Event{ID: "ev-old", Type: "consult", CAMEO: "040", Title: "talks at the harbour",
		Date:         span("2022-03-01", "2022-04-10", Month),
		Participants: []Participation{{ActorID: "actor-a", Role: "source"}, {ActorID: "actor-b", Role: "target"}},
		PlaceID:      "place-1",
		Evidence:     []Evidence{{ArticleID: "art-1", Sentence: "s1", Start: 0, End: 10}},
		MergeKeys:    []string{"talks|a|b"}}
	report := func(mod func(*Event)) Event {
		e := Event{ID: "ev-new", Type: "consult", CAMEO: "043", Title: "talks",
			Date:         old.Date,
			Participants: []Participation{{ActorID: "actor-a", Role: "source"}},
			Evidence:     []Evidence{{ArticleID: "art-2", Sentence: "s2", Start: 5, End: 20}},
			MergeKeys:    []string{"talks|a|b"}}
		mod(&e)
		return e
	}
	for _, tc := range []struct {
		name   string
		report Event
		taken  bool // another event took old's merge key since
	}{
		{"another report only", report(func(*Event) {}), false},
		{"a narrower date, an actor and a merge key more",
			report(func(e *Event) {
				e.Date = span("2022-03-02", "2022-03-02", Day)
				e.Participants = append(e.Participants, Participation{ActorID: "actor-c", Role: "target"})
				e.MergeKeys = append(e.MergeKeys, "talks|a|c")
			}), false},
		{"the same article again", report(func(e *Event) { e.Evidence[0].ArticleID = "art-1" }), false},
		{"its merge key taken by another event", report(func(*Event) {}), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := MergeEvents(old, tc.report)
			var dumps []map[string]string
			for k := range 2 {
				s := memStore(t)
				if err := s.db.Update(func(txn *badger.Txn) error {
					if err := writeEvent(plain(txn), old); err != nil {
						return err
					}
					if tc.taken {
						return txn.Set([]byte(pEventMerge+"talks|a|b"), []byte("ev-two"))
					}
					return nil
				}); err != nil {
					t.Fatal(err)
				}
				if err := s.db.Update(func(txn *badger.Txn) error {
					if k == 0 {
						return rewriteEvent(plain(txn), old, m)
					}
					for _, key := range append(eventIndexKeys(old), eventDocKey(old)) {
						if err := txn.Delete([]byte(key)); err != nil {
							return err
						}
					}
					return writeEvent(plain(txn), m)
				}); err != nil {
					t.Fatal(err)
				}
				dumps = append(dumps, dumpStore(t, s))
			}
			if !reflect.DeepEqual(dumps[0], dumps[1]) {
				for k, v := range dumps[1] {
					if w, ok := dumps[0][k]; !ok || w != v {
						t.Errorf("key %q: %q after the rewrite, %q written whole", k, w, v)
					}
				}
				for k, v := range dumps[0] {
					if _, ok := dumps[1][k]; !ok {
						t.Errorf("key %q = %q after the rewrite, absent written whole", k, v)
					}
				}
			}
			if len(dumps[0]) < 8 {
				t.Errorf("only %d keys stored: %s", len(dumps[0]), fmt.Sprint(dumps[0]))
			}
		})
	}
}
