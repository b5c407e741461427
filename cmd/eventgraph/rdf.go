package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"

	"eventgraph/graph"
	"eventgraph/graph/export"
	"eventgraph/graph/timeline"
)

// exportRDF writes the export for Dgraph into the folder --out (default
// graph): graph.rdf, the N-Quads, and graph.schema, the DQL schema, both
// from one snapshot.
func (c *command) exportRDF(q timeline.Query) int {
	if c.gexfVersion != "" {
		fmt.Fprintf(c.stderr, "eventgraph export: --gexf-version is for --format gexf\n")
		return exitUsage
	}
	dir := c.out
	if dir == "" || dir == "-" {
		dir = "graph"
	}
	st, err := c.open(true)
	if err != nil {
		return c.fail("%v", err)
	}
	defer st.Close()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return c.fail("export rdf: %v", err)
	}
	rdf, schema := filepath.Join(dir, export.RDFFile), filepath.Join(dir, export.SchemaFile)
	ctx, stop := stopContext()
	defer stop()
	err = writeFile(schema, func(w *bufio.Writer) error { return export.WriteDQLSchema(w) })
	if err == nil {
		err = writeFile(rdf, func(w *bufio.Writer) error {
			return st.ViewContext(ctx, func(r graph.Snapshot) error { return export.WriteRDF(ctxWriter{ctx, w}, r, q) })
		})
	}
	if err != nil && ctx.Err() != nil {
		_ = os.Remove(rdf)
	}
	if c.stopped(ctx, err, "the partial "+rdf+" removed") {
		return exitFailure
	}
	if err != nil {
		return c.fail("export rdf: %v", err)
	}
	fmt.Fprintf(c.stdout, "wrote %s and %s (load them with: dgraph live -f %s -s %s --upsertPredicate xid)\n",
		rdf, schema, rdf, schema)
	return exitOK
}

// writeFile creates path and writes it through a buffer.
func writeFile(path string, fn func(*bufio.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	err = fn(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
