package dgraph

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dgraph-io/dgo/v250"
	"github.com/dgraph-io/dgo/v250/protos/api"

	"eventgraph/graph"
	"eventgraph/graph/export"
	"eventgraph/graph/names"
)

// maxRounds bounds the runs of one article over its candidates (see
// putOnce): each run after the first reads the candidates that the
// renaming of the article's persons asked for.
const maxRounds = 6

// node is a stored node read by a write transaction.
type node struct {
	uid, xid, kind string
	blob           []byte // the node's encoding (graph.Encode)
	key, owner     string // a merge key node's key and event
}

// candidates are the stored nodes a write transaction has read, and the
// lookups it has made (so that none is made twice).
type candidates struct {
	nodes  map[string]*node // by xid
	events map[string]graph.Event
	agrees map[string]graph.Agreement
	asked  map[string]bool // lookups made: "id:"+xid, "pk:"+key, eventWin.key(), "aw:"+lo+hi, "countries"
	// found is the number of events each window lookup returned
	found map[string]int
	// datePos are the positions ("<start>|<id>", sorted) of the events of
	// each date window
	datePos map[string][]string
	// plans are the merger's scans of the events of the article as last
	// run; kinds its actors' kinds
	plans  []graph.Event
	kinds  map[string]graph.ActorKind
	actors map[string]graph.Actor // candidate actors decoded
}

// eventWin is a lookup of the stored events whose span overlaps the days
// from..to: those of an actor (kind 'a'), at a place ('p'), or the
// positions of all ('d'): the merger's scans (graph's merger.find).
type eventWin struct {
	kind     byte
	id       string
	from, to string
}

func (w eventWin) key() string {
	return "ew:" + string(w.kind) + w.id + "|" + w.from + "|" + w.to
}

// wants are the lookups a run of an article needs.
type wants struct {
	xids      []string
	pkeys     []string
	eventWins []eventWin
	agreeWins [][2]string // [lo, hi] positions
	countries bool
}

func (w *wants) empty() bool {
	return len(w.xids) == 0 && len(w.pkeys) == 0 && len(w.eventWins) == 0 && len(w.agreeWins) == 0 && !w.countries
}

// ask adds a lookup unless it was made.
func (c *candidates) ask(k string) bool {
	if c.asked[k] {
		return false
	}
	c.asked[k] = true
	return true
}

func (c *candidates) wantID(w *wants, id string) {
	if id != "" && c.ask("id:"+export.XIDOf(id)) {
		w.xids = append(w.xids, export.XIDOf(id))
	}
}

// wantsOf are the lookups, not made yet, that the embedded store's
// PutFacts of f reads (see the package doc).
func (c *candidates) wantsOf(f *graph.Facts) wants {
	var w wants
	if c.ask("countries") {
		w.countries = true
	}
	for _, p := range f.Places {
		c.wantID(&w, p.ID)
	}
	for _, a := range f.Actors {
		c.wantID(&w, a.ID)
		if a.Kind != graph.Person {
			continue
		}
		// the same name in another country is another person
		c.wantID(&w, graph.NewID("actor", graph.NormName(a.Name), a.Country))
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			p := names.Person(n)
			if p.Empty() {
				continue
			}
			for _, k := range graph.PersonLookups(p) {
				if c.ask("pk:" + k) {
					w.pkeys = append(w.pkeys, k)
				}
			}
			break // matchPerson looks up the first name only
		}
	}
	for _, e := range f.Events {
		c.wantID(&w, e.ID)
		c.wantID(&w, e.PlaceID)
		c.wantID(&w, e.AgreementID)
		for _, p := range e.Participants {
			c.wantID(&w, p.ActorID)
		}
		for _, k := range e.MergeKeys {
			if x := mkXID(k); c.ask("id:" + x) {
				w.xids = append(w.xids, x)
			}
		}
	}
	c.plans = f.Events
	c.kinds = map[string]graph.ActorKind{}
	for _, a := range f.Actors {
		c.kinds[a.ID] = a.Kind
	}
	for _, g := range f.Agreements {
		c.wantID(&w, g.ID)
		c.wantID(&w, g.PlaceID)
		if from, to, ok := graph.MergeWindow(g.Date); ok {
			t, _ := time.Parse("2006-01-02", from)
			lo, hi := t.AddDate(0, 0, -31).Format("2006-01-02"), to+"|~"
			if c.ask("aw:" + lo + hi) {
				w.agreeWins = append(w.agreeWins, [2]string{lo, hi})
			}
		}
	}
	// and what the candidates read so far and the scans ask for
	more := c.closure()
	w.xids = append(w.xids, more.xids...)
	w.eventWins = append(w.eventWins, more.eventWins...)
	return w
}

// closure are the lookups of the nodes the candidates refer to: the
// actors, place and agreement of each event (the merger scores them), the
// place of each agreement, the event each merge key names.
func (c *candidates) closure() wants {
	var w wants
	for _, e := range c.events {
		c.wantID(&w, e.PlaceID)
		c.wantID(&w, e.AgreementID)
		for _, p := range e.Participants {
			c.wantID(&w, p.ActorID)
		}
	}
	for _, g := range c.agrees {
		c.wantID(&w, g.PlaceID)
	}
	for _, n := range c.nodes {
		if n.kind == typeMergeKey {
			c.wantID(&w, n.owner)
		}
	}
	for _, e := range c.plans {
		c.wantWindows(&w, e)
	}
	return w
}

// maxDateCands is graph's merger's limit on the events of a single day's
// window read from the date index (merge.go).
const maxDateCands = 64

// wantWindows adds the window lookups of the merger's scans for one event
// of the article (merger.find): the events overlapping its merge window of
// each of its actors but countries (of its countries when it has no other
// actor and no place), of its place, and for a single day, once those are
// read, the first events of all in date order: as many as the merger may
// read past those it has seen.
func (c *candidates) wantWindows(w *wants, e graph.Event) {
	from, to, ok := graph.MergeWindow(e.Date)
	if !ok {
		return
	}
	var filters, countries []eventWin
	seen := map[string]bool{}
	for _, p := range e.Participants {
		if seen[p.ActorID] {
			continue
		}
		seen[p.ActorID] = true
		win := eventWin{kind: 'a', id: p.ActorID, from: from, to: to}
		if c.actorKind(p.ActorID) == graph.Country {
			countries = append(countries, win)
		} else {
			filters = append(filters, win)
		}
	}
	if len(filters) == 0 && e.PlaceID == "" {
		filters = countries
	}
	if e.PlaceID != "" {
		filters = append(filters, eventWin{kind: 'p', id: e.PlaceID, from: from, to: to})
	}
	ready, sum := true, 0
	for _, f := range filters {
		if c.ask(f.key()) {
			w.eventWins = append(w.eventWins, f)
			ready = false
		} else if n, ok := c.found[f.key()]; ok {
			sum += n
		} else {
			ready = false
		}
	}
	if e.Date.Start != e.Date.End {
		return
	}
	// the positions of the window's events are read with the other
	// scans; once those are read too, the first events the merger may
	// read past those it has seen
	d := eventWin{kind: 'd', from: from, to: to}
	if c.ask(d.key()) {
		w.eventWins = append(w.eventWins, d)
		return
	}
	pos, ok := c.datePos[d.key()]
	if !ready || !ok {
		return
	}
	for _, p := range pos[:min(len(pos), maxDateCands+sum+len(c.plans)+1)] {
		c.wantID(w, p[strings.LastIndexByte(p, '|')+1:])
	}
}

// actorKind is the kind an actor has once the article is written: the
// stored one, else the article's.
func (c *candidates) actorKind(id string) graph.ActorKind {
	if a, ok := c.actors[id]; ok && a.Kind != "" {
		return a.Kind
	}
	return c.kinds[id]
}

// nodeFields are the predicates a write transaction reads of an article,
// event, actor, place or agreement; keyFields those of any node, merge
// keys' included (each predicate of each node is one read of the alpha's:
// the blocks that find no merge key do not ask for theirs).
const (
	nodeFields = `uid xid dgraph.type eg.blob`
	keyFields  = nodeFields + ` mk.key eg.owner`
)

// refsBlock names the query block that reads the nodes the events of the
// other blocks refer to.
const refsBlock = "refs"

// eventFields selects, in block name, fields of a node that may be an
// event, and the nodes an event refers to (which the merger reads when it scores it), gathered into the uid
// variables it appends to vars, which the block refsBlock reads once each
// (events of one window share their actors: nested, each actor would be
// read and sent once per event).
func eventFields(name, fields string, vars *[]string) string {
	a, p, g := name+"_a", name+"_p", name+"_g"
	*vars = append(*vars, a, p, g)
	return `{ ` + fields + ` ` + a + ` as event.actor ` + p + ` as event.place ` + g + ` as event.agreement }`
}

// loaded is a node as a write transaction reads it (the nodes an event
// refers to come in the block refsBlock).
type loaded struct {
	UID   string   `json:"uid"`
	XID   string   `json:"xid"`
	Types []string `json:"dgraph.type"`
	Blob  string   `json:"eg.blob"`
	Key   string   `json:"mk.key"`
	Owner string   `json:"eg.owner"`
	Pos   string   `json:"pos"`
	Start string   `json:"s"` // an event's event.start and event.end
	End   string   `json:"e"`
}

// overlaps reports whether a window's event, as read, overlaps its days
// (event.start <= to and event.end >= from: the days of the datetimes).
func overlaps(n loaded, win eventWin) bool {
	if len(n.Start) < 10 || len(n.End) < 10 {
		return false
	}
	return n.Start[:10] <= win.to && n.End[:10] >= win.from
}

// load makes the lookups of w and then those of the closure until no new
// one is wanted.
func (c *candidates) load(ctx context.Context, txn *dgo.Txn, w wants) error {
	_, err := c.loadWith(ctx, txn, w, "")
	return err
}

// loadWith is load whose first query also holds the blocks head, whose
// answer it returns.
func (c *candidates) loadWith(ctx context.Context, txn *dgo.Txn, w wants, head string) (json.RawMessage, error) {
	var headAnswer json.RawMessage
	for first := true; first || !w.empty(); first = false {
		var q strings.Builder
		var vars []string
		q.WriteString("{\n")
		if first {
			q.WriteString(head)
		}
		if len(w.xids) > 0 {
			fmt.Fprintf(&q, "ids(func: eq(xid, %s)) %s\n", quoteList(w.xids), eventFields("ids", keyFields, &vars))
		}
		if len(w.pkeys) > 0 {
			fmt.Fprintf(&q, "pk(func: eq(actor.pkey, %s)) { %s }\n", quoteList(w.pkeys), nodeFields)
		}
		if w.countries {
			fmt.Fprintf(&q, "co(func: eq(actor.kind, %s)) { %s }\n", quote(string(graph.Country)), nodeFields)
		}
		// the events that may overlap each window of days, in two uid
		// variables (read once however many windows filter them): those
		// that start in it, and the spans listed under its first day's
		// month in event.month (those that start before it and reach it
		// are among them). Both are bounded by the density of the days
		// read, where an actor's or a place's events grow with the graph;
		// and neither filters by an inequality, which Dgraph answers by
		// reading every index key from the bound on. Each window's
		// events are then kept here when their span overlaps it (see
		// overlaps).
		dateVars := map[string]string{}
		dateVar := func(win eventWin) string {
			k := win.from + "|" + win.to
			if v, ok := dateVars[k]; ok {
				return v
			}
			v := "dw" + strconv.Itoa(len(dateVars))
			dateVars[k] = v
			fmt.Fprintf(&q, "%s as var(func: between(event.start, %s, %s))\n", v, quote(dayTime(win.from)), quote(dayTime(win.to)))
			fmt.Fprintf(&q, "%sw as var(func: eq(event.month, %s))\n", v, quote(win.from[:7]))
			return v
		}
		const span = `s: event.start e: event.end`
		wins := map[string]eventWin{}
		for i, win := range w.eventWins {
			name := "ew" + strconv.Itoa(i)
			wins[name] = win
			v := dateVar(win)
			switch win.kind {
			case 'a':
				fmt.Fprintf(&q, "%s(func: uid(%s, %sw)) @filter(eq(event.actor_id, %s)) %s\n",
					name, v, v, quote(win.id), eventFields(name, nodeFields+" "+span, &vars))
			case 'p':
				fmt.Fprintf(&q, "%s(func: uid(%s, %sw)) @filter(eq(event.place_id, %s)) %s\n",
					name, v, v, quote(win.id), eventFields(name, nodeFields+" "+span, &vars))
			default:
				// the positions and spans only (sorted here: a sort by
				// Dgraph reads the whole index)
				fmt.Fprintf(&q, "%s(func: uid(%s, %sw)) { xid pos: event.pos %s }\n", name, v, v, span)
			}
		}
		for i, win := range w.agreeWins {
			fmt.Fprintf(&q, "aw%d(func: between(agreement.pos, %s, %s)) { %s }\n",
				i, quote(win[0]), quote(win[1]), nodeFields)
		}
		if len(vars) > 0 {
			fmt.Fprintf(&q, "%s(func: uid(%s)) { %s }\n", refsBlock, strings.Join(vars, ", "), nodeFields)
		}
		q.WriteString("}")
		resp, err := txn.Query(ctx, q.String())
		if err != nil {
			return nil, fmt.Errorf("read candidates: %w", err)
		}
		if first {
			headAnswer = resp.Json
		}
		var r map[string]json.RawMessage
		if err := json.Unmarshal(resp.Json, &r); err != nil {
			return nil, fmt.Errorf("read candidates: %w", err)
		}
		blocks := map[string][]loaded{}
		for name, raw := range r {
			if strings.HasPrefix(name, "h") {
				continue // the head's blocks
			}
			var list []loaded
			if err := json.Unmarshal(raw, &list); err != nil {
				return nil, fmt.Errorf("read candidates: %w", err)
			}
			blocks[name] = list
		}
		for name, win := range wins {
			var list []loaded
			for _, n := range blocks[name] {
				if overlaps(n, win) {
					list = append(list, n)
				}
			}
			if win.kind != 'd' {
				c.found[win.key()] = len(list)
				blocks[name] = list
				continue
			}
			pos := make([]string, 0, len(list))
			for _, n := range list {
				pos = append(pos, n.Pos)
			}
			sort.Strings(pos)
			c.datePos[win.key()] = slices.Compact(pos)
			delete(blocks, name)
		}
		for _, block := range blocks {
			for _, n := range block {
				if err := c.add(n); err != nil {
					return nil, err
				}
			}
		}
		w = c.closure()
	}
	return headAnswer, nil
}

// add keeps a node read.
func (c *candidates) add(n loaded) error {
	if _, ok := c.nodes[n.XID]; ok || n.XID == "" || len(n.Types) == 0 {
		return nil
	}
	b, err := base64.StdEncoding.DecodeString(n.Blob)
	if err != nil {
		return fmt.Errorf("node %s: %w", n.XID, err)
	}
	nd := &node{uid: n.UID, xid: n.XID, kind: n.Types[0], blob: b, key: n.Key, owner: n.Owner}
	c.nodes[n.XID] = nd
	c.asked["id:"+n.XID] = true
	switch nd.kind {
	case export.DgraphEvent:
		var e graph.Event
		if err := graph.Decode(b, &e); err != nil {
			return fmt.Errorf("event %s: %w", n.XID, err)
		}
		c.events[e.ID] = e
	case export.DgraphAgreement:
		var g graph.Agreement
		if err := graph.Decode(b, &g); err != nil {
			return fmt.Errorf("agreement %s: %w", n.XID, err)
		}
		c.agrees[g.ID] = g
	case export.DgraphActor:
		var a graph.Actor
		if err := graph.Decode(b, &a); err != nil {
			return fmt.Errorf("actor %s: %w", n.XID, err)
		}
		c.actors[a.ID] = a
	}
	return nil
}

// size is the number of bytes of the candidates' encodings.
func (c *candidates) size() int64 {
	n := 0
	for _, nd := range c.nodes {
		n += len(nd.blob) + len(nd.xid) + len(nd.key)
	}
	return int64(n)
}

// factsSize is about the number of bytes of an article's facts once
// encoded: its text and those of its nodes' evidence, names and keys.
func factsSize(f *graph.Facts) int64 {
	n := len(f.Article.Text) + len(f.Article.Title)
	for _, e := range f.Events {
		n += 256 + len(e.Title)
		for _, ev := range e.Evidence {
			n += 64 + len(ev.Sentence)
		}
		for _, k := range e.MergeKeys {
			n += len(k)
		}
	}
	n += 128 * (len(f.Actors) + len(f.Places) + len(f.Agreements))
	return int64(n)
}

// scratch is an in-memory embedded store, with a memtable of mem bytes,
// seeded with the candidates.
func (c *candidates) scratch(mem int64) (*graph.Store, error) {
	st, err := graph.OpenScratchSize(mem)
	if err != nil {
		return nil, err
	}
	var n graph.Nodes
	n.MergeOwners = map[string]string{}
	xids := make([]string, 0, len(c.nodes))
	for x := range c.nodes {
		xids = append(xids, x)
	}
	sort.Strings(xids)
	for _, x := range xids {
		nd := c.nodes[x]
		var err error
		switch nd.kind {
		case export.DgraphEvent:
			n.Events = append(n.Events, c.events[xidID(x)])
		case export.DgraphAgreement:
			n.Agreements = append(n.Agreements, c.agrees[xidID(x)])
		case export.DgraphActor:
			n.Actors = append(n.Actors, c.actors[xidID(x)])
		case export.DgraphPlace:
			var p graph.Place
			err = graph.Decode(nd.blob, &p)
			n.Places = append(n.Places, p)
		case typeMergeKey:
			n.MergeOwners[nd.key] = nd.owner
		}
		if err != nil {
			_ = st.Close()
			return nil, fmt.Errorf("node %s: %w", x, err)
		}
	}
	if err := st.PutNodes(n); err != nil {
		_ = st.Close()
		return nil, err
	}
	return st, nil
}

// copyFacts is a deep copy of f (PutFacts renames persons in place).
func copyFacts(f *graph.Facts) (*graph.Facts, error) {
	b, err := json.Marshal(f)
	if err != nil {
		return nil, err
	}
	var c graph.Facts
	return &c, json.Unmarshal(b, &c)
}

// putOnce is one try of PutFacts.
func (s *Store) putOnce(f *graph.Facts) (graph.PutResult, error) {
	res := graph.PutResult{ArticleID: f.Article.ID}
	ctx, cancel := s.ctx()
	defer cancel()
	txn := s.dg.NewTxn()
	defer func() { _ = txn.Discard(ctx) }()

	// stored already, under its ID or its text? (asked with the first
	// candidates)
	c := &candidates{nodes: map[string]*node{}, events: map[string]graph.Event{}, agrees: map[string]graph.Agreement{},
		asked: map[string]bool{}, found: map[string]int{}, datePos: map[string][]string{}, actors: map[string]graph.Actor{}}
	head := fmt.Sprintf(`ha(func: eq(xid, %s)) { xid dgraph.type }
ht(func: eq(article.text_sha, %s)) { xid }
hm(func: eq(xid, %s)) { uid eg.version }
`, quote(export.XIDOf(f.Article.ID)), quote(textSHA(f.Article.Text)), quote(metaXID))
	raw, err := c.loadWith(ctx, txn, c.wantsOf(f), head)
	if err != nil {
		return res, err
	}
	var h struct {
		A []struct {
			XID   string   `json:"xid"`
			Types []string `json:"dgraph.type"`
		} `json:"ha"`
		T []struct {
			XID string `json:"xid"`
		} `json:"ht"`
		M []struct {
			UID     string `json:"uid"`
			Version uint64 `json:"eg.version"`
		} `json:"hm"`
	}
	if err := json.Unmarshal(raw, &h); err != nil {
		return res, fmt.Errorf("read article: %w", err)
	}
	if len(h.A) > 0 && slices.Contains(h.A[0].Types, export.DgraphArticle) {
		res.Existed = true
		return res, nil
	}
	if len(h.T) > 0 {
		res.ArticleID, res.Existed = xidID(h.T[0].XID), true
		return res, nil
	}

	// the article run on its candidates until it wants no other
	var st *graph.Store
	defer func() {
		if st != nil {
			_ = st.Close()
		}
	}()
	var fc *graph.Facts
	for round := 0; round < maxRounds; round++ {
		if round > 0 {
			w := c.wantsOf(fc)
			if w.empty() {
				break
			}
			if err := c.load(ctx, txn, w); err != nil {
				return res, err
			}
		}
		if st != nil {
			_ = st.Close()
			st = nil
		}
		// a scratch store sized for the candidates and the article (a
		// small one opens faster), and the largest one if the article's
		// write does not fit in it
		size := c.size() + factsSize(f)
		for mem := 16 * size; ; mem = graph.ScratchMaxMemTable {
			if st != nil {
				_ = st.Close()
			}
			if st, err = c.scratch(mem); err != nil {
				return res, fmt.Errorf("scratch store: %w", err)
			}
			if fc, err = copyFacts(f); err != nil {
				return res, err
			}
			res, err = st.PutFacts(fc)
			if errors.Is(err, graph.ErrTooManyFacts) && mem < graph.ScratchMaxMemTable {
				continue
			}
			if err != nil {
				return res, err
			}
			break
		}
		if res.Existed {
			return res, nil
		}
	}

	// the nodes the run wrote, to Dgraph
	m, err := c.mutation(ctx, txn, st)
	if err != nil {
		return res, err
	}
	meta := map[string]any{"uid": "_:meta", "xid": metaXID, "dgraph.type": typeMeta}
	version := uint64(1)
	if len(h.M) > 0 {
		meta["uid"] = h.M[0].UID
		version = h.M[0].Version + 1
	}
	meta["eg.version"] = version
	meta["eg.modified"] = time.Now().UTC().Format(time.RFC3339Nano)
	m.set = append(m.set, meta)
	if len(m.del) > 0 {
		b, err := json.Marshal(m.del)
		if err != nil {
			return res, err
		}
		if _, err := txn.Mutate(ctx, &api.Mutation{DeleteJson: b}); err != nil {
			return res, fmt.Errorf("write: %w", err)
		}
	}
	b, err := json.Marshal(m.set)
	if err != nil {
		return res, err
	}
	// the last write commits (one round trip less than a Commit after it)
	if _, err := txn.Mutate(ctx, &api.Mutation{SetJson: b, CommitNow: true}); err != nil {
		return res, fmt.Errorf("write and commit: %w", err)
	}
	if s.committed != nil {
		s.committed(fc.Article.ID, version)
	}
	*f = *fc
	return res, nil
}

// mutation holds the JSON objects of one transaction's writes: values to
// delete (the list predicates of nodes rewritten) and to set.
type mutation struct {
	set, del []map[string]any
	uids     map[string]string // xid -> uid or blank node of each node written or read
}

// uid is the uid of a node written or read ("" for neither).
func (m *mutation) uid(xid string) string { return m.uids[xid] }

func (m *mutation) ref(xid string) map[string]any {
	if u := m.uid(xid); u != "" {
		return map[string]any{"uid": u}
	}
	return nil
}

// mutation compares the scratch store's nodes with the candidates read
// and returns the writes of those that are new or changed, with the
// merge keys of the events written pointing where the scratch store's do.
func (c *candidates) mutation(ctx context.Context, txn *dgo.Txn, st *graph.Store) (*mutation, error) {
	m := &mutation{uids: map[string]string{}}
	for x, n := range c.nodes {
		m.uids[x] = n.uid
	}
	type write struct {
		xid, kind string
		blob      []byte
		v         any
	}
	var writes []write
	var mkeys []string
	owners := map[string]string{}
	changed := func(xid string, b []byte) bool {
		n, ok := c.nodes[xid]
		return !ok || !bytes.Equal(n.blob, b)
	}
	blank := 0
	add := func(xid, kind string, v any) error {
		b, err := graph.Encode(v)
		if err != nil {
			return err
		}
		if !changed(xid, b) {
			return nil
		}
		if m.uids[xid] == "" {
			blank++
			m.uids[xid] = "_:n" + strconv.Itoa(blank)
		}
		writes = append(writes, write{xid: xid, kind: kind, blob: b, v: v})
		return nil
	}
	err := st.View(func(snap graph.Snapshot) error {
		r := snap.(*graph.Reader) // the scratch store is an embedded one
		if err := r.ForEachArticle(func(a graph.Article) error {
			return add(export.XIDOf(a.ID), export.DgraphArticle, a)
		}); err != nil {
			return err
		}
		if err := r.ForEachActor(func(a graph.Actor) error { return add(export.XIDOf(a.ID), export.DgraphActor, a) }); err != nil {
			return err
		}
		if err := r.ForEachPlace(func(p graph.Place) error { return add(export.XIDOf(p.ID), export.DgraphPlace, p) }); err != nil {
			return err
		}
		if err := r.ForEachAgreement(func(g graph.Agreement) error {
			return add(export.XIDOf(g.ID), export.DgraphAgreement, g)
		}); err != nil {
			return err
		}
		return r.ForEachEvent(func(e graph.Event) error {
			n := len(writes)
			if err := add(export.XIDOf(e.ID), export.DgraphEvent, e); err != nil {
				return err
			}
			if len(writes) == n {
				return nil
			}
			for _, k := range e.MergeKeys {
				if _, ok := owners[k]; ok {
					continue
				}
				if id, ok := r.MergeKeyOwner(k); ok {
					owners[k] = id
					mkeys = append(mkeys, k)
				}
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("compare: %w", err)
	}
	// the merge keys' nodes: read those not read yet
	var missing []string
	for _, k := range mkeys {
		if x := mkXID(k); c.nodes[x] == nil && c.ask("id:"+x) {
			missing = append(missing, x)
		}
	}
	if len(missing) > 0 {
		if err := c.load(ctx, txn, wants{xids: missing}); err != nil {
			return nil, err
		}
		for _, x := range missing {
			if n := c.nodes[x]; n != nil {
				m.uids[x] = n.uid
			}
		}
	}
	for _, k := range mkeys {
		x := mkXID(k)
		if n := c.nodes[x]; n != nil && n.owner == owners[k] {
			continue
		}
		u := m.uids[x]
		if u == "" {
			blank++
			u = "_:n" + strconv.Itoa(blank)
			m.uids[x] = u
		}
		m.set = append(m.set, map[string]any{"uid": u, "xid": x, "dgraph.type": typeMergeKey, "mk.key": k, "eg.owner": owners[k]})
	}
	for _, w := range writes {
		u := m.uids[w.xid]
		exists := c.nodes[w.xid] != nil
		o := map[string]any{"uid": u, "xid": w.xid, "dgraph.type": w.kind}
		var del []string
		switch v := w.v.(type) {
		case graph.Article:
			text := v.Text
			v.Text = ""
			b, err := graph.Encode(v)
			if err != nil {
				return nil, err
			}
			w.blob = b
			o["article.pos"] = graph.ArticlePos(v)
			o["article.title"] = v.Title
			o["article.text"] = text
			o["article.text_sha"] = textSHA(text)
			if len(v.Published) >= 10 {
				if t := dayTime(v.Published[:10]); t != "" {
					o["article.published"] = t
				}
			}
		case graph.Event:
			o["event.pos"] = graph.EventPos(v)
			setDay(o, "event.start", v.Date.Start)
			setDay(o, "event.end", v.Date.End)
			setList(o, "event.month", wideMonths(v.Date))
			setStr(o, "event.type", v.Type)
			setStr(o, "event.cameo", v.CAMEO)
			setStr(o, "event.title", v.Title)
			setStr(o, "event.status", v.Status)
			setStr(o, "event.place_id", v.PlaceID)
			setList(o, "event.merge_key", v.MergeKeys)
			var actorIDs, arts []string
			var edges []map[string]any
			for _, p := range v.Participants {
				if !slices.Contains(actorIDs, p.ActorID) {
					actorIDs = append(actorIDs, p.ActorID)
					if r := m.ref(export.XIDOf(p.ActorID)); r != nil {
						edges = append(edges, r)
					}
				}
			}
			for _, ev := range v.Evidence {
				if ev.ArticleID != "" && !slices.Contains(arts, ev.ArticleID) {
					arts = append(arts, ev.ArticleID)
				}
			}
			setList(o, "event.actor_id", actorIDs)
			setList(o, "event.article_id", arts)
			if len(edges) > 0 {
				o["event.actor"] = edges
			}
			if v.PlaceID != "" {
				if r := m.ref(export.XIDOf(v.PlaceID)); r != nil {
					o["event.place"] = r
				}
			}
			if v.AgreementID != "" {
				if r := m.ref(export.XIDOf(v.AgreementID)); r != nil {
					o["event.agreement"] = r
				}
			}
			del = []string{"event.start", "event.end", "event.month", "event.type", "event.cameo", "event.status", "event.place_id",
				"event.merge_key", "event.actor_id", "event.article_id", "event.actor", "event.place", "event.agreement"}
		case graph.Actor:
			o["actor.pos"] = graph.ActorPos(v)
			o["actor.name"] = v.Name
			o["actor.kind"] = string(v.Kind)
			setStr(o, "actor.country", v.Country)
			setList(o, "actor.alias", v.Aliases)
			setList(o, "actor.key", actorKeys(v))
			setList(o, "actor.pkey", graph.PersonKeys(v))
			del = []string{"actor.country", "actor.alias", "actor.key", "actor.pkey"}
		case graph.Place:
			o["place.name"] = v.Name
			o["place.key"] = graph.NormName(v.Name)
			setStr(o, "place.country", v.Country)
			del = []string{"place.country"}
		case graph.Agreement:
			o["agreement.pos"] = graph.AgreementPos(v)
			o["agreement.name"] = v.Name
			o["agreement.kind"] = v.Kind
			setDay(o, "agreement.start", v.Date.Start)
			setDay(o, "agreement.end", v.Date.End)
			del = []string{"agreement.start", "agreement.end"}
		}
		o["eg.blob"] = base64.StdEncoding.EncodeToString(w.blob)
		if exists && len(del) > 0 {
			d := map[string]any{"uid": u}
			for _, p := range del {
				d[p] = nil
			}
			m.del = append(m.del, d)
		}
		m.set = append(m.set, o)
	}
	return m, nil
}

func setStr(o map[string]any, p, v string) {
	if v != "" {
		o[p] = v
	}
}

func setList(o map[string]any, p string, v []string) {
	if len(v) > 0 {
		o[p] = v
	}
}

func setDay(o map[string]any, p, d string) {
	if t := dayTime(d); t != "" {
		o[p] = t
	}
}

// actorKeys are the folded name and aliases of an actor (the embedded
// store's CN: index).
func actorKeys(a graph.Actor) []string {
	var keys []string
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		if k := graph.NormName(n); k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// maxWideMonths bounds the months a span is listed under (graph's
// maxWideMonths: a century).
const maxWideMonths = 1200

// wideMonths are the months (YYYY-MM) a span of more than one day
// overlaps, none for a single day or an unknown date.
func wideMonths(d graph.DateSpan) []string {
	if !d.Known() || d.End <= d.Start {
		return nil
	}
	t, err1 := time.Parse("2006-01-02", d.Start)
	u, err2 := time.Parse("2006-01-02", d.End)
	if err1 != nil || err2 != nil {
		return nil
	}
	var out []string
	for m := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(u) && len(out) < maxWideMonths; m = m.AddDate(0, 1, 0) {
		out = append(out, m.Format("2006-01"))
	}
	return out
}
