package server

import (
	"embed"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// pageFiles is the browser page: plain HTML, CSS and JavaScript, embedded
// in the binary (no CDN).
//
//go:embed static/page
var pageFiles embed.FS

// pageHandler serves the timeline page at / and its assets under /page/
// (style.css, app.js). The page draws from /timeline and links to the
// GraphQL IDE at /graphql. Any other path is 404.
func (s *Server) pageHandler() http.Handler {
	sub, err := fs.Sub(pageFiles, "static/page")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	assets := http.StripPrefix("/page/", http.FileServer(http.FS(sub)))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "use GET", http.StatusMethodNotAllowed)
			return
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		switch p := path.Clean(r.URL.Path); {
		case p == "/" || p == "/index.html":
			b, err := fs.ReadFile(sub, "index.html")
			if err != nil {
				http.Error(w, "page missing", http.StatusInternalServerError)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Cache-Control", "no-cache")
			w.Header().Set("Content-Security-Policy", pageCSP)
			_, _ = w.Write(b)
		case strings.HasPrefix(r.URL.Path, "/page/") && p != "/page" && !strings.HasSuffix(r.URL.Path, "/"):
			w.Header().Set("Cache-Control", "no-cache")
			assets.ServeHTTP(w, r)
		default:
			http.NotFound(w, r)
		}
	})
}

// pageCSP keeps the page to its own origin: no CDN, no inline script.
const pageCSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
