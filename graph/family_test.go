package graph

import (
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
)

// TestIndexKeysHoldFamily checks the values of an event's index keys: its
// CAMEO root on the date, actor and place keys, the end day and the root
// on the wide keys, nothing on the article keys, and nothing for an
// uncoded event.
func TestIndexKeysHoldFamily(t *testing.T) {
	for _, tt := range []struct {
		name, cameo string
		date        DateSpan
		want        string // value of the date key
	}{
		{"coded day", "1711", day("2025-07-07"), "17"},
		{"coded month", "042", span("2025-02-01", "2025-02-28", Month), "04"},
		{"one-digit code", "5", day("2025-07-07"), "5"},
		{"uncoded", "", day("2025-07-07"), ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := memStore(t)
			f := mReport{cameo: tt.cameo, typ: "visit", title: "Lee Kinyanjui visits Nairobi", sentence: "Lee Kinyanjui visited Nairobi.",
				date: tt.date, actors: []Actor{mMinister}, place: &mNairobi}.facts("one")
			if _, err := s.PutFacts(f); err != nil {
				t.Fatal(err)
			}
			e := f.Events[0]
			err := s.db.View(func(txn *badger.Txn) error {
				for _, k := range eventIndexKeys(e) {
					it, err := txn.Get([]byte(k))
					if err != nil {
						t.Errorf("key %s: %v", k, err)
						continue
					}
					v, _ := it.ValueCopy(nil)
					want := tt.want
					switch {
					case strings.HasPrefix(k, pWide):
						want = e.Date.End + tt.want
					case strings.HasPrefix(k, pEventArticle):
						want = ""
					}
					if string(v) != want {
						t.Errorf("key %s holds %q, want %q", k, v, want)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestMergeWithoutFamilies checks that merging reads the same whether the
// stored event's index keys hold its family or not (keys written before
// they did): the merger skips a candidate of another family unread, and
// loads one whose key says nothing.
func TestMergeWithoutFamilies(t *testing.T) {
	raid := mReport{cameo: "190", typ: "use military force", title: "Kenyan Police raids warehouse in Mombasa",
		sentence: "Kenyan police raided a warehouse in Mombasa on Monday.",
		date:     day("2025-07-07"), actors: []Actor{mPolice}, place: &mMombasa}
	monthRaids := raid
	monthRaids.date = span("2025-07-01", "2025-07-31", Month)
	tests := []struct {
		name string
		a, b mReport
		want bool // one event node
	}{
		{"same family", raid, mReport{cameo: "190", typ: "use military force", title: "Kenyan Police raid port warehouse",
			sentence: "Police on Monday raided a warehouse in the port city of Mombasa.",
			date:     day("2025-07-07"), actors: []Actor{mPolice}, place: &mMombasa}, true},
		{"same family, the stored one a month wide", monthRaids, mReport{cameo: "190", typ: "use military force",
			title: "Kenyan Police raid port warehouse", sentence: "Police on Monday raided a warehouse in the port city of Mombasa.",
			date: day("2025-07-07"), actors: []Actor{mPolice}, place: &mMombasa}, true},
		{"another family", raid, mReport{cameo: "173", typ: "arrest", title: "Kenyan Police raid port warehouse",
			sentence: "Police on Monday raided a warehouse in the port city of Mombasa.",
			date:     day("2025-07-07"), actors: []Actor{mPolice}, place: &mMombasa}, false},
		{"the new one uncoded", raid, mReport{cameo: "", typ: "raid", title: "Kenyan Police raid port warehouse in Mombasa",
			sentence: "Police on Monday raided a warehouse in the port city of Mombasa.",
			date:     day("2025-07-07"), actors: []Actor{mPolice}, place: &mMombasa}, true},
	}
	for _, tt := range tests {
		for _, old := range []bool{false, true} {
			name := tt.name
			if old {
				name += ", keys without family"
			}
			t.Run(name, func(t *testing.T) {
				s := memStore(t)
				fa := tt.a.facts("outlet one")
				if _, err := s.PutFacts(fa); err != nil {
					t.Fatal(err)
				}
				if old {
					stripFamilies(t, s, fa.Events[0])
				}
				if _, err := s.PutFacts(tt.b.facts("outlet two")); err != nil {
					t.Fatal(err)
				}
				n := 0
				if err := s.View(func(r Snapshot) error {
					return r.ForEachEvent(func(Event) error { n++; return nil })
				}); err != nil {
					t.Fatal(err)
				}
				if got := n == 1; got != tt.want {
					t.Fatalf("one event: %v, want %v (%d events)", got, tt.want, n)
				}
				if err := s.Check(); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
}

// stripFamilies rewrites e's index keys as they were written before they
// held its family.
func stripFamilies(t *testing.T, s *Store, e Event) {
	t.Helper()
	err := s.db.Update(func(txn *badger.Txn) error {
		for _, k := range eventIndexKeys(e) {
			var v []byte
			if strings.HasPrefix(k, pWide) {
				v = []byte(e.Date.End)
			}
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
