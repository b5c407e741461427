package schema

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"

	"eventgraph/graph"
	"eventgraph/graph/filter"
)

// request is the state of one query: its snapshot, its caches and its node
// budget. Every access to the snapshot holds mu.
type request struct {
	s      *Schema
	cancel context.CancelCauseFunc

	mu    sync.Mutex
	r     graph.Snapshot
	nodes int
	bytes int64 // bytes of text fields resolved so far
	// articles are the articles resolved so far, without their text
	// (graph.Snapshot.ArticleMeta); texts are the texts asked for.
	articles   map[string]*graph.Article
	texts      map[string]string
	events     map[string]*graph.Event
	agreements map[string]*graph.Agreement
}

type requestKey struct{}

func newRequest(s *Schema, r graph.Snapshot, cancel context.CancelCauseFunc) *request {
	return &request{
		s: s, r: r, cancel: cancel,
		articles:   map[string]*graph.Article{},
		texts:      map[string]string{},
		events:     map[string]*graph.Event{},
		agreements: map[string]*graph.Agreement{},
	}
}

func withRequest(ctx context.Context, rq *request) context.Context {
	return context.WithValue(ctx, requestKey{}, rq)
}

func requestFrom(ctx context.Context) *request {
	rq, _ := ctx.Value(requestKey{}).(*request)
	if rq == nil {
		panic("schema: resolver called outside Schema.Exec")
	}
	return rq
}

// tooLargeError stops a request whose result grows past MaxNodes nodes or
// MaxBytes bytes of text.
type tooLargeError struct {
	max   int
	bytes int64  // the byte budget when it was the byte budget that ran out
	field string // the field whose nodes went past the budget
}

func (e *tooLargeError) Error() string {
	if e.bytes > 0 {
		return fmt.Sprintf("result too large: the query asks for more than %d bytes of text (article texts, titles, sentences, counted once per alias and per occurrence); "+
			"ask for article text one article at a time (article(id:)) or in smaller pages (first:, after:)", e.bytes)
	}
	return fmt.Sprintf("result too large: the query asks for more than %d nodes (events, actors, agreements, places, articles, evidence); "+
		"ask for fewer (a smaller first:, fewer nested lists) and page through the rest with after:", e.max)
}

// charge counts n nodes against the request's budget; past the budget it
// cancels the request and fails. It also fails once the request's context
// is done, so long lists stop early on a timeout.
func (rq *request) charge(ctx context.Context, n int, what string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	rq.mu.Lock()
	rq.nodes += n
	over := rq.nodes > rq.s.opts.MaxNodes
	rq.mu.Unlock()
	if over {
		e := &tooLargeError{max: rq.s.opts.MaxNodes, field: what}
		rq.cancel(e)
		return e
	}
	return nil
}

// chargeBytes counts n bytes of text against the request's byte budget;
// past the budget it cancels the request and fails, so one small query
// cannot make a response of hundreds of megabytes.
func (rq *request) chargeBytes(ctx context.Context, n int, what string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	rq.mu.Lock()
	rq.bytes += int64(n)
	over := rq.bytes > rq.s.opts.MaxBytes
	rq.mu.Unlock()
	if over {
		e := &tooLargeError{max: rq.s.opts.MaxNodes, bytes: rq.s.opts.MaxBytes, field: what}
		rq.cancel(e)
		return e
	}
	return nil
}

// text charges s against the byte budget and returns it.
func (rq *request) text(ctx context.Context, s, what string) (string, error) {
	if err := rq.chargeBytes(ctx, len(s), what); err != nil {
		return "", err
	}
	return s, nil
}

// inlineText is text for the resolvers of text fields, which take no
// context and return no error so that graphql-go runs them inline: with a
// context, every event of a page was a goroutine and each of its fields
// another. It charges s against the byte budget and returns it; past the
// budget chargeBytes has cancelled the request, Exec answers with the
// budget's error alone, and the "" returned here is never seen.
func (rq *request) inlineText(s, what string) string {
	if rq.chargeBytes(context.Background(), len(s), what) != nil {
		return ""
	}
	return s
}

// read runs fn with the request's snapshot, one resolver at a time.
func (rq *request) read(ctx context.Context, fn func(r graph.Snapshot) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	rq.mu.Lock()
	defer rq.mu.Unlock()
	return fn(rq.r)
}

func notFound(err error) bool { return errors.Is(err, graph.ErrNotFound) }

func (rq *request) actor(ctx context.Context, id string) (*graph.Actor, error) {
	var a graph.Actor
	err := rq.read(ctx, func(r graph.Snapshot) (err error) { a, err = r.Actor(id); return })
	if err != nil {
		return nil, err
	}
	return &a, nil
}

func (rq *request) place(ctx context.Context, id string) (*graph.Place, error) {
	var p graph.Place
	err := rq.read(ctx, func(r graph.Snapshot) (err error) { p, err = r.Place(id); return })
	if err != nil {
		return nil, err
	}
	return &p, nil
}

func (rq *request) article(ctx context.Context, id string) (*graph.Article, error) {
	var out *graph.Article
	err := rq.read(ctx, func(r graph.Snapshot) error {
		if a, ok := rq.articles[id]; ok {
			out = a
			return nil
		}
		a, err := r.ArticleMeta(id)
		if err != nil {
			return err
		}
		out = &a
		rq.articles[id] = out
		return nil
	})
	return out, err
}

// articleText returns the text of the article with the ID, read when a
// query first asks for it: the request's articles hold their metadata only.
func (rq *request) articleText(ctx context.Context, id string) (string, error) {
	var out string
	err := rq.read(ctx, func(r graph.Snapshot) error {
		if t, ok := rq.texts[id]; ok {
			out = t
			return nil
		}
		t, err := r.ArticleText(id)
		if err != nil {
			return err
		}
		out = t
		rq.texts[id] = t
		return nil
	})
	return out, err
}

func (rq *request) event(ctx context.Context, id string) (*graph.Event, error) {
	var out *graph.Event
	err := rq.read(ctx, func(r graph.Snapshot) error {
		if e, ok := rq.events[id]; ok {
			out = e
			return nil
		}
		e, err := r.Event(id)
		if err != nil {
			return err
		}
		out = &e
		rq.events[id] = out
		return nil
	})
	return out, err
}

func (rq *request) agreement(ctx context.Context, id string) (*graph.Agreement, error) {
	var out *graph.Agreement
	err := rq.read(ctx, func(r graph.Snapshot) error {
		if g, ok := rq.agreements[id]; ok {
			out = g
			return nil
		}
		g, err := r.Agreement(id)
		if err != nil {
			return err
		}
		out = &g
		rq.agreements[id] = out
		return nil
	})
	return out, err
}

// actorIDs resolves an actor argument (an ID, a name or an alias) to actor
// IDs; none when nothing matches.
func (rq *request) actorIDs(ctx context.Context, name string) ([]string, error) {
	var ids []string
	err := rq.read(ctx, func(r graph.Snapshot) error {
		for _, a := range filter.Actors(r, name) {
			ids = append(ids, a.ID)
		}
		return nil
	})
	return ids, err
}

// eventsOfArticle returns the events an article gives evidence for; the
// article→events index is built once per request, in one pass.
func (rq *request) eventsOfArticle(ctx context.Context, articleID string) ([]*graph.Event, error) {
	var out []*graph.Event
	err := rq.read(ctx, func(r graph.Snapshot) error {
		// the article index reads this article's events only; past the
		// node budget (checked by the caller's charge) nothing more is read
		room := rq.s.opts.MaxNodes - rq.nodes + 1
		return r.ForEachEventOfArticle(articleID, func(e graph.Event) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if c, ok := rq.events[e.ID]; ok {
				out = append(out, c)
			} else {
				rq.events[e.ID] = &e
				out = append(out, &e)
			}
			if len(out) >= room {
				return graph.ErrStop
			}
			return nil
		})
	})
	return out, err
}

// stats counts the graph once per request.
func (rq *request) stats(ctx context.Context) (*graph.Stats, error) {
	var st graph.Stats
	err := rq.read(ctx, func(r graph.Snapshot) (err error) { st, err = r.Stats(); return })
	if err != nil {
		return nil, err
	}
	return &st, nil
}

// sortedCounts orders a count map by count (descending) then key.
func sortedCounts(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}
