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
}

// exportHandler serves GET /export/graph.gexf, /export/graph.graphml,
// /export/nodes.csv, /export/edges.csv and /export/graph.jsonl, with the
// timeline's filters (from, to, actor, type, place, country), streamed.
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
			jsonError(w, http.StatusNotFound, "", "no export "+name+" (try graph.gexf, graph.graphml, nodes.csv, edges.csv, graph.jsonl)")
			return
		}
		q, err := timeline.ParseQuery(r.URL.Query())
		if err != nil {
			badQuery(w, err)
			return
		}
		if s.notModified(w, r, "x-"+q.Key(format)) {
			return
		}
		w.Header().Set("Content-Type", export.ContentType(format))
		w.Header().Set("Content-Disposition", `attachment; filename="eventgraph-`+name+`"`)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		s.stream(w, r, func(out io.Writer, rd *graph.Reader) error {
			return export.Write(out, rd, format, q)
		})
	})
}
