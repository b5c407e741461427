package schema

import (
	"context"
	"encoding/json"
	"testing"

	"eventgraph/graph"
	"eventgraph/schema/schematest"
)

// newTestSchema opens a store with the seed articles (schematest.Open) and
// the schema over it.
func newTestSchema(t testing.TB, opts Options) (*Schema, graph.Storage) {
	t.Helper()
	return schemaOver(t, schematest.Open(t), opts)
}

// newHandSchema opens a store with the hand-made fixture
// (schematest.OpenHand), for tests that count exact events, and the schema
// over it.
func newHandSchema(t testing.TB, opts Options) (*Schema, graph.Storage) {
	t.Helper()
	return schemaOver(t, schematest.OpenHand(t), opts)
}

func schemaOver(t testing.TB, st graph.Storage, opts Options) (*Schema, graph.Storage) {
	t.Helper()
	s, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	return s, st
}

// run executes q and decodes its data into a generic map; it fails the test
// on GraphQL errors.
func run(t testing.TB, s *Schema, q string, vars map[string]any) map[string]any {
	t.Helper()
	resp := s.Exec(context.Background(), q, "", vars)
	if len(resp.Errors) > 0 {
		b, _ := json.MarshalIndent(resp.Errors, "", "  ")
		t.Fatalf("query failed:\n%s\nerrors: %s", q, b)
	}
	var data map[string]any
	if err := json.Unmarshal(resp.Data, &data); err != nil {
		t.Fatal(err)
	}
	return data
}

// runErr executes q and returns its errors (failing when there are none).
func runErr(t testing.TB, s *Schema, q string, vars map[string]any) []*QueryError {
	t.Helper()
	resp := s.Exec(context.Background(), q, "", vars)
	if len(resp.Errors) == 0 {
		t.Fatalf("query succeeded, want an error:\n%.200s\ndata: %.300s", q, resp.Data)
	}
	return resp.Errors
}

// get walks a decoded JSON value by keys and indexes.
func get(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}
