package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"eventgraph/graph"
	"eventgraph/loader/synth"
)

// watchStops makes the commands' stop contexts visible to the test: each
// one made is sent on the returned channel.
func watchStops(t *testing.T) <-chan context.Context {
	t.Helper()
	ch := make(chan context.Context, 8)
	orig := notifyContext
	notifyContext = func(parent context.Context, sig ...os.Signal) (context.Context, context.CancelFunc) {
		ctx, stop := orig(parent, sig...)
		ch <- ctx
		return ctx, stop
	}
	t.Cleanup(func() { notifyContext = orig })
	return ch
}

// signalAtFirst sends sig to this process when it is first used (a
// command is then running with its stop context registered) and waits
// until the command's context is stopped, so that the command sees the
// signal at its next step.
type signalAtFirst struct {
	t     *testing.T
	sig   syscall.Signal
	ctxs  <-chan context.Context
	once  sync.Once
	w     io.Writer // what Write writes to
	r     io.Reader // what Read reads from
	wrote int
}

func (s *signalAtFirst) fire() {
	s.once.Do(func() {
		ctx := <-s.ctxs
		if err := syscall.Kill(os.Getpid(), s.sig); err != nil {
			s.t.Error(err)
			return
		}
		<-ctx.Done()
	})
}

func (s *signalAtFirst) Write(p []byte) (int, error) {
	s.fire()
	s.wrote += len(p)
	return s.w.Write(p)
}

func (s *signalAtFirst) Read(p []byte) (int, error) {
	s.fire()
	return s.r.Read(p)
}

// bigDB loads enough made-up articles that an export or a timeline writes
// many buffers.
func bigDB(t *testing.T) string {
	t.Helper()
	db := t.TempDir()
	eventgraph(t, "", "load", "--db", db, parallelCorpus(t, 30)).check(t, 0, []string{"loaded 30 articles"}, nil)
	return db
}

// TestExportTimelineStopOnSignal: SIGINT or SIGTERM while an export or a
// timeline is written stops it at its next write with one line naming the
// signal and exit code 1; what was written is a prefix of the whole.
func TestExportTimelineStopOnSignal(t *testing.T) {
	db := bigDB(t)
	for _, tc := range []struct {
		args []string
		sig  syscall.Signal
		say  string
	}{
		{[]string{"export", "--format", "gexf"}, syscall.SIGINT, "stopped (interrupt signal received); the output is incomplete"},
		{[]string{"export", "--format", "jsonl"}, syscall.SIGTERM, "stopped (terminated signal received); the output is incomplete"},
		{[]string{"timeline"}, syscall.SIGINT, "stopped (interrupt signal received); the timeline printed is incomplete"},
	} {
		t.Run(strings.Join(tc.args, " ")+" "+tc.sig.String(), func(t *testing.T) {
			args := append(append([]string{}, tc.args...), "--db", db)
			whole := eventgraph(t, "", args...)
			whole.check(t, 0, nil, nil)
			var out, errb strings.Builder
			w := &signalAtFirst{t: t, sig: tc.sig, ctxs: watchStops(t), w: &out}
			code := run(args, strings.NewReader(""), w, &errb)
			if code != exitFailure || strings.Count(errb.String(), "\n") != 1 || !strings.Contains(errb.String(), tc.say) {
				t.Errorf("exit %d, stderr %q; want 1 and one line %q", code, errb.String(), tc.say)
			}
			if out.Len() >= len(whole.stdout) || !strings.HasPrefix(whole.stdout, out.String()) {
				t.Errorf("wrote %d bytes of %d, want a shorter prefix", out.Len(), len(whole.stdout))
			}
		})
	}
}

// TestExportStoppedRemovesFile: an export to a file stopped before its
// end leaves no partial file (for csv, neither of the two).
func TestExportStoppedRemovesFile(t *testing.T) {
	db := seedDB(t)
	orig := notifyContext
	notifyContext = func(parent context.Context, _ ...os.Signal) (context.Context, context.CancelFunc) {
		ctx, cancel := context.WithCancelCause(parent)
		cancel(errors.New("interrupt signal received"))
		return ctx, func() {}
	}
	t.Cleanup(func() { notifyContext = orig })
	dir := t.TempDir()
	for _, format := range []string{"gexf", "jsonl", "csv", "rdf"} {
		out := filepath.Join(dir, "out-"+format)
		r := eventgraph(t, "", "export", "--db", db, "--format", format, "--out", out)
		r.check(t, exitFailure, nil, []string{"stopped (interrupt signal received)", "removed"})
		left, _ := filepath.Glob(out + "*")
		if format == "rdf" {
			left, _ = filepath.Glob(filepath.Join(out, "*.rdf"))
		}
		if len(left) > 0 {
			t.Errorf("%s: left %v", format, left)
		}
	}
	r := eventgraph(t, "", "timeline", "--db", db)
	r.check(t, exitFailure, nil, []string{"eventgraph timeline: stopped (interrupt signal received)"})
}

// TestLoadStopOnSignal: SIGINT during a load stores nothing more and ends
// it with one summary line and exit code 1.
func TestLoadStopOnSignal(t *testing.T) {
	var jsonl strings.Builder
	for _, d := range synth.Generate(12, 9) {
		jsonl.WriteString(`{"title":` + quoteJSON(d.Title) + `,"text":` + quoteJSON(d.Text) + `,"published":"` + d.Published + `"}` + "\n")
	}
	db := t.TempDir()
	var out, errb strings.Builder
	in := &signalAtFirst{t: t, sig: syscall.SIGINT, ctxs: watchStops(t), r: strings.NewReader(jsonl.String())}
	code := run([]string{"load", "--db", db, "-"}, in, &out, &errb)
	// (JSON Lines on stdin are read record by record: stopped before the
	// first, none is read)
	if code != exitFailure || strings.Count(errb.String(), "\n") != 1 || !strings.Contains(errb.String(), "load stopped (context canceled)") {
		t.Errorf("exit %d, stderr %q; want 1 and one summary line", code, errb.String())
	}
	if !strings.Contains(out.String(), "loaded 0 articles") {
		t.Errorf("stdout %q", out.String())
	}
}

func quoteJSON(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// closeRecorder is a store that records how the load closed it.
type closeRecorder struct {
	graph.Storage
	closed bool
	within time.Duration
}

func (c *closeRecorder) Close() error { c.closed = true; return nil }

func (c *closeRecorder) CloseWithin(d time.Duration) error {
	c.within = d
	return graph.ErrCloseLeft
}

// A load stopped by a signal closes its store with CloseWithin, which
// does not wait for Badger's compactions; a load that ended by itself
// closes it wholly.
func TestCloseLoad(t *testing.T) {
	log := slog.New(slog.DiscardHandler)
	var st closeRecorder
	closeLoad(context.Background(), &st, log)
	if !st.closed || st.within != 0 {
		t.Errorf("a load that ended: closed %v, CloseWithin(%v); want Close", st.closed, st.within)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	st = closeRecorder{}
	closeLoad(ctx, &st, log)
	if st.closed || st.within != stopCloseWait {
		t.Errorf("a stopped load: closed %v, CloseWithin(%v); want CloseWithin(%v)", st.closed, st.within, stopCloseWait)
	}
}
