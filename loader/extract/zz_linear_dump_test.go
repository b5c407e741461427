package extract

import (
	"encoding/json"
	"os"
	"testing"

	"eventgraph/loader/ascii"
	"eventgraph/loader/read"
	"eventgraph/loader/sentence"
	"eventgraph/loader/synth"
)

func TestZZLinearDump(t *testing.T) {
	out := os.Getenv("LINEAR_DUMP")
	if out == "" {
		t.Skip()
	}
	docs := synth.Generate(400, 1)
	docs = append(docs, sizedDoc(200_000, false), sizedDoc(20_000, true), sizedDoc(3_000, true))
	in, _ := read.ReadPath("/tmp/linear/in")
	docs = append(docs, in...)
	f, _ := os.Create(out)
	defer f.Close()
	enc := json.NewEncoder(f)
	for _, d := range docs {
		enc.Encode(Article(d))
	}
}

func TestZZSentLen(t *testing.T) {
	in, _ := read.ReadPath("/tmp/linear/in")
	mb, mt := 0, 0
	hist := map[int]int{}
	for _, d := range in {
		for _, s := range sentence.Split(d.Text) {
			n := len(tokenize(s.Text, ascii.Lower(s.Text), nil))
			hist[n/50*50]++
			if len(s.Text) > mb {
				mb = len(s.Text)
			}
			if n > mt {
				mt = n
			}
		}
	}
	t.Log(mb, mt, hist)
}
