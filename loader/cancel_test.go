package loader

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

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
	if len(sum.Errors) != 1 || !errors.Is(sum.Errors[0], context.Canceled) || !strings.Contains(sum.Errors[0].Error(), "20 of 20 articles not loaded") {
		t.Errorf("errors %v, want one summary line", sum.Errors)
	}
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
