// Package server is eventgraph's HTTP front: /graphql, /timeline, /export/…,
// /articles, /healthz and the browser pages. Handlers are thin: they call
// schema, graph and loader.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"sync"
	"time"

	"eventgraph/graph"
)

// Ingester loads posted articles (implemented by loader).
type Ingester interface {
	// Ingest reads one upload (plain text with an optional header, JSON
	// Lines, or a multi-article scrape) named name and stores its articles.
	Ingest(ctx context.Context, name string, body io.Reader) (IngestSummary, error)
}

// IngestSummary says what an ingest stored.
type IngestSummary struct {
	Articles int      `json:"articles"`
	Existing int      `json:"existing"`
	Events   int      `json:"events"`
	Merged   int      `json:"merged"`
	Errors   []string `json:"errors,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
}

// Config configures a Server.
type Config struct {
	Addr string // listen address, default 127.0.0.1:8080
	// CORSOrigins are the browser origins allowed to call the API besides
	// localhost ones; "*" allows any.
	CORSOrigins []string
	// AllowedHosts are the Host header names the server answers to besides
	// loopback ones; "*" allows any. Empty: loopback names only when
	// listening on loopback, any name otherwise.
	AllowedHosts []string
	// MaxBodyBytes limits request bodies (default 1 MiB for /graphql, 64 MiB for /articles).
	MaxBodyBytes int64
	// QueryTimeout cuts a GraphQL request (default 10 s).
	QueryTimeout time.Duration
	// IngestTimeout cuts a POST /articles (default 5 min): the articles
	// not stored by then are reported, and the answer is 503.
	IngestTimeout time.Duration
	Logger        *slog.Logger
}

// Server serves a graph over HTTP.
type Server struct {
	store  graph.Storage
	ingest Ingester
	cfg    Config
	log    *slog.Logger
	mux    *http.ServeMux

	freeMu   sync.Mutex
	lastFree time.Time
}

// releaseMemory returns freed heap to the operating system after a large
// response, at most once every few seconds, in the background.
func (s *Server) releaseMemory() {
	s.freeMu.Lock()
	defer s.freeMu.Unlock()
	if time.Since(s.lastFree) < 5*time.Second {
		return
	}
	s.lastFree = time.Now()
	go debug.FreeOSMemory()
}

// New builds a Server over store; ingest may be nil (POST /articles then
// answers 503).
func New(store graph.Storage, ingest Ingester, cfg Config) (*Server, error) {
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:8080"
	}
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = 1 << 20
	}
	if cfg.QueryTimeout == 0 {
		cfg.QueryTimeout = 10 * time.Second
	}
	if cfg.IngestTimeout == 0 {
		cfg.IngestTimeout = 5 * time.Minute
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	s := &Server{store: store, ingest: ingest, cfg: cfg, log: cfg.Logger, mux: http.NewServeMux()}
	gql, err := s.graphqlHandler()
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	s.mux.Handle("/graphql", s.cors(gql))
	s.mux.Handle("/timeline", s.cors(s.timelineHandler()))
	s.mux.Handle("/export/", s.cors(s.exportHandler()))
	s.mux.Handle("/articles", s.cors(s.articlesHandler()))
	s.mux.HandleFunc("/healthz", s.healthz)
	s.mux.Handle("/", s.pageHandler())
	return s, nil
}

// Handler returns the server's routes, for httptest.
func (s *Server) Handler() http.Handler { return s.hostGuard(s.mux) }

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = fmt.Fprintf(w, `{"status":"ok","version":%d}`+"\n", s.store.Version())
}

// ListenAndServe serves until ctx is cancelled, then shuts down gracefully
// (in-flight requests get up to 10 s). ready, if not nil, receives the bound
// address once listening.
func (s *Server) ListenAndServe(ctx context.Context, ready func(addr string)) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", s.cfg.Addr, err)
	}
	hs := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      5 * time.Minute, // exports stream large files
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	if ready != nil {
		ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return hs.Shutdown(sctx)
	}
}
