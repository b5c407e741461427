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
	"strings"
	"sync"
	"time"

	"eventgraph/schema"
)

// schemaOptions tune the GraphQL schema; tests change them before New.
var schemaOptions schema.Options

// graphqlHandler serves /graphql:
//
//   - POST with a JSON body {query, variables, operationName} sent as
//     application/json, or with Content-Type application/graphql and the
//     query as the body; other types (text/plain, forms, none: what a web
//     page may send cross-site without a preflight) get 415;
//   - GET with ?query=…&variables=…&operationName=…;
//   - GET from a browser (Accept: text/html) with no query: the IDE page.
//
// The body is limited to Config.MaxBodyBytes (413 beyond it), each request
// runs under Config.QueryTimeout, and GraphQL errors (bad queries, bad
// arguments, limits, timeouts) come back with status 200 in the standard
// errors array; an unparsable request body is a 400.
func (s *Server) graphqlHandler() (http.Handler, error) {
	sch, err := schema.New(s.store, schemaOptions)
	if err != nil {
		return nil, err
	}
	return &graphqlHTTP{schema: sch, maxBody: s.cfg.MaxBodyBytes, timeout: s.cfg.QueryTimeout, srv: s}, nil
}

type graphqlHTTP struct {
	schema  *schema.Schema
	maxBody int64
	timeout time.Duration
	srv     *Server
}

// gqlRequest is a GraphQL-over-HTTP request body.
type gqlRequest struct {
	Query         string          `json:"query"`
	OperationName string          `json:"operationName"`
	Variables     json.RawMessage `json:"variables"`
}

func (h *graphqlHTTP) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var req gqlRequest
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		q := r.URL.Query()
		req.Query = q.Get("query")
		req.OperationName = q.Get("operationName")
		if v := q.Get("variables"); v != "" {
			req.Variables = json.RawMessage(v)
		}
		if req.Query == "" {
			if acceptsHTML(r) {
				serveIDE(w, r)
				return
			}
			httpError(w, http.StatusBadRequest, "no query: send POST /graphql with a JSON body {\"query\": \"…\", \"variables\": {…}}, or GET /graphql?query=…")
			return
		}
	case http.MethodPost:
		if status, msg := readRequest(w, r, h.maxBody, &req); status != 0 {
			httpError(w, status, msg)
			return
		}
	default:
		w.Header().Set("Allow", "GET, POST, OPTIONS")
		httpError(w, http.StatusMethodNotAllowed, r.Method+" is not supported: use POST (or GET with ?query=)")
		return
	}
	if strings.TrimSpace(req.Query) == "" {
		httpError(w, http.StatusBadRequest, "the request has no query: send {\"query\": \"{ stats { events } }\"}")
		return
	}
	vars, err := decodeVariables(req.Variables)
	if err != nil {
		httpError(w, http.StatusBadRequest, err.Error())
		return
	}

	ctx, cancel := context.WithTimeout(r.Context(), h.timeout)
	defer cancel()
	start := time.Now()
	resp := h.schema.Exec(ctx, req.Query, req.OperationName, vars)
	if d := time.Since(start); d > time.Second || len(resp.Errors) > 0 {
		h.srv.log.Debug("graphql", "duration", d, "errors", len(resp.Errors), "operation", req.OperationName)
	}
	// the response's JSON and its newline (Encode writes what Marshal
	// would, then a newline) into a reused buffer: no copy of it a request
	buf := respBuffers.Get().(*bytes.Buffer)
	buf.Reset()
	if err := json.NewEncoder(buf).Encode(resp); err != nil {
		respBuffers.Put(buf)
		httpError(w, http.StatusInternalServerError, "encoding the response failed: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(buf.Bytes())
	}
	big := buf.Len()-1 >= bigResponse
	if buf.Cap() <= maxPooledResponse {
		respBuffers.Put(buf)
	}
	if big || cutForSize(resp) {
		resp, buf = nil, nil
		h.srv.releaseMemory()
	}
}

// respBuffers are the buffers GraphQL responses are encoded into; one of
// more than maxPooledResponse bytes is left to the collector.
var respBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

const maxPooledResponse = 256 << 10

// cutForSize reports whether the request was stopped by the result
// budget: it built much before being stopped.
func cutForSize(resp *schema.Response) bool {
	for _, e := range resp.Errors {
		if e.Extensions["code"] == schema.CodeTooLarge {
			return true
		}
	}
	return false
}

// bigResponse is the response size after which the server hands the
// memory it took back to the operating system.
const bigResponse = 4 << 20

// readRequest reads a POST body into req; a non-zero status is an error
// to answer with msg.
func readRequest(w http.ResponseWriter, r *http.Request, limit int64, req *gqlRequest) (int, string) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return http.StatusRequestEntityTooLarge, fmt.Sprintf("request body too large: the limit is %d bytes; send a shorter query and pass data as variables", limit)
		}
		return http.StatusBadRequest, "reading the request body failed: " + err.Error()
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "application/graphql":
		req.Query = string(body)
		if q := r.URL.Query().Get("variables"); q != "" {
			req.Variables = json.RawMessage(q)
		}
		return 0, ""
	case "application/json", "application/graphql-response+json":
	default:
		// text/plain, form encodings and no type at all are what any web
		// page can send cross-site without a CORS preflight: refused.
		if ct == "" {
			ct = "none"
		}
		return http.StatusUnsupportedMediaType, fmt.Sprintf("unsupported Content-Type %q: send application/json ({\"query\": …}) or application/graphql", ct)
	}
	if err := json.Unmarshal(body, req); err != nil {
		return http.StatusBadRequest, "the request body is not valid JSON of the form {\"query\": \"…\", \"variables\": {…}, \"operationName\": \"…\"}: " + err.Error()
	}
	return 0, ""
}

// decodeVariables reads variables given as a JSON object, null, or a JSON
// string holding an object (some clients send that).
func decodeVariables(raw json.RawMessage) (map[string]any, error) {
	s := strings.TrimSpace(string(raw))
	if s == "" || s == "null" {
		return nil, nil
	}
	if strings.HasPrefix(s, `"`) {
		var inner string
		if err := json.Unmarshal(raw, &inner); err != nil {
			return nil, fmt.Errorf("variables are not valid JSON: %v", err)
		}
		if strings.TrimSpace(inner) == "" {
			return nil, nil
		}
		raw = json.RawMessage(inner)
	}
	var vars map[string]any
	if err := json.Unmarshal(raw, &vars); err != nil {
		return nil, fmt.Errorf("variables must be a JSON object such as {\"first\": 100}: %v", err)
	}
	return vars, nil
}

// httpError answers a request-level error (not a GraphQL one) in the
// GraphQL error shape, so clients read every error the same way.
func httpError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []map[string]any{{"message": msg}}})
}

func acceptsHTML(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "text/html")
}
