package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"eventgraph/graph"
	"eventgraph/graph/timeline"
)

// Formats of Write.
const (
	GEXF     = "gexf"      // GEXF 1.2draft (default) or 1.3, dynamic, dates; viz colours and positions; lat/lng for Geo Layout
	GraphML  = "graphml"   // GraphML with typed keys
	JSONL    = "jsonl"     // JSON Lines: every node, then every edge
	NodesCSV = "nodes.csv" // Gephi spreadsheet import: nodes table
	EdgesCSV = "edges.csv" // Gephi spreadsheet import: edges table
	CSV      = "csv"       // two files: use WriteCSV (or Write with NodesCSV and EdgesCSV)
)

// ErrCSVTwoFiles is returned by Write for "csv": CSV is two tables, written
// by WriteCSV (or WriteCSVNodes and WriteCSVEdges).
var ErrCSVTwoFiles = errors.New("export: csv is two files (nodes and edges): use WriteCSV, or the formats nodes.csv and edges.csv")

// ErrFormat is returned for an unknown format.
var ErrFormat = errors.New("export: unknown format (want gexf, graphml, csv, jsonl, nodes.csv or edges.csv)")

// ErrGEXFVersion is returned for a GEXF version other than 1.2draft and 1.3.
var ErrGEXFVersion = errors.New("export: unknown GEXF version")

// Options are the choices of an export beyond its format and filters.
type Options struct {
	// GEXFVersion is the GEXF version: "1.2draft" (default) or "1.3".
	GEXFVersion string
}

// Formats lists the formats Write accepts.
func Formats() []string { return []string{GEXF, GraphML, JSONL, NodesCSV, EdgesCSV} }

// ContentType is the media type of a format's output.
func ContentType(format string) string {
	switch format {
	case GEXF:
		return "application/gexf+xml; charset=utf-8"
	case GraphML:
		return "application/graphml+xml; charset=utf-8"
	case JSONL:
		return "application/jsonl; charset=utf-8"
	case NodesCSV, EdgesCSV, CSV:
		return "text/csv; charset=utf-8"
	case RDF:
		return "application/n-quads; charset=utf-8"
	case DQLSchema:
		return "text/plain; charset=utf-8"
	}
	return "application/octet-stream"
}

// Write writes the graph in format (GEXF, GraphML, JSONL, NodesCSV or
// EdgesCSV), restricted by q (the timeline's filters; zero for the whole
// graph; undated events are always included unless q has a date bound),
// streaming from the snapshot r. A bad q is a *timeline.Error, returned
// before anything is written.
func Write(w io.Writer, r graph.Snapshot, format string, q timeline.Query) error {
	return WriteWith(w, r, format, q, Options{})
}

// WriteWith is Write with options (the GEXF version). A bad option is an
// error wrapping ErrGEXFVersion, returned before anything is written.
func WriteWith(w io.Writer, r graph.Snapshot, format string, q timeline.Query, opt Options) error {
	var f formatter
	switch strings.ToLower(format) {
	case GEXF:
		v, err := CheckGEXFVersion(opt.GEXFVersion)
		if err != nil {
			return err
		}
		f = &gexf{version: v}
	case GraphML:
		f = &graphml{}
	case JSONL:
		f = &jsonl{}
	case NodesCSV:
		return WriteCSVNodes(w, r, q)
	case EdgesCSV:
		return WriteCSVEdges(w, r, q)
	case CSV:
		return ErrCSVTwoFiles
	case RDF:
		return WriteRDF(w, r, q)
	case DQLSchema:
		return WriteDQLSchema(w)
	default:
		return fmt.Errorf("%w: %q", ErrFormat, format)
	}
	return run(w, r, q, f, true, true)
}

// WriteCSVNodes writes the nodes table for Gephi's spreadsheet import:
// Id, Label, Type, Timeset and the attributes.
func WriteCSVNodes(w io.Writer, r graph.Snapshot, q timeline.Query) error {
	return run(w, r, q, &csvNodes{}, true, false)
}

// WriteCSVEdges writes the edges table for Gephi's spreadsheet import:
// Source, Target, Type, Label, Weight, Id, Relation, Role, Timeset.
func WriteCSVEdges(w io.Writer, r graph.Snapshot, q timeline.Query) error {
	return run(w, r, q, &csvEdges{}, false, true)
}

// WriteCSV writes both CSV tables, from the same snapshot.
func WriteCSV(nodes, edges io.Writer, r graph.Snapshot, q timeline.Query) error {
	if err := WriteCSVNodes(nodes, r, q); err != nil {
		return err
	}
	return WriteCSVEdges(edges, r, q)
}

// formatter writes one format: begin, the nodes, middle, the edges, end.
type formatter interface {
	begin(w *bufio.Writer) error
	node(w *bufio.Writer, n *Node) error
	middle(w *bufio.Writer) error
	edge(w *bufio.Writer, e *Edge) error
	end(w *bufio.Writer) error
}

// releaseEvery is how many nodes or edges an export writes between two
// releases of the database pages it has read (graph.ReleaseMemory: the
// embedded store hands them back; other stores need not).
const releaseEvery = 1 << 14

func run(out io.Writer, r graph.Snapshot, q timeline.Query, f formatter, nodes, edges bool) error {
	wk, err := newWalker(r, q)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(out, 64<<10)
	if err := f.begin(w); err != nil {
		return err
	}
	// every releaseEvery nodes or edges, the pages of the database read so
	// far leave the resident memory (they stay in the page cache): without
	// it the resident size grows to the size of the database
	written := 0
	release := func() error {
		if written++; written%releaseEvery == 0 {
			return graph.ReleaseMemory(r)
		}
		return nil
	}
	if nodes {
		err := wk.nodes(func(n *Node) error {
			if err := release(); err != nil {
				return err
			}
			return f.node(w, n)
		})
		if err != nil {
			return err
		}
	}
	if err := f.middle(w); err != nil {
		return err
	}
	if edges {
		err := wk.edges(func(e *Edge) error {
			if err := release(); err != nil {
				return err
			}
			return f.edge(w, e)
		})
		if err != nil {
			return err
		}
	}
	if err := f.end(w); err != nil {
		return err
	}
	return w.Flush()
}

// attr is one node attribute of the typed exports.
type attr struct {
	id, typ string // typ is a GEXF type; GraphML maps it
}

// nodeAttrs are the node attributes of GEXF and GraphML, in order.
var nodeAttrs = []attr{
	{"type", "string"},
	{"event_type", "string"},
	{"cameo", "string"},
	{"date", "string"},
	{"precision", "string"},
	{"status", "string"},
	{"kind", "string"},
	{"country", "string"},
	{"lat", "double"},
	{"lng", "double"},
	{"aliases", "string"},
	{"url", "string"},
	{"source", "string"},
	{"published", "string"},
	{"topics", "string"},
	{"evidence", "string"},
	{"evidence_count", "integer"},
	{"quantities", "string"},
}

// edgeAttrs are the edge attributes of GEXF and GraphML besides the label
// and weight.
var edgeAttrs = []attr{
	{"relation", "string"},
	{"role", "string"},
}

// values returns a node's attribute values, parallel to nodeAttrs; "" is
// left out.
func values(n *Node, v *[18]string) {
	*v = [18]string{}
	v[0] = n.Type
	switch {
	case n.Event != nil:
		e := n.Event
		v[1], v[2], v[3], v[4], v[5] = e.Type, e.CAMEO, e.Date.Value, string(e.Date.Precision), e.Status
		if len(e.Evidence) > 0 {
			v[15] = e.Evidence[0].Sentence
		}
		v[16] = strconv.Itoa(len(e.Evidence))
		v[17] = quantities(e.Quantities)
		if p := n.At; p != nil && p.HasGeo {
			// the event's place's coordinates: Geo Layout places events too
			v[8], v[9] = ftoa(p.Lat), ftoa(p.Lon)
		}
	case n.Actor != nil:
		a := n.Actor
		v[6], v[7], v[10] = string(a.Kind), a.Country, strings.Join(a.Aliases, "; ")
	case n.Place != nil:
		p := n.Place
		v[6], v[7] = p.Kind, p.Country
		if p.HasGeo {
			v[8], v[9] = ftoa(p.Lat), ftoa(p.Lon)
		}
	case n.Agreement != nil:
		g := n.Agreement
		v[6], v[3], v[4], v[14] = g.Kind, g.Date.Value, string(g.Date.Precision), strings.Join(g.Topics, "; ")
		if len(g.Evidence) > 0 {
			v[15] = g.Evidence[0].Sentence
		}
		v[16] = strconv.Itoa(len(g.Evidence))
	case n.Article != nil:
		a := n.Article
		v[11], v[12], v[13] = a.URL, a.Source, a.Published
	}
}

// quantities says an event's quantities for a spreadsheet cell: "160 km
// (wall); 35 people (killed)".
func quantities(qs []graph.Quantity) string {
	if len(qs) == 0 {
		return ""
	}
	var b strings.Builder
	for i, q := range qs {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(q.String())
	}
	return b.String()
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// colours by node type (r, g, b) and sizes, for GEXF viz.
var (
	colours = map[string][3]int{
		TypeEvent:     {228, 87, 46},
		TypeActor:     {46, 134, 171},
		TypePlace:     {59, 178, 115},
		TypeAgreement: {242, 165, 65},
		TypeArticle:   {142, 125, 190},
	}
	sizes = map[string]string{
		TypeEvent: "10", TypeActor: "12", TypePlace: "8", TypeAgreement: "14", TypeArticle: "6",
	}
)
