package loader

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"eventgraph/graph"
)

// TestSameEventTwoOutlets loads made-up articles (written for this test,
// no outlet's text; pairs a1/a2 … i1/i2) that tell the same
// happenings in two outlets' words (testdata/pairs) and checks the graph:
// each pair of reports below is one event node, no node joins reports of
// different happenings, and each person is one actor under every spelling.
func TestSameEventTwoOutlets(t *testing.T) {
	st := openStore(t)
	sum := New(st, Options{Logger: quietLogger()}).LoadPaths(context.Background(), []string{filepath.Join("testdata", "pairs")})
	if len(sum.Errors) > 0 || sum.Articles != 18 {
		t.Fatalf("load: %+v", sum)
	}
	// the events holding each evidence phrase (phrase → event IDs)
	type ev struct {
		id    string
		files map[string]bool
	}
	var events []ev
	err := st.View(func(r graph.Snapshot) error {
		return r.ForEachEvent(func(e graph.Event) error {
			files := map[string]bool{}
			for _, x := range e.Evidence {
				a, err := r.ArticleMeta(x.ArticleID)
				if err != nil {
					return err
				}
				files[filepath.Base(a.File)+": "+x.Sentence] = true
			}
			events = append(events, ev{e.ID, files})
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	holding := func(file, phrase string) map[string]bool {
		ids := map[string]bool{}
		for _, e := range events {
			for k := range e.files {
				if strings.HasPrefix(k, file+": ") && strings.Contains(k, phrase) {
					ids[e.id] = true
				}
			}
		}
		return ids
	}
	for _, c := range []struct {
		name           string
		fileA, phraseA string
		fileB, phraseB string
	}{
		{"a border protocol signed", "a1.txt", "signed a protocol on Thursday", "a2.txt", "signed a border delimitation protocol"},
		{"an extradition told as a handing over", "c1.txt", "extradited Cambodian opposition activist", "c2.txt", "was handed over to Cambodian authorities"},
		{"a border closed, in other words", "d1.txt", "closed its border crossings", "d2.txt", "shut all checkpoints"},
		{"a ceasefire agreed by telephone", "d1.txt", "agreed to a ceasefire", "d2.txt", "agreed on a ceasefire"},
		{"a visit told by the visitor's and the host's outlets", "e1.txt", "arrived in Budapest", "e2.txt", "hosted his Serbian counterpart"},
		{"a memorandum signed", "e1.txt", "signed a memorandum on cooperation", "e2.txt", "signed a memorandum of understanding"},
		{"diplomats ordered out, and expelled", "f1.txt", "ordered Peru's diplomats to leave", "f2.txt", "expelled Peruvian diplomatic staff"},
		{"an ambassador recalled", "f1.txt", "recalled its ambassador from Caracas", "f2.txt", "recalled its ambassador to Venezuela"},
		{"a minister sentenced, and jailed", "g1.txt", "sentenced former Malian defence minister", "g2.txt", "was jailed for ten years"},
		{"a maritime treaty signed", "i1.txt", "signed a treaty on Sunday", "i2.txt", "concluded an agreement delimiting"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a, b := holding(c.fileA, c.phraseA), holding(c.fileB, c.phraseB)
			if len(a) == 0 || len(b) == 0 {
				t.Fatalf("no event holds %q (%d) or %q (%d)", c.phraseA, len(a), c.phraseB, len(b))
			}
			one := false
			for id := range a {
				one = one || b[id]
			}
			if !one {
				t.Errorf("%s: %q and %q are different event nodes", c.name, c.phraseA, c.phraseB)
			}
		})
	}
	// no node joins the reports of two different pairs' happenings
	for _, e := range events {
		letters := map[byte]bool{}
		for k := range e.files {
			letters[k[0]] = true
		}
		if len(letters) > 1 {
			t.Errorf("event %s joins different happenings: %v", e.id, e.files)
		}
	}
	// one actor per person, under every spelling
	for _, names := range [][]string{
		{"Gevorg Avetisyan", "Gevorg Avetisian", "Avetisian"},
		{"Elchin Mammadov", "Elchin Mamedov", "Mamedov"},
		{"Tiéfolo Sangaré", "Tiefolo Sangare", "Sangare"},
		{"Péter Kovács", "Peter Kovacs", "Foreign Minister Kovacs"},
		{"Marko Jovanović", "Marko Jovanovic"},
		{"Talant Abdyrakhmanov", "Talant Abdyrahmanov", "President Abdyrahmanov"},
		{"Sok Veasna", "Sok Vesna"},
	} {
		ids := map[string]bool{}
		err := st.View(func(r graph.Snapshot) error {
			for _, n := range names {
				as := r.ActorsByName(n)
				if len(as) == 0 {
					t.Errorf("no actor %q", n)
					continue
				}
				if as[0].Kind != graph.Person {
					t.Errorf("%q is a %s", n, as[0].Kind)
				}
				ids[as[0].ID] = true
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(ids) > 1 {
			t.Errorf("%v: %d actors, want one", names, len(ids))
		}
	}
}
