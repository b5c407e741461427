package extract

import (
	"fmt"
	"os"
	"testing"

	"eventgraph/loader/mention"
	"eventgraph/loader/sentence"
)

// TestDebugHits prints the triggers of EXTRACT_DEBUG's sentence.
func TestDebugHits(t *testing.T) {
	s := os.Getenv("EXTRACT_DEBUG")
	if s == "" {
		t.Skip("set EXTRACT_DEBUG to a sentence")
	}
	ss := sentence.Split(s)
	res := mention.Analyze(mention.Doc{Text: s, Sentences: ss, Published: "2025-03-18"})
	for _, m := range res.Mentions {
		fmt.Printf("mention %q %s actor=%v place=%v\n", m.Text, m.Kind, m.ActorID != "", m.PlaceID != "")
	}
	x := &sent{s: ss[0], toks: tokenize(ss[0].Text), ments: res.Mentions}
	for _, h := range (&state{}).findHits(x) {
		fmt.Printf("hit %q verb=%v inf=%v planned=%v neg=%v prepIng=%v det=%v clause=%d %s/%s\n", x.toks[h.i].w, h.verb, h.inf, h.planned, h.neg, h.prepIng, h.det, h.clause, h.e.cameo, h.e.typ)
	}
}
