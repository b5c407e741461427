package timeline_test

import (
	"bytes"
	"encoding/json"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"

	"eventgraph/graph"
	"eventgraph/graph/timeline"
	"eventgraph/graph/timeline/timelinetest"
)

func TestBound(t *testing.T) {
	tests := []struct {
		in      string
		end     bool
		want    string
		wantErr bool
	}{
		{"", false, "", false},
		{"2024", false, "2024-01-01", false},
		{"2024", true, "2024-12-31", false},
		{"2024-02", true, "2024-02-29", false},
		{"2023-02", true, "2023-02-28", false},
		{"2024-05-12", true, "2024-05-12", false},
		{"2024-13", false, "", true},
		{"2024-02-30", false, "", true},
		{"24", false, "", true},
		{"yesterday", false, "", true},
		{"2024/05/12", false, "", true},
	}
	for _, tt := range tests {
		got, err := timeline.Bound(tt.in, tt.end)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("Bound(%q, %v) = %q, %v; want %q, err %v", tt.in, tt.end, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestParseQueryErrors(t *testing.T) {
	tests := []struct {
		query, param string
	}{
		{"from=2024-99", "from"},
		{"to=soon", "to"},
		{"from=2025&to=2024", "to"},
		{"limit=-3", "limit"},
		{"undated=maybe", "undated"},
		{"evidence=some", "evidence"},
	}
	for _, tt := range tests {
		v, _ := url.ParseQuery(tt.query)
		_, err := timeline.ParseQuery(v)
		var qe *timeline.Error
		if !errorsAs(err, &qe) || qe.Param != tt.param {
			t.Errorf("ParseQuery(%q) = %v; want an *Error about %s", tt.query, err, tt.param)
		}
	}
	v, _ := url.ParseQuery("from=2021&to=2024-06&actor=Shammari&undated=1&limit=5&evidence=all")
	q, err := timeline.ParseQuery(v)
	if err != nil || q.From != "2021" || q.To != "2024-06" || q.Actor != "Shammari" || !q.Undated || q.Limit != 5 || !q.AllEvidence {
		t.Errorf("ParseQuery = %+v, %v", q, err)
	}
}

func errorsAs(err error, target **timeline.Error) bool {
	e, ok := err.(*timeline.Error)
	if ok {
		*target = e
	}
	return ok
}

func ids(t *testing.T, s graph.Storage, q timeline.Query) []string {
	t.Helper()
	var out []string
	err := s.View(func(r graph.Snapshot) error {
		items, err := timeline.Items(r, q)
		for _, it := range items {
			out = append(out, it.ID)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestFilters(t *testing.T) {
	s := timelinetest.Open(t)
	tl := timelinetest.EventTour
	tests := []struct {
		name string
		q    timeline.Query
		want []string
	}{
		{"actor by alias", timeline.Query{Actor: "al-Shammari"}, timelinetest.ShammariEvents},
		{"actor by other spelling", timeline.Query{Actor: "Lt Gen Abdul Amir Al Shammari"}, timelinetest.ShammariEvents},
		{"actor case and hyphens", timeline.Query{Actor: "ABDUL-AMIR AL-SHAMMARI"}, timelinetest.ShammariEvents},
		{"unknown actor", timeline.Query{Actor: "Nobody al-Nowhere"}, nil},
		{"actor and dates", timeline.Query{Actor: "Shammari", From: "2024", To: "2024-03"}, []string{timelinetest.EventWall, timelinetest.EventBasra}},
		{"type", timeline.Query{Type: "sign agreement"}, []string{timelinetest.EventMoU}},
		{"cameo prefix", timeline.Query{Type: "15"}, []string{timelinetest.EventFortify, timelinetest.EventWall}},
		{"place", timeline.Query{Place: "basra"}, []string{timelinetest.EventBasra}},
		{"place alias folding", timeline.Query{Place: "Al Qaim"}, []string{tl}},
		{"unknown place", timeline.Query{Place: "Atlantis"}, nil},
		{"country code", timeline.Query{Country: "lb"}, []string{timelinetest.EventMikati, timelinetest.EventMasnaa}},
		{"country name", timeline.Query{Country: "Lebanon"}, []string{timelinetest.EventMikati, timelinetest.EventMasnaa}},
		{"unknown country", timeline.Query{Country: "Narnia"}, nil},
		{"month overlaps", timeline.Query{From: "2024-12-20", To: "2024-12-31"}, []string{timelinetest.EventMikati}},
		{"year range", timeline.Query{From: "2017", To: "2017"}, []string{timelinetest.EventDefeat}},
		{"limit", timeline.Query{Limit: 2}, []string{timelinetest.EventDefeat, first2021(s, t)}},
		{"undated last", timeline.Query{Country: "RU", Undated: true}, []string{timelinetest.EventLavrov, timelinetest.EventSparta}},
		{"undated excluded by default", timeline.Query{Country: "RU"}, []string{timelinetest.EventLavrov}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(t, s, tt.q)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v\nwant %v", got, tt.want)
			}
		})
	}
}

// first2021 is whichever of the two 2021-01-18 events sorts first (by ID).
func first2021(_ graph.Storage, _ *testing.T) string {
	a, b := timelinetest.EventTour, timelinetest.EventRasool
	if b < a {
		return b
	}
	return a
}

func TestAllInDateOrder(t *testing.T) {
	s := timelinetest.Open(t)
	var items []timeline.Item
	_ = s.View(func(r graph.Snapshot) error {
		var err error
		items, err = timeline.Items(r, timeline.Query{})
		return err
	})
	if len(items) != timelinetest.NumDated {
		t.Fatalf("got %d items, want %d dated events", len(items), timelinetest.NumDated)
	}
	for i := 1; i < len(items); i++ {
		if items[i-1].Date.Start > items[i].Date.Start {
			t.Errorf("out of order: %s (%s) before %s (%s)", items[i-1].Title, items[i-1].Date.Start, items[i].Title, items[i].Date.Start)
		}
	}
}

func TestWriteJSON(t *testing.T) {
	s := timelinetest.Open(t)
	var buf bytes.Buffer
	err := s.View(func(r graph.Snapshot) error {
		return timeline.Write(&buf, r, timeline.Query{Actor: "al-Shammari", AllEvidence: true}, "json")
	})
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Query  map[string]any  `json:"query"`
		Events []timeline.Item `json:"events"`
		Count  int             `json:"count"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, buf.String())
	}
	if doc.Count != 4 || len(doc.Events) != 4 {
		t.Fatalf("count %d, %d events; want 4", doc.Count, len(doc.Events))
	}
	mou := doc.Events[3]
	if mou.ID != timelinetest.EventMoU || mou.CAMEO != "057" || mou.Agreement == nil || mou.Place == nil ||
		mou.Place.Lat == nil || mou.Place.Name != "Baghdad" || mou.Evidence == nil || mou.Evidence.Article.URL == "" ||
		len(mou.AllEvidence) != 2 || mou.EvidenceCount != 2 || mou.Date.Precision != graph.Day {
		t.Errorf("MoU item incomplete: %+v", mou)
	}
	roles := map[string]string{}
	for _, a := range mou.Actors {
		roles[a.Name] = a.Role
	}
	if roles[timelinetest.Shammari] != "signatory" || roles[timelinetest.Rahmoun] != "signatory" {
		t.Errorf("actors with roles: %v", roles)
	}
	wall := doc.Events[1]
	if wall.Date.Precision != graph.Week || wall.Place == nil || wall.Place.Lat != nil {
		t.Errorf("wall: want WEEK precision and a place without coordinates: %+v", wall)
	}
	wantQ := []timeline.QuantityRef{{Value: 160, Unit: "km", Text: "160-kilometer-long", Counts: "concrete insulating wall", Article: wall.Evidence.Article.ID}}
	if !reflect.DeepEqual(wall.Quantities, wantQ) {
		t.Errorf("wall quantities %+v, want %+v", wall.Quantities, wantQ)
	}
	// an event without quantities lists none: [], not null
	if !strings.Contains(buf.String(), `"quantities":[]`) || mou.Quantities == nil {
		t.Errorf("an event without quantities must have \"quantities\":[]")
	}
}

func TestQuantityString(t *testing.T) {
	tests := []struct {
		q    timeline.QuantityRef
		want string
	}{
		{timeline.QuantityRef{Value: 160, Unit: "km", Counts: "wall"}, "160 km (wall)"},
		{timeline.QuantityRef{Value: 80, Unit: "%"}, "80%"},
		{timeline.QuantityRef{Value: 260000, Unit: "people", Counts: "displaced"}, "260,000 people (displaced)"},
		{timeline.QuantityRef{Value: 5e9, Unit: "USD"}, "5,000,000,000 USD"},
		{timeline.QuantityRef{Value: 1.5, Unit: "tons", Counts: "cocaine"}, "1.5 tons (cocaine)"},
		{timeline.QuantityRef{Value: 223, Unit: "families", Counts: "families"}, "223 families"},
		{timeline.QuantityRef{Value: 999, Unit: "pills"}, "999 pills"},
		{timeline.QuantityRef{Value: 1000, Unit: "pills"}, "1,000 pills"},
	}
	for _, tt := range tests {
		if got := tt.q.String(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestWriteTimelineJS(t *testing.T) {
	s := timelinetest.Open(t)
	var buf bytes.Buffer
	err := s.View(func(r graph.Snapshot) error {
		return timeline.Write(&buf, r, timeline.Query{Undated: true}, "timelinejs")
	})
	if err != nil {
		t.Fatal(err)
	}
	timelinetest.CheckTimelineJS(t, buf.Bytes(), timelinetest.NumDated)
	if !strings.Contains(buf.String(), `"display_date":"Q4 2017"`) || !strings.Contains(buf.String(), `"display_date":"December 2024"`) {
		t.Errorf("imprecise dates lack display_date:\n%s", buf.String())
	}
	if !strings.Contains(buf.String(), "<p>160 km (concrete insulating wall)</p>") {
		t.Errorf("the wall's slide does not say its length:\n%s", buf.String())
	}
}

func TestBadFormat(t *testing.T) {
	s := timelinetest.Open(t)
	var buf bytes.Buffer
	err := s.View(func(r graph.Snapshot) error { return timeline.Write(&buf, r, timeline.Query{}, "xml") })
	if !timeline.IsQueryError(err) || buf.Len() != 0 {
		t.Errorf("Write(xml) = %v, wrote %d bytes; want a query error and nothing written", err, buf.Len())
	}
}

// Two reports that disagree: the item is disputed and carries each
// article's date and figures, and the TimelineJS slide says so.
func TestDisputedItem(t *testing.T) {
	st := timelinetest.OpenDisputed(t)
	var items []timeline.Item
	var slide bytes.Buffer
	err := st.View(func(r graph.Snapshot) (err error) {
		if items, err = timeline.Items(r, timeline.Query{}); err != nil {
			return err
		}
		return timeline.Write(&slide, r, timeline.Query{}, "timelinejs")
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 {
		t.Fatalf("%d items, want the reports merged", len(items))
	}
	it := items[0]
	if !it.Disputed || !reflect.DeepEqual(it.Disputes, []string{"date", "drivers killed"}) || len(it.Reports) != 2 {
		t.Fatalf("item: disputed %v %v, %d reports", it.Disputed, it.Disputes, len(it.Reports))
	}
	for i, want := range []struct{ title, date, toll string }{
		{timelinetest.DisputedFirst, "2023-08-13", "12 people (drivers killed)"},
		{timelinetest.DisputedSecond, "2023-08-12", "15 people (drivers killed)"},
	} {
		r := it.Reports[i]
		toll := ""
		for _, q := range r.Quantities {
			if q.Unit == "people" {
				toll = q.String()
			}
		}
		if r.Article.Title != want.title || r.Date.Value != want.date || toll != want.toll || r.Sentence == "" {
			t.Errorf("report %d: %s, %s, %q, %q", i, r.Article.Title, r.Date.Value, toll, r.Sentence)
		}
	}
	for _, want := range []string{"<strong>Sources disagree</strong> on date, drivers killed:",
		"<li>" + timelinetest.DisputedFirst + ": 13 August 2023, 40 trucks, 12 people (drivers killed)</li>"} {
		if !strings.Contains(slide.String(), want) {
			t.Errorf("slide lacks %s:\n%s", want, slide.String())
		}
	}
}
