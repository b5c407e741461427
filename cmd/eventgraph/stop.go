package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"eventgraph/graph"
)

// notifyContext is signal.NotifyContext; tests wrap it to see the context
// a command stops on.
var notifyContext = signal.NotifyContext

// stopContext is the context of a command that stops on SIGINT or
// SIGTERM: once one arrives its scans and writes end, and a second one
// kills the process as usual after stop is called.
func stopContext() (context.Context, context.CancelFunc) {
	return notifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// ctxWriter writes to w until ctx is done, then fails every write with
// ctx's cause, so that an export or a timeline stops at its next write
// even between the store's checks.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if c.ctx.Err() != nil {
		return 0, context.Cause(c.ctx)
	}
	return c.w.Write(p)
}

// stopped reports whether err ended a command after ctx was stopped by a
// signal (the store's scans and ctxWriter then fail), and prints the one
// line that says so, with partial telling what was left.
func (c *command) stopped(ctx context.Context, err error, partial string) bool {
	if err == nil || ctx.Err() == nil {
		return false
	}
	msg := "stopped (" + context.Cause(ctx).Error() + ")"
	if partial != "" {
		msg += "; " + partial
	}
	c.fail("%s", msg)
	return true
}

// stopCloseWait is how long a load stopped by a signal waits for the
// database's close before it exits (graph.Store.CloseWithin): with the
// load's own stop (the articles in flight are dropped, a large article's
// undo is left to the next open) it ends within the second the issue asks
// (bench-jsonl: make bench-jsonl).
const stopCloseWait = 300 * time.Millisecond

// closeLoad closes a load's store. A load stopped by a signal does not
// wait for a compaction or a memtable flush in progress, which may take
// seconds and grows with the database: its writes are made durable and
// what the close leaves is done by the next open, as after a kill.
func closeLoad(ctx context.Context, st graph.Storage, log *slog.Logger) {
	cw, ok := st.(interface {
		CloseWithin(time.Duration) error
	})
	if ctx.Err() == nil || !ok {
		if err := st.Close(); err != nil {
			log.Warn("could not close the database", "err", err)
		}
		return
	}
	switch err := cw.CloseWithin(stopCloseWait); {
	case errors.Is(err, graph.ErrCloseLeft):
		log.Debug("the database's close is left to the exit", "err", err)
	case err != nil:
		log.Warn("could not close the database", "err", err)
	}
}
