package bench

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"

	"eventgraph/graph"
	"eventgraph/loader"
	"eventgraph/loader/extract"
	"eventgraph/loader/read"
	"eventgraph/loader/sentence"
	"eventgraph/loader/synth"
)

// loadArticles is the size of the corpus the load benchmarks use (about
// 450 words an article).
const loadArticles = 400

var corpus struct {
	once  sync.Once
	dir   string // the corpus as files
	docs  []read.Document
	facts []*graph.Facts
	words int
	err   error
}

// loadCorpus generates the corpus once per run, writes it to a temporary
// folder and extracts it, so that each stage can be timed alone.
func loadCorpus(b *testing.B) {
	corpus.once.Do(func() {
		corpus.docs = synth.Generate(loadArticles, 1)
		corpus.words = synth.Words(corpus.docs)
		dir, err := tempDir("corpus")
		if err != nil {
			corpus.err = err
			return
		}
		corpus.dir = dir
		if _, corpus.err = synth.WriteFiles(dir, corpus.docs); corpus.err != nil {
			return
		}
		for _, d := range corpus.docs {
			corpus.facts = append(corpus.facts, extract.Article(d))
		}
	})
	if corpus.err != nil {
		b.Fatal(corpus.err)
	}
}

func reportWords(b *testing.B, words int) {
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// BenchmarkLoad times the loader's stages over one synthetic corpus, in
// words per second: reading the files, splitting sentences, extraction,
// storing article by article and in batches, and the whole pipeline
// (loader.LoadPaths with one worker) into a database on disk. Run with
// -cpu 1 for per-core figures.
func BenchmarkLoad(b *testing.B) {
	loadCorpus(b)
	b.Run("read", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			docs, errs := read.ReadPath(corpus.dir)
			if len(errs) > 0 || len(docs) != loadArticles {
				b.Fatalf("%d docs, %v", len(docs), errs)
			}
		}
		reportWords(b, corpus.words)
	})
	b.Run("split", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, d := range corpus.docs {
				sentence.Split(d.Text)
			}
		}
		reportWords(b, corpus.words)
	})
	b.Run("extract", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, d := range corpus.docs {
				extract.Article(d)
			}
		}
		reportWords(b, corpus.words)
	})
	b.Run("store/each", func(b *testing.B) {
		benchStore(b, func(s *graph.Store) {
			for _, f := range corpus.facts {
				if _, err := s.PutFacts(f); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
	b.Run("store/batch", func(b *testing.B) {
		benchStore(b, func(s *graph.Store) {
			for _, err := range must2(s.PutFactsBatch(corpus.facts)) {
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	})
	b.Run("pipeline", func(b *testing.B) {
		benchStore(b, func(s *graph.Store) {
			sum := loader.New(s, loader.Options{Workers: 1, Logger: quietLogger()}).
				LoadPaths(context.Background(), []string{corpus.dir})
			if len(sum.Errors) > 0 || sum.Articles != loadArticles {
				b.Fatalf("%s: %v", sum, sum.Errors)
			}
		})
	})
}

func must2[T any](_ T, errs []error) []error { return errs }

// benchStore times fn against a fresh database on disk each iteration.
func benchStore(b *testing.B, fn func(*graph.Store)) {
	b.StopTimer()
	for i := 0; i < b.N; i++ {
		dir, err := tempDir("db")
		if err != nil {
			b.Fatal(err)
		}
		s, err := graph.Open(graph.DefaultOptions(filepath.Join(dir, "db")).WithLogger(quietLogger()))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		fn(s)
		b.StopTimer()
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		removeAll(dir)
	}
	b.ReportMetric(float64(corpus.words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
