package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"eventgraph/graph"
	"eventgraph/graph/export"
	"eventgraph/graph/timeline"
	"eventgraph/schema"
)

// runQuery executes a GraphQL query and returns the JSON response.
func runQuery(ctx context.Context, st graph.Storage, query string, vars map[string]any) ([]byte, bool, error) {
	s, err := schema.New(st, schema.Options{})
	if err != nil {
		return nil, false, err
	}
	resp := s.Exec(ctx, query, "", vars)
	b, err := json.MarshalIndent(resp, "", "  ")
	return b, len(resp.Errors) > 0, err
}

func (c *command) timelineQuery() timeline.Query {
	return timeline.Query{From: c.from, To: c.to, Actor: c.actor, Type: c.typ, Place: c.place, Country: c.country,
		CAMEO: c.cameo, Status: c.status, Text: c.text, Undated: c.undated}
}

func (c *command) timeline() int {
	q := c.timelineQuery()
	if err := q.Check(); err != nil {
		fmt.Fprintf(c.stderr, "eventgraph timeline: %v\n", err)
		return exitUsage
	}
	format, err := timeline.CheckFormat(c.format)
	if err != nil {
		fmt.Fprintf(c.stderr, "eventgraph timeline: %v\n", err)
		return exitUsage
	}
	st, err := c.open(true)
	if err != nil {
		return c.fail("%v", err)
	}
	defer st.Close()
	ctx, stop := stopContext()
	defer stop()
	w := bufio.NewWriter(ctxWriter{ctx, c.stdout})
	err = st.ViewContext(ctx, func(r graph.Snapshot) error { return timeline.Write(w, r, q, format) })
	if err == nil {
		err = w.Flush()
	}
	if c.stopped(ctx, err, "the timeline printed is incomplete") {
		return exitFailure
	}
	if err != nil {
		return c.fail("%v", err)
	}
	return exitOK
}

func (c *command) export() int {
	q := c.timelineQuery()
	if err := q.Check(); err != nil {
		fmt.Fprintf(c.stderr, "eventgraph export: %v\n", err)
		return exitUsage
	}
	format := strings.ToLower(c.format)
	if format == export.RDF {
		return c.exportRDF(q)
	}
	known := format == export.CSV
	for _, f := range export.Formats() {
		known = known || f == format
	}
	if !known {
		fmt.Fprintf(c.stderr, "eventgraph export: unknown --format %q (want gexf, graphml, csv, jsonl or rdf)\n", c.format)
		return exitUsage
	}
	var opt export.Options
	if c.gexfVersion != "" {
		if format != export.GEXF {
			fmt.Fprintf(c.stderr, "eventgraph export: --gexf-version is for --format gexf\n")
			return exitUsage
		}
		v, err := export.CheckGEXFVersion(c.gexfVersion)
		if err != nil {
			fmt.Fprintf(c.stderr, "eventgraph export: --gexf-version %q: want 1.2draft or 1.3\n", c.gexfVersion)
			return exitUsage
		}
		opt.GEXFVersion = v
	}
	st, err := c.open(true)
	if err != nil {
		return c.fail("%v", err)
	}
	defer st.Close()
	if format == export.CSV {
		return c.exportCSV(st, q)
	}
	var out io.Writer = c.stdout
	var f *os.File
	if c.out != "" && c.out != "-" {
		if f, err = os.Create(c.out); err != nil {
			return c.fail("%v", err)
		}
		out = f
	}
	ctx, stop := stopContext()
	defer stop()
	w := bufio.NewWriterSize(ctxWriter{ctx, out}, 1<<16)
	err = st.ViewContext(ctx, func(r graph.Snapshot) error { return export.WriteWith(w, r, format, q, opt) })
	if err == nil {
		err = w.Flush()
	}
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	partial := "the output is incomplete"
	if f != nil && err != nil && ctx.Err() != nil {
		partial = "the partial " + c.out + " removed"
		_ = os.Remove(c.out)
	}
	if c.stopped(ctx, err, partial) {
		return exitFailure
	}
	if err != nil {
		return c.fail("export %s: %v", format, err)
	}
	return exitOK
}

// exportCSV writes Gephi's two spreadsheet files: OUT-nodes.csv and
// OUT-edges.csv (default graph-nodes.csv and graph-edges.csv).
func (c *command) exportCSV(st graph.Storage, q timeline.Query) int {
	base := strings.TrimSuffix(c.out, ".csv")
	if base == "" || base == "-" {
		base = "graph"
	}
	nf, err := os.Create(base + "-nodes.csv")
	if err != nil {
		return c.fail("%v", err)
	}
	defer nf.Close()
	ef, err := os.Create(base + "-edges.csv")
	if err != nil {
		return c.fail("%v", err)
	}
	defer ef.Close()
	ctx, stop := stopContext()
	defer stop()
	nw, ew := bufio.NewWriter(ctxWriter{ctx, nf}), bufio.NewWriter(ctxWriter{ctx, ef})
	err = st.ViewContext(ctx, func(r graph.Snapshot) error { return export.WriteCSV(nw, ew, r, q) })
	if err == nil {
		err = nw.Flush()
	}
	if err == nil {
		err = ew.Flush()
	}
	if err != nil && ctx.Err() != nil {
		_ = os.Remove(nf.Name())
		_ = os.Remove(ef.Name())
	}
	if c.stopped(ctx, err, "the partial "+nf.Name()+" and "+ef.Name()+" removed") {
		return exitFailure
	}
	if err != nil {
		return c.fail("export csv: %v", err)
	}
	fmt.Fprintf(c.stdout, "wrote %s and %s\n", nf.Name(), ef.Name())
	return exitOK
}
