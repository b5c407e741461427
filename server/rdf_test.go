package server

import (
	"bytes"
	"strings"
	"testing"

	"eventgraph/graph/timeline/timelinetest"
)

// TestExportRDFHTTP serves the export for Dgraph: the N-Quads (whole graph
// and filtered) and the DQL schema.
func TestExportRDFHTTP(t *testing.T) {
	s, _ := tlServer(t)
	tests := []struct {
		path, query, ctype string
		events             int // lines typing a node Event
		contains           string
	}{
		{"graph.rdf", "", "application/n-quads", timelinetest.NumEvents, "<urn:uuid:"},
		{"graph.rdf", "actor=al-Shammari", "application/n-quads", len(timelinetest.ShammariEvents), "<event.start>"},
		{"graph.schema", "", "text/plain", 0, "event.start: datetime @index(day) ."},
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
			b := rec.Body.Bytes()
			if n := bytes.Count(b, []byte(`<dgraph.type> "Event" .`)); n != tt.events {
				t.Errorf("%d events, want %d", n, tt.events)
			}
			if !bytes.Contains(b, []byte(tt.contains)) {
				t.Errorf("body lacks %q: %.300s", tt.contains, b)
			}
		})
	}
}
