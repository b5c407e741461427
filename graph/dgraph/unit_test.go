package dgraph

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"eventgraph/graph"
)

// These tests need no cluster.

func TestQuote(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", `""`},
		{"al-Rawi", `"al-Rawi"`},
		{`say "no"`, `"say \"no\""`},
		{`a\b`, `"a\\b"`},
		{"tab\there", `"tab here"`},
		{"São Tomé", `"São Tomé"`},
	} {
		if got := quote(c.in); got != c.want {
			t.Errorf("quote(%q) = %s, want %s", c.in, got, c.want)
		}
	}
	if got := quoteList([]string{"a", `b"`}); got != `["a", "b\""]` {
		t.Errorf("quoteList = %s", got)
	}
}

func TestWideMonths(t *testing.T) {
	for _, c := range []struct {
		d    graph.DateSpan
		want []string
	}{
		{graph.DateSpan{Start: "2024-03-05", End: "2024-03-05", Precision: graph.Day}, nil},
		{graph.DateSpan{Start: "2024-03-05", End: "2024-03-09", Precision: graph.Week}, []string{"2024-03"}},
		{graph.DateSpan{Start: "2024-11-20", End: "2025-01-02"}, []string{"2024-11", "2024-12", "2025-01"}},
		{graph.DateSpan{}, nil},
		{graph.DateSpan{Start: "2024", End: "2025"}, nil},
	} {
		if got := wideMonths(c.d); !slices.Equal(got, c.want) {
			t.Errorf("wideMonths(%+v) = %v, want %v", c.d, got, c.want)
		}
	}
}

// TestEventSegments checks the stretches an event scan reads, in order.
func TestEventSegments(t *testing.T) {
	for _, c := range []struct {
		name string
		f    graph.EventFilter
		want []segment
	}{
		{"all", graph.EventFilter{}, []segment{{hi: "~~"}}},
		{"all newest first: dated, then undated", graph.EventFilter{Desc: true},
			[]segment{{hi: "~"}, {lo: "~", hi: "~~"}}},
		{"no undated", graph.EventFilter{NoUndated: true}, []segment{{hi: "~"}}},
		{"to", graph.EventFilter{To: "2024-03-31"}, []segment{{hi: "2024-03-31|~"}}},
		{"window: spans before it by month, then from its first day",
			graph.EventFilter{From: "2024-03-10", To: "2024-03-31"},
			[]segment{
				{root: `eq(event.month, "2024-03")`, filter: `lt(event.pos, "2024-03-10") AND ge(event.end, "2024-03-10T00:00:00Z")`, hi: "2024-03-31|~"},
				{lo: "2024-03-10", hi: "2024-03-31|~"},
			}},
		{"actor window newest first",
			graph.EventFilter{From: "2024-03-10", ActorIDs: []string{"a1"}, Desc: true},
			[]segment{
				{root: `eq(event.actor_id, "a1")`, lo: "2024-03-10", hi: "~"},
				{root: `eq(event.actor_id, "a1")`, filter: `lt(event.pos, "2024-03-10") AND ge(event.end, "2024-03-10T00:00:00Z")`, hi: "~"},
			}},
		{"place", graph.EventFilter{PlaceIDs: []string{"p1"}}, []segment{{root: `eq(event.place_id, "p1")`, hi: "~~"}}},
		{"two actors: all events, filtered", graph.EventFilter{ActorIDs: []string{"a1", "a2"}}, []segment{{hi: "~~"}}},
	} {
		if got := eventSegments(c.f); !slices.Equal(got, c.want) {
			t.Errorf("%s: eventSegments = %+v, want %+v", c.name, got, c.want)
		}
	}
}

func TestActorKeys(t *testing.T) {
	a := graph.Actor{ID: "x", Name: "Ivan Novak", Kind: graph.Person, Aliases: []string{"Novak", "IVAN NOVAK"}}
	if got := actorKeys(a); !slices.Equal(got, []string{"ivan novak", "novak"}) {
		t.Errorf("actorKeys = %v", got)
	}
	keys := graph.PersonKeys(a)
	if len(keys) == 0 || !slices.ContainsFunc(keys, func(k string) bool { return k[:2] == "L:" }) {
		t.Errorf("PersonKeys = %v: no surname key", keys)
	}
	if got := graph.PersonKeys(graph.Actor{Name: "Acme Corp", Kind: graph.Organization}); got != nil {
		t.Errorf("PersonKeys of an organization = %v", got)
	}
}

// TestOpenClientsMalformed refuses a connection string with any malformed
// host (dgo pings each alpha it opens: the fault test opens three).
func TestOpenClientsMalformed(t *testing.T) {
	for _, conn := range []string{
		"dgraph://127.0.0.1:1,127.0.0.1?sslmode=disable",
		"dgraph://127.0.0.1:1,127.0.0.1:?sslmode=disable",
		"dgraph://127.0.0.1:1,127.0.0.1:2?sslmode=nonsense",
		"http://127.0.0.1:1",
	} {
		if dg, err := openClients(conn); err == nil {
			dg.Close()
			t.Errorf("%s: opened, want an error", conn)
		}
	}
	// no alpha answers (nothing listens on port 1): an error, not a store
	if dg, err := openClients("dgraph://127.0.0.1:1,127.0.0.1:1?sslmode=disable"); err == nil || !unavailable(err) {
		if dg != nil {
			dg.Close()
		}
		t.Errorf("no alpha answers: %v, want unavailable", err)
	}
}

// TestUnavailable tells an alpha that does not answer from other errors,
// wrapped or not.
func TestUnavailable(t *testing.T) {
	down := status.Error(codes.Unavailable, "connection refused")
	for _, c := range []struct {
		err  error
		want bool
	}{
		{nil, false},
		{down, true},
		{fmt.Errorf("read candidates: %w", down), true},
		{status.Error(codes.DeadlineExceeded, "slow"), false},
		{errors.New("unavailable"), false},
	} {
		if got := unavailable(c.err); got != c.want {
			t.Errorf("unavailable(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}

// TestParseSchema reads the store's own schema as `schema {}` would answer
// it, and a schema lacking an index or a type's field does not cover it.
func TestParseSchema(t *testing.T) {
	s := parseSchema(Schema)
	for _, c := range []predicate{
		{Predicate: "xid", Type: "string", Tokenizer: []string{"exact"}, Upsert: true},
		{Predicate: "event.actor", Type: "uid", List: true, Reverse: true, Count: true},
		{Predicate: "actor.alias", Type: "string", List: true, Tokenizer: []string{"exact", "term"}},
		{Predicate: "event.title", Type: "string", Tokenizer: []string{"fulltext", "term"}},
		{Predicate: "eg.blob", Type: "string"},
	} {
		got, ok := s.preds[c.Predicate]
		if !ok || got.Type != c.Type || got.List != c.List || got.Upsert != c.Upsert || got.Reverse != c.Reverse ||
			got.Count != c.Count || !slices.Equal(got.Tokenizer, c.Tokenizer) {
			t.Errorf("%s: %+v, want %+v", c.Predicate, got, c)
		}
	}
	if !strings.Contains(" "+s.types["Event"]+" ", " xid ") || s.types["EventgraphMeta"] != "eg.modified eg.version xid" {
		t.Errorf("types: %v", s.types)
	}
	if !s.covers(s) {
		t.Error("a schema does not cover itself")
	}
	less := parseSchema(strings.Replace(Schema, "actor.key: [string] @index(exact) .", "actor.key: [string] .", 1))
	if less.covers(s) {
		t.Error("a schema without an index covers the store's")
	}
	fewer := parseSchema(strings.Replace(Schema, "  place.country\n}", "}", 1))
	if fewer.covers(s) {
		t.Error("a type with a field less covers the store's")
	}
}
