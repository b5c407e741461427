package server

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"eventgraph/graph/timeline/timelinetest"
)

// exportCounts counts the nodes and edges of an export body.
func exportCounts(t *testing.T, name string, b []byte) (nodes, edges int) {
	t.Helper()
	switch {
	case strings.HasSuffix(name, ".gexf"), strings.HasSuffix(name, ".graphml"):
		return bytes.Count(b, []byte("<node ")), bytes.Count(b, []byte("<edge "))
	case strings.HasSuffix(name, ".jsonl"):
		for _, line := range bytes.Split(bytes.TrimSpace(b), []byte("\n")) {
			if len(line) == 0 {
				continue
			}
			var m struct{ Kind string }
			if err := json.Unmarshal(line, &m); err != nil {
				t.Fatalf("bad JSON line %q", line)
			}
			if m.Kind == "node" {
				nodes++
			} else if m.Kind == "edge" {
				edges++
			}
		}
		return
	default:
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(name, "nodes") {
			return len(rows) - 1, 0
		}
		return 0, len(rows) - 1
	}
}

func TestExportHTTP(t *testing.T) {
	s, _ := tlServer(t)
	N, E := timelinetest.NumNodes, timelinetest.NumEdges
	SN, SE := timelinetest.ShammariNodes, timelinetest.ShammariEdges
	tests := []struct {
		path, query, ctype string
		nodes, edges       int
	}{
		{"graph.gexf", "", "application/gexf+xml", N, E},
		{"graph.graphml", "", "application/graphml+xml", N, E},
		{"nodes.csv", "", "text/csv", N, 0},
		{"edges.csv", "", "text/csv", 0, E},
		{"graph.jsonl", "", "application/jsonl", N, E},
		{"graph.gexf", "actor=al-Shammari", "application/gexf+xml", SN, SE},
		{"edges.csv", "actor=al-Shammari", "text/csv", 0, SE},
		{"graph.jsonl", "actor=unknown+person", "application/jsonl", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.path+"?"+tt.query, func(t *testing.T) {
			rec := get(t, s.Handler(), "/export/"+tt.path+"?"+tt.query)
			if rec.Code != 200 {
				t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, tt.ctype) {
				t.Errorf("Content-Type %q, want %s", ct, tt.ctype)
			}
			if rec.Header().Get("ETag") == "" || !strings.Contains(rec.Header().Get("Content-Disposition"), tt.path) {
				t.Errorf("headers: %v", rec.Header())
			}
			if n, e := exportCounts(t, tt.path, rec.Body.Bytes()); n != tt.nodes || e != tt.edges {
				t.Errorf("%d nodes, %d edges; want %d, %d", n, e, tt.nodes, tt.edges)
			}
		})
	}
}

func TestExportHTTPErrors(t *testing.T) {
	s, _ := tlServer(t)
	tests := []struct {
		target string
		status int
	}{
		{"/export/graph.dot", 404},
		{"/export/", 404},
		{"/export/graph.gexf?from=2024-00", 400},
		{"/export/nodes.csv?to=tomorrow", 400},
		{"/export/graph.gexf?version=1.4", 400},
	}
	for _, tt := range tests {
		rec := get(t, s.Handler(), tt.target)
		var e struct{ Error string }
		if rec.Code != tt.status || json.Unmarshal(rec.Body.Bytes(), &e) != nil || e.Error == "" {
			t.Errorf("%s: status %d, body %s; want %d with a JSON error", tt.target, rec.Code, rec.Body.String(), tt.status)
		}
	}
	first := get(t, s.Handler(), "/export/graph.gexf")
	if rec := get(t, s.Handler(), "/export/graph.gexf", "If-None-Match", first.Header().Get("ETag")); rec.Code != http.StatusNotModified {
		t.Errorf("If-None-Match: status %d, want 304", rec.Code)
	}
	if a, b := first.Header().Get("ETag"), get(t, s.Handler(), "/export/graph.graphml").Header().Get("ETag"); a == b {
		t.Errorf("GEXF and GraphML share the ETag %s", a)
	}
	if a, b := first.Header().Get("ETag"), get(t, s.Handler(), "/export/graph.gexf?version=1.3").Header().Get("ETag"); a == b {
		t.Errorf("GEXF 1.2draft and 1.3 share the ETag %s", a)
	}
}

// TestExportHTTPGEXFSchema validates the served GEXF of both versions with
// xmllint against the official RELAX NG schemas (kept in
// graph/export/testdata): no version is 1.2draft.
func TestExportHTTPGEXFSchema(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint not installed (Debian libxml2-utils); CI installs it")
	}
	s, _ := tlServer(t)
	for _, v := range []struct{ param, dir, ns string }{
		{"", "gexf1.2draft", "http://www.gexf.net/1.2draft"},
		{"&version=1.2draft", "gexf1.2draft", "http://www.gexf.net/1.2draft"},
		{"&version=1.3", "gexf", "http://gexf.net/1.3"},
	} {
		rng := filepath.Join("..", "graph", "export", "testdata", v.dir, "gexf.rng")
		for _, q := range []string{"", "actor=al-Shammari", "country=LB&from=2024-12"} {
			f := filepath.Join(t.TempDir(), "graph.gexf")
			body := get(t, s.Handler(), "/export/graph.gexf?"+q+v.param).Body.Bytes()
			if !bytes.Contains(body, []byte(`xmlns="`+v.ns+`"`)) {
				t.Errorf("?%s%s: not in the namespace %s", q, v.param, v.ns)
			}
			if err := os.WriteFile(f, body, 0o644); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command(xmllint, "--noout", "--relaxng", rng, f).CombinedOutput(); err != nil {
				t.Errorf("?%s%s: invalid GEXF: %v\n%s", q, v.param, err, out)
			}
		}
	}
}

// TestExportLimit: limit= keeps the first events (in date order) and the
// nodes they touch, as /timeline does.
func TestExportLimit(t *testing.T) {
	s, _ := tlServer(t)
	count := func(q string) (events, nodes int) {
		rec := get(t, s.Handler(), "/export/graph.jsonl?"+q)
		if rec.Code != 200 {
			t.Fatalf("%s: status %d: %s", q, rec.Code, rec.Body)
		}
		for _, line := range bytes.Split(bytes.TrimSpace(rec.Body.Bytes()), []byte("\n")) {
			var m struct{ Kind, Type string }
			if err := json.Unmarshal(line, &m); err != nil {
				t.Fatalf("bad JSON line %q", line)
			}
			if m.Kind == "node" {
				nodes++
				if m.Type == "event" {
					events++
				}
			}
		}
		return
	}
	all, allNodes := count("")
	one, oneNodes := count("limit=1")
	if all < 2 || one != 1 || oneNodes >= allNodes {
		t.Errorf("limit=1: %d events, %d nodes; without: %d events, %d nodes", one, oneNodes, all, allNodes)
	}
	if rec := get(t, s.Handler(), "/export/graph.jsonl?limit=-1"); rec.Code != 400 {
		t.Errorf("limit=-1: status %d, want 400", rec.Code)
	}
}
