package graph

import (
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"reflect"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
)

// downgrade turns a database into what the first version wrote: events as
// JSON, no copies, the wide index of format 1 (WED: only, enough for the
// upgrade to have something to delete), no format key.
func downgrade(t *testing.T, s *Store) {
	t.Helper()
	err := s.db.Update(func(txn *badger.Txn) error {
		opt := badger.DefaultIteratorOptions
		it := txn.NewIterator(opt)
		var del [][]byte
		put := map[string][]byte{}
		for it.Rewind(); it.Valid(); it.Next() {
			k := it.Item().KeyCopy(nil)
			switch {
			case string(k) == kFormat || strings.HasPrefix(string(k), pEventDoc) || strings.HasPrefix(string(k), pWide):
				del = append(del, k)
			case len(k) > 2 && string(k[:2]) == pEvent:
				var e Event
				if err := it.Item().Value(func(v []byte) error { return unmarshal(v, &e) }); err != nil {
					return err
				}
				js, _ := json.Marshal(e)
				put[string(k)] = js
				if wide(e.Date) { // the wide index of format 1
					put[pOldWide+"D:"+e.Date.Start+"|"+e.ID] = []byte(e.Date.End)
				}
			}
		}
		it.Close()
		for _, k := range del {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		for k, v := range put {
			if err := txn.Set([]byte(k), v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func allEvents(t *testing.T, s *Store, f EventFilter, first int) EventPage {
	t.Helper()
	var p EventPage
	if err := s.view(func(r *Reader) (err error) { p, err = r.Events(f, first, ""); return err }); err != nil {
		t.Fatal(err)
	}
	return p
}

// A database written by the first version is refused read-only with
// ErrOldFormat and upgraded when opened for writing: the same answers as
// before, and Check passes.
func TestUpgradeToCoveringFormat(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(DefaultOptions(dir).WithLogger(quiet()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutFacts(fixture("A", "2024-05-12", "2024-01-28", "")); err != nil {
		t.Fatal(err)
	}
	b := fixture("B", "2024-05-13", "2023-12-31")
	b.Events[1].Date = DateSpan{Value: "2023-12", Start: "2023-12-01", End: "2024-01-31", Precision: Month}
	if _, err := s.PutFacts(b); err != nil {
		t.Fatal(err)
	}
	filters := []EventFilter{{}, {From: "2024-01-01", To: "2024-05-12"}, {From: "2024-01-15", To: "2024-01-31", Desc: true}, {Desc: true}, {Text: "b 1"}}
	var want []EventPage
	for _, f := range filters {
		want = append(want, allEvents(t, s, f, -1))
	}
	downgrade(t, s)
	s.Close()

	if _, err := Open(DefaultOptions(dir).WithReadOnly(true).WithLogger(quiet())); !errors.Is(err, ErrOldFormat) {
		t.Fatalf("read-only open of the old format: %v, want ErrOldFormat", err)
	}

	rw, err := Open(DefaultOptions(dir).WithLogger(quiet()))
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	for i, f := range filters {
		if got := allEvents(t, rw, f, -1); !reflect.DeepEqual(got, want[i]) {
			t.Errorf("upgraded, %+v:\n got %+v\nwant %+v", f, got, want[i])
		}
		if got := allEvents(t, rw, f, 1); got.Total != want[i].Total || len(got.Edges) != min(1, len(want[i].Edges)) {
			t.Errorf("upgraded, page of 1, %+v: total %d edges %d", f, got.Total, len(got.Edges))
		}
	}
	if err := rw.Check(); err != nil {
		t.Error(err)
	}
}

// Check finds a missing, a stale and a foreign copy of an event.
func TestCheckFindsBadCopies(t *testing.T) {
	s := memStore(t)
	if _, err := s.PutFacts(fixture("A", "2024-05-12", "2024-01-28")); err != nil {
		t.Fatal(err)
	}
	var e0, e1 Event
	_ = s.view(func(r *Reader) error {
		p, _ := r.Events(EventFilter{}, -1, "")
		e0, e1 = p.Edges[0].Event, p.Edges[1].Event
		return nil
	})
	err := s.db.Update(func(txn *badger.Txn) error {
		b1, _ := marshal(e1)
		_ = txn.Delete([]byte(eventDocKey(e0)))                          // missing
		_ = txn.Set([]byte(pEventDoc+"2020-01-01|"+e1.ID), b1)           // stale
		return txn.Set([]byte(pEventDoc+"2020-01-02|"+e0.ID), []byte{1}) // does not decode
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Check()
	if err == nil {
		t.Fatal("Check passed")
	}
	for _, want := range []string{"copy " + eventDocKey(e0) + " missing", "2020-01-01|" + e1.ID + ": stale", "2020-01-02|" + e0.ID + ": does not decode"} {
		if !contains(err.Error(), want) {
			t.Errorf("Check did not report %q:\n%v", want, err)
		}
	}
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func contains(s, sub string) bool { return strings.Contains(s, sub) }
