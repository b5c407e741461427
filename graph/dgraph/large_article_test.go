package dgraph

import (
	"fmt"
	"strings"
	"testing"

	"eventgraph/graph"
)

// An article of 3 MiB of text is stored through the Dgraph store (whose
// merging runs on an in-memory scratch store, where Badger holds no value
// over 64 KiB: the text is stored there in parts) and read back whole,
// with its events and their evidence at their offsets.
func TestLargeArticle(t *testing.T) {
	_, dg, _ := openBoth(t)
	var text strings.Builder
	text.WriteString("The Long Ledger of the Quays\n\n")
	type at struct{ start, end int }
	var sentences []at
	for i := 0; text.Len() < 3<<20; i++ {
		if i%500 == 0 {
			s := fmt.Sprintf("On day %d the quay board of Marbenne <élue> met the rope makers & fixed a tariff.", i)
			sentences = append(sentences, at{text.Len(), text.Len() + len(s)})
			text.WriteString(s + " ")
		}
		fmt.Fprintf(&text, "Paragraph %d: the barges at Tessel waited \"again\" by the lock, ç’est ainsi, wrote the clerk.\n\n", i)
	}
	art := graph.Article{Title: "The Long Ledger of the Quays", Published: "2024-06-30", Text: text.String()}
	art.ID = graph.ArticleID(art)
	actor := graph.Actor{ID: graph.ActorID("Quay Board of Marbenne"), Name: "Quay Board of Marbenne", Kind: graph.Organization}
	f := &graph.Facts{Article: art, Actors: []graph.Actor{actor}}
	for i, s := range sentences {
		d := fmt.Sprintf("2024-%02d-%02d", 1+i%6, 1+i%28)
		f.Events = append(f.Events, graph.Event{ID: graph.NewID("event", art.ID, fmt.Sprint(i)), Type: "sign formal agreement", CAMEO: "057",
			Title: fmt.Sprintf("tariff %d", i), Date: graph.DateSpan{Value: d, Start: d, End: d, Precision: graph.Day},
			Participants: []graph.Participation{{ActorID: actor.ID, Role: "source"}},
			Evidence:     []graph.Evidence{{ArticleID: art.ID, Sentence: art.Text[s.start:s.end], Start: s.start, End: s.end}}})
	}
	res, err := dg.PutFacts(f)
	if err != nil {
		t.Fatalf("PutFacts of %d bytes: %v", len(art.Text), err)
	}
	if res.Events != len(f.Events) {
		t.Errorf("%d events stored, want %d", res.Events, len(f.Events))
	}
	err = dg.View(func(r graph.Snapshot) error {
		a, err := r.Article(art.ID)
		if err != nil {
			return err
		}
		if a.Text != art.Text {
			t.Fatalf("text read back: %d bytes, want %d", len(a.Text), len(art.Text))
		}
		for _, e := range f.Events {
			got, err := r.Event(e.ID)
			if err != nil {
				return fmt.Errorf("event %s: %w", e.ID, err)
			}
			ev := got.Evidence[0]
			if a.Text[ev.Start:ev.End] != ev.Sentence || ev.Sentence != e.Evidence[0].Sentence {
				t.Errorf("event %s: evidence %q at %d–%d", e.ID, ev.Sentence, ev.Start, ev.End)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if res, err := dg.PutFacts(f); err != nil || !res.Existed {
		t.Errorf("loading it again: %+v, %v; want it found stored", res, err)
	}
}
