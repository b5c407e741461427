package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"
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
