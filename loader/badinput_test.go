package loader

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eventgraph/graph"
)

// TestBadInputsEndToEnd loads a folder holding one of each kind of bad
// input and two good articles: each bad file gets one error naming it, the
// good articles are stored and queryable, and nothing else is stored.
func TestBadInputsEndToEnd(t *testing.T) {
	dir := t.TempDir()
	good1 := "title: Ministers Meet in Baghdad\npublished: 2024-05-12\n---\n" +
		"Iraqi Interior Minister Abdul Amir al-Shammari met Syrian officials in Baghdad on Sunday to discuss border security.\n"
	good2 := "title: Border Crossing Reopens\npublished: 2024-06-02\n---\n" +
		"Iraq and Syria reopened the Al-Qaim border crossing on Saturday, officials said.\n"
	bin := make([]byte, 4096)
	for i := range bin {
		bin[i] = byte(i * 7 % 256)
	}
	files := map[string]string{
		"good1.txt":               good1,
		"good2.txt":               good2,
		"sub/good3.txt":           good2,                          // refused: its manifest does not parse
		"sub/manifest.json":       `{"good2.txt": {"published": `, // does not parse
		"binary.bin":              string(bin),
		"empty.txt":               "",
		"latin1.txt":              "title: Caf\xe9\n---\nA caf\xe9 opened in Beirut on Monday.\n",
		"page.html":               "<!DOCTYPE html>\n<html><head><title>News</title></head><body><p>Iraq and Syria met on Monday.</p></body></html>\n",
		"records.jsonl":           `{"title": 12, "text": ["not", "a", "string"], "published": true}` + "\n",
		"impossible-date.txt":     "title: Talks on the Thirtieth\npublished: 2024-02-30\n---\nIraq and Syria held talks on Monday.\n",
		"big/huge.txt":            "", // grown to 100 MB below
		"impossible-date-iso.txt": "title: Talks in Month Thirteen\ndate: 2024-13-01\n---\nIraq and Syria held talks on Monday.\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Truncate(filepath.Join(dir, "big/huge.txt"), 100<<20); err != nil {
		t.Fatal(err)
	}
	bad := []string{"sub/manifest.json", "sub/good3.txt", "binary.bin", "empty.txt", "latin1.txt", "page.html", "records.jsonl",
		"impossible-date.txt", "big/huge.txt", "impossible-date-iso.txt"}

	st := openStore(t)
	sum := New(st, Options{Logger: quietLogger()}).LoadPaths(context.Background(), []string{dir})

	for _, name := range bad {
		n := 0
		for _, err := range sum.Errors {
			if strings.Contains(err.Error(), filepath.Join(dir, name)) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: %d errors name it, want 1", name, n)
		}
	}
	if len(sum.Errors) != len(bad) {
		t.Errorf("%d errors for %d bad files:", len(sum.Errors), len(bad))
		for _, err := range sum.Errors {
			t.Logf("  %v", err)
		}
	}
	if sum.Articles != 2 {
		t.Errorf("stored %d articles, want the 2 good ones", sum.Articles)
	}
	err := st.View(func(r graph.Snapshot) error {
		p, err := r.Articles(-1, "")
		if err != nil {
			return err
		}
		titles := map[string]string{}
		for _, e := range p.Edges {
			titles[e.Article.ID] = e.Article.Title
		}
		if p.Total != 2 || titles == nil {
			t.Errorf("articles stored: %v", titles)
		}
		for _, want := range []string{"Ministers Meet in Baghdad", "Border Crossing Reopens"} {
			found := false
			for _, title := range titles {
				found = found || title == want
			}
			if !found {
				t.Errorf("good article %q not stored", want)
			}
		}
		events, err := r.Events(graph.EventFilter{}, -1, "")
		if err != nil {
			return err
		}
		if events.Total == 0 {
			t.Error("no events from the good articles")
		}
		for _, e := range events.Edges {
			for _, ev := range e.Event.Evidence {
				if _, ok := titles[ev.ArticleID]; !ok {
					t.Errorf("event %q has evidence from article %s, not a good one", e.Event.Title, ev.ArticleID)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Check(); err != nil {
		t.Error(err)
	}
}
