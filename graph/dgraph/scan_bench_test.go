package dgraph

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"eventgraph/graph"
	"eventgraph/graph/dgraph/dgraphtest"
	"eventgraph/graph/export"
	"eventgraph/loader/extract"
	"eventgraph/loader/synth"
)

// orderedScan is the scan the store had before its scans read bounded
// spans (kept here as BenchmarkScan's baseline): each chunk of 500 nodes
// ordered by Dgraph (orderasc/orderdesc with first: on the position
// predicate), the next chunk selected from the last position read on.
func (r *Reader) orderedScan(root, filter, pred string, desc bool, lo, hi, fields string, fn func(row) error) error {
	order, cmp := "orderasc", "gt"
	if desc {
		order, cmp = "orderdesc", "lt"
	}
	cursor := ""
	for {
		var conds []string
		if filter != "" {
			conds = append(conds, filter)
		}
		if lo != "" {
			conds = append(conds, "ge("+pred+", "+quote(lo)+")")
		}
		if hi != "" {
			conds = append(conds, "le("+pred+", "+quote(hi)+")")
		}
		if cursor != "" {
			conds = append(conds, cmp+"("+pred+", "+quote(cursor)+")")
		}
		sel := root
		if sel == "" {
			switch {
			case !desc && cursor != "":
				sel = "ge(" + pred + ", " + quote(max(cursor, lo)) + ")"
			case !desc && lo != "":
				sel = "ge(" + pred + ", " + quote(lo) + ")"
			case !desc:
				sel = "has(" + pred + ")"
			case cursor != "" && (hi == "" || cursor < hi):
				sel = "le(" + pred + ", " + quote(cursor) + ")"
			case hi != "":
				sel = "le(" + pred + ", " + quote(hi) + ")"
			default:
				sel = "has(" + pred + ")"
			}
		}
		where := ""
		if len(conds) > 0 {
			where = "@filter(" + strings.Join(conds, " AND ") + ")"
		}
		q := fmt.Sprintf("{ n(func: %s, %s: %s, first: %d) %s { xid pos: %s %s } }",
			sel, order, pred, chunk, where, pred, fields)
		var out struct{ N []row }
		if err := r.query(q, nil, &out); err != nil {
			return err
		}
		for _, w := range out.N {
			if err := fn(w); err != nil {
				return err
			}
		}
		if len(out.N) < chunk {
			return nil
		}
		cursor = out.N[len(out.N)-1].Pos
	}
}

// BenchmarkScan loads a synthetic corpus (EVENTGRAPH_SCAN_ARTICLES
// articles, default 500, about 120 a month) into Dgraph once and times the
// store's scans beside the ordered scans they replaced (orderedScan), the
// two alternating ScanRounds times on the same store in the same run: a
// walk of every event with its bytes, the positions of every event (an
// unfiltered page's total), a month's events descending, every actor by
// ID, every article by date. It fails when the two give other nodes or
// another order. `go test -run '^$' -bench '^BenchmarkScan$' -benchtime 1x
// ./graph/dgraph/`.
func BenchmarkScan(b *testing.B) {
	n := 500
	if v, err := strconv.Atoi(os.Getenv("EVENTGRAPH_SCAN_ARTICLES")); err == nil && v > 0 {
		n = v
	}
	rounds := 3
	from := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	months := (n + 119) / 120
	docs := synth.GenerateWith(n, 2000, synth.Options{Paragraphs: 4, From: from, To: from.AddDate(0, months, -1)})
	c := dgraphtest.Shared(b)
	dg, err := Open("dgraph://" + c.GRPC + "?sslmode=disable")
	if err != nil {
		b.Fatal(err)
	}
	defer dg.Close()
	start := time.Now()
	for _, d := range docs {
		if _, err := dg.PutFacts(extract.Article(d)); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("%d articles loaded into Dgraph in %v", len(docs), time.Since(start).Round(time.Millisecond))
	mid := from.AddDate(0, months/2, 0).Format("2006-01")
	type scanArgs struct {
		name, root, filter, pred string
		desc                     bool
		lo, hi, fields           string
	}
	cases := []scanArgs{
		{name: "every event with its bytes", pred: "event.pos", hi: "~~", fields: "blob: eg.blob"},
		{name: "every event's position", pred: "event.pos", hi: "~~"},
		{name: "a month's events descending", pred: "event.pos", desc: true, lo: mid, hi: mid + "|~", fields: "blob: eg.blob"},
		{name: "every actor by ID", root: "type(" + export.DgraphActor + ")", pred: "xid", fields: "blob: eg.blob"},
		{name: "every article by date", pred: "article.pos", fields: "blob: eg.blob"},
	}
	for i := 0; i < b.N; i++ {
		for _, c := range cases {
			var took [2]time.Duration
			var got [2][]string
			for round := 0; round < rounds; round++ {
				for k := range 2 {
					var pos []string
					t0 := time.Now()
					err := dg.View(func(s graph.Snapshot) error {
						r := s.(*Reader)
						fn := func(w row) error {
							if c.fields != "" && w.Blob == "" {
								return fmt.Errorf("%s: no bytes read", w.XID)
							}
							pos = append(pos, w.Pos)
							return nil
						}
						if k == 0 {
							return r.orderedScan(c.root, c.filter, c.pred, c.desc, c.lo, c.hi, c.fields, fn)
						}
						return r.scan(c.root, "", c.filter, c.pred, c.desc, c.lo, c.hi, c.fields, fn)
					})
					took[k] += time.Since(t0)
					if err != nil {
						b.Fatalf("%s: %v", c.name, err)
					}
					got[k] = pos
				}
			}
			if strings.Join(got[0], "\n") != strings.Join(got[1], "\n") {
				b.Fatalf("%s: the scans differ: %d nodes ordered by Dgraph, %d by span", c.name, len(got[0]), len(got[1]))
			}
			b.Logf("%-28s %6d nodes: ordered by Dgraph %8.3fs, bounded spans %8.3fs (mean of %d rounds each, alternating): bounded/ordered %.2f",
				c.name, len(got[1]), took[0].Seconds()/float64(rounds), took[1].Seconds()/float64(rounds), rounds,
				took[1].Seconds()/took[0].Seconds())
		}
	}
}
