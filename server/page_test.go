package server

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"eventgraph/graph/timeline/timelinetest"
)

func TestPageServed(t *testing.T) {
	s, _ := tlServer(t)
	tests := []struct {
		target, ctype, contains string
		status                  int
	}{
		{"/", "text/html", `href="/graphql"`, 200},
		{"/", "text/html", `src="/page/app.js"`, 200},
		{"/index.html", "text/html", "<title>", 200},
		{"/page/app.js", "text/javascript", "/timeline?", 200},
		{"/page/style.css", "text/css", ".timeline", 200},
		{"/page/", "", "", 404},
		{"/page/missing.js", "", "", 404},
		{"/nothing-here", "", "", 404},
	}
	for _, tt := range tests {
		rec := get(t, s.Handler(), tt.target)
		if rec.Code != tt.status {
			t.Errorf("%s: status %d, want %d", tt.target, rec.Code, tt.status)
			continue
		}
		if tt.status != 200 {
			continue
		}
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, tt.ctype) {
			t.Errorf("%s: Content-Type %q, want %s", tt.target, ct, tt.ctype)
		}
		if !strings.Contains(rec.Body.String(), tt.contains) {
			t.Errorf("%s: lacks %q", tt.target, tt.contains)
		}
	}
}

// TestPageNoCDN checks that the page loads nothing from other origins.
func TestPageNoCDN(t *testing.T) {
	s, _ := tlServer(t)
	ext := regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?(https?:)?//|@import|url\(\s*["']?https?:`)
	for _, p := range []string{"/", "/page/app.js", "/page/style.css"} {
		if m := ext.FindString(get(t, s.Handler(), p).Body.String()); m != "" {
			t.Errorf("%s loads from another origin: %s", p, m)
		}
	}
	if csp := get(t, s.Handler(), "/").Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("CSP %q", csp)
	}
}

// chromium runs headless Chromium with args and the test's flags, and
// returns its standard output.
func chromium(t *testing.T, args ...string) []byte {
	t.Helper()
	bin := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("chromium not installed (Debian chromium); CI installs it")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--user-data-dir=" + t.TempDir(),
		// let the page's fetches and rendering finish before the dump
		"--virtual-time-budget=15000", "--run-all-compositor-stages-before-draw"}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, stderr.String())
	}
	return out
}

var (
	cardRe  = regexp.MustCompile(`<li class="event[^"]*" data-id="([^"]+)" data-start="([^"]*)"`)
	stateRe = regexp.MustCompile(`<body data-state="([a-z]+)"`)
)

func cards(t *testing.T, dom []byte) (ids, starts []string) {
	t.Helper()
	if m := stateRe.FindSubmatch(dom); m == nil || string(m[1]) != "ready" {
		t.Fatalf("page not ready (state %q):\n%.3000s", m, dom)
	}
	for _, m := range cardRe.FindAllSubmatch(dom, -1) {
		ids = append(ids, string(m[1]))
		starts = append(starts, string(m[2]))
	}
	return
}

// TestPageChromium drives the page in headless Chromium: the seed events
// are listed in date order, the actor filter and the evidence pane work,
// and a screenshot is saved under the test's temp dir (and copied to
// $EVENTGRAPH_SCREENSHOT_DIR when set).
func TestPageChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	s, _ := tlServer(t)
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()

	// All dated events, in date order.
	ids, starts := cards(t, chromium(t, "--dump-dom", srv.URL+"/"))
	if len(ids) != timelinetest.NumDated {
		t.Errorf("%d events listed, want %d", len(ids), timelinetest.NumDated)
	}
	for i := 1; i < len(starts); i++ {
		if starts[i-1] > starts[i] {
			t.Errorf("events out of date order at %d: %s before %s", i, starts[i-1], starts[i])
		}
	}
	pos := map[string]int{}
	for i, id := range ids {
		pos[id] = i
	}
	for i := 1; i < len(timelinetest.ShammariEvents); i++ {
		a, b := timelinetest.ShammariEvents[i-1], timelinetest.ShammariEvents[i]
		if _, ok := pos[a]; !ok || pos[a] > pos[b] {
			t.Errorf("event %s missing or listed after %s", a, b)
		}
	}

	// Filtered by actor, with an event opened from the address: his four
	// events, and the Basra statement's evidence in the detail pane.
	dom := chromium(t, "--dump-dom", srv.URL+"/?actor=al-Shammari#event="+timelinetest.EventBasra)
	ids, _ = cards(t, dom)
	if strings.Join(ids, ",") != strings.Join(timelinetest.ShammariEvents, ",") {
		t.Errorf("filtered page lists %v, want %v", ids, timelinetest.ShammariEvents)
	}
	for _, want := range []string{"at its best", "Iraqi Interior Minister: Border Security Is", "North Basra Police Directorate", `href="/graphql"`} {
		if !bytes.Contains(dom, []byte(want)) {
			t.Errorf("page lacks %q", want)
		}
	}

	// The wall's card shows its length, and so does its detail pane.
	dom = chromium(t, "--dump-dom", srv.URL+"/#event="+timelinetest.EventWall)
	for _, want := range []string{`<span class="qtys"><span class="qty" title="“160-kilometer-long”">160 km (concrete insulating wall)</span></span>`,
		`<dt>Figures</dt><dd><ul class="figures"><li><span class="qty">160 km (concrete insulating wall)</span> — “160-kilometer-long”</li></ul></dd>`} {
		if !bytes.Contains(dom, []byte(want)) {
			t.Errorf("page lacks the wall's quantity: %s", want)
		}
	}

	// A bad date shows the server's error.
	dom = chromium(t, "--dump-dom", srv.URL+"/?from=2024-13")
	if !bytes.Contains(dom, []byte("bad parameter from")) {
		t.Errorf("bad date: no error notice shown")
	}

	// Screenshots: the whole timeline with the signing event open, and
	// al-Shammari's events with the Basra statement open.
	dir := t.TempDir()
	for name, target := range map[string]string{
		"timeline.png":       "/#event=" + timelinetest.EventMoU,
		"timeline-actor.png": "/?actor=al-Shammari#event=" + timelinetest.EventBasra,
	} {
		shot := filepath.Join(dir, name)
		chromium(t, "--screenshot="+shot, "--window-size=1280,900", "--hide-scrollbars", srv.URL+target)
		png, err := os.ReadFile(shot)
		if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) || len(png) < 10000 {
			t.Fatalf("no screenshot %s (%v, %d bytes)", name, err, len(png))
		}
		t.Logf("screenshot: %s (%d bytes)", shot, len(png))
		if d := os.Getenv("EVENTGRAPH_SCREENSHOT_DIR"); d != "" {
			_ = os.WriteFile(filepath.Join(d, name), png, 0o644)
		}
	}
}

// TestPageHead checks HEAD and other methods on the page.
func TestPageHead(t *testing.T) {
	s, _ := tlServer(t)
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, localReq(http.MethodPost, "/", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST /: status %d", rec.Code)
	}
}
