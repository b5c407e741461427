package server

import (
	"io"
	"net/http"
	"strings"

	"eventgraph/graph"
	"eventgraph/graph/export"
	"eventgraph/graph/timeline"
)

// exportFiles maps the file names under /export/ to export formats.
var exportFiles = map[string]string{
	"graph.gexf":    export.GEXF,
	"graph.graphml": export.GraphML,
	"graph.jsonl":   export.JSONL,
	"nodes.csv":     export.NodesCSV,
	"edges.csv":     export.EdgesCSV,
	"graph.rdf":     export.RDF,       // N-Quads for dgraph live
	"graph.schema":  export.DQLSchema, // its DQL schema
}

// exportHandler serves GET /export/graph.gexf, /export/graph.graphml,
// /export/nodes.csv, /export/edges.csv, /export/graph.jsonl and, for
// Dgraph, /export/graph.rdf (N-Quads) and /export/graph.schema, with the
// timeline's filters (from, to, actor, type, place, country), streamed;
// graph.gexf takes version=1.2draft (the default, read by networkx and
// Gephi) or version=1.3.
// Like /timeline it answers with an ETag and honours If-None-Match.
func (s *Server) exportHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD, OPTIONS")
			jsonError(w, http.StatusMethodNotAllowed, "", "use GET")
			return
		}
		name := strings.TrimPrefix(r.URL.Path, "/export/")
		format, ok := exportFiles[name]
		if !ok {
			jsonError(w, http.StatusNotFound, "", "no export "+name+" (try graph.gexf, graph.graphml, nodes.csv, edges.csv, graph.jsonl, graph.rdf, graph.schema)")
			return
		}
		q, err := timeline.ParseQuery(r.URL.Query())
		if err != nil {
			badQuery(w, err)
			return
		}
		var opt export.Options
		if format == export.GEXF {
			v, err := export.CheckGEXFVersion(r.URL.Query().Get("version"))
			if err != nil {
				badQuery(w, &timeline.Error{Param: "version", Value: r.URL.Query().Get("version"), Reason: "want 1.2draft (default) or 1.3"})
				return
			}
			opt.GEXFVersion = v
		}
		if s.notModified(w, r, "x-"+q.Key(format+"|"+opt.GEXFVersion)) {
			return
		}
		w.Header().Set("Content-Type", export.ContentType(format))
		w.Header().Set("Content-Disposition", `attachment; filename="eventgraph-`+name+`"`)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		s.stream(w, r, func(out io.Writer, rd graph.Snapshot) error {
			return export.WriteWith(out, rd, format, q, opt)
		})
	})
}
