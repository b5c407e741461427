package server

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"eventgraph/graph"
	"eventgraph/graph/timeline"
)

// timelineHandler serves GET /timeline?from&to&actor&type&place&country
// &undated&limit&evidence&format=json|timelinejs: the events in date order
// (see package timeline), streamed. It answers with an ETag (the store
// version and the query) and Last-Modified, and 304 to a matching
// If-None-Match or If-Modified-Since, so dashboards poll cheaply. A bad
// parameter is 400 with {"error", "param"}.
func (s *Server) timelineHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD, OPTIONS")
			jsonError(w, http.StatusMethodNotAllowed, "", "use GET")
			return
		}
		v := r.URL.Query()
		q, err := timeline.ParseQuery(v)
		if err != nil {
			badQuery(w, err)
			return
		}
		format, err := timeline.CheckFormat(v.Get("format"))
		if err != nil {
			badQuery(w, err)
			return
		}
		if s.notModified(w, r, "t-"+q.Key(format)) {
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		s.stream(w, r, func(out io.Writer, rd graph.Snapshot) error {
			return timeline.Write(out, rd, q, format)
		})
	})
}

// jsonError writes {"error": msg, "param": param} with the status.
func jsonError(w http.ResponseWriter, status int, param, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Del("ETag")
	w.Header().Del("Last-Modified")
	w.WriteHeader(status)
	body := map[string]string{"error": msg}
	if param != "" {
		body["param"] = param
	}
	_ = json.NewEncoder(w).Encode(body)
}

// badQuery answers 400 for a *timeline.Error.
func badQuery(w http.ResponseWriter, err error) {
	var qe *timeline.Error
	if errors.As(err, &qe) {
		jsonError(w, http.StatusBadRequest, qe.Param, "bad parameter "+qe.Error())
		return
	}
	jsonError(w, http.StatusBadRequest, "", err.Error())
}

// notModified sets ETag (store version + key), Last-Modified and
// Cache-Control, and answers 304 when the client's copy is current.
func (s *Server) notModified(w http.ResponseWriter, r *http.Request, key string) bool {
	// The version is read before the snapshot: a write in between makes the
	// body newer than its ETag, and the next poll fetches it again.
	etag := `"v` + strconv.FormatUint(s.store.Version(), 10) + "-" + key + `"`
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Cache-Control", "no-cache")
	mod := s.store.Modified()
	if !mod.IsZero() {
		h.Set("Last-Modified", mod.UTC().Format(http.TimeFormat))
	}
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		if etagMatch(inm, etag) {
			w.WriteHeader(http.StatusNotModified)
			return true
		}
		return false
	}
	if ims := r.Header.Get("If-Modified-Since"); ims != "" && !mod.IsZero() {
		if t, err := http.ParseTime(ims); err == nil && !mod.Truncate(time.Second).After(t) {
			w.WriteHeader(http.StatusNotModified)
			return true
		}
	}
	return false
}

// etagMatch reports whether an If-None-Match list names etag (weak
// comparison, as RFC 9110 asks for If-None-Match).
func etagMatch(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == etag {
			return true
		}
	}
	return false
}

// countingWriter notes whether anything reached the client.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// stream runs write in a read snapshot, writing to the response; the
// snapshot's scans stop when the request's context ends. An error
// before the first byte becomes a 400 (bad query) or 500; after it, the
// response is cut short and the error logged.
func (s *Server) stream(w http.ResponseWriter, r *http.Request, write func(io.Writer, graph.Snapshot) error) {
	cw := &countingWriter{w: w}
	// The snapshot carries the request's context: a client that leaves stops
	// the scan behind the response.
	err := s.store.ViewContext(r.Context(), func(rd graph.Snapshot) error { return write(cw, rd) })
	if err == nil {
		return
	}
	if r.Context().Err() != nil && errors.Is(err, r.Context().Err()) {
		s.log.Info("request ended before its response", "path", r.URL.Path, "bytes", cw.n, "err", err)
		return
	}
	if cw.n == 0 {
		if timeline.IsQueryError(err) {
			badQuery(w, err)
			return
		}
		s.log.Error("read failed", "path", r.URL.Path, "err", err)
		jsonError(w, http.StatusInternalServerError, "", "could not read the graph")
		return
	}
	s.log.Error("response cut short", "path", r.URL.Path, "bytes", cw.n, "err", err)
}
