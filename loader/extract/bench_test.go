package extract

import (
	"testing"

	"eventgraph/loader/read"
	"eventgraph/loader/synth"
)

// BenchmarkArticle extracts the facts of a synthetic corpus (the one
// bench.BenchmarkLoad uses) and reports words per second.
func BenchmarkArticle(b *testing.B) {
	docs := synth.Generate(400, 1)
	words := synth.Words(docs)
	Article(docs[0]) // build the lexicons and gazetteer outside the timing
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		extractAll(docs)
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// extractAll extracts every document (a function of its own for
// profilers to single out).
//
//go:noinline
func extractAll(docs []read.Document) {
	for _, d := range docs {
		Article(d)
	}
}
