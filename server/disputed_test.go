package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"eventgraph/graph/timeline/timelinetest"
)

// disputedServer is a Server over two made-up reports of one ambush that
// disagree on its day and its toll (timelinetest.OpenDisputed).
func disputedServer(t *testing.T) *Server {
	t.Helper()
	s, err := New(timelinetest.OpenDisputed(t), nil, Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// /timeline gives a disputed event with each article's date and figures.
func TestTimelineDisputed(t *testing.T) {
	rec := get(t, disputedServer(t).Handler(), "/timeline")
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var doc struct {
		Events []struct {
			ID       string   `json:"id"`
			Disputed bool     `json:"disputed"`
			Disputes []string `json:"disputes"`
			Reports  []struct {
				Article    struct{ Title string }    `json:"article"`
				Date       struct{ Value string }    `json:"date"`
				Quantities []struct{ Value float64 } `json:"quantities"`
				Sentence   string                    `json:"sentence"`
			} `json:"reports"`
		} `json:"events"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 1 {
		t.Fatalf("%d events, want the two reports merged into one", len(doc.Events))
	}
	ev := doc.Events[0]
	if ev.ID != timelinetest.DisputedEventID() || !ev.Disputed || strings.Join(ev.Disputes, ",") != "date,drivers killed" {
		t.Errorf("event %s disputed %v on %v", ev.ID, ev.Disputed, ev.Disputes)
	}
	var got []string
	for _, r := range ev.Reports {
		var qs []string
		for _, q := range r.Quantities {
			qs = append(qs, fmt.Sprint(q.Value))
		}
		got = append(got, r.Article.Title+" "+r.Date.Value+" "+strings.Join(qs, "/")+" "+boolWord(r.Sentence != ""))
	}
	// a figure both give (40 trucks) is kept once, with the first report
	want := []string{timelinetest.DisputedFirst + " 2023-08-13 40/12 sentence",
		timelinetest.DisputedSecond + " 2023-08-12 15 sentence"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("reports\n got %q\nwant %q", got, want)
	}
}

func boolWord(b bool) string {
	if b {
		return "sentence"
	}
	return "no sentence"
}

// TestPageDisputedChromium: the page marks a disputed event's card and
// shows each article's date and figures side by side in the detail pane.
func TestPageDisputedChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	srv := httptest.NewServer(disputedServer(t).Handler())
	defer srv.Close()
	dom := chromium(t, "--dump-dom", srv.URL+"/#event="+timelinetest.DisputedEventID())
	if ids, _ := cards(t, dom); len(ids) != 1 {
		t.Fatalf("%d cards, want 1", len(ids))
	}
	head := `<thead><tr><th></th><th scope="col" title="Wire A, 2023-08-14">` + timelinetest.DisputedFirst +
		`</th><th scope="col" title="Wire B, 2023-08-14">` + timelinetest.DisputedSecond + `</th></tr></thead>`
	for _, want := range []string{
		`<span class="badge disputed" title="The articles disagree on date, drivers killed">sources disagree</span>`,
		`<h3>Sources disagree on date, drivers killed</h3>`,
		head,
		`<tr class="differs"><th scope="row">Date</th><td>Sun 13 August 2023</td><td>Sat 12 August 2023</td></tr>`,
		`<span class="qty" title="“12 drivers”">12 people (drivers killed)</span>`,
		`<span class="qty" title="“15 drivers”">15 people (drivers killed)</span>`,
	} {
		if !bytes.Contains(dom, []byte(want)) {
			t.Errorf("page lacks %s", want)
		}
	}
	if d := os.Getenv("EVENTGRAPH_SCREENSHOT_DIR"); d != "" {
		shot := filepath.Join(d, "timeline-disputed.png")
		chromium(t, "--screenshot="+shot, "--window-size=1280,900", "--hide-scrollbars", srv.URL+"/#event="+timelinetest.DisputedEventID())
	}
	// the figures row is marked, and holds both tolls in their columns
	row := regexp.MustCompile(`<tr class="differs"><th scope="row">Figures</th><td>(.*?)</td><td>(.*?)</td></tr>`).FindSubmatch(dom)
	if row == nil || !bytes.Contains(row[1], []byte("12 people")) || !bytes.Contains(row[2], []byte("15 people")) {
		t.Errorf("no marked figures row with 12 and 15 side by side:\n%.4000s", dom)
	}
}
