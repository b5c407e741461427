package timelinetest

import (
	"encoding/json"
	"testing"
)

// CheckTimelineJS checks the shape of a TimelineJS document: every slide
// has a start_date with a year, month 1–12 and day 1–31 when set, a
// headline, a unique ID; display_date wherever month or day is missing.
func CheckTimelineJS(t testing.TB, b []byte, wantEvents int) {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("bad JSON: %v", err)
	}
	evs, ok := doc["events"].([]any)
	if !ok {
		t.Fatalf("no events array")
	}
	if len(evs) != wantEvents {
		t.Errorf("%d slides, want %d", len(evs), wantEvents)
	}
	if title, ok := doc["title"].(map[string]any); ok {
		if _, dated := title["start_date"]; dated {
			t.Errorf("the title slide has a start_date")
		}
	}
	seen := map[string]bool{}
	for i, e := range evs {
		ev := e.(map[string]any)
		sd, ok := ev["start_date"].(map[string]any)
		if !ok {
			t.Fatalf("slide %d: no start_date", i)
		}
		checkDate := func(what string, d map[string]any) {
			if y, ok := d["year"].(float64); !ok || y < 1000 || y > 3000 {
				t.Errorf("slide %d %s: year %v", i, what, d["year"])
			}
			if m, ok := d["month"]; ok && (m.(float64) < 1 || m.(float64) > 12) {
				t.Errorf("slide %d %s: month %v", i, what, m)
			}
			if dd, ok := d["day"]; ok && (dd.(float64) < 1 || dd.(float64) > 31) {
				t.Errorf("slide %d %s: day %v", i, what, dd)
			}
			if _, ok := d["day"]; ok {
				if _, ok := d["month"]; !ok {
					t.Errorf("slide %d %s: day without month", i, what)
				}
			}
		}
		checkDate("start_date", sd)
		if ed, ok := ev["end_date"].(map[string]any); ok {
			checkDate("end_date", ed)
		}
		text, _ := ev["text"].(map[string]any)
		if h, _ := text["headline"].(string); h == "" {
			t.Errorf("slide %d: no headline", i)
		}
		if _, hasDay := sd["day"]; !hasDay {
			if dd, _ := ev["display_date"].(string); dd == "" {
				t.Errorf("slide %d: imprecise date without display_date", i)
			}
		}
		id, _ := ev["unique_id"].(string)
		if id == "" || seen[id] {
			t.Errorf("slide %d: unique_id %q missing or repeated", i, id)
		}
		seen[id] = true
	}
}
