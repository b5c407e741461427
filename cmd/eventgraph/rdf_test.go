package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestExportRDF writes the seeds' export for Dgraph into a folder: the
// N-Quads with one Article node per seed, and the DQL schema.
func TestExportRDF(t *testing.T) {
	db := seedDB(t)
	dir := filepath.Join(t.TempDir(), "out")
	eventgraph(t, "", "export", "--db", db, "--format", "rdf", "--out", dir).
		check(t, 0, []string{"graph.rdf", "graph.schema", "dgraph live"}, nil)
	rdf, err := os.ReadFile(filepath.Join(dir, "graph.rdf"))
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(rdf, []byte(`<dgraph.type> "Article" .`)); n != 7 {
		t.Errorf("%d articles in graph.rdf, want 7", n)
	}
	if !bytes.Contains(rdf, []byte(`<actor.name> "Abdul Amir al-Shammari" .`)) {
		t.Errorf("graph.rdf does not name al-Shammari")
	}
	schema, err := os.ReadFile(filepath.Join(dir, "graph.schema"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(schema, []byte("event.start: datetime @index(day) .")) {
		t.Errorf("graph.schema lacks the event.start index:\n%s", schema)
	}
	eventgraph(t, "", "export", "--db", db, "--format", "rdf", "--gexf-version", "1.3", "--out", dir).
		check(t, 2, nil, []string{"--gexf-version is for --format gexf"})
}
