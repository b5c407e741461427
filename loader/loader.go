// Package loader turns article sources into graph facts: it reads files,
// folders, stdin and uploads (loader/read), extracts mentions, dates, events
// and agreements from each article (loader/extract) and writes each
// article's facts to the graph in one transaction.
package loader

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"eventgraph/graph"
	"eventgraph/loader/extract"
	"eventgraph/loader/read"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// Options configure a Loader.
type Options struct {
	// Progress receives a progress bar when it is a terminal; nil for none.
	Progress io.Writer
	// Workers is how many articles are extracted at once (default: 2).
	Workers int
	Logger  *slog.Logger
}

// Loader loads articles into a graph Store.
type Loader struct {
	store *graph.Store
	opt   Options
}

// New returns a Loader writing to store.
func New(store *graph.Store, opt Options) *Loader {
	if opt.Workers <= 0 {
		opt.Workers = 2
	}
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	return &Loader{store: store, opt: opt}
}

// Summary says what a load did.
type Summary struct {
	Articles int     // articles newly stored
	Existing int     // articles already stored (left unchanged)
	Events   int     // events stored as new nodes
	Merged   int     // events merged into an event already stored
	Words    int     // words read
	Errors   []error // one per bad input; the rest still loaded
	Warnings []error // problems that did not stop an article (an unknown publication date)
	Elapsed  time.Duration
}

// String is the one-line summary the CLI prints.
func (s Summary) String() string {
	msg := fmt.Sprintf("loaded %d articles (%d already stored), %d events (%d merged into existing), %d words in %s",
		s.Articles, s.Existing, s.Events, s.Merged, s.Words, s.Elapsed.Round(time.Millisecond))
	if len(s.Errors) > 0 {
		msg += fmt.Sprintf("; %d errors", len(s.Errors))
	}
	if len(s.Warnings) > 0 {
		msg += fmt.Sprintf("; %d warnings", len(s.Warnings))
	}
	return msg
}

// LoadPaths loads files, folders (recursively) and "-" (stdin).
func (l *Loader) LoadPaths(ctx context.Context, paths []string) Summary {
	start := time.Now()
	var docs []read.Document
	var sum Summary
	for _, p := range paths {
		d, errs := read.ReadPath(p)
		docs = append(docs, d...)
		for _, e := range errs {
			if errors.Is(e, read.ErrOutside) {
				sum.Warnings = append(sum.Warnings, e) // skipped, not bad
				continue
			}
			sum.Errors = append(sum.Errors, e)
		}
	}
	l.loadDocs(ctx, docs, &sum)
	sum.Elapsed = time.Since(start)
	return sum
}

// LoadReader loads one stream (an upload, stdin) named name.
func (l *Loader) LoadReader(ctx context.Context, name string, r io.Reader) Summary {
	start := time.Now()
	docs, errs := read.Read(name, r)
	sum := Summary{Errors: errs}
	l.loadDocs(ctx, docs, &sum)
	sum.Elapsed = time.Since(start)
	return sum
}

// result is one article's extraction, in input order.
type result struct {
	facts *graph.Facts
	err   error
}

// loadDocs extracts articles in parallel and writes them in input order, so
// that merges across articles are the same from run to run.
func (l *Loader) loadDocs(parent context.Context, docs []read.Document, sum *Summary) {
	// a full disk stops the load: the articles after it are not extracted
	ctx, stop := context.WithCancelCause(parent)
	defer stop(nil)
	bar := l.progress(len(docs))
	out := make([]chan result, len(docs))
	for i := range out {
		out[i] = make(chan result, 1)
	}
	sem := make(chan struct{}, l.opt.Workers)
	var wg sync.WaitGroup
	go func() {
		for i, d := range docs {
			if ctx.Err() != nil {
				out[i] <- result{err: ctx.Err()}
				continue
			}
			sem <- struct{}{}
			wg.Add(1)
			go func(i int, d read.Document) {
				defer func() { <-sem; wg.Done() }()
				out[i] <- extractSafe(ctx, d)
			}(i, d)
		}
		wg.Wait()
	}()
	cancelled := 0
	for i, d := range docs {
		for _, w := range d.Warnings {
			sum.Warnings = append(sum.Warnings, w)
		}
		r := <-out[i]
		if bar != nil {
			_ = bar.Add(1)
		}
		if r.err != nil {
			if errors.Is(r.err, context.Canceled) || errors.Is(r.err, context.DeadlineExceeded) {
				cancelled++ // one line for them all, below
				continue
			}
			sum.Errors = append(sum.Errors, &read.Error{File: d.File, Line: d.Line, Article: d.Title, Err: r.err})
			continue
		}
		sum.Words += len(strings.Fields(d.Text))
		res, err := l.store.PutFacts(r.facts)
		if err != nil {
			sum.Errors = append(sum.Errors, fmt.Errorf("load %s: %w", describe(d), err))
			if errors.Is(err, graph.ErrDiskFull) {
				stop(err)
			}
			continue
		}
		if res.Existed {
			sum.Existing++
			continue
		}
		sum.Articles++
		sum.Events += res.Events
		sum.Merged += res.Merged
	}
	if bar != nil {
		_ = bar.Finish()
	}
	switch cause := context.Cause(ctx); {
	case cancelled == 0:
	case errors.Is(cause, graph.ErrDiskFull):
		sum.Errors = append(sum.Errors, fmt.Errorf("load stopped, the disk is full: %d of %d articles not loaded: %w", cancelled, len(docs), cause))
	default:
		sum.Errors = append(sum.Errors, fmt.Errorf("load stopped (%w): %d of %d articles not loaded", parent.Err(), cancelled, len(docs)))
	}
}

// extractSafe runs the extractor, turning a panic on one article into that
// article's error so that one bad article never spoils a load; a cancelled
// ctx stops it between sentences.
func extractSafe(ctx context.Context, d read.Document) (r result) {
	defer func() {
		if p := recover(); p != nil {
			r = result{err: fmt.Errorf("extraction failed: %v", p)}
		}
	}()
	f, err := extract.ArticleContext(ctx, d)
	return result{facts: f, err: err}
}

func describe(d read.Document) string {
	if d.Title != "" {
		return fmt.Sprintf("%s: article %q", d.File, d.Title)
	}
	return d.File
}

func (l *Loader) progress(n int) *progressbar.ProgressBar {
	f, ok := l.opt.Progress.(*os.File)
	if !ok || n < 2 || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions(n,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription("loading"),
		progressbar.OptionShowCount(),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(100*time.Millisecond),
	)
}
