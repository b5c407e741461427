package schema

import (
	"context"
	"testing"

	"eventgraph/schema/schematest"
)

// BenchmarkEventsPage resolves a page of 500 events with their
// participants, places and evidence articles (cached per request).
func BenchmarkEventsPage(b *testing.B) {
	s, st := newTestSchema(b, Options{})
	if err := schematest.LoadBulk(st, 5000); err != nil {
		b.Fatal(err)
	}
	q := `{ events(first: 500) { totalCount nodes { id title date { value } participants { role actor { name } } place { name } evidence { sentence article { title } } } } }`
	for b.Loop() {
		if r := s.Exec(context.Background(), q, "", nil); len(r.Errors) > 0 {
			b.Fatal(r.Errors)
		}
	}
}
