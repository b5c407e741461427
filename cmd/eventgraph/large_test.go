package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eventgraph/loader/extract"
	"eventgraph/loader/read"
	"eventgraph/loader/synth"
)

// record is one JSON Lines record.
func record(t *testing.T, title, text string) string {
	t.Helper()
	rec, err := json.Marshal(map[string]string{"title": title, "published": "2023-05-06", "text": text})
	if err != nil {
		t.Fatal(err)
	}
	return string(rec) + "\n"
}

// readLen is the length of an article's text as the loader reads it
// (title, blank line, the body cleaned of repeated lines).
func readLen(t *testing.T, title, body string) int {
	t.Helper()
	docs, errs := read.Read("x.jsonl", strings.NewReader(record(t, title, body)))
	if len(docs) != 1 {
		if len(errs) == 1 && errors.Is(errs[0], read.ErrArticleTooLarge) {
			return read.MaxArticleSize + 1
		}
		t.Fatalf("test article not read: %v", errs)
	}
	return len(docs[0].Text)
}

// The kinds of event-dense prose nearLimit writes.
const (
	oneReport      = iota // one long synthetic report's paragraphs
	manyReports           // those of many short reports (more actors, places and dates)
	eventSentences        // only the sentences that alone give an event, one a paragraph
)

// nearLimit returns an event-dense body of the given kind whose article
// (titled title) the loader reads as at most limit bytes and no less than
// limit-64; unique sentences fill the last bytes.
func nearLimit(t *testing.T, kind int, title string, limit int) string {
	var paras []string
	switch kind {
	case oneReport:
		d := synth.GenerateWith(1, 21, synth.Options{Paragraphs: 3000})[0]
		paras = strings.Split(strings.TrimPrefix(d.Text, d.Title+"\n\n"), "\n\n")
	case manyReports:
		for _, d := range synth.Generate(3000, 23) {
			paras = append(paras, strings.Split(strings.TrimPrefix(d.Text, d.Title+"\n\n"), "\n\n")...)
		}
	case eventSentences:
		size := 0
		for _, d := range synth.Generate(12000, 29) {
			for _, p := range strings.Split(strings.TrimPrefix(d.Text, d.Title+"\n\n"), "\n\n") {
				s, _, _ := strings.Cut(p, ". ")
				s = strings.TrimSuffix(s, ".") + "."
				f, err := extract.ArticleContext(context.Background(), read.Document{Title: "Notes", Text: "Notes\n\n" + s, Published: "2023-05-06"})
				if err != nil || len(f.Events) == 0 {
					continue
				}
				paras = append(paras, s)
				if size += len(s) + 2; size > limit {
					break
				}
			}
			if size > limit {
				break
			}
		}
	}
	var b strings.Builder
	for _, p := range paras {
		if b.Len()+2+len(p) > limit-len(title)-2 {
			break
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
	}
	for i := 1; ; i++ {
		left := limit - readLen(t, title, b.String())
		if left < 0 {
			t.Fatalf("test article over %d bytes", limit)
		}
		if left < 64 {
			return b.String()
		}
		filler := fmt.Sprintf("The talks went on for %d hours.", i)
		if n := (left - len(filler) - 64) / 11; n > 0 {
			filler += " " + strings.Repeat("On and on. ", n)
		}
		b.WriteString("\n\n" + strings.TrimSpace(filler))
	}
}

// largeArticle is the size of the event-dense articles
// TestLoadLargeArticles loads: twice what one transaction held (an
// article of over 3,500 events did not fit in one; graph/staged.go).
const largeArticle = 1 << 20

// An event-dense article whose facts do not fit in one transaction loads
// through `eventgraph load` with the load's own store settings into a
// database on disk, whole; one over the documented size limit
// (read.MaxArticleSize) is refused before extraction with a message
// naming the limit, and the others of the file still load. Another
// article of the same events, all merged into the stored ones, loads too.
func TestLoadLargeArticles(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts and stores articles of a megabyte")
	}
	const title = "A Long Report From the Coast"
	for _, tc := range []struct {
		name string
		kind int
	}{
		{"one long report", oneReport},
		{"many reports in one", manyReports},
		{"event sentences only", eventSentences},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := nearLimit(t, tc.kind, title, largeArticle)
			over := strings.Repeat("The tide came in over the old quay again. ", read.MaxArticleSize/40)
			if readLen(t, "An Even Longer Report", over) <= read.MaxArticleSize {
				t.Fatal("test article not over the limit")
			}
			feed := record(t, title, body) + record(t, "An Even Longer Report", over)
			dir := t.TempDir()
			path := filepath.Join(dir, "feed.jsonl")
			if err := os.WriteFile(path, []byte(feed), 0o644); err != nil {
				t.Fatal(err)
			}
			db := filepath.Join(t.TempDir(), "db")
			r := eventgraph(t, "", "load", "--db", db, path)
			r.check(t, 1, []string{"loaded 1 articles", "; 1 errors"},
				[]string{path + ":2:", "article too long", fmt.Sprintf("over the %d KiB limit for one article", read.MaxArticleSize>>10)})
			if strings.Contains(r.stdout+r.stderr, "too big") || strings.Contains(r.stdout+r.stderr, "too many facts") {
				t.Errorf("the article under the limit was not stored whole:\n%.600s", r.stderr)
			}
			q := eventgraph(t, "", "query", "--db", db, `{ stats { articles events } }`)
			var stats struct {
				Data struct {
					Stats struct{ Articles, Events int }
				}
			}
			if err := json.Unmarshal([]byte(q.stdout), &stats); err != nil || q.code != 0 {
				t.Fatalf("query: exit %d, %v\n%s%s", q.code, err, q.stdout, q.stderr)
			}
			t.Logf("%d-byte article: %s", readLen(t, title, body), strings.TrimSpace(r.stdout))
			if stats.Data.Stats.Articles != 1 || stats.Data.Stats.Events < 3600 {
				t.Errorf("stored %+v, want the article with its events (more than one transaction holds)", stats.Data.Stats)
			}
			// another article telling the same events: each is merged into
			// a stored one, which is rewritten in the same transaction
			again := filepath.Join(dir, "again.jsonl")
			if err := os.WriteFile(again, []byte(record(t, "The Same Report Told Again", body)), 0o644); err != nil {
				t.Fatal(err)
			}
			r = eventgraph(t, "", "load", "--db", db, again)
			r.check(t, 0, []string{"loaded 1 articles"}, nil)
			if strings.Contains(r.stdout, " (0 merged into existing)") {
				t.Errorf("no event merged: %s", r.stdout)
			}
			t.Logf("the same again: %s", strings.TrimSpace(r.stdout))
		})
	}
}
