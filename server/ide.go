package server

import (
	"embed"
	"net/http"
	"strings"
	"sync"
)

// The IDE is embedded: it works without internet access (no CDN).
//
//go:embed static/ide
var ideFiles embed.FS

var (
	idePageOnce sync.Once
	idePage     []byte
)

// ideHTML is the IDE page with its stylesheet and script inlined, so it is
// one request on the /graphql route.
func ideHTML() []byte {
	idePageOnce.Do(func() {
		read := func(name string) string {
			b, err := ideFiles.ReadFile("static/ide/" + name)
			if err != nil {
				panic("server: embedded IDE file missing: " + name)
			}
			return string(b)
		}
		// The script must not contain "</script"; ide.js is ours and does not.
		page := strings.Replace(read("index.html"), "/*CSS*/", read("ide.css"), 1)
		page = strings.Replace(page, "/*JS*/", read("ide.js"), 1)
		idePage = []byte(page)
	})
	return idePage
}

// serveIDE answers a browser's GET /graphql with the GraphQL IDE.
func serveIDE(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'")
	h.Add("Vary", "Accept")
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(ideHTML())
}
