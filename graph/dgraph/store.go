// Package dgraph keeps eventgraph's graph on a Dgraph cluster: the second
// implementation of the storage contract of package graph (Storage and
// Snapshot), for users who outgrow one machine (issue 16). Its answers are
// the embedded Badger store's, byte for byte: the conformance tests load
// the same articles into both and compare every read.
//
// # Nodes
//
// Every node (article, event, actor, place, agreement) is one Dgraph node
// keyed by its eventgraph identifier (uuid v5) in the predicate xid
// (export.XIDOf: "urn:uuid:<id>", @index(exact) @upsert, the key `dgraph
// live --upsertPredicate xid` uses for the N-Quads export), with its
// dgraph.type (Article, Event, Actor, Place, Agreement: export's names) and
// its whole value in eg.blob, base64 of the Badger store's own encoding
// (graph.Encode). Reads decode eg.blob, so they return exactly the structs
// the embedded store returns. Beside it each node has the predicates the
// reads select and order by, and those a DQL user queries (the names of
// the RDF export, graph/export/rdf.go, with the same types):
//
//   - event.pos, agreement.pos, article.pos, actor.pos: the node's position
//     in the embedded store's order (graph.EventPos, …; @index(exact)), so
//     that pages and cursors are the same;
//   - event.start, event.end, agreement.start, agreement.end,
//     article.published: datetime @index(day);
//   - event.month: the months (YYYY-MM) an event of more than one day
//     overlaps (the embedded store's WM keys), so that a window finds the
//     spans that start before it in one bucket, its first day's month;
//   - event.actor_id, event.place_id, event.article_id (the articles of its
//     evidence): the identifiers it refers to, @index(exact), for the
//     lookups by actor, place and article; and the edges event.actor
//     (@reverse @count), event.place and event.agreement (@reverse) to the
//     nodes, for DQL users;
//   - event.type, event.cameo, event.status, event.title, event.merge_key;
//   - actor.name, actor.kind, actor.country, actor.alias, actor.key (each
//     folded name and alias, graph.NormName, @index(exact)) and actor.pkey
//     (a person's transliteration keys, names.Person: "G:" glued, "L:"
//     surname, "F:" first given name; what the embedded store indexes as
//     CG:, CL:, CF:);
//   - place.name, place.key (folded name), place.country;
//   - article.title, article.text (the text is kept out of eg.blob, so that
//     listing articles does not read it), article.text_sha (the digest that
//     makes the same text one article).
//
// Two more kinds of node: one per merge key (xid "urn:eventgraph:mk:"+its
// sha256, eg.owner the event it names, as the embedded store's EM: key)
// and one meta node (xid "urn:eventgraph:meta": eg.version, eg.modified).
//
// # Writes
//
// One article is one Dgraph transaction. It reads, at the transaction's
// start timestamp, every stored node the embedded store's PutFacts could
// read for that article: the article itself (by ID and by text digest:
// stored already, nothing is written), its places, actors (by ID, by the
// person keys of its persons, and every country), the events that own its
// merge keys, the events the merger's candidate scans read (graph's
// merger.find: for each event of the article, the events overlapping its
// merge window of each of its actors but countries, or of its countries
// when it has no other actor and no place, of its place, and for a single
// day the first events of all in date order, as many as the merger may
// read past those it has seen), the agreements dated near its agreements,
// and, closing over these, the actors, places, agreements and events
// those nodes refer to. It seeds a scratch in-memory graph.Store with them
// (graph.OpenScratch, graph.Store.PutNodes) and runs the embedded store's own PutFacts on it: person resolution,
// actor merging, the merge of events by merge key and by score, agreement
// matching and relinking are the same code, not a copy, and give the same
// result as long as the candidates seeded are those the embedded store
// would read. Person resolution may rename the article's actors and so its
// merge keys: the candidates of the renamed facts are read too and the
// article run again until nothing new is wanted. The nodes of the scratch
// store whose encoding changed (or that are new) are then written to
// Dgraph in the same transaction, with the meta node's version increased.
//
// Every write transaction thus writes the meta node: two concurrent
// writers conflict and one is aborted (dgo.ErrAborted) and run again from
// the start against the graph as the other left it. Dgraph's transactions
// are snapshot-isolated, so without this common key two loaders could each
// miss the other's report of one event; with it, writes are serialized
// across every loader of the cluster (optimistically: the work of an
// aborted try is redone), and the merged graph is one the embedded store
// gives for some order of the articles (the order of their commits).
// Reads are not serialized. An article whose request was lost with an
// alpha (gRPC Unavailable: the alpha killed, its group electing a leader)
// is run again the same way: had the lost request committed, the article
// is found stored and nothing is written twice (the fault test,
// fault_test.go, kills the leader of three replicas mid-load).
//
// Limits: the windows are read by datetime, so an event whose dates are
// not days (YYYY-MM-DD) is never a candidate of the score merge (the
// embedded store's extractor writes days); a write costs two or three
// round trips to the cluster and a scratch store, so one loader writes a
// few articles a second where the embedded store writes hundreds; writers
// serialize on the meta node, so more loaders add extraction, not write,
// throughput.
//
// # Reads
//
// View runs its callback over one read-only transaction: every query of it
// reads at one timestamp, as a Badger snapshot. Pages and walks read the
// positions of the nodes they select (the position predicates: a range of
// their exact index, between/ge/le, or a root's nodes filtered by it),
// sort them here, and read the nodes by xid 500 at a time in that order:
// Dgraph never sorts (orderasc with first: walks the order predicate's
// index from its start and reads the value of every node selected), and
// no query reads past its selection. A selection of more than 10,000
// nodes is cut at positions sampled evenly over it, and each part read
// the same way, so memory stays bounded by that window and the page.
// Lookups query by xid, and read with them, in one query, what the events
// read before refer to (their actors, places, agreements and articles),
// cached for the View. Filters beyond the indexes are tested on the
// decoded events as the embedded store tests them.
package dgraph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/dgraph-io/dgo/v250"
	"github.com/dgraph-io/dgo/v250/protos/api"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"eventgraph/graph"
	"eventgraph/graph/export"
)

// Node types and keys of the store's own nodes.
const (
	typeMergeKey = "MergeKey"
	typeMeta     = "EventgraphMeta"
	metaXID      = "urn:eventgraph:meta"
	mkXIDPrefix  = "urn:eventgraph:mk:"
)

// Schema is the DQL schema the store alters the cluster with when it
// opens: the predicates of package doc. Types agree with the RDF export's
// schema (export.WriteDQLSchema) where names are shared.
const Schema = `
xid: string @index(exact) @upsert .
eg.blob: string .
eg.owner: string .
eg.version: int .
eg.modified: datetime .
mk.key: string .
event.pos: string @index(exact) .
event.start: datetime @index(day) .
event.end: datetime @index(day) .
event.month: [string] @index(exact) .
event.type: string @index(exact) .
event.cameo: string @index(exact) .
event.title: string @index(term, fulltext) .
event.status: string @index(exact) .
event.merge_key: [string] @index(exact) .
event.actor_id: [string] @index(exact) .
event.place_id: string @index(exact) .
event.article_id: [string] @index(exact) .
event.actor: [uid] @reverse @count .
event.place: uid @reverse .
event.agreement: uid @reverse .
actor.pos: string @index(exact) .
actor.name: string @index(exact, term) .
actor.kind: string @index(exact) .
actor.alias: [string] @index(exact, term) .
actor.key: [string] @index(exact) .
actor.pkey: [string] @index(exact) .
actor.country: string @index(exact) .
place.name: string @index(exact, term) .
place.key: string @index(exact) .
place.country: string @index(exact) .
agreement.pos: string @index(exact) .
agreement.name: string @index(exact, term) .
agreement.kind: string @index(exact) .
agreement.start: datetime @index(day) .
agreement.end: datetime @index(day) .
article.pos: string @index(exact) .
article.title: string @index(term, fulltext) .
article.published: datetime @index(day) .
article.text: string .
article.text_sha: string @index(exact) .

type Event {
  xid
  eg.blob
  event.pos
  event.start
  event.end
  event.month
  event.type
  event.cameo
  event.title
  event.status
  event.merge_key
  event.actor_id
  event.place_id
  event.article_id
  event.actor
  event.place
  event.agreement
}
type Actor {
  xid
  eg.blob
  actor.pos
  actor.name
  actor.kind
  actor.alias
  actor.key
  actor.pkey
  actor.country
}
type Place {
  xid
  eg.blob
  place.name
  place.key
  place.country
}
type Agreement {
  xid
  eg.blob
  agreement.pos
  agreement.name
  agreement.kind
  agreement.start
  agreement.end
}
type Article {
  xid
  eg.blob
  article.pos
  article.title
  article.published
  article.text
  article.text_sha
}
type MergeKey {
  xid
  mk.key
  eg.owner
}
type EventgraphMeta {
  xid
  eg.version
  eg.modified
}
`

// Store is a graph on a Dgraph cluster: graph.Storage's methods.
type Store struct {
	dg *dgo.Dgraph
	// timeout bounds each request to the cluster.
	timeout time.Duration
	// committed, when set (by tests), is called with each article written
	// and the version its transaction committed.
	committed func(articleID string, version uint64)
	// queried, when set (by tests, before any read), is called with each
	// query a Reader makes, the time it took and the bytes of its answer.
	queried func(q string, took time.Duration, answer int)
	// window, when set (by tests), replaces the constant window: the most
	// positions one query of a scan reads.
	window int
	// altered is set when Open altered the cluster's schema.
	altered bool
	// aborts counts the transactions aborted by a concurrent writer or
	// lost with an alpha, and tried again.
	aborts atomic.Uint64
}

// maxTries bounds the tries of one article's transaction when concurrent
// writers keep aborting it.
const maxTries = 50

// Open connects to a Dgraph cluster by a connection string
// ("dgraph://host:port[,host:port…][?sslmode=…]", as dgo.Open takes it,
// with any number of alphas: requests go to one of them at random, so a
// lost alpha costs only the requests sent to it) and makes sure the schema
// is there.
func Open(conn string) (*Store, error) {
	dg, err := openClients(conn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", conn, err)
	}
	s := &Store{dg: dg, timeout: 2 * time.Minute}
	ctx, cancel := s.ctx()
	defer cancel()
	// the schema is altered only when it is not there yet: an alter while
	// other loaders write fails ("Pending transactions found")
	present, err := s.schemaPresent(ctx)
	if err != nil {
		dg.Close()
		return nil, fmt.Errorf("open %s: %w", conn, err)
	}
	if !present {
		if err := dg.Alter(ctx, &api.Operation{Schema: Schema}); err != nil {
			dg.Close()
			return nil, fmt.Errorf("open %s: schema: %w", conn, err)
		}
		s.altered = true
	}
	return s, nil
}

// predicate is one predicate of a DQL schema, as `schema {}` answers it.
type predicate struct {
	Predicate string   `json:"predicate"`
	Type      string   `json:"type"`
	Tokenizer []string `json:"tokenizer"`
	Upsert    bool     `json:"upsert"`
	Reverse   bool     `json:"reverse"`
	Count     bool     `json:"count"`
	List      bool     `json:"list"`
}

// dqlSchema is a DQL schema's predicates and types (type name to its
// sorted fields).
type dqlSchema struct {
	preds map[string]predicate
	types map[string]string
}

// parseSchema reads a schema written as Schema is: one predicate a line
// ("name: [type] @index(a, b) @upsert ."), then types ("type T {", one
// field a line, "}").
func parseSchema(text string) dqlSchema {
	out := dqlSchema{preds: map[string]predicate{}, types: map[string]string{}}
	var typ string
	var fields []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.HasPrefix(line, "type ") && strings.HasSuffix(line, "{"):
			typ = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(line, "type "), "{"))
			fields = nil
		case line == "}":
			slices.Sort(fields)
			out.types[typ] = strings.Join(fields, " ")
			typ = ""
		case typ != "":
			fields = append(fields, line)
		default:
			name, rest, ok := strings.Cut(strings.TrimSuffix(line, "."), ":")
			if !ok {
				continue
			}
			p := predicate{Predicate: strings.TrimSpace(name)}
			rest = strings.TrimSpace(rest)
			t, dirs, _ := strings.Cut(rest, " ")
			if strings.HasPrefix(t, "[") {
				p.List, t = true, strings.Trim(t, "[]")
			}
			p.Type = t
			if _, idx, ok := strings.Cut(dirs, "@index("); ok {
				idx, _, _ = strings.Cut(idx, ")")
				for _, tok := range strings.Split(idx, ",") {
					p.Tokenizer = append(p.Tokenizer, strings.TrimSpace(tok))
				}
				slices.Sort(p.Tokenizer)
			}
			p.Upsert = strings.Contains(dirs, "@upsert")
			p.Reverse = strings.Contains(dirs, "@reverse")
			p.Count = strings.Contains(dirs, "@count")
			out.preds[p.Predicate] = p
		}
	}
	return out
}

// covers reports whether every predicate and type of want is in s as want
// has it.
func (s dqlSchema) covers(want dqlSchema) bool {
	for name, w := range want.preds {
		g, ok := s.preds[name]
		if !ok || g.Type != w.Type || g.List != w.List || g.Upsert != w.Upsert || g.Reverse != w.Reverse ||
			g.Count != w.Count || !slices.Equal(g.Tokenizer, w.Tokenizer) {
			return false
		}
	}
	for name, w := range want.types {
		if s.types[name] != w {
			return false
		}
	}
	return true
}

// schemaPresent reports whether the cluster's schema holds Schema already.
func (s *Store) schemaPresent(ctx context.Context) (bool, error) {
	resp, err := s.dg.NewReadOnlyTxn().Query(ctx, "schema {}")
	if err != nil {
		return false, fmt.Errorf("read schema: %w", err)
	}
	var r struct {
		Schema []predicate `json:"schema"`
		Types  []struct {
			Name   string `json:"name"`
			Fields []struct {
				Name string `json:"name"`
			} `json:"fields"`
		} `json:"types"`
	}
	if err := json.Unmarshal(resp.Json, &r); err != nil {
		return false, fmt.Errorf("read schema: %w", err)
	}
	got := dqlSchema{preds: map[string]predicate{}, types: map[string]string{}}
	for _, p := range r.Schema {
		slices.Sort(p.Tokenizer)
		got.preds[p.Predicate] = p
	}
	for _, t := range r.Types {
		var fields []string
		for _, f := range t.Fields {
			fields = append(fields, f.Name)
		}
		slices.Sort(fields)
		got.types[t.Name] = strings.Join(fields, " ")
	}
	return got.covers(parseSchema(Schema)), nil
}

// openClients opens one dgo client on each alpha of conn (dgo.Open takes
// one host) and joins them into one client. An alpha that does not answer
// is left out (until the store is opened again) as long as another does.
func openClients(conn string) (*dgo.Dgraph, error) {
	rest, ok := strings.CutPrefix(conn, "dgraph://")
	if !ok {
		return dgo.Open(conn)
	}
	hosts, query, _ := strings.Cut(rest, "?")
	if i := strings.IndexByte(hosts, '@'); i >= 0 {
		hosts = hosts[i+1:] // credentials: one host only, as dgo.Open
	}
	if !strings.Contains(hosts, ",") {
		return dgo.Open(conn)
	}
	if query != "" {
		query = "?" + query
	}
	var clients []api.DgraphClient
	var down error
	for _, h := range strings.Split(hosts, ",") {
		one, err := dgo.Open("dgraph://" + h + query)
		if unavailable(err) {
			down = err // dgo pings the alpha: one down is left out
			continue
		}
		if err != nil {
			return nil, err
		}
		clients = append(clients, one.GetAPIClients()...)
	}
	if len(clients) == 0 {
		return nil, down
	}
	return dgo.NewDgraphClient(clients...), nil
}

func (s *Store) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), s.timeout)
}

// Close closes the connections.
func (s *Store) Close() error {
	s.dg.Close()
	return nil
}

// ReleaseMemory does nothing: the store maps no files.
func (s *Store) ReleaseMemory() error { return nil }

// meta reads the meta node.
func (s *Store) meta() (version uint64, modified time.Time, err error) {
	ctx, cancel := s.ctx()
	defer cancel()
	txn := s.dg.NewReadOnlyTxn().BestEffort()
	var r struct {
		M []struct {
			Version  uint64    `json:"eg.version"`
			Modified time.Time `json:"eg.modified"`
		} `json:"m"`
	}
	resp, err := txn.Query(ctx, `{ m(func: eq(xid, "`+metaXID+`")) { eg.version eg.modified } }`)
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("dgraph: read version: %w", err)
	}
	if err := json.Unmarshal(resp.Json, &r); err != nil {
		return 0, time.Time{}, fmt.Errorf("dgraph: read version: %w", err)
	}
	if len(r.M) == 0 {
		return 0, time.Time{}, nil
	}
	return r.M[0].Version, r.M[0].Modified, nil
}

// Version is the number of articles written (the meta node's counter); 0
// when the cluster cannot be read.
func (s *Store) Version() uint64 {
	v, _, _ := s.meta()
	return v
}

// Modified is the time of the last write, or the zero time.
func (s *Store) Modified() time.Time {
	_, t, _ := s.meta()
	return t
}

// PutFactsBatch writes the articles one by one, each in its own
// transaction.
func (s *Store) PutFactsBatch(fs []*graph.Facts) ([]graph.PutResult, []error) {
	res := make([]graph.PutResult, len(fs))
	errs := make([]error, len(fs))
	for i, f := range fs {
		res[i], errs[i] = s.PutFacts(f)
	}
	return res, errs
}

// PutFacts writes one article's facts in one transaction, merged with the
// stored graph as the embedded store merges them (see the package doc),
// and tried again while concurrent writers abort it.
func (s *Store) PutFacts(f *graph.Facts) (graph.PutResult, error) {
	res := graph.PutResult{ArticleID: f.Article.ID}
	if f.Article.ID == "" {
		return res, errors.New("put facts: article has no ID")
	}
	for try := 0; ; try++ {
		r, err := s.putOnce(f)
		if (errors.Is(err, dgo.ErrAborted) || unavailable(err)) && try+1 < maxTries {
			s.aborts.Add(1)
			time.Sleep(time.Duration(try+1) * 5 * time.Millisecond)
			continue
		}
		if err != nil {
			return r, fmt.Errorf("store article %q: %w", f.Article.Title, err)
		}
		return r, nil
	}
}

// unavailable reports whether err is an alpha that does not answer (lost,
// restarting, or a group electing its leader): the article is tried again
// from the start, which is safe when the lost request had committed, since
// a stored article is found and nothing is written twice.
func unavailable(err error) bool {
	for e := err; e != nil; e = errors.Unwrap(e) {
		if st, ok := status.FromError(e); ok && st.Code() == codes.Unavailable {
			return true
		}
	}
	return false
}

// textSHA is the hex digest of an article's text (article.text_sha).
func textSHA(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:])
}

// mkXID is the xid of a merge key's node.
func mkXID(key string) string {
	h := sha256.Sum256([]byte(key))
	return mkXIDPrefix + hex.EncodeToString(h[:16])
}

// quote writes s as a DQL string literal.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// quoteList writes strings as a DQL list literal.
func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// xidID is the eventgraph identifier of an xid.
func xidID(x string) string { return strings.TrimPrefix(x, export.XIDPrefix) }

// dayTime is a YYYY-MM-DD day as a Dgraph datetime, or "" when it is not
// one.
func dayTime(d string) string {
	if _, err := time.Parse("2006-01-02", d); err != nil {
		return ""
	}
	return d + "T00:00:00Z"
}

// The store satisfies the storage contract (its View hands a
// graph.Snapshot).
var _ graph.Storage = (*Store)(nil)
