package dgraph

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/dgraph-io/dgo/v250"

	"eventgraph/graph"
	"eventgraph/graph/export"
)

// chunk is how many nodes a streamed read asks for at once.
const chunk = 500

// Reader reads the graph at one read timestamp (a read-only transaction):
// graph.Snapshot's methods. It is valid only inside View's callback.
type Reader struct {
	s      *Store
	txn    *dgo.Txn
	ctx    context.Context
	actors map[string]*graph.Actor
	places map[string]*graph.Place
}

// The store satisfies the contract's snapshot.
var _ graph.Snapshot = (*Reader)(nil)

// View runs fn over one consistent snapshot of the graph: a read-only
// transaction whose queries all read at its first query's timestamp.
func (s *Store) View(fn func(graph.Snapshot) error) error {
	return s.ViewContext(context.Background(), fn)
}

// ViewContext is View with a context that ends the reads once done.
func (s *Store) ViewContext(ctx context.Context, fn func(graph.Snapshot) error) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("dgraph: reading not started: %w", err)
	}
	txn := s.dg.NewReadOnlyTxn()
	defer func() { _ = txn.Discard(ctx) }()
	return fn(&Reader{s: s, txn: txn, ctx: ctx, actors: map[string]*graph.Actor{}, places: map[string]*graph.Place{}})
}

// ReleaseMemory does nothing: the reader maps no files.
func (r *Reader) ReleaseMemory() error { return nil }

// ArticleMeta is Article without its text.
func (r *Reader) ArticleMeta(id string) (graph.Article, error) {
	a, err := r.Article(id)
	a.Text = ""
	return a, err
}

// ArticleText is an article's text.
func (r *Reader) ArticleText(id string) (string, error) {
	a, err := r.Article(id)
	return a.Text, err
}

// ForEachArticleMeta walks the articles as ForEachArticle does, without
// their text.
func (r *Reader) ForEachArticleMeta(fn func(graph.Article) error) error {
	return r.ForEachArticle(func(a graph.Article) error {
		a.Text = ""
		return fn(a)
	})
}

// query runs a DQL query with variables in the transaction and decodes
// its answer into out.
func (r *Reader) query(q string, vars map[string]string, out any) error {
	ctx, cancel := context.WithTimeout(r.ctx, r.s.timeout)
	defer cancel()
	resp, err := r.txn.QueryWithVars(ctx, q, vars)
	if err != nil {
		return fmt.Errorf("dgraph: query: %w", err)
	}
	if err := json.Unmarshal(resp.Json, out); err != nil {
		return fmt.Errorf("dgraph: answer: %w", err)
	}
	return nil
}

// row is a node as the reads fetch it.
type row struct {
	XID  string `json:"xid"`
	Pos  string `json:"pos"`
	Blob string `json:"blob"`
	Text string `json:"text"`
	// Types are the node's types, where asked
	Types []string `json:"types"`
}

func (w row) decode(v any) error {
	b, err := base64.StdEncoding.DecodeString(w.Blob)
	if err != nil {
		return fmt.Errorf("node %s: %w", w.XID, err)
	}
	if err := graph.Decode(b, v); err != nil {
		return fmt.Errorf("node %s: %w", w.XID, err)
	}
	if a, ok := v.(*graph.Article); ok {
		a.Text = w.Text
	}
	return nil
}

// get reads the node of a type with the ID into v.
func (r *Reader) get(typ, kind, id string, v any) error {
	var out struct{ N []row }
	text := ""
	if typ == export.DgraphArticle {
		text = "text: article.text"
	}
	// the type is tested here: a type() filter reads every node's of the type
	q := `query q($x: string) { n(func: eq(xid, $x)) { xid types: dgraph.type blob: eg.blob ` + text + ` } }`
	if err := r.query(q, map[string]string{"$x": export.XIDOf(id)}, &out); err != nil {
		return fmt.Errorf("%s %s: %w", kind, id, err)
	}
	if len(out.N) == 0 || !slices.Contains(out.N[0].Types, typ) {
		return fmt.Errorf("%s %s: %w", kind, id, graph.ErrNotFound)
	}
	return out.N[0].decode(v)
}

// Article returns the article with the ID.
func (r *Reader) Article(id string) (graph.Article, error) {
	var a graph.Article
	err := r.get(export.DgraphArticle, "article", id, &a)
	return a, err
}

// Event returns the event with the ID.
func (r *Reader) Event(id string) (graph.Event, error) {
	var e graph.Event
	err := r.get(export.DgraphEvent, "event", id, &e)
	return e, err
}

// Actor returns the actor with the ID, cached for the Reader's life.
func (r *Reader) Actor(id string) (graph.Actor, error) {
	return cachedGet(r, r.actors, export.DgraphActor, "actor", id)
}

// Place returns the place with the ID, cached for the Reader's life.
func (r *Reader) Place(id string) (graph.Place, error) {
	return cachedGet(r, r.places, export.DgraphPlace, "place", id)
}

// cachedGet is r.get of a node, kept in cache for the Reader's life.
func cachedGet[T any](r *Reader, cache map[string]*T, typ, kind, id string) (T, error) {
	if v, ok := cache[id]; ok {
		return *v, nil
	}
	v := new(T)
	if err := r.get(typ, kind, id, v); err != nil {
		return *v, err
	}
	cache[id] = v
	return *v, nil
}

// Agreement returns the agreement with the ID.
func (r *Reader) Agreement(id string) (graph.Agreement, error) {
	var g graph.Agreement
	err := r.get(export.DgraphAgreement, "agreement", id, &g)
	return g, err
}

// kindTypes maps Has's kinds to node types.
var kindTypes = map[string]string{"article": export.DgraphArticle, "event": export.DgraphEvent, "actor": export.DgraphActor,
	"place": export.DgraphPlace, "agreement": export.DgraphAgreement}

// Has reports whether a node of the kind with the ID is stored.
func (r *Reader) Has(kind, id string) bool {
	typ, ok := kindTypes[kind]
	if !ok {
		return false
	}
	var out struct{ N []row }
	q := `query q($x: string) { n(func: eq(xid, $x)) { xid types: dgraph.type } }`
	return r.query(q, map[string]string{"$x": export.XIDOf(id)}, &out) == nil && len(out.N) > 0 && slices.Contains(out.N[0].Types, typ)
}

// scan streams the nodes a selection holds in the order of the predicate
// pred (ascending, or descending with desc), between lo and hi inclusive
// ("" for no bound), chunk by chunk: root is the DQL function that
// selects ("" to select by the range of pred itself, each chunk from the
// last position read), filter more conditions (or ""), fields what to
// fetch besides the xid and the position (as pos).
func (r *Reader) scan(root, typ, filter, pred string, desc bool, lo, hi, fields string, fn func(row) error) error {
	order, cmp := "orderasc", "gt"
	if desc {
		order, cmp = "orderdesc", "lt"
	}
	cursor := ""
	for {
		// no type() filter: it would read every node of the type; the
		// roots and the order predicates belong to one type of node
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
			// the range itself, from the cursor on: each chunk reads
			// the index from where the last one stopped
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
		if err := r.ctx.Err(); err != nil {
			return fmt.Errorf("dgraph: scan stopped: %w", err)
		}
	}
}

// errEnd ends a walk early.
var errEnd = errors.New("end of walk")

// forEach streams every node of a type in ID order (as the embedded store
// walks its node keys).
func (r *Reader) forEach(typ string, text bool, fn func(row) error) error {
	fields := "blob: eg.blob"
	if text {
		fields += " text: article.text"
	}
	err := r.scan("type("+typ+")", typ, "", "xid", false, "", "", fields, func(w row) error {
		if err := fn(w); errors.Is(err, graph.ErrStop) {
			return errEnd
		} else if err != nil {
			return err
		}
		return nil
	})
	if errors.Is(err, errEnd) {
		return nil
	}
	return err
}

// forEachOf streams every node of a type decoded as T.
func forEachOf[T any](r *Reader, typ string, text bool, fn func(T) error) error {
	return r.forEach(typ, text, func(w row) error {
		var v T
		if err := w.decode(&v); err != nil {
			return err
		}
		return fn(v)
	})
}

// ForEachActor calls fn for every actor.
func (r *Reader) ForEachActor(fn func(graph.Actor) error) error {
	return forEachOf(r, export.DgraphActor, false, fn)
}

// ForEachPlace calls fn for every place.
func (r *Reader) ForEachPlace(fn func(graph.Place) error) error {
	return forEachOf(r, export.DgraphPlace, false, fn)
}

// ForEachAgreement calls fn for every agreement.
func (r *Reader) ForEachAgreement(fn func(graph.Agreement) error) error {
	return forEachOf(r, export.DgraphAgreement, false, fn)
}

// ForEachArticle calls fn for every article.
func (r *Reader) ForEachArticle(fn func(graph.Article) error) error {
	return forEachOf(r, export.DgraphArticle, true, fn)
}

// segment is one stretch of a scan of events: the root function that
// selects ("" for the range of event.pos), more conditions, and the
// position bounds.
type segment struct {
	root, filter, lo, hi string
}

// eventSegments are the stretches of the events f selects, in scan order:
// the embedded store's eventRanges (scan.go) over event.pos, undated
// events ("~|<id>") last in both orders. With a From date: first the spans
// that start before it and reach it (found by event.month, the month of
// From, as the embedded store's wide index), then the events from From on.
func eventSegments(f graph.EventFilter) []segment {
	root := ""
	switch {
	case len(f.ActorIDs) == 1:
		root = "eq(event.actor_id, " + quote(f.ActorIDs[0]) + ")"
	case f.PlaceID != "":
		root = "eq(event.place_id, " + quote(f.PlaceID) + ")"
	case len(f.PlaceIDs) == 1:
		root = "eq(event.place_id, " + quote(f.PlaceIDs[0]) + ")"
	}
	hi := "~~"
	if f.To != "" {
		hi = f.To + "|~"
	} else if f.From != "" || f.NoUndated {
		hi = "~" // before the undated events
	}
	if f.From == "" {
		if f.Desc && hi > "~" {
			return []segment{{root: root, hi: "~"}, {root: root, lo: "~", hi: hi}}
		}
		return []segment{{root: root, hi: hi}}
	}
	main := segment{root: root, lo: f.From, hi: hi}
	t := dayTime(f.From)
	if t == "" {
		return []segment{main}
	}
	before := segment{root: root, filter: "lt(event.pos, " + quote(f.From) + ") AND ge(event.end, " + quote(t) + ")", hi: hi}
	if root == "" {
		before.root = "eq(event.month, " + quote(f.From[:7]) + ")"
	}
	if f.Desc {
		return []segment{main, before}
	}
	return []segment{before, main}
}

// scanEvents streams the positions (and, with blobs, the stored bytes) of
// the events f's indexes select, in f's order.
func (r *Reader) scanEvents(f graph.EventFilter, blobs bool, fn func(w row) error) error {
	fields := ""
	if blobs {
		fields = "blob: eg.blob"
	}
	for _, sg := range eventSegments(f) {
		if err := r.scan(sg.root, export.DgraphEvent, sg.filter, "event.pos", f.Desc, sg.lo, sg.hi, fields, fn); err != nil {
			return err
		}
	}
	return nil
}

// Events returns up to first events (first < 0: all) after the cursor,
// with the total number matching, as the embedded store's Reader.Events.
func (r *Reader) Events(f graph.EventFilter, first int, after string) (graph.EventPage, error) {
	var page graph.EventPage
	var afterPos string
	if after != "" {
		p, err := graph.DecodeCursor(after)
		if err != nil {
			return page, err
		}
		afterPos = p
	}
	text := strings.ToLower(f.Text)
	filter := f.NeedsFilter()
	var pending []string // positions of the page's events, loaded after the scan
	n := 0
	err := r.scanEvents(f, filter, func(w row) error {
		var ev graph.Event
		if filter {
			if err := w.decode(&ev); err != nil {
				return nil
			}
			if !r.match(ev, f, text) {
				return nil
			}
		}
		page.Total++
		if afterPos != "" && !f.After(w.Pos, afterPos) {
			page.HasPrevious = true
			return nil
		}
		if first >= 0 && n >= first {
			page.HasNext = true
			return nil
		}
		n++
		if filter {
			page.Edges = append(page.Edges, graph.NewEventEdge(ev, w.Pos))
		} else {
			pending = append(pending, w.Pos)
		}
		return nil
	})
	if err != nil {
		return page, err
	}
	for len(pending) > 0 {
		part := pending[:min(len(pending), chunk)]
		pending = pending[len(part):]
		evs, err := r.eventsAt(part)
		if err != nil {
			return page, err
		}
		for _, pos := range part {
			if ev, ok := evs[pos]; ok {
				page.Edges = append(page.Edges, graph.NewEventEdge(ev, pos))
			}
		}
	}
	return page, nil
}

// eventsAt reads the events at positions, by position.
func (r *Reader) eventsAt(pos []string) (map[string]graph.Event, error) {
	ids := make([]string, len(pos))
	for i, p := range pos {
		ids[i] = export.XIDOf(p[strings.LastIndexByte(p, '|')+1:])
	}
	var out struct{ N []row }
	q := fmt.Sprintf("{ n(func: eq(xid, %s)) { xid pos: event.pos blob: eg.blob } }", quoteList(ids))
	if err := r.query(q, nil, &out); err != nil {
		return nil, err
	}
	m := make(map[string]graph.Event, len(out.N))
	for _, w := range out.N {
		var ev graph.Event
		if err := w.decode(&ev); err != nil {
			return nil, err
		}
		m[w.Pos] = ev
	}
	return m, nil
}

// ForEachEventMatching calls fn for every event f selects, in f's order,
// one chunk in memory at a time.
func (r *Reader) ForEachEventMatching(f graph.EventFilter, fn func(graph.Event) error) error {
	text := strings.ToLower(f.Text)
	filter := f.NeedsFilter()
	err := r.scanEvents(f, true, func(w row) error {
		var ev graph.Event
		if err := w.decode(&ev); err != nil {
			return nil
		}
		if filter && !r.match(ev, f, text) {
			return nil
		}
		if err := fn(ev); errors.Is(err, graph.ErrStop) {
			return errEnd
		} else if err != nil {
			return err
		}
		return nil
	})
	if errors.Is(err, errEnd) {
		return nil
	}
	return err
}

// ForEachEvent calls fn for every event in date order (undated last).
func (r *Reader) ForEachEvent(fn func(graph.Event) error) error {
	return r.ForEachEventMatching(graph.EventFilter{}, fn)
}

// ForEachEventOfArticle calls fn for every event the article gives
// evidence for, in date order (undated last).
func (r *Reader) ForEachEventOfArticle(articleID string, fn func(graph.Event) error) error {
	if articleID == "" {
		return nil
	}
	err := r.scan("eq(event.article_id, "+quote(articleID)+")", export.DgraphEvent, "", "event.pos", false, "", "", "blob: eg.blob", func(w row) error {
		var ev graph.Event
		if err := w.decode(&ev); err != nil {
			return err
		}
		if err := fn(ev); errors.Is(err, graph.ErrStop) {
			return errEnd
		} else if err != nil {
			return err
		}
		return nil
	})
	if errors.Is(err, errEnd) {
		return nil
	}
	return err
}

// match is the embedded store's test of an event against a filter.
func (r *Reader) match(ev graph.Event, f graph.EventFilter, text string) bool {
	return graph.MatchEvent(r, ev, f, text)
}

// Actors lists actors by name (folded name, then ID), as the embedded
// store's Reader.Actors.
func (r *Reader) Actors(f graph.ActorFilter, first int, after string) (graph.ActorPage, error) {
	var page graph.ActorPage
	var afterPos string
	if after != "" {
		p, err := graph.DecodeCursor(after)
		if err != nil {
			return page, err
		}
		afterPos = p
	}
	q := graph.NormName(f.Name)
	err := r.scan("", export.DgraphActor, "", "actor.pos", false, "", "", "blob: eg.blob", func(w row) error {
		var a graph.Actor
		if err := w.decode(&a); err != nil {
			return nil
		}
		if f.Kind != "" && a.Kind != f.Kind {
			return nil
		}
		if q != "" && !actorHasName(a, q) {
			return nil
		}
		page.Total++
		if afterPos != "" && w.Pos <= afterPos {
			page.HasPrevious = true
			return nil
		}
		if first >= 0 && len(page.Edges) >= first {
			page.HasNext = true
			return nil
		}
		page.Edges = append(page.Edges, graph.ActorEdge{Cursor: graph.EncodeCursor(w.Pos), Actor: a})
		return nil
	})
	return page, err
}

func actorHasName(a graph.Actor, q string) bool {
	if strings.Contains(graph.NormName(a.Name), q) {
		return true
	}
	for _, al := range a.Aliases {
		if strings.Contains(graph.NormName(al), q) {
			return true
		}
	}
	return false
}

// Agreements lists the agreements f selects in date order.
func (r *Reader) Agreements(f graph.AgreementFilter) ([]graph.Agreement, error) {
	var out []graph.Agreement
	err := r.scan("", export.DgraphAgreement, "", "agreement.pos", false, "", "", "blob: eg.blob", func(w row) error {
		var g graph.Agreement
		if err := w.decode(&g); err != nil {
			return nil
		}
		if f.From != "" && (!g.Date.Known() || g.Date.End < f.From) {
			return nil
		}
		if f.To != "" && (!g.Date.Known() || g.Date.Start > f.To) {
			return nil
		}
		if len(f.PartyIDs) > 0 && !slices.ContainsFunc(append(append([]string{}, g.Parties...), g.Signatories...), func(id string) bool {
			return slices.Contains(f.PartyIDs, id)
		}) {
			return nil
		}
		out = append(out, g)
		return nil
	})
	return out, err
}

// Articles lists articles by publication date, without their text.
func (r *Reader) Articles(first int, after string) (graph.ArticlePage, error) {
	var page graph.ArticlePage
	var afterPos string
	if after != "" {
		p, err := graph.DecodeCursor(after)
		if err != nil {
			return page, err
		}
		afterPos = p
	}
	err := r.scan("", export.DgraphArticle, "", "article.pos", false, "", "", "blob: eg.blob", func(w row) error {
		page.Total++
		if afterPos != "" && w.Pos <= afterPos {
			page.HasPrevious = true
			return nil
		}
		if first >= 0 && len(page.Edges) >= first {
			page.HasNext = true
			return nil
		}
		var a graph.Article
		if err := w.decode(&a); err != nil {
			return err
		}
		page.Edges = append(page.Edges, graph.ArticleEdge{Cursor: graph.EncodeCursor(w.Pos), Article: a})
		return nil
	})
	return page, err
}

// Stats counts the graph.
func (r *Reader) Stats() (graph.Stats, error) {
	st := graph.Stats{ByType: map[string]int{}, ByMonth: map[string]int{}, ByActor: map[string]int{}}
	var out map[string][]struct {
		Count int `json:"count"`
	}
	q := `{ a(func: type(Article)) { count(uid) } c(func: type(Actor)) { count(uid) }
  p(func: type(Place)) { count(uid) } g(func: type(Agreement)) { count(uid) } }`
	if err := r.query(q, nil, &out); err != nil {
		return st, err
	}
	n := func(k string) int {
		if len(out[k]) == 0 {
			return 0
		}
		return out[k][0].Count
	}
	st.Articles, st.Actors, st.Places, st.Agreements = n("a"), n("c"), n("p"), n("g")
	err := r.ForEachEvent(func(e graph.Event) error {
		st.Events++
		st.ByType[e.Type]++
		st.ByMonth[graph.MonthBucket(e.Date)]++
		seen := map[string]bool{}
		for _, p := range e.Participants {
			if !seen[p.ActorID] {
				seen[p.ActorID] = true
				st.ByActor[p.ActorID]++
			}
		}
		return nil
	})
	return st, err
}

// PlacesByName returns the places whose name folds as name does, in ID
// order.
func (r *Reader) PlacesByName(name string) ([]graph.Place, error) {
	k := graph.NormName(name)
	if k == "" {
		return nil, nil
	}
	var out []graph.Place
	err := r.scan("eq(place.key, "+quote(k)+")", export.DgraphPlace, "", "xid", false, "", "", "blob: eg.blob", func(w row) error {
		var p graph.Place
		if err := w.decode(&p); err != nil {
			return err
		}
		out = append(out, p)
		return nil
	})
	return out, err
}

// idsWith returns the IDs of the actors with a value of an indexed list
// predicate, sorted (the embedded store's index order).
func (r *Reader) idsWith(pred, value string) []string {
	var out struct{ N []row }
	q := `query q($v: string) { n(func: eq(` + pred + `, $v)) { xid } }`
	if err := r.query(q, map[string]string{"$v": value}, &out); err != nil {
		return nil
	}
	ids := make([]string, 0, len(out.N))
	for _, w := range out.N {
		ids = append(ids, xidID(w.XID))
	}
	sort.Strings(ids)
	return ids
}

// eventCount is the number of events an actor takes part in, up to
// limit.
func (r *Reader) eventCount(id string, limit int) int {
	var out struct {
		N []struct {
			Count int `json:"count"`
		}
	}
	q := `query q($a: string) { n(func: eq(event.actor_id, $a)) { count(uid) } }`
	if err := r.query(q, map[string]string{"$a": id}, &out); err != nil || len(out.N) == 0 {
		return 0
	}
	return min(out.N[0].Count, limit)
}

// ActorsByName returns the actors a name may be, most exact first, by the
// embedded store's algorithm (graph.FindActors) over this store's indexes.
func (r *Reader) ActorsByName(name string) []graph.Actor {
	return graph.FindActors(graph.ActorIndex{
		Actor:    r.Actor,
		ByName:   func(key string) []string { return r.idsWith("actor.key", key) },
		ByPerson: func(kind, key string) []string { return r.idsWith("actor.pkey", kind+":"+key) },
		Events:   r.eventCount,
	}, name)
}
