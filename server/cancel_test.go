package server

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"eventgraph/graph"
)

// A client that has gone away gets no export or timeline: the read
// snapshot carries the request's context, so the scans behind the
// response stop instead of walking the whole store.
func TestStreamStopsWhenClientLeaves(t *testing.T) {
	s, _ := tlServer(t)
	for _, path := range []string{
		"/export/graph.gexf", "/export/graph.graphml", "/export/nodes.csv", "/export/edges.csv",
		"/export/graph.jsonl", "/timeline?format=json",
	} {
		t.Run(path, func(t *testing.T) {
			live := get(t, s.Handler(), path)
			if live.Code != http.StatusOK || live.Body.Len() == 0 {
				t.Fatalf("live request: %d, %d bytes", live.Code, live.Body.Len())
			}
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			req := localReq(http.MethodGet, path, nil).WithContext(ctx)
			rec := httptest.NewRecorder()
			s.Handler().ServeHTTP(rec, req)
			if rec.Body.Len() != 0 {
				t.Errorf("client gone: %d bytes written, want none", rec.Body.Len())
			}
		})
	}
}

// The Reader that stream hands out stops a walk once the request ends
// mid-response.
func TestStreamReaderCarriesRequestContext(t *testing.T) {
	s, _ := tlServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req := localReq(http.MethodGet, "/export/graph.jsonl", nil).WithContext(ctx)
	var walkErr error
	s.stream(httptest.NewRecorder(), req, func(_ io.Writer, rd graph.Snapshot) error {
		cancel()
		walkErr = rd.ForEachEvent(func(graph.Event) error { return nil })
		return walkErr
	})
	if !errors.Is(walkErr, context.Canceled) {
		t.Fatalf("walk after the client left: %v, want context.Canceled", walkErr)
	}
}
