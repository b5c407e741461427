package extract

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"eventgraph/graph"
	"eventgraph/loader/read"
)

// hangAfter is how long one extraction may run before FuzzArticle calls it
// a hang: generous, it only catches runaway inputs, not slowness.
const hangAfter = 10 * time.Second

// FuzzArticle feeds the extractor arbitrary text: it must not panic, and
// every piece of evidence must lie inside the text and quote it exactly.
// Seeds: the articles in testdata/own and a few odd strings; found
// crashers land in testdata/fuzz/FuzzArticle.
func FuzzArticle(f *testing.F) {
	files, _ := filepath.Glob("testdata/own/*.txt")
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(string(b))
		}
	}
	for _, s := range []string{
		"", ".", "Iraq.", "On Sunday Iraq and Syria signed a memorandum of understanding in Baghdad.",
		"Lt Gen Abdul Amir al-Shammari met U.S. officials two weeks after the inauguration.",
		"\xff\xfe Iraq \xc2", "A\u00a0B. C\u2019s talks (SDF) \u201cended\u201d in late 2017.",
		"The Syrian Democratic Forces (SDF) said on Monday that the SDF had arrested 12 people.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var facts *graph.Facts
		done := make(chan struct{})
		go func() {
			defer close(done)
			facts = Article(read.Document{Text: s, Published: "2024-05-12"})
		}()
		select {
		case <-done:
		case <-time.After(hangAfter):
			t.Fatalf("extraction of a %d-byte text still running after %v (hang): %q", len(s), hangAfter, s)
		}
		if facts == nil {
			return
		}
		check := func(what string, evs []graph.Evidence) {
			for _, ev := range evs {
				if ev.Start < 0 || ev.End < ev.Start || ev.End > len(s) {
					t.Fatalf("%s: evidence [%d,%d) outside a %d-byte text", what, ev.Start, ev.End, len(s))
				}
				if ev.Sentence != s[ev.Start:ev.End] {
					t.Fatalf("%s: evidence sentence %q is not text[%d:%d] = %q", what, ev.Sentence, ev.Start, ev.End, s[ev.Start:ev.End])
				}
			}
		}
		for _, e := range facts.Events {
			check("event "+e.Title, e.Evidence)
		}
		for _, g := range facts.Agreements {
			check("agreement "+g.Name, g.Evidence)
		}
		for _, a := range facts.Actors {
			for _, r := range a.Roles {
				if r.Evid != nil {
					check("role of "+a.Name, []graph.Evidence{*r.Evid})
				}
			}
		}
	})
}
