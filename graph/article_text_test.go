package graph

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
)

// largeFacts makes an article of about size bytes of text (paragraphs of
// invented prose with accented letters and characters JSON escapes) with
// one event per 100 KB, each with its sentence's offsets in the text.
func largeFacts(title string, size int) *Facts {
	var text strings.Builder
	text.WriteString(title + "\n\n")
	type at struct{ start, end int }
	var sentences []at
	for i := 0; text.Len() < size; i++ {
		if i%200 == 0 {
			s := fmt.Sprintf("On day %d the harbour council of Veltrano <élue> met the ferry guild & signed a schedule.", i)
			sentences = append(sentences, at{text.Len(), text.Len() + len(s)})
			text.WriteString(s + " ")
		}
		fmt.Fprintf(&text, "Paragraph %d: the tides at Oskarvik rose \"again\" past the pier, ç’est la vie, wrote the keeper.\n\n", i)
	}
	f := fixture(title)
	f.Article.Text = text.String()
	f.Article.ID = ArticleID(f.Article)
	for i, s := range sentences {
		d := fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28)
		e := Event{ID: NewID("event", f.Article.ID, fmt.Sprint(i)), Type: "sign formal agreement", CAMEO: "057",
			Title: fmt.Sprintf("%s %d", title, i), Date: span(d, d, Day),
			Participants: []Participation{{ActorID: f.Actors[0].ID, Role: "source"}},
			Evidence:     []Evidence{{ArticleID: f.Article.ID, Sentence: f.Article.Text[s.start:s.end], Start: s.start, End: s.end}}}
		f.Events = append(f.Events, e)
	}
	return f
}

// keysUnder counts a dump's keys under prefix.
func keysUnder(d map[string]string, prefix string) int {
	n := 0
	for k := range d {
		if strings.HasPrefix(k, prefix) {
			n++
		}
	}
	return n
}

// readBack is what the readers give of an article: the article by each
// reader, and its events.
func readBack(t *testing.T, s *Store, id string) (Article, []Event) {
	t.Helper()
	a, err := s.Article(id)
	if err != nil {
		t.Fatalf("Store.Article: %v", err)
	}
	var events []Event
	err = s.view(func(r *Reader) error {
		ra, err := r.Article(id)
		if err != nil {
			return err
		}
		text, err := r.ArticleText(id)
		if err != nil {
			return err
		}
		if ra != a || text != a.Text {
			t.Errorf("Reader.Article or ArticleText differ from Store.Article")
		}
		n := 0
		if err := r.ForEachArticle(func(fa Article) error {
			if fa.ID == id && fa != a {
				t.Errorf("ForEachArticle gives another article")
			}
			n++
			return nil
		}); err != nil {
			return err
		}
		return r.ForEachEventOfArticle(id, func(e Event) error { events = append(events, e); return nil })
	})
	if err != nil {
		t.Fatal(err)
	}
	return a, events
}

// An in-memory store (whose values Badger limits to 1 MiB) stores an
// article of several MiB: its text in parts, read back as one by every
// reader, the same article and events as a store on disk gives, and
// loading it again finds it stored. A normal article stays one value.
func TestLargeArticleInMemory(t *testing.T) {
	for _, size := range []int{2 << 20, 4 << 20} {
		t.Run(fmt.Sprintf("%d MiB", size>>20), func(t *testing.T) {
			f := largeFacts(fmt.Sprintf("The Long Harbour Ledger %d", size), size)
			small := fixture("A short note on the ferries", "2024-03-01")
			disk, err := Open(DefaultOptions(t.TempDir()))
			if err != nil {
				t.Fatal(err)
			}
			defer disk.Close()
			mem := memStore(t)
			for _, s := range []*Store{disk, mem} {
				for _, g := range []*Facts{small, f} {
					res, err := s.PutFacts(g)
					if err != nil {
						t.Fatalf("PutFacts of %d bytes: %v", len(g.Article.Text), err)
					}
					if res.Events != len(g.Events) {
						t.Errorf("%d events stored, want %d", res.Events, len(g.Events))
					}
				}
				if err := s.Check(); err != nil {
					t.Error(err)
				}
			}
			wantA, wantE := readBack(t, disk, f.Article.ID)
			gotA, gotE := readBack(t, mem, f.Article.ID)
			if gotA.Text != f.Article.Text || wantA.Text != f.Article.Text {
				t.Fatalf("text read back: %d bytes in memory, %d on disk, want %d", len(gotA.Text), len(wantA.Text), len(f.Article.Text))
			}
			if gotA != wantA || len(gotE) != len(f.Events) || !reflect.DeepEqual(gotE, wantE) {
				t.Errorf("in memory: %d events, on disk %d, want %d (or the articles differ)", len(gotE), len(wantE), len(f.Events))
			}
			for _, e := range gotE {
				ev := e.Evidence[0]
				if gotA.Text[ev.Start:ev.End] != ev.Sentence {
					t.Errorf("event %s: its evidence is not at its offsets", e.ID)
				}
			}
			d := graphDump(t, mem)
			if n := keysUnder(d, pArticlePart); n < size>>20 {
				t.Errorf("%d text parts in memory, want the text in parts of at most 1 MiB", n)
			}
			if keysUnder(graphDump(t, disk), pArticlePart) != 0 {
				t.Error("the store on disk stores a text in parts")
			}
			// the normal article is stored as before: one value, its JSON
			b, _ := marshal(small.Article)
			if d[pArticle+small.Article.ID] != string(b) {
				t.Errorf("the short article's node is %.100q, want its JSON", d[pArticle+small.Article.ID])
			}
			if res, err := mem.PutFacts(largeFacts(f.Article.Title, size)); err != nil || !res.Existed {
				t.Errorf("loading it again: %+v, %v; want it found stored", res, err)
			}
		})
	}
}

// The parts are written with the article: a staged write (a small
// memtable, whose values are limited to 32 KiB in memory) that fails
// midway leaves none of them, and one that ends stores them all; Check
// finds a missing or stray part.
func TestLargeArticlePartsStaged(t *testing.T) {
	s, err := openSmall(t, "", false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.textMax != 32<<10-1 {
		t.Fatalf("text parts of %d bytes, want 32 KiB", s.textMax)
	}
	load(t, s, mergeCorpus(60, 5), false)
	before := graphDump(t, s)
	f := largeFacts("The Ledger of the Northern Piers", 600<<10)
	boom := errors.New("the machine went away")
	s.stageHook = func(step string, n int) error {
		if step == "txn" && n == 3 {
			return boom
		}
		return nil
	}
	if _, err := s.PutFacts(f); !errors.Is(err, boom) {
		t.Fatalf("PutFacts: %v, want the failure (the write staged)", err)
	}
	sameDumps(t, graphDump(t, s), before)
	s.stageHook = nil
	if _, err := s.PutFacts(f); err != nil {
		t.Fatal(err)
	}
	if s.staged != 1 {
		t.Errorf("%d articles staged, want 1", s.staged)
	}
	a, events := readBack(t, s, f.Article.ID)
	if a.Text != f.Article.Text || len(events) != len(f.Events) {
		t.Fatalf("read back %d bytes and %d events, want %d and %d", len(a.Text), len(events), len(f.Article.Text), len(f.Events))
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Delete(articlePartKey(f.Article.ID, 3)) }); err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err == nil || !strings.Contains(err.Error(), "part 4 of") {
		t.Errorf("Check with a part missing: %v", err)
	}
	if _, err := s.Article(f.Article.ID); !errors.Is(err, errArticlePart) {
		t.Errorf("reading it with a part missing: %v", err)
	}
	if err := s.db.Update(func(txn *badger.Txn) error {
		return txn.Set(articlePartKey("no-such-article", 0), []byte("x"))
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err == nil || !strings.Contains(err.Error(), "no-such-article") {
		t.Errorf("Check with a stray part: %v", err)
	}
}

// A value Badger does not hold in memory, other than an article's text
// (here an event's evidence sentence of 2 MiB), still fails with a short
// error saying so.
func TestPutFactsTooLargeValueErrorIsShort(t *testing.T) {
	s := memStore(t) // in memory, a value is limited to 1 MiB
	f := fixture("huge", "2024-05-12")
	f.Article.Text = strings.Repeat("x", 2<<20)
	f.Events[0].Evidence[0].Sentence = f.Article.Text
	f.Events[0].Evidence[0].End = len(f.Article.Text)
	_, err := s.PutFacts(f)
	if err == nil || len(err.Error()) > 300 || !errors.Is(err, ErrValueTooLarge) {
		t.Errorf("want a short error saying a value is too large, got %d bytes: %.300v", len(fmt.Sprint(err)), err)
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}
