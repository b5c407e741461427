package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"eventgraph/graph"
	"eventgraph/loader"
	"eventgraph/loader/synth"
)

// loaderIngester adapts the loader to Ingester, as cmd/eventgraph does.
type loaderIngester struct{ l *loader.Loader }

func (i loaderIngester) Ingest(ctx context.Context, name string, body io.Reader) (IngestSummary, error) {
	sum := i.l.LoadReader(ctx, name, body)
	out := IngestSummary{Articles: sum.Articles, Existing: sum.Existing, Events: sum.Events, Merged: sum.Merged}
	var full error
	for _, e := range sum.Errors {
		out.Errors = append(out.Errors, e.Error())
		if full == nil && errors.Is(e, graph.ErrDiskFull) {
			full = e
		}
	}
	return out, full
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// ingestServer is a Server over an empty in-memory store that ingests.
func ingestServer(t *testing.T) (*Server, *graph.Store) {
	t.Helper()
	st, err := graph.Open(graph.DefaultOptions("").WithInMemory(true).WithLogger(quiet()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s, err := New(st, loaderIngester{loader.New(st, loader.Options{Logger: quiet()})}, Config{Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	return s, st
}

const goodArticle = "title: Two Ministers Meet in Baghdad\npublished: 2024-05-12\n---\n" +
	"Iraqi Interior Minister Abdul Amir al-Shammari met his Syrian counterpart in Baghdad on Sunday to discuss border security.\n"

func TestArticlesHandler(t *testing.T) {
	jsonl := `{"title":"Border Talks","text":"Iraq and Syria held talks on border security on Monday.","published":"2024-05-13"}` + "\n" +
		`{"title":7,"text":["not","text"]}` + "\n"
	tests := []struct {
		name, method, target, ctype, disp, body string
		status                                  int
		articles                                int
		errHas                                  string // in one of the errors
	}{
		{"text", "POST", "/articles?name=meet.txt", "text/markdown", "", goodArticle, 200, 1, ""},
		{"JSON Lines, one bad record", "POST", "/articles", "application/x-ndjson", `attachment; filename="feed.jsonl"`, jsonl, 200, 1, "feed.jsonl:2"},
		{"nothing good", "POST", "/articles?name=blob.bin", "application/octet-stream", "", "\x00\x01\x02\x03\x00\xff\xfe\x00\x00\x00", 422, 0, "blob.bin"},
		{"empty", "POST", "/articles", "application/octet-stream", `attachment; filename="../../etc/empty.txt"`, "", 422, 0, "empty.txt"},
		{"GET", "GET", "/articles", "", "", "", 405, 0, ""},
		{"PUT", "PUT", "/articles", "text/plain", "", goodArticle, 405, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := ingestServer(t)
			req := localReq(tt.method, tt.target, strings.NewReader(tt.body))
			if tt.ctype != "" {
				req.Header.Set("Content-Type", tt.ctype)
			}
			if tt.disp != "" {
				req.Header.Set("Content-Disposition", tt.disp)
			}
			rec := httptest.NewRecorder()
			s.Handler().ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if tt.status == 405 {
				return
			}
			var sum IngestSummary
			if err := json.Unmarshal(rec.Body.Bytes(), &sum); err != nil {
				t.Fatalf("body %s: %v", rec.Body, err)
			}
			if sum.Articles != tt.articles {
				t.Errorf("articles %d, want %d: %+v", sum.Articles, tt.articles, sum)
			}
			if tt.errHas != "" && !strings.Contains(strings.Join(sum.Errors, "\n"), tt.errHas) {
				t.Errorf("errors %q do not mention %q", sum.Errors, tt.errHas)
			}
			if strings.Contains(strings.Join(sum.Errors, "\n"), "..") {
				t.Errorf("errors name a path with ..: %q", sum.Errors)
			}
		})
	}
}

func TestArticlesWithoutIngester(t *testing.T) {
	s, _ := tlServer(t)
	rec := httptest.NewRecorder()
	req := localReq("POST", "/articles", strings.NewReader(goodArticle))
	req.Header.Set("Content-Type", "application/octet-stream")
	s.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("status %d, want 503", rec.Code)
	}
}

func TestArticlesBodyLimit(t *testing.T) {
	s, st := ingestServer(t)
	body := io.LimitReader(neverEnding('a'), maxArticlesBody+1)
	rec := httptest.NewRecorder()
	req := localReq("POST", "/articles", body)
	req.Header.Set("Content-Type", "application/octet-stream")
	s.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("status %d, want 413", rec.Code)
	}
	if st.Version() != 0 {
		t.Errorf("something was stored")
	}
}

type neverEnding byte

func (b neverEnding) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(b)
	}
	return len(p), nil
}

// TestIngestWhileReading posts distinct articles from several goroutines
// while others read through GraphQL and /timeline; run it with -race. Each
// GraphQL answer must be one snapshot: its article count equals the
// articles it lists, and counts never go down.
func TestIngestWhileReading(t *testing.T) {
	s, _ := ingestServer(t)
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	const writers, perWriter, readers = 3, 4, 3
	docs := synth.GenerateWith(writers*perWriter, 3, synth.Options{Paragraphs: 2})
	var wg sync.WaitGroup
	errc := make(chan error, 100)
	done := make(chan struct{})
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < perWriter; i++ {
				d := docs[w*perWriter+i]
				body := fmt.Sprintf("title: %s\npublished: %s\nurl: %s\n---\n%s\n", d.Title, d.Published, d.URL, strings.TrimPrefix(d.Text, d.Title+"\n\n"))
				resp, err := http.Post(ts.URL+"/articles?name="+fmt.Sprint(w, "-", i, ".txt"), "application/octet-stream", strings.NewReader(body))
				if err != nil {
					errc <- err
					return
				}
				var sum IngestSummary
				err = json.NewDecoder(resp.Body).Decode(&sum)
				resp.Body.Close()
				if err != nil || resp.StatusCode != 200 || sum.Articles != 1 || len(sum.Errors) > 0 {
					errc <- fmt.Errorf("post %d-%d: status %d %+v %v", w, i, resp.StatusCode, sum, err)
				}
			}
		}(w)
	}
	var rg sync.WaitGroup
	for r := 0; r < readers; r++ {
		rg.Add(1)
		go func(r int) {
			defer rg.Done()
			last := 0
			for {
				select {
				case <-done:
					return
				default:
				}
				q := `{"query":"{ articles(first: 500) { totalCount edges { node { id } } } events(first: 3) { totalCount edges { node { id date { value } } } } }"}`
				resp, err := http.Post(ts.URL+"/graphql", "application/json", strings.NewReader(q))
				if err != nil {
					errc <- err
					return
				}
				var out struct {
					Data struct {
						Articles struct {
							TotalCount int
							Edges      []struct{ Node struct{ ID string } }
						}
					}
					Errors []any
				}
				err = json.NewDecoder(resp.Body).Decode(&out)
				resp.Body.Close()
				a := out.Data.Articles
				if err != nil || len(out.Errors) > 0 || a.TotalCount != len(a.Edges) || a.TotalCount < last {
					errc <- fmt.Errorf("reader %d: %v %v, total %d with %d edges, before %d", r, err, out.Errors, a.TotalCount, len(a.Edges), last)
					return
				}
				last = a.TotalCount
				tl, err := http.Get(ts.URL + "/timeline?from=2017-01-01&to=2025-12-31")
				if err != nil {
					errc <- err
					return
				}
				_, _ = io.Copy(io.Discard, tl.Body)
				tl.Body.Close()
				if tl.StatusCode != 200 {
					errc <- fmt.Errorf("timeline status %d", tl.StatusCode)
					return
				}
			}
		}(r)
	}
	wg.Wait()
	close(done)
	rg.Wait()
	close(errc)
	for err := range errc {
		t.Error(err)
	}
	var p graph.ArticlePage
	_ = s.store.View(func(r graph.Snapshot) (err error) { p, err = r.Articles(-1, ""); return })
	if p.Total != writers*perWriter {
		t.Errorf("%d articles stored, want %d", p.Total, writers*perWriter)
	}
	if err := s.store.Check(); err != nil {
		t.Error(err)
	}
}

// TestCrossSiteWrites: what any web page can send (a simple content type,
// a foreign Origin, a rebound DNS name as Host) does not reach the store.
func TestCrossSiteWrites(t *testing.T) {
	tests := []struct {
		name, host, ctype, origin, upload string
		status                            int
	}{
		{"text/plain from a page", "127.0.0.1:8080", "text/plain", "", "", http.StatusUnsupportedMediaType},
		{"form", "127.0.0.1:8080", "application/x-www-form-urlencoded", "", "", http.StatusUnsupportedMediaType},
		{"no type", "127.0.0.1:8080", "", "", "", http.StatusUnsupportedMediaType},
		{"text/plain with the upload header", "127.0.0.1:8080", "text/plain", "", "1", 200},
		{"JSON Lines", "localhost:8080", "application/x-ndjson", "", "", 200},
		{"foreign origin", "127.0.0.1:8080", "application/octet-stream", "https://evil.example.com", "", http.StatusForbidden},
		{"same origin", "127.0.0.1:8080", "application/octet-stream", "http://127.0.0.1:8080", "", 200},
		{"rebound DNS name", "evil.example.com:8080", "application/octet-stream", "", "", http.StatusMisdirectedRequest},
		{"IPv6 loopback", "[::1]:8080", "application/octet-stream", "", "", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, st := ingestServer(t)
			body := goodArticle
			if tt.ctype == "application/x-ndjson" {
				body = `{"title":"Border Talks","text":"Iraq and Syria held talks on border security on Monday.","published":"2024-05-13"}` + "\n"
			}
			req := localReq("POST", "/articles?name=a.txt", strings.NewReader(body))
			req.Host = tt.host
			if tt.ctype != "" {
				req.Header.Set("Content-Type", tt.ctype)
			}
			if tt.origin != "" {
				req.Header.Set("Origin", tt.origin)
			}
			if tt.upload != "" {
				req.Header.Set(UploadHeader, tt.upload)
			}
			rec := httptest.NewRecorder()
			s.Handler().ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if stored := st.Version() != 0; stored != (tt.status == 200) {
				t.Errorf("stored %v with status %d", stored, rec.Code)
			}
			if tt.status != 200 && !strings.Contains(rec.Body.String(), "refused") && !strings.Contains(rec.Body.String(), "not served here") {
				t.Errorf("message %s does not say why", rec.Body)
			}
		})
	}
}

// TestAllowedHosts: the Host check follows the listen address and
// --allowed-hosts.
func TestAllowedHosts(t *testing.T) {
	for _, c := range []struct {
		addr    string
		allowed []string
		host    string
		ok      bool
	}{
		{"127.0.0.1:8080", nil, "localhost:8080", true},
		{"127.0.0.1:8080", nil, "app.localhost", true},
		{"127.0.0.1:8080", nil, "127.0.0.2", true},
		{"127.0.0.1:8080", nil, "attacker.example", false},
		{"127.0.0.1:8080", []string{"graph.lab.example"}, "graph.lab.example:8080", true},
		{"127.0.0.1:8080", []string{"graph.lab.example"}, "other.example", false},
		{"0.0.0.0:8080", nil, "graph.lab.example", true},
		{"0.0.0.0:8080", []string{"graph.lab.example"}, "other.example", false},
		{"192.168.1.10:8080", []string{"graph.lab.example"}, "192.168.1.10:8080", true},
	} {
		s := &Server{cfg: Config{Addr: c.addr, AllowedHosts: c.allowed}}
		if got := s.hostAllowed(c.host); got != c.ok {
			t.Errorf("listening on %s, allowed %v: Host %q allowed=%v, want %v", c.addr, c.allowed, c.host, got, c.ok)
		}
	}
}

// TestArticlesTimeLimit: an upload that runs over the time limit stops and
// answers 503 with what was not stored.
func TestArticlesTimeLimit(t *testing.T) {
	st, err := graph.Open(graph.DefaultOptions("").WithInMemory(true).WithLogger(quiet()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s, err := New(st, loaderIngester{loader.New(st, loader.Options{Logger: quiet()})}, Config{Logger: quiet(), IngestTimeout: time.Nanosecond})
	if err != nil {
		t.Fatal(err)
	}
	req := localReq("POST", "/articles?name=slow.txt", strings.NewReader(goodArticle))
	req.Header.Set("Content-Type", "application/octet-stream")
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "time limit") {
		t.Errorf("status %d %s, want 503 naming the time limit", rec.Code, rec.Body)
	}
	if st.Version() != 0 {
		t.Errorf("stored after the time limit")
	}
}

// fullIngester fails as the loader does on a full disk.
type fullIngester struct{}

func (fullIngester) Ingest(ctx context.Context, name string, body io.Reader) (IngestSummary, error) {
	err := fmt.Errorf("load %s: %w", name, &graph.DiskFullError{Dir: "/data", Free: 3 << 20, Min: 128 << 20})
	return IngestSummary{Errors: []string{err.Error()}}, err
}

// TestArticlesDiskFull: a full disk answers 507 with the message.
func TestArticlesDiskFull(t *testing.T) {
	st, err := graph.Open(graph.DefaultOptions("").WithInMemory(true).WithLogger(quiet()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s, err := New(st, fullIngester{}, Config{Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	req := localReq("POST", "/articles?name=a.txt", strings.NewReader(goodArticle))
	req.Header.Set("Content-Type", "application/octet-stream")
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusInsufficientStorage || !strings.Contains(rec.Body.String(), "disk full: 3 MiB free on /data") {
		t.Errorf("status %d %s, want 507 with the message", rec.Code, rec.Body)
	}
}
