package graph

import "testing"

// TestWeekValues: a WEEK value is the ISO 8601 week whose days it covers
// (ISO week 5 of 2024 is Monday 29 January to Sunday 4 February), or the
// interval when the span straddles two weeks; the codec reads old values so.
func TestWeekValues(t *testing.T) {
	tests := []struct {
		start, end, want string
	}{
		{"2024-01-29", "2024-02-04", "2024-W05"},
		{"2024-01-26", "2024-02-01", "2024-01-26/2024-02-01"}, // a week around a day
		{"2021-01-18", "2021-01-20", "2021-W03"},              // this week, up to the publication day
		{"2020-12-28", "2021-01-03", "2020-W53"},              // the ISO year is not the calendar year
		{"2024-12-30", "2025-01-05", "2025-W01"},
	}
	for _, tt := range tests {
		d := DateSpan{Value: "2024-W05", Start: tt.start, End: tt.end, Precision: Week}
		if got := d.Normalized().Value; got != tt.want {
			t.Errorf("%s..%s: %s, want %s", tt.start, tt.end, got, tt.want)
		}
		ev := Event{ID: "e", Date: d}
		var back Event
		if err := decodeEvent(encodeEvent(nil, &ev), &back); err != nil || back.Date.Value != tt.want {
			t.Errorf("%s..%s decoded: %q %v, want %s", tt.start, tt.end, back.Date.Value, err, tt.want)
		}
	}
}

// TestStatsByMonth: only events dated to the day, week or month count under
// a month; a year- or quarter-only event has its own bucket, not January.
func TestStatsByMonth(t *testing.T) {
	s := memStore(t)
	f := fixture("A", "2003-01-15", "2003-01-01", "2014-01-01", "2014-02-03", "")
	f.Events[1].Date = span("2003-01-01", "2003-12-31", Year)
	f.Events[2].Date = span("2014-01-01", "2014-03-31", Quarter)
	f.Events[3].Date = span("2014-02-03", "2014-02-09", Week)
	if _, err := s.PutFacts(f); err != nil {
		t.Fatal(err)
	}
	var st Stats
	if err := s.view(func(r *Reader) (err error) { st, err = r.Stats(); return }); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"2003-01": 1, "2003": 1, "2014-Q1": 1, "2014-02": 1, "unknown": 1}
	if len(st.ByMonth) != len(want) {
		t.Errorf("byMonth %v, want %v", st.ByMonth, want)
	}
	for k, v := range want {
		if st.ByMonth[k] != v {
			t.Errorf("byMonth %v, want %v", st.ByMonth, want)
			break
		}
	}
}
