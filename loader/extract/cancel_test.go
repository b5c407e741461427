package extract

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"
)

// countdownCtx is a context that reports itself cancelled once Err has
// been asked n times: a cancellation arriving in the middle of extraction.
type countdownCtx struct {
	context.Context
	n atomic.Int64
}

func (c *countdownCtx) Err() error {
	if c.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

func (c *countdownCtx) Done() <-chan struct{}       { return nil }
func (c *countdownCtx) Deadline() (time.Time, bool) { return time.Time{}, false }

// TestArticleContextStops: extraction notices a cancellation between
// sentences, not only before it starts.
func TestArticleContextStops(t *testing.T) {
	d := sizedDoc(50_000, false)
	for _, n := range []int64{0, 1, 2, 10} {
		ctx := &countdownCtx{Context: context.Background()}
		ctx.n.Store(n)
		f, err := ArticleContext(ctx, d)
		if !errors.Is(err, context.Canceled) || f != nil {
			t.Errorf("cancelled after %d checks: facts %v, err %v; want no facts and context.Canceled", n, f != nil, err)
		}
	}
	f, err := ArticleContext(context.Background(), d)
	if err != nil || f == nil || len(f.Events) == 0 {
		t.Fatalf("uncancelled: %v, %v", f, err)
	}
}
