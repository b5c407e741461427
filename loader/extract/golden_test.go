package extract_test

import (
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"eventgraph/graph/model"
	"eventgraph/loader/extract"
	"eventgraph/loader/read"
)

// update rewrites the golden files from the current extraction:
//
//	go test ./loader/extract -run Golden -update
var update = flag.Bool("update", false, "rewrite testdata/golden/*.json from the current extraction")

// goldenDir holds one JSON file per input file: the facts extracted from
// each of its articles, as goldenArticle.
const goldenDir = "testdata/golden"

// goldenInputs are the folders whose every article has a golden file: the
// seeds and the test articles written for this package.
var goldenInputs = []string{"../../seeds", "testdata/own"}

// goldenArticle is what a golden file says of one article: its facts with
// actors and places by name instead of identifier, sorted, so a change of
// the extraction reads as a small diff.
type goldenArticle struct {
	Title      string            `json:"title"`
	Published  string            `json:"published,omitempty"`
	Source     string            `json:"source,omitempty"`
	Events     []goldenEvent     `json:"events"`
	Agreements []goldenAgreement `json:"agreements,omitempty"`
	Actors     []goldenActor     `json:"actors,omitempty"`
	Places     []goldenPlace     `json:"places,omitempty"`
}

type goldenEvent struct {
	At           int      `json:"at"` // byte offset of its first sentence
	Title        string   `json:"title"`
	Type         string   `json:"type"`
	CAMEO        string   `json:"cameo,omitempty"`
	Status       string   `json:"status,omitempty"`
	Date         string   `json:"date"` // value and precision: "2024-05-12 DAY"
	DateText     string   `json:"dateText,omitempty"`
	Anchor       string   `json:"anchor,omitempty"`
	Place        string   `json:"place,omitempty"`
	Agreement    string   `json:"agreement,omitempty"`
	Participants []string `json:"participants,omitempty"` // "role: name"
	Quantities   []string `json:"quantities,omitempty"`   // "160 km (wall): 160-km"
}

type goldenAgreement struct {
	Name        string   `json:"name"`
	Kind        string   `json:"kind"`
	Date        string   `json:"date"`
	Place       string   `json:"place,omitempty"`
	Parties     []string `json:"parties,omitempty"`
	Signatories []string `json:"signatories,omitempty"`
	Topics      []string `json:"topics,omitempty"`
}

type goldenActor struct {
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	Country string   `json:"country,omitempty"`
	Aliases []string `json:"aliases,omitempty"`
	Roles   []string `json:"roles,omitempty"` // "title (from)"
}

type goldenPlace struct {
	Name    string `json:"name"`
	Kind    string `json:"kind,omitempty"`
	Country string `json:"country,omitempty"`
}

func goldenDate(d model.DateSpan) string { return d.Value + " " + string(d.Precision) }

// toGolden turns an article's facts into their golden form.
func toGolden(f *model.Facts) goldenArticle {
	actor := map[string]string{}
	for _, a := range f.Actors {
		actor[a.ID] = a.Name
	}
	place := map[string]string{}
	for _, p := range f.Places {
		place[p.ID] = p.Name
	}
	agreement := map[string]string{}
	for _, g := range f.Agreements {
		agreement[g.ID] = g.Name
	}
	name := func(m map[string]string, id string) string {
		if n, ok := m[id]; ok || id == "" {
			return n
		}
		return "?" + id // a dangling reference shows in the diff
	}
	names := func(ids []string) []string {
		var out []string
		for _, id := range ids {
			out = append(out, name(actor, id))
		}
		return out
	}
	g := goldenArticle{Title: f.Article.Title, Published: f.Article.Published, Source: f.Article.Source, Events: []goldenEvent{}}
	for _, e := range f.Events {
		ge := goldenEvent{Title: e.Title, Type: e.Type, CAMEO: e.CAMEO, Status: e.Status,
			Date: goldenDate(e.Date), DateText: e.Date.Text, Anchor: e.Date.Anchor,
			Place: name(place, e.PlaceID), Agreement: name(agreement, e.AgreementID), At: -1}
		for _, x := range e.Evidence {
			if ge.At < 0 || x.Start < ge.At {
				ge.At = x.Start
			}
		}
		for _, p := range e.Participants {
			ge.Participants = append(ge.Participants, p.Role+": "+name(actor, p.ActorID))
		}
		slices.Sort(ge.Participants)
		for _, q := range e.Quantities {
			ge.Quantities = append(ge.Quantities, q.String()+": "+q.Text)
		}
		g.Events = append(g.Events, ge)
	}
	slices.SortStableFunc(g.Events, func(a, b goldenEvent) int {
		return cmp.Or(cmp.Compare(a.At, b.At), cmp.Compare(a.Title, b.Title), cmp.Compare(a.CAMEO, b.CAMEO))
	})
	for _, a := range f.Agreements {
		g.Agreements = append(g.Agreements, goldenAgreement{Name: a.Name, Kind: a.Kind, Date: goldenDate(a.Date),
			Place: name(place, a.PlaceID), Parties: names(a.Parties), Signatories: names(a.Signatories), Topics: a.Topics})
	}
	slices.SortStableFunc(g.Agreements, func(a, b goldenAgreement) int { return cmp.Compare(a.Name, b.Name) })
	for _, a := range f.Actors {
		ga := goldenActor{Name: a.Name, Kind: string(a.Kind), Country: a.Country, Aliases: slices.Sorted(slices.Values(a.Aliases))}
		for _, r := range a.Roles {
			ga.Roles = append(ga.Roles, strings.TrimSpace(r.Title+" ("+r.From+")"))
		}
		g.Actors = append(g.Actors, ga)
	}
	slices.SortStableFunc(g.Actors, func(a, b goldenActor) int { return cmp.Compare(a.Name, b.Name) })
	for _, p := range f.Places {
		g.Places = append(g.Places, goldenPlace{Name: p.Name, Kind: p.Kind, Country: p.Country})
	}
	slices.SortStableFunc(g.Places, func(a, b goldenPlace) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Country, b.Country))
	})
	return g
}

// goldenFiles extracts every article of the golden inputs and returns
// each golden file's name and content.
func goldenFiles(t *testing.T) map[string][]byte {
	t.Helper()
	byFile := map[string][]goldenArticle{}
	var order []string
	for _, dir := range goldenInputs {
		docs, errs := read.ReadPath(dir)
		for _, err := range errs {
			t.Errorf("reading %s: %v", dir, err)
		}
		if len(docs) == 0 {
			t.Fatalf("no articles in %s", dir)
		}
		for _, d := range docs {
			name := strings.TrimSuffix(filepath.Base(d.File), filepath.Ext(d.File)) + ".json"
			if _, ok := byFile[name]; !ok {
				order = append(order, name)
			}
			byFile[name] = append(byFile[name], toGolden(extract.Article(d)))
		}
	}
	out := map[string][]byte{}
	for _, name := range order {
		b, err := json.MarshalIndent(byFile[name], "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		out[name] = append(b, '\n')
	}
	return out
}

// TestGolden compares the facts extracted from every seed and own test
// article with testdata/golden; -update rewrites the files, so a change
// of the extraction shows as their diff in review.
func TestGolden(t *testing.T) {
	want := goldenFiles(t)
	old, err := filepath.Glob(filepath.Join(goldenDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, p := range old {
			if _, ok := want[filepath.Base(p)]; !ok {
				if err := os.Remove(p); err != nil {
					t.Fatal(err)
				}
			}
		}
		for name, b := range want {
			if err := os.WriteFile(filepath.Join(goldenDir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	for _, p := range old {
		if _, ok := want[filepath.Base(p)]; !ok {
			t.Errorf("%s has no article any more: run go test ./loader/extract -run Golden -update", p)
		}
	}
	for name, b := range want {
		p := filepath.Join(goldenDir, name)
		have, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("%v: run go test ./loader/extract -run Golden -update", err)
			continue
		}
		if !bytes.Equal(have, b) {
			t.Errorf("%s differs from the extraction (run go test ./loader/extract -run Golden -update and review the diff):\n%s", p, lineDiff(have, b))
		}
	}
}

// lineDiff shows the first lines where two texts differ, with a line of
// context, enough to see what changed without a diff tool.
func lineDiff(a, b []byte) string {
	x, y := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	var out strings.Builder
	shown := 0
	for i := 0; i < max(len(x), len(y)) && shown < 12; i++ {
		var l, r string
		if i < len(x) {
			l = x[i]
		}
		if i < len(y) {
			r = y[i]
		}
		if l != r {
			fmt.Fprintf(&out, "line %d:\n  golden:  %s\n  now:     %s\n", i+1, l, r)
			shown++
		}
	}
	return out.String()
}
