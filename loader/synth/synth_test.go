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

func TestPersonNames(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Pavel Novak met Aiko Sato, then Pavel Novak left.", []string{"Pavel Novak", "Aiko Sato"}},
		{"The minister, Kofi Mensah, said so.", []string{"Kofi Mensah"}},
		{"They met Amir. Haddad was absent.", nil},       // across a sentence end
		{"Pavelo Novak and Pavel Novakova", nil},         // not whole names
		{"Chen Wei, Chen and Wei", []string{"Chen Wei"}}, // a given name alone is no person
		{"", nil},
	} {
		if got := PersonNames(c.text); !reflect.DeepEqual(got, c.want) {
			t.Errorf("PersonNames(%q) = %q, want %q", c.text, got, c.want)
		}
	}
	// every generated article names persons, and each is found in its text
	n := 0
	for _, d := range Generate(30, 3) {
		for _, p := range PersonNames(d.Text) {
			if !strings.Contains(d.Text, p) {
				t.Errorf("%s: %q not in the text", d.Title, p)
			}
			n++
		}
	}
	if n == 0 {
		t.Error("no person names in 30 generated articles")
	}
}
