package server

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"eventgraph/graph"
	"eventgraph/graph/timeline"
	"eventgraph/graph/timeline/timelinetest"
)

// tlServer is a Server over the hand-built fixture graph (timelinetest;
// swap its Open for the seed load once the loader exists).
func tlServer(t *testing.T) (*Server, graph.Storage) {
	t.Helper()
	st := timelinetest.Open(t)
	s, err := New(st, nil, Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	return s, st
}

func get(t *testing.T, h http.Handler, target string, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := localReq(http.MethodGet, target, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

type timelineDoc struct {
	Query  map[string]any  `json:"query"`
	Events []timeline.Item `json:"events"`
	Count  int             `json:"count"`
}

func decodeTimeline(t *testing.T, rec *httptest.ResponseRecorder) timelineDoc {
	t.Helper()
	var doc timelineDoc
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatalf("bad JSON (%v): %s", err, rec.Body.String())
	}
	if doc.Count != len(doc.Events) {
		t.Errorf("count %d but %d events", doc.Count, len(doc.Events))
	}
	return doc
}

func TestTimelineShammari(t *testing.T) {
	s, _ := tlServer(t)
	rec := get(t, s.Handler(), "/timeline?actor=al-Shammari")
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		t.Fatalf("status %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	doc := decodeTimeline(t, rec)
	var got []string
	wall, basra := -1, -1
	for i, ev := range doc.Events {
		got = append(got, ev.ID)
		found := false
		for _, a := range ev.Actors {
			found = found || a.Name == timelinetest.Shammari
		}
		if !found {
			t.Errorf("event %q does not involve al-Shammari", ev.Title)
		}
		if i > 0 && doc.Events[i-1].Date.Start > ev.Date.Start {
			t.Errorf("not in date order: %s after %s", ev.Date.Start, doc.Events[i-1].Date.Start)
		}
		switch ev.ID {
		case timelinetest.EventWall:
			wall = i
		case timelinetest.EventBasra:
			basra = i
		}
	}
	if !slices.Equal(got, timelinetest.ShammariEvents) {
		t.Errorf("events %v, want %v", got, timelinetest.ShammariEvents)
	}
	if wall < 0 || basra < 0 || wall > basra {
		t.Errorf("want the wall inauguration (%d) before the Basra statement (%d)", wall, basra)
	}
	ev := doc.Events[basra]
	if ev.Evidence == nil || !strings.Contains(ev.Evidence.Sentence, "at its best") ||
		ev.Evidence.Article.Title == "" || ev.Evidence.Article.URL == "" || ev.Place == nil || ev.Place.Lat == nil {
		t.Errorf("Basra item lacks evidence, article or place: %+v", ev)
	}
	if w := doc.Events[wall]; len(w.Quantities) != 1 || w.Quantities[0].Value != 160 || w.Quantities[0].Unit != "km" {
		t.Errorf("the wall's quantities in /timeline: %+v, want 160 km", w.Quantities)
	}
}

func TestTimelineQueries(t *testing.T) {
	s, _ := tlServer(t)
	tests := []struct {
		target string
		status int
		n      int    // events, for 200
		param  string // the bad parameter, for 400
	}{
		{"/timeline", 200, timelinetest.NumDated, ""},
		{"/timeline?undated=1", 200, timelinetest.NumEvents, ""},
		{"/timeline?actor=Nobody+at+All", 200, 0, ""},
		{"/timeline?type=sign+agreement", 200, 1, ""},
		{"/timeline?type=SIGN+AGREEMENT", 200, 1, ""},
		{"/timeline?place=Baghdad", 200, 1, ""},
		{"/timeline?country=LB", 200, 2, ""},
		{"/timeline?country=lebanon", 200, 2, ""},
		{"/timeline?from=2024&to=2024", 200, 7, ""},
		{"/timeline?from=2024-12-01&to=2024-12-31&actor=HTS", 200, 3, ""},
		{"/timeline?from=2021-01", 200, 11, ""},
		{"/timeline?limit=3", 200, 3, ""},
		{"/timeline?from=2024-13", 400, 0, "from"},
		{"/timeline?to=May+2024", 400, 0, "to"},
		{"/timeline?from=2025&to=2024", 400, 0, "to"},
		{"/timeline?format=csv", 400, 0, "format"},
		{"/timeline?limit=x", 400, 0, "limit"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			rec := get(t, s.Handler(), tt.target)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body.String())
			}
			if tt.status != 200 {
				var e struct{ Error, Param string }
				if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error == "" || e.Param != tt.param {
					t.Errorf("want a JSON error about %s, got %s", tt.param, rec.Body.String())
				}
				return
			}
			if doc := decodeTimeline(t, rec); len(doc.Events) != tt.n {
				t.Errorf("%d events, want %d", len(doc.Events), tt.n)
			}
		})
	}
}

func TestTimelineJSFormat(t *testing.T) {
	s, _ := tlServer(t)
	rec := get(t, s.Handler(), "/timeline?format=timelinejs")
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	timelinetest.CheckTimelineJS(t, rec.Body.Bytes(), timelinetest.NumDated)
	rec = get(t, s.Handler(), "/timeline?format=timelinejs&actor=al-Shammari")
	timelinetest.CheckTimelineJS(t, rec.Body.Bytes(), len(timelinetest.ShammariEvents))
	if !strings.Contains(rec.Body.String(), `"display_date":"week of 22 January 2024"`) {
		t.Errorf("the week-precise wall inauguration lacks its display_date: %s", rec.Body.String())
	}
}

func TestTimelineConditional(t *testing.T) {
	s, st := tlServer(t)
	h := s.Handler()
	first := get(t, h, "/timeline?actor=Shammari")
	etag, lm := first.Header().Get("ETag"), first.Header().Get("Last-Modified")
	if etag == "" || lm == "" {
		t.Fatalf("no ETag (%q) or Last-Modified (%q)", etag, lm)
	}
	if other := get(t, h, "/timeline?actor=Rahmoun").Header().Get("ETag"); other == etag {
		t.Errorf("two queries share the ETag %s", etag)
	}
	if other := get(t, h, "/timeline?actor=Shammari&format=timelinejs").Header().Get("ETag"); other == etag {
		t.Errorf("two formats share the ETag %s", etag)
	}
	tests := []struct {
		name   string
		hdr    []string
		status int
	}{
		{"same etag", []string{"If-None-Match", etag}, 304},
		{"weak form", []string{"If-None-Match", "W/" + etag}, 304},
		{"in a list", []string{"If-None-Match", `"x", ` + etag}, 304},
		{"star", []string{"If-None-Match", "*"}, 304},
		{"other etag", []string{"If-None-Match", `"v0-zzz"`}, 200},
		{"if-modified-since", []string{"If-Modified-Since", lm}, 304},
		{"modified since", []string{"If-Modified-Since", time.Unix(0, 0).UTC().Format(http.TimeFormat)}, 200},
	}
	for _, tt := range tests {
		rec := get(t, h, "/timeline?actor=Shammari", tt.hdr...)
		if rec.Code != tt.status {
			t.Errorf("%s: status %d, want %d", tt.name, rec.Code, tt.status)
		}
		if rec.Code == 304 && rec.Body.Len() != 0 {
			t.Errorf("%s: 304 with a body", tt.name)
		}
	}
	// A write changes the version: the old ETag no longer matches.
	a := graph.Article{Title: "A later article", Published: "2025-02-01", Text: "Nothing happened."}
	a.ID = graph.ArticleID(a)
	if _, err := st.PutFacts(&graph.Facts{Article: a}); err != nil {
		t.Fatal(err)
	}
	rec := get(t, h, "/timeline?actor=Shammari", "If-None-Match", etag)
	if rec.Code != 200 || rec.Header().Get("ETag") == etag {
		t.Errorf("after a write: status %d, ETag %s (was %s)", rec.Code, rec.Header().Get("ETag"), etag)
	}
}

func TestTimelineMethods(t *testing.T) {
	s, _ := tlServer(t)
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, localReq(http.MethodPost, "/timeline", strings.NewReader("{}")))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d", rec.Code)
	}
	rec = httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, localReq(http.MethodHead, "/timeline", nil))
	if rec.Code != 200 || rec.Header().Get("ETag") == "" {
		t.Errorf("HEAD: status %d, ETag %q", rec.Code, rec.Header().Get("ETag"))
	}
}
