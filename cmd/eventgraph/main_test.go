package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"

	"eventgraph/graph"
	"eventgraph/graph/backend"
	"eventgraph/graph/timeline"
)

const seeds = "../../seeds"

// result is what one run of the program did.
type result struct {
	code           int
	stdout, stderr string
}

// eventgraph runs the program in process with args and stdin.
func eventgraph(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return result{code, out.String(), errb.String()}
}

// check fails the test unless r exited with code and its stdout and stderr
// contain the wanted strings.
func (r result) check(t *testing.T, code int, stdout, stderr []string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit %d, want %d\nstdout: %.600s\nstderr: %.600s", r.code, code, r.stdout, r.stderr)
	}
	for _, s := range stdout {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("stdout lacks %q:\n%.600s", s, r.stdout)
		}
	}
	for _, s := range stderr {
		if !strings.Contains(r.stderr, s) {
			t.Errorf("stderr lacks %q:\n%.600s", s, r.stderr)
		}
	}
}

// seedDB loads the seeds into a fresh database and returns its directory.
func seedDB(t *testing.T) string {
	t.Helper()
	db := t.TempDir()
	eventgraph(t, "", "load", "--db", db, seeds).check(t, 0, []string{"loaded 7 articles"}, nil)
	return db
}

// A header article, as a user pipes it in.
const headerArticle = `title: Iraq and Jordan discuss the border
source: Test Wire
published: 2024-06-02
---
Iraqi Interior Minister Abdul-Amir al-Shammari met his Jordanian counterpart in Amman on Sunday to discuss border security.
`

func TestUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	for _, tt := range []struct {
		name           string
		args           []string
		code           int
		stdout, stderr []string
	}{
		{"help", []string{"help"}, 0, []string{"Usage: eventgraph", "load PATH", "serve", "query", "timeline", "export"}, nil},
		{"--help", []string{"--help"}, 0, []string{"Usage: eventgraph"}, nil},
		{"no command", nil, 2, nil, []string{"Usage: eventgraph"}},
		{"unknown command", []string{"frobnicate"}, 2, nil, []string{`unknown command "frobnicate"`}},
		{"load without a path", []string{"load", "--db", db}, 2, nil, []string{"no PATH given"}},
		{"unknown flag", []string{"load", "--nope", seeds}, 2, nil, []string{"-nope"}},
		{"query without a query", []string{"query", "--db", db}, 2, nil, []string{"give one GraphQL query"}},
		{"query with bad --vars", []string{"query", "--db", db, "--vars", "[1", "{ stats { events } }"}, 2, nil, []string{"--vars is not a JSON object"}},
		{"timeline with a bad date", []string{"timeline", "--db", db, "--from", "2024-13"}, 2, nil, []string{"2024-13"}},
		{"export to an unknown format", []string{"export", "--db", db, "--format", "pdf"}, 2, nil, []string{`unknown --format "pdf"`}},
		{"export to an unknown GEXF version", []string{"export", "--db", db, "--gexf-version", "1.4"}, 2, nil, []string{`--gexf-version "1.4"`}},
		{"GEXF version without GEXF", []string{"export", "--db", db, "--format", "jsonl", "--gexf-version", "1.3"}, 2, nil, []string{"--gexf-version is for --format gexf"}},
		{"serve with no block cache", []string{"serve", "--db", db, "--cache-mb", "0"}, 2, nil, []string{"--cache-mb must be at least 1"}},
		{"serve with a negative memory limit", []string{"serve", "--db", db, "--mem-limit-mb", "-5"}, 2, nil, []string{"--mem-limit-mb must not be negative"}},
		{"query without a database", []string{"query", "--db", db, "{ stats { events } }"}, 1, nil, []string{"no database at " + db}},
		{"export from a database of an unknown kind", []string{"export", "--db", "postgres://127.0.0.1/x"}, 1, nil, []string{`no backend for "postgres" databases`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			eventgraph(t, "", tt.args...).check(t, tt.code, tt.stdout, tt.stderr)
		})
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("a usage error created the database %s", db)
	}
}

// TestDgraphUnreachable: every command given a dgraph:// database that
// does not answer fails at once (exit 1) and names it; in a build without
// the Dgraph backend it says so instead.
func TestDgraphUnreachable(t *testing.T) {
	const dsn = "dgraph://127.0.0.1:1" // nothing listens on port 1
	want := []string{dsn, "connection refused"}
	if !slices.Contains(backend.Schemes(), "dgraph") {
		want = []string{dsn + ": this build has no Dgraph backend"}
	}
	for _, args := range [][]string{
		{"load", "--db", dsn, seeds},
		{"query", "--db", dsn, "{ stats { events } }"},
		{"timeline", "--db", dsn},
		{"export", "--db", dsn, "--format", "jsonl"},
		{"serve", "--db", dsn, "--addr", "127.0.0.1:0"},
	} {
		t.Run(args[0], func(t *testing.T) {
			eventgraph(t, "", args...).check(t, 1, nil, want)
		})
	}
}

func TestLoad(t *testing.T) {
	// A folder with the seeds and one file that is not text.
	mixed := t.TempDir()
	for _, name := range []string{"000_1f8fafb75314893b.txt", "003_91bc4412a6e28247.txt", "manifest.json"} {
		b, err := os.ReadFile(filepath.Join(seeds, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(mixed, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bad := filepath.Join(mixed, "001_broken.txt")
	if err := os.WriteFile(bad, []byte("PK\x03\x04\x00\x00binary\x00"), 0o644); err != nil {
		t.Fatal(err)
	}

	for _, tt := range []struct {
		name           string
		args           func(db string) []string
		stdin          string
		code           int
		stdout, stderr []string
	}{
		{"a folder", func(db string) []string { return []string{"load", "--db", db, seeds} },
			"", 0, []string{"loaded 7 articles (0 already stored)"}, nil},
		{"flags after the arguments", func(db string) []string { return []string{"load", seeds, "--db", db} },
			"", 0, []string{"loaded 7 articles"}, nil},
		{"files", func(db string) []string {
			return []string{"load", "--db", db, filepath.Join(seeds, "003_91bc4412a6e28247.txt"), filepath.Join(seeds, "004_1d88f3e7e6b543f0.txt")}
		}, "", 0, []string{"loaded 2 articles"}, nil},
		{"stdin", func(db string) []string { return []string{"load", "--db", db, "-"} },
			headerArticle, 0, []string{"loaded 1 articles"}, nil},
		{"a bad file among good ones", func(db string) []string { return []string{"load", "--db", db, mixed} },
			"", 1, []string{"loaded 3 articles", "; 1 errors"}, []string{bad}},
		{"a missing path", func(db string) []string { return []string{"load", "--db", db, seeds, "no/such/file.txt"} },
			"", 1, []string{"loaded 7 articles"}, []string{"no/such/file.txt"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "db")
			eventgraph(t, tt.stdin, tt.args(db)...).check(t, tt.code, tt.stdout, tt.stderr)
			if _, err := os.Stat(db); err != nil {
				t.Errorf("no database at --db %s: %v", db, err)
			}
		})
	}
	if _, err := os.Stat("data"); err == nil {
		t.Error("a load with --db wrote the default ./data")
	}
}

func TestLoadStdinHeader(t *testing.T) {
	db := t.TempDir()
	eventgraph(t, headerArticle, "load", "--db", db, "-").check(t, 0, []string{"loaded 1 articles"}, nil)
	r := eventgraph(t, "", "query", "--db", db, `{ articles { edges { node { title source published } } } }`)
	r.check(t, 0, []string{`"title": "Iraq and Jordan discuss the border"`, `"source": "Test Wire"`, `"published": "2024-06-02"`}, nil)
}

func TestReload(t *testing.T) {
	db := seedDB(t)
	before := eventgraph(t, "", "query", "--db", db, `{ stats { articles events actors agreements } }`)
	eventgraph(t, "", "load", "--db", db, seeds).check(t, 0, []string{"loaded 0 articles (7 already stored), 0 events"}, nil)
	after := eventgraph(t, "", "query", "--db", db, `{ stats { articles events actors agreements } }`)
	if before.code != 0 || before.stdout != after.stdout {
		t.Errorf("re-loading changed the graph:\n%s\nthen\n%s", before.stdout, after.stdout)
	}
}

func TestQuery(t *testing.T) {
	db := seedDB(t)
	for _, tt := range []struct {
		name  string
		args  []string
		code  int
		check func(t *testing.T, resp map[string]any)
	}{
		{"with --vars", []string{"query", "--db", db, "--vars", `{"n": "Shammari"}`, `query($n: String) { actor(name: $n) { name kind } }`}, 0,
			func(t *testing.T, resp map[string]any) {
				a, _ := resp["data"].(map[string]any)["actor"].(map[string]any)
				if a == nil || !strings.Contains(a["name"].(string), "Shammari") || a["kind"] != "PERSON" {
					t.Errorf("data: %v", resp["data"])
				}
			}},
		{"flags after the query", []string{"query", `{ articles(first: 10) { totalCount } }`, "--db", db}, 0,
			func(t *testing.T, resp map[string]any) {
				if n := resp["data"].(map[string]any)["articles"].(map[string]any)["totalCount"]; n != 7.0 {
					t.Errorf("articles totalCount %v, want 7", n)
				}
			}},
		{"a bad query", []string{"query", "--db", db, `{ events { nope } }`}, 1,
			func(t *testing.T, resp map[string]any) {
				errs, _ := resp["errors"].([]any)
				if len(errs) == 0 || !strings.Contains(errs[0].(map[string]any)["message"].(string), `"nope"`) {
					t.Errorf("errors: %v", resp["errors"])
				}
			}},
		{"a bad argument", []string{"query", "--db", db, `{ events(from: "12/05/2024") { totalCount } }`}, 1,
			func(t *testing.T, resp map[string]any) {
				errs, _ := resp["errors"].([]any)
				if len(errs) == 0 || !strings.Contains(errs[0].(map[string]any)["message"].(string), "is not a date") {
					t.Errorf("errors: %v", resp["errors"])
				}
			}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := eventgraph(t, "", tt.args...)
			r.check(t, tt.code, nil, nil)
			var resp map[string]any
			if err := json.Unmarshal([]byte(r.stdout), &resp); err != nil {
				t.Fatalf("stdout is not JSON: %v\n%.600s", err, r.stdout)
			}
			tt.check(t, resp)
		})
	}
}

func TestTimeline(t *testing.T) {
	db := seedDB(t)
	var id struct {
		Data struct{ Actor struct{ ID string } }
	}
	r := eventgraph(t, "", "query", "--db", db, `{ actor(name: "Abdul Amir al-Shammari") { id } }`)
	if err := json.Unmarshal([]byte(r.stdout), &id); err != nil || id.Data.Actor.ID == "" {
		t.Fatalf("al-Shammari not found: %v %s", err, r.stdout)
	}
	r = eventgraph(t, "", "timeline", "--db", db, "--actor", "al-Shammari")
	r.check(t, 0, nil, nil)
	var tl struct {
		Events []timeline.Item
		Count  int
	}
	if err := json.Unmarshal([]byte(r.stdout), &tl); err != nil {
		t.Fatalf("timeline is not JSON: %v\n%.600s", err, r.stdout)
	}
	if len(tl.Events) < 2 || tl.Count != len(tl.Events) {
		t.Fatalf("timeline of al-Shammari: %d events, count %d", len(tl.Events), tl.Count)
	}
	for i, it := range tl.Events {
		his := false
		for _, a := range it.Actors {
			his = his || a.ID == id.Data.Actor.ID
		}
		if !his {
			t.Errorf("event %q does not involve al-Shammari: %+v", it.Title, it.Actors)
		}
		if i > 0 && it.Date.Start < tl.Events[i-1].Date.Start {
			t.Errorf("%s %q listed after %s %q", it.Date.Start, it.Title, tl.Events[i-1].Date.Start, tl.Events[i-1].Title)
		}
	}
	// TimelineJS, as the dashboards take it.
	r = eventgraph(t, "", "timeline", "--db", db, "--actor", "Shammari", "--format", "timelinejs")
	r.check(t, 0, []string{`"events"`, `"start_date"`}, nil)
}

func TestExport(t *testing.T) {
	db := seedDB(t)
	dir := t.TempDir()
	for _, tt := range []struct {
		name  string
		args  []string
		files map[string]string // file → how it starts
	}{
		{"gexf", []string{"export", "--db", db, "--format", "gexf", "--out", filepath.Join(dir, "g.gexf")},
			map[string]string{"g.gexf": `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<gexf xmlns="http://www.gexf.net/1.2draft"`}},
		{"gexf1.2draft", []string{"export", "--db", db, "--format", "gexf", "--gexf-version", "1.2draft", "--out", filepath.Join(dir, "g12.gexf")},
			map[string]string{"g12.gexf": `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<gexf xmlns="http://www.gexf.net/1.2draft"`}},
		{"gexf1.3", []string{"export", "--db", db, "--format", "gexf", "--gexf-version", "1.3", "--out", filepath.Join(dir, "g13.gexf")},
			map[string]string{"g13.gexf": `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<gexf xmlns="http://gexf.net/1.3"`}},
		{"graphml", []string{"export", "--out", filepath.Join(dir, "g.graphml"), "--format", "graphml", "--db", db},
			map[string]string{"g.graphml": "<?xml"}},
		{"csv", []string{"export", "--db", db, "--format", "csv", "--out", filepath.Join(dir, "g.csv")},
			map[string]string{"g-nodes.csv": "Id,Label,", "g-edges.csv": "Source,Target,"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			eventgraph(t, "", tt.args...).check(t, 0, nil, nil)
			for f, prefix := range tt.files {
				b, err := os.ReadFile(filepath.Join(dir, f))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.HasPrefix(b, []byte(prefix)) || len(b) < 200 {
					t.Errorf("%s: %d bytes starting %.80q, want %q", f, len(b), b, prefix)
				}
				// the nodes carry the actors' names
				if !strings.HasSuffix(f, "-edges.csv") && !bytes.Contains(b, []byte("Abdul Amir al-Shammari")) {
					t.Errorf("%s does not name al-Shammari", f)
				}
			}
		})
	}
}

// TestLocked: a database another process holds (a running server) gives a
// clear message, not Badger's lock error.
func TestLocked(t *testing.T) {
	db := seedDB(t)
	st, err := graph.Open(graph.DefaultOptions(db))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, args := range [][]string{
		{"query", "--db", db, `{ stats { events } }`},
		{"load", "--db", db, seeds},
		{"timeline", "--db", db},
	} {
		t.Run(args[0], func(t *testing.T) {
			eventgraph(t, "", args...).check(t, 1, nil, []string{graph.ErrLocked.Error()})
		})
	}
}

// TestFiltersAgree: `eventgraph timeline --undated` and the GraphQL events
// query of `eventgraph query` select the same events for the same filters.
func TestFiltersAgree(t *testing.T) {
	db := seedDB(t)
	for _, f := range [][2]string{
		{"", ""}, {"country", "Iraq"}, {"country", "SY"}, {"from", "2024"}, {"to", "2023-12"},
		{"type", "0"}, {"cameo", "05"}, {"status", "planned"}, {"text", "border"}, {"place", "Baghdad"}, {"place", "Atlantis"},
	} {
		t.Run(f[0]+"="+f[1], func(t *testing.T) {
			args := []string{"timeline", "--db", db, "--undated"}
			gargs := "first: 500"
			if f[0] != "" {
				args = append(args, "--"+f[0], f[1])
				gargs += fmt.Sprintf(", %s: %q", f[0], f[1])
			}
			r := eventgraph(t, "", args...)
			r.check(t, 0, nil, nil)
			var tl struct{ Events []struct{ ID string } }
			if err := json.Unmarshal([]byte(r.stdout), &tl); err != nil {
				t.Fatal(err)
			}
			q := eventgraph(t, "", "query", "--db", db, "{ events("+gargs+") { nodes { id } } }")
			q.check(t, 0, nil, nil)
			var d struct {
				Data struct {
					Events struct{ Nodes []struct{ ID string } }
				}
			}
			if err := json.Unmarshal([]byte(q.stdout), &d); err != nil {
				t.Fatal(err)
			}
			var a, b []string
			for _, e := range tl.Events {
				a = append(a, e.ID)
			}
			for _, e := range d.Data.Events.Nodes {
				b = append(b, e.ID)
			}
			sort.Strings(a)
			sort.Strings(b)
			if strings.Join(a, ",") != strings.Join(b, ",") {
				t.Errorf("timeline %d events, GraphQL %d:\n%v\n%v", len(a), len(b), a, b)
			}
			if f[0] == "" && len(a) < 10 {
				t.Errorf("only %d events in the seeds", len(a))
			}
		})
	}
}

// gexfDoc is the part of a GEXF file the Gephi test reads.
type gexfDoc struct {
	Nodes []struct {
		ID        string `xml:"id,attr"`
		Start     string `xml:"start,attr"`
		End       string `xml:"end,attr"`
		Attvalues []struct {
			For   string `xml:"for,attr"`
			Value string `xml:"value,attr"`
		} `xml:"attvalues>attvalue"`
		Position *struct {
			X string `xml:"x,attr"`
			Y string `xml:"y,attr"`
		} `xml:"position"`
	} `xml:"graph>nodes>node"`
	Edges []struct {
		Source    string `xml:"source,attr"`
		Target    string `xml:"target,attr"`
		Start     string `xml:"start,attr"`
		End       string `xml:"end,attr"`
		Attvalues []struct {
			For   string `xml:"for,attr"`
			Value string `xml:"value,attr"`
		} `xml:"attvalues>attvalue"`
	} `xml:"graph>edges>edge"`
}

// TestGephiAttributes exports the seeds as GEXF (both versions) and checks
// what Gephi needs: every event at a located place carries the place's
// lat/lng and viz position (Geo Layout), and every actor, place and article
// is on the timeline from the first day of its events to the last.
func TestGephiAttributes(t *testing.T) {
	db := seedDB(t)
	dir := t.TempDir()
	for _, v := range []string{"1.2draft", "1.3"} {
		out := filepath.Join(dir, v+".gexf")
		eventgraph(t, "", "export", "--db", db, "--gexf-version", v, "--out", out).check(t, 0, nil, nil)
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var g gexfDoc
		if err := xml.Unmarshal(b, &g); err != nil {
			t.Fatal(err)
		}
		type node struct {
			typ, start, end, lat, lng string
			pos                       bool
		}
		nodes := map[string]*node{}
		for _, n := range g.Nodes {
			x := &node{start: n.Start, end: n.End, pos: n.Position != nil}
			for _, a := range n.Attvalues {
				switch a.For {
				case "type":
					x.typ = a.Value
				case "lat":
					x.lat = a.Value
				case "lng":
					x.lng = a.Value
				}
			}
			nodes[n.ID] = x
		}
		want := map[string]*[2]string{} // node → first and last day of its events
		located := 0
		for _, e := range g.Edges {
			rel := ""
			for _, a := range e.Attvalues {
				if a.For == "relation" {
					rel = a.Value
				}
			}
			other := ""
			switch {
			case rel == "participant" && nodes[e.Target].typ == "event":
				other = e.Source
			case (rel == "located in" || rel == "reported by") && nodes[e.Source].typ == "event":
				other = e.Target
			}
			if rel == "located in" && nodes[e.Source].typ == "event" {
				ev, p := nodes[e.Source], nodes[e.Target]
				if p.lat != "" {
					located++
					if ev.lat != p.lat || ev.lng != p.lng || !ev.pos {
						t.Errorf("%s: event %s at %s,%s (position %v); its place is at %s,%s", v, e.Source, ev.lat, ev.lng, ev.pos, p.lat, p.lng)
					}
				}
			}
			if other == "" || e.Start == "" || e.End == "" {
				continue
			}
			if w := want[other]; w == nil {
				want[other] = &[2]string{e.Start, e.End}
			} else {
				w[0], w[1] = min(w[0], e.Start), max(w[1], e.End)
			}
		}
		if located == 0 {
			t.Errorf("%s: no event at a located place", v)
		}
		counted := map[string]int{}
		for id, w := range want {
			n := nodes[id]
			counted[n.typ]++
			if n.start != w[0] || n.end != w[1] {
				t.Errorf("%s: %s %s on the timeline %s..%s, its events %s..%s", v, n.typ, id, n.start, n.end, w[0], w[1])
			}
		}
		for _, typ := range []string{"actor", "place", "article"} {
			if counted[typ] == 0 {
				t.Errorf("%s: no %s with dated events", v, typ)
			}
		}
	}
}

// TestEval scores the seeds against the gold kept in the repository, as a
// user scores their own annotated articles: the figures the project's
// scorer gives (seeds: every must event found, dates and actors right,
// one CAMEO root of 22 wrong).
func TestEval(t *testing.T) {
	gold := "../../loader/extract/testdata/gold/seeds.json"
	// the figures, not the number of events found, which moves with every
	// extraction change
	line := "must=22 recall=1.00 precision=1.00 f1=1.00 date=1.00 actors=1.00 cameo=0.95"
	eventgraph(t, "", "eval", "--gold", gold, seeds).check(t, 0, []string{line}, nil)
	eventgraph(t, "", "eval", "--gold", gold, "--min-recall", "1", "--min-cameo", "0.99", seeds).check(t, 1, []string{"recall=1.00"}, nil)
	eventgraph(t, "", "eval", seeds).check(t, 2, nil, []string{"give --gold FILE"})
	// a gold event the articles do not have is a miss
	dir := t.TempDir()
	g := `{"articles": [{"title": "Iraq and Jordan discuss the border", "events": [
	  {"id": "x1", "need": "must", "phrase": "met his Jordanian counterpart", "date": {"start": "2024-06-02", "end": "2024-06-02"}, "actors": ["Jordan"], "cameo": ["04"]},
	  {"id": "x2", "need": "must", "phrase": "signed a treaty on water", "date": null, "actors": [], "cameo": []}]}]}`
	if err := os.WriteFile(filepath.Join(dir, "gold.json"), []byte(g), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(headerArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	r := eventgraph(t, "", "eval", "--verbose", "--gold", filepath.Join(dir, "gold.json"), filepath.Join(dir, "a.txt"))
	r.check(t, 0, []string{`miss x2: "signed a treaty on water"`, "must=2 recall=0.50"}, nil)
	if strings.Contains(r.stdout, "miss x1") {
		t.Errorf("x1 missed:\n%s", r.stdout)
	}
}

// TestServeSIGHUP: a SIGHUP (the terminal closed) stops serve gracefully,
// with exit 0, instead of killing the process (and this test with it).
func TestServeSIGHUP(t *testing.T) {
	db := seedDB(t)
	pr, pw := io.Pipe()
	var errb bytes.Buffer
	done := make(chan int, 1)
	go func() {
		code := run([]string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, strings.NewReader(""), pw, &errb)
		pw.Close()
		done <- code
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil || !strings.Contains(line, "serving on") {
		t.Fatalf("serve did not start: %q %v %s", line, err, errb.String())
	}
	go io.Copy(io.Discard, pr)
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	if code := <-done; code != 0 {
		t.Errorf("exit %d after SIGHUP, want 0: %s", code, errb.String())
	}
}

// TestLoadDiskFull: a load on a disk with less free space than the margin
// (EVENTGRAPH_MIN_FREE_MB) exits 1 with "disk full", and the database still
// answers queries.
func TestLoadDiskFull(t *testing.T) {
	db := seedDB(t)
	t.Setenv("EVENTGRAPH_MIN_FREE_MB", "1000000000000")
	r := eventgraph(t, headerArticle, "load", "--db", db, "-")
	r.check(t, 1, nil, []string{"disk full: ", "MiB free on " + db})
	if strings.Contains(r.stderr, "goroutine") {
		t.Errorf("a Go dump: %.300s", r.stderr)
	}
	eventgraph(t, "", "query", "--db", db, `{ stats { articles } }`).check(t, 0, []string{`"articles": 7`}, nil)
}

// TestReadNotADatabase: a reading command on a folder that is not a
// database refuses, and creates nothing in it.
func TestReadNotADatabase(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("my notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"query", "--db", dir, `{ stats { events } }`},
		{"timeline", "--db", dir},
		{"export", "--db", dir, "--format", "jsonl"},
	} {
		eventgraph(t, "", args...).check(t, 1, nil, []string{dir + " is not an eventgraph database"})
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 {
		t.Errorf("the folder now holds %d entries, want only notes.txt", len(ents))
	}
}

// TestServeGC: serve's collector settings, and the user's winning.
func TestServeGC(t *testing.T) {
	for _, c := range []struct {
		name           string
		gogc, memLimit string
		flagMB         int64
		wantLimit      int64
		wantGCPercent  int
	}{
		{"defaults", "", "", serverMemLimitMB, serverMemLimitMB << 20, serverGCPercent},
		{"--mem-limit-mb 100", "", "", 100, 100 << 20, serverGCPercent},
		{"--mem-limit-mb 0: no limit, Go's GOGC", "", "", 0, 0, 0},
		{"GOMEMLIMIT wins over the flag", "", "1GiB", 100, 0, serverGCPercent},
		{"GOGC wins", "150", "", serverMemLimitMB, serverMemLimitMB << 20, 0},
		{"GOGC=off and GOMEMLIMIT: both the user's", "off", "200MiB", serverMemLimitMB, 0, 0},
		{"GOMEMLIMIT without the flag's limit", "", "300MiB", 0, 0, serverGCPercent},
	} {
		limit, pct := serveGC(c.gogc, c.memLimit, c.flagMB)
		if limit != c.wantLimit || pct != c.wantGCPercent {
			t.Errorf("%s: serveGC(%q, %q, %d) = %d, %d; want %d, %d", c.name, c.gogc, c.memLimit, c.flagMB, limit, pct, c.wantLimit, c.wantGCPercent)
		}
	}
}
