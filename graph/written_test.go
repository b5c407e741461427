package graph

import (
	"slices"
	"testing"
)

// TestWrittenIn: the merger lists the transaction's events under each
// actor, place and day in the order they were written, each once even when
// written again (merged) with another span, up to the limit, and nothing
// for a key it never wrote.
func TestWrittenIn(t *testing.T) {
	s := memStore(t)
	txn := s.db.NewTransaction(true)
	defer txn.Discard()
	m := newMerger(s, txn)
	defer m.close()
	ev := func(id, start, end, place string, actors ...string) Event {
		e := Event{ID: id, Date: DateSpan{Start: start, End: end}, PlaceID: place}
		for _, a := range actors {
			e.Participants = append(e.Participants, Participation{ActorID: a, Role: "source"})
		}
		return e
	}
	m.wroteEvent(ev("e1", "2031-05-02", "2031-05-02", "p1", "a1"))
	m.wroteEvent(ev("e2", "2031-05-01", "2031-05-03", "p1", "a1", "a2"))
	m.wroteEvent(ev("e3", "2031-05-10", "2031-05-10", "p2", "a2"))
	// e1 again (a report merged in), now over three days and with a2
	m.wroteEvent(ev("e1", "2031-05-01", "2031-05-03", "p1", "a1", "a2"))
	m.wroteEvent(ev("e4", "2031-01-01", "2031-12-31", "p1", "a1")) // longer than maxIndexedDays
	cases := []struct {
		key, from, to string
		limit         int
		want          []string
	}{
		{pEventActor + "a1|", "2031-05-01", "2031-05-03", 100, []string{"e4", "e2", "e1"}},
		{pEventActor + "a1|", "2031-05-02", "2031-05-02", 100, []string{"e4", "e1", "e2"}},
		{pEventActor + "a2|", "2031-05-01", "2031-05-03", 100, []string{"e2", "e1"}},
		{pEventActor + "a2|", "2031-05-09", "2031-05-11", 100, []string{"e3"}},
		{pEventPlace + "p1|", "2031-05-01", "2031-05-03", 2, []string{"e4", "e2"}},
		{pEventDate, "2031-05-02", "2031-05-10", 100, []string{"e4", "e1", "e2", "e3"}},
		{pEventActor + "a3|", "2031-05-01", "2031-05-03", 100, nil},
		{pEventActor + "a2|", "2031-06-01", "2031-06-03", 100, nil},
	}
	for _, c := range cases {
		if got := m.writtenIn(c.key, c.from, c.to, c.limit); !slices.Equal(got, c.want) {
			t.Errorf("writtenIn(%q, %s, %s, %d) = %v, want %v", c.key, c.from, c.to, c.limit, got, c.want)
		}
	}
}
