package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"eventgraph/graph"
	"eventgraph/graph/timeline"
	"eventgraph/loader"
	"eventgraph/server"
)

// The end-to-end tests load the seed articles with the real loader into a
// database directory and check, over HTTP, what an analyst reads off the
// seeds: the Iraq–Syria memorandum, the border wall, the HTS meeting at
// Masnaa, al-Shammari under any spelling and his timeline.

// ingester adapts the loader to the server's POST /articles, as
// cmd/eventgraph does.
type ingester struct{ l *loader.Loader }

func (i ingester) Ingest(ctx context.Context, name string, body io.Reader) (server.IngestSummary, error) {
	sum := i.l.LoadReader(ctx, name, body)
	out := server.IngestSummary{Articles: sum.Articles, Existing: sum.Existing, Events: sum.Events, Merged: sum.Merged}
	for _, e := range sum.Errors {
		out.Errors = append(out.Errors, e.Error())
	}
	return out, nil
}

// seedServer loads ../seeds into a fresh database directory and serves it.
func seedServer(t *testing.T) *httptest.Server {
	t.Helper()
	st, err := graph.Open(graph.DefaultOptions(t.TempDir()).WithLogger(slog.New(slog.DiscardHandler)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	l := loader.New(st, loader.Options{Logger: slog.New(slog.DiscardHandler)})
	sum := l.LoadPaths(context.Background(), []string{"../seeds"})
	for _, e := range sum.Errors {
		t.Errorf("loading the seeds: %v", e)
	}
	if sum.Articles != 7 {
		t.Fatalf("loaded %d seed articles, want 7 (%s)", sum.Articles, sum)
	}
	srv, err := server.New(st, ingester{l}, server.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

// The response types, as a client decodes them.
type (
	dateSpan struct {
		Value, Start, End, Precision string
	}
	place struct {
		Name     string
		Lat, Lon *float64
	}
	actor struct {
		ID, Name, Kind string
		Aliases        []string
		Roles          []struct{ Title string }
	}
	evidence struct {
		Sentence string
		Article  struct{ Title string }
	}
	event struct {
		ID, Title, Type, Cameo string
		Date                   dateSpan
		Place                  *place
		Participants           []struct {
			Role  string
			Actor actor
		}
		Evidence []evidence
	}
	agreement struct {
		ID, Name, Kind       string
		Date                 dateSpan
		Place                *place
		Parties, Signatories []actor
		Topics               []string
	}
)

// gql posts a query and decodes its data into out; GraphQL errors fail
// the test.
func gql(t *testing.T, ts *httptest.Server, query string, vars map[string]any, out any) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(ts.URL+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var r struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("POST /graphql: %s: not JSON: %v\n%.500s", resp.Status, err, b)
	}
	if resp.StatusCode != http.StatusOK || len(r.Errors) > 0 {
		t.Fatalf("POST /graphql: %s, errors %v\nquery: %s", resp.Status, r.Errors, query)
	}
	if err := json.Unmarshal(r.Data, out); err != nil {
		t.Fatalf("decoding %s: %v", r.Data, err)
	}
}

// httpGet fetches path and returns the status and body.
func httpGet(t *testing.T, ts *httptest.Server, path string) (int, []byte) {
	t.Helper()
	resp, err := http.Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b
}

// actorID is the id actor(name:) finds, "" when none.
func actorID(t *testing.T, ts *httptest.Server, name string) string {
	t.Helper()
	var d struct{ Actor *actor }
	gql(t, ts, `query($n: String) { actor(name: $n) { id } }`, map[string]any{"n": name}, &d)
	if d.Actor == nil {
		return ""
	}
	return d.Actor.ID
}

const eventFields = `id title type cameo date { value start end precision }
	place { name lat lon } participants { role actor { id name aliases } }
	evidence { sentence article { title } }`

// eventsWith lists the events with an evidence sentence containing every
// one of words.
func eventsWith(t *testing.T, ts *httptest.Server, words ...string) []event {
	t.Helper()
	var d struct {
		Events struct{ Edges []struct{ Node event } }
	}
	gql(t, ts, `query($t: String) { events(text: $t, first: 500) { edges { node { `+eventFields+` } } } }`,
		map[string]any{"t": words[0]}, &d)
	var out []event
	for _, e := range d.Events.Edges {
		for _, x := range e.Node.Evidence {
			if containsAll(x.Sentence, words) {
				out = append(out, e.Node)
				break
			}
		}
	}
	return out
}

func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(strings.ToLower(s), strings.ToLower(w)) {
			return false
		}
	}
	return true
}

// named reports whether a is called name (its name or an alias, folded).
func named(a actor, name string) bool {
	if graph.NormName(a.Name) == graph.NormName(name) {
		return true
	}
	for _, al := range a.Aliases {
		if graph.NormName(al) == graph.NormName(name) {
			return true
		}
	}
	return false
}

func TestE2ESeeds(t *testing.T) {
	ts := seedServer(t)
	shammari := actorID(t, ts, "Abdul Amir al-Shammari")
	if shammari == "" {
		t.Fatal(`actor(name: "Abdul Amir al-Shammari") is null`)
	}

	tests := []struct {
		name string
		test func(t *testing.T)
	}{
		{"articles", func(t *testing.T) {
			var d struct{ Articles struct{ TotalCount int } }
			gql(t, ts, `{ articles(first: 10) { totalCount } }`, nil, &d)
			if d.Articles.TotalCount != 7 {
				t.Errorf("articles totalCount %d, want 7", d.Articles.TotalCount)
			}
		}},
		{"events have dates", func(t *testing.T) {
			var d struct {
				Events struct {
					TotalCount int
					Edges      []struct{ Node event }
				}
			}
			gql(t, ts, `{ events(first: 500) { totalCount edges { node { title date { value start end precision } } } } }`, nil, &d)
			if d.Events.TotalCount == 0 || len(d.Events.Edges) != d.Events.TotalCount {
				t.Fatalf("events: totalCount %d, %d edges", d.Events.TotalCount, len(d.Events.Edges))
			}
			days := 0
			for _, e := range d.Events.Edges {
				dt := e.Node.Date
				if dt.Precision == "UNKNOWN" {
					continue
				}
				if !isDay(dt.Start) || !isDay(dt.End) || dt.Start > dt.End || dt.Value == "" {
					t.Errorf("event %q: bad date %+v", e.Node.Title, dt)
				}
				if dt.Precision == "DAY" {
					days++
					// one day, or a run of days as an ISO 8601 interval ("overnight",
					// "for five days starting Wednesday")
					if (dt.Start == dt.End && dt.Value != dt.Start) || (dt.Start != dt.End && dt.Value != dt.Start+"/"+dt.End) {
						t.Errorf("event %q: DAY date %+v", e.Node.Title, dt)
					}
				}
			}
			if days == 0 {
				t.Error("no event is dated to the day")
			}
		}},
		{"memorandum", func(t *testing.T) {
			var d struct{ Agreements []agreement }
			gql(t, ts, `{ agreements { id name kind date { value start end precision } place { name lat lon }
				parties { id name aliases } signatories { id name aliases } topics } }`, nil, &d)
			var mous []agreement
			for _, g := range d.Agreements {
				if strings.Contains(strings.ToLower(g.Name), "memorandum") {
					mous = append(mous, g)
				}
			}
			if len(mous) != 1 {
				t.Fatalf("%d agreements named a memorandum, want 1: %+v", len(mous), d.Agreements)
			}
			g := mous[0]
			if g.Date.Value != "2024-05-12" || g.Date.Start != "2024-05-12" || g.Date.End != "2024-05-12" {
				t.Errorf("memorandum date %+v, want 2024-05-12", g.Date)
			}
			if g.Place == nil || g.Place.Name != "Baghdad" {
				t.Errorf("memorandum place %+v, want Baghdad", g.Place)
			}
			var signed []string
			for _, s := range g.Signatories {
				signed = append(signed, s.ID)
			}
			for _, name := range []string{"Abdul-Amir al-Shammari", "Mohammed Khalid al-Rahmoun"} {
				id := actorID(t, ts, name)
				if id == "" || !slices.Contains(signed, id) {
					t.Errorf("signatory %s (id %q) not among %+v", name, id, g.Signatories)
				}
			}
			for _, side := range [][]string{
				{"Iraq", "Iraqi Interior Ministry", "Ministry of Interior of Iraq"},
				{"Syria", "Syrian Interior Ministry", "Ministry of Interior of Syria"},
			} {
				found := false
				for _, p := range g.Parties {
					for _, n := range side {
						found = found || named(p, n)
					}
				}
				if !found {
					t.Errorf("no party is %s (or its interior ministry): %+v", side[0], g.Parties)
				}
			}
			n := 0
			for _, want := range []string{"drug", "border", "extradition", "organized crime", "money laundering"} {
				for _, topic := range g.Topics {
					if strings.Contains(strings.ToLower(topic), want) {
						n++
						break
					}
				}
			}
			if n < 4 {
				t.Errorf("memorandum topics %q cover %d of drug, border, extradition, organized crime, money laundering; want ≥ 4", g.Topics, n)
			}
		}},
		{"wall inauguration", func(t *testing.T) {
			evs := eventsWith(t, ts, "160-kilometer")
			if len(evs) == 0 {
				t.Fatal(`no event has "160-kilometer" in its evidence`)
			}
			for _, e := range evs {
				if e.Date.Start < "2024-01-22" || e.Date.End > "2024-02-05" || e.Date.Start == "" {
					t.Errorf("wall inauguration %q dated %+v, want inside 2024-01-22..2024-02-05", e.Title, e.Date)
				}
			}
		}},
		{"HTS meeting at Masnaa", func(t *testing.T) {
			e := htsMeeting(t, ts)
			if e.Place == nil || !strings.Contains(e.Place.Name, "Masnaa") || e.Place.Lat == nil || e.Place.Lon == nil {
				t.Errorf("meeting place %+v, want Masnaa with lat and lon", e.Place)
			}
		}},
		{"HTS meeting participants", func(t *testing.T) {
			e := htsMeeting(t, ts)
			found := false
			for _, p := range e.Participants {
				found = found || named(p.Actor, "HTS") || named(p.Actor, "Lebanese General Security")
			}
			if !found {
				t.Errorf("meeting %q: participants %+v, want HTS or the Lebanese General Security", e.Title, e.Participants)
			}
		}},
		{"al-Shammari by any spelling", func(t *testing.T) {
			for _, name := range []string{"Shammari", "abdul amir al shammari", "Abdul-Amir Al-Shammari"} {
				var d struct{ Actor *actor }
				gql(t, ts, `query($n: String) { actor(name: $n) { id name kind roles { title } } }`, map[string]any{"n": name}, &d)
				if d.Actor == nil {
					t.Errorf("actor(name: %q) is null", name)
					continue
				}
				if d.Actor.ID != shammari {
					t.Errorf("actor(name: %q) is %s %q, want %s", name, d.Actor.ID, d.Actor.Name, shammari)
				}
				var titles []string
				for _, r := range d.Actor.Roles {
					titles = append(titles, strings.ToLower(r.Title))
				}
				interior, command := false, false
				for _, r := range titles {
					interior = interior || strings.Contains(r, "interior")
					command = command || strings.Contains(r, "deputy commander") || strings.Contains(r, "joint operations")
				}
				if len(titles) < 2 || !interior || !command {
					t.Errorf("actor(name: %q) roles %q, want the interior minister and the deputy commander of joint operations", name, titles)
				}
			}
		}},
		{"timeline of al-Shammari", func(t *testing.T) {
			status, body := httpGet(t, ts, "/timeline?actor=al-Shammari")
			if status != http.StatusOK {
				t.Fatalf("GET /timeline?actor=al-Shammari: %d %s", status, body)
			}
			var tl struct {
				Events []timeline.Item
				Count  int
			}
			if err := json.Unmarshal(body, &tl); err != nil {
				t.Fatalf("timeline is not JSON: %v", err)
			}
			if len(tl.Events) == 0 || tl.Count != len(tl.Events) {
				t.Fatalf("timeline: %d events, count %d", len(tl.Events), tl.Count)
			}
			wall, basra := -1, -1
			for i, it := range tl.Events {
				his := false
				for _, a := range it.Actors {
					his = his || a.ID == shammari
				}
				if !his {
					t.Errorf("event %q (%s) does not involve al-Shammari: %+v", it.Title, it.Date.Value, it.Actors)
				}
				if i > 0 && it.Date.Start < tl.Events[i-1].Date.Start {
					t.Errorf("event %q (%s) listed after %q (%s)", it.Title, it.Date.Start, tl.Events[i-1].Title, tl.Events[i-1].Date.Start)
				}
				if it.Evidence != nil && strings.Contains(it.Evidence.Sentence, "160-kilometer") {
					wall = i
				}
				if it.Evidence != nil && strings.Contains(it.Evidence.Sentence, "buy back weapons") {
					basra = i
				}
			}
			var titles []string
			for _, it := range tl.Events {
				titles = append(titles, it.Date.Value+" "+it.Title)
			}
			if wall < 0 || basra < 0 || wall > basra {
				t.Errorf("want the wall inauguration (at %d) before the Basra statement (at %d) in his timeline:\n%s",
					wall, basra, strings.Join(titles, "\n"))
			}
		}},
		{"healthz", func(t *testing.T) {
			status, body := httpGet(t, ts, "/healthz")
			var h struct{ Status string }
			if err := json.Unmarshal(body, &h); status != http.StatusOK || err != nil || h.Status != "ok" {
				t.Errorf("GET /healthz: %d %s", status, body)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.test)
	}
}

// htsMeeting is the meeting of HTS and the Lebanese General Security on
// Wednesday 2024-12-18; it fails the test when there is none on that day.
func htsMeeting(t *testing.T, ts *httptest.Server) event {
	t.Helper()
	evs := eventsWith(t, ts, "HTS", "General Security", "meeting")
	for _, e := range evs {
		if e.Date.Start == "2024-12-18" && e.Date.End == "2024-12-18" {
			return e
		}
	}
	t.Fatalf("no event of the HTS–General Security meeting dated 2024-12-18: %+v", evs)
	return event{}
}

func isDay(s string) bool {
	return len(s) == 10 && s[4] == '-' && s[7] == '-'
}
