package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"eventgraph/graph"
)

// esc writes s escaped for XML text and attribute values.
func esc(w *bufio.Writer, s string) {
	_ = xml.EscapeText(w, []byte(s))
}

// ---- GEXF 1.2draft and 1.3 ----

// GEXF versions: 1.2draft is the default, the version networkx (which reads
// 1.1draft and 1.2draft only) and Gephi both read; 1.3 for tools that want
// the newest one. Both carry the same graph.
const (
	GEXF12Draft = "1.2draft"
	GEXF13      = "1.3"
	// DefaultGEXFVersion is the GEXF version written when none is asked for.
	DefaultGEXFVersion = GEXF12Draft
)

// GEXFVersions lists the GEXF versions Write can produce.
func GEXFVersions() []string { return []string{GEXF12Draft, GEXF13} }

// CheckGEXFVersion returns the GEXF version v names ("" is the default;
// "1.2" means 1.2draft), or an error naming the versions.
func CheckGEXFVersion(v string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "":
		return DefaultGEXFVersion, nil
	case "1.2draft", "1.2":
		return GEXF12Draft, nil
	case "1.3":
		return GEXF13, nil
	}
	return "", fmt.Errorf("%w: %q (want 1.2draft or 1.3)", ErrGEXFVersion, v)
}

// gexf writes GEXF 1.2draft (http://www.gexf.net/1.2draft) or 1.3
// (http://gexf.net/1.3): a dynamic directed graph with date intervals
// (start/end, inclusive) on nodes and edges; viz colours and sizes by node
// type, viz positions (x = longitude, y = latitude) and lat/lng attributes
// on the nodes that have coordinates, for Gephi's Geo Layout.
type gexf struct {
	version string
	v       [18]string
}

func (g *gexf) begin(w *bufio.Writer) error {
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	if g.version == GEXF13 {
		w.WriteString(`<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">` + "\n")
	} else {
		w.WriteString(`<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">` + "\n")
	}
	w.WriteString("  <meta>\n    <creator>eventgraph</creator>\n")
	w.WriteString("    <description>Event timeline knowledge graph: events, actors, agreements, places and the articles reporting them.</description>\n  </meta>\n")
	if g.version == GEXF13 {
		w.WriteString(`  <graph defaultedgetype="directed" mode="dynamic" timeformat="date" timerepresentation="interval">` + "\n")
	} else {
		w.WriteString(`  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">` + "\n")
	}
	w.WriteString(`    <attributes class="node" mode="static">` + "\n")
	for _, a := range nodeAttrs {
		w.WriteString(`      <attribute id="` + a.id + `" title="` + a.id + `" type="` + a.typ + `"/>` + "\n")
	}
	w.WriteString("    </attributes>\n")
	w.WriteString(`    <attributes class="edge" mode="static">` + "\n")
	for _, a := range edgeAttrs {
		w.WriteString(`      <attribute id="` + a.id + `" title="` + a.id + `" type="` + a.typ + `"/>` + "\n")
	}
	w.WriteString("    </attributes>\n    <nodes>\n")
	return nil
}

func (g *gexf) node(w *bufio.Writer, n *Node) error {
	w.WriteString(`      <node id="`)
	esc(w, n.ID)
	w.WriteString(`" label="`)
	esc(w, n.Label)
	w.WriteByte('"')
	spanAttrs(w, n.Start, n.End)
	w.WriteString(">\n        <attvalues>")
	values(n, &g.v)
	for i, a := range nodeAttrs {
		if g.v[i] == "" {
			continue
		}
		w.WriteString(`<attvalue for="` + a.id + `" value="`)
		esc(w, g.v[i])
		w.WriteString(`"/>`)
	}
	w.WriteString("</attvalues>\n")
	c := colours[n.Type]
	w.WriteString(`        <viz:color r="` + strconv.Itoa(c[0]) + `" g="` + strconv.Itoa(c[1]) + `" b="` + strconv.Itoa(c[2]) + `"/>`)
	w.WriteString(`<viz:size value="` + sizes[n.Type] + `"/>`)
	if g.v[8] != "" && g.v[9] != "" {
		// x east, y north: Gephi shows the nodes as on a map before any layout
		w.WriteString(`<viz:position x="` + g.v[9] + `" y="` + g.v[8] + `" z="0"/>`)
	}
	w.WriteString("\n      </node>\n")
	return nil
}

// spanAttrs writes start and end attributes for the valid days among s, e.
func spanAttrs(w *bufio.Writer, s, e string) {
	s, e = day(s, false), day(e, true)
	if s != "" && e != "" && s > e {
		return
	}
	if s != "" {
		w.WriteString(` start="` + s + `"`)
	}
	if e != "" {
		w.WriteString(` end="` + e + `"`)
	}
}

func (g *gexf) middle(w *bufio.Writer) error {
	w.WriteString("    </nodes>\n    <edges>\n")
	return nil
}

func (g *gexf) edge(w *bufio.Writer, e *Edge) error {
	w.WriteString(`      <edge id="` + e.ID + `" source="`)
	esc(w, e.Source)
	w.WriteString(`" target="`)
	esc(w, e.Target)
	w.WriteString(`" label="`)
	esc(w, e.Label)
	w.WriteString(`" weight="` + ftoa(e.Weight) + `"`)
	spanAttrs(w, e.Start, e.End)
	w.WriteString(`><attvalues><attvalue for="relation" value="`)
	esc(w, e.Relation)
	w.WriteString(`"/>`)
	if e.Role != "" {
		w.WriteString(`<attvalue for="role" value="`)
		esc(w, e.Role)
		w.WriteString(`"/>`)
	}
	w.WriteString("</attvalues></edge>\n")
	return nil
}

func (g *gexf) end(w *bufio.Writer) error {
	_, err := w.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return err
}

// ---- GraphML ----

// graphml writes GraphML with typed keys (attr.type), a directed graph;
// node and edge start/end are string data (GraphML has no time).
type graphml struct{ v [18]string }

var graphmlType = map[string]string{"string": "string", "double": "double", "integer": "int"}

func (g *graphml) begin(w *bufio.Writer) error {
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	w.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	key := func(id, target, name, typ string) {
		w.WriteString(`  <key id="` + id + `" for="` + target + `" attr.name="` + name + `" attr.type="` + typ + `"/>` + "\n")
	}
	key("n_label", "node", "label", "string")
	for _, a := range nodeAttrs {
		key("n_"+a.id, "node", a.id, graphmlType[a.typ])
	}
	key("n_start", "node", "start", "string")
	key("n_end", "node", "end", "string")
	key("e_label", "edge", "label", "string")
	key("e_weight", "edge", "weight", "double")
	for _, a := range edgeAttrs {
		key("e_"+a.id, "edge", a.id, graphmlType[a.typ])
	}
	key("e_start", "edge", "start", "string")
	key("e_end", "edge", "end", "string")
	w.WriteString(`  <graph id="eventgraph" edgedefault="directed">` + "\n")
	return nil
}

func data(w *bufio.Writer, key, v string) {
	if v == "" {
		return
	}
	w.WriteString(`<data key="` + key + `">`)
	esc(w, v)
	w.WriteString(`</data>`)
}

func (g *graphml) node(w *bufio.Writer, n *Node) error {
	w.WriteString(`    <node id="`)
	esc(w, n.ID)
	w.WriteString(`">`)
	data(w, "n_label", n.Label)
	values(n, &g.v)
	for i, a := range nodeAttrs {
		data(w, "n_"+a.id, g.v[i])
	}
	data(w, "n_start", day(n.Start, false))
	data(w, "n_end", day(n.End, true))
	w.WriteString("</node>\n")
	return nil
}

func (g *graphml) middle(*bufio.Writer) error { return nil }

func (g *graphml) edge(w *bufio.Writer, e *Edge) error {
	w.WriteString(`    <edge id="` + e.ID + `" source="`)
	esc(w, e.Source)
	w.WriteString(`" target="`)
	esc(w, e.Target)
	w.WriteString(`">`)
	data(w, "e_label", e.Label)
	data(w, "e_weight", ftoa(e.Weight))
	data(w, "e_relation", e.Relation)
	data(w, "e_role", e.Role)
	data(w, "e_start", day(e.Start, false))
	data(w, "e_end", day(e.End, true))
	w.WriteString("</edge>\n")
	return nil
}

func (g *graphml) end(w *bufio.Writer) error {
	_, err := w.WriteString("  </graph>\n</graphml>\n")
	return err
}

// ---- JSON Lines ----

// jsonl writes one JSON object a line: every node
// {"kind":"node","id","type","label","start","end","data":{…the model…}}
// (articles without their text), then every edge
// {"kind":"edge","id","source","target","relation","role","label","weight","start","end"}.
type jsonl struct{ enc *json.Encoder }

type jsonNode struct {
	Kind  string `json:"kind"`
	ID    string `json:"id"`
	Type  string `json:"type"`
	Label string `json:"label"`
	Start string `json:"start,omitempty"`
	End   string `json:"end,omitempty"`
	Data  any    `json:"data"`
}

type jsonEdge struct {
	Kind     string  `json:"kind"`
	ID       string  `json:"id"`
	Source   string  `json:"source"`
	Target   string  `json:"target"`
	Relation string  `json:"relation"`
	Role     string  `json:"role,omitempty"`
	Label    string  `json:"label"`
	Weight   float64 `json:"weight"`
	Start    string  `json:"start,omitempty"`
	End      string  `json:"end,omitempty"`
}

// articleData is an article without its text.
type articleData struct {
	graph.Article
	Text string `json:"text,omitempty"`
}

func (j *jsonl) begin(w *bufio.Writer) error {
	j.enc = json.NewEncoder(w)
	j.enc.SetEscapeHTML(false)
	return nil
}

func (j *jsonl) node(_ *bufio.Writer, n *Node) error {
	var d any
	switch {
	case n.Event != nil:
		d = n.Event
	case n.Actor != nil:
		d = n.Actor
	case n.Place != nil:
		d = n.Place
	case n.Agreement != nil:
		d = n.Agreement
	case n.Article != nil:
		d = articleData{Article: *n.Article}
	}
	return j.enc.Encode(jsonNode{Kind: "node", ID: n.ID, Type: n.Type, Label: n.Label, Start: n.Start, End: n.End, Data: d})
}

func (j *jsonl) middle(*bufio.Writer) error { return nil }

func (j *jsonl) edge(_ *bufio.Writer, e *Edge) error {
	return j.enc.Encode(jsonEdge{Kind: "edge", ID: e.ID, Source: e.Source, Target: e.Target, Relation: e.Relation,
		Role: e.Role, Label: e.Label, Weight: e.Weight, Start: e.Start, End: e.End})
}

func (j *jsonl) end(*bufio.Writer) error { return nil }

// ---- CSV (Gephi spreadsheet import) ----

// timeset is Gephi's interval set for a span: <[start, end]>; "" when the
// span is not two valid days.
func timeset(s, e string) string {
	s, e = day(s, false), day(e, true)
	if s == "" || e == "" || s > e {
		return ""
	}
	return "<[" + s + ", " + e + "]>"
}

// safeRow defuses spreadsheet formulas: a cell starting with = + - @ (or a
// tab or carriage return) that is not a number gets a leading apostrophe,
// so that a title such as "=HYPERLINK(…)" opens as text in a spreadsheet
// (OWASP's advice on CSV injection). Numbers such as -33.5 stay numbers.
func safeRow(row []string) []string {
	for i, v := range row {
		if v == "" {
			continue
		}
		switch v[0] {
		case '=', '+', '-', '@', '\t', '\r':
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				row[i] = "'" + v
			}
		}
	}
	return row
}

// csvNodes writes Id, Label, Type, Timeset and the other node attributes.
type csvNodes struct {
	c *csv.Writer
	v [18]string
}

func (c *csvNodes) begin(w *bufio.Writer) error {
	c.c = csv.NewWriter(w)
	return c.c.Write([]string{"Id", "Label", "Type", "Timeset", "EventType", "CAMEO", "Date", "Precision", "Status",
		"Kind", "Country", "Lat", "Lng", "Aliases", "URL", "Source", "Published", "Topics", "Evidence", "EvidenceCount", "Quantities"})
}

func (c *csvNodes) node(_ *bufio.Writer, n *Node) error {
	values(n, &c.v)
	v := c.v
	return c.c.Write(safeRow([]string{n.ID, n.Label, n.Type, timeset(n.Start, n.End), v[1], v[2], v[3], v[4], v[5],
		v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16], v[17]}))
}

func (c *csvNodes) middle(*bufio.Writer) error      { return nil }
func (c *csvNodes) edge(*bufio.Writer, *Edge) error { return nil }
func (c *csvNodes) end(*bufio.Writer) error {
	c.c.Flush()
	return c.c.Error()
}

// csvEdges writes Source, Target, Type, Label, Weight, Id, Relation, Role,
// Timeset.
type csvEdges struct{ c *csv.Writer }

func (c *csvEdges) begin(w *bufio.Writer) error {
	c.c = csv.NewWriter(w)
	return c.c.Write([]string{"Source", "Target", "Type", "Label", "Weight", "Id", "Relation", "Role", "Timeset"})
}

func (c *csvEdges) node(*bufio.Writer, *Node) error { return nil }
func (c *csvEdges) middle(*bufio.Writer) error      { return nil }

func (c *csvEdges) edge(_ *bufio.Writer, e *Edge) error {
	return c.c.Write(safeRow([]string{e.Source, e.Target, "Directed", e.Label, ftoa(e.Weight), e.ID, e.Relation, e.Role, timeset(e.Start, e.End)}))
}

func (c *csvEdges) end(*bufio.Writer) error {
	c.c.Flush()
	return c.c.Error()
}
