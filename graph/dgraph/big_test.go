//go:build dgraphbig

// The big conformance test loads 2,000 synthetic articles into both stores
// (about twelve minutes on two cores, eight of them Dgraph writing), so it
// is kept out of `make test` by the build tag dgraphbig and run by `make
// test-dgraph-big` (and by .ci/run, after make test, race and fuzz).

package dgraph

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"eventgraph/graph"
	"eventgraph/graph/dgraph/dgraphtest"
	"eventgraph/loader/synth"
	"eventgraph/server"
)

// bigArticles is the size of the big conformance corpus (issue 16);
// EVENTGRAPH_BIG_ARTICLES overrides it.
const bigArticles = 2000

// eventFragment is every field of an event the GraphQL schema serves;
// ownEventFields those an event holds itself (no lookup of another node, for
// the walks of the whole graph: the exports give the rest of every event).
const (
	ownEventFields = `fragment E on Event { id type cameo title status disputed disputes
  date { value start end precision text inferred anchor }
  evidence { sentence start end } quantities { value unit text counts } }`
	eventFragment = `fragment E on Event { id type cameo title status disputed disputes
  date { value start end precision text inferred anchor }
  participants { role actor { id name kind } }
  place { id name kind lat lon country countryCode note }
  agreement { id name kind }
  evidence { article { id title } sentence start end }
  quantities { value unit text counts article { id } }
  reports { article { id } date { value start end } quantities { value unit } evidence { sentence } } }`
)

// front is one store's server, in process.
type front struct {
	name string
	ts   *httptest.Server
}

func newFront(t *testing.T, name string, st graph.Storage) *front {
	t.Helper()
	srv, err := server.New(st, nil, server.Config{QueryTimeout: 5 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return &front{name: name, ts: ts}
}

// get answers a GET of path.
func (f *front) get(t *testing.T, path string) []byte {
	t.Helper()
	resp, err := f.ts.Client().Get(f.ts.URL + path)
	if err != nil {
		t.Fatalf("%s: GET %s: %v", f.name, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: GET %s: %s %v %.300s", f.name, path, resp.Status, err, b)
	}
	return b
}

// graphql answers a query with variables; an answer with errors fails the
// test.
func (f *front) graphql(t *testing.T, what, query string, vars map[string]any) []byte {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := f.ts.Client().Post(f.ts.URL+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("%s: graphql: %v", f.name, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: graphql %s %v: %s %v %.300s", f.name, what, vars, resp.Status, err, b)
	}
	var e struct{ Errors []any }
	if json.Unmarshal(b, &e) == nil && len(e.Errors) > 0 {
		t.Fatalf("%s: graphql %s %v: %.500s", f.name, what, vars, b)
	}
	return b
}

// sortedJSON is a JSON answer re-encoded with its objects' keys sorted
// (arrays keep their order: the order of a page is part of the answer).
func sortedJSON(t *testing.T, b []byte) string {
	t.Helper()
	var v any
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	if err := d.Decode(&v); err != nil {
		t.Fatalf("decode %.200s: %v", b, err)
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// sortedLines are the lines of an export, sorted.
func sortedLines(b []byte) string {
	lines := strings.Split(string(b), "\n")
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// sameAnswer fails the test when the two answers differ once normalized.
func sameAnswer(t *testing.T, what, emb, dg string) {
	t.Helper()
	if emb == dg {
		return
	}
	i := 0
	for i < len(emb) && i < len(dg) && emb[i] == dg[i] {
		i++
	}
	lo := max(0, i-200)
	t.Errorf("%s: Dgraph's answer differs from the embedded store's at byte %d of %d/%d:\nembedded: …%.500s\ndgraph:   …%.500s",
		what, i, len(emb), len(dg), emb[lo:], dg[lo:])
}

// TestBigConformance loads a 2,000-article synthetic corpus (about 120
// articles a month, so that reports of one event meet across articles)
// into the embedded store and into Dgraph, one article at a time in the
// same order, then asks both servers the same questions and compares the
// answers: GraphQL connections walked page by page with their cursors and
// totalCount, with each filter and both orders; actors, agreements,
// articles and stats; /timeline month by month and with filters; and every
// export format (whole and for one month). JSON is compared with its keys
// sorted, exports line by line sorted (and reported when only the order
// differs).
func TestBigConformance(t *testing.T) {
	dgraphtest.Binary(t)
	n := bigArticles
	if v, err := strconv.Atoi(os.Getenv("EVENTGRAPH_BIG_ARTICLES")); err == nil && v > 0 {
		n = v
	}
	start := time.Now()
	from := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	months := (n + 119) / 120
	docs := synth.GenerateWith(n, 2000, synth.Options{Paragraphs: 4, From: from, To: from.AddDate(0, months, -1)})
	emb, dg, _ := openBoth(t)
	// the time of the Dgraph store's reads by the shape of their query
	// (its literals blanked), for the log
	type cost struct {
		n, bytes int
		took     time.Duration
	}
	var costMu sync.Mutex
	costs := map[string]*cost{}
	literal := regexp.MustCompile(`"(?:[^"\\]|\\.)*"|\b[0-9]+\b`)
	lists := regexp.MustCompile(`\[[?, ]*\]`)
	dg.queried = func(q string, took time.Duration, answer int) {
		shape := lists.ReplaceAllString(literal.ReplaceAllString(q, "?"), "[…]")
		costMu.Lock()
		defer costMu.Unlock()
		c := costs[shape]
		if c == nil {
			c = &cost{}
			costs[shape] = c
		}
		c.n++
		c.bytes += answer
		c.took += took
	}
	logCosts := func(phase string) {
		costMu.Lock()
		defer costMu.Unlock()
		shapes := slices.Collect(maps.Keys(costs))
		slices.SortFunc(shapes, func(a, b string) int { return cmp.Compare(costs[b].took, costs[a].took) })
		var lines []string
		var all time.Duration
		for _, s := range shapes {
			all += costs[s].took
		}
		for _, s := range shapes[:min(12, len(shapes))] {
			c := costs[s]
			lines = append(lines, fmt.Sprintf("%8.3fs %6d queries %9d bytes  %.160s", c.took.Seconds(), c.n, c.bytes, strings.Join(strings.Fields(s), " ")))
		}
		t.Logf("Dgraph reads of %s: %v in queries; by shape:\n%s", phase, all.Round(time.Millisecond), strings.Join(lines, "\n"))
		clear(costs)
	}
	tookE, resE := load(t, emb, docs)
	tookD, resD := load(t, dg, docs)
	merged := 0
	for _, r := range resE {
		merged += r.Merged
	}
	t.Logf("%d synthetic articles over %d months (%d events merged into stored ones): embedded %v (%.1f articles/s), Dgraph %v (%.1f articles/s; %d tries aborted)",
		len(docs), months, merged, tookE.Round(time.Millisecond), float64(len(docs))/tookE.Seconds(),
		tookD.Round(time.Millisecond), float64(len(docs))/tookD.Seconds(), dg.aborts.Load())
	if merged == 0 {
		t.Error("no event merged across articles: the corpus tests too little")
	}
	resJSON := func(r []graph.PutResult) string { b, _ := json.Marshal(r); return string(b) }
	sameAnswer(t, "put results", resJSON(resE), resJSON(resD))
	checked := time.Now()
	if err := dg.Check(); err != nil {
		t.Errorf("dgraph check: %v", err)
	}
	t.Logf("Check of the Dgraph store: %v", time.Since(checked).Round(time.Millisecond))
	logCosts("Check")
	loaded := time.Now()
	phase := time.Now()
	fe, fd := newFront(t, "embedded", embeddedStorage{emb}), newFront(t, "dgraph", dg)
	asked := 0
	var slow []string
	// ask puts one GraphQL query to both and compares; it returns the
	// embedded answer.
	ask := func(what, query string, vars map[string]any) []byte {
		t.Helper()
		t0 := time.Now()
		e := fe.graphql(t, what, query, vars)
		t1 := time.Now()
		d := fd.graphql(t, what, query, vars)
		slow = append(slow, fmt.Sprintf("%8.3fs %8.3fs %s", time.Since(t1).Seconds(), t1.Sub(t0).Seconds(), what))
		sameAnswer(t, what, sortedJSON(t, e), sortedJSON(t, d))
		asked++
		return e
	}

	// the counts, and the names the filters below use
	st := ask("stats", `{ stats { articles events actors places agreements byType { type count }
		byMonth { month count } byActor(first: 500) { actor { id name kind } count } } }`, nil)
	var stats struct {
		Data struct {
			Stats struct {
				Events  int
				ByType  []struct{ Type string }
				ByActor []struct {
					Actor struct{ ID, Name, Kind string }
				}
			}
		}
	}
	if err := json.Unmarshal(st, &stats); err != nil {
		t.Fatal(err)
	}
	s := stats.Data.Stats
	if s.Events < 10*n/2 || len(s.ByActor) < 20 || len(s.ByType) < 3 {
		t.Fatalf("the corpus is too small to compare: %.500s", st)
	}
	// the months the articles were published in
	var monthList []string
	for i := 0; i < months; i++ {
		monthList = append(monthList, from.AddDate(0, i, 0).Format("2006-01"))
	}
	mid := monthList[len(monthList)/2]
	person, org := "", ""
	for _, a := range s.ByActor {
		switch {
		case a.Actor.Kind == "PERSON" && person == "":
			person = a.Actor.Name
		case a.Actor.Kind == "ORGANIZATION" && org == "":
			org = a.Actor.Name
		}
	}
	places := ask("places", `query($from: String, $to: String) { events(from: $from, to: $to, first: 200) { nodes { place { id name countryCode } } } }`,
		map[string]any{"from": mid, "to": mid})
	var pl struct {
		Data struct {
			Events struct {
				Nodes []struct {
					Place *struct{ ID, Name, CountryCode string }
				}
			}
		}
	}
	if err := json.Unmarshal(places, &pl); err != nil {
		t.Fatal(err)
	}
	place, country := "", ""
	for _, e := range pl.Data.Events.Nodes {
		if e.Place != nil && place == "" {
			place = e.Place.Name
		}
		if e.Place != nil && e.Place.CountryCode != "" && country == "" {
			country = e.Place.CountryCode
		}
	}
	if person == "" || org == "" || place == "" || country == "" {
		t.Fatalf("no person, organization, place or country to filter by: %q %q %q %q", person, org, place, country)
	}

	// events: every filter, walked page by page through the cursors
	// eventsQuery declares only the variables given (a variable given as
	// null is not the argument's default)
	eventsQuery := func(fragment string, vars map[string]any) string {
		var decl, args []string
		for _, k := range []string{"from", "to", "actor", "type", "cameo", "place", "country", "status", "text", "order", "first", "after"} {
			if _, ok := vars[k]; !ok {
				continue
			}
			typ := "String"
			switch k {
			case "order":
				typ = "Order"
			case "first":
				typ = "Int"
			}
			decl = append(decl, "$"+k+": "+typ)
			args = append(args, k+": $"+k)
		}
		return fragment + `
query(` + strings.Join(decl, ", ") + `) { events(` + strings.Join(args, ", ") + `) {
  totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ...E } } } }`
	}
	walk := func(what string, vars map[string]any, pageSize, maxPages int) {
		fragment := eventFragment
		if strings.HasPrefix(what, "all") {
			fragment = ownEventFields
		}
		t.Helper()
		vars["first"] = pageSize
		for page := 0; page < maxPages; page++ {
			b := ask(fmt.Sprintf("events %s page %d", what, page+1), eventsQuery(fragment, vars), vars)
			var p struct {
				Data struct {
					Events struct {
						TotalCount int
						PageInfo   struct {
							HasNextPage bool
							EndCursor   string
						}
					}
				}
			}
			if err := json.Unmarshal(b, &p); err != nil {
				t.Fatal(err)
			}
			if page == 0 && p.Data.Events.TotalCount == 0 && what != "none" {
				t.Errorf("events %s: no event to compare", what)
			}
			if !p.Data.Events.PageInfo.HasNextPage {
				return
			}
			vars["after"] = p.Data.Events.PageInfo.EndCursor
		}
	}
	walk("all", map[string]any{}, 500, 1<<20)
	walk("all desc", map[string]any{"order": "DESC"}, 500, 6)
	walk("month", map[string]any{"from": mid, "to": mid}, 50, 1<<20)
	walk("month desc", map[string]any{"from": mid, "to": mid, "order": "DESC"}, 50, 1<<20)
	walk("from", map[string]any{"from": mid + "-10"}, 200, 4)
	walk("to desc", map[string]any{"to": mid + "-20", "order": "DESC"}, 200, 4)
	walk("person", map[string]any{"actor": person}, 100, 1<<20)
	walk("organization in a quarter", map[string]any{"actor": org, "from": monthList[0], "to": monthList[min(2, len(monthList)-1)]}, 20, 1<<20)
	walk("type", map[string]any{"type": s.ByType[0].Type}, 200, 5)
	walk("type desc month", map[string]any{"type": s.ByType[1].Type, "from": mid, "to": mid, "order": "DESC"}, 20, 1<<20)
	walk("cameo", map[string]any{"cameo": "04", "from": mid}, 100, 3)
	walk("place", map[string]any{"place": place}, 100, 1<<20)
	walk("country", map[string]any{"country": country, "from": mid, "to": mid}, 100, 1<<20)
	walk("status", map[string]any{"status": "PLANNED"}, 100, 3)
	walk("text", map[string]any{"text": "minister", "from": monthList[0], "to": mid}, 100, 3)
	walk("none", map[string]any{"actor": "No Such Actor Anywhere"}, 10, 1)

	// actors, one actor, agreements, articles
	const actorsQuery = `query($name: String, $kind: ActorKind, $first: Int, $after: String) {
  actors(name: $name, kind: $kind, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name kind aliases country countryCode } } } }`
	for _, c := range []struct {
		what string
		vars map[string]any
	}{{"all", map[string]any{}}, {"persons", map[string]any{"kind": "PERSON"}}, {"name", map[string]any{"name": "al"}}} {
		c.vars["first"] = 200
		for page := 1; ; page++ {
			b := ask(fmt.Sprintf("actors %s page %d", c.what, page), actorsQuery, c.vars)
			var p struct {
				Data struct {
					Actors struct {
						PageInfo struct {
							HasNextPage bool
							EndCursor   string
						}
					}
				}
			}
			if err := json.Unmarshal(b, &p); err != nil {
				t.Fatal(err)
			}
			if !p.Data.Actors.PageInfo.HasNextPage {
				break
			}
			c.vars["after"] = p.Data.Actors.PageInfo.EndCursor
		}
	}
	for _, name := range []string{person, org, strings.ToLower(person)} {
		ask("actor "+name, eventFragment+`query($name: String, $from: String, $to: String) { actor(name: $name) { id name kind aliases country
		  roles { title organization { name } from to evidence { sentence } }
		  events(from: $from, to: $to, first: 30) { totalCount pageInfo { endCursor hasNextPage } edges { cursor node { ...E } } } } }`,
			map[string]any{"name": name, "from": monthList[0], "to": mid})
	}
	const agreementFields = `{ id name kind date { value start end precision } parties { id name } signatories { id name } topics place { id name } }`
	ask("agreements", `{ agreements `+agreementFields+` }`, nil)
	ask("agreements of a month", `query($from: String, $to: String) { agreements(from: $from, to: $to) `+agreementFields+` }`,
		map[string]any{"from": mid, "to": mid})
	ask("agreements of a party", `query($party: String) { agreements(party: $party) `+agreementFields+` }`, map[string]any{"party": org})
	vars := map[string]any{"first": 500}
	for page := 1; ; page++ {
		b := ask(fmt.Sprintf("articles page %d", page), `query($first: Int, $after: String) { articles(first: $first, after: $after) {
		  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title source url published events { id } } } } }`, vars)
		var p struct {
			Data struct {
				Articles struct {
					PageInfo struct {
						HasNextPage bool
						EndCursor   string
					}
				}
			}
		}
		if err := json.Unmarshal(b, &p); err != nil {
			t.Fatal(err)
		}
		if !p.Data.Articles.PageInfo.HasNextPage {
			break
		}
		vars["after"] = p.Data.Articles.PageInfo.EndCursor
	}

	t.Logf("GraphQL: %d questions in %v", asked, time.Since(phase).Round(time.Millisecond))
	logCosts("GraphQL")
	phase = time.Now()

	// /timeline: each month, a year, and with filters
	getBoth := func(what, path string, lines bool) {
		t.Helper()
		t0 := time.Now()
		e := fe.get(t, path)
		t1 := time.Now()
		d := fd.get(t, path)
		slow = append(slow, fmt.Sprintf("%8.3fs %8.3fs %s", time.Since(t1).Seconds(), t1.Sub(t0).Seconds(), what))
		asked++
		if len(e) < 20 {
			t.Errorf("%s: answer too short to compare: %q", what, e)
		}
		if !lines {
			sameAnswer(t, what, sortedJSON(t, e), sortedJSON(t, d))
			return
		}
		if bytes.Equal(e, d) {
			return
		}
		sameAnswer(t, what+" (lines sorted)", sortedLines(e), sortedLines(d))
		if sortedLines(e) == sortedLines(d) {
			t.Logf("%s: the same lines in another order", what)
		}
	}
	for _, m := range monthList {
		getBoth("timeline "+m, "/timeline?from="+m+"&to="+m, false)
	}
	q := url.Values{"from": {monthList[0]}, "to": {monthList[len(monthList)-1]}}
	getBoth("timeline of the whole range", "/timeline?"+q.Encode(), false)
	for _, v := range []url.Values{
		{"actor": {person}},
		{"actor": {org}, "evidence": {"all"}},
		{"place": {place}, "undated": {"1"}},
		{"country": {country}, "from": {mid}, "to": {mid}},
		{"type": {s.ByType[0].Type}, "from": {mid}, "limit": {"40"}},
		{"text": {"minister"}, "to": {mid}},
	} {
		getBoth("timeline "+v.Encode(), "/timeline?"+v.Encode(), false)
	}

	t.Logf("/timeline: %v", time.Since(phase).Round(time.Millisecond))
	logCosts("/timeline")
	phase = time.Now()

	// every export format, whole and for one month
	for _, file := range []string{"graph.gexf", "graph.gexf?version=1.3", "graph.graphml", "nodes.csv", "edges.csv", "graph.jsonl", "graph.rdf", "graph.schema"} {
		getBoth("export "+file, "/export/"+file, true)
		if file != "graph.schema" {
			sep := "?"
			if strings.Contains(file, "?") {
				sep = "&"
			}
			getBoth("export "+file+" of "+mid, "/export/"+file+sep+"from="+mid+"&to="+mid, true)
		}
	}
	t.Logf("/export: %v", time.Since(phase).Round(time.Millisecond))
	logCosts("/export")
	slices.Sort(slow)
	slices.Reverse(slow)
	t.Logf("slowest:\n%s", strings.Join(slow[:min(25, len(slow))], "\n"))
	t.Logf("%d events; %d questions asked of both, compared in %v; %v in all", s.Events, asked,
		time.Since(loaded).Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
}
