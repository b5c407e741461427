package export_test

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"eventgraph/graph"
	"eventgraph/graph/export"
	"eventgraph/graph/timeline"
	"eventgraph/graph/timeline/timelinetest"
)

func write(t *testing.T, s graph.Storage, format string, q timeline.Query) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := s.View(func(r graph.Snapshot) error { return export.Write(&buf, r, format, q) }); err != nil {
		t.Fatalf("export %s: %v", format, err)
	}
	return buf.Bytes()
}

// writeGEXF writes the GEXF export of the given version.
func writeGEXF(t *testing.T, s graph.Storage, version string, q timeline.Query) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := s.View(func(r graph.Snapshot) error {
		return export.WriteWith(&buf, r, export.GEXF, q, export.Options{GEXFVersion: version})
	}); err != nil {
		t.Fatalf("export gexf %s: %v", version, err)
	}
	return buf.Bytes()
}

var shammari = timeline.Query{Actor: "al-Shammari"}

// counts parses any export and counts its nodes and edges.
func counts(t *testing.T, format string, b []byte) (nodes, edges int) {
	t.Helper()
	switch format {
	case export.GEXF, export.GraphML:
		d := xml.NewDecoder(bytes.NewReader(b))
		for {
			tok, err := d.Token()
			if err != nil {
				if err.Error() != "EOF" {
					t.Fatalf("%s: bad XML: %v", format, err)
				}
				return
			}
			if se, ok := tok.(xml.StartElement); ok {
				switch se.Name.Local {
				case "node":
					nodes++
				case "edge":
					edges++
				}
			}
		}
	case export.JSONL:
		sc := bufio.NewScanner(bytes.NewReader(b))
		for sc.Scan() {
			var m map[string]any
			if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
				t.Fatalf("jsonl: bad line %q: %v", sc.Text(), err)
			}
			switch m["kind"] {
			case "node":
				nodes++
			case "edge":
				edges++
			default:
				t.Errorf("jsonl: line without kind: %s", sc.Text())
			}
		}
	case export.NodesCSV, export.EdgesCSV:
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if format == export.NodesCSV {
			return len(rows) - 1, 0
		}
		return 0, len(rows) - 1
	}
	return
}

func TestCounts(t *testing.T) {
	s := timelinetest.Open(t)
	tests := []struct {
		format       string
		q            timeline.Query
		nodes, edges int
	}{
		{export.GEXF, timeline.Query{}, timelinetest.NumNodes, timelinetest.NumEdges},
		{export.GraphML, timeline.Query{}, timelinetest.NumNodes, timelinetest.NumEdges},
		{export.JSONL, timeline.Query{}, timelinetest.NumNodes, timelinetest.NumEdges},
		{export.NodesCSV, timeline.Query{}, timelinetest.NumNodes, 0},
		{export.EdgesCSV, timeline.Query{}, 0, timelinetest.NumEdges},
		{export.GEXF, shammari, timelinetest.ShammariNodes, timelinetest.ShammariEdges},
		{export.JSONL, shammari, timelinetest.ShammariNodes, timelinetest.ShammariEdges},
		{export.NodesCSV, shammari, timelinetest.ShammariNodes, 0},
		{export.GEXF, timeline.Query{Actor: "nobody"}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.format+"/"+tt.q.Actor, func(t *testing.T) {
			n, e := counts(t, tt.format, write(t, s, tt.format, tt.q))
			if n != tt.nodes || e != tt.edges {
				t.Errorf("%d nodes, %d edges; want %d, %d", n, e, tt.nodes, tt.edges)
			}
		})
	}
}

func TestEdgesHaveNodes(t *testing.T) {
	s := timelinetest.Open(t)
	for _, q := range []timeline.Query{{}, shammari, {Country: "LB"}, {From: "2024-12"}} {
		ids := map[string]bool{}
		sc := bufio.NewScanner(bytes.NewReader(write(t, s, export.JSONL, q)))
		for sc.Scan() {
			var m struct{ Kind, ID, Source, Target string }
			_ = json.Unmarshal(sc.Bytes(), &m)
			if m.Kind == "node" {
				if ids[m.ID] {
					t.Errorf("%+v: node %s twice", q, m.ID)
				}
				ids[m.ID] = true
				continue
			}
			if !ids[m.Source] || !ids[m.Target] {
				t.Errorf("%+v: edge %s → %s has a missing end", q, m.Source, m.Target)
			}
		}
	}
}

func TestGEXFContent(t *testing.T) {
	s := timelinetest.Open(t)
	common := []string{
		`mode="dynamic"`, `timeformat="date"`,
		`<attribute id="type" title="type" type="string"/>`, `<attribute id="lat" title="lat" type="double"/>`,
		`<attvalue for="lat" value="30.5085"/>`, `<attvalue for="lng" value="47.7804"/>`,
		`<viz:position x="47.7804" y="30.5085" z="0"/>`,
		`start="2024-01-22" end="2024-01-28"`, `label="participant (signatory)"`, `label="located in"`,
		`label="signed"`, `label="party to"`, `label="reported by"`, `label="Minister of Interior"`,
		`<viz:color r="228" g="87" b="46"/>`, `<attvalue for="type" value="article"/>`,
	}
	tests := []struct {
		version   string
		want, not []string
	}{
		{"", []string{`<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">`}, []string{"timerepresentation", "gexf.net/1.3"}},
		{"1.2draft", []string{`<gexf xmlns="http://www.gexf.net/1.2draft"`}, []string{"timerepresentation"}},
		{"1.3", []string{`<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">`, `timerepresentation="interval"`}, []string{"1.2draft"}},
	}
	for _, tt := range tests {
		g := string(writeGEXF(t, s, tt.version, timeline.Query{}))
		for _, want := range append(tt.want, common...) {
			if !strings.Contains(g, want) {
				t.Errorf("GEXF %q lacks %s", tt.version, want)
			}
		}
		for _, not := range tt.not {
			if strings.Contains(g, not) {
				t.Errorf("GEXF %q has %s", tt.version, not)
			}
		}
		if strings.Index(g, "<edges>") < strings.LastIndex(g, "<node ") {
			t.Errorf("a node after the edges")
		}
	}
	if g := string(write(t, s, export.GEXF, timeline.Query{})); g != string(writeGEXF(t, s, export.DefaultGEXFVersion, timeline.Query{})) {
		t.Errorf("Write's GEXF is not the default version %s", export.DefaultGEXFVersion)
	}
	var buf bytes.Buffer
	err := s.View(func(r graph.Snapshot) error {
		return export.WriteWith(&buf, r, export.GEXF, timeline.Query{}, export.Options{GEXFVersion: "1.4"})
	})
	if !errors.Is(err, export.ErrGEXFVersion) || buf.Len() > 0 {
		t.Errorf("GEXF 1.4: %v (wrote %d bytes), want ErrGEXFVersion", err, buf.Len())
	}
}

func TestCSVHeaders(t *testing.T) {
	s := timelinetest.Open(t)
	n := string(write(t, s, export.NodesCSV, timeline.Query{}))
	e := string(write(t, s, export.EdgesCSV, timeline.Query{}))
	if !strings.HasPrefix(n, "Id,Label,Type,Timeset,") || !strings.Contains(n, "<[2024-05-12, 2024-05-12]>") {
		t.Errorf("nodes.csv: %.200s", n)
	}
	if !strings.HasPrefix(e, "Source,Target,Type,Label,Weight,") || !strings.Contains(e, ",Directed,participant (source),1,") {
		t.Errorf("edges.csv: %.200s", e)
	}
	var nb, eb bytes.Buffer
	if err := s.View(func(r graph.Snapshot) error { return export.WriteCSV(&nb, &eb, r, timeline.Query{}) }); err != nil || nb.String() != n || eb.String() != e {
		t.Errorf("WriteCSV differs from WriteCSVNodes/WriteCSVEdges (%v)", err)
	}
}

func TestErrors(t *testing.T) {
	s := timelinetest.Open(t)
	tests := []struct {
		format string
		q      timeline.Query
		check  func(error) bool
	}{
		{"csv", timeline.Query{}, func(err error) bool { return errors.Is(err, export.ErrCSVTwoFiles) }},
		{"dot", timeline.Query{}, func(err error) bool { return errors.Is(err, export.ErrFormat) }},
		{"gexf", timeline.Query{From: "2024-31"}, timeline.IsQueryError},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		err := s.View(func(r graph.Snapshot) error { return export.Write(&buf, r, tt.format, tt.q) })
		if !tt.check(err) || buf.Len() > 0 {
			t.Errorf("Write(%s, %+v) = %v (wrote %d bytes)", tt.format, tt.q, err, buf.Len())
		}
	}
}

// TestGEXFSchema validates GEXF exports of both versions against the
// official RELAX NG schemas (testdata/gexf for 1.3, testdata/gexf1.2draft)
// with xmllint.
func TestGEXFSchema(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint not installed (Debian libxml2-utils); CI installs it")
	}
	s := timelinetest.Open(t)
	dir := t.TempDir()
	for _, v := range []struct{ version, rng string }{
		{"1.2draft", "testdata/gexf1.2draft/gexf.rng"},
		{"1.3", "testdata/gexf/gexf.rng"},
	} {
		for name, q := range map[string]timeline.Query{"all": {}, "shammari": shammari, "empty": {Actor: "nobody"}, "2024": {From: "2024", To: "2024"}} {
			f := filepath.Join(dir, name+v.version+".gexf")
			if err := os.WriteFile(f, writeGEXF(t, s, v.version, q), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(xmllint, "--noout", "--relaxng", v.rng, f).CombinedOutput()
			if err != nil {
				t.Errorf("%s: GEXF fails the %s schema: %v\n%s", name, v.version, err, out)
			}
		}
	}
}

const networkxScript = `
import json, sys
import networkx as nx
out = {}
for kind, path in (("gexf", sys.argv[1]), ("graphml", sys.argv[2])):
    # as a user reads them: networkx as installed, its default GEXF version
    G = nx.read_gexf(path) if kind == "gexf" else nx.read_graphml(path)
    types = {}
    for _, d in G.nodes(data=True):
        types[d.get("type")] = types.get(d.get("type"), 0) + 1
    geo = {}
    for _, d in G.nodes(data=True):
        if isinstance(d.get("lat"), float) and isinstance(d.get("lng"), float):
            geo[d.get("type")] = geo.get(d.get("type"), 0) + 1
    rel = {}
    for _, _, d in G.edges(data=True):
        rel[d.get("relation")] = rel.get(d.get("relation"), 0) + 1
    colours = sum(1 for _, d in G.nodes(data=True) if "color" in d.get("viz", {}))
    positions = sum(1 for _, d in G.nodes(data=True) if "position" in d.get("viz", {}))
    timed = sum(1 for _, d in G.nodes(data=True) if d.get("start") or d.get("end"))
    out[kind] = {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "directed": G.is_directed(),
                 "types": types, "geo": geo, "relations": rel, "colours": colours, "positions": positions, "timed": timed}
print(json.dumps(out))
`

// TestNetworkx reads the GEXF and GraphML exports with networkx and checks
// the node and edge counts, node types, coordinates and relations.
func TestNetworkx(t *testing.T) {
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		t.Skip("no /usr/bin/python3")
	}
	if err := exec.Command(py, "-c", "import networkx").Run(); err != nil {
		t.Skip("networkx not installed (Debian python3-networkx); CI installs it")
	}
	s := timelinetest.Open(t)
	geoEvents := 0 // events at a place with coordinates
	_ = s.View(func(r graph.Snapshot) error {
		return r.ForEachEvent(func(ev graph.Event) error {
			if p, err := r.Place(ev.PlaceID); err == nil && p.HasGeo {
				geoEvents++
			}
			return nil
		})
	})
	if geoEvents == 0 {
		t.Fatal("no event of the fixture has a located place")
	}
	tests := []struct {
		name         string
		q            timeline.Query
		nodes, edges int
	}{
		{"all", timeline.Query{}, timelinetest.NumNodes, timelinetest.NumEdges},
		{"shammari", shammari, timelinetest.ShammariNodes, timelinetest.ShammariEdges},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			gx, gm := filepath.Join(dir, "g.gexf"), filepath.Join(dir, "g.graphml")
			_ = os.WriteFile(gx, write(t, s, export.GEXF, tt.q), 0o644)
			_ = os.WriteFile(gm, write(t, s, export.GraphML, tt.q), 0o644)
			out, err := exec.Command(py, "-c", networkxScript, gx, gm).Output()
			if err != nil {
				var ee *exec.ExitError
				if errors.As(err, &ee) {
					t.Fatalf("networkx: %v\n%s", err, ee.Stderr)
				}
				t.Fatal(err)
			}
			var res map[string]struct {
				Nodes, Edges int
				Directed     bool
				Types        map[string]int
				Geo          map[string]int
				Relations    map[string]int
				Colours      int
				Positions    int
				Timed        int
			}
			if err := json.Unmarshal(out, &res); err != nil {
				t.Fatalf("%v: %s", err, out)
			}
			for _, kind := range []string{"gexf", "graphml"} {
				g := res[kind]
				if g.Nodes != tt.nodes || g.Edges != tt.edges || !g.Directed {
					t.Errorf("%s: networkx reads %d nodes, %d edges (directed %v); want %d, %d", kind, g.Nodes, g.Edges, g.Directed, tt.nodes, tt.edges)
				}
				if tt.name == "all" {
					want := map[string]int{"event": timelinetest.NumEvents, "actor": timelinetest.NumActors, "place": timelinetest.NumPlaces,
						"agreement": timelinetest.NumAgreements, "article": timelinetest.NumArticles}
					for k, v := range want {
						if g.Types[k] != v {
							t.Errorf("%s: %d nodes of type %s, want %d", kind, g.Types[k], k, v)
						}
					}
					if g.Geo["place"] != timelinetest.NumPlaces-1 || g.Geo["event"] != geoEvents {
						t.Errorf("%s: nodes with lat/lng %v, want %d places and %d events", kind, g.Geo, timelinetest.NumPlaces-1, geoEvents)
					}
					if kind == "gexf" && (g.Colours != tt.nodes || g.Positions != timelinetest.NumPlaces-1+geoEvents || g.Timed < timelinetest.NumDated+timelinetest.NumArticles) {
						t.Errorf("gexf: networkx reads %d viz colours, %d positions, %d nodes with start/end", g.Colours, g.Positions, g.Timed)
					}
					if g.Relations["participant"] == 0 || g.Relations["signed"] != 2 || g.Relations["party to"] != 2 || g.Relations["holds role"] != 2 {
						t.Errorf("%s: relations %v", kind, g.Relations)
					}
				}
			}
		})
	}
}

// Every export carries an event's quantities: the wall of the fixture is
// 160 km long.
func TestQuantitiesInExports(t *testing.T) {
	s := timelinetest.Open(t)
	const said = "160 km (concrete insulating wall)"
	g := string(write(t, s, export.GEXF, timeline.Query{}))
	for _, want := range []string{`<attribute id="quantities" title="quantities" type="string"/>`, `<attvalue for="quantities" value="` + said + `"/>`} {
		if !strings.Contains(g, want) {
			t.Errorf("GEXF lacks %s", want)
		}
	}
	ml := string(write(t, s, export.GraphML, timeline.Query{}))
	for _, want := range []string{`<key id="n_quantities" for="node" attr.name="quantities" attr.type="string"/>`, `<data key="n_quantities">` + said + `</data>`} {
		if !strings.Contains(ml, want) {
			t.Errorf("GraphML lacks %s", want)
		}
	}

	rows, err := csv.NewReader(bytes.NewReader(write(t, s, export.NodesCSV, timeline.Query{}))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == "Quantities" {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("nodes.csv has no Quantities column: %v", rows[0])
	}
	found := false
	for _, r := range rows[1:] {
		if r[0] == timelinetest.EventWall {
			found = r[col] == said
			if !found {
				t.Errorf("nodes.csv: the wall's quantities %q, want %q", r[col], said)
			}
		} else if r[2] == "event" && r[col] != "" && r[0] != timelinetest.EventWall {
			t.Errorf("nodes.csv: event %s has quantities %q", r[1], r[col])
		}
	}
	if !found {
		t.Error("nodes.csv: no row for the wall")
	}

	sc := bufio.NewScanner(bytes.NewReader(write(t, s, export.JSONL, timeline.Query{})))
	sc.Buffer(nil, 1<<20)
	found = false
	for sc.Scan() {
		var n struct {
			ID   string `json:"id"`
			Data struct {
				Quantities []graph.Quantity `json:"quantities"`
			} `json:"data"`
		}
		if err := json.Unmarshal(sc.Bytes(), &n); err != nil {
			t.Fatal(err)
		}
		if n.ID == timelinetest.EventWall {
			found = true
			if q := n.Data.Quantities; len(q) != 1 || q[0].Value != 160 || q[0].Unit != "km" || q[0].Text != "160-kilometer-long" || q[0].ArticleID == "" {
				t.Errorf("JSONL: the wall's quantities %+v", q)
			}
		}
	}
	if !found {
		t.Error("JSONL: no line for the wall")
	}
}
