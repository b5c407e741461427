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
	"runtime"
	"strings"
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
	// Workers is how many articles are extracted at once (default: the
	// number of CPUs, runtime.NumCPU). Whatever their number, facts are
	// stored in input order, so a load stores the same bytes with any.
	Workers int
	// InFlight is how many articles may be read and not yet stored
	// (default: 4 × Workers); with the file being read, it bounds the
	// load's memory.
	InFlight int
	Logger   *slog.Logger
}

// Loader loads articles into a graph.Storage (the embedded store or a
// Dgraph cluster).
type Loader struct {
	store graph.Storage
	opt   Options
}

// New returns a Loader writing to store.
func New(store graph.Storage, opt Options) *Loader {
	if opt.Workers <= 0 {
		opt.Workers = runtime.NumCPU()
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

// LoadPaths loads files, folders (recursively) and "-" (stdin). It reads,
// extracts and stores as a bounded pipeline: a file is read when the
// articles before it are nearly all stored (at most InFlight articles are
// held at once, besides the file being read), so memory does not grow with
// the folder; a JSON Lines file is read a record at a time, each record
// waiting for room, so it is never held whole. A cancelled ctx stops the
// reading between files and records and the extraction between
// sentences, and adds one summary error.
func (l *Loader) LoadPaths(ctx context.Context, paths []string) Summary {
	return l.run(ctx, func(ctx context.Context, emit emitFunc) error {
		for _, p := range paths {
			if err := read.WalkPath(ctx, p, emit); err != nil {
				return err
			}
		}
		return nil
	})
}

// LoadReader loads one stream (an upload, stdin) named name.
func (l *Loader) LoadReader(ctx context.Context, name string, r io.Reader) Summary {
	return l.run(ctx, func(ctx context.Context, emit emitFunc) error {
		// JSON Lines record by record, as from a file
		return read.ReadStream(ctx, name, r, emit)
	})
}

// emitFunc takes one file's articles and errors into the pipeline; it
// blocks while too many articles are in flight, and returns ctx's error
// once the load is stopped.
type emitFunc = func(docs []read.Document, errs []error) error

// result is one article's extraction, in input order.
type result struct {
	facts *graph.Facts
	err   error
}

// item is one entry of the pipeline, in input order: an article with the
// channel its extraction arrives on, or errors of the input alone.
type item struct {
	doc  read.Document
	res  chan result // nil for an errors-only item
	errs []error
}

// fileRead, when set (by tests), is called with each batch of articles the
// source hands over (a file's, or one JSON Lines record's) as
// the pipeline takes them in, before they wait for room.
var fileRead func(docs []read.Document)

// run reads articles from source, extracts them in parallel and writes them
// in input order, so that merges across articles are the same from run to
// run. At most InFlight articles are read and not yet stored.
func (l *Loader) run(parent context.Context, source func(context.Context, emitFunc) error) Summary {
	start := time.Now()
	var sum Summary
	// a full disk stops the load: the articles after it are not extracted
	ctx, stop := context.WithCancelCause(parent)
	defer stop(nil)
	inFlight := l.opt.InFlight
	if inFlight <= 0 {
		inFlight = 4 * l.opt.Workers
	}
	slots := make(chan struct{}, inFlight) // one per article read and not yet stored
	queue := make(chan item, inFlight)
	workers := make(chan struct{}, l.opt.Workers)
	var sourceErr error
	go func() {
		defer close(queue)
		sourceErr = source(ctx, func(docs []read.Document, errs []error) error {
			if fileRead != nil {
				fileRead(docs)
			}
			if len(errs) > 0 {
				queue <- item{errs: errs}
			}
			for _, d := range docs {
				res := make(chan result, 1)
				select {
				case slots <- struct{}{}:
				case <-ctx.Done():
				}
				if err := ctx.Err(); err != nil {
					res <- result{err: err}
					queue <- item{doc: d, res: res}
					continue
				}
				workers <- struct{}{}
				go func(d read.Document) {
					defer func() { <-workers }()
					res <- extractSafe(ctx, d)
				}(d)
				queue <- item{doc: d, res: res}
			}
			return ctx.Err()
		})
	}()
	bar := l.progress()
	cancelled, seen := 0, 0
	released := time.Now()
	for it := range queue {
		for _, e := range it.errs {
			if errors.Is(e, read.ErrOutside) {
				sum.Warnings = append(sum.Warnings, e) // skipped, not bad
				continue
			}
			sum.Errors = append(sum.Errors, e)
		}
		if it.res == nil {
			continue
		}
		seen++
		l.store1(ctx, stop, it, &sum, &cancelled)
		if time.Since(released) >= releaseEvery {
			l.releaseMemory()
			released = time.Now()
		}
		select {
		case <-slots:
		default: // an article taken in after the load stopped holds none
		}
		if bar != nil {
			_ = bar.Add(1)
		}
	}
	if bar != nil {
		_ = bar.Finish()
	}
	stoppedReading := sourceErr != nil && ctx.Err() != nil
	switch cause := context.Cause(ctx); {
	case cancelled == 0 && !stoppedReading:
	case errors.Is(cause, graph.ErrDiskFull):
		sum.Errors = append(sum.Errors, fmt.Errorf("load stopped, the disk is full: %d of %d articles read not loaded%s: %w",
			cancelled, seen, unread(stoppedReading), cause))
	default:
		sum.Errors = append(sum.Errors, fmt.Errorf("load stopped (%w): %d of %d articles not loaded%s",
			parent.Err(), cancelled, seen, unread(stoppedReading)))
	}
	sum.Elapsed = time.Since(start)
	return sum
}

// releaseEvery is how often a load gives back the pages of the
// database's memory-mapped tables that its merge lookups have read:
// without it they stay resident, and a load's resident memory grows
// with the database (336 MiB of table pages by the 20,000th article).
const releaseEvery = 500 * time.Millisecond

// releaseMemory drops the pages of the store's memory-mapped files from
// the process's resident memory when the store can (they stay in the
// page cache, so nothing is read from disk again).
func (l *Loader) releaseMemory() {
	if r, ok := any(l.store).(interface{ ReleaseMemory() error }); ok {
		if err := r.ReleaseMemory(); err != nil {
			l.opt.Logger.Debug("could not release the memory-mapped pages", "err", err)
		}
	}
}

// unread is what the summary of a stopped load adds when files were left
// unread.
func unread(stopped bool) string {
	if stopped {
		return ", the rest of the input not read"
	}
	return ""
}

// contextPutter is a store whose writes stop with a context (the
// embedded store's write of an article in several transactions).
type contextPutter interface {
	PutFactsContext(ctx context.Context, f *graph.Facts) (graph.PutResult, error)
}

// store1 waits for one article's extraction and stores its facts.
func (l *Loader) store1(ctx context.Context, stop context.CancelCauseFunc, it item, sum *Summary, cancelled *int) {
	d := it.doc
	for _, w := range d.Warnings {
		sum.Warnings = append(sum.Warnings, w)
	}
	r := <-it.res
	if r.err == nil && ctx.Err() != nil {
		// extracted before the load was stopped: not stored, so that a
		// stopped load ends at once rather than after the articles in flight
		r.err = ctx.Err()
	}
	if r.err != nil {
		if errors.Is(r.err, context.Canceled) || errors.Is(r.err, context.DeadlineExceeded) {
			*cancelled++ // one line for them all, in run
			return
		}
		sum.Errors = append(sum.Errors, &read.Error{File: d.File, Line: d.Line, Article: d.Title, Err: r.err})
		return
	}
	sum.Words += len(strings.Fields(d.Text))
	var res graph.PutResult
	var err error
	if cp, ok := l.store.(contextPutter); ok {
		// a large article's write in several transactions stops too
		res, err = cp.PutFactsContext(ctx, r.facts)
	} else {
		res, err = l.store.PutFacts(r.facts)
	}
	if err != nil && ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
		*cancelled++ // stopped and undone: one line for them all, in run
		return
	}
	if err != nil {
		sum.Errors = append(sum.Errors, fmt.Errorf("load %s: %w", describe(d), err))
		if errors.Is(err, graph.ErrDiskFull) {
			stop(err)
		}
		return
	}
	if res.Existed {
		sum.Existing++
		return
	}
	sum.Articles++
	sum.Events += res.Events
	sum.Merged += res.Merged
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

// progress is a bar counting stored articles on a terminal, or nil; the
// total is not known, as files are read while earlier ones are stored.
func (l *Loader) progress() *progressbar.ProgressBar {
	f, ok := l.opt.Progress.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription("loading"),
		progressbar.OptionShowCount(),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(100*time.Millisecond),
	)
}
