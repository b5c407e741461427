package export

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"eventgraph/graph"
	"eventgraph/graph/timeline"
)

// RDF and DQLSchema are the export for Dgraph (dgraph live or dgraph
// bulk): the graph as N-Quads (WriteRDF) and its DQL schema
// (WriteDQLSchema). Write and WriteWith take both formats (the filters do
// not change the schema); Formats does not list them.
const (
	RDF       = "rdf"
	DQLSchema = "dql"
)

// Files of an RDF export: the N-Quads and the DQL schema, loaded with
//
//	dgraph live -f graph.rdf -s graph.schema --upsertPredicate xid
const (
	RDFFile    = "graph.rdf"
	SchemaFile = "graph.schema"
)

// XID is the predicate holding a node's external identifier, indexed for
// upserts: its eventgraph identifier (the uuid v5 of package model) as a
// URN, "urn:uuid:<id>" (XIDOf). Every node is written as that IRI, which is
// what dgraph live --upsertPredicate xid looks up and stores as the xid:
// re-loading an export adds nothing.
const XID = "xid"

// XIDPrefix starts every xid: a node's IRI is XIDPrefix + its identifier.
const XIDPrefix = "urn:uuid:"

// XIDOf returns the xid (and IRI) of an eventgraph identifier.
func XIDOf(id string) string { return XIDPrefix + id }

// Dgraph node types (the values of dgraph.type).
const (
	DgraphArticle       = "Article"
	DgraphEvent         = "Event"
	DgraphActor         = "Actor"
	DgraphPlace         = "Place"
	DgraphAgreement     = "Agreement"
	DgraphEvidence      = "Evidence"
	DgraphParticipation = "Participation"
	DgraphQuantity      = "Quantity"
	DgraphSourceDate    = "SourceDate"
	DgraphRole          = "Role"
)

// dqlPred is one predicate of the DQL schema.
type dqlPred struct {
	name, typ, index string // index is the directives after the type
}

// datePreds are the predicates of a DateSpan under prefix p: the ISO
// value, the first and last day as datetimes indexed by day (a date-range
// query reads them), the precision and how the date was found.
func datePreds(p string, index bool) []dqlPred {
	day := ""
	if index {
		day = "@index(day)"
	}
	return []dqlPred{
		{p + ".date", "string", ""},
		{p + ".start", "datetime", day},
		{p + ".end", "datetime", day},
		{p + ".precision", "string", "@index(exact)"},
		{p + ".date_text", "string", ""},
		{p + ".inferred", "bool", ""},
		{p + ".anchor", "string", ""},
	}
}

// dqlTypes are the node types of the schema with their predicates, in the
// order the schema lists them.
var dqlTypes = []struct {
	name  string
	preds []dqlPred
}{
	{DgraphArticle, []dqlPred{
		{"article.title", "string", "@index(term, fulltext)"},
		{"article.source", "string", "@index(exact)"},
		{"article.url", "string", "@index(exact)"},
		{"article.published", "datetime", "@index(day)"},
		{"article.file", "string", ""},
		{"article.loaded", "datetime", ""},
		{"article.text", "string", ""},
	}},
	{DgraphEvent, append([]dqlPred{
		{"event.type", "string", "@index(exact)"},
		{"event.cameo", "string", "@index(exact)"},
		{"event.title", "string", "@index(term, fulltext)"},
		{"event.status", "string", "@index(exact)"},
		{"event.actor", "[uid]", "@reverse @count"},
		{"event.participation", "[uid]", ""},
		{"event.place", "uid", "@reverse"},
		{"event.agreement", "uid", "@reverse"},
		{"event.evidence", "[uid]", "@count"},
		{"event.merge_key", "[string]", "@index(exact)"},
		{"event.quantity", "[uid]", ""},
		{"event.source_date", "[uid]", ""},
	}, datePreds("event", true)...)},
	{DgraphActor, []dqlPred{
		{"actor.name", "string", "@index(exact, term)"},
		{"actor.kind", "string", "@index(exact)"},
		{"actor.alias", "[string]", "@index(exact, term)"},
		{"actor.key", "[string]", "@index(exact)"},
		{"actor.country", "string", "@index(exact)"},
		{"actor.role", "[uid]", ""},
	}},
	{DgraphPlace, []dqlPred{
		{"place.name", "string", "@index(exact, term)"},
		{"place.key", "string", "@index(exact)"},
		{"place.kind", "string", "@index(exact)"},
		{"place.country", "string", "@index(exact)"},
		{"place.location", "geo", "@index(geo)"},
		{"place.note", "string", ""},
	}},
	{DgraphAgreement, append([]dqlPred{
		{"agreement.name", "string", "@index(exact, term)"},
		{"agreement.kind", "string", "@index(exact)"},
		{"agreement.party", "[uid]", "@reverse"},
		{"agreement.signatory", "[uid]", "@reverse"},
		{"agreement.topic", "[string]", "@index(exact)"},
		{"agreement.place", "uid", "@reverse"},
		{"agreement.event", "uid", ""},
		{"agreement.evidence", "[uid]", "@count"},
	}, datePreds("agreement", true)...)},
	{DgraphEvidence, []dqlPred{
		{"evidence.article", "uid", "@reverse"},
		{"evidence.sentence", "string", "@index(fulltext)"},
		{"evidence.start", "int", ""},
		{"evidence.end", "int", ""},
	}},
	{DgraphParticipation, []dqlPred{
		{"participation.actor", "uid", "@reverse"},
		{"participation.role", "string", "@index(exact)"},
	}},
	{DgraphQuantity, []dqlPred{
		{"quantity.value", "float", "@index(float)"},
		{"quantity.unit", "string", "@index(exact)"},
		{"quantity.text", "string", ""},
		{"quantity.counts", "string", "@index(exact)"},
		{"quantity.article", "uid", ""},
	}},
	{DgraphSourceDate, append([]dqlPred{
		{"source_date.article", "uid", ""},
	}, datePreds("source_date", false)...)},
	{DgraphRole, []dqlPred{
		{"role.title", "string", "@index(exact)"},
		{"role.org", "uid", "@reverse"},
		{"role.from", "string", ""},
		{"role.to", "string", ""},
		{"role.evidence", "uid", ""},
	}},
}

// WriteDQLSchema writes the DQL schema of the RDF export: every predicate
// with its type and indexes (the external ID with @upsert, event spans
// as datetimes indexed by day, names and aliases by exact and term, reverse
// edges for actor→events and place→events), then the node types.
func WriteDQLSchema(out io.Writer) error {
	w := bufio.NewWriter(out)
	w.WriteString("# eventgraph DQL schema, for the N-Quads of graph.rdf:\n")
	w.WriteString("#   dgraph live -f graph.rdf -s graph.schema --upsertPredicate xid\n")
	w.WriteString("# xid is urn:uuid:<eventgraph id>, each node's IRI in graph.rdf.\n")
	pred := func(p dqlPred) {
		w.WriteString(p.name + ": " + p.typ)
		if p.index != "" {
			w.WriteString(" " + p.index)
		}
		w.WriteString(" .\n")
	}
	pred(dqlPred{XID, "string", "@index(exact) @upsert"})
	for _, t := range dqlTypes {
		for _, p := range t.preds {
			pred(p)
		}
	}
	for _, t := range dqlTypes {
		w.WriteString("\ntype " + t.name + " {\n  " + XID + "\n")
		for _, p := range t.preds {
			w.WriteString("  " + p.name + "\n")
		}
		w.WriteString("}\n")
	}
	return w.Flush()
}

// SchemaPredicates returns the predicates of the DQL schema with their
// types ("string", "[uid]", "datetime", …), XID and dgraph.type included.
func SchemaPredicates() map[string]string {
	m := map[string]string{XID: "string", "dgraph.type": "[string]"}
	for _, t := range dqlTypes {
		for _, p := range t.preds {
			m[p.name] = p.typ
		}
	}
	return m
}

// WriteRDF writes the graph as N-Quads for Dgraph, restricted by q like
// Write (zero for the whole graph), streaming from the snapshot r: one node
// per article (with its text), event, actor, place and agreement, and one
// per evidence sentence, participation, quantity, source date and role.
// Every node is the IRI urn:uuid:<id> of its eventgraph identifier
// (sub-nodes: a uuid v5 of their owner and content), with that IRI as its
// xid and its dgraph.type. Edges to nodes outside the export are left out.
func WriteRDF(out io.Writer, r graph.Snapshot, q timeline.Query) error {
	wk, err := newWalker(r, q)
	if err != nil {
		return err
	}
	x := &rdfWriter{w: bufio.NewWriterSize(out, 64<<10), wk: wk}
	written := 0
	err = wk.nodes(func(n *Node) error {
		if written++; written%releaseEvery == 0 {
			if err := graph.ReleaseMemory(r); err != nil {
				return err
			}
		}
		switch {
		case n.Event != nil:
			x.event(n.Event)
		case n.Actor != nil:
			x.actor(n.Actor)
		case n.Place != nil:
			x.place(n.Place)
		case n.Agreement != nil:
			x.agreement(n.Agreement)
		case n.Article != nil:
			// the walker leaves the text out; a move into Dgraph carries it
			a, err := r.Article(n.ID)
			if err != nil {
				return fmt.Errorf("rdf: article %s: %w", n.ID, err)
			}
			x.article(&a)
		}
		return x.err
	})
	if err != nil {
		return err
	}
	return x.w.Flush()
}

// rdfWriter writes N-Quads lines.
type rdfWriter struct {
	w   *bufio.Writer
	wk  *walker
	err error
}

// node starts a node: its xid and type.
func (x *rdfWriter) node(id, typ string) {
	x.str(id, XID, XIDOf(id))
	x.line(id, "dgraph.type", quote(typ))
}

func (x *rdfWriter) line(subject, pred, object string) {
	if x.err != nil {
		return
	}
	x.w.WriteString("<" + XIDPrefix)
	x.w.WriteString(subject)
	x.w.WriteString("> <")
	x.w.WriteString(pred)
	x.w.WriteString("> ")
	x.w.WriteString(object)
	_, x.err = x.w.WriteString(" .\n")
}

// str writes a string value; "" is left out.
func (x *rdfWriter) str(subject, pred, v string) {
	if v != "" {
		x.line(subject, pred, quote(v))
	}
}

// edge writes a uid edge to a node of the export of the kind.
func (x *rdfWriter) edge(subject, pred, kind, id string) {
	if x.wk.has(kind, id) {
		x.line(subject, pred, iri(id))
	}
}

// iri is the IRI of a node.
func iri(id string) string { return "<" + XIDPrefix + id + ">" }

// sub writes an edge to a sub-node (always written with it).
func (x *rdfWriter) sub(subject, pred, id string) { x.line(subject, pred, iri(id)) }

// dayTime returns a day (YYYY-MM-DD) as an xs:dateTime literal at midnight
// UTC, or "" when it is not a day.
func dayTime(d string) string {
	if _, err := time.Parse(time.DateOnly, d); err != nil {
		return ""
	}
	return `"` + d + `T00:00:00Z"^^<xs:dateTime>`
}

func (x *rdfWriter) date(id, p string, d graph.DateSpan) {
	x.str(id, p+".date", d.Value)
	s, e := dayTime(d.Start), dayTime(d.End)
	if s != "" && e != "" && d.Start <= d.End {
		x.line(id, p+".start", s)
		x.line(id, p+".end", e)
	}
	x.str(id, p+".precision", string(d.Precision))
	x.str(id, p+".date_text", d.Text)
	if d.Inferred {
		x.line(id, p+".inferred", `"true"^^<xs:boolean>`)
	}
	x.str(id, p+".anchor", d.Anchor)
}

func (x *rdfWriter) evidence(owner, pred string, ev []graph.Evidence) {
	for _, e := range ev {
		id := graph.NewID("evidence", owner, e.ArticleID, strconv.Itoa(e.Start), strconv.Itoa(e.End))
		x.sub(owner, pred, id)
		x.evidenceNode(id, e)
	}
}

func (x *rdfWriter) evidenceNode(id string, e graph.Evidence) {
	x.node(id, DgraphEvidence)
	x.edge(id, "evidence.article", "article", e.ArticleID)
	x.str(id, "evidence.sentence", e.Sentence)
	x.line(id, "evidence.start", intLit(e.Start))
	x.line(id, "evidence.end", intLit(e.End))
}

func intLit(n int) string { return `"` + strconv.Itoa(n) + `"^^<xs:int>` }

func floatLit(f float64) string { return `"` + ftoa(f) + `"^^<xs:float>` }

func (x *rdfWriter) event(e *graph.Event) {
	id := e.ID
	x.node(id, DgraphEvent)
	x.str(id, "event.type", e.Type)
	x.str(id, "event.cameo", e.CAMEO)
	x.str(id, "event.title", e.Title)
	x.str(id, "event.status", e.Status)
	x.date(id, "event", e.Date)
	for _, p := range e.Participants {
		if !x.wk.has("actor", p.ActorID) {
			continue
		}
		x.edge(id, "event.actor", "actor", p.ActorID)
		pid := graph.NewID("participation", id, p.ActorID, p.Role)
		x.sub(id, "event.participation", pid)
		x.node(pid, DgraphParticipation)
		x.edge(pid, "participation.actor", "actor", p.ActorID)
		x.str(pid, "participation.role", p.Role)
	}
	x.edge(id, "event.place", "place", e.PlaceID)
	x.edge(id, "event.agreement", "agreement", e.AgreementID)
	x.evidence(id, "event.evidence", e.Evidence)
	for _, k := range e.MergeKeys {
		x.str(id, "event.merge_key", k)
	}
	for _, q := range e.Quantities {
		qid := graph.NewID("quantity", id, ftoa(q.Value), q.Unit, q.Text, q.ArticleID)
		x.sub(id, "event.quantity", qid)
		x.node(qid, DgraphQuantity)
		x.line(qid, "quantity.value", floatLit(q.Value))
		x.str(qid, "quantity.unit", q.Unit)
		x.str(qid, "quantity.text", q.Text)
		x.str(qid, "quantity.counts", q.Counts)
		x.edge(qid, "quantity.article", "article", q.ArticleID)
	}
	for _, s := range e.SourceDates {
		sid := graph.NewID("source_date", id, s.ArticleID)
		x.sub(id, "event.source_date", sid)
		x.node(sid, DgraphSourceDate)
		x.edge(sid, "source_date.article", "article", s.ArticleID)
		x.date(sid, "source_date", s.Date)
	}
}

func (x *rdfWriter) actor(a *graph.Actor) {
	id := a.ID
	x.node(id, DgraphActor)
	x.str(id, "actor.name", a.Name)
	x.str(id, "actor.kind", string(a.Kind))
	x.str(id, "actor.country", a.Country)
	keys := map[string]bool{}
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		if k := graph.NormName(n); k != "" && !keys[k] {
			keys[k] = true
			x.str(id, "actor.key", k)
		}
	}
	for _, al := range a.Aliases {
		x.str(id, "actor.alias", al)
	}
	for _, r := range a.Roles {
		rid := graph.NewID("role", id, r.Title, r.OrgID, r.From, r.To)
		x.sub(id, "actor.role", rid)
		x.node(rid, DgraphRole)
		x.str(rid, "role.title", r.Title)
		x.edge(rid, "role.org", "actor", r.OrgID)
		x.str(rid, "role.from", r.From)
		x.str(rid, "role.to", r.To)
		if r.Evid != nil {
			eid := graph.NewID("evidence", rid, r.Evid.ArticleID, strconv.Itoa(r.Evid.Start), strconv.Itoa(r.Evid.End))
			x.sub(rid, "role.evidence", eid)
			x.evidenceNode(eid, *r.Evid)
		}
	}
}

func (x *rdfWriter) place(p *graph.Place) {
	id := p.ID
	x.node(id, DgraphPlace)
	x.str(id, "place.name", p.Name)
	x.str(id, "place.key", graph.NormName(p.Name))
	x.str(id, "place.kind", p.Kind)
	x.str(id, "place.country", p.Country)
	if p.HasGeo {
		// GeoJSON: longitude first
		x.line(id, "place.location", quote(`{"type":"Point","coordinates":[`+ftoa(p.Lon)+`,`+ftoa(p.Lat)+`]}`)+"^^<geo:geojson>")
	}
	x.str(id, "place.note", p.Note)
}

func (x *rdfWriter) agreement(g *graph.Agreement) {
	id := g.ID
	x.node(id, DgraphAgreement)
	x.str(id, "agreement.name", g.Name)
	x.str(id, "agreement.kind", g.Kind)
	x.date(id, "agreement", g.Date)
	for _, a := range g.Parties {
		x.edge(id, "agreement.party", "actor", a)
	}
	for _, a := range g.Signatories {
		x.edge(id, "agreement.signatory", "actor", a)
	}
	for _, t := range g.Topics {
		x.str(id, "agreement.topic", t)
	}
	x.edge(id, "agreement.place", "place", g.PlaceID)
	x.edge(id, "agreement.event", "event", g.EventID)
	x.evidence(id, "agreement.evidence", g.Evidence)
}

func (x *rdfWriter) article(a *graph.Article) {
	id := a.ID
	x.node(id, DgraphArticle)
	x.str(id, "article.title", a.Title)
	x.str(id, "article.source", a.Source)
	x.str(id, "article.url", a.URL)
	if d := dayTime(a.Published); d != "" {
		x.line(id, "article.published", d)
	}
	x.str(id, "article.file", a.File)
	if t, err := time.Parse(time.RFC3339, a.Loaded); err == nil {
		x.line(id, "article.loaded", `"`+t.UTC().Format(time.RFC3339)+`"^^<xs:dateTime>`)
	}
	x.str(id, "article.text", a.Text)
}

// quote returns s as an N-Quads string literal: the quote, the backslash
// and line breaks escaped (ECHAR), other control characters as \uXXXX
// (UCHAR), invalid UTF-8 replaced by U+FFFD.
func quote(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
