package loader

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"eventgraph/graph"
	"eventgraph/loader/read"
	"eventgraph/loader/synth"
)

// TestCancelledLoadOneLine: a load cancelled before its articles are
// extracted stores none and reports one summary error, not one per article.
func TestCancelledLoadOneLine(t *testing.T) {
	st := openStore(t)
	var jsonl strings.Builder
	for _, d := range synth.Generate(20, 3) {
		jsonl.WriteString(`{"title":` + quote(d.Title) + `,"text":` + quote(d.Text) + `,"published":"` + d.Published + `"}` + "\n")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	sum := New(st, Options{Logger: quietLogger()}).LoadReader(ctx, "feed.jsonl", strings.NewReader(jsonl.String()))
	if sum.Articles != 0 {
		t.Errorf("%d articles stored after cancellation", sum.Articles)
	}
	// (a JSON Lines stream is read record by record, so a load stopped
	// before it starts reads none of it)
	if len(sum.Errors) != 1 || !errors.Is(sum.Errors[0], context.Canceled) || !strings.Contains(sum.Errors[0].Error(), "load stopped") {
		t.Errorf("errors %v, want one summary line", sum.Errors)
	}
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// stopAtWrite is a store whose load is stopped as an article's write
// begins.
type stopAtWrite struct {
	*graph.Store
	stop context.CancelFunc
}

func (s stopAtWrite) PutFactsContext(ctx context.Context, f *graph.Facts) (graph.PutResult, error) {
	s.stop()
	return s.Store.PutFactsContext(ctx, f)
}

// TestLongArticle: an article of event-dense prose whose facts do not fit
// in one transaction is stored (no "Txn is too big"), and its write stops
// with the load, undone; one over read.MaxArticleSize is refused before
// extraction with the file and the limit named.
func TestLongArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts most of a megabyte")
	}
	d := synth.GenerateWith(1, 11, synth.Options{Paragraphs: 4000})[0]
	text := d.Text
	for len(text) > read.MaxArticleSize-2048 {
		text = text[:strings.LastIndex(text[:len(text)-1], "\n\n")]
	}
	body := "title: " + d.Title + "\npublished: " + d.Published + "\n---\n" + strings.TrimPrefix(text, d.Title+"\n\n")
	// on disk: in memory, Badger holds no value over 1 MiB (the text)
	st, err := graph.Open(graph.DefaultOptions(t.TempDir()).WithLogger(quietLogger()))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// a load stopped as the article's write begins stops the write
	// between two of its transactions and undoes it
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	sum := New(stopAtWrite{st, stop}, Options{Logger: quietLogger()}).LoadReader(ctx, "long.txt", strings.NewReader(body))
	var stats graph.Stats
	if err := st.View(func(r graph.Snapshot) (err error) { stats, err = r.Stats(); return err }); err != nil {
		t.Fatal(err)
	}
	if sum.Articles != 0 || stats.Articles != 0 || stats.Events != 0 || len(sum.Errors) != 1 || !errors.Is(sum.Errors[0], context.Canceled) {
		t.Errorf("stopped at the write: %+v %v; the store holds %+v", sum, sum.Errors, stats)
	}
	if err := st.Check(); err != nil {
		t.Error(err)
	}
	l := New(st, Options{Logger: quietLogger()})
	sum = l.LoadReader(context.Background(), "long.txt", strings.NewReader(body))
	if len(sum.Errors) > 0 || sum.Articles != 1 {
		t.Fatalf("%d KiB article: %+v %v", len(text)>>10, sum, sum.Errors)
	}
	// one transaction holds the facts of about 3,500 events
	if sum.Events < 5000 {
		t.Errorf("%d KiB article: %d events, want more than one transaction holds", len(text)>>10, sum.Events)
	}
	t.Logf("%d KiB article: %d events", len(text)>>10, sum.Events)
	over := body + "\n\n" + strings.Repeat("Officials met again on Monday to discuss the border. ", 2*read.MaxArticleSize/50)
	sum = l.LoadReader(context.Background(), "longer.txt", strings.NewReader(over))
	if sum.Articles != 0 || len(sum.Errors) != 1 || !errors.Is(sum.Errors[0], read.ErrArticleTooLarge) ||
		!strings.Contains(sum.Errors[0].Error(), "longer.txt") || !strings.Contains(sum.Errors[0].Error(), fmt.Sprintf("%d KiB limit", read.MaxArticleSize>>10)) {
		t.Errorf("over the limit: %+v", sum)
	}
}
