package server

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestNoPathEscapes asks the file-serving routes (/page/, /export/ and the
// catch-all) for files outside their folder with .., encoded %2e%2e and
// encoded slashes: none may answer with a file's content.
func TestNoPathEscapes(t *testing.T) {
	s, _ := tlServer(t)
	for _, target := range []string{
		"/page/../server.go", "/page/../../go.mod", "/page/%2e%2e/%2e%2e/go.mod",
		"/page/%2e%2e%2fpage.go", "/page/..%2f..%2fgo.mod", "/page/%2E%2E/static/page/index.html",
		"/export/../../go.mod", "/export/%2e%2e/%2e%2e/go.mod", "/export/..%2fgraph.gexf",
		"/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/static/page/index.html",
		"/page/static/../../page.go", "/page//etc/passwd",
	} {
		req := localReq("GET", "http://127.0.0.1/", nil)
		req.URL.RawPath, req.URL.Path = "", ""
		req.RequestURI = target
		var err error
		if req.URL, err = req.URL.Parse(target); err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, req)
		body, _ := io.ReadAll(rec.Body)
		for _, secret := range []string{"package server", "module eventgraph", "root:", "<!doctype", "<!DOCTYPE"} {
			if rec.Code == 200 && strings.Contains(string(body), secret) {
				t.Errorf("%s: %d with %q", target, rec.Code, secret)
			}
		}
		if rec.Code == 200 {
			t.Errorf("%s: 200 (%d bytes)", target, len(body))
		}
	}
}

func TestLoopbackByDefault(t *testing.T) {
	s, _ := tlServer(t)
	if !strings.HasPrefix(s.cfg.Addr, "127.0.0.1:") {
		t.Errorf("default address %q is not loopback", s.cfg.Addr)
	}
}
