package loader

import (
	"io"
	"log/slog"
	"testing"

	"eventgraph/graph"
)

func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// openStore opens an in-memory store closed at the end of the test.
func openStore(t *testing.T) *graph.Store {
	t.Helper()
	st, err := graph.Open(graph.DefaultOptions("").WithInMemory(true).WithLogger(quietLogger()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}
