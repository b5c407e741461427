package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"

	"eventgraph/graph"
)

// maxArticlesBody is the largest body POST /articles accepts.
const maxArticlesBody = 64 << 20

// articlesHandler serves POST /articles: the body is one upload (plain text
// with an optional header, a multi-article scrape, or JSON Lines — sent as
// application/x-ndjson or sniffed), named by ?name= or the filename of a
// Content-Disposition header for error messages. It answers 200 with the
// IngestSummary as JSON, listing the records that failed, even when some
// did; 422 when nothing was stored and there were errors; 413 over 64 MiB;
// 405 for other methods; 503 when the server has no ingester or the
// upload ran over Config.IngestTimeout; 507 when the disk is full (the
// Ingester's error wraps graph.ErrDiskFull). Writes a
// foreign web page could make are refused (see writeAllowed): a text/plain,
// form or untyped body needs the X-Eventgraph-Upload header (415 without),
// and a foreign Origin gets 403.
func (s *Server) articlesHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", "POST, OPTIONS")
			jsonError(w, http.StatusMethodNotAllowed, "", "use POST with the articles as the body")
			return
		}
		if !s.writeAllowed(w, r) {
			return
		}
		if s.ingest == nil {
			jsonError(w, http.StatusServiceUnavailable, "", "this server does not accept articles")
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxArticlesBody))
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				jsonError(w, http.StatusRequestEntityTooLarge, "", fmt.Sprintf("body over the %d MiB limit", maxArticlesBody>>20))
				return
			}
			jsonError(w, http.StatusBadRequest, "", "read body: "+err.Error())
			return
		}
		name := uploadName(r)
		// the request's context ends when the client goes away; the time
		// limit bounds a huge upload
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.IngestTimeout)
		defer cancel()
		sum, err := s.ingest.Ingest(ctx, name, bytes.NewReader(body))
		if err == nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
			sum.Errors = append(sum.Errors, fmt.Sprintf("%s: the upload ran over the server's %s time limit; the articles not stored can be posted again (stored ones are kept, re-posting them changes nothing)", name, s.cfg.IngestTimeout))
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			w.WriteHeader(http.StatusServiceUnavailable)
			_ = json.NewEncoder(w).Encode(sum)
			return
		}
		if errors.Is(err, graph.ErrDiskFull) {
			s.log.Error("ingest refused", "name", name, "err", err)
			jsonError(w, http.StatusInsufficientStorage, "", "ingest "+name+": "+err.Error())
			return
		}
		if err != nil {
			s.log.Error("ingest failed", "name", name, "err", err)
			jsonError(w, http.StatusInternalServerError, "", "ingest "+name+": "+err.Error())
			return
		}
		status := http.StatusOK
		if sum.Articles == 0 && sum.Existing == 0 && len(sum.Errors) > 0 {
			status = http.StatusUnprocessableEntity
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(sum)
	})
}

// uploadName is the name an upload's errors cite: ?name=, else the
// Content-Disposition filename, else "upload"; only its last path element
// is kept. JSON Lines sent as application/x-ndjson get a .jsonl suffix.
func uploadName(r *http.Request) string {
	name := r.URL.Query().Get("name")
	if name == "" {
		if _, params, err := mime.ParseMediaType(r.Header.Get("Content-Disposition")); err == nil {
			name = params["filename"]
		}
	}
	name = path.Base(strings.ReplaceAll(name, "\\", "/"))
	if name == "" || name == "." || name == "/" || name == ".." {
		name = "upload"
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "application/x-ndjson" && !strings.HasSuffix(name, ".jsonl") {
		name += ".jsonl"
	}
	return name
}
