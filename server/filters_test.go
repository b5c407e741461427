package server

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"

	"eventgraph/graph"
	"eventgraph/graph/filter"
	"eventgraph/graph/timeline"
)

// twoTripolis adds to the fixture an article with one event in each of two
// places of one name, Tripoli in Libya and Tripoli in Lebanon (made up).
func twoTripolis(t *testing.T, st graph.Storage) (ly, lb string) {
	t.Helper()
	a := graph.Article{Title: "Port authorities of two Tripolis sign exchange", Source: "Test Wire", Published: "2024-03-04", File: "filters"}
	a.ID = graph.ArticleID(a)
	s1 := "Port officials in Tripoli, Libya, announced on Monday a new customs exchange."
	s2 := "In Tripoli, Lebanon, the port authority said on Monday it would join the exchange."
	a.Text = s1 + " " + s2
	pLY := graph.Place{ID: graph.PlaceID("Tripoli", "LY"), Name: "Tripoli", Kind: "capital", Country: "LY", Lat: 32.8872, Lon: 13.1913, HasGeo: true}
	pLB := graph.Place{ID: graph.PlaceID("Tripoli", "LB"), Name: "Tripoli", Kind: "city", Country: "LB", Lat: 34.4367, Lon: 35.8497, HasGeo: true}
	port := graph.Actor{ID: graph.ActorID("Libyan Ports Authority"), Name: "Libyan Ports Authority", Kind: graph.Organization, Country: "LY"}
	ly = graph.NewID("event", "filters", "ly")
	lb = graph.NewID("event", "filters", "lb")
	d := graph.DateSpan{Value: "2024-03-04", Start: "2024-03-04", End: "2024-03-04", Precision: graph.Day}
	f := &graph.Facts{Article: a, Actors: []graph.Actor{port}, Places: []graph.Place{pLY, pLB}, Events: []graph.Event{
		{ID: ly, Type: "make statement", CAMEO: "010", Status: graph.Reported, Title: "Libyan port officials announce a customs exchange", Date: d,
			Participants: []graph.Participation{{ActorID: port.ID, Role: "source"}}, PlaceID: pLY.ID,
			Evidence: []graph.Evidence{{ArticleID: a.ID, Sentence: s1, Start: 0, End: len(s1)}}},
		{ID: lb, Type: "express intent to cooperate", CAMEO: "030", Status: graph.Planned, Title: "Tripoli port authority to join the exchange", Date: d,
			PlaceID:  pLB.ID,
			Evidence: []graph.Evidence{{ArticleID: a.ID, Sentence: s2, Start: len(s1) + 1, End: len(a.Text)}}},
	}}
	if _, err := st.PutFacts(f); err != nil {
		t.Fatal(err)
	}
	return ly, lb
}

// filterSuite is the filter table every front end must answer alike.
var filterSuite = []filter.Filter{
	{},
	{Place: "Tripoli"},
	{Place: "tripoli", From: "2024-03"},
	{Country: "Lebanon"},
	{Country: "LB"},
	{Country: "Iraq", From: "2024"},
	{Country: "Libya"},
	{Actor: "Libyan Ports Authority"},
	{Actor: "libyan ports authority", To: "2024-06"},
	{Actor: "Lebanon"},
	{Actor: "nobody"},
	{From: "2024", To: "2024-06"},
	{From: "2024-12-18"},
	{Type: "sign agreement"},
	{Type: "0"},
	{CAMEO: "03"},
	{Status: "planned"},
	{Text: "BORDER"},
	{Place: "Baghdad", Actor: "Iraq"},
	{Place: "Atlantis"},
	{Country: "Narnia"},
}

// TestOneFilterPolicy runs the same filters through GraphQL, /timeline and
// every export, and wants the same events from each.
func TestOneFilterPolicy(t *testing.T) {
	s, st := tlServer(t)
	ly, lb := twoTripolis(t, st)
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	for _, f := range filterSuite {
		t.Run(fmt.Sprintf("%+v", f), func(t *testing.T) {
			// GraphQL
			args := []string{"first: 500"}
			for _, kv := range []struct{ k, v string }{{"from", f.From}, {"to", f.To}, {"actor", f.Actor}, {"place", f.Place},
				{"country", f.Country}, {"type", f.Type}, {"cameo", f.CAMEO}, {"status", f.Status}, {"text", f.Text}} {
				if kv.v != "" {
					args = append(args, fmt.Sprintf("%s: %q", kv.k, kv.v))
				}
			}
			var d struct {
				Events struct {
					TotalCount int
					Nodes      []struct{ ID string }
				}
			}
			query := "{ events(" + strings.Join(args, ", ") + ") { totalCount nodes { id } } }"
			body, _ := json.Marshal(map[string]any{"query": query})
			resp, err := http.Post(ts.URL+"/graphql", "application/json", bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			var out struct {
				Data   json.RawMessage
				Errors []struct{ Message string }
			}
			err = json.NewDecoder(resp.Body).Decode(&out)
			resp.Body.Close()
			if err != nil || len(out.Errors) > 0 || json.Unmarshal(out.Data, &d) != nil {
				t.Fatalf("GraphQL %s: %v %v", query, err, out.Errors)
			}
			var want []string
			for _, n := range d.Events.Nodes {
				want = append(want, n.ID)
			}
			if d.Events.TotalCount != len(want) {
				t.Errorf("GraphQL totalCount %d, %d nodes", d.Events.TotalCount, len(want))
			}
			sort.Strings(want)
			if f.Place == "Tripoli" && !(contains(want, ly) && contains(want, lb)) {
				t.Errorf("place Tripoli: %v lacks an event of one of the two Tripolis", want)
			}
			v := f.Values()
			// /timeline, with the undated events GraphQL lists too
			v.Set("undated", "1")
			var tl struct{ Events []struct{ ID string } }
			rec := get(t, s.Handler(), "/timeline?"+v.Encode())
			if err := json.Unmarshal(rec.Body.Bytes(), &tl); err != nil || rec.Code != 200 {
				t.Fatalf("/timeline: %d %v %.200s", rec.Code, err, rec.Body.String())
			}
			var got []string
			for _, e := range tl.Events {
				got = append(got, e.ID)
			}
			same(t, "/timeline", got, want)
			// the exports
			v.Del("undated")
			for _, name := range []string{"graph.jsonl", "graph.gexf", "graph.graphml", "nodes.csv"} {
				rec := get(t, s.Handler(), "/export/"+name+"?"+v.Encode())
				if rec.Code != 200 {
					t.Fatalf("/export/%s: %d %s", name, rec.Code, rec.Body.String())
				}
				same(t, "/export/"+name, exportedEvents(t, name, rec.Body.Bytes()), want)
			}
			// the library call the CLI makes
			var q timeline.Query = timeline.FromFilter(f)
			q.Undated = true
			var lib []string
			err = st.View(func(r graph.Snapshot) error {
				sel, err := timeline.Select(r, q)
				if err != nil {
					return err
				}
				return sel.ForEach(r, func(ev graph.Event) error { lib = append(lib, ev.ID); return nil })
			})
			if err != nil {
				t.Fatal(err)
			}
			same(t, "timeline.Select", lib, want)
		})
	}
}

func contains(ids []string, id string) bool {
	i := sort.SearchStrings(ids, id)
	return i < len(ids) && ids[i] == id
}

func same(t *testing.T, where string, got, want []string) {
	t.Helper()
	got = append([]string(nil), got...)
	sort.Strings(got)
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("%s: %d events %v, GraphQL %d %v", where, len(got), got, len(want), want)
	}
}

// exportedEvents returns the IDs of the event nodes of an export.
func exportedEvents(t *testing.T, name string, b []byte) []string {
	t.Helper()
	var ids []string
	switch name {
	case "graph.jsonl":
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var n struct{ Kind, ID, Type string }
			if err := json.Unmarshal(sc.Bytes(), &n); err != nil {
				t.Fatal(err)
			}
			if n.Kind == "node" && n.Type == "event" {
				ids = append(ids, n.ID)
			}
		}
	case "nodes.csv":
		for _, line := range strings.Split(string(b), "\n") {
			if f := strings.SplitN(line, ",", 4); len(f) == 4 && f[2] == "event" {
				ids = append(ids, f[0])
			}
		}
	default: // GEXF, GraphML: <node id="…"> with a type event
		for _, chunk := range strings.Split(string(b), "<node id=\"")[1:] {
			id := chunk[:strings.IndexByte(chunk, '"')]
			end := strings.Index(chunk, "</node>")
			if strings.Contains(chunk[:end], `for="type" value="event"`) || strings.Contains(chunk[:end], `<data key="n_type">event</data>`) {
				ids = append(ids, id)
			}
		}
	}
	return ids
}
