package schema

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"eventgraph/graph/timeline/timelinetest"
	"eventgraph/schema/schematest"
)

// walk pages through events(args) with page size n and returns the IDs in
// order and the totalCount each page reported.
func walk(t *testing.T, s *Schema, args string, n int) (ids []string, total int) {
	t.Helper()
	q := fmt.Sprintf(`query($after: String) { events(%s first: %d, after: $after) {
		totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`, args, n)
	var after any
	for pages := 0; ; pages++ {
		if pages > 10000 {
			t.Fatal("paging does not end")
		}
		d := run(t, s, q, map[string]any{"after": after})
		conn := get(d, "events")
		tc := int(get(conn, "totalCount").(float64))
		if pages > 0 && tc != total {
			t.Fatalf("totalCount changed between pages: %d then %d", total, tc)
		}
		total = tc
		edges := get(conn, "edges").([]any)
		if len(edges) > n {
			t.Fatalf("page of %d edges, asked for %d", len(edges), n)
		}
		for _, e := range edges {
			ids = append(ids, get(e, "node", "id").(string))
		}
		if get(conn, "pageInfo", "hasNextPage") != true {
			return ids, total
		}
		if len(edges) == 0 {
			t.Fatal("hasNextPage on an empty page")
		}
		after = get(conn, "pageInfo", "endCursor")
		if after != get(edges[len(edges)-1], "cursor") {
			t.Fatal("endCursor is not the last edge's cursor")
		}
	}
}

func TestPagingWalk(t *testing.T) {
	s, st := newHandSchema(t, Options{})
	if err := schematest.LoadBulk(st, 1234); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args string
		n    int
	}{
		{"", 500}, {"order: DESC,", 500}, {"", 7}, {"order: DESC,", 3},
		{`actor: "Iraq",`, 100}, {`actor: "iraq", order: DESC,`, 500},
		{`from: "2020-03", to: "2021-06",`, 50}, {`cameo: "0",`, 2},
		{`type: "make statement",`, 1}, {`country: "IQ",`, 500},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s first %d", c.args, c.n), func(t *testing.T) {
			ids, total := walk(t, s, c.args, c.n)
			if len(ids) != total {
				t.Errorf("walk returned %d events, totalCount is %d", len(ids), total)
			}
			seen := map[string]bool{}
			for _, id := range ids {
				if seen[id] {
					t.Errorf("event %s returned twice", id)
				}
				seen[id] = true
			}
			if total == 0 {
				t.Error("filter matched nothing; the case tests nothing")
			}
		})
	}
	// All events: the hand-made fixture's ten and the bulk.
	if ids, _ := walk(t, s, "", 500); len(ids) != schematest.FixtureEvent+1234 {
		t.Errorf("walk over all events: %d, want %d", len(ids), schematest.FixtureEvent+1234)
	}
}

func TestPagingOrder(t *testing.T) {
	s, _ := newHandSchema(t, Options{})
	d := run(t, s, `{ asc: events(first: 500) { nodes { date { start } } } desc: events(first: 500, order: DESC) { nodes { date { start } } } }`, nil)
	asc, desc := get(d, "asc", "nodes").([]any), get(d, "desc", "nodes").([]any)
	if len(asc) != schematest.FixtureEvent || len(desc) != len(asc) {
		t.Fatalf("got %d and %d events", len(asc), len(desc))
	}
	prev := ""
	for _, n := range asc {
		s, _ := get(n, "date", "start").(string)
		if s < prev {
			t.Errorf("ASC out of order: %s after %s", s, prev)
		}
		prev = s
	}
	if get(desc[0], "date", "start") != "2024-12-23" {
		t.Errorf("DESC starts with %v", get(desc[0], "date", "start"))
	}
}

func wantError(t *testing.T, errs []*QueryError, substr string) *QueryError {
	t.Helper()
	for _, e := range errs {
		if strings.Contains(e.Message, substr) {
			return e
		}
	}
	t.Fatalf("no error contains %q; errors: %v", substr, errs)
	return nil
}

func TestLimits(t *testing.T) {
	s, _ := newTestSchema(t, Options{})

	t.Run("depth 20", func(t *testing.T) {
		// events.edges.node.participants.actor.events.edges.node… 20 deep
		q := "events { edges { node { participants { actor { "
		deep := "{ " + q + strings.Repeat("events { edges { node { participants { actor { ", 3) + "name" + strings.Repeat(" }", 20) + " }"
		if n := strings.Count(deep, "{") - 1; n != 20 {
			t.Fatalf("query is %d deep", n)
		}
		errs := runErr(t, s, deep, nil)
		e := wantError(t, errs, "exceeds max depth 15")
		if len(e.Locations) == 0 {
			t.Error("depth error has no location")
		}
	})
	t.Run("1 MB query", func(t *testing.T) {
		q := "{ stats { events } }" + strings.Repeat(" ", 1<<20)
		wantError(t, runErr(t, s, q, nil), "exceeds the maximum allowed query length of 65536 bytes")
	})
	t.Run("first 100000", func(t *testing.T) {
		errs := runErr(t, s, `{ events(first: 100000) { totalCount } }`, nil)
		e := wantError(t, errs, "first: 100000 is above the maximum page size of 500")
		if fmt.Sprint(e.Path) != "[events]" {
			t.Errorf("path %v, want [events]", e.Path)
		}
		if e.Extensions["code"] != CodeBadInput || e.Extensions["argument"] != "first" {
			t.Errorf("extensions %v", e.Extensions)
		}
		// nested, through a variable
		errs = runErr(t, s, `query($n: Int) { actor(name: "Iraq") { events(first: $n) { totalCount } } }`, map[string]any{"n": 100000})
		if e := wantError(t, errs, "maximum page size"); fmt.Sprint(e.Path) != "[actor events]" {
			t.Errorf("path %v", e.Path)
		}
		wantError(t, runErr(t, s, `{ articles(first: -1) { totalCount } }`, nil), "first: -1 is negative")
	})
	t.Run("result too large", func(t *testing.T) {
		small, _ := newTestSchema(t, Options{MaxNodes: 20})
		errs := runErr(t, small, `{ events(first: 500) { nodes { title participants { actor { name } } evidence { sentence } } } }`, nil)
		if len(errs) != 1 {
			t.Errorf("%d errors, want one: %v", len(errs), errs)
		}
		e := wantError(t, errs, "result too large: the query asks for more than 20 nodes")
		if e.Extensions["code"] != CodeTooLarge {
			t.Errorf("extensions %v", e.Extensions)
		}
		// an article's events count against the budget too
		tiny, _ := newHandSchema(t, Options{MaxNodes: 6})
		wantError(t, runErr(t, tiny, `{ articles(first: 5) { nodes { events { title } } } }`, nil), "result too large")
		if d := run(t, tiny, `{ articles(first: 2) { nodes { events { title } } } }`, nil); len(get(d, "articles", "nodes").([]any)) != 2 {
			t.Errorf("two articles and their events: %v", d)
		}
	})
}

func TestBadArguments(t *testing.T) {
	s, _ := newTestSchema(t, Options{})
	for _, c := range []struct{ q, want string }{
		{`{ events(from: "2024/05/12") { totalCount } }`, `from: "2024/05/12" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD`},
		{`{ events(to: "May 2024") { totalCount } }`, `to: "May 2024" is not a date`},
		{`{ events(from: "2024-13") { totalCount } }`, `from: "2024-13" is not a date`},
		{`{ events(from: "2024-02-30") { totalCount } }`, `from: "2024-02-30" is not a date`},
		{`{ events(from: "2024-06", to: "2024-05") { totalCount } }`, `to: "2024-05" is before from "2024-06"`},
		{`{ agreements(from: "yesterday") { name } }`, `from: "yesterday" is not a date`},
		{`{ actor(name: "Iraq") { events(to: "20") { totalCount } } }`, `to: "20" is not a date`},
		{`{ events(after: "garbage") { totalCount } }`, `after: "garbage" is not a cursor of this API`},
		{`{ actor { name } }`, `actor: give an id or a name`},
		{`{ events(order: SIDEWAYS) { totalCount } }`, `Value "SIDEWAYS" does not exist in "Order" enum`},
		{`{ events { nope } }`, `Cannot query field "nope" on type "EventConnection"`},
		{`{ events(first: "ten") { totalCount } }`, `Int cannot represent non-integer value: "ten"`},
		{`{ events `, `syntax error`},
	} {
		t.Run(c.q, func(t *testing.T) {
			e := wantError(t, runErr(t, s, c.q, nil), c.want)
			if strings.HasPrefix(c.want, "from:") || strings.HasPrefix(c.want, "to:") {
				if e.Extensions["code"] != CodeBadInput {
					t.Errorf("extensions %v", e.Extensions)
				}
				if len(e.Path) == 0 {
					t.Error("no path")
				}
			}
		})
	}
}

func TestTimeout(t *testing.T) {
	t.Run("slow resolver", func(t *testing.T) {
		started := make(chan struct{}, 4)
		s, _ := newTestSchema(t, Options{BeforeResolve: func(ctx context.Context, field string) error {
			if field != "stats" {
				return nil
			}
			started <- struct{}{}
			<-ctx.Done() // a slow resolver that honours cancellation
			return ctx.Err()
		}})
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		t0 := time.Now()
		resp := s.Exec(ctx, `{ stats { events } events { totalCount } }`, "", nil)
		if d := time.Since(t0); d > 3*time.Second {
			t.Errorf("took %v", d)
		}
		if len(started) == 0 {
			t.Fatal("the slow resolver did not run")
		}
		if len(resp.Errors) != 1 || !strings.Contains(resp.Errors[0].Message, "query timed out") ||
			resp.Errors[0].Extensions["code"] != CodeTimeout || resp.Data != nil {
			t.Fatalf("response %+v %v", resp, resp.Errors)
		}
		t.Log(resp.Errors[0].Message)
	})
	t.Run("huge result, tiny timeout", func(t *testing.T) {
		s, st := newTestSchema(t, Options{})
		if err := schematest.LoadBulk(st, 3000); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
		defer cancel()
		resp := s.Exec(ctx, `{ a: events(first: 500) { nodes { participants { actor { events(first: 500) { totalCount } } } } } }`, "", nil)
		if len(resp.Errors) == 0 || resp.Errors[0].Extensions["code"] != CodeTimeout {
			t.Fatalf("not cut by the timeout: %v", resp.Errors)
		}
	})
	t.Run("client gone", func(t *testing.T) {
		s, _ := newTestSchema(t, Options{})
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		resp := s.Exec(ctx, `{ stats { events } }`, "", nil)
		if len(resp.Errors) == 0 {
			t.Fatal("a cancelled request ran")
		}
	})
}

func TestActorByAlias(t *testing.T) {
	s, _ := newHandSchema(t, Options{})
	for _, name := range []string{schematest.Shammari, schematest.ShammariAlt, "ABDUL-AMIR SHAMMARI", "Lt Gen Abdul-Amir Al-Shammari", "shammari"} {
		d := run(t, s, `query($n: String) { actor(name: $n) { name kind roles { title organization { name } } events { totalCount } } }`, map[string]any{"n": name})
		if got := get(d, "actor", "name"); got != "Abdul Amir al-Shammari" {
			t.Errorf("actor(name: %q) = %v", name, got)
			continue
		}
		if n := get(d, "actor", "events", "totalCount"); n != 4.0 {
			t.Errorf("actor(name: %q) has %v events, want 4", name, n)
		}
		if get(d, "actor", "roles", 1, "organization", "name") != "Iraqi Ministry of Interior" {
			t.Errorf("roles: %v", get(d, "actor", "roles"))
		}
	}
	d := run(t, s, `{ actor(name: "Nobody At All") { name } events(actor: "Nobody At All") { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`, nil)
	if get(d, "actor") != nil || get(d, "events", "totalCount") != 0.0 || len(get(d, "events", "edges").([]any)) != 0 {
		t.Errorf("unknown actor: %v", d)
	}
	// events(actor:) takes aliases too
	d = run(t, s, `{ events(actor: "daesh") { nodes { title } } }`, nil)
	if get(d, "events", "nodes", 0, "title") != "Iraq imposes new security measures on the Syrian border" {
		t.Errorf("events(actor: daesh): %v", d)
	}
}

func TestFilters(t *testing.T) {
	s, _ := newHandSchema(t, Options{})
	count := func(args string) float64 {
		t.Helper()
		return get(run(t, s, `{ events(`+args+`) { totalCount } }`, nil), "events", "totalCount").(float64)
	}
	for args, want := range map[string]float64{
		``:                                     10,
		`from: "2024", to: "2024"`:             6,
		`from: "2024-05", to: "2024-05"`:       2,
		`from: "2024-05-12", to: "2024-05-12"`: 2,
		`to: "2024-05-11", from: "2024-02"`:    1,
		`from: "2021-06"`:                      8, // the 2021 (YEAR) event overlaps
		`cameo: "05"`:                          1,
		`type: "MAKE STATEMENT"`:               4,
		`type: "01"`:                           4,
		`place: "Baghdad"`:                     2,
		`place: "Atlantis"`:                    0,
		`country: "LB"`:                        1,
		`country: "Lebanon"`:                   1,
		`country: "Iraq"`:                      9,
		`country: "Narnia"`:                    0,
		`status: "planned"`:                    1,
		`text: "MEMORANDUM"`:                   2,
		`text: "wall", actor: "Iraq"`:          1,
	} {
		if got := count(args); got != want {
			t.Errorf("events(%s): totalCount %v, want %v", args, got, want)
		}
	}
}

func TestAgreementsAndArticles(t *testing.T) {
	s, _ := newHandSchema(t, Options{})
	d := run(t, s, `{ agreements(party: "syria", from: "2024") {
		name kind date { value precision } parties { name } signatories { name } topics place { name lat }
		event { title agreement { id } } evidence { article { title } } } }`, nil)
	g := get(d, "agreements", 0)
	if get(g, "date", "value") != schematest.MoUDate || get(g, "name") != schematest.MoUName || get(g, "place", "name") != "Baghdad" ||
		get(g, "signatories", 0, "name") != "Abdul-Amir al-Shammari" && get(g, "signatories", 0, "name") != "Abdul Amir al-Shammari" ||
		get(g, "event", "title") != "Iraq and Syria sign a security memorandum of understanding" {
		t.Errorf("agreement: %v", g)
	}
	if n := len(run(t, s, `{ agreements(to: "2023") { id } }`, nil)["agreements"].([]any)); n != 0 {
		t.Errorf("agreements before 2024: %d", n)
	}
	ids, _ := walkArticles(t, s)
	if len(ids) != 5 {
		t.Errorf("articles: %d", len(ids))
	}
	d = run(t, s, `{ articles(first: 500) { nodes { published events { title } } } }`, nil)
	for _, a := range get(d, "articles", "nodes").([]any) {
		if len(get(a, "events").([]any)) != 2 {
			t.Errorf("article %v: want 2 events", a)
		}
	}
}

func walkArticles(t *testing.T, s *Schema) ([]string, int) {
	var ids []string
	var after any
	for {
		d := run(t, s, `query($a: String) { articles(first: 2, after: $a) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`, map[string]any{"a": after})
		for _, e := range get(d, "articles", "edges").([]any) {
			ids = append(ids, get(e, "node", "id").(string))
		}
		if get(d, "articles", "pageInfo", "hasNextPage") != true {
			return ids, int(get(d, "articles", "totalCount").(float64))
		}
		after = get(d, "articles", "pageInfo", "endCursor")
	}
}

func TestNode(t *testing.T) {
	s, _ := newTestSchema(t, Options{})
	d := run(t, s, `{ events(cameo: "057") { nodes { id place { id } agreement { id } evidence { article { id } } participants { actor { id } } } } }`, nil)
	e := get(d, "events", "nodes", 0)
	for want, id := range map[string]any{
		"Event": get(e, "id"), "Place": get(e, "place", "id"), "Agreement": get(e, "agreement", "id"),
		"Article": get(e, "evidence", 0, "article", "id"), "Actor": get(e, "participants", 0, "actor", "id"),
	} {
		d := run(t, s, `query($id: ID!) { node(id: $id) { __typename id ... on Actor { name } } }`, map[string]any{"id": id})
		if get(d, "node", "__typename") != want || get(d, "node", "id") != id {
			t.Errorf("node(%v) = %v, want a %s", id, d, want)
		}
	}
	if d := run(t, s, `{ node(id: "no-such-id") { id } event(id: "x") { id } }`, nil); get(d, "node") != nil || get(d, "event") != nil {
		t.Errorf("unknown id: %v", d)
	}
}

func TestStats(t *testing.T) {
	s, _ := newHandSchema(t, Options{})
	d := run(t, s, `{ stats { articles events actors places agreements byType { type count } byMonth { month count } byActor(first: 2) { actor { name } count } } }`, nil)
	st := get(d, "stats")
	if get(st, "events") != 10.0 || get(st, "articles") != 5.0 || get(st, "agreements") != 1.0 {
		t.Errorf("stats: %v", st)
	}
	if get(st, "byType", 0, "type") != "make statement" || get(st, "byType", 0, "count") != 4.0 {
		t.Errorf("byType: %v", get(st, "byType"))
	}
	months := get(st, "byMonth").([]any)
	sum := 0.0
	for i, m := range months {
		sum += get(m, "count").(float64)
		if i > 0 && get(m, "month").(string) < get(months[i-1], "month").(string) {
			t.Errorf("byMonth out of order: %v", months)
		}
	}
	if sum != 10 {
		t.Errorf("byMonth sums to %v", sum)
	}
	if len(get(st, "byActor").([]any)) != 2 {
		t.Errorf("byActor: %v", get(st, "byActor"))
	}
}

// TestDescriptions checks that introspection documents every type, field,
// argument and enum value: it is the notebook user's manual.
func TestDescriptions(t *testing.T) {
	s, _ := newTestSchema(t, Options{})
	d := run(t, s, `{ __schema { types { name description fields { name description args { name description } } enumValues { name description } } } }`, nil)
	n := 0
	for _, ty := range get(d, "__schema", "types").([]any) {
		name := get(ty, "name").(string)
		if strings.HasPrefix(name, "__") || map[string]bool{"String": true, "Int": true, "Float": true, "Boolean": true, "ID": true}[name] {
			continue
		}
		n++
		if get(ty, "description") == nil || get(ty, "description") == "" {
			t.Errorf("type %s has no description", name)
		}
		fields, _ := get(ty, "fields").([]any)
		for _, f := range fields {
			if get(f, "description") == nil || get(f, "description") == "" {
				t.Errorf("field %s.%s has no description", name, get(f, "name"))
			}
			for _, a := range get(f, "args").([]any) {
				if get(a, "description") == nil || get(a, "description") == "" {
					t.Errorf("argument %s.%s(%s) has no description", name, get(f, "name"), get(a, "name"))
				}
			}
		}
		values, _ := get(ty, "enumValues").([]any)
		for _, v := range values {
			if get(v, "description") == nil || get(v, "description") == "" {
				t.Errorf("enum value %s.%s has no description", name, get(v, "name"))
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d types", n)
	}
}

// TestConcurrentRequests runs many requests at once (go test -race checks
// that the per-request Reader is never used concurrently).
func TestConcurrentRequests(t *testing.T) {
	s, _ := newTestSchema(t, Options{MaxParallelism: 8})
	errc := make(chan error, 16)
	for range 16 {
		go func() {
			resp := s.Exec(context.Background(), `{ events(first: 500) { nodes { participants { actor { name roles { organization { name } } } } place { name } agreement { name } evidence { article { title } } } } articles { nodes { events { title } } } stats { byActor { actor { name } } } }`, "", nil)
			if len(resp.Errors) > 0 {
				errc <- errors.New(resp.Errors[0].Message)
				return
			}
			errc <- nil
		}()
	}
	for range 16 {
		if err := <-errc; err != nil {
			t.Error(err)
		}
	}
}

// Events carry the quantities their sentences give, each with the article
// that reports it; an event without any has an empty list, not null.
func TestQuantities(t *testing.T) {
	s, _ := newHandSchema(t, Options{})
	d := run(t, s, `{ events(from: "2021-12", to: "2024-01") { nodes { title quantities { value unit text counts article { title } } } } }`, nil)
	got := map[string]string{}
	for _, n := range get(d, "events", "nodes").([]any) {
		var qs []string
		for _, q := range get(n, "quantities").([]any) {
			qs = append(qs, fmt.Sprintf("%v %v %q %v (%v)", get(q, "value"), get(q, "unit"), get(q, "text"), get(q, "counts"), get(q, "article", "title")))
		}
		got[get(n, "title").(string)] = strings.Join(qs, "; ")
	}
	want := map[string]string{
		"Rasool: 80% of the Syrian border is fortified":         `80 % "80%" plan (Iraq Fortifies 80% of Its Border with Syria)`,
		"Iraq fortifies its border with Syria":                  "",
		"Iraq inaugurates a concrete wall on the Syrian border": `160 km "160-kilometer-long" concrete insulating wall (Iraqi Interior Minister: Border Security Is ‘at its Best’)`,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("quantities:\n got %v\nwant %v", got, want)
	}
	d = run(t, s, `{ events(from: "2024-12") { nodes { quantities { value } } } }`, nil)
	for _, n := range get(d, "events", "nodes").([]any) {
		if l, ok := get(n, "quantities").([]any); !ok || len(l) != 0 {
			t.Errorf("an event without quantities: %v, want []", get(n, "quantities"))
		}
	}
}

// Loaded from the seed articles, the wall inaugurated on the Syrian border
// measures 160 km.
func TestQuantitiesFromSeeds(t *testing.T) {
	s, _ := newTestSchema(t, Options{})
	d := run(t, s, `{ events(text: "concrete", first: 500) { nodes { title quantities { value unit text } } } }`, nil)
	found := false
	for _, n := range get(d, "events", "nodes").([]any) {
		for _, q := range get(n, "quantities").([]any) {
			if get(q, "value") == 160.0 && get(q, "unit") == "km" {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("no event about the concrete wall has 160 km: %v", d)
	}
}

// Two articles that disagree on an ambush's day and toll: one event,
// disputed, with each article's values side by side.
func TestDisputed(t *testing.T) {
	st := schematest.Empty(t)
	if err := timelinetest.LoadDisputed(st); err != nil {
		t.Fatal(err)
	}
	s, _ := schemaOver(t, st, Options{})
	d := run(t, s, `{ events { totalCount nodes { title disputed disputes date { value }
		quantities { value counts }
		reports { article { title } date { value } quantities { value unit counts } evidence { sentence } } } } }`, nil)
	if n := get(d, "events", "totalCount"); n != 1.0 {
		t.Fatalf("%v events, want the two reports merged", n)
	}
	e := get(d, "events", "nodes", 0)
	if get(e, "disputed") != true || fmt.Sprint(get(e, "disputes")) != "[date drivers killed]" {
		t.Errorf("disputed %v, disputes %v", get(e, "disputed"), get(e, "disputes"))
	}
	var reports []string
	for _, r := range get(e, "reports").([]any) {
		var qs []string
		for _, q := range get(r, "quantities").([]any) {
			qs = append(qs, fmt.Sprintf("%v %v", get(q, "value"), get(q, "counts")))
		}
		reports = append(reports, fmt.Sprintf("%v: %v, %s; %d sentence(s)", get(r, "article", "title"), get(r, "date", "value"),
			strings.Join(qs, ", "), len(get(r, "evidence").([]any))))
	}
	want := []string{
		timelinetest.DisputedFirst + ": 2023-08-13, 40 trucks, 12 drivers killed; 1 sentence(s)",
		timelinetest.DisputedSecond + ": 2023-08-12, 15 drivers killed; 1 sentence(s)",
	}
	if fmt.Sprint(reports) != fmt.Sprint(want) {
		t.Errorf("reports\n got %q\nwant %q", reports, want)
	}
	// the hand fixture's events are reported by one article each: none disputed
	s2, _ := newHandSchema(t, Options{})
	for _, n := range get(run(t, s2, `{ events(first: 500) { nodes { disputed disputes reports { date { value } } } } }`, nil), "events", "nodes").([]any) {
		if get(n, "disputed") != false || len(get(n, "disputes").([]any)) != 0 || len(get(n, "reports").([]any)) != 1 {
			t.Errorf("undisputed event: %v", n)
		}
	}
}

// TestCountryNames: Actor.country and Place.country are the country's name,
// countryCode its ISO code, as the schema says.
func TestCountryNames(t *testing.T) {
	s, _ := newHandSchema(t, Options{})
	d := run(t, s, `{ actor(name: "al-Shammari") { country countryCode events { nodes { place { country countryCode } } } } }`, nil)
	a := get(d, "actor")
	if c, code := get(a, "country"), get(a, "countryCode"); c != "Iraq" || code != "IQ" {
		t.Errorf("actor: country %v, countryCode %v; want Iraq, IQ", c, code)
	}
	n := 0
	for _, e := range get(get(a, "events"), "nodes").([]any) {
		if p := get(e, "place"); p != nil && get(p, "countryCode") == "IQ" {
			n++
			if get(p, "country") != "Iraq" {
				t.Errorf("place: country %v, want Iraq", get(p, "country"))
			}
		}
	}
	if n == 0 {
		t.Errorf("no event place in Iraq: %v", a)
	}
}

// TestDescUndatedLast: newest first still lists the undated events last, as
// the schema says, through every page.
func TestDescUndatedLast(t *testing.T) {
	s, st := newHandSchema(t, Options{})
	if err := schematest.LoadBulk(st, 40); err != nil {
		t.Fatal(err)
	}
	var starts []any
	var after any
	for {
		d := run(t, s, `query($a: String) { events(order: DESC, first: 7, after: $a) { nodes { date { start } } pageInfo { hasNextPage endCursor } } }`, map[string]any{"a": after})
		for _, n := range get(d, "events", "nodes").([]any) {
			starts = append(starts, get(n, "date", "start"))
		}
		if get(d, "events", "pageInfo", "hasNextPage") != true {
			break
		}
		after = get(d, "events", "pageInfo", "endCursor")
	}
	undated := false
	prev := "~"
	for i, x := range starts {
		if x == nil {
			undated = true
			continue
		}
		if undated {
			t.Fatalf("event %d dated %v after an undated one: %v", i, x, starts)
		}
		if x.(string) > prev {
			t.Fatalf("event %d dated %v after %s: not newest first", i, x, prev)
		}
		prev = x.(string)
	}
	if !undated || len(starts) != 50 {
		t.Errorf("%d events, undated among them %v", len(starts), undated)
	}
}

// TestByteBudget: text fields are counted in bytes, each alias and each
// occurrence, so a small query cannot produce a huge response.
func TestByteBudget(t *testing.T) {
	full, _ := newTestSchema(t, Options{})
	data := run(t, full, `{ articles(first: 500) { nodes { text } } }`, nil)
	total := 0
	for _, n := range get(data, "articles", "nodes").([]any) {
		total += len(get(n, "text").(string))
	}
	if total == 0 {
		t.Fatal("the seed articles have no text")
	}
	s, _ := newTestSchema(t, Options{MaxBytes: int64(total) + int64(total)/2})
	// One copy of every text fits the budget.
	run(t, s, `{ articles(first: 500) { nodes { text } } }`, nil)
	for name, q := range map[string]string{
		"aliases":  `{ a: articles(first: 500) { nodes { text } } b: articles(first: 500) { nodes { text } } }`,
		"evidence": `{ events(first: 500) { nodes { evidence { article { text } } } } }`,
	} {
		t.Run(name, func(t *testing.T) {
			resp := s.Exec(context.Background(), q, "", nil)
			if len(resp.Errors) != 1 {
				t.Fatalf("%d errors, want one: %v", len(resp.Errors), resp.Errors)
			}
			e := resp.Errors[0]
			if e.Extensions["code"] != CodeTooLarge || !strings.Contains(e.Message, "bytes of text") {
				t.Errorf("error %q %v, want RESULT_TOO_LARGE about bytes", e.Message, e.Extensions)
			}
			if resp.Data != nil {
				t.Errorf("data %.200s, want none", resp.Data)
			}
		})
	}
}
