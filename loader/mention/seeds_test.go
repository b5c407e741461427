package mention

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eventgraph/loader/sentence"
)

// seedArticle is one article of the seed files.
type seedArticle struct {
	File, Title, Published, Text string
}

// loadSeeds splits the seed files into articles: a file holding two
// articles is cut at the first line equal to the second article's title.
func loadSeeds(t testing.TB) []seedArticle {
	t.Helper()
	var man struct {
		Articles []struct{ File, Title, Published string }
	}
	b, err := os.ReadFile("testdata/seeds/manifest.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &man); err != nil {
		t.Fatal(err)
	}
	byFile := map[string][]int{}
	for i, a := range man.Articles {
		byFile[a.File] = append(byFile[a.File], i)
	}
	var out []seedArticle
	for _, a := range man.Articles {
		idx := byFile[a.File]
		raw, err := os.ReadFile(filepath.Join("testdata/seeds", a.File))
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		if len(idx) == 2 {
			second := man.Articles[idx[1]].Title
			cut := strings.Index(text, second)
			if cut < 0 {
				t.Fatalf("%s: title %q not found", a.File, second)
			}
			if a.Title == second {
				text = text[cut:]
			} else {
				text = text[:cut]
			}
		}
		out = append(out, seedArticle{File: a.File, Title: a.Title, Published: a.Published, Text: text})
	}
	return out
}

func analyzeSeed(a seedArticle) Result {
	return Analyze(Doc{Text: a.Text, Sentences: sentence.Split(a.Text), Published: a.Published, ArticleID: a.File})
}

func TestDump(t *testing.T) {
	if os.Getenv("MENTION_DUMP") == "" {
		t.Skip("set MENTION_DUMP=1 to print every mention")
	}
	for _, a := range loadSeeds(t) {
		r := analyzeSeed(a)
		t.Logf("=== %s", a.Title)
		names := map[string]string{}
		for _, ac := range r.Actors {
			names[ac.ID] = ac.Name
		}
		for _, m := range r.Mentions {
			t.Logf("%-13s %-40q -> %s [%s]", m.Kind, m.Text, names[m.ActorID], m.Title)
		}
		for _, ac := range r.Actors {
			t.Logf("ACTOR %s %s %s %v", ac.Kind, ac.Name, ac.Country, ac.Aliases)
			for _, ro := range ac.Roles {
				t.Logf("   ROLE %q org=%s %s", ro.Title, names[ro.OrgID], ro.From)
			}
		}
		for _, p := range r.Places {
			t.Logf("PLACE %s %s %s %v %.3f,%.3f %s", p.Name, p.Kind, p.Country, p.HasGeo, p.Lat, p.Lon, p.Note)
		}
	}
}
