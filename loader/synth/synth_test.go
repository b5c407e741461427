package synth

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"eventgraph/loader/read"
)

func TestGenerateDeterministicAndVaried(t *testing.T) {
	a, b := Generate(20, 7), Generate(20, 7)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed, different corpora")
	}
	if reflect.DeepEqual(a, Generate(20, 8)) {
		t.Fatal("different seeds, same corpus")
	}
	urls := map[string]bool{}
	for _, d := range a {
		if _, err := time.Parse("2006-01-02", d.Published); err != nil {
			t.Errorf("%s: published %q: %v", d.Title, d.Published, err)
		}
		if !strings.HasPrefix(d.Text, d.Title+"\n\n") {
			t.Errorf("%s: text does not start with the title", d.Title)
		}
		urls[d.URL] = true
	}
	if len(urls) != len(a) {
		t.Errorf("%d distinct URLs for %d articles", len(urls), len(a))
	}
	if w := Words(a) / len(a); w < 200 || w > 800 {
		t.Errorf("%d words an article, want a few hundred", w)
	}
}

func TestWriteFilesReadBack(t *testing.T) {
	docs := Generate(3, 1)
	dir := t.TempDir()
	if _, err := WriteFiles(dir, docs); err != nil {
		t.Fatal(err)
	}
	got, errs := read.ReadPath(dir)
	if len(errs) > 0 || len(got) != len(docs) {
		t.Fatalf("read back %d articles, errors %v", len(got), errs)
	}
	for i := range docs {
		if got[i].Title != docs[i].Title || got[i].Published != docs[i].Published || got[i].URL != docs[i].URL {
			t.Errorf("article %d: read %+v", i, got[i])
		}
		if Words([]read.Document{got[i]}) != Words(docs[i:i+1]) {
			t.Errorf("article %d: %d words read, %d written", i, Words([]read.Document{got[i]}), Words(docs[i:i+1]))
		}
	}
}
