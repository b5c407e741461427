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
	"time"

	"github.com/dgraph-io/dgo/v250"

	"eventgraph/graph"
	"eventgraph/graph/export"
)

// chunk is how many nodes a streamed read asks for at once.
const chunk = 500

// Reader reads the graph at one read timestamp (a read-only transaction):
// graph.Snapshot's methods. It is valid only inside View's callback.
type Reader struct {
	s   *Store
	txn *dgo.Txn
	ctx context.Context
	// the nodes looked up, for the Reader's life (cleared past maxCached):
	// the type of each xid asked ("" when none is stored), and the actors,
	// places, agreements and articles (without their text) read
	types      map[string]string
	actors     map[string]*graph.Actor
	places     map[string]*graph.Place
	agreements map[string]*graph.Agreement
	articles   map[string]*graph.Article
	// ahead are the IDs the events read refer to and that are not looked
	// up yet: the next lookup that misses reads them with it, in one query
	// (an export or a page asks for each event's actors, place, agreement
	// and articles one by one: one round trip each)
	ahead   []string
	aheadOf map[string]bool
}

// maxCached bounds a Reader's cached lookups; maxAhead the IDs noted to
// be read ahead.
const (
	maxCached = 200_000
	maxAhead  = 4 * chunk
)

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
	r := &Reader{s: s, txn: txn, ctx: ctx, aheadOf: map[string]bool{}}
	r.clearCache()
	return fn(r)
}

func (r *Reader) clearCache() {
	r.types = map[string]string{}
	r.actors = map[string]*graph.Actor{}
	r.places = map[string]*graph.Place{}
	r.agreements = map[string]*graph.Agreement{}
	r.articles = map[string]*graph.Article{}
}

// noteEvent notes the IDs an event refers to, to be read ahead.
func (r *Reader) noteEvent(e *graph.Event) {
	for _, p := range e.Participants {
		r.noteAhead(p.ActorID)
	}
	r.noteAhead(e.PlaceID)
	r.noteAhead(e.AgreementID)
	for _, x := range e.Evidence {
		r.noteAhead(x.ArticleID)
	}
}

// noteRow notes a node of a type a scan read: stored, and the IDs it
// refers to, to be read ahead.
func (r *Reader) noteRow(typ string, w row) {
	if typ == "" || w.Blob == "" {
		return
	}
	if len(r.types) < maxCached {
		r.types[w.XID] = typ
	}
	switch typ {
	case export.DgraphEvent:
		var ev graph.Event
		if w.decode(&ev) == nil {
			r.noteEvent(&ev)
		}
	case export.DgraphAgreement:
		var g graph.Agreement
		if w.decode(&g) == nil {
			for _, id := range g.Signatories {
				r.noteAhead(id)
			}
			for _, id := range g.Parties {
				r.noteAhead(id)
			}
			r.noteAhead(g.PlaceID)
			for _, x := range g.Evidence {
				r.noteAhead(x.ArticleID)
			}
		}
	case export.DgraphActor:
		var a graph.Actor
		if w.decode(&a) == nil {
			for _, role := range a.Roles {
				r.noteAhead(role.OrgID)
			}
		}
	}
}

func (r *Reader) noteAhead(id string) {
	if id == "" || len(r.ahead) >= maxAhead || r.aheadOf[id] {
		return
	}
	if r.known(id) {
		return
	}
	r.aheadOf[id] = true
	r.ahead = append(r.ahead, id)
}

// known reports whether the node with the ID needs no lookup: not
// stored, or its value cached (an event's type alone).
func (r *Reader) known(id string) bool {
	t, ok := r.types[export.XIDOf(id)]
	if !ok {
		return false
	}
	switch t {
	case export.DgraphActor:
		_, ok = r.actors[id]
	case export.DgraphPlace:
		_, ok = r.places[id]
	case export.DgraphAgreement:
		_, ok = r.agreements[id]
	case export.DgraphArticle:
		_, ok = r.articles[id]
	}
	return ok
}

// lookup returns the type of the node with the ID ("" when none is
// stored): known, or read, with those noted ahead, into the caches (an
// article without its text). With read it reads the node even when its
// type is known (a scan noted it, without caching its value).
func (r *Reader) lookup(id string, read bool) (string, error) {
	x := export.XIDOf(id)
	if t, ok := r.types[x]; ok && (!read || t == "") {
		return t, nil
	}
	if len(r.types) >= maxCached {
		r.clearCache()
	}
	ids := []string{x}
	for len(r.ahead) > 0 && len(ids) < chunk {
		a := r.ahead[len(r.ahead)-1]
		r.ahead = r.ahead[:len(r.ahead)-1]
		delete(r.aheadOf, a)
		if ax := export.XIDOf(a); ax != x && !r.known(a) {
			ids = append(ids, ax)
		}
	}
	var out struct{ N []row }
	q := fmt.Sprintf("{ n(func: eq(xid, %s)) { xid types: dgraph.type blob: eg.blob } }", quoteList(ids))
	if err := r.query(q, nil, &out); err != nil {
		return "", err
	}
	for _, i := range ids {
		r.types[i] = ""
	}
	for _, w := range out.N {
		typ := ""
		for _, t := range w.Types {
			if _, ok := typeKinds[t]; ok {
				typ = t
			}
		}
		r.types[w.XID] = typ
		id := xidID(w.XID)
		var err error
		switch typ {
		case export.DgraphActor:
			err = decodeInto(w, r.actors, id)
		case export.DgraphPlace:
			err = decodeInto(w, r.places, id)
		case export.DgraphAgreement:
			err = decodeInto(w, r.agreements, id)
		case export.DgraphArticle:
			err = decodeInto(w, r.articles, id)
		}
		if err != nil {
			return "", err
		}
	}
	return r.types[x], nil
}

// decodeInto decodes a node read into a cache.
func decodeInto[T any](w row, cache map[string]*T, id string) error {
	v := new(T)
	if err := w.decode(v); err != nil {
		return err
	}
	cache[id] = v
	return nil
}

// cached is a node of a cache, looked up (with those noted ahead) when
// not there yet.
func cached[T any](r *Reader, cache map[string]*T, typ, kind, id string) (T, error) {
	var zero T
	if v, ok := cache[id]; ok {
		return *v, nil
	}
	if t, ok := r.types[export.XIDOf(id)]; ok && t != typ {
		return zero, fmt.Errorf("%s %s: %w", kind, id, graph.ErrNotFound)
	}
	t, err := r.lookup(id, true)
	if err != nil {
		return zero, fmt.Errorf("%s %s: %w", kind, id, err)
	}
	v, ok := cache[id]
	if t != typ || !ok {
		return zero, fmt.Errorf("%s %s: %w", kind, id, graph.ErrNotFound)
	}
	return *v, nil
}

// ReleaseMemory does nothing: the reader maps no files.
func (r *Reader) ReleaseMemory() error { return nil }

// ArticleMeta is Article without its text.
func (r *Reader) ArticleMeta(id string) (graph.Article, error) {
	return cached(r, r.articles, export.DgraphArticle, "article", id)
}

// ArticleText is an article's text.
func (r *Reader) ArticleText(id string) (string, error) {
	a, err := r.Article(id)
	return a.Text, err
}

// ForEachArticleMeta walks the articles as ForEachArticle does, without
// their text.
func (r *Reader) ForEachArticleMeta(fn func(graph.Article) error) error {
	return forEachOf(r, export.DgraphArticle, false, fn)
}

// query runs a DQL query with variables in the transaction and decodes
// its answer into out.
func (r *Reader) query(q string, vars map[string]string, out any) error {
	ctx, cancel := context.WithTimeout(r.ctx, r.s.timeout)
	defer cancel()
	start := time.Now()
	resp, err := r.txn.QueryWithVars(ctx, q, vars)
	if err != nil {
		return fmt.Errorf("dgraph: query: %w", err)
	}
	if r.s.queried != nil {
		r.s.queried(q, time.Since(start), len(resp.Json))
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
	return r.getWith(typ, kind, id, typ == export.DgraphArticle, v)
}

// getWith is get that reads an article's text only with text.
func (r *Reader) getWith(typ, kind, id string, withText bool, v any) error {
	var out struct{ N []row }
	text := ""
	if withText {
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
	return cached(r, r.actors, export.DgraphActor, "actor", id)
}

// Place returns the place with the ID, cached for the Reader's life.
func (r *Reader) Place(id string) (graph.Place, error) {
	return cached(r, r.places, export.DgraphPlace, "place", id)
}

// Agreement returns the agreement with the ID, cached for the Reader's
// life.
func (r *Reader) Agreement(id string) (graph.Agreement, error) {
	return cached(r, r.agreements, export.DgraphAgreement, "agreement", id)
}

// kindTypes maps Has's kinds to node types; typeKinds the node types to
// their kinds.
var (
	kindTypes = map[string]string{"article": export.DgraphArticle, "event": export.DgraphEvent, "actor": export.DgraphActor,
		"place": export.DgraphPlace, "agreement": export.DgraphAgreement}
	typeKinds = map[string]string{export.DgraphArticle: "article", export.DgraphEvent: "event", export.DgraphActor: "actor",
		export.DgraphPlace: "place", export.DgraphAgreement: "agreement"}
)

// Has reports whether a node of the kind with the ID is stored (looked
// up with the IDs noted ahead, and cached).
func (r *Reader) Has(kind, id string) bool {
	typ, ok := kindTypes[kind]
	if !ok || id == "" {
		return false
	}
	t, err := r.lookup(id, false)
	return err == nil && t == typ
}

// window bounds the positions one query of a scan reads (a position is
// about 60 bytes of JSON: a window stays well under gRPC's 4 MB answers).
const window = 10000

// scan streams the nodes a selection holds in the order of the predicate
// pred (ascending, or descending with desc), between lo and hi inclusive
// ("" for no bound): root is the DQL function that selects ("" to select
// by the range of pred itself), filter more conditions (or ""), fields
// what to fetch besides the xid and the position (as pos; "" for the
// positions alone). The positions are read first, a window at a time, and
// sorted here (positions), then the nodes' fields by xid, chunk by chunk,
// in that order: Dgraph never sorts (an orderasc with first walks the
// order predicate's whole index from its start, and reads the value of
// every node selected, for every chunk) and no query reads past the
// selection (an inequality root reads every index key from its bound on).
func (r *Reader) scan(root, typ, filter, pred string, desc bool, lo, hi, fields string, fn func(row) error) error {
	batch := make([]string, 0, chunk)
	flush := func() error {
		defer func() { batch = batch[:0] }()
		if len(batch) == 0 {
			return nil
		}
		if err := r.ctx.Err(); err != nil {
			return fmt.Errorf("dgraph: scan stopped: %w", err)
		}
		if fields == "" {
			for _, p := range batch {
				if err := fn(row{XID: posXID(pred, p), Pos: p}); err != nil {
					return err
				}
			}
			return nil
		}
		rows, err := r.rowsAt(pred, batch, fields)
		if err != nil {
			return err
		}
		// the nodes read are stored (Has), and the nodes they refer to
		// are read ahead, a chunk's at once, when the first is asked for
		for _, p := range batch {
			if w, ok := rows[p]; ok {
				r.noteRow(typ, w)
			}
		}
		for _, p := range batch {
			if w, ok := rows[p]; ok {
				if err := fn(w); err != nil {
					return err
				}
			}
		}
		return nil
	}
	err := r.positions(span{root: root, filter: filter, pred: pred, lo: lo, hi: hi}, desc, 0, func(p string) error {
		batch = append(batch, p)
		if len(batch) < chunk {
			return nil
		}
		return flush()
	})
	if err != nil {
		return err
	}
	return flush()
}

// span is a selection of nodes by the range of their position predicate
// pred: root selects (or "" for the range itself), filter adds conditions,
// lo and hi bound the positions ("" for no bound; hi excluded with
// hiOpen).
type span struct {
	root, filter, pred string
	lo, hi             string
	hiOpen             bool
}

// selection is the DQL that selects a span: its root function and its
// @filter ("" for none).
func (s span) selection() (root, where string) {
	var conds []string
	if s.filter != "" {
		conds = append(conds, s.filter)
	}
	rng := ""
	switch {
	case s.lo != "" && s.hi != "":
		rng = "between(" + s.pred + ", " + quote(s.lo) + ", " + quote(s.hi) + ")"
	case s.lo != "":
		rng = "ge(" + s.pred + ", " + quote(s.lo) + ")"
	case s.hi != "":
		rng = "le(" + s.pred + ", " + quote(s.hi) + ")"
	}
	root = s.root
	switch {
	case root == "" && rng == "":
		root = "has(" + s.pred + ")"
	case root == "":
		root = rng
	case rng != "":
		conds = append(conds, rng)
	}
	if len(conds) > 0 {
		where = "@filter(" + strings.Join(conds, " AND ") + ")"
	}
	return root, where
}

// maxParts bounds the parts a span of more than a window of positions is
// cut into.
const maxParts = 64

// positions calls emit with the positions of the nodes a span selects,
// sorted (descending with desc). One query reads the span's count and,
// when it holds a window or less, its positions. A larger span is cut into
// parts of about half a window each at positions sampled evenly over its
// nodes (by offset in uid order: loads in date order give uids in date
// order, so the first nodes by uid would all be the oldest), and each part
// read the same way. Each query reads the index keys of its span only (or,
// under a root, the values of the root's nodes).
func (r *Reader) positions(s span, desc bool, depth int, emit func(string) error) error {
	if depth > 64 {
		return fmt.Errorf("dgraph: scan of %s: the positions do not split", s.pred)
	}
	window := window
	if r.s.window > 0 {
		window = r.s.window
	}
	root, where := s.selection()
	var out struct {
		N []struct {
			Pos string `json:"pos"`
		}
		C []struct {
			Count int `json:"count"`
		}
	}
	q := fmt.Sprintf("{ v as var(func: %s) %s\nn(func: uid(v), first: %d) { pos: %s }\nc(func: uid(v)) { count(uid) } }",
		root, where, window, s.pred)
	if err := r.query(q, nil, &out); err != nil {
		return err
	}
	keep := func(p string) bool { return p != "" && !(s.hiOpen && p >= s.hi) }
	if len(out.C) == 0 || out.C[0].Count <= window {
		ps := make([]string, 0, len(out.N))
		for _, n := range out.N {
			if keep(n.Pos) {
				ps = append(ps, n.Pos)
			}
		}
		sort.Strings(ps)
		ps = slices.Compact(ps)
		if desc {
			slices.Reverse(ps)
		}
		for _, p := range ps {
			if err := emit(p); err != nil {
				return err
			}
		}
		return nil
	}
	// more than a window: sample positions evenly by offset, and cut there
	n := out.C[0].Count
	parts := min(maxParts, 2*n/window+1)
	samples := min(n, 4*parts)
	var b strings.Builder
	fmt.Fprintf(&b, "{ v as var(func: %s) %s\n", root, where)
	for i := 0; i < samples; i++ {
		fmt.Fprintf(&b, "s%d(func: uid(v), offset: %d, first: 1) { pos: %s }\n", i, i*n/samples, s.pred)
	}
	b.WriteString("}")
	var sampled map[string][]struct {
		Pos string `json:"pos"`
	}
	if err := r.query(b.String(), nil, &sampled); err != nil {
		return err
	}
	var ps []string
	for _, list := range sampled {
		for _, x := range list {
			if keep(x.Pos) {
				ps = append(ps, x.Pos)
			}
		}
	}
	sort.Strings(ps)
	ps = slices.Compact(ps)
	var cuts []span
	lo := s.lo
	for i := 1; i < parts && len(ps) > 0; i++ {
		cut := ps[i*len(ps)/parts]
		if cut <= lo {
			continue
		}
		cuts = append(cuts, span{root: s.root, filter: s.filter, pred: s.pred, lo: lo, hi: cut, hiOpen: true})
		lo = cut
	}
	if len(cuts) == 0 {
		return fmt.Errorf("dgraph: scan of %s: %d positions from %q do not split", s.pred, n, s.lo)
	}
	cuts = append(cuts, span{root: s.root, filter: s.filter, pred: s.pred, lo: lo, hi: s.hi, hiOpen: s.hiOpen})
	if desc {
		slices.Reverse(cuts)
	}
	for _, p := range cuts {
		if err := r.positions(p, desc, depth+1, emit); err != nil {
			return err
		}
	}
	return nil
}

// posXID is the xid of the node at a position of pred (a position ends
// with the node's ID; xid is its own position).
func posXID(pred, pos string) string {
	if pred == "xid" {
		return pos
	}
	return export.XIDOf(pos[strings.LastIndexByte(pos, '|')+1:])
}

// rowsAt reads fields of the nodes at positions of pred, by xid, keyed by
// position.
func (r *Reader) rowsAt(pred string, pos []string, fields string) (map[string]row, error) {
	ids := make([]string, len(pos))
	for i, p := range pos {
		ids[i] = posXID(pred, p)
	}
	var out struct{ N []row }
	q := fmt.Sprintf("{ n(func: eq(xid, %s)) { xid pos: %s %s } }", quoteList(ids), pred, fields)
	if err := r.query(q, nil, &out); err != nil {
		return nil, err
	}
	m := make(map[string]row, len(out.N))
	for _, w := range out.N {
		m[w.Pos] = w
	}
	return m, nil
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
	// what the page's events refer to is read ahead (not what the
	// events scanned before it do)
	r.ahead = r.ahead[:0]
	clear(r.aheadOf)
	for _, e := range page.Edges {
		r.noteEvent(&e.Event)
	}
	return page, nil
}

// eventsAt reads the events at positions, by position.
func (r *Reader) eventsAt(pos []string) (map[string]graph.Event, error) {
	rows, err := r.rowsAt("event.pos", pos, "blob: eg.blob")
	if err != nil {
		return nil, err
	}
	m := make(map[string]graph.Event, len(rows))
	for p, w := range rows {
		var ev graph.Event
		if err := w.decode(&ev); err != nil {
			return nil, err
		}
		m[p] = ev
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
	// the actors are decoded to be filtered; without a filter the
	// positions count them, and only the page's are read
	filter := f.Kind != "" || q != ""
	fields := ""
	if filter {
		fields = "blob: eg.blob"
	}
	var pending []string
	err := r.scan("", export.DgraphActor, "", "actor.pos", false, "", "", fields, func(w row) error {
		var a graph.Actor
		if filter {
			if err := w.decode(&a); err != nil {
				return nil
			}
			if f.Kind != "" && a.Kind != f.Kind {
				return nil
			}
			if q != "" && !actorHasName(a, q) {
				return nil
			}
		}
		page.Total++
		if afterPos != "" && w.Pos <= afterPos {
			page.HasPrevious = true
			return nil
		}
		if first >= 0 && len(page.Edges)+len(pending) >= first {
			page.HasNext = true
			return nil
		}
		if filter {
			page.Edges = append(page.Edges, graph.ActorEdge{Cursor: graph.EncodeCursor(w.Pos), Actor: a})
		} else {
			pending = append(pending, w.Pos)
		}
		return nil
	})
	if err != nil {
		return page, err
	}
	err = r.fetchEach("actor.pos", pending, func(w row) error {
		var a graph.Actor
		if err := w.decode(&a); err != nil {
			return err
		}
		page.Edges = append(page.Edges, graph.ActorEdge{Cursor: graph.EncodeCursor(w.Pos), Actor: a})
		return nil
	})
	return page, err
}

// fetchEach reads the stored bytes of the nodes at positions of pred, a
// chunk at a time, and calls fn with each in the positions' order.
func (r *Reader) fetchEach(pred string, pos []string, fn func(row) error) error {
	for len(pos) > 0 {
		part := pos[:min(len(pos), chunk)]
		pos = pos[len(part):]
		rows, err := r.rowsAt(pred, part, "blob: eg.blob")
		if err != nil {
			return err
		}
		for _, p := range part {
			if w, ok := rows[p]; ok {
				if err := fn(w); err != nil {
					return err
				}
			}
		}
	}
	return nil
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
	var pending []string
	err := r.scan("", export.DgraphArticle, "", "article.pos", false, "", "", "", func(w row) error {
		page.Total++
		if afterPos != "" && w.Pos <= afterPos {
			page.HasPrevious = true
			return nil
		}
		if first >= 0 && len(pending) >= first {
			page.HasNext = true
			return nil
		}
		pending = append(pending, w.Pos)
		return nil
	})
	if err != nil {
		return page, err
	}
	err = r.fetchEach("article.pos", pending, func(w row) error {
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
