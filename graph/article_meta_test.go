package graph

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
)

// The metadata codec gives back every field but the text, and refuses
// what it did not write.
func TestArticleMetaCodec(t *testing.T) {
	for _, a := range []Article{
		{},
		{ID: "x", Title: "Talks resume in Geneva", Text: "dropped"},
		{ID: "7f0c", Title: "Ministerin trifft Gesandte — «Gespräche»", Source: "Example Daily", URL: "https://news.example/a?b=1&c=2",
			Published: "2025-03-04", File: "/data/in/a.txt", Loaded: "2025-03-05T10:00:00Z", Text: strings.Repeat("long text ", 1000)},
	} {
		b := encodeArticleMeta(nil, &a)
		var got Article
		if err := decodeArticleMeta(b, &got); err != nil {
			t.Fatalf("%q: %v", a.ID, err)
		}
		want := a
		want.Text = ""
		if got != want {
			t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
		}
	}
	good := encodeArticleMeta(nil, &Article{ID: "x", Title: "t"})
	for name, b := range map[string][]byte{
		"empty":         nil,
		"other version": append([]byte{0x09}, good[1:]...),
		"JSON":          []byte(`{"id":"x"}`),
		"truncated":     good[:len(good)-1],
		"trailing byte": append(append([]byte{}, good...), 0),
	} {
		var a Article
		if err := decodeArticleMeta(b, &a); !errors.Is(err, errArticleMeta) {
			t.Errorf("%s: %v, want errArticleMeta", name, err)
		}
	}
}

// metaFixture is fixture with an article that has every field set.
func metaFixture(title, source string) *Facts {
	f := fixture(title, "2024-05-12")
	f.Article.Source, f.Article.URL = source, "https://"+source+".example/"+title
	f.Article.File, f.Article.Loaded = title+".txt", "2024-05-13T08:00:00Z"
	return f
}

// readMeta returns what the read paths give of the articles: ArticleMeta
// of each, the Articles page and the ForEachArticleMeta walk.
func readMeta(t *testing.T, s *Store, ids ...string) (byID []Article, page ArticlePage, walk []Article) {
	t.Helper()
	err := s.view(func(r *Reader) error {
		for _, id := range ids {
			a, err := r.ArticleMeta(id)
			if err != nil {
				return err
			}
			byID = append(byID, a)
		}
		var err error
		if page, err = r.Articles(-1, ""); err != nil {
			return err
		}
		return r.ForEachArticleMeta(func(a Article) error { walk = append(walk, a); return nil })
	})
	if err != nil {
		t.Fatal(err)
	}
	return byID, page, walk
}

// A database of format 5 (no article metadata) is refused read-only and
// gets the metadata when opened for writing; until then ArticleMeta reads
// the whole article. The text stays readable.
func TestUpgradeArticleMeta(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(DefaultOptions(dir).WithLogger(quiet()))
	if err != nil {
		t.Fatal(err)
	}
	a, b := metaFixture("A", "wire"), metaFixture("B", "paper")
	for _, f := range []*Facts{a, b} {
		if _, err := s.PutFacts(f); err != nil {
			t.Fatal(err)
		}
	}
	ids := []string{a.Article.ID, b.Article.ID}
	wantByID, wantPage, wantWalk := readMeta(t, s, ids...)
	for i, f := range []*Facts{a, b} {
		want := f.Article
		want.Text = ""
		if wantByID[i] != want {
			t.Errorf("ArticleMeta %s:\n got %+v\nwant %+v", want.ID, wantByID[i], want)
		}
	}
	if len(wantPage.Edges) != 2 || len(wantWalk) != 2 {
		t.Fatalf("page %d, walk %d articles, want 2", len(wantPage.Edges), len(wantWalk))
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}

	// what format 5 wrote: no metadata keys
	err = s.db.Update(func(txn *badger.Txn) error {
		for _, id := range ids {
			if err := txn.Delete([]byte(pArticleMeta + id)); err != nil {
				return err
			}
		}
		return txn.Set([]byte(kFormat), []byte("5"))
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err == nil || !strings.Contains(err.Error(), "no metadata") {
		t.Errorf("Check without metadata: %v", err)
	}
	if byID, _, _ := readMeta(t, s, ids...); !reflect.DeepEqual(byID, wantByID) {
		t.Errorf("ArticleMeta without the key:\n got %+v\nwant %+v", byID, wantByID)
	}
	s.Close()

	if _, err := Open(DefaultOptions(dir).WithReadOnly(true).WithLogger(quiet())); !errors.Is(err, ErrOldFormat) {
		t.Fatalf("read-only open of format 5: %v, want ErrOldFormat", err)
	}
	s, err = Open(DefaultOptions(dir).WithLogger(quiet()))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Check(); err != nil {
		t.Error(err)
	}
	byID, page, walk := readMeta(t, s, ids...)
	if !reflect.DeepEqual(byID, wantByID) || !reflect.DeepEqual(page, wantPage) || !reflect.DeepEqual(walk, wantWalk) {
		t.Errorf("upgraded:\n got %+v %+v %+v\nwant %+v %+v %+v", byID, page, walk, wantByID, wantPage, wantWalk)
	}
	_ = s.view(func(r *Reader) error {
		if txt, err := r.ArticleText(a.Article.ID); err != nil || txt != a.Article.Text {
			t.Errorf("ArticleText: %q %v, want %q", txt, err, a.Article.Text)
		}
		return nil
	})
}

// Check finds stale and orphaned metadata.
func TestCheckArticleMeta(t *testing.T) {
	s := memStore(t)
	f := metaFixture("A", "wire")
	if _, err := s.PutFacts(f); err != nil {
		t.Fatal(err)
	}
	err := s.db.Update(func(txn *badger.Txn) error {
		stale := f.Article
		stale.Title = "another title"
		if err := txn.Set([]byte(pArticleMeta+stale.ID), encodeArticleMeta(nil, &stale)); err != nil {
			return err
		}
		return txn.Set([]byte(pArticleMeta+"gone"), encodeArticleMeta(nil, &Article{ID: "gone"}))
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Check()
	for _, want := range []string{"article " + f.Article.ID + ": stale metadata", "article metadata gone: no article"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Check did not report %q: %v", want, err)
		}
	}
}
